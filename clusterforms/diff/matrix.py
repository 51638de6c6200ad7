"""The item matrix: one row per item id across several specs, one column per spec.

The overview of how the forms differ: each cell says whether the spec has
the item and, if so, whether its label (or kind) differs from the first
spec in the row that has it.  Output as text, a self-contained HTML page,
or a :class:`~clusterforms.Table` for a renderer with the table capability
to write (``clusterforms.render_table(matrix.to_table(), "xlsx")``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from html import escape
from typing import Literal, TypeAlias

import attrs

from clusterforms.diff.match import locate, text_of
from clusterforms.diff.messages import Lang, message, word
from clusterforms.model.spec import FormSpec
from clusterforms.tables import TONE_COLOURS, Table, TableCell, Tone

MatrixState: TypeAlias = Literal["present", "absent", "label_differs", "kind_differs"]
SYMBOLS: dict[MatrixState, str] = {
    "present": "✓",
    "absent": "—",
    "label_differs": "≠",
    "kind_differs": "K",
}
TONES: dict[MatrixState, Tone] = {
    "present": "good",
    "absent": "muted",
    "label_differs": "warning",
    "kind_differs": "bad",
}
_FILLS: dict[MatrixState, str] = {state: TONE_COLOURS[tone] for state, tone in TONES.items()}


@attrs.frozen(kw_only=True)
class MatrixCell:
    """One spec's version of one item: its state, kind and label (empty when absent)."""

    state: MatrixState
    kind: str = ""
    label: str = ""


@attrs.frozen(kw_only=True)
class MatrixRow:
    """One item id: the section it first appears in, and a cell per spec."""

    id: str
    section: str
    cells: tuple[MatrixCell, ...]


@attrs.frozen(kw_only=True, repr=False)
class Matrix:
    """Rows in a merged form order; ``specs`` are the column ids."""

    specs: tuple[str, ...]
    rows: tuple[MatrixRow, ...]

    def __repr__(self) -> str:
        """Short: the specs and the number of items."""
        return f"<Matrix {', '.join(self.specs)}: {len(self.rows)} items>"

    def to_text(self, lang: Lang = "zh") -> str:
        """A compact text table: id, then one symbol per spec (✓ ≠ K —)."""
        return _text(self, lang)

    def to_html(self, lang: Lang = "zh") -> str:
        """One self-contained HTML page with the matrix (no scripts, no network)."""
        return _html(self, lang)

    def to_table(self, lang: Lang = "zh") -> Table:
        """The matrix as a plain table (id, section, a toned cell per spec) with its legend."""
        rows = tuple(
            (
                TableCell(text=row.id),
                TableCell(text=row.section),
                *(TableCell(text=_cell_text(c, lang), tone=TONES[c.state]) for c in row.cells),
            )
            for row in self.rows
        )
        legend = tuple(
            TableCell(text=symbol, tone=TONES[state], note=word("matrix", state, lang))
            for state, symbol in SYMBOLS.items()
        )
        compared = message("matrix.compared", lang)
        return Table(
            title=message("matrix.title", lang),
            header=(message("matrix.id", lang), message("matrix.section", lang), *self.specs),
            rows=rows,
            key_columns=2,
            widths=(40, 14, *(32 for _ in self.specs)),
            legend=legend,
            notes=(message("matrix.note", lang, {"compared": compared}),),
        )


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


def _cell(version: tuple[str, str, str] | None, reference: tuple[str, str, str]) -> MatrixCell:
    if version is None:
        return MatrixCell(state="absent")
    _, kind, label = version
    state: MatrixState = "present"
    if kind != reference[1]:
        state = "kind_differs"
    elif label != reference[2]:
        state = "label_differs"
    return MatrixCell(state=state, kind=kind, label=label)


def _cell_text(cell: MatrixCell, lang: Lang) -> str:
    if cell.state == "present":
        return SYMBOLS["present"]
    if cell.state == "absent":
        return SYMBOLS["absent"]
    if cell.state == "kind_differs":
        return f"{SYMBOLS['kind_differs']} {word('kind', cell.kind, lang)}: {cell.label}"
    return f"{SYMBOLS['label_differs']} {cell.label}"


def _text(matrix: Matrix, lang: Lang) -> str:
    width = max((len(r.id) for r in matrix.rows), default=2)
    heading = message("matrix.id", lang)
    lines = [
        message("matrix.legend", lang),
        heading + " " * (width - _columns(heading)) + "  " + "  ".join(matrix.specs),
    ]
    for row in matrix.rows:
        cells = "  ".join(
            f"{SYMBOLS[c.state]:<{len(s)}}" for c, s in zip(row.cells, matrix.specs, strict=True)
        )
        lines.append(f"{row.id:<{width}}  {cells}".rstrip())
    return "\n".join(lines) + "\n"


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _html(matrix: Matrix, lang: Lang) -> str:
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
            f'<td class="{c.state}" title="{escape(word("kind", c.kind, lang))}">'
            f"{escape(_cell_text(c, lang))}</td>"
            for c in row.cells
        )
        body.append(
            f'<tr><td class="id">{escape(row.id)}</td><td>{escape(row.section)}</td>{cells}</tr>'
        )
    legend = " · ".join(
        f'<span class="{s}">{SYMBOLS[s]} {word("matrix", s, lang)}</span>' for s in SYMBOLS
    )
    heading = message("matrix.heading", lang, {"n": str(len(matrix.specs))})
    id_, section = message("matrix.id", lang), message("matrix.section", lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8">'
        f"<title>clusterforms {message('matrix.title', lang)}: "
        f"{escape(', '.join(matrix.specs))}</title>"
        f"<style>{css}span.present,span.absent,span.label_differs,span.kind_differs"
        f"{{padding:0 .3rem}}"
        + "".join(f"span.{s}{{background:#{c}}}" for s, c in _FILLS.items())
        + f"</style></head><body><h1>{heading}</h1>"
        f"<p>{legend} ({message('matrix.compared', lang)})</p>"
        f"<table><thead><tr><th>{id_}</th><th>{section}</th>{head}</tr></thead><tbody>\n"
        + "\n".join(body)
        + "\n</tbody></table></body></html>\n"
    )
