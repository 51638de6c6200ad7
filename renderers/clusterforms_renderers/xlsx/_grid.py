"""The grid of a section sheet while its items are laid out, and where check formulas go.

Every item layout (:mod:`._rows_basic`, :mod:`._choices`, :mod:`._rows_yearly`,
:mod:`._targets`, :mod:`._roster`, :mod:`._signoff`) writes through a
:class:`Grid`; :mod:`._checks` later fills the :class:`CheckSlot` cells.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from clusterforms import FormSpec
from clusterforms_renderers.xlsx import _blocks
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._place import CellValue, Place
from clusterforms_renderers.xlsx._plan import InputRule, SheetPlan, WorkbookPlan


@attrs.define
class CheckSlot:
    """Where the check formula(s) of a reported field go: one cell per year, or one."""

    sheet: SheetPlan
    cells: dict[int | None, tuple[int, int]]  # year (None: single value) -> (row, col)
    colspan: int = 1


@attrs.define
class Grid:
    """The sheet of one section while its items are laid out."""

    spec: FormSpec
    book: WorkbookPlan
    sheet: SheetPlan
    span: int
    width: int
    checked: frozenset[str]  # fields that are results of a formula rule
    extra_rows: dict[str, int]
    slots: dict[str, CheckSlot]
    roster_rows: dict[str, int] = attrs.Factory(dict)  # rows of a filled roster, by item id
    whole_extras: frozenset[str] = frozenset()  # added target rows that count (direction/n)
    table_sheet: bool = False  # the sheet holds nothing but rosters, in their own columns
    texts: Mapping[Place, CellValue] = attrs.Factory(dict)  # filled values, for long texts
    years_shown: bool = False

    @property
    def extra(self) -> int:
        """The extra column (checks, 佐证材料编号)."""
        return 2 + self.width

    @property
    def last(self) -> int:
        """The last value column."""
        return 1 + self.width

    def year_col(self, index: int) -> int:
        """The first column of the ``index``-th data year."""
        return 2 + index * self.span

    def notes(self, notes: tuple[str, ...]) -> None:
        """The item's notes, one full-width row each, after the item."""
        for note in notes:
            self.sheet.line(note, "note")

    def label(self, row: int, text: str, rows: int = 1) -> None:
        """The item's label in column A, spanning its rows."""
        self.sheet.text(row, 1, text, "label", rowspan=rows)

    def values(self, row: int, key: CellKey, rule: InputRule, first: int = 2) -> None:
        """An input across the value columns from ``first``."""
        self.sheet.input(row, first, key, rule, colspan=self.last - first + 1)


def tall_input(
    grid: Grid, key: CellKey, rule: InputRule, col: int, colspan: int
) -> list[str | None]:
    """The pieces (:mod:`._blocks`) a tall input at ``col`` shows; one row each."""
    return _blocks.pieces(grid.texts, key, rule, grid.sheet.width_of(col, colspan))


def reserve_single(grid: Grid, field: str, row: int) -> None:
    """The check cell beside a single value that a formula rule recomputes."""
    if field in grid.checked:
        grid.slots[field] = CheckSlot(grid.sheet, {None: (row, grid.extra)})
