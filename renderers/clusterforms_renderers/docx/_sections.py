"""Parts 一 to 九: a heading and one bordered table per part, items dispatched by kind.

Every part starts on a new page (the 填报说明 forbid parts 一 to 七 running
into one another's pages).  A part whose table opens with its 年度 row has
that row repeated at the top of each page the table runs onto.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import attrs

from clusterforms import FormSpec, GroupItem, Item, Section
from clusterforms_renderers.docx import _plan, _roster, _rows_basic, _rows_yearly, _signoff
from clusterforms_renderers.docx._layout import (
    Ctx,
    Frame,
    lines,
    merged_down,
    notes,
)
from clusterforms_renderers.docx._table import Cell, Row, table
from clusterforms_renderers.docx._values import Values
from clusterforms_renderers.docx._widths import MIN_ROW_LABEL, group_share, label_split
from clusterforms_renderers.docx._xml import Para, cm, text_paragraph

Builder = Callable[[Any, Frame, Ctx], list[Row]]


def group_width(item: GroupItem, frame: Frame, ctx: Ctx) -> Fraction:
    """How much of the label stretch the group's own label gets (see :mod:`._widths`)."""
    return group_share(item, frame.split - frame.left, ctx.width)


def group_rows(item: GroupItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """The group's label merged down beside the rows of its items (and its notes)."""
    left = frame.left + group_width(item, frame, ctx)
    # A group inside a group may leave its rows no room for labels: the values give way.
    split = max(frame.split, left + MIN_ROW_LABEL)
    inner = Frame(left=left, split=split, right=frame.right)
    rows = [row for child in item.items for row in item_rows(child, inner, ctx)]
    if item.notes:
        rows.append(
            Row(cells=(Cell(start=inner.left, end=inner.right, content=tuple(notes(item.notes))),))
        )
    if not rows:
        return [
            Row(cells=(Cell(start=frame.left, end=frame.right, content=tuple(lines(item.label))),))
        ]
    return merged_down(rows, frame.left, inner.left, lines(item.label))


_BUILDERS: dict[str, Builder] = {
    "text": _rows_basic.text_rows,
    "pair": _rows_basic.pair_rows,
    "number": _rows_basic.number_rows,
    "count": _rows_basic.count_rows,
    "choice": _rows_basic.choice_rows,
    "checklist": _rows_basic.checklist_rows,
    "narrative": _rows_basic.narrative_rows,
    "named_count": _rows_basic.named_count_rows,
    "counts": _rows_basic.counts_rows,
    "static": _rows_basic.static_rows,
    "year_header": _rows_yearly.year_header_rows,
    "yearly": _rows_yearly.yearly_rows,
    "standards": _rows_yearly.standards_rows,
    "targets": _plan.targets_rows,
    "stages": _plan.stages_rows,
    "signoff": _signoff.signoff_rows,
    "roster": _roster.roster_rows,
    "group": group_rows,
}


def item_rows(item: Item, frame: Frame, ctx: Ctx) -> list[Row]:
    """The table rows of one item."""
    return _BUILDERS[item.kind](item, frame, ctx)


def section(
    part: Section, spec: FormSpec, values: Values, width: int, *, new_page: bool
) -> list[str]:
    """The heading and table of one part of the form.

    A part with a ``heading`` (附件2) is a document of its own and reads like
    an appendix: the heading flush left, the title centred below it.
    """
    ctx = Ctx(spec=spec, values=values, width=width)
    frame = Frame(left=Fraction(0), split=label_split(part.items, width, len(spec.data_years)))
    blocks = [item_rows(item, frame, ctx) for item in part.items]
    if part.items and part.items[0].kind == "year_header":
        _end_year_table(part.items, blocks)
    _keep_last_with_previous(blocks)
    rows = [row for block in blocks for row in block]
    # A heading kept with a first row taller than a page would push the whole
    # table to the next page (LibreOffice does), leaving the heading alone.
    keep = None if not rows or not rows[0].can_split else False
    out = []
    if part.heading:
        out.append(
            text_paragraph(part.heading, Para(style="CFHeading", page_break_before=new_page))
        )
        title = Para(style="CFTitle", before=cm(0.3), keep_next=keep)
    else:
        title = Para(style="CFHeading", page_break_before=new_page, keep_next=keep)
    out.append(text_paragraph(part.title, title))
    if not rows:
        return out
    tables = [table(_leading_headers(chunk), width) for chunk in _tables(rows)]
    return [*out, TABLE_GAP.join(tables)]


def _in_year_columns(item: Item) -> bool:
    """Whether ``item`` prints values under the 年度 header's columns (not its own years)."""
    if isinstance(item, GroupItem):
        return any(_in_year_columns(child) for child in item.items)
    return item.kind == "standards" or (
        item.kind == "yearly" and getattr(item, "layout", None) == "columns"
    )


def _end_year_table(items: Sequence[Item], blocks: list[list[Row]]) -> None:
    """Mark the 年度 row a repeating header, over the rows that sit in its columns only.

    The rows after the last item in the year columns go to a table of their
    own, so a page they run onto does not start with years that say nothing
    about them.
    """
    blocks[0][0] = attrs.evolve(blocks[0][0], header=True, keep_next=True)
    last = max((i for i, item in enumerate(items) if _in_year_columns(item)), default=0)
    if any(blocks[last + 1 :]):
        end = max(i for i in range(last + 1) if blocks[i])
        blocks[end][-1] = attrs.evolve(blocks[end][-1], ends_table=True)


def _keep_last_with_previous(blocks: list[list[Row]]) -> None:
    """The last item of a part never starts a page alone: the row before it keeps with it."""
    filled = [block for block in blocks if block]
    if len(filled) > 1 and not filled[-1][0].can_split:
        previous = filled[-2]
        previous[-1] = attrs.evolve(previous[-1], keep_next=True)


#: Between the tables a part is cut into: Word joins tables nothing separates.
TABLE_GAP = (
    '<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="20"'
    ' w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
)


def _tables(rows: list[Row]) -> list[list[Row]]:
    """The rows cut where a row starts a table of its own or ends one."""
    chunks: list[list[Row]] = [[]]
    for row in rows:
        if row.starts_table and chunks[-1]:
            chunks.append([])
        chunks[-1].append(row)
        if row.ends_table:
            chunks.append([])
    return [chunk for chunk in chunks if chunk]


def _leading_headers(rows: list[Row]) -> list[Row]:
    """Only rows at the top of a table can repeat on each page: later header flags go."""
    leading = True
    kept = []
    for row in rows:
        leading = leading and row.header
        kept.append(row if leading or not row.header else attrs.evolve(row, header=False))
    return kept
