"""Finding the input cells of a clusterforms workbook, which is untrusted input.

The hidden metadata sheet maps every input cell (:mod:`._meta`); each mapped
cell is found by its ``cf.*`` defined name first, else where the map says,
so moved or renamed cells are still found.  Raw cells are read only from the
sheets and references wanted, through the guarded package (:mod:`._ooxml`, :mod:`._sheets`).
"""

from __future__ import annotations

import functools
import re
from typing import Final

from clusterforms.errors import ReadError
from clusterforms_renderers.xlsx._codec import unescape_text
from clusterforms_renderers.xlsx._guard import Package
from clusterforms_renderers.xlsx._meta import Located, Metadata, parse
from clusterforms_renderers.xlsx._ooxml import Book, parse_reference
from clusterforms_renderers.xlsx._plan import META_SHEET
from clusterforms_renderers.xlsx._sheets import RawCell, read_cells, read_strings

#: Columns of the metadata sheet that hold records; anything further right is ignored.
_META_COLUMNS: Final = 16
_REF: Final = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


class Cells:
    """Raw cells by (sheet, reference), with shared strings resolved on demand."""

    def __init__(self, package: Package, book: Book) -> None:
        self.package = package
        self.book = book
        self.raw: dict[tuple[str, str], RawCell] = {}
        self._strings: list[str] | None = None

    def load(self, sheet: str, wanted: set[str] | None) -> dict[str, RawCell]:
        """The raw cells of ``sheet`` (those in ``wanted``, or all), kept in :attr:`raw` too."""
        info = self.book.sheet(sheet)
        if info is None:
            msg = f"the workbook has no sheet {sheet!r} (was it renamed or deleted?)"
            raise self.package.error(msg)
        cells = read_cells(self.package, info, wanted)
        for ref, raw in cells.items():
            self.raw[sheet, ref] = raw
        return cells

    def text(self, raw: RawCell, where: str) -> str | None:
        """A cell's content as text (numbers as their stored text), or None when blank."""
        if raw.value is None:
            return None
        if raw.type == "s":
            if self._strings is None:
                self._strings = read_strings(self.package, self.book.strings_path)
            if not raw.value.isdigit() or int(raw.value) >= len(self._strings):
                msg = f"{where}: refers to a missing shared string"
                raise self.package.error(msg)
            return self._strings[int(raw.value)]
        if raw.type == "inlineStr":
            return raw.value
        if raw.type == "b":
            return "TRUE" if raw.value.strip() == "1" else "FALSE"
        if raw.type in {"str", "e", "d"}:
            return unescape_text(raw.value)
        return raw.value


def read_metadata(package: Package, book: Book, cells: Cells) -> Metadata:
    """What the hidden metadata sheet says: the spec, meta strings, option labels, the cell map."""
    if book.sheet(META_SHEET) is None:
        msg = (
            "not a clusterforms workbook: it has no metadata sheet "
            "(make templates with `clusterforms render SPEC --format xlsx`)"
        )
        if book.names:  # its cells are still named: the map was deleted, not never there
            msg = (
                f"the workbook's hidden sheet {META_SHEET}, which says which form it is and "
                "where each value is, was deleted; read a copy that still has it"
            )
        raise package.error(msg)
    grid: dict[int, dict[int, str]] = {}
    for ref, cell in cells.load(META_SHEET, None).items():
        match = _REF.fullmatch(ref)
        if match is None:
            continue
        col = 0
        for ch in match.group(1):
            col = col * 26 + ord(ch) - 64
        text = cells.text(cell, f"{META_SHEET}!{ref}")
        if text is not None and col <= _META_COLUMNS:
            grid.setdefault(int(match.group(2)), {})[col] = text
    rows = [[row.get(c, "") for c in range(1, max(row) + 1)] for _, row in sorted(grid.items())]
    try:
        return parse(rows)
    except ReadError as exc:
        raise package.error(str(exc)) from None


def locate(package: Package, book: Book, metadata: Metadata) -> list[tuple[Located, str, str]]:
    """Each mapped cell with where it is now: by defined name, else by the map."""
    names = book.names
    known: set[str] = set()  # sheets found in the workbook, each looked up once
    found: list[tuple[Located, str, str]] = []
    for item in metadata.cells:
        sheet, cell = item.sheet, item.cell
        text = names.get(item.name, "") if item.name else ""
        if text and text != _absolute(sheet, cell):  # the name has moved: follow it
            where = parse_reference(text)
            if where is not None and book.sheet(where[0]) is not None:
                sheet, cell = where
        if sheet not in known:
            if book.sheet(sheet) is None:
                msg = f"the workbook has no sheet {sheet!r} (was it renamed or deleted?)"
                raise package.error(msg)
            known.add(sheet)
        if sheet == META_SHEET:
            msg_0 = f"the metadata maps {item.key.location} onto itself"
            raise package.error(msg_0)
        found.append((item, sheet, cell))
    return found


@functools.lru_cache(maxsize=8192)
def _absolute(sheet: str, cell: str) -> str:
    """``'一、基本情况'!$C$5``: how a defined name refers to ``cell`` of ``sheet``.

    Cached: a form's workbooks map the same cells, read after read.
    """
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return "'" + sheet.replace("'", "''") + "'!$" + cell[: len(cell) - len(row)] + "$" + row
