"""A plain :class:`~clusterforms.Table` as a workbook: the table (and its ``more``), its legend.

The table's sheet has the header in bold and frozen with the key columns,
a filter over every column, each toned cell filled with its tone's colour
(:data:`clusterforms.TONE_COLOURS`), a cell's note as a comment and its link as
a hyperlink to the row it names.  Every
text is written as text, whatever it starts with, so a label like ``=1+1``
never becomes a formula.
"""

from __future__ import annotations

import io
import re
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from clusterforms import TONE_COLOURS, Table, TableCell
from clusterforms_renderers.xlsx._writer import set_text

LEGEND_SHEET: Final = "legend"
_SHEET_NAME_BAD: Final = re.compile(r"[\[\]:*?/\\]")
_WRAP: Final = Alignment(wrap_text=True, vertical="top")


def write_table(table: Table) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    tables = (table, *table.more)  # further tables, each on a sheet of its own
    sheets = [book.worksheets[0], *(book.create_sheet() for _ in table.more)]
    for sheet, each in zip(sheets, tables, strict=True):
        sheet.title = sheet_name(each.title)  # openpyxl numbers a repeated name
    titles = [sheet.title for sheet in sheets]
    for sheet, each in zip(sheets, tables, strict=True):
        _sheet(sheet, each, titles)
    if table.legend or table.notes:
        _legend(book, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(sheet: Worksheet, table: Table, titles: list[str]) -> None:
    for col, header in enumerate(table.header, start=1):
        cell = sheet.cell(row=1, column=col)
        set_text(cell, header)
        cell.font = Font(bold=True)
    for row_number, row in enumerate(table.rows, start=2):
        for col, entry in enumerate(row, start=1):
            _put(sheet, row_number, col, entry, wrap=col > table.key_columns)
            if entry.link is not None and entry.link[0] < len(titles):
                _link(sheet.cell(row=row_number, column=col), titles[entry.link[0]], entry.link[1])
    if table.header:
        sheet.freeze_panes = sheet.cell(row=2, column=table.key_columns + 1).coordinate
        sheet.auto_filter.ref = sheet.dimensions
    for col, width in enumerate(table.widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def sheet_name(title: str) -> str:
    r"""``title`` as a sheet may be named: without ``[ ] : * ? / \``, at most 31 characters."""
    name = _SHEET_NAME_BAD.sub("_", title).strip("'")[:31]
    if not name or name == LEGEND_SHEET:
        return "table"
    return name


def _put(sheet: Worksheet, row: int, col: int, entry: TableCell, *, wrap: bool) -> None:
    cell = sheet.cell(row=row, column=col)
    set_text(cell, entry.text)
    colour = TONE_COLOURS.get(entry.tone)
    if colour is not None:
        cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    if wrap:
        cell.alignment = _WRAP
    if entry.note:
        cell.comment = Comment(entry.note, "clusterforms")


def _link(cell: Cell | MergedCell, title: str, row: int) -> None:
    """A hyperlink from ``cell`` to the first cell of row ``row`` (from 0) of sheet ``title``."""
    quoted = title.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A{row + 2}")
    cell.font = Font(color="0563C1", underline="single")


def _legend(book: Workbook, table: Table) -> None:
    sheet = book.create_sheet(LEGEND_SHEET)
    row = 1
    for entry in table.legend:
        _put(sheet, row, 1, TableCell(text=entry.text, tone=entry.tone), wrap=False)
        set_text(sheet.cell(row=row, column=2), entry.note)
        row += 1
    if table.legend and table.notes:
        row += 1
    for note in table.notes:
        set_text(sheet.cell(row=row, column=1), note)
        row += 1
