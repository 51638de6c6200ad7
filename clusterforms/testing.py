"""Helpers for testing renderer plugins: a contract check and valid sample data.

A plugin's test suite needs two lines::

    from clusterforms.testing import check_renderer

    def test_contract():
        check_renderer(MyRenderer())

:func:`check_renderer` renders every shipped spec blank and, when the
renderer fills forms, filled with :func:`sample_application`; checks that
the output is bytes; that what goes wrong is a :class:`~clusterforms.RenderError`
(or :class:`~clusterforms.ReadError` when reading); and, for a renderer that
reads its files back, that reading gives the application it was filled with.
It needs nothing outside the installed package: the sample data is built from
the spec itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from clusterforms.application.reading import read_application
from clusterforms.application.sample import sample_application
from clusterforms.application.values import Application
from clusterforms.drafts.model import SpecDraft
from clusterforms.errors import ReadError, RenderError
from clusterforms.model.checks import check_spec
from clusterforms.model.loading import list_specs, load_spec
from clusterforms.model.spec import FormSpec
from clusterforms.reading import Reading
from clusterforms.renderer import Renderer
from clusterforms.tables import Table, TableCell
from clusterforms.validation.validator import validate

__all__ = ["check_renderer", "sample_application"]


@attrs.frozen
class _Case:
    spec: FormSpec
    data: Application | None

    @property
    def name(self) -> str:
        return f"{self.spec.id} ({'filled' if self.data is not None else 'blank'})"

    @property
    def document(self) -> dict[str, Any] | None:
        """The application as a reader must give it back: its canonical document."""
        return None if self.data is None else self.data.to_document()


def check_renderer(renderer: Renderer, specs: Iterable[FormSpec] | None = None) -> None:
    """Check that ``renderer`` keeps the plugin contract; raises AssertionError saying where not.

    Every spec (by default every shipped spec) is rendered blank and, when
    the renderer fills forms, filled with :func:`sample_application`; each
    output must be non-empty bytes.  Filled with values no field takes (in
    every field at once), a renderer must give bytes or raise
    :class:`~clusterforms.RenderError`, never another exception (a renderer
    that cannot fill is never given data).  A renderer that reads must
    read each filled output back to the very application it was filled with,
    and refuse bytes that are not its format with :class:`~clusterforms.ReadError`;
    one that annotates must annotate each filled output (and read the copy back
    unchanged); one that imports templates must import each blank output as a
    draft whose spec passes the spec checks, and refuse bytes that are not its
    format; one that writes tables must write a small one.
    """
    _check_metadata(renderer)
    chosen = list(specs) if specs is not None else [load_spec(s) for s in list_specs()]
    for spec in chosen:
        cases = [_Case(spec, None)]
        if renderer.can_fill:
            sample = sample_application(spec)
            cases.append(_Case(spec, read_application(spec, sample)))
            _check_odd_values(renderer, spec, sample)
        for case in cases:
            out = _rendered(renderer, case)
            if case.data is not None and renderer.can_read:
                _check_read_back(renderer, case, out)
            if case.data is not None and renderer.can_annotate:
                _check_annotate(renderer, case, out)
            if case.data is None and renderer.can_import:
                _check_import(renderer, case, out)
    if renderer.can_read:
        _expect(ReadError, lambda: renderer.read(b"not a file of this format", name="junk"))
    if renderer.can_import:
        _expect(ReadError, lambda: renderer.import_spec(b"not a file of this format", name="junk"))
    if renderer.can_table:
        _check_table(renderer)


def _require(condition: bool, message: str) -> None:
    """Fail the check (also under ``python -O``, which drops ``assert``)."""
    if not condition:
        raise AssertionError(message)


def _check_metadata(renderer: Renderer) -> None:
    kind = type(renderer).__name__
    for attribute in ("name", "media_type", "extension"):
        value = getattr(renderer, attribute, None)
        _require(isinstance(value, str) and bool(value), f"{kind}.{attribute} must be a string")
    _require(renderer.extension.startswith("."), f"{kind}.extension must start with a dot")
    suffixes = renderer.read_suffixes
    _require(not renderer.can_read or bool(suffixes), f"{kind} reads but has no read_suffixes")
    _require(
        all(s.startswith(".") and s == s.lower() for s in suffixes),
        f"{kind}.read_suffixes must be lower case, each with its dot",
    )


def _rendered(renderer: Renderer, case: _Case) -> bytes:
    try:
        out = renderer.render(case.spec, case.data)
    except RenderError as exc:
        msg = f"{renderer.name}: rendering {case.name} failed: {exc}"
        raise AssertionError(msg) from exc
    _require(isinstance(out, bytes) and bool(out), f"{renderer.name}: {case.name} gave no bytes")
    return out


#: Values no field takes, each put in every field at once: rendering gives bytes or RenderError.
_ODD_VALUES: Final = ({"?": [None]}, ["x", 1], "不是数字", Decimal("NaN"))


def _check_odd_values(renderer: Renderer, spec: FormSpec, sample: dict[str, Any]) -> None:
    for odd in _ODD_VALUES:
        values = dict.fromkeys(sample.get("values", {}), odd) | {"no.such_field": odd}
        try:
            out = renderer.render(spec, read_application(spec, {**sample, "values": values}))
        except RenderError:
            continue
        except Exception as exc:
            msg = (
                f"{renderer.name}: {spec.id} filled with {odd!r} everywhere raised "
                f"{type(exc).__name__}: {exc} (a renderer must raise RenderError)"
            )
            raise AssertionError(msg) from exc
        _require(
            isinstance(out, bytes), f"{renderer.name}: {spec.id} with odd values gave no bytes"
        )


def _check_read_back(renderer: Renderer, case: _Case, out: bytes) -> None:
    reading = renderer.read(out, spec=case.spec, name=case.name)
    _require(isinstance(reading, Reading), f"{renderer.name}: read() must give a Reading")
    _require(reading.spec == case.spec, f"{renderer.name}: {case.name} read for another spec")
    _require(
        reading.document == case.document,
        f"{renderer.name}: {case.name} does not read back as it was filled: "
        f"{_first_difference(case.document, reading.document)}",
    )


def _check_annotate(renderer: Renderer, case: _Case, out: bytes) -> None:
    report = validate(case.spec, case.document)
    annotated = renderer.annotate(out, report, name=case.name)
    _require(
        isinstance(annotated, bytes) and bool(annotated),
        f"{renderer.name}: annotating {case.name} gave no bytes",
    )
    if renderer.can_read:
        _check_read_back(renderer, case, annotated)


def _check_import(renderer: Renderer, case: _Case, out: bytes) -> None:
    draft = renderer.import_spec(out, name=case.name)
    _require(isinstance(draft, SpecDraft), f"{renderer.name}: import_spec() must give a SpecDraft")
    problems = check_spec(draft.spec)
    _require(
        not problems, f"{renderer.name}: {case.name} imports as an invalid spec: {problems[:1]}"
    )


def _first_difference(want: Any, got: Any, path: str = "$") -> str:
    if isinstance(want, dict) and isinstance(got, dict):
        for key in sorted({*want, *got}, key=str):
            if want.get(key) != got.get(key):
                return _first_difference(want.get(key), got.get(key), f"{path}.{key}")
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for n, (a, b) in enumerate(zip(want, got, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{n}]")
    return f"{path}: expected {want!r}, got {got!r}"


def _check_table(renderer: Renderer) -> None:
    table = Table(
        title="contract",
        header=("id", "=text"),
        rows=((TableCell(text="a"), TableCell(text="=1+1", tone="bad", note="why")),),
        legend=(TableCell(text="!", tone="bad", note="bad"),),
    )
    out = renderer.render_table(table)
    _require(isinstance(out, bytes) and bool(out), f"{renderer.name}: render_table gave no bytes")


def _expect(error: type[Exception], action: Callable[[], object]) -> None:
    try:
        action()
    except error:
        return
    except Exception as exc:
        msg = f"expected {error.__name__}, got {type(exc).__name__}: {exc}"
        raise AssertionError(msg) from exc
    msg = f"expected {error.__name__}, but nothing was raised"
    raise AssertionError(msg)
