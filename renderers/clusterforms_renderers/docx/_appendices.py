"""The documents after the form: letters (承诺函), outlines, notes and the 汇总表.

Letters read as letters: the salutation flush left, the body indented two
characters, the signature, seal and date flush right.  Outline headings
(一、集群总体情况) are set in 黑体.  A roster (附件2 推荐集群汇总表) is a
table with a repeating header row and one numbered row per entry, on the
landscape page the spec asks for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction

from clusterforms import Appendix, Roster
from clusterforms_renderers.docx._justify import stretched
from clusterforms_renderers.docx._layout import CENTER, SMALL, cell, top_cell
from clusterforms_renderers.docx._placeholders import fill
from clusterforms_renderers.docx._setup import HEI
from clusterforms_renderers.docx._table import Row, table
from clusterforms_renderers.docx._xml import Font, Para, cm, paragraph, run, text_paragraph

_OUTLINE_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_BODY = Para(style="CFBody")
_FLUSH_LEFT = Para(style="CFBody", align="left")
_BODY_EM = 14 * 20  # twips per character of CF Body (四号)
_BODY_INDENT = 2  # its first-line indent, in characters


def appendix(
    item: Appendix, width: int, *, new_page: bool, names: Mapping[str, str] | None = None
) -> list[str]:
    """The paragraphs (and table) of one appendix; ``new_page`` starts it on a fresh page.

    ``names`` fill the letter's placeholders (XXX集群, see :mod:`._placeholders`).
    """
    names = names or {}
    out = []
    if item.heading:
        out.append(
            text_paragraph(item.heading, Para(style="CFHeading", page_break_before=new_page))
        )
        new_page = False
    title_runs = [run(item.title)]
    out.append(
        paragraph(title_runs, Para(style="CFTitle", page_break_before=new_page, before=cm(0.3)))
    )
    for i, text in enumerate(item.paragraphs):
        out.append(_paragraph(fill(text, names), width, first=i == 0))
    if item.table is not None:
        out.append(_roster(item.table, width))
    for i, line in enumerate(item.closing):
        out.append(
            text_paragraph(
                fill(line, names),
                Para(
                    style="CFBody", align="right", first_line=0, before=cm(1.2) if i == 0 else None
                ),
            )
        )
    return out


def _paragraph(text: str, width: int, *, first: bool) -> str:
    if first and text.endswith("："):  # the salutation of a letter
        return text_paragraph(text, Para(style="CFBody", first_line=0, before=cm(0.4)))
    if _OUTLINE_HEADING.match(text):
        return text_paragraph(text, _BODY, Font(east_asia=HEI))
    if stretched(text, width / _BODY_EM, _BODY_INDENT):  # 〔2011〕300号 would space a line out
        return text_paragraph(text, _FLUSH_LEFT)
    return text_paragraph(text, _BODY)


def _weights(roster: Roster) -> list[Fraction]:
    """Column shares: 序号 narrow, a column with a character limit wide."""
    raw = []
    for column in roster.columns:
        if column.label == "序号":
            raw.append(Fraction(8, 10))
        elif column.max_chars:
            raw.append(max(Fraction(3), Fraction(column.max_chars, 50)))
        else:
            raw.append(Fraction(2))
    total = sum(raw)
    return [w / total for w in raw]


def _roster(roster: Roster, width: int) -> str:
    edges = [Fraction(0)]
    for share in _weights(roster):
        edges.append(edges[-1] + share)
    edges[-1] = Fraction(1)
    header = Row(
        cells=tuple(
            cell(edges[i], edges[i + 1], [text_paragraph(c.label, CENTER, Font(bold=True))])
            for i, c in enumerate(roster.columns)
        ),
        height=cm(1.0),
        header=True,
    )
    rows = [header]
    for n in range(1, roster.rows + 1):
        cells = []
        for i, column in enumerate(roster.columns):
            if column.label == "序号":
                content = [text_paragraph(str(n), CENTER)]
            elif n == 1 and column.prompt:
                content = [text_paragraph(column.prompt, Para(align="both"), SMALL)]
            else:
                content = []
            cells.append(
                top_cell(edges[i], edges[i + 1], content)
                if column.prompt
                else cell(edges[i], edges[i + 1], content)
            )
        rows.append(Row(cells=tuple(cells), height=cm(3.0)))
    return table(rows, width)
