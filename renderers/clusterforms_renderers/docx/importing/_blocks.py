r"""A section's table read row by row into items, as a person reads the printed form.

A row under a 年度 | 2020年 | … header with one blank cell per year is a
``yearly`` item; a label merged down beside rows of years is a yearly item
laid out in rows (or with its own year row, ``header``); beside 类别 |
主持数量 | 参与数量 it is the standards matrix; beside anything else it is a
``group`` of the rows it spans.  联系人 | __ | 联系方式 | __ is a ``pair``.
A row of one cell holding a note (（注：…）) belongs to the item above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from clusterforms import (
    GroupItem,
    Item,
    NumberItem,
    Option,
    PairItem,
    StandardsItem,
    StaticItem,
    TextItem,
    YearHeaderItem,
    YearlyItem,
)
from clusterforms_renderers.docx.importing._context import Ctx, option_ids
from clusterforms_renderers.docx.importing._fields import (
    bounds,
    boxes_item,
    field_item,
    value_kind,
)
from clusterforms_renderers.docx.importing._grid import Row, View
from clusterforms_renderers.docx.importing._signoff import signoff_item, signs_off
from clusterforms_renderers.docx.importing._text import (
    clean,
    has_boxes,
    is_note,
    label_of,
    lines_of,
    unit_of,
    year_of,
)

_CATEGORY_HEADER: Final = re.compile(r"^类别$|^类型$")
#: The fewest year columns that make a 年度 header.
_MIN_YEARS: Final = 2


def read_rows(rows: Sequence[Row], ctx: Ctx) -> list[Item]:
    """The items of ``rows`` (a table, or the rows beside a group's label), in order."""
    items: list[Item] = []
    r = 0
    while r < len(rows):
        row = rows[r]
        first = row[0]
        span = min(first.cell.row_span, len(rows) - r) if first.top else 1
        if span > 1 and len(row) > 1:
            items.append(_block(first, [tuple(x[1:]) for x in rows[r : r + span]], ctx, r))
            r += span
            continue
        consumed = _row(row, rows[r + 1] if r + 1 < len(rows) else None, items, ctx, r)
        r += consumed
    return items


def _row(row: Row, below: Row | None, items: list[Item], ctx: Ctx, r: int) -> int:  # noqa: PLR0911 - one per row layout
    """Read one row (two for a sign-off title over its cell) into ``items``; the rows used."""
    cells = [v for v in row if v.top] or list(row)
    if not cells or all(v.blank for v in cells):
        return 1
    if len(cells) == 1:
        return _whole_row(cells[0], below, items, ctx, r)
    texts = [clean(v.text) for v in cells]
    years = [year_of(t) for t in texts[1:]]
    if len(years) >= _MIN_YEARS and all(years):
        ctx.years = tuple(y for y in years if y is not None)
        entry = ctx.new_id(r)
        items.append(YearHeaderItem(id=entry, label=label_of(cells[0].lines)))
        return 1
    if len(cells) == 2 and signs_off(cells[1]):
        items.append(signoff_item(label_of(cells[0].lines), cells[1], ctx, r))
        return 1
    if _is_pair(cells):
        items.append(_pair(cells, ctx, r))
        return 1
    values = cells[1:]
    if len(values) >= _MIN_YEARS and len(values) == len(ctx.years) and all(v.blank for v in values):
        items.append(_yearly(cells[0], ctx, r, layout="columns"))
        return 1
    if len(cells) == 3 and not cells[1].blank and not has_boxes(cells[1].text):
        child = field_item(cells[1], cells[2], ctx, r)
        entry = ctx.new_id(r)
        items.append(GroupItem(id=entry, label=label_of(cells[0].lines), items=(child,)))
        return 1
    if len(cells) == 2:
        items.append(field_item(cells[0], cells[1], ctx, r))
        return 1
    ctx.log.unplaced(
        ctx.place(r), " | ".join(texts), "a row of a layout the importer does not know"
    )
    return 1


def _whole_row(cell: View, below: Row | None, items: list[Item], ctx: Ctx, r: int) -> int:
    """A row of one cell: a note of the item above, boxes without a label, a sign-off, text."""
    lines = lines_of(cell.text)
    if all(is_note(x) for x in lines) and items and _add_notes(items, tuple(lines)):
        return 1
    if has_boxes(cell.text):
        entry = ctx.new_id(r)
        items.append(boxes_item(entry, "", [x for x in cell.lines if clean(x)], ctx))
        return 1
    if below is not None and len(below) == 1 and len(lines) == 1 and signs_off(below[0]):
        items.append(signoff_item(lines[0], below[0], ctx, r))
        return 2
    entry = ctx.new_id(r)
    ctx.log.guess(entry, "kind", "printed lines across the table: read as static text")
    items.append(StaticItem(id=entry, lines=tuple(lines)))
    return 1


def _add_notes(items: list[Item], notes: tuple[str, ...]) -> bool:
    """Append ``notes`` to the last item (or its last child); False if it has no notes."""
    last = items[-1]
    if isinstance(last, GroupItem) and last.items:
        children = list(last.items)
        if _add_notes(children, notes):
            items[-1] = attrs.evolve(last, items=tuple(children))
            return True
    own: object = getattr(last, "notes", None)
    if isinstance(own, tuple):
        items[-1] = attrs.evolve(last, notes=(*own, *notes))  # type: ignore[arg-type]
        return True
    return False


def _is_pair(cells: Sequence[View]) -> bool:
    """联系人 | __ | 联系方式 | __: labels and blanks taking turns."""
    if len(cells) < 4 or len(cells) % 2:
        return False
    labels, values = cells[::2], cells[1::2]
    return all(v.blank for v in values) and all(
        not v.blank and not has_boxes(v.text) and year_of(clean(v.text)) is None for v in labels
    )


def _pair(cells: Sequence[View], ctx: Ctx, r: int) -> PairItem:
    entry = ctx.new_id(r)
    fields = []
    for label in cells[::2]:
        field = ctx.new_id(r)
        ctx.log.guess(field, "kind", "text: a blank cell beside a short label")
        fields.append(TextItem(id=field, label=label_of(label.lines)))
    return PairItem(id=entry, fields=tuple(fields))


def _yearly(
    label: View, ctx: Ctx, r: int, *, layout: str, notes: tuple[str, ...] = ()
) -> YearlyItem:
    text = label_of(label.lines)
    entry = ctx.new_id(r)
    value = value_kind(text)
    unit = unit_of(text)
    ctx.log.guess(entry, "value", f"{value} values: read from the label")
    minimum, maximum = bounds(text, unit if value == "number" else None)
    if minimum is not None or maximum is not None:
        ctx.log.guess(entry, "bounds", "bounds read from the wording of the label")
    return YearlyItem(
        id=entry,
        label=text,
        value="count" if value == "count" else "number",
        unit=unit if value == "number" else None,
        minimum=minimum,
        maximum=maximum,
        layout=layout,  # type: ignore[arg-type]
        notes=notes,
    )


def _block(label: View, sub: list[Row], ctx: Ctx, r: int) -> Item:
    """A label merged down beside ``sub``: years in rows, its own year row, standards, a group."""
    firsts = [clean(x[0].text) if x else "" for x in sub]
    if sub and sub[0] and _CATEGORY_HEADER.match(firsts[0]):
        return _standards(label, sub, ctx, r)
    year_rows = [i for i, t in enumerate(firsts) if year_of(t) is not None]
    if len(year_rows) >= _MIN_YEARS and year_rows == list(range(len(year_rows))):
        return _year_rows(label, sub, len(year_rows), ctx, r)
    head = [year_of(clean(v.text)) for v in sub[0]] if sub and sub[0] else []
    if (
        len(sub) >= 2
        and len(head) >= _MIN_YEARS
        and all(head)
        and len(sub[1]) == len(head)
        and all(v.blank for v in sub[1])
    ):
        ctx.years = ctx.years or tuple(y for y in head if y is not None)
        notes = _trailing_notes(sub[2:], ctx, r)
        return _yearly(label, ctx, r, layout="header", notes=notes)
    entry = ctx.new_id(r)
    children = read_rows(sub, ctx)
    return GroupItem(id=entry, label=label_of(label.lines), items=tuple(children))


def _year_rows(label: View, sub: list[Row], years: int, ctx: Ctx, r: int) -> YearlyItem:
    """Years stacked beside the label, then a summary row and notes (近三年累计降低率)."""
    found = tuple(y for y in (year_of(clean(x[0].text)) for x in sub[:years]) if y is not None)
    ctx.years = ctx.years or found
    summary: NumberItem | None = None
    rest = sub[years:]
    notes: list[str] = []
    item = _yearly(label, ctx, r, layout="rows")
    for row in rest:
        cells = [v for v in row if v.top]
        if len(cells) == 2 and not cells[0].blank and cells[1].blank and summary is None:
            summary_label = label_of(cells[0].lines)
            entry = ctx.new_id(r)
            unit = unit_of(summary_label) or item.unit
            if unit_of(summary_label) is None and unit is not None:
                ctx.log.guess(entry, "unit", f"unit {unit} taken from the block's label")
            minimum, maximum = bounds(summary_label, unit)
            summary = NumberItem(
                id=entry, label=summary_label, unit=unit, minimum=minimum, maximum=maximum
            )
            continue
        notes += _trailing_notes([row], ctx, r)
    return attrs.evolve(item, summary=summary, notes=tuple(notes))


def _trailing_notes(rows: Sequence[Row], ctx: Ctx, r: int) -> tuple[str, ...]:
    notes: list[str] = []
    for row in rows:
        for view in row:
            if not view.top:
                continue
            for line in lines_of(view.text):
                if is_note(line):
                    notes.append(line)
                else:
                    ctx.log.unplaced(ctx.place(r), line)
    return tuple(notes)


def _standards(label: View, sub: list[Row], ctx: Ctx, r: int) -> StandardsItem:
    """类别 | 主持数量 | 参与数量 once per year, then one row per category."""
    head = [clean(v.text) for v in sub[0]]
    category_header = head[0]
    starts = [i for i, t in enumerate(head) if t == category_header]
    width = starts[1] - starts[0] if len(starts) > 1 else len(head)
    roles = head[1:width]
    categories: list[str] = []
    notes: list[str] = []
    for row in sub[1:]:
        cells = [v for v in row if v.top]
        if len(cells) == 1:
            notes += [x for x in lines_of(cells[0].text) if is_note(x)]
            continue
        if cells:
            categories.append(clean(cells[0].text))
    entry = ctx.new_id(r)
    if len(starts) != len(ctx.years or starts):
        ctx.log.guess(entry, "kind", "the standards' year blocks do not match the year header")
    return StandardsItem(
        id=entry,
        label=label_of(label.lines),
        category_header=category_header,
        categories=_options(categories),
        roles=_options(roles),
        notes=tuple(notes),
    )


def _options(labels: Sequence[str]) -> tuple[Option, ...]:
    return tuple(Option(id=i, label=t) for i, t in zip(option_ids(labels), labels, strict=True))
