"""A roster (推荐集群汇总表): the header row, then one entry per row that holds typed text.

The template's own rows (a 序号 and the column prompts, nothing typed) are
no entries; rows a person added are.  The 序号 column's number is read as a
number; every other cell as the text typed in it.
"""

from __future__ import annotations

from typing import Any

from clusterforms import Roster, RosterColumn, RosterItem
from clusterforms_renderers.docx.reading._cells import pieces
from clusterforms_renderers.docx.reading._numbers import read_plain_number
from clusterforms_renderers.docx.reading._scan import Scan
from clusterforms_renderers.docx.reading._text import clean_lines, norm
from clusterforms_renderers.docx.reading._units import Row, cell_text
from clusterforms_renderers.wordml import Cell


def read_roster(item: RosterItem, scan: Scan) -> None:
    """The entries of a roster table, in order."""
    if not item.columns:
        return
    if item.label and (label := scan.find(item.label)) is not None:
        scan.claim(label)
    header = _header(item, scan)
    if header is not None:
        _read_rows(item, scan, *header)


def _read_rows(item: RosterItem, scan: Scan, index: int, row: Row, columns: list[int]) -> None:
    """The rows after the header, and the notes under them."""
    scan.out.claim_cells(row.starting())
    scan.out.spot(item.id, None, scan.cell_place(row.starting()[0], row))
    entries: list[dict[str, Any]] = []
    last = index
    for n, (at, body) in enumerate(scan.rows_after(index, row.table, 10_000)):
        entry = _entry(item, scan, body, columns, n)
        last = at
        if entry:
            entries.append(entry)
    for note in item.notes:
        if (found := scan.find(note, last + 1, min(scan.end, last + 4))) is not None:
            scan.claim(found)
    if entries:
        where = scan.cell_place(row.starting()[0], row)
        scan.out.value(item.id, entries, where, f"{len(entries)} rows")
    scan.advance(last)


def _header(item: RosterItem, scan: Scan) -> tuple[int, Row, list[int]] | None:
    hit = scan.find_cell(item.columns[0].label)
    while hit is not None:
        cells = list(hit.row.starting())
        columns = []
        for column in item.columns:
            cell = next((c for c in cells if norm(cell_text(c)) == norm(column.label)), None)
            if cell is None:
                break
            columns.append(cell.column)
        else:
            return hit.index, hit.row, columns
        hit = scan.find_cell(item.columns[0].label, hit.index + 1)
    return None


def _covering(row: Row, column: int) -> Cell | None:
    return next((c for c in row.cells if c.column <= column < c.column + c.column_span), None)


def _entry(item: RosterItem, scan: Scan, row: Row, columns: list[int], n: int) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    typed_any = False
    for column, at in zip(item.columns, columns, strict=True):
        cell = _covering(row, at)
        if cell is None or cell.row != row.row:
            continue
        scan.out.claim_cells([cell])
        scan.out.spot(item.id, f"{n}/{column.id}", scan.cell_place(cell, row))
        text = clean_lines(pieces(cell, (), [column.prompt]))
        if not text:
            continue
        if column.numbered:
            entry[column.id] = read_plain_number(text)
        else:
            entry[column.id] = text
            typed_any = True
    return entry if typed_any else {}


def claim_template(table: Roster, scan: Scan) -> None:
    """An annex table the spec holds no field for (附件2 of the national form): its printed text.

    The header, the prompts and the template's row numbers are claimed; what
    is typed into the rows is left, so that it is reported as of no field.
    """
    columns = tuple(
        RosterColumn(
            id=c.id, label=c.label, prompt=c.prompt, numbered=c.numbered or c.label == "序号"
        )
        for c in table.columns
    )
    item = RosterItem(id="", columns=columns, rows=table.rows)
    header = _header(item, scan)
    if header is None:
        return
    index, row, at = header
    scan.out.claim_cells(row.starting())
    for n, (_, body) in enumerate(scan.rows_after(index, row.table, 10_000), start=1):
        for column, start in zip(columns, at, strict=True):
            cell = _covering(body, start)
            if cell is None or cell.row != body.row:
                continue
            text = clean_lines(pieces(cell, (), [column.prompt]))
            if not text or (column.numbered and text == str(n)):
                scan.out.claim_cells([cell])
