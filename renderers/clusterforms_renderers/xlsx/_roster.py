"""Rows of a roster: a table of entries, one sheet column per table column from column A.

A sheet holding nothing but rosters (and printed lines) takes the table's own
column widths (:func:`roster_width`) and repeats its header row on each page.
"""

from __future__ import annotations

import attrs

from clusterforms import RosterColumn, RosterItem
from clusterforms_renderers.xlsx import _inputs
from clusterforms_renderers.xlsx._grid import Grid
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._plan import InputRule


def roster_width(column: RosterColumn) -> float:
    """A roster column's width: the numbered one narrow, long text wide."""
    if column.numbered:
        return 6.0
    if column.max_chars and column.max_chars >= 100:
        return 60.0
    return 14.0


def lay_roster(grid: Grid, item: RosterItem) -> None:
    """The header row, the prompts (blank form), then one input row per entry.

    Blank, the table has the spec's ``rows`` input rows; filled, one per entry
    of the application's list.  The header row repeats on every printed page
    of a sheet that holds nothing but the table.
    """
    sheet = grid.sheet
    if item.label:
        sheet.line(item.label, "heading")
    header = sheet.take()
    for col, column in enumerate(item.columns, start=1):
        sheet.text(header, col, column.label, "header")
    if sheet.repeat_rows is None and grid.table_sheet:
        sheet.repeat_rows = (header, header)
    filled = grid.roster_rows.get(item.id)
    if filled is None and any(c.prompt for c in item.columns):
        row = sheet.take()
        for col, column in enumerate(item.columns, start=1):
            sheet.text(row, col, column.prompt or "", "guidance")
    rules = [_roster_rule(column, blank=filled is None) for column in item.columns]
    for n in range(1, (item.rows if filled is None else filled) + 1):
        row = sheet.take()
        for col, (column, rule) in enumerate(zip(item.columns, rules, strict=True), start=1):
            key = CellKey(item.id, part=f"{n}/{column.id}", kind="roster")
            sheet.input(row, col, key, rule)
    grid.notes(item.notes)


def _roster_rule(column: RosterColumn, *, blank: bool) -> InputRule:
    """Short cells centred; a long one (集群简介) tall enough to write in, on the blank form."""
    rule = _inputs.text_rule(column.label, max_chars=column.max_chars, hint=column.prompt)
    if column.numbered or not column.max_chars:
        return attrs.evolve(rule, center=True)
    return attrs.evolve(rule, tall=blank)
