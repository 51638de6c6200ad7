"""Writing a workbook plan (and an application's values) with openpyxl.

Text is always written as a string cell (``t="inlineStr"``), escaped as
OOXML requires, so text beginning with ``=``, ``+``, ``-`` or ``@`` is shown,
never evaluated; the only formulas in the file are the check formulas of
:mod:`~clusterforms_renderers.xlsx._checks` and the ticked boxes of
:mod:`~clusterforms_renderers.xlsx._boxes`.  Numbers are written from their
exact decimal text, never through ``float``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from openpyxl.cell.cell import Cell as XlCell
from openpyxl.cell.cell import MergedCell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from clusterforms import FormSpec
from clusterforms.errors import RenderError
from clusterforms_renderers.xlsx import _measure
from clusterforms_renderers.xlsx._codec import escape_text, excel_number_text
from clusterforms_renderers.xlsx._inputs import number_or_none
from clusterforms_renderers.xlsx._keys import defined_name
from clusterforms_renderers.xlsx._meta import Located, records
from clusterforms_renderers.xlsx._place import CellValue, Place
from clusterforms_renderers.xlsx._plan import (
    LISTS_SHEET,
    META_SHEET,
    Check,
    Input,
    InputRule,
    SheetPlan,
    Text,
    WorkbookPlan,
    absolute,
    coordinate,
)
from clusterforms_renderers.xlsx._styles import (
    CHECK_STYLE,
    PROBLEM_FILL,
    PROBLEM_FONT,
    Styles,
    text_style,
)

_A4: Final = 9
_DEFAULT_HEIGHT: Final = 15.0
_ERROR_TITLE: Final = "输入有误"


def set_text(cell: XlCell | MergedCell, text: str) -> None:
    """Put ``text`` in ``cell`` as a string, whatever it starts with."""
    cell.value = escape_text(text)
    cell.data_type = "s"


def set_number(cell: XlCell | MergedCell, value: Decimal) -> None:
    """Put ``value`` in ``cell`` as a number from its exact text, or as text if Excel cannot."""
    stored = excel_number_text(value)
    if stored is None:
        set_text(cell, format(value, "f"))
        return
    cell.value = stored
    cell.data_type = "n"


def write_value(cell: XlCell | MergedCell, value: CellValue) -> None:
    """Write an application value: a number as a number, text as text (never re-read)."""
    if isinstance(value, Decimal):
        set_number(cell, value)
    else:
        set_text(cell, value)


class _SheetWriter:
    def __init__(self, ws: Worksheet, plan: SheetPlan, styles: Styles) -> None:
        self.ws = ws
        self.plan = plan
        self.styles = styles
        self.heights: dict[int, float] = {}
        for row, height in plan.heights.items():
            self.need(row, 1, height)

    def place(
        self, row: int, col: int, colspan: int, rowspan: int, style: str
    ) -> XlCell | MergedCell:
        if colspan > 1 or rowspan > 1:
            self.ws.merge_cells(
                start_row=row,
                start_column=col,
                end_row=row + rowspan - 1,
                end_column=col + colspan - 1,
            )
            for r in range(row, row + rowspan):
                for c in range(col, col + colspan):
                    self.ws.cell(r, c).style = style
        cell = self.ws.cell(row, col)
        cell.style = style
        return cell

    def need(self, row: int, rowspan: int, height: float) -> None:
        share = height / rowspan
        for r in range(row, row + rowspan):
            if share > self.heights.get(r, _DEFAULT_HEIGHT):
                self.heights[r] = share

    def text(self, item: Text) -> None:
        cell = self.place(item.row, item.col, item.colspan, item.rowspan, text_style(item.style))
        if item.formula is not None:
            cell.value = item.formula  # the renderer's own (._boxes), never data
        elif item.text:
            set_text(cell, item.text)
        if item.text:
            scale = 1.25 if item.style in {"title", "subtitle"} else 1.0
            width = self.plan.width_of(item.col, item.colspan)
            self.need(item.row, item.rowspan, _measure.height_for(item.text, width, scale=scale))

    def input(self, item: Input, value: CellValue | None) -> None:
        style = self.styles.for_input(item.rule)
        cell = self.place(item.row, item.col, item.colspan, item.rowspan, style)
        width = self.plan.width_of(item.col, item.colspan)
        if item.rule.tall and value is None and item.row not in self.plan.heights:
            limit = item.rule.maximum if item.rule.type == "textLength" else None
            sample = "字" * int(limit if limit is not None else 60)
            self.need(item.row, item.rowspan, max(45.0, _measure.height_for(sample, width)))
        if value is not None:
            write_value(cell, value)
            if isinstance(value, str) and item.row not in self.plan.heights:
                self.need(item.row, item.rowspan, _measure.height_for(value, width))

    def check(self, item: Check) -> None:
        cell = self.place(item.row, item.col, item.colspan, 1, CHECK_STYLE)
        cell.value = item.formula

    def finish(self) -> None:
        for row, height in self.heights.items():
            if height > _DEFAULT_HEIGHT + 1:
                self.ws.row_dimensions[row].height = round(height, 1)


def _validation(rule: InputRule, first: str) -> DataValidation:
    """The validation of ``rule``'s cells, ``first`` the top-left one."""
    number = rule.type in {"decimal", "whole"}
    dv = DataValidation(
        type="custom" if number else None if rule.type == "any" else rule.type,
        allow_blank=True,
        showInputMessage=bool(rule.prompt),
        promptTitle=rule.prompt_title or None,
        prompt=rule.prompt or None,
        showErrorMessage=rule.type != "any",
        errorTitle=_ERROR_TITLE if rule.type != "any" else None,
        error=rule.error or None,
        errorStyle=rule.error_style,
    )
    if rule.type == "list":
        dv.formula1 = rule.choices
    elif rule.type == "textLength":
        dv.operator = "lessThanOrEqual"
        dv.formula1 = _number(rule.maximum)
    elif number:
        dv.formula1 = number_or_none(rule, first)  # "无", or a number in range
    return dv


def _number(value: Decimal | None) -> str:
    return "0" if value is None else format(value, "f")


def _range(row: int, col: int, colspan: int, rowspan: int) -> str:
    first = coordinate(row, col)
    if colspan == 1 and rowspan == 1:
        return first
    return f"{first}:{coordinate(row + rowspan - 1, col + colspan - 1)}"


def _setup(ws: Worksheet, plan: SheetPlan) -> None:
    for col, width in enumerate(plan.widths, start=1):
        ws.column_dimensions[coordinate(1, col)[:-1]].width = round(width, 2)
    ws.sheet_view.showGridLines = False
    ws.page_setup.paperSize = _A4
    ws.page_setup.orientation = "landscape" if plan.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    footer = ws.oddFooter
    if footer is not None:
        footer.center.text = "第 &P 页，共 &N 页"
    for row in plan.breaks:
        ws.row_breaks.append(Break(id=row - 1))  # a break follows the row before
    if plan.repeat_rows is not None:
        ws.print_title_rows = f"{plan.repeat_rows[0]}:{plan.repeat_rows[1]}"
    elif plan.title_rows:
        ws.print_title_rows = f"1:{plan.title_rows}"
    _protect(ws)


def _protect(ws: Worksheet) -> None:
    """Protect without a password; still let people widen columns and rows or wrap text."""
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _sheet(
    wb: Workbook,
    plan: SheetPlan,
    styles: Styles,
    values: Mapping[Place, CellValue],
    used: set[Place],
) -> list[Located]:
    ws = wb.create_sheet(plan.name)
    _setup(ws, plan)
    writer = _SheetWriter(ws, plan, styles)
    rules: dict[InputRule, list[str]] = {}
    prompts: dict[str, list[str]] = {}
    located: list[Located] = []
    for item in plan.cells:
        if isinstance(item, Text):
            writer.text(item)
        elif isinstance(item, Input):
            place = (item.key.field, item.key.year, item.key.part)
            value = values.get(place)
            if value is not None:
                used.add(place)
            writer.input(item, value if item.text is None else item.text)
            rules.setdefault(item.rule, []).append(
                _range(item.row, item.col, item.colspan, item.rowspan)
            )
            located.append(
                Located(key=item.key, sheet=plan.name, cell=coordinate(item.row, item.col))
            )
        else:
            writer.check(item)
            prompts.setdefault(item.prompt, []).append(_range(item.row, item.col, item.colspan, 1))
    writer.finish()
    for rule, ranges in rules.items():
        # A number cell's validation refers to the cell itself: one per range.
        each = [[r] for r in ranges] if rule.type in {"decimal", "whole"} else [ranges]
        for some in each:
            dv = _validation(rule, some[0].split(":")[0])
            dv.sqref = MultiCellRange(" ".join(some))
            ws.add_data_validation(dv)
    for prompt, ranges in prompts.items():
        dv = DataValidation(showInputMessage=True, promptTitle="自动校验", prompt=prompt)
        dv.sqref = MultiCellRange(" ".join(ranges))
        ws.add_data_validation(dv)
    fill = PatternFill(start_color=PROBLEM_FILL, end_color=PROBLEM_FILL, fill_type="solid")
    for highlight in plan.highlights:
        ws.conditional_formatting.add(
            highlight.cell,
            FormulaRule(  # type: ignore[no-untyped-call]
                formula=[highlight.formula], fill=fill, font=Font(color=PROBLEM_FONT)
            ),
        )
    return located


def _hidden(wb: Workbook, name: str, rows: list[tuple[str, ...]]) -> None:
    ws = wb.create_sheet(name)
    ws.sheet_state = "veryHidden"
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                set_text(ws.cell(r, c), text)
    _protect(ws)


def _lists(wb: Workbook, lists: list[tuple[str, ...]]) -> None:
    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "veryHidden"
    for c, labels in enumerate(lists, start=1):
        for r, label in enumerate(labels, start=1):
            set_text(ws.cell(r, c), label)
    _protect(ws)


def _names(wb: Workbook, located: list[Located]) -> list[Located]:
    """Give every input cell a defined name; a name two keys would share is left out."""
    counts: dict[str, int] = {}
    for item in located:
        name = defined_name(item.key)
        counts[name] = counts.get(name, 0) + 1
    named: list[Located] = []
    for item in located:
        name = defined_name(item.key)
        if counts[name] == 1:
            row, col = _split(item.cell)
            wb.defined_names.add(DefinedName(name, attr_text=absolute(item.sheet, row, col)))
            named.append(Located(key=item.key, sheet=item.sheet, cell=item.cell, name=name))
        else:
            named.append(item)
    return named


def _split(cell: str) -> tuple[int, int]:
    letters = cell.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(cell[len(letters) :]), col


def write_workbook(
    spec: FormSpec,
    plan: WorkbookPlan,
    values: Mapping[Place, CellValue],
    meta: Mapping[str, str],
) -> bytes:
    """The xlsx bytes of ``plan`` filled with ``values``."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    wb.properties.title = spec.title
    wb.properties.creator = "clusterforms"
    styles = Styles(wb)
    used: set[Place] = set()
    located: list[Located] = []
    for sheet in plan.sheets:
        located.extend(_sheet(wb, sheet, styles, values, used))
    missing = [place for place in values if place not in used]
    if missing:
        shown = ", ".join(f"{f}[{y}]/{p}" if y else f"{f}/{p}" for f, y, p in missing[:5])
        msg = f"no cell of the workbook holds {shown}"
        raise RenderError(msg)
    _lists(wb, plan.lists)
    named = _names(wb, located)
    _hidden(wb, META_SHEET, list(records(spec, dict(meta), plan.options, named)))
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    wb.calculation.fullCalcOnLoad = True  # formulas are stored without results
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
