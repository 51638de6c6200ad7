"""A roster (推荐集群汇总表): a header row, then one row per entry.

The header row repeats at the top of every page the table runs onto.  Blank,
the table has the spec's ``rows`` empty rows, numbered in the 序号 column,
with each column's prompt in the first row; filled, one row per entry of the
application's list, in order.  Columns share the width by what they hold:
the numbered column narrow, a column with a character limit wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from clusterforms import Parts, RosterColumn, RosterItem
from clusterforms_renderers.docx._layout import CENTER, LEFT, SMALL, Ctx, Frame, cell, top_cell
from clusterforms_renderers.docx._table import Cell, Row
from clusterforms_renderers.docx._xml import Font, Para, cm, text_paragraph

#: Room for handwriting in a blank row, and the least height of a filled one.
_BLANK_ROW = cm(3.0)
_FILLED_ROW = cm(1.0)
_HEADER_ROW = cm(1.0)


def column_weights(columns: Sequence[RosterColumn]) -> list[Fraction]:
    """Each column's share of the width: numbered narrow, limited text wide, others even."""
    raw = []
    for column in columns:
        if column.numbered:
            raw.append(Fraction(8, 10))
        elif column.max_chars:  # 300字 takes about half of a landscape page
            raw.append(min(Fraction(10), max(Fraction(3), Fraction(column.max_chars, 30))))
        else:
            raw.append(Fraction(2))
    total = sum(raw)
    return [w / total for w in raw]


def _edges(frame: Frame, columns: Sequence[RosterColumn]) -> list[Fraction]:
    width = frame.right - frame.left
    edges = [frame.left]
    for share in column_weights(columns):
        edges.append(edges[-1] + share * width)
    edges[-1] = frame.right
    return edges


def roster_rows(item: RosterItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """The label (if any), the header row, and the blank or filled rows."""
    edges = _edges(frame, item.columns)
    rows: list[Row] = []
    if item.label:
        label = [text_paragraph(line, LEFT) for line in item.label.split("\n")]
        rows.append(Row(cells=(cell(frame.left, frame.right, label),)))
    rows.append(
        Row(
            cells=tuple(
                cell(edges[i], edges[i + 1], [text_paragraph(c.label, CENTER, Font(bold=True))])
                for i, c in enumerate(item.columns)
            ),
            height=_HEADER_ROW,
            header=True,
        )
    )
    entries = _entries(item, ctx)
    if entries is None:
        rows += [_blank_row(item, edges, n) for n in range(1, item.rows + 1)]
        if not item.rows and any(c.prompt for c in item.columns):
            rows.append(_blank_row(item, edges, 1, numbered=False))  # the prompts still show
    else:
        rows += [_filled_row(item, edges, ctx, n, entry) for n, entry in enumerate(entries, 1)]
    if item.notes:
        notes = [text_paragraph(line, LEFT, SMALL) for line in item.notes]
        rows.append(Row(cells=(cell(frame.left, frame.right, notes),)))
    return rows


def _entries(item: RosterItem, ctx: Ctx) -> list[Parts[Any]] | None:
    """The rows of a filled roster, or None for the blank form."""
    rows = ctx.values.shaped(item.id, ctx.values.field(item.id), tuple, "a list of rows")
    if rows is None:
        return None
    return [
        ctx.values.shaped(f"{item.id}[{n}]", row, Parts, "a row object") or Parts()
        for n, row in enumerate(rows, start=1)
    ]


def _blank_row(item: RosterItem, edges: list[Fraction], n: int, *, numbered: bool = True) -> Row:
    cells: list[Cell] = []
    for i, column in enumerate(item.columns):
        content = [text_paragraph(str(n), CENTER)] if column.numbered and numbered else []
        if n == 1 and column.prompt:
            content.append(text_paragraph(column.prompt, Para(align="both"), SMALL))
        make = top_cell if column.prompt else cell
        cells.append(make(edges[i], edges[i + 1], content))
    return Row(cells=tuple(cells), height=_BLANK_ROW)


def _filled_row(
    item: RosterItem, edges: list[Fraction], ctx: Ctx, n: int, entry: Parts[Any]
) -> Row:
    cells: list[Cell] = []
    for i, column in enumerate(item.columns):
        where = f"{item.id}[{n}].{column.id}"
        text = ctx.values.text(where, entry.get(column.id))
        if text is None and column.numbered:
            text = str(n)
        long = column.max_chars is not None
        props = Para(align="left") if long else CENTER
        content = [text_paragraph(line, props) for line in text.split("\n")] if text else []
        cells.append((top_cell if long else cell)(edges[i], edges[i + 1], content))
    return Row(cells=tuple(cells), height=_FILLED_ROW)
