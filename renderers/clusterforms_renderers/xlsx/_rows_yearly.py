"""Rows of the year tables: the 年度 header, per-year values and the standards matrix.

A yearly value puts one input per data year: ``columns`` under the table's
年度 row, ``header`` under a row of its own years, ``rows`` one year per row
(with its check cells in the extra column).  The standards matrix cuts each
year's columns again into 类别 | 主持数量 | 参与数量.
"""

from __future__ import annotations

from clusterforms import StandardsItem, YearHeaderItem, YearlyItem, year_label
from clusterforms_renderers.xlsx import _inputs
from clusterforms_renderers.xlsx._grid import CheckSlot, Grid, reserve_single
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._rows_basic import lay_number, number_rule

CHECK_ROW_LABEL = "↳ 校验值（按表内数据自动计算）"


def year_header(grid: Grid, label: str) -> None:
    """A 年度 | 2020年 | 2021年 | 2022年 row heading the year columns."""
    row = grid.sheet.take()
    grid.sheet.text(row, 1, label, "header")
    for index, year in enumerate(grid.spec.data_years):
        grid.sheet.text(row, grid.year_col(index), year_label(year), "header", colspan=grid.span)
    grid.years_shown = True


def lay_year_header(grid: Grid, item: YearHeaderItem) -> None:
    """The item's 年度 row."""
    year_header(grid, item.label)


def lay_yearly(grid: Grid, item: YearlyItem) -> None:
    """The year inputs in the item's layout, then its summary row and its notes."""
    {"columns": _yearly_columns, "header": _yearly_header, "rows": _yearly_rows}[item.layout](
        grid, item
    )
    if item.summary is not None and item.layout != "rows":
        lay_number(grid, item.summary)
    grid.notes(item.notes)


def _yearly_inputs(grid: Grid, item: YearlyItem, row: int) -> None:
    rule = number_rule(item)
    for index, year in enumerate(grid.spec.data_years):
        key = CellKey(item.id, year=year, kind="number")
        grid.sheet.input(row, grid.year_col(index), key, rule, colspan=grid.span)


def _reserve_years(grid: Grid, item: YearlyItem) -> None:
    """A check row under the year inputs of a per-year formula result."""
    if item.id not in grid.checked:
        return
    row = grid.sheet.take()
    grid.sheet.text(row, 1, CHECK_ROW_LABEL, "note")
    cells: dict[int | None, tuple[int, int]] = {
        year: (row, grid.year_col(index)) for index, year in enumerate(grid.spec.data_years)
    }
    grid.slots[item.id] = CheckSlot(grid.sheet, cells, colspan=grid.span)


def _yearly_columns(grid: Grid, item: YearlyItem) -> None:
    if not grid.years_shown:
        year_header(grid, "年度")
    row = grid.sheet.take()
    grid.label(row, item.label)
    _yearly_inputs(grid, item, row)
    _reserve_years(grid, item)


def _yearly_header(grid: Grid, item: YearlyItem) -> None:
    row = grid.sheet.take(2)
    grid.label(row, item.label, 2)
    for index, year in enumerate(grid.spec.data_years):
        grid.sheet.text(row, grid.year_col(index), year_label(year), "header", colspan=grid.span)
    _yearly_inputs(grid, item, row + 1)
    _reserve_years(grid, item)


def _yearly_rows(grid: Grid, item: YearlyItem) -> None:
    years = grid.spec.data_years
    rows = len(years) + (1 if item.summary is not None else 0)
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    rule = number_rule(item)
    check_cells: dict[int | None, tuple[int, int]] = {}
    for offset, year in enumerate(years):
        grid.sheet.text(row + offset, 2, year_label(year), "center")
        grid.values(row + offset, CellKey(item.id, year=year, kind="number"), rule, 3)
        check_cells[year] = (row + offset, grid.extra)
    if item.id in grid.checked:
        grid.slots[item.id] = CheckSlot(grid.sheet, check_cells)
    if item.summary is not None:
        summary_row = row + len(years)
        grid.sheet.text(summary_row, 2, item.summary.label, "label")
        key = CellKey(item.summary.id, kind="number")
        grid.values(summary_row, key, number_rule(item.summary), 3)
        reserve_single(grid, item.summary.id, summary_row)


def lay_standards(grid: Grid, item: StandardsItem) -> None:
    """Under each year: a 类别 header and one role column per role, one row per category."""
    if not grid.years_shown:
        year_header(grid, "年度")
    rows = 1 + len(item.categories)
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    sheet = grid.sheet
    rule = _inputs.count_rule(item.label, notes=item.notes)
    for index, year in enumerate(grid.spec.data_years):
        first = grid.year_col(index)
        sheet.text(row, first, item.category_header, "header")
        for offset, role in enumerate(item.roles, start=1):
            sheet.text(row, first + offset, role.label, "header")
        for line, category in enumerate(item.categories, start=1):
            sheet.text(row + line, first, category.label, "center")
            for offset, role in enumerate(item.roles, start=1):
                key = CellKey(item.id, year=year, part=f"{category.id}/{role.id}", kind="number")
                sheet.input(row + line, first + offset, key, rule)
    grid.notes(item.notes)
