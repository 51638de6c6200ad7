"""Bordered tables written straight to XML, merges included.

Rows are described by where their cells start and end as fractions of the
table width.  The grid is then the set of all those edges, so a section can
mix a label column, three year columns, nine standards sub-columns and a
联系人 | value | 联系方式 | value row in one table, each cell spanning the
grid columns it needs (``gridSpan``) and label cells merged down across rows
(``vMerge``).  Writing the spans directly is what makes this builder faster
than python-docx's ``merge()``, which rewrites the table for every merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import pairwise
from typing import Literal

import attrs

from clusterforms_renderers.docx._xml import kept_with_next

VMerge = Literal["restart", "continue"]
VAlign = Literal["top", "center", "bottom"]

#: Border width in eighths of a point (4 = ½ pt, the form's thin rule).
BORDER = 4
#: Cell padding left and right, in twips (0.1 cm): narrow year sub-columns need it small.
CELL_MARGIN = 62
#: Cell padding top and bottom, in twips: text never touches the rules.
CELL_PAD = 28


@attrs.frozen(kw_only=True)
class Cell:
    """One cell from ``start`` to ``end`` (fractions of the table width)."""

    start: Fraction
    end: Fraction
    content: tuple[str, ...] = ()  # paragraph XML; an empty cell still gets one paragraph
    merge: VMerge | None = None
    valign: VAlign = "center"


@attrs.frozen(kw_only=True)
class Row:
    """A table row; ``height`` is a minimum in twips, ``header`` repeats it on each page.

    ``keep_next`` keeps the row on the page of the row after it (a 方向's rows
    stay together).  A header can only repeat at the top of a table, so a part
    whose table holds one in its middle is cut into tables of its own there:
    ``starts_table`` before the row, ``ends_table`` after it (see ._sections).
    """

    cells: tuple[Cell, ...]
    height: int | None = None
    header: bool = False
    can_split: bool = False
    keep_next: bool = False
    starts_table: bool = False
    ends_table: bool = False


def span(start: Fraction, end: Fraction, *content: str, valign: VAlign = "center") -> Cell:
    """A cell holding ``content`` paragraphs."""
    return Cell(start=start, end=end, content=content, valign=valign)


def table(rows: Sequence[Row], width: int) -> str:
    """The XML of a table ``width`` twips wide holding ``rows``.

    Raises:
        ValueError: a row does not cover the table from edge to edge without
            gaps or overlaps (a layout bug, never caused by data).

    """
    edges = sorted(
        {c.start for r in rows for c in r.cells} | {c.end for r in rows for c in r.cells}
    )
    index = {edge: i for i, edge in enumerate(edges)}
    twips = [round(edge * width) for edge in edges]
    grid = "".join(f'<w:gridCol w:w="{b - a}"/>' for a, b in pairwise(twips))
    parts = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>',
        _borders(),
        '<w:tblLayout w:type="fixed"/>',
        (
            f'<w:tblCellMar><w:top w:w="{CELL_PAD}" w:type="dxa"/>'
            f'<w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
            f'<w:bottom w:w="{CELL_PAD}" w:type="dxa"/>'
            f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        ),
        '<w:tblLook w:val="0000"/>',
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>",
    ]
    for number, row in enumerate(rows):
        _check_row(row, number)
        parts.append(_row(row, index, twips))
    parts.append("</w:tbl>")
    return "".join(parts)


def _borders() -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    rule = f'w:val="single" w:sz="{BORDER}" w:space="0" w:color="000000"'
    return "<w:tblBorders>" + "".join(f"<w:{s} {rule}/>" for s in sides) + "</w:tblBorders>"


def _check_row(row: Row, number: int) -> None:
    edge = Fraction(0)
    for cell in row.cells:
        if cell.start != edge or cell.end <= cell.start:
            msg = f"table row {number}: cell {cell.start}–{cell.end} does not follow {edge}"
            raise ValueError(msg)
        edge = cell.end
    if edge != 1:
        msg = f"table row {number} ends at {edge}, not at the table's right edge"
        raise ValueError(msg)


def _row(row: Row, index: dict[Fraction, int], twips: list[int]) -> str:
    props = []
    if not row.can_split:
        props.append("<w:cantSplit/>")
    if row.height:
        props.append(f'<w:trHeight w:val="{row.height}" w:hRule="atLeast"/>')
    if row.header:
        props.append("<w:tblHeader/>")
    cells = []
    for cell in row.cells:
        first, last = index[cell.start], index[cell.end]
        tc = [f'<w:tcW w:w="{twips[last] - twips[first]}" w:type="dxa"/>']
        if last - first > 1:
            tc.append(f'<w:gridSpan w:val="{last - first}"/>')
        if cell.merge == "restart":
            tc.append('<w:vMerge w:val="restart"/>')
        elif cell.merge == "continue":
            tc.append("<w:vMerge/>")
        tc.append(f'<w:vAlign w:val="{cell.valign}"/>')
        content = "".join(cell.content) if cell.content and cell.merge != "continue" else "<w:p/>"
        if row.keep_next:
            content = kept_with_next(content)
        cells.append(f"<w:tc><w:tcPr>{''.join(tc)}</w:tcPr>{content}</w:tc>")
    return f"<w:tr><w:trPr>{''.join(props)}</w:trPr>{''.join(cells)}</w:tr>"
