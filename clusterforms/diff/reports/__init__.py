"""Diff reports for people: plain text, Markdown and self-contained HTML (and the JSON)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal, TypeAlias

from clusterforms.diff.messages import Lang
from clusterforms.diff.model import SpecDiff
from clusterforms.diff.reports.html import render_html
from clusterforms.diff.reports.markdown import render_md
from clusterforms.diff.reports.text import render_text
from clusterforms.errors import DiffFormatError

#: The formats of :func:`diff_report`: what ``clusterforms diff --format`` offers.
ReportFormat: TypeAlias = Literal["text", "md", "html", "json"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("text", "md", "html", "json")


def diff_report(
    d: SpecDiff,
    fmt: ReportFormat = "text",
    *,
    only: Collection[str] | None = None,
    color: bool = False,
    lang: Lang = "zh",
) -> str:
    """The report of ``d`` in ``fmt``, as ``clusterforms diff --format`` writes it.

    Args:
        d: the diff.
        fmt: ``text`` (counts, then changes by section), ``md`` (Markdown),
            ``html`` (one self-contained page) or ``json`` (:meth:`SpecDiff.to_json`).
        only: list only changes of these classes (``breaking``, ``additive``, ``wording``).
        color: ANSI colours in the text report, for a terminal.
        lang: ``"zh"`` (default) or ``"en"``: the language of the words around the
            forms' own text.  The JSON is the same in both (its ``summary`` is English,
            ``message`` and ``params`` name the catalogue entry).

    Raises:
        DiffFormatError: ``only`` names an unknown class, or ``fmt`` an unknown format.

    """
    if fmt == "json":
        return (d if only is None else d.only(only)).to_json() + "\n"
    if fmt == "md":
        return render_md(d, only=only, lang=lang)
    if fmt == "html":
        return render_html(d, only=only, lang=lang)
    if fmt == "text":
        return render_text(d, color=color, only=only, lang=lang)
    msg = f"unknown report format {fmt!r} (known: {', '.join(REPORT_FORMATS)})"
    raise DiffFormatError(msg)
