"""A plain table for people — a title, a header, rows of toned cells, a legend.

The item matrix (:meth:`clusterforms.Matrix.to_table`) is one.  Turning a
table into a file is a capability of renderer plugins
(:meth:`clusterforms.Renderer.render_table`), so the core needs no
spreadsheet library and a third party can add a format (``.ods``, ``.csv``).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal, TypeAlias

import attrs

#: How a cell stands out: its meaning, which each renderer shows in its own way.
Tone: TypeAlias = Literal["plain", "good", "muted", "warning", "bad"]

#: The background each tone has in the built-in formats (RGB hex); ``plain`` has none.
TONE_COLOURS: MappingProxyType[Tone, str] = MappingProxyType(
    {"good": "DFF3E3", "muted": "EEEEEE", "warning": "FFF3CD", "bad": "FDE2E1"}
)


@attrs.frozen(kw_only=True)
class TableCell:
    """One cell: its text, its tone, a note on what it means (a tooltip or comment), a link.

    ``link`` leads to a row of the tables written together: ``(table, row)``, where
    table 0 is the one holding the cell and 1, 2… its ``more``, and row 0 is the
    first under the header (in a workbook, a click on the cell goes there).
    """

    text: str
    tone: Tone = "plain"
    note: str = ""
    link: tuple[int, int] | None = None


_Rows: TypeAlias = tuple[tuple["TableCell", ...], ...]


def _rows_fit_header(table: Table, _: attrs.Attribute[_Rows], rows: _Rows) -> None:
    for n, row in enumerate(rows, start=1):
        if len(row) != len(table.header):
            msg = f"row {n} has {len(row)} cells; the header has {len(table.header)}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True, repr=False)
class Table:
    """A table to write as one sheet or page.

    ``key_columns`` leading columns name each row (kept in view when scrolling);
    ``widths`` are column widths in characters, where known; ``legend`` explains
    the tones: each cell's ``text`` is a symbol and its ``note`` what it stands for;
    ``notes`` are sentences printed under the legend; ``more`` are further
    tables written after this one (each a sheet of its own in a workbook).
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[TableCell, ...], ...] = attrs.field(default=(), validator=_rows_fit_header)
    key_columns: int = 0
    widths: tuple[int, ...] = ()
    legend: tuple[TableCell, ...] = ()
    notes: tuple[str, ...] = ()
    more: tuple[Table, ...] = ()

    def __repr__(self) -> str:
        """Short: the title and the size."""
        return f"<Table {self.title!r}: {len(self.rows)} rows × {len(self.header)} columns>"
