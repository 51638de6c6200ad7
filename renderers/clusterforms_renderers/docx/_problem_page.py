"""The list of problems put before a filled Word form: 校验结果, one line per finding, its place.

The list is a content control tagged :data:`TAG` (so a later annotation finds
and replaces it) holding boxed, shaded paragraphs that say they were added by
clusterforms, and it ends in a section of its own: the pages it takes have no
header or footer, and the form's first section restarts its page numbers at
1 as before, so the form's pages keep their numbers.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from lxml import etree

from clusterforms import Finding
from clusterforms_renderers.docx._comments import AUTHOR, run, w
from clusterforms_renderers.wordml._names import W_P, W_PPR, W_SDT

if TYPE_CHECKING:  # the reader imports this module for TAG
    from clusterforms_renderers.docx.reading._places import Place

#: The tag of the content control holding the list.
TAG: Final = "clusterforms-annotations"
ERROR_COLOR: Final = "C00000"
_WARNING_COLOR: Final = "9C5700"
_GREY: Final = "595959"
_SECTION: Final = w("sectPr")
#: What a section's page looks like, in the order WordprocessingML wants them.
_PAGE: Final = tuple(map(w, ("pgSz", "pgMar", "cols", "docGrid")))
#: What may follow ``w:pgNumType`` in a ``w:sectPr``.
_AFTER_NUMBERS: Final = frozenset(
    map(
        w,
        (
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ),
    )
)


def severity(finding: Finding) -> str:
    """错误 or 警告, as the comment and the list call a finding."""
    return "错误" if finding.severity == "error" else "警告"


def remove_list(body: etree._Element) -> None:
    """Take away a list an earlier annotation put at the top of ``body``."""
    for old in list(body.iterchildren(W_SDT)):
        found = old.find(f"{w('sdtPr')}/{w('tag')}")
        if found is not None and found.get(w("val")) == TAG:
            body.remove(old)


def insert_list(body: etree._Element, rows: Sequence[tuple[Finding, Place | None]]) -> None:
    """Put the list of ``rows`` (each finding and its place, if any) at the top of ``body``."""
    first = _first_section(body)
    if first is not None:
        _restart_numbers(first)
    control = etree.Element(W_SDT)
    settings = etree.SubElement(control, w("sdtPr"))
    etree.SubElement(settings, w("alias"), {w("val"): f"{AUTHOR} 校验结果"})
    etree.SubElement(settings, w("tag"), {w("val"): TAG})
    content = etree.SubElement(control, w("sdtContent"))
    # LibreOffice drops the run formatting of a content control's first paragraph: a blank one.
    content.extend([_invisible(), *_lines(rows), _section_end(first)])
    body.insert(0, control)


def _lines(rows: Sequence[tuple[Finding, Place | None]]) -> list[etree._Element]:
    errors = sum(1 for f, _ in rows if f.severity == "error")
    if rows:
        heading = f"校验结果：{errors} 个错误，{len(rows) - errors} 个警告"
        about = (
            f"本页由 {AUTHOR} 校验时添加，不属于申报表。能对应到表中位置的问题，"
            f"已在该处加批注（作者 {AUTHOR}）。提交前请删除本页和批注。"
        )
    else:
        heading = "校验结果：未发现问题"
        about = f"本页由 {AUTHOR} 校验时添加，不属于申报表。提交前请删除本页。"
    lines = [
        _boxed([run(heading, bold=True, color=ERROR_COLOR, size=28)]),
        _boxed([run(about, color=_GREY, size=18)]),
    ]
    for n, (finding, place) in enumerate(rows, start=1):
        color = ERROR_COLOR if finding.severity == "error" else _WARNING_COLOR
        where = place.describe() if place is not None else "表内无对应位置"
        tag = f"{n}. 【{severity(finding)} {finding.code}】"
        lines.append(
            _boxed(
                [
                    run(tag, bold=True, color=color, size=21),
                    run(finding.message, size=21),
                    run(f"（{where}）", color=_GREY, size=18),
                ]
            )
        )
    return lines


def _boxed(runs: Iterable[etree._Element]) -> etree._Element:
    """A paragraph of the list: boxed and shaded, so it reads as added, not as the form."""
    paragraph = etree.Element(W_P)
    properties = etree.SubElement(paragraph, W_PPR)
    borders = etree.SubElement(properties, w("pBdr"))
    for side in ("top", "left", "bottom", "right"):
        etree.SubElement(
            borders,
            w(side),
            {w("val"): "single", w("sz"): "8", w("space"): "4", w("color"): ERROR_COLOR},
        )
    etree.SubElement(
        properties, w("shd"), {w("val"): "clear", w("color"): "auto", w("fill"): "FFF4F4"}
    )
    etree.SubElement(
        properties,
        w("spacing"),
        {w("before"): "0", w("after"): "0", w("line"): "300", w("lineRule"): "auto"},
    )
    etree.SubElement(
        properties, w("ind"), {w("left"): "113", w("right"): "113", w("firstLine"): "0"}
    )
    etree.SubElement(properties, w("jc"), {w("val"): "left"})
    paragraph.extend(runs)
    return paragraph


def _first_section(body: etree._Element) -> etree._Element | None:
    """The ``w:sectPr`` of the document's first section (a paragraph's, else the body's)."""
    for properties in body.iter(W_PPR):
        found = properties.find(_SECTION)
        if found is not None:
            return found
    return body.find(_SECTION)


def _restart_numbers(section: etree._Element) -> None:
    """Number the form's first section from 1 (its start when it says none) after the list."""
    numbers = section.find(w("pgNumType"))
    if numbers is None:
        numbers = etree.Element(w("pgNumType"))
        later = next((c for c in section if c.tag in _AFTER_NUMBERS), None)
        if later is not None:
            later.addprevious(numbers)
        else:
            section.append(numbers)
    if numbers.get(w("start")) is None:
        numbers.set(w("start"), "1")


def _invisible() -> etree._Element:
    """An empty paragraph one point high."""
    paragraph = etree.Element(W_P)
    properties = etree.SubElement(paragraph, W_PPR)
    etree.SubElement(
        properties,
        w("spacing"),
        {w("before"): "0", w("after"): "0", w("line"): "20", w("lineRule"): "exact"},
    )
    etree.SubElement(etree.SubElement(properties, w("rPr")), w("sz"), {w("val"): "2"})
    return paragraph


def _section_end(first: etree._Element | None) -> etree._Element:
    """The list's last paragraph (too small to see): ends its section, on the form's page size."""
    paragraph = _invisible()
    properties = paragraph[0]
    section = etree.SubElement(properties, _SECTION)
    etree.SubElement(section, w("type"), {w("val"): "nextPage"})
    for tag in _PAGE:
        found = first.find(tag) if first is not None else None
        if found is not None:
            section.append(copy.deepcopy(found))
    return paragraph
