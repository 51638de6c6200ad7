"""Laying out one section of the form on its own sheet, item by item.

The sheet is a grid: column A holds labels, then ``width`` value columns
(one per data year, or ``span`` columns per year where a standards table
needs 类别 | 主持数量 | 参与数量 under each year), then one extra column for
check formulas and 佐证材料编号.  Every item prints its label, options and
notes verbatim and in form order (what :func:`clusterforms.iter_text` yields),
and places one input cell per value with a :class:`~._keys.CellKey`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from clusterforms._items import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    GroupItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    PairItem,
    RosterColumn,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    StaticItem,
    TargetDirection,
    TargetsItem,
    TextItem,
    YearHeaderItem,
    YearlyItem,
)
from clusterforms._spec import FormSpec, Section
from clusterforms._text import option_line, year_label
from clusterforms_renderers.xlsx import _inputs
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._plan import InputRule, SheetPlan, Style, WorkbookPlan

#: Width (Excel units) of the label column and of all value columns together.
LABEL_WIDTH = 34.0
VALUES_WIDTH = 51.0
EXTRA_WIDTH = 14.0
#: Free rows under each open 方向 of the target table, unless the data needs more.
DEFAULT_EXTRA_ROWS = 2
#: Text printed over the check column.
CHECK_HEADER = "自动校验"
CHECK_ROW_LABEL = "↳ 校验值（按表内数据自动计算）"

_STATIC_STYLES: dict[str, Style] = {
    "heading": "heading",
    "guidance": "guidance",
    "note": "note",
    "body": "body",
}


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
    table_sheet: bool = False  # the sheet holds nothing but rosters, in their own columns
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


def roster_width(column: RosterColumn) -> float:
    """A roster column's width: the numbered one narrow, long text wide."""
    if column.numbered:
        return 6.0
    if column.max_chars and column.max_chars >= 100:
        return 60.0
    return 14.0


def _table_widths(section: Section, width: int) -> tuple[float, ...] | None:
    """Column widths for a sheet that holds only rosters (and printed lines): the table's own."""
    rosters = [item for item in section.items if isinstance(item, RosterItem)]
    if not rosters or any(not isinstance(i, RosterItem | StaticItem) for i in section.items):
        return None
    widest = max(rosters, key=lambda item: len(item.columns))
    widths = [roster_width(c) for c in widest.columns]
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
) -> SheetPlan:
    """The sheet of ``section``: its heading and title, then every item in order.

    ``checked`` maps the fields that a formula rule recomputes to whether the
    rule is per year; their check cells are reserved in ``slots``.
    ``roster_rows`` holds the number of rows of each filled roster.
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
        table_sheet=table is not None,
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


def _text(grid: Grid, item: TextItem) -> None:
    rows = 2 if item.hint else 1
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    rule = _inputs.text_rule(item.label, max_chars=item.max_chars, notes=item.notes, hint=item.hint)
    grid.values(row, CellKey(item.id), rule)
    if item.hint:
        grid.sheet.text(row + 1, 2, item.hint, "guidance", colspan=grid.width)
    grid.notes(item.notes)


def _narrative(grid: Grid, item: NarrativeItem) -> None:
    guidance = ([item.prompt] if item.prompt else []) + list(item.outline)
    rows = len(guidance) + 1
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    for offset, line in enumerate(guidance):
        grid.sheet.text(row + offset, 2, line, "guidance", colspan=grid.width + 1)
    rule = _inputs.text_rule(item.label, max_chars=item.max_chars, notes=item.notes, tall=True)
    key = CellKey(item.id)
    grid.sheet.input(row + len(guidance), 2, key, rule, colspan=grid.width + 1)
    grid.notes(item.notes)


def _pair(grid: Grid, item: PairItem) -> None:
    if len(item.fields) != 2:
        for field in item.fields:
            _text(grid, field)
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


def _number(grid: Grid, item: NumberItem) -> None:
    row = grid.sheet.take()
    grid.label(row, item.label)
    grid.values(row, CellKey(item.id, kind="number"), _number_rule(item))
    _reserve_single(grid, item.id, row)
    grid.notes(item.notes)


def _number_rule(item: NumberItem | YearlyItem) -> InputRule:
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


def _reserve_single(grid: Grid, field: str, row: int) -> None:
    if field in grid.checked:
        grid.slots[field] = CheckSlot(grid.sheet, {None: (row, grid.extra)})


def _count(grid: Grid, item: CountItem) -> None:
    row = grid.sheet.take()
    grid.label(row, item.label)
    rule = _inputs.count_rule(item.label, unit=item.unit, notes=item.notes)
    key = CellKey(item.id, kind="number")
    if item.unit:
        grid.sheet.input(row, 2, key, rule, colspan=grid.width - 1)
        grid.sheet.text(row, grid.last, item.unit, "center")
    else:
        grid.values(row, key, rule)
    _reserve_single(grid, item.id, row)
    grid.notes(item.notes)


def option_labels(options: tuple[Any, ...]) -> list[tuple[str, str]]:
    """(option id, label shown in the drop-down); repeated labels get a number."""
    seen: dict[str, int] = {}
    shown: list[tuple[str, str]] = []
    for option in options:
        label = option.label.replace("\n", "") or option.id
        seen[label] = seen.get(label, 0) + 1
        shown.append((option.id, label if seen[label] == 1 else f"{label}（{seen[label]}）"))
    return shown


def _choice(grid: Grid, item: ChoiceItem) -> None:
    blank = next((o for o in item.options if o.free_text or o.explain), None)
    rows = 3 if blank is not None else 2
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    shown = option_labels(item.options)
    choices = grid.book.add_list(item.id, shown)
    rule = _inputs.choice_rule(item.label, choices, notes=item.notes)
    grid.values(row, CellKey(item.id, kind="choice"), rule)
    listing = "\u3000".join(option_line(o) for o in item.options)
    grid.sheet.text(row + 1, 2, listing, "option", colspan=grid.width)
    if blank is not None:
        grid.sheet.text(row + 2, 2, "↳ 补充填写：", "label")
        blank_rule = _inputs.blank_rule(blank.label, explain=blank.explain)
        grid.values(row + 2, CellKey(item.id, part="text", kind="choice_text"), blank_rule, 3)
    grid.notes(item.notes)


def _checklist(grid: Grid, item: ChecklistItem) -> None:
    blanks = sum(1 for o in item.options if o.free_text or o.explain)
    lead = 1 if item.lead else 0
    rows = lead + 1 + len(item.options) + blanks
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    sheet = grid.sheet
    if item.lead:
        sheet.text(row, 2, item.lead, "body", colspan=grid.width + 1)
    header = row + lead
    sheet.text(header, 2, "选项", "header", colspan=grid.width - 1)
    sheet.text(header, grid.last, "是否勾选", "header")
    sheet.text(header, grid.extra, "佐证材料编号", "header")
    current = header + 1
    for option in item.options:
        needs = item.evidence if option.evidence is None else option.evidence
        sheet.text(current, 2, option_line(option), "option", colspan=grid.width - 1)
        mark = _inputs.mark_rule(option.label, evidence=needs)
        sheet.input(current, grid.last, CellKey(item.id, part=option.id, kind="mark"), mark)
        evidence = _inputs.evidence_rule(required=needs)
        key = CellKey(item.id, part=f"{option.id}/evidence", kind="evidence")
        sheet.input(current, grid.extra, key, evidence)
        current += 1
        if option.free_text or option.explain:
            sheet.text(current, 2, "↳ 补充填写：", "label")
            blank_rule = _inputs.blank_rule(option.label, explain=option.explain)
            text_key = CellKey(item.id, part=f"{option.id}/text", kind="mark_text")
            sheet.input(current, 3, text_key, blank_rule, colspan=grid.width)
            current += 1
    grid.notes(item.notes)


def year_header(grid: Grid, label: str) -> None:
    """A 年度 | 2020年 | 2021年 | 2022年 row heading the year columns."""
    row = grid.sheet.take()
    grid.sheet.text(row, 1, label, "header")
    for index, year in enumerate(grid.spec.data_years):
        grid.sheet.text(row, grid.year_col(index), year_label(year), "header", colspan=grid.span)
    grid.years_shown = True


def _year_header(grid: Grid, item: YearHeaderItem) -> None:
    year_header(grid, item.label)


def _yearly(grid: Grid, item: YearlyItem) -> None:
    {"columns": _yearly_columns, "header": _yearly_header, "rows": _yearly_rows}[item.layout](
        grid, item
    )
    if item.summary is not None and item.layout != "rows":
        _number(grid, item.summary)
    grid.notes(item.notes)


def _yearly_inputs(grid: Grid, item: YearlyItem, row: int) -> None:
    rule = _number_rule(item)
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
    rule = _number_rule(item)
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
        grid.values(summary_row, key, _number_rule(item.summary), 3)
        _reserve_single(grid, item.summary.id, summary_row)


def _standards(grid: Grid, item: StandardsItem) -> None:
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


def _named_count(grid: Grid, item: NamedCountItem) -> None:
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


def _counts(grid: Grid, item: CountsItem) -> None:
    rows = max(1, len(item.parts))
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    for offset, part in enumerate(item.parts):
        grid.sheet.text(row + offset, 2, part.label, "label", colspan=grid.width - 1)
        rule = _inputs.count_rule(part.label, notes=item.notes)
        key = CellKey(item.id, part=part.id, kind="number")
        grid.sheet.input(row + offset, grid.last, key, rule)
    grid.notes(item.notes)


def _group(grid: Grid, item: GroupItem) -> None:
    grid.sheet.line(item.label, "heading")
    for child in item.items:
        lay_item(grid, child)
    grid.notes(item.notes)


def _static(grid: Grid, item: StaticItem) -> None:
    for line in item.lines:
        grid.sheet.line(line, _STATIC_STYLES[item.style])


def _stages(grid: Grid, item: StagesItem) -> None:
    years = grid.spec.plan_years
    rows = max(1, len(years))
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    rule = _inputs.text_rule(item.label, tall=True)
    for n, year in enumerate(years, start=1):
        grid.sheet.text(row + n - 1, 2, item.year_label.format(n=n, year=year), "label")
        grid.sheet.input(row + n - 1, 3, CellKey(item.id, year=year), rule, colspan=grid.width)


def _signoff(grid: Grid, item: SignoffItem) -> None:
    sheet = grid.sheet
    sheet.line(item.title, "heading")
    if item.text:
        sheet.line(item.text, "body")
    if item.opinion:
        row = sheet.take()
        rule = _inputs.text_rule(item.title, tall=True)
        sheet.input(row, 1, CellKey(item.id), rule, colspan=grid.width + 2)
    for line in item.lines:
        sheet.line(line, "body")
    sheet.line(item.date_line, "right")


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


def _targets(grid: Grid, item: TargetsItem) -> None:
    sheet = grid.sheet
    sheet.line(item.label, "heading")
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
            sheet.input(current, col, key, _target_rule(shown, cell_kind))
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
            rule = (
                _inputs.text_rule("新增指标名称")
                if part == "indicator"
                else _inputs.any_rule(direction.label)
            )
            sheet.input(current, col, key, rule, colspan=span)


def _target_kind(kind: str) -> Any:
    return "number" if kind == "number" else "text"


def _target_rule(label: str, kind: str) -> InputRule:
    if kind == "text":
        return _inputs.text_rule(label)
    return _inputs.number_rule(label)


def _roster(grid: Grid, item: RosterItem) -> None:
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


_LAYOUTS: dict[str, Callable[[Grid, Any], None]] = {
    "text": _text,
    "narrative": _narrative,
    "pair": _pair,
    "number": _number,
    "count": _count,
    "choice": _choice,
    "checklist": _checklist,
    "yearly": _yearly,
    "standards": _standards,
    "named_count": _named_count,
    "counts": _counts,
    "group": _group,
    "year_header": _year_header,
    "static": _static,
    "stages": _stages,
    "signoff": _signoff,
    "targets": _targets,
    "roster": _roster,
}
