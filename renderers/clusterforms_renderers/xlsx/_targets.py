"""Rows of the plan period: the target table and the stages of the plan years.

The target table: 方向 in column A, the indicator across the value columns
but the last two, which take the 基期 and 目标 values; a 行业平均水平 column,
when a rule needs one, takes the extra column.  An open 方向 ends in a
"......" row and free rows for indicators of the applicant's own.  The table
starts a printed page, so no merged 方向 label is cut by a page break.
"""

from __future__ import annotations

from typing import Any

import attrs

from clusterforms import StagesItem, TargetDirection, TargetsItem
from clusterforms_renderers._indicators import is_count
from clusterforms_renderers.xlsx import _blocks, _inputs
from clusterforms_renderers.xlsx._grid import Grid, tall_input
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._plan import InputRule

#: Free rows under each open 方向 of the target table, unless the data needs more.
DEFAULT_EXTRA_ROWS = 2


def has_average(item: TargetsItem) -> bool:
    """Whether the target table needs a 行业平均水平 column (for 不低于行业平均水平 rules)."""
    return any(
        rule.check in {"not_below_average", "not_below_average_reduction"} for rule in item.rules
    )


@attrs.frozen
class _TableColumns:
    """Where the target table's columns are on a section's grid."""

    indicator_span: int
    baseline: int
    target: int
    average: int | None


def lay_targets(grid: Grid, item: TargetsItem) -> None:
    """The heading and guidance, the header row, each 方向, then remarks and rules as notes."""
    sheet = grid.sheet
    heading = sheet.line(item.label, "heading")
    if heading > sheet.title_rows + 1:  # the table fits a page: never a 方向 cut in half
        sheet.breaks.append(heading)
    if item.guidance:
        sheet.line(item.guidance, "guidance")
    span = grid.width - 2
    columns = _TableColumns(span, 2 + span, 3 + span, 4 + span if has_average(item) else None)
    row = sheet.take()
    spec = grid.spec
    sheet.text(row, 1, item.direction_header, "header")
    sheet.text(row, 2, item.indicator_header, "header", colspan=span)
    baseline = item.baseline_header.format(baseline=spec.baseline_year)
    sheet.text(row, columns.baseline, baseline, "header")
    sheet.text(row, columns.target, item.target_header.format(target=spec.target_year), "header")
    if columns.average is not None:
        sheet.text(row, columns.average, "行业平均水平（选填）", "header")
    for direction in item.directions:
        _direction(grid, item, direction, columns)
    if item.remarks_intro:
        sheet.line(item.remarks_intro, "note")
    for rule_line in item.rules:
        sheet.line(rule_line.text, "note")
    grid.notes(item.notes)


def _direction(
    grid: Grid, item: TargetsItem, direction: TargetDirection, columns: _TableColumns
) -> None:
    """One 方向 of the target table: its rows, then its "......" and free rows."""
    sheet = grid.sheet
    free = grid.extra_rows.get(direction.id, DEFAULT_EXTRA_ROWS) if direction.open else 0
    rows = max(1, len(direction.rows) + (1 + free if direction.open else 0))
    current = sheet.take(rows)
    grid.label(current, direction.label, rows)
    for target_row in direction.rows:
        shown = target_row.indicator + (f"（{target_row.unit}）" if target_row.unit else "")
        sheet.text(current, 2, shown, "label", colspan=columns.indicator_span)
        kind = "text" if target_row.value == "text" else "number"
        parts = [("baseline", columns.baseline), ("target", columns.target)]
        if columns.average is not None:
            parts.append(("industry_average", columns.average))
        for part, col in parts:
            cell_kind = "number" if part == "industry_average" else kind
            key = CellKey(
                item.id, part=f"rows/{target_row.id}/{part}", kind=_target_kind(cell_kind)
            )
            counted = is_count(target_row.indicator) and part != "industry_average"
            rule = _inputs.count_rule(shown) if counted else _target_rule(shown, cell_kind)
            sheet.input(current, col, key, rule)
        current += 1
    if not direction.open:
        return
    sheet.text(current, 2, direction.open_label, "center", colspan=columns.indicator_span)
    for n in range(1, free + 1):
        current += 1
        for part, col, span in (
            ("indicator", 2, columns.indicator_span),
            ("baseline", columns.baseline, 1),
            ("target", columns.target, 1),
        ):
            key = CellKey(item.id, part=f"{direction.id}/{n}/{part}", kind="extra")
            whole = f"{direction.id}/{n}" in grid.whole_extras
            rule = (
                _inputs.text_rule("新增指标名称")
                if part == "indicator"
                else _inputs.any_rule(direction.label, decimals=0 if whole else 2)
            )
            sheet.input(current, col, key, rule, colspan=span)


def _target_kind(kind: str) -> Any:
    return "number" if kind == "number" else "text"


def _target_rule(label: str, kind: str) -> InputRule:
    if kind == "text":
        return _inputs.text_rule(label)
    return _inputs.number_rule(label)


def lay_stages(grid: Grid, item: StagesItem) -> None:
    """Rows per plan year: its label, then a tall input (as many rows as its text needs)."""
    years = grid.spec.plan_years
    rule = _inputs.text_rule(item.label, tall=True)
    keys = [CellKey(item.id, year=year) for year in years]
    shown = [tall_input(grid, key, rule, 3, grid.width) for key in keys]
    rows = max(1, sum(len(s) for s in shown))
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    for n, (year, key, pieces) in enumerate(zip(years, keys, shown, strict=True), start=1):
        label = item.year_label.format(n=n, year=year)
        grid.sheet.text(row, 2, label, "label", rowspan=len(pieces))
        _blocks.place(grid.sheet, key, rule, pieces, at=(row, 3), colspan=grid.width)
        row += len(pieces)
