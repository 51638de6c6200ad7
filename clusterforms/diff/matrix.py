"""The item matrix: one row per item id across several specs, one column per spec.

The overview of how the forms differ: each cell says whether the spec has
the item and, if so, whether its label (or kind) differs from the first
spec in the row that has it.  Output as text, a self-contained HTML page,
or an xlsx workbook (openpyxl is imported only when one is asked for).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape
from typing import Literal

import attrs

from clusterforms.diff.match import locate, text_of
from clusterforms.model.spec import FormSpec

State = Literal["present", "absent", "label_differs", "kind_differs"]
SYMBOLS: dict[State, str] = {
    "present": "✓",
    "absent": "—",
    "label_differs": "≠",
    "kind_differs": "K",
}
_FILLS: dict[State, str] = {
    "present": "DFF3E3",
    "absent": "EEEEEE",
    "label_differs": "FFF3CD",
    "kind_differs": "FDE2E1",
}


@attrs.frozen(kw_only=True)
class Cell:
    """One spec's version of one item: its state, kind and label (empty when absent)."""

    state: State
    kind: str = ""
    label: str = ""


@attrs.frozen(kw_only=True)
class MatrixRow:
    """One item id: the section it first appears in, and a cell per spec."""

    id: str
    section: str
    cells: tuple[Cell, ...]


@attrs.frozen(kw_only=True)
class Matrix:
    """Rows in a merged form order; ``specs`` are the column ids."""

    specs: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


def item_matrix(specs: Sequence[FormSpec]) -> Matrix:
    """The matrix of every item (cover lines included) across ``specs``, in order given."""
    entries: list[dict[str, tuple[str, str, str]]] = []
    order: list[str] = []
    for spec in specs:
        found = {line.id: ("cover", "cover", line.label) for line in spec.cover.lines}
        found.update(
            (i, (p.section, p.item.kind, text_of(p.item))) for i, p in locate(spec).items()
        )
        entries.append(found)
        _merge(order, list(found))
    rows = []
    for item_id in order:
        versions = [e.get(item_id) for e in entries]
        reference = next(v for v in versions if v is not None)
        cells = tuple(_cell(v, reference) for v in versions)
        rows.append(MatrixRow(id=item_id, section=reference[0], cells=cells))
    return Matrix(specs=tuple(s.id for s in specs), rows=tuple(rows))


def _merge(order: list[str], ids: list[str]) -> None:
    """Insert ``ids`` not yet in ``order`` right after their predecessor in ``ids``."""
    known = set(order)
    position = 0
    for item_id in ids:
        if item_id in known:
            position = order.index(item_id) + 1
        else:
            order.insert(position, item_id)
            known.add(item_id)
            position += 1


def _cell(version: tuple[str, str, str] | None, reference: tuple[str, str, str]) -> Cell:
    if version is None:
        return Cell(state="absent")
    _, kind, label = version
    state: State = "present"
    if kind != reference[1]:
        state = "kind_differs"
    elif label != reference[2]:
        state = "label_differs"
    return Cell(state=state, kind=kind, label=label)


def _cell_text(cell: Cell) -> str:
    if cell.state == "present":
        return SYMBOLS["present"]
    if cell.state == "absent":
        return SYMBOLS["absent"]
    if cell.state == "kind_differs":
        return f"{SYMBOLS['kind_differs']} {cell.kind}: {cell.label}"
    return f"{SYMBOLS['label_differs']} {cell.label}"


def matrix_text(matrix: Matrix) -> str:
    """A compact text table: id, then one symbol per spec (✓ ≠ K —)."""
    width = max((len(r.id) for r in matrix.rows), default=2)
    lines = [
        (
            "✓ present  ≠ label differs  K kind differs  — absent (compared with the first spec "
            "that has the item)"
        ),
        f"{'id':<{width}}  " + "  ".join(matrix.specs),
    ]
    for row in matrix.rows:
        cells = "  ".join(
            f"{SYMBOLS[c.state]:<{len(s)}}" for c, s in zip(row.cells, matrix.specs, strict=True)
        )
        lines.append(f"{row.id:<{width}}  {cells}".rstrip())
    return "\n".join(lines) + "\n"


def matrix_html(matrix: Matrix) -> str:
    """One self-contained HTML page with the matrix (no scripts, no network)."""
    css = (
        'body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;'
        "margin:1.5rem}table{border-collapse:collapse}th,td{border:1px solid #ddd;"
        "padding:.25rem .5rem;vertical-align:top;font-size:.9rem}th{background:#f6f6f6;"
        "position:sticky;top:0}td.id{font-family:monospace}"
        + "".join(f"td.{s}{{background:#{c}}}" for s, c in _FILLS.items())
    )
    head = "".join(f"<th>{escape(s)}</th>" for s in matrix.specs)
    body = []
    for row in matrix.rows:
        cells = "".join(
            f'<td class="{c.state}" title="{escape(c.kind)}">{escape(_cell_text(c))}</td>'
            for c in row.cells
        )
        body.append(
            f'<tr><td class="id">{escape(row.id)}</td><td>{escape(row.section)}</td>{cells}</tr>'
        )
    legend = " · ".join(
        f'<span class="{s}">{SYMBOLS[s]} {s.replace("_", " ")}</span>' for s in SYMBOLS
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>clusterforms matrix: {escape(', '.join(matrix.specs))}</title>"
        f"<style>{css}span.present,span.absent,span.label_differs,span.kind_differs"
        f"{{padding:0 .3rem}}"
        + "".join(f"span.{s}{{background:#{c}}}" for s, c in _FILLS.items())
        + f"</style></head><body><h1>Items across {len(matrix.specs)} specs</h1>"
        f"<p>{legend} (compared with the first spec in the row that has the item)</p>"
        f"<table><thead><tr><th>id</th><th>section</th>{head}</tr></thead><tbody>\n"
        + "\n".join(body)
        + "\n</tbody></table></body></html>\n"
    )


def matrix_xlsx(matrix: Matrix) -> bytes:
    """The matrix as an xlsx workbook: coloured cells, frozen header, a filter."""
    from openpyxl import Workbook  # noqa: PLC0415 - heavy, and only this output needs it
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "matrix"
    sheet.append(["id", "section", *matrix.specs])
    for header in sheet[1]:
        header.font = Font(bold=True)
    fills = {s: PatternFill("solid", start_color=c, end_color=c) for s, c in _FILLS.items()}
    for row in matrix.rows:
        sheet.append([row.id, row.section, *(_cell_text(c) for c in row.cells)])
        for k, entry in enumerate(row.cells):
            target = sheet.cell(row=sheet.max_row, column=3 + k)
            target.fill = fills[entry.state]
            target.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 14
    for k in range(len(matrix.specs)):
        sheet.column_dimensions[get_column_letter(3 + k)].width = 32
    legend = book.create_sheet("legend")
    for state, symbol in SYMBOLS.items():
        legend.append([symbol, state.replace("_", " ")])
        legend.cell(row=legend.max_row, column=1).fill = fills[state]
    legend.append([])
    legend.append(["Each cell is compared with the first spec in its row that has the item."])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
