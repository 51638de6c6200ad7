"""Rows of the single-value item kinds: text, pairs, numbers, counts, narratives, printed lines.

Each layout takes the rows its item needs from the :class:`~._grid.Grid`,
prints the label in column A and places its input cells across the value
columns (or beside the printed part they belong to), then the item's notes.
"""

from __future__ import annotations

from clusterforms import (
    CountItem,
    CountsItem,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    PairItem,
    StaticItem,
    TextItem,
    YearlyItem,
)
from clusterforms_renderers.xlsx import _blocks, _inputs
from clusterforms_renderers.xlsx._grid import Grid, reserve_single, tall_input
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._plan import InputRule, Style

_STATIC_STYLES: dict[str, Style] = {
    "heading": "heading",
    "guidance": "guidance",
    "note": "note",
    "body": "body",
}


def lay_text(grid: Grid, item: TextItem) -> None:
    """The label, one input across the value columns, the hint under it."""
    rows = 2 if item.hint else 1
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    rule = _inputs.text_rule(item.label, max_chars=item.max_chars, notes=item.notes, hint=item.hint)
    grid.values(row, CellKey(item.id), rule)
    if item.hint:
        grid.sheet.text(row + 1, 2, item.hint, "guidance", colspan=grid.width)
    grid.notes(item.notes)


def lay_narrative(grid: Grid, item: NarrativeItem) -> None:
    """The prompt and outline lines, then the tall input under them, as many rows as it needs."""
    guidance = ([item.prompt] if item.prompt else []) + list(item.outline)
    rule = _inputs.text_rule(item.label, max_chars=item.max_chars, notes=item.notes, tall=True)
    key = CellKey(item.id)
    shown = tall_input(grid, key, rule, 2, grid.width + 1)
    rows = len(guidance) + len(shown)
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    for offset, line in enumerate(guidance):
        grid.sheet.text(row + offset, 2, line, "guidance", colspan=grid.width + 1)
    _blocks.place(grid.sheet, key, rule, shown, at=(row + len(guidance), 2), colspan=grid.width + 1)
    grid.notes(item.notes)


def lay_pair(grid: Grid, item: PairItem) -> None:
    """Two text fields side by side on one row (any other number: one row each)."""
    if len(item.fields) != 2:
        for field in item.fields:
            lay_text(grid, field)
        return
    first, second = item.fields
    row = grid.sheet.take()
    half = (grid.width - 1) // 2
    grid.label(row, first.label)
    grid.sheet.input(row, 2, CellKey(first.id), _field_rule(first), colspan=half)
    grid.sheet.text(row, 2 + half, second.label, "label")
    grid.values(row, CellKey(second.id), _field_rule(second), first=3 + half)
    grid.notes(first.notes + second.notes)


def _field_rule(item: TextItem) -> InputRule:
    return _inputs.text_rule(item.label, max_chars=item.max_chars, notes=item.notes, hint=item.hint)


def lay_number(grid: Grid, item: NumberItem) -> None:
    """The label and one number input, with its check cell if a rule recomputes it."""
    row = grid.sheet.take()
    grid.label(row, item.label)
    grid.values(row, CellKey(item.id, kind="number"), number_rule(item))
    reserve_single(grid, item.id, row)
    grid.notes(item.notes)


def number_rule(item: NumberItem | YearlyItem) -> InputRule:
    """The input rule of a number (or of each year of a yearly value)."""
    if isinstance(item, YearlyItem) and item.value == "count":
        return _inputs.count_rule(item.label, unit=item.unit, notes=item.notes)
    return _inputs.number_rule(
        item.label,
        decimals=item.decimals,
        minimum=item.minimum,
        maximum=item.maximum,
        unit=item.unit,
        notes=item.notes,
    )


def lay_count(grid: Grid, item: CountItem) -> None:
    """The label and one count input, its unit (if any) in the last value column."""
    row = grid.sheet.take()
    grid.label(row, item.label)
    rule = _inputs.count_rule(item.label, unit=item.unit, notes=item.notes)
    key = CellKey(item.id, kind="number")
    if item.unit:
        grid.sheet.input(row, 2, key, rule, colspan=grid.width - 1)
        grid.sheet.text(row, grid.last, item.unit, "center")
    else:
        grid.values(row, key, rule)
    reserve_single(grid, item.id, row)
    grid.notes(item.notes)


def lay_named_count(grid: Grid, item: NamedCountItem) -> None:
    """A count with its unit, and the names it counts on the row under it."""
    row = grid.sheet.take(2)
    grid.label(row, item.label, 2)
    sheet = grid.sheet
    sheet.text(row, 2, item.count_label, "label")
    count = _inputs.count_rule(item.label, unit=item.unit, notes=item.notes)
    key = CellKey(item.id, part="count", kind="number")
    sheet.input(row, 3, key, count, colspan=max(1, grid.width - 2))
    sheet.text(row, grid.last, item.unit, "center")
    sheet.text(row + 1, 2, item.names_label, "label")
    names = _inputs.text_rule(item.label, notes=item.notes)
    grid.values(row + 1, CellKey(item.id, part="names"), names, 3)
    grid.notes(item.notes)


def lay_counts(grid: Grid, item: CountsItem) -> None:
    """One row per part: its label, and its count in the last value column."""
    rows = max(1, len(item.parts))
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    for offset, part in enumerate(item.parts):
        grid.sheet.text(row + offset, 2, part.label, "label", colspan=grid.width - 1)
        rule = _inputs.count_rule(part.label, notes=item.notes)
        key = CellKey(item.id, part=part.id, kind="number")
        grid.sheet.input(row + offset, grid.last, key, rule)
    grid.notes(item.notes)


def lay_static(grid: Grid, item: StaticItem) -> None:
    """Printed lines, full width, in the item's style."""
    for line in item.lines:
        grid.sheet.line(line, _STATIC_STYLES[item.style])
