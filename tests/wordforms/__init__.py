"""Word documents laid out as the official forms are, blank and filled in by hand, with what they say.

The fixtures for reading Word forms back: one .docx per official form, made the way the world
makes them (the ministry's or province's template, filled by a county official in Word or WPS),
never by our own renderer.

* :func:`build` — the document's bytes (the same bytes every run);
* :func:`expected` — the application a careful person transcribes from the filled document
  (docs/data-format.md: numbers as decimal strings without units, choices as option ids,
  narratives with ``"\\n"`` between paragraphs and line breaks, tracked changes accepted);
* :func:`expected_summary` — for the national form, its 附件2 推荐集群汇总表 as a
  ``summary-2023`` application;
* :func:`planted_guesses` — the deliberately ambiguous spots of the filled document, which a
  reader should report rather than read silently.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from tests.wordforms import (
    guangxi,
    guangxi_fill,
    guangxi_values,
    jiangsu,
    jiangsu_fill,
    jiangsu_values,
    national,
    national_fill,
    national_values,
    shanghai,
    shanghai_fill,
    shanghai_values,
)
from tests.wordforms.layout import Fill
from tests.wordforms.package import Doc, Props

FORMS = ("national-2023", "jiangsu-2024", "guangxi-2025", "shanghai-2023")

_LAYOUT: dict[str, Callable[[Fill, Props], Doc]] = {
    "national-2023": national.document,
    "jiangsu-2024": jiangsu.document,
    "guangxi-2025": guangxi.document,
    "shanghai-2023": shanghai.document,
}
_VALUES: dict[str, ModuleType] = {
    "national-2023": national_values,
    "jiangsu-2024": jiangsu_values,
    "guangxi-2025": guangxi_values,
    "shanghai-2023": shanghai_values,
}
_FILL: dict[str, ModuleType] = {
    "national-2023": national_fill,
    "jiangsu-2024": jiangsu_fill,
    "guangxi-2025": guangxi_fill,
    "shanghai-2023": shanghai_fill,
}
#: The blank templates as their issuers saved them.
_TEMPLATE_PROPS = {
    "national-2023": Props(
        title="中小企业特色产业集群申报表",
        created="2023-06-05T02:00:00Z",
        modified="2023-07-05T03:10:00Z",
    ),
    "jiangsu-2024": Props(
        title="江苏省中小企业特色产业集群申报表",
        created="2024-05-20T01:00:00Z",
        modified="2024-06-18T07:40:00Z",
    ),
    "guangxi-2025": Props(
        title="中小企业特色产业集群申报表",
        created="2025-03-10T00:30:00Z",
        modified="2025-04-02T08:05:00Z",
        application="WPS Office_12.1.0.20305_F1E327BC-269C-435d-A152-05C5408002CA",
        app_version="12.0000",
        wps_build="2052-12.1.0.20305",
    ),
    "shanghai-2023": Props(
        title="上海市中小企业特色产业集群申报表",
        created="2023-06-12T02:20:00Z",
        modified="2023-06-30T06:00:00Z",
    ),
}


def _check(form: str) -> None:
    if form not in FORMS:
        msg = f"unknown form {form!r}; the forms are {', '.join(FORMS)}"
        raise KeyError(msg)


def build(form: str, *, filled: bool) -> bytes:
    """The .docx of ``form``: the blank template, or the template filled in by hand."""
    _check(form)
    if filled:
        return _LAYOUT[form](_FILL[form].fill(), _FILL[form].PROPS).to_bytes()
    return _LAYOUT[form](Fill(), _TEMPLATE_PROPS[form]).to_bytes()


def expected(form: str) -> dict[str, Any]:
    """The application (``{"spec": id, "values": …}``) a careful person reads from the filled form."""
    _check(form)
    return {"spec": form, "values": _strings(_VALUES[form].VALUES)}


def expected_summary(form: str) -> dict[str, Any] | None:
    """The 推荐集群汇总表 filled in with the form (``summary-2023``), or None if it has none."""
    _check(form)
    rows = getattr(_VALUES[form], "SUMMARY", None)
    if rows is None:
        return None
    return {"spec": "summary-2023", "values": {"summary.clusters": _strings(rows)}}


def planted_guesses(form: str) -> list[dict[str, Any]]:
    """The ambiguous spots planted in the filled form, for a reader's guess report.

    Each is ``{"field": id or None, "kind": kind, "text": what the document shows, …}`` with
    ``kind`` one of ``approximate_number`` (约150, 150左右), ``two_ticks`` (two boxes ticked in
    one choice), ``ambiguous_tick`` (a mark between two options), ``unmapped_text`` (typed text
    that belongs to no field; ``field`` is None and ``near`` names where it stands).  Where
    :func:`expected` had to decide, ``expected`` holds what it put down and ``options`` the
    candidates.
    """
    _check(form)
    guesses: list[dict[str, Any]] = _strings(_FILL[form].PLANTED)
    return guesses


def _strings(value: Any) -> Any:
    """A deep copy of ``value`` with every number a decimal string, as the application format has it."""
    if isinstance(value, dict):
        return {k: _strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value
