r"""The whole workbook's layout: cover and 填报说明, sections, 佐证材料清单, appendices.

Sheet order follows the printed form, so reading the cells sheet by sheet,
row by row gives the form's text in order.  Section sheets are named after
their titles (Excel: at most 31 characters, none of ``[]:*?/\\``, unique).
A spec with no cover and no 填报说明 (the 汇总表) has no cover sheet, and one
with nothing that cites evidence (no checklist) no 佐证材料清单 unless the
application lists attachments.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from clusterforms import Appendix, ChecklistItem, FormSpec, Roster
from clusterforms_renderers.xlsx import _inputs
from clusterforms_renderers.xlsx._checks import Addresses, checked_fields, place_checks
from clusterforms_renderers.xlsx._grid import CheckSlot
from clusterforms_renderers.xlsx._keys import ATTACHMENTS, CellKey
from clusterforms_renderers.xlsx._place import CellValue, Place
from clusterforms_renderers.xlsx._plan import (
    LISTS_SHEET,
    META_SHEET,
    Input,
    SheetPlan,
    WorkbookPlan,
)
from clusterforms_renderers.xlsx._sections import section_sheet

COVER_SHEET = "封面及填报说明"
ATTACHMENTS_SHEET = "佐证材料清单"
#: Blank rows of the 佐证材料清单 beyond the attachments an application already lists.
ATTACHMENT_ROWS = 15
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_SHEET_NAME_MAX = 31
#: The 序号 column of an appendix table, numbered 1, 2, 3 … like the printed table.
_NUMBER_LABEL = "序号"
#: Points of an appendix table's row, room to write by hand on the printed page.
_APPENDIX_ROW = 42.0


@attrs.frozen(kw_only=True)
class Slots:
    """How many free rows the data needs: extra target rows per 方向, attachment rows."""

    extra_rows: Mapping[str, int] = attrs.field(factory=dict)
    attachments: int = 0
    roster_rows: Mapping[str, int] = attrs.field(factory=dict)
    #: added target rows (``direction/n``) that count something: their figures show whole
    whole_extras: frozenset[str] = frozenset()
    #: the values by cell: a long text takes as many rows as it needs (:mod:`._blocks`)
    texts: Mapping[Place, CellValue] = attrs.field(factory=dict)


def sheet_name(title: str, taken: set[str]) -> str:
    """An Excel-legal sheet name from ``title``, unique among ``taken`` (case-insensitive)."""
    name = _FORBIDDEN.sub("", title.replace("\n", "")).strip().strip("'") or "Sheet"
    name = name[:_SHEET_NAME_MAX]
    candidate, n = name, 1
    lowered = {t.lower() for t in taken}
    while candidate.lower() in lowered or candidate.lower() == "history":
        n += 1
        suffix = f"({n})"
        candidate = name[: _SHEET_NAME_MAX - len(suffix)] + suffix
    taken.add(candidate)
    return candidate


def plan_workbook(spec: FormSpec, slots: Slots | None = None) -> WorkbookPlan:
    """Lay out every sheet of ``spec``'s workbook."""
    slots = slots or Slots()
    book = WorkbookPlan(spec_id=spec.id)
    taken = {META_SHEET, LISTS_SHEET}
    if spec.has_cover or spec.instructions:
        book.sheets.append(_cover(spec, sheet_name(COVER_SHEET, taken)))
    checked = checked_fields(spec)
    check_slots: dict[str, CheckSlot] = {}
    for section in spec.sections:
        name = sheet_name(section.title, taken)
        sheet = section_sheet(
            spec,
            book,
            section,
            name=name,
            checked=checked,
            extra_rows=dict(slots.extra_rows),
            slots=check_slots,
            roster_rows=dict(slots.roster_rows),
            whole_extras=slots.whole_extras,
            texts=slots.texts,
        )
        book.sheets.append(sheet)
    if slots.attachments or any(isinstance(item, ChecklistItem) for _, item in spec.walk()):
        book.sheets.append(_attachments(sheet_name(ATTACHMENTS_SHEET, taken), slots.attachments))
    for appendix in spec.appendices:
        title = (appendix.heading or "") + appendix.title
        book.sheets.append(_appendix(appendix, sheet_name(title, taken)))
    place_checks(spec, check_slots, _number_cells(book))
    return book


def _number_cells(book: WorkbookPlan) -> Addresses:
    cells: Addresses = {}
    for sheet, cell in book.inputs():
        key = cell.key
        if key.kind == "number" and not key.part:
            cells[key.field, key.year] = (sheet, cell.row, cell.col)
    return cells


def _cover(spec: FormSpec, name: str) -> SheetPlan:
    sheet = SheetPlan(name=name, widths=(38.0, 20.0, 20.0, 20.0), title_rows=0)
    cover = spec.cover
    if cover.heading:
        sheet.line(cover.heading, "heading")
    if cover.title:
        sheet.line(cover.title, "title")
    sheet.take()
    for line in cover.lines:
        hints = [h for h in ("".join(line.suffixes), line.hint) if h]
        row = sheet.take(1 + len(hints))
        sheet.text(row, 1, line.label, "label", rowspan=1 + len(hints))
        rule = _inputs.text_rule(line.label, hint=" ".join(hints) or None)
        sheet.input(row, 2, CellKey(line.id), rule, colspan=3)
        for offset, hint in enumerate(hints, start=1):
            sheet.text(row + offset, 2, hint, "guidance", colspan=3)
    if cover.issuer_line:
        sheet.take()
        sheet.line(cover.issuer_line, "caption")
    if spec.instructions:
        sheet.take()
        sheet.line(spec.instructions_title, "subtitle")
        for n, instruction in enumerate(spec.instructions, start=1):
            sheet.line(f"{n}. {instruction}", "body")
    return sheet


def _attachments(name: str, listed: int) -> SheetPlan:
    sheet = SheetPlan(name=name, widths=(12.0, 48.0, 40.0), title_rows=3)
    sheet.line("佐证材料清单", "title")
    sheet.line(
        "在此登记佐证材料（编号如 A1、A2），并在勾选项的“佐证材料编号”中引用。",
        "guidance",
    )
    row = sheet.take()
    for col, header in enumerate(("编号", "材料名称", "文件名"), start=1):
        sheet.text(row, col, header, "header")
    rules = (
        _inputs.text_rule("佐证材料编号", hint="如 A1"),
        _inputs.text_rule("佐证材料名称"),
        _inputs.text_rule("文件名", hint="如 附件1-产业链图谱.pdf"),
    )
    for n in range(1, listed + ATTACHMENT_ROWS + 1):
        row = sheet.take()
        for col, (part, rule) in enumerate(zip(("id", "title", "file"), rules, strict=True), 1):
            sheet.input(row, col, CellKey(ATTACHMENTS, part=f"{n}/{part}", kind="attachment"), rule)
    return sheet


def _appendix(appendix: Appendix, name: str) -> SheetPlan:
    table = appendix.table
    if table is not None and table.columns:
        widths = tuple(_roster_width(c.label, c.max_chars) for c in table.columns)
    else:  # several columns, merged: LibreOffice mis-scales a lone wide column when printing
        widths = (24.0, 24.0, 24.0, 24.0)
    sheet = SheetPlan(name=name, widths=widths, landscape=appendix.orientation == "landscape")
    sheet.title_rows = 0
    if appendix.heading:
        sheet.line(appendix.heading, "heading")
    sheet.line(appendix.title, "title")
    for paragraph in appendix.paragraphs:
        sheet.line(paragraph, "body")
    if table is not None and table.columns:
        _appendix_table(sheet, table)
    for line in appendix.closing:
        sheet.line(line, "right")
    return sheet


def _appendix_table(sheet: SheetPlan, table: Roster) -> None:
    """The header, then the rows numbered and bordered across, as printed; prompts in the first."""
    header = sheet.take()
    for col, column in enumerate(table.columns, start=1):
        sheet.text(header, col, column.label, "header")
    for n in range(1, max(1, table.rows) + 1):
        row = sheet.take()
        sheet.heights[row] = _APPENDIX_ROW
        for col, column in enumerate(table.columns, start=1):
            if column.numbered or column.label == _NUMBER_LABEL:
                sheet.text(row, col, str(n), "center")
            elif n == 1 and column.prompt:
                sheet.text(row, col, column.prompt, "guidance")
            else:
                sheet.text(row, col, "", "label")


def _roster_width(label: str, max_chars: int | None) -> float:
    if max_chars and max_chars >= 100:
        return 60.0
    return max(10.0, min(24.0, 2.2 * len(label) + 2))


def input_cells(book: WorkbookPlan) -> dict[tuple[str, int | None, str], tuple[SheetPlan, Input]]:
    """Every input cell by (field, year, part)."""
    return {
        (cell.key.field, cell.key.year, cell.key.part): (sheet, cell)
        for sheet, cell in book.inputs()
    }
