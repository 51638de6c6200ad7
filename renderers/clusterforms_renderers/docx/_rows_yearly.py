"""Rows of the year tables: the 年度 header, per-year values and the standards matrix.

The value stretch of a year table is cut into one column per data year.
``columns`` values sit under the table's 年度 header; ``header`` values get
their own row of years under a label merged down beside both rows; ``rows``
values stack the years vertically beside a merged label.  The standards
matrix cuts each year column again into 类别 | 主持数量 | 参与数量.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from clusterforms import StandardsItem, YearHeaderItem, YearlyItem, year_label
from clusterforms_renderers.docx._layout import (
    CENTER,
    ROW_HEIGHT,
    SMALL,
    Ctx,
    Frame,
    cell,
    lines,
    merged_down,
    notes,
)
from clusterforms_renderers.docx._table import Cell, Row
from clusterforms_renderers.docx._values import with_unit
from clusterforms_renderers.docx._xml import text_paragraph

#: Share of a year column given to the 类别 sub-column of the standards matrix.
_CATEGORY_SHARE = Fraction(24, 100)


def year_header_rows(item: YearHeaderItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """年度 | 2020年 | 2021年 | 2022年; the value columns below follow it."""
    ctx.year_columns = True
    return [Row(cells=(cell(frame.left, frame.split, lines(item.label)), *_year_cells(frame, ctx)))]


def _year_cells(frame: Frame, ctx: Ctx) -> list[Cell]:
    years = ctx.spec.data_years
    return [
        cell(start, end, [text_paragraph(year_label(y), CENTER)])
        for (start, end), y in zip(frame.slots(len(years)), years, strict=True)
    ]


def _value(item: YearlyItem, ctx: Ctx, year: int) -> str | None:
    series = ctx.values.by_year(item.id, ctx.values.field(item.id))
    raw = series.get(year) if series else None
    where = f"{item.id}.{year}"
    if item.value == "count":
        return ctx.values.count(where, raw)
    return ctx.values.number(where, raw, item.decimals)


def _value_cell(start: Fraction, end: Fraction, text: str | None) -> Cell:
    return cell(start, end, [text_paragraph(text, CENTER)] if text else [])


def yearly_rows(item: YearlyItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """One value per data year, laid out as the item's ``layout`` says."""
    years = ctx.spec.data_years
    layout = item.layout
    if layout == "columns" and not ctx.year_columns:
        layout = "header"  # no 年度 row above to say which column is which year
    label = lines(item.label)
    if layout == "rows":
        return _stacked(item, frame, ctx, label)
    values = [
        _value_cell(start, end, _value(item, ctx, y))
        for (start, end), y in zip(frame.slots(len(years)), years, strict=True)
    ]
    body = [Row(cells=tuple(values), height=ROW_HEIGHT)]
    if layout == "header":
        body.insert(0, Row(cells=tuple(_year_cells(frame, ctx))))
    body += _tail(item, frame, ctx)
    return merged_down(body, frame.left, frame.split, label)


def _stacked(item: YearlyItem, frame: Frame, ctx: Ctx, label: list[str]) -> list[Row]:
    """Label merged down | 2020年 | value, one row per year, then the summary and notes."""
    middle = frame.slots(len(ctx.spec.data_years))[0][1]
    body = [
        Row(
            cells=(
                cell(frame.split, middle, [text_paragraph(year_label(y), CENTER)]),
                _value_cell(middle, frame.right, _value(item, ctx, y)),
            ),
            height=ROW_HEIGHT,
        )
        for y in ctx.spec.data_years
    ]
    return merged_down(body + _tail(item, frame, ctx), frame.left, frame.split, label)


def _tail(item: YearlyItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """The summary row (近三年累计降低率 | value) and the notes, under the year values."""
    rows = []
    if item.summary is not None:
        summary = item.summary
        middle = frame.slots(len(ctx.spec.data_years))[0][1]
        raw = ctx.values.field(summary.id)
        value = ctx.values.number(summary.id, raw, summary.decimals)
        shown = with_unit(value, summary.unit, summary.label) if value else None
        if value and not isinstance(raw, Decimal):  # text typed instead of a figure: no unit
            shown = value
        cells = (
            cell(frame.split, middle, lines(summary.label)),
            _value_cell(middle, frame.right, shown),
        )
        rows.append(Row(cells=cells, height=ROW_HEIGHT))
    if item.notes:
        rows.append(Row(cells=(cell(frame.split, frame.right, notes(item.notes)),)))
    return rows


def standards_rows(item: StandardsItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label merged down | per year: 类别 | 主持数量 | 参与数量, then one row per category."""
    years = ctx.spec.data_years
    data = ctx.values.by_year(item.id, ctx.values.field(item.id))
    columns = [_sub_columns(start, end, len(item.roles)) for start, end in frame.slots(len(years))]
    head: list[Cell] = []
    for cuts in columns:
        head.append(cell(cuts[0], cuts[1], [text_paragraph(item.category_header, CENTER, SMALL)]))
        for k, role in enumerate(item.roles, start=1):
            head.append(cell(cuts[k], cuts[k + 1], [text_paragraph(role.label, CENTER, SMALL)]))
    body = [Row(cells=tuple(head))]
    for category in item.categories:
        row: list[Cell] = []
        for cuts, year in zip(columns, years, strict=True):
            row.append(cell(cuts[0], cuts[1], [text_paragraph(category.label, CENTER, SMALL)]))
            per_year = ctx.values.parts(f"{item.id}.{year}", data.get(year) if data else None)
            per_category = ctx.values.parts(
                f"{item.id}.{year}.{category.id}",
                per_year.get(category.id) if per_year else None,
            )
            for k, role in enumerate(item.roles, start=1):
                where = f"{item.id}.{year}.{category.id}.{role.id}"
                count = per_category.get(role.id) if per_category else None
                value = ctx.values.count(where, count)
                row.append(_value_cell(cuts[k], cuts[k + 1], value))
        body.append(Row(cells=tuple(row), height=ROW_HEIGHT))
    if item.notes:
        body.append(Row(cells=(cell(frame.split, frame.right, notes(item.notes)),)))
    return merged_down(body, frame.left, frame.split, lines(item.label))


def _sub_columns(start: Fraction, end: Fraction, roles: int) -> list[Fraction]:
    """Edges of 类别 and the role sub-columns inside one year column."""
    if roles < 1:
        return [start, end]
    width = end - start
    first = start + width * _CATEGORY_SHARE
    step = (end - first) / roles
    return [start, first, *(first + i * step for i in range(1, roles)), end]
