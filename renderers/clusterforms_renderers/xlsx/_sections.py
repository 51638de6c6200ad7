"""Laying out one section of the form on its own sheet, item by item.

The sheet is a grid: column A holds labels, then ``width`` value columns
(one per data year, or ``span`` columns per year where a standards table
needs 类别 | 主持数量 | 参与数量 under each year), then one extra column for
check formulas and 佐证材料编号.  Every item prints its label, options and
notes verbatim and in form order (what :func:`clusterforms.iter_text` yields),
and places one input cell per value with a :class:`~._keys.CellKey`.

This module lays out the sheet and dispatches items by kind; each kind's
rows are laid out in :mod:`._rows_basic`, :mod:`._choices`,
:mod:`._rows_yearly`, :mod:`._targets`, :mod:`._roster` or :mod:`._signoff`,
on the :class:`~._grid.Grid` of :mod:`._grid`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from clusterforms import (
    FormSpec,
    GroupItem,
    Item,
    RosterItem,
    Section,
    StandardsItem,
    StaticItem,
    YearlyItem,
)
from clusterforms_renderers.xlsx import (
    _choices,
    _roster,
    _rows_basic,
    _rows_yearly,
    _signoff,
    _targets,
)
from clusterforms_renderers.xlsx._grid import CheckSlot, Grid
from clusterforms_renderers.xlsx._place import CellValue, Place
from clusterforms_renderers.xlsx._plan import SheetPlan, WorkbookPlan

__all__ = ["lay_item", "section_sheet", "section_width"]

#: Width (Excel units) of the label column and of all value columns together.
LABEL_WIDTH = 34.0
VALUES_WIDTH = 51.0
EXTRA_WIDTH = 14.0
#: Text printed over the check column.
CHECK_HEADER = "自动校验"


def section_width(spec: FormSpec, section: Section) -> tuple[int, int]:
    """(columns per data year, value columns) for a section's sheet.

    A roster takes one sheet column per table column, from column A on.
    """
    span = 1
    columns = 0
    for nested in _walk(section.items):
        if isinstance(nested, StandardsItem):
            span = max(span, 1 + len(nested.roles))
        elif isinstance(nested, RosterItem):
            columns = max(columns, len(nested.columns))
    return span, max(3, span * len(spec.data_years), columns - 2)


def _table_widths(section: Section, width: int) -> tuple[float, ...] | None:
    """Column widths for a sheet that holds only rosters (and printed lines): the table's own."""
    rosters = [item for item in section.items if isinstance(item, RosterItem)]
    if not rosters or any(not isinstance(i, RosterItem | StaticItem) for i in section.items):
        return None
    widest = max(rosters, key=lambda item: len(item.columns))
    widths = [_roster.roster_width(c) for c in widest.columns]
    return (*widths, *([8.0] * (width + 2 - len(widths))))


def _walk(items: tuple[Item, ...]) -> list[Item]:
    found: list[Item] = []
    for item in items:
        found.append(item)
        if isinstance(item, GroupItem):
            found.extend(_walk(item.items))
    return found


def section_sheet(  # noqa: PLR0913 - the whole context of one sheet
    spec: FormSpec,
    book: WorkbookPlan,
    section: Section,
    *,
    name: str,
    checked: dict[str, bool],
    extra_rows: dict[str, int],
    slots: dict[str, CheckSlot],
    roster_rows: dict[str, int] | None = None,
    whole_extras: frozenset[str] = frozenset(),
    texts: Mapping[Place, CellValue] | None = None,
) -> SheetPlan:
    """The sheet of ``section``: its heading and title, then every item in order.

    ``checked`` maps the fields that a formula rule recomputes to whether the
    rule is per year; their check cells are reserved in ``slots``.
    ``roster_rows`` holds the number of rows of each filled roster, ``texts``
    the filled values (a long text takes the rows it needs).
    """
    span, width = section_width(spec, section)
    value_width = VALUES_WIDTH / width
    table = _table_widths(section, width)
    sheet = SheetPlan(
        name=name,
        widths=table or (LABEL_WIDTH, *([value_width] * width), EXTRA_WIDTH),
        landscape=section.orientation == "landscape",
        title_rows=1,
    )
    grid = Grid(
        spec=spec,
        book=book,
        sheet=sheet,
        span=span,
        width=width,
        checked=frozenset(checked),
        extra_rows=extra_rows,
        slots=slots,
        roster_rows=roster_rows or {},
        whole_extras=whole_extras,
        table_sheet=table is not None,
        texts=texts or {},
    )
    if section.heading:
        sheet.line(section.heading, "heading")
        sheet.title_rows = 0
    row = sheet.take()
    sheet.text(row, 1, section.title, "title", colspan=sheet.columns if table else 1 + width)
    ids = {nested.id for nested in _walk(section.items)} | {
        item.summary.id
        for item in _walk(section.items)
        if isinstance(item, YearlyItem) and item.summary is not None
    }
    if any(field in ids and not per_year for field, per_year in checked.items()):
        sheet.text(row, grid.extra, CHECK_HEADER, "header")
    for item in section.items:
        lay_item(grid, item)
    return sheet


def lay_item(grid: Grid, item: Item) -> None:
    """Lay out one item of any kind."""
    _LAYOUTS[item.kind](grid, item)


def _group(grid: Grid, item: GroupItem) -> None:
    grid.sheet.line(item.label, "heading")
    for child in item.items:
        lay_item(grid, child)
    grid.notes(item.notes)


_LAYOUTS: dict[str, Callable[[Grid, Any], None]] = {
    "text": _rows_basic.lay_text,
    "narrative": _rows_basic.lay_narrative,
    "pair": _rows_basic.lay_pair,
    "number": _rows_basic.lay_number,
    "count": _rows_basic.lay_count,
    "choice": _choices.lay_choice,
    "checklist": _choices.lay_checklist,
    "yearly": _rows_yearly.lay_yearly,
    "standards": _rows_yearly.lay_standards,
    "named_count": _rows_basic.lay_named_count,
    "counts": _rows_basic.lay_counts,
    "group": _group,
    "year_header": _rows_yearly.lay_year_header,
    "static": _rows_basic.lay_static,
    "stages": _targets.lay_stages,
    "signoff": _signoff.lay_signoff,
    "targets": _targets.lay_targets,
    "roster": _roster.lay_roster,
}
