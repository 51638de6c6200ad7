"""The year tables: the 年度 row, figures by year, and the standards matrix.

A yearly row is read however the document lays it out — under the table's
年度 row (values in the year columns), with a row of years of its own under
its label, or stacked (2020年 | value, one row per year) — whatever the spec
says, since a person's template and our renderer may differ.
"""

from __future__ import annotations

import re
from typing import Any, Final

from clusterforms import StandardsItem, YearHeaderItem, YearlyItem, year_label
from clusterforms_renderers.docx.reading._cells import figure, labelled, number_in, pieces
from clusterforms_renderers.docx.reading._places import Spot
from clusterforms_renderers.docx.reading._scan import CellHit, Scan
from clusterforms_renderers.docx.reading._text import norm
from clusterforms_renderers.docx.reading._units import Row, cell_text
from clusterforms_renderers.wordml import Cell

_YEAR: Final = re.compile(r"^((?:19|20)\d\d)年?(?:度)?$")

#: Where each year's figure is: the cell and its row.
Slots = dict[int, tuple[Cell, Row]]


def _year_of(cell: Cell) -> int | None:
    match = _YEAR.match(norm(cell_text(cell)))
    return int(match.group(1)) if match else None


def _year_columns(scan: Scan, cells: list[Cell]) -> dict[int, tuple[int, int]]:
    years = set(scan.spec.data_years)
    columns: dict[int, tuple[int, int]] = {}
    for cell in cells:
        year = _year_of(cell)
        if year in years:
            columns[year] = (cell.column, cell.column + cell.column_span)
    return columns


def _year_at(columns: dict[int, tuple[int, int]], column: int) -> int | None:
    return next((y for y, (lo, hi) in columns.items() if lo <= column < hi), None)


def read_year_header(item: YearHeaderItem, scan: Scan) -> None:
    """年度 | 2020年 | 2021年 | 2022年: which columns hold which year, for the rows below."""
    found = labelled(scan, item.label)
    if found is None:
        return
    columns = _year_columns(scan, found.values)
    if columns:
        scan.years = (found.hit.row.table, columns)
        scan.out.claim_cells([found.hit.cell, *found.values])
        scan.advance(found.hit.index)


def read_yearly(item: YearlyItem, scan: Scan) -> None:
    """One figure per data year, laid out as the document has it."""
    hit = scan.find_cell(item.label)
    if hit is None:
        return
    scan.out.claim_cells([hit.cell])
    below = scan.rows_after(hit.index, hit.row.table, hit.cell.row_span - 1)
    slots, rest = _slots(scan, hit, [row for _, row in below])
    _values(item, scan, hit, slots)
    if item.summary is not None:
        _summary(item, scan, rest or [hit.row])
    notes = {norm(n) for n in item.notes}
    for row in rest:
        scan.out.claim_cells(c for c in row.starting() if norm(cell_text(c)) in notes)
    scan.advance(below[-1][0] if below else hit.index)


def _slots(scan: Scan, hit: CellHit, below: list[Row]) -> tuple[Slots, list[Row]]:
    """Each year's cell, whichever way the document lays the years out; and the rows left."""
    cells = hit.after()
    header = _year_columns(scan, cells)
    slots: Slots = {}
    if header and len(header) == len(cells) and below:  # a row of years, the values under it
        scan.out.claim_cells(cells)
        for cell in below[0].starting():
            if (year := _year_at(header, cell.column)) is not None:
                slots[year] = (cell, below[0])
        return slots, below[1:]
    if hit.cell.row_span > 1 and cells and _year_of(cells[0]) is not None:  # 2020年 | value
        rest = []
        for row in [hit.row, *below]:
            own = [c for c in row.cells if c is not hit.cell]
            year = _year_of(own[0]) if len(own) >= 2 else None
            if year in scan.spec.data_years and year is not None:
                scan.out.claim_cells([own[0]])
                slots[year] = (own[1], row)
            else:
                rest.append(row)
        return slots, rest
    years = scan.years[1] if scan.years and scan.years[0].path == hit.row.table.path else {}
    for n, cell in enumerate(cells):
        year = _year_at(years, cell.column) if years else None
        if not years and n < len(scan.spec.data_years):
            year = scan.spec.data_years[n]
        if year is not None:
            slots[year] = (cell, hit.row)
    return slots, below


def _values(item: YearlyItem, scan: Scan, hit: CellHit, slots: Slots) -> None:
    value: dict[str, Any] = {}
    shown = []
    for year in scan.spec.data_years:
        if year not in slots:
            continue
        cell, row = slots[year]
        scan.out.claim_cells([cell])
        where = scan.cell_place(cell, row)
        scan.out.spot(item.id, str(year), where)
        text = pieces(cell, (), item.notes)
        number = number_in(scan, Spot(item.id, year_label(year), where), text, item.unit)
        if number is not None:
            value[str(year)] = number
            shown.append(" ".join(text.split()))
    if value:
        scan.out.value(item.id, value, scan.place(hit), " | ".join(shown))


def _summary(item: YearlyItem, scan: Scan, rows: list[Row]) -> None:
    """近三年累计降低率 | value: a row under the yearly figures."""
    summary = item.summary
    if summary is None:
        return
    key = norm(summary.label)
    for row in rows:
        cells = list(row.starting())
        for n, cell in enumerate(cells):
            if not norm(cell_text(cell)).startswith(key):
                continue
            values = cells[n + 1 :]
            scan.out.claim_cells([cell, *values])
            where = scan.cell_place(values[0] if values else cell, row)
            scan.out.spot(summary.id, None, where)
            text = "\n".join(pieces(c, (), summary.notes) for c in values)
            figure(scan, summary.id, text or pieces(cell, (summary.label,)), summary.unit, where)
            return


def read_standards(item: StandardsItem, scan: Scan) -> None:
    """Per year: 类别 | 主持数量 | 参与数量; then a row per category (国际 国家 行业 团体)."""
    hit = scan.find_cell(item.label)
    if hit is None:
        return
    scan.out.claim_cells([hit.cell, *hit.after()])
    groups = _groups(item, hit.after())
    years = _group_years(scan, groups, hit.row)
    categories = {norm(c.label): c.id for c in item.categories}
    count = max(hit.cell.row_span - 1, len(item.categories))
    value: dict[str, Any] = {}
    shown: list[str] = []
    last = hit.index
    for index, row in scan.rows_after(hit.index, hit.row.table, count):
        by_column = {c.column: c for c in row.starting()}
        read_any = False
        for (column, roles), year in zip(groups, years, strict=False):
            category_cell = by_column.get(column)
            category = categories.get(norm(cell_text(category_cell))) if category_cell else None
            if category is None or category_cell is None:
                continue
            read_any = True
            scan.out.claim_cells([category_cell])
            for role, at in roles.items():
                if (cell := by_column.get(at)) is not None:
                    key = f"{year}/{category}/{role}"
                    if (number := _role(scan, item, key, cell, row)) is not None:
                        value.setdefault(str(year), {}).setdefault(category, {})[role] = number
                        shown.append(str(number))
        if not read_any:
            break
        last = index
    scan.out.spot(item.id, None, scan.place(hit))
    if value:
        scan.out.value(item.id, value, scan.place(hit), " | ".join(shown))
    scan.advance(last)


def _groups(item: StandardsItem, cells: list[Cell]) -> list[tuple[int, dict[str, int]]]:
    """Each year's 类别 column, and the column of each role after it."""
    header = norm(item.category_header)
    roles = {norm(r.label): r.id for r in item.roles}
    groups: list[tuple[int, dict[str, int]]] = []
    for cell in cells:
        text = norm(cell_text(cell))
        if text == header:
            groups.append((cell.column, {}))
        elif groups and text in roles:
            groups[-1][1][roles[text]] = cell.column
    return groups


def _role(scan: Scan, item: StandardsItem, key: str, cell: Cell, row: Row) -> Any:
    scan.out.claim_cells([cell])
    where = scan.cell_place(cell, row)
    scan.out.spot(item.id, key, where)
    text = pieces(cell)
    return number_in(scan, Spot(item.id, key, where), text, None)


def _group_years(scan: Scan, groups: list[tuple[int, dict[str, int]]], row: Row) -> list[int]:
    """The year of each 类别 group: by the 年度 row's columns, else in order."""
    if scan.years and scan.years[0].path == row.table.path:
        found = [_year_at(scan.years[1], column) for column, _ in groups]
        if all(y is not None for y in found):
            return [y for y in found if y is not None]
    return list(scan.spec.data_years[: len(groups)])
