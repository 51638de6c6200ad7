"""Putting validation findings onto the cells of a filled workbook.

The copy keeps everything of the original (values, validation, protection,
the hidden map) and adds: a red fill (errors) or amber fill (warnings) and a
comment with the Chinese message on every cell a finding points at, and a
first sheet 问题清单 listing every finding with a link to its cell.  Findings
about something the workbook has no cell for (an unknown field in a JSON
application, the document as a whole) are listed without a link.

The workbook is untrusted: it passes the same package guard as reading, and
every XML part is parsed once, locked down as reading parses (no DTDs, bounded
depth; :mod:`._ooxml`), before openpyxl sees it.  Annotating an annotated
workbook replaces the earlier annotations.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import attrs
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from clusterforms import Finding, FormSpec, Report, SpecNotFoundError
from clusterforms_renderers.xlsx import _measure
from clusterforms_renderers.xlsx._guard import Package
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._labels import Labels
from clusterforms_renderers.xlsx._locate import Cells, locate, read_metadata
from clusterforms_renderers.xlsx._ooxml import read_book, scan_package
from clusterforms_renderers.xlsx._reader import shipped
from clusterforms_renderers.xlsx._styles import (
    BOX,
    HEADER_FILL,
    INPUT_FILL,
    PROBLEM_FILL,
    PROBLEM_FONT,
    font,
)
from clusterforms_renderers.xlsx._writer import set_text

PROBLEMS_SHEET: Final = "问题清单"
AUTHOR: Final = "clusterforms"
WARNING_FILL: Final = "FFEB9C"
_PRIMARY: Final = frozenset(
    {"text", "number", "any", "choice", "mark", "extra", "attachment", "roster"}
)
_TEXT_CODES: Final = frozenset({"explanation_required", "other_text_required"})
_EVIDENCE_CODES: Final = frozenset({"evidence_missing", "unknown_attachment"})
_BLANK_KINDS: Final = frozenset({"choice_text", "mark_text"})
_HEADERS: Final = ("序号", "类别", "填报项", "单元格", "说明", "代码")
_WIDTHS: Final = (6, 8, 34, 26, 64, 24)
_WRAP: Final = Alignment(wrap_text=True, vertical="top")
_CENTER: Final = Alignment(horizontal="center", vertical="top", wrap_text=True)


@attrs.frozen
class Spot:
    """A mapped input cell: its key and where it is."""

    key: CellKey
    sheet: str
    ref: str


class Index:
    """Mapped cells by field id (and by target-table row id), to find a finding's cells."""

    def __init__(self, spots: Iterable[Spot]) -> None:
        self.by_field: dict[str, list[Spot]] = {}
        for spot in spots:
            self.by_field.setdefault(spot.key.field, []).append(spot)
            steps = spot.key.part.split("/")
            if len(steps) == 3 and steps[0] == "rows":
                self.by_field.setdefault(steps[1], []).append(spot)

    def cells(self, finding: Finding) -> list[Spot]:
        """The cells ``finding`` is about (none when the workbook has no cell for it)."""
        spots = self.by_field.get(finding.field or "", [])
        if finding.year is not None:
            spots = [s for s in spots if s.key.year == finding.year] or spots
        if finding.option is not None:
            option = finding.option
            spots = [
                s for s in spots if option in s.key.part.split("/") or s.key.part == option
            ] or spots
        if finding.code in _EVIDENCE_CODES:
            return [s for s in spots if s.key.kind == "evidence"] or spots
        if finding.code in _TEXT_CODES:
            return [s for s in spots if s.key.kind in _BLANK_KINDS] or spots
        return [s for s in spots if s.key.kind in _PRIMARY] or spots


def annotate_workbook(
    source: str | Path | bytes, report: Report, *, name: str | None = None
) -> bytes:
    """The annotated copy's bytes; ``name`` names the workbook in messages (default: the path)."""
    package = Package(source, name)
    scan_package(package)
    book = read_book(package)
    metadata = read_metadata(package, book, Cells(package, book))
    if report.spec != metadata.spec_id:
        msg = f"the report is for spec {report.spec!r}, the workbook for {metadata.spec_id!r}"
        raise package.error(msg)
    index = Index(
        Spot(item.key, sheet, ref) for item, sheet, ref in locate(package, book, metadata)
    )
    try:
        wb = load_workbook(io.BytesIO(package.data), rich_text=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on odd files
        msg_0 = f"cannot be opened for annotation ({type(exc).__name__}: {exc})"
        raise package.error(msg_0) from None
    _clear(wb, index)
    rows: list[tuple[Finding, list[Spot]]] = []
    notes: dict[tuple[str, str], list[Finding]] = {}
    for finding in report.findings:
        spots = [s for s in index.cells(finding) if s.sheet in wb.sheetnames]
        rows.append((finding, spots))
        for spot in spots:
            notes.setdefault((spot.sheet, spot.ref), []).append(finding)
    for (sheet, ref), findings in notes.items():
        _mark(wb[sheet], ref, findings)
    _problems_sheet(wb, rows, Labels(_spec(metadata.spec_id)))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _spec(spec_id: str) -> FormSpec | None:
    """The shipped spec the workbook is for, for its labels; None for one that is not shipped."""
    try:
        return shipped(spec_id)
    except SpecNotFoundError:
        return None


def _clear(wb: Workbook, index: Index) -> None:
    """Remove an earlier annotation: the 问题清单 sheet, our comments and fills."""
    if PROBLEMS_SHEET in wb.sheetnames:
        wb.remove(wb[PROBLEMS_SHEET])
    input_fill = PatternFill("solid", fgColor=INPUT_FILL)
    for spots in index.by_field.values():
        for spot in spots:
            if spot.sheet not in wb.sheetnames:
                continue
            ws = wb[spot.sheet]
            for ref in _merged(ws, spot.ref):
                cell = ws[ref]
                if cell.comment is not None and cell.comment.author == AUTHOR:
                    cell.comment = None
                color = cell.fill.fgColor.rgb if cell.fill is not None else None
                if isinstance(color, str) and color[-6:] in {PROBLEM_FILL, WARNING_FILL}:
                    cell.fill = input_fill
                    cell.font = font()


def _merged(ws: Worksheet, ref: str) -> list[str]:
    """Every cell of the merged range starting at ``ref`` (or just ``ref``)."""
    for merged in ws.merged_cells.ranges:
        if merged.start_cell.coordinate == ref:
            return [c.coordinate for row in ws[merged.coord] for c in row]
    return [ref]


def _mark(ws: Worksheet, ref: str, findings: list[Finding]) -> None:
    error = any(f.severity == "error" for f in findings)
    color = PROBLEM_FILL if error else WARNING_FILL
    fill = PatternFill("solid", fgColor=color)
    for coordinate in _merged(ws, ref):
        cell = ws[coordinate]
        cell.fill = fill
        cell.font = font(color=PROBLEM_FONT)
    text = "\n".join(f"{_severity(f)}：{f.message}" for f in findings)
    comment = Comment(text, AUTHOR)
    comment.width = 300
    comment.height = min(400, 40 + 18 * (len(text) // 18 + len(findings)))
    ws[ref].comment = comment


def _severity(finding: Finding) -> str:
    return "错误" if finding.severity == "error" else "提示"


def _problems_sheet(wb: Workbook, rows: list[tuple[Finding, list[Spot]]], labels: Labels) -> None:
    """The 问题清单: each finding with the label people see, its cell (a link), the message."""
    ws = wb.create_sheet(PROBLEMS_SHEET, 0)
    wb.active = 0
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet is ws
    for col, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    errors = sum(1 for f, _ in rows if f.severity == "error")
    warnings = len(rows) - errors
    set_text(ws.cell(1, 1), PROBLEMS_SHEET)
    ws.cell(1, 1).font = font(size=16, bold=True)
    ws.merge_cells("A1:F1")
    summary = f"共 {errors} 个错误、{warnings} 个提示。点击“单元格”一栏可跳转到对应单元格。"
    if not rows:
        summary = "未发现问题。"
    set_text(ws.cell(2, 1), summary)
    ws.merge_cells("A2:F2")
    for col, header in enumerate(_HEADERS, start=1):
        cell = ws.cell(3, col)
        set_text(cell, header)
        cell.font = font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
        cell.border = BOX
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for n, (finding, spots) in enumerate(rows, start=1):
        _problem_row(ws, 3 + n, n, finding, spots=spots, label=labels.of(finding))
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _problem_row(  # noqa: PLR0913 - one row's place, number, finding, cells and label
    ws: Worksheet, row: int, n: int, finding: Finding, *, spots: list[Spot], label: str
) -> None:
    """One finding: bordered, wrapped, top-aligned; the cell a link to the first spot."""
    where = "（表内无对应单元格）"
    if spots:
        first = spots[0]
        where = f"{first.sheet}!{first.ref}" + (f" 等{len(spots)}格" if len(spots) > 1 else "")
    code = f"{finding.code}\n{finding.location}"
    values = (str(n), _severity(finding), label, where, finding.message, code)
    texts = zip(values, _WIDTHS, strict=True)
    ws.row_dimensions[row].height = max(_measure.height_for(t, w) for t, w in texts)
    color = PROBLEM_FONT if finding.severity == "error" else None
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        set_text(cell, value)
        cell.font = font(color=color)
        cell.alignment = _CENTER if col <= 2 else _WRAP
        cell.border = BOX
    if spots:
        quoted = "'" + spots[0].sheet.replace("'", "''") + "'"
        link = ws.cell(row, 4)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quoted}!{spots[0].ref}")
        link.font = Font(name="宋体", size=11, color="0563C1", underline="single")
