"""The raw cells of a sheet and the shared strings, read from untrusted parts.

Rows come complete from :func:`._ooxml.elements` (parsed whole, or streamed
and freed one by one); only a row's own ``<c>`` children are cells, and only
the cells asked for become :class:`RawCell` values — every other cell costs
one look at its reference, and a cell with no content (a blank styled cell)
is left out, as if it were not there.  A sheet claiming (``<dimension>``) or holding more
than :data:`~._ooxml.MAX_ROWS` rows, a row numbered beyond it and a cell
beyond column XFD are refused.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from clusterforms_renderers.xlsx._codec import unescape_text
from clusterforms_renderers.xlsx._guard import Package
from clusterforms_renderers.xlsx._ooxml import (
    MAX_ROWS,
    Element,
    Part,
    SheetInfo,
    elements,
    read_part,
)

MAX_COLUMNS: Final = 16_384
MAX_SHEET_BYTES: Final = 16 * 1024 * 1024
MAX_STRINGS_BYTES: Final = 32 * 1024 * 1024
_NAMESPACES: Final = (
    "",
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}",
)
_VALUE: Final = frozenset(f"{ns}v" for ns in _NAMESPACES)
_INLINE: Final = frozenset(f"{ns}is" for ns in _NAMESPACES)
_TEXT: Final = frozenset(f"{ns}t" for ns in _NAMESPACES)
_CELL_RE: Final = re.compile(r"\$?([A-Z]{1,3})\$?[0-9]{1,7}")
_DIMENSION_RE: Final = re.compile(r"[A-Z]{1,3}([0-9]{1,7})(?::[A-Z]{1,3}([0-9]{1,7}))?")


class RawCell(NamedTuple):
    """A cell as stored: its type, stored value, formula."""

    type: str
    value: str | None
    formula: str | None = None


#: Builds a RawCell from a tuple in C, a third of the cost of calling the class.
_new: Final = tuple.__new__


def read_cells(package: Package, sheet: SheetInfo, wanted: set[str] | None) -> dict[str, RawCell]:
    """The cells of ``sheet`` whose reference is in ``wanted`` (all when None)."""
    part = _part(package, sheet)
    reader = _SheetReader(package, sheet, wanted)
    if part.root is not None and reader.named_cells(part.root):
        return reader.cells
    reader = _SheetReader(package, sheet, wanted)
    for element in part.iter(("dimension", "row")):
        if _is_dimension(element):
            reader.dimension(element)
        else:
            reader.row_cells(element, reader.row(element))
    return reader.cells


def _is_dimension(element: Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and tag.endswith("dimension")


def _part(package: Package, sheet: SheetInfo) -> Part:
    member = sheet.path
    if not member or not package.has(member):
        msg = f"sheet {sheet.name!r} is missing from the package"
        raise package.error(msg)
    return read_part(package, member, MAX_SHEET_BYTES)


class _SheetReader:
    """The wanted cells of one sheet as its rows go by, and the checks on rows and cells."""

    def __init__(self, package: Package, sheet: SheetInfo, wanted: set[str] | None) -> None:
        self.package = package
        self.sheet = sheet
        self.wanted = wanted
        self.cells: dict[str, RawCell] = {}
        self.rows = 0
        self.number = 0

    def dimension(self, element: Element) -> None:
        """Refuse a sheet claiming more than :data:`MAX_ROWS` rows."""
        ref = element.get("ref") or ""
        match = _DIMENSION_RE.fullmatch(ref)
        last = int(match.group(2) or match.group(1)) if match is not None else 0
        if last > MAX_ROWS:
            msg = f"sheet {self.sheet.name!r} claims {last} rows ({ref}); more than {MAX_ROWS}"
            raise self.package.error(msg + " is refused")

    def row(self, row: Element) -> int:
        """Count a row and number it: one without ``r`` is the one after the row before."""
        self.rows += 1
        if self.rows > MAX_ROWS:
            msg = f"sheet {self.sheet.name!r} has more than {MAX_ROWS} rows"
            raise self.package.error(msg)
        attr = row.get("r")
        if attr is None:
            self.number += 1
            return self.number
        if not attr.isdigit() or not 0 < int(attr) <= 1_048_576:
            msg = f"sheet {self.sheet.name!r} has a row numbered {attr[:12]!r}"
            raise self.package.error(msg)
        self.number = int(attr)
        if self.number > MAX_ROWS:
            msg = f"sheet {self.sheet.name!r} has a row {self.number}; more than {MAX_ROWS} rows"
            raise self.package.error(msg)
        return self.number

    def named_cells(self, root: Element) -> bool:
        """Read a sheet parsed whole, if every cell names its reference (the common case).

        C-level iteration over the rows (for their checks), then over the cells,
        with no per-row work for cells.  False, having read nothing, when some
        cell has no reference: then positions must be worked out row by row.
        """
        for dimension in root.iter("{*}dimension"):
            self.dimension(dimension)
        for row in root.iter("{*}row"):
            self.row(row)
        wanted = self.wanted
        cells = self.cells
        for cell in root.iter("{*}c"):
            ref = cell.get("r")
            if ref is None:
                cells.clear()
                return False
            if ref[2:3].isalpha() and _column(ref, 0) > MAX_COLUMNS:
                raise self.beyond_xfd()
            if (wanted is None or ref in wanted) and len(cell):
                cells[ref] = _raw(cell)
        return True

    def row_cells(self, row: Element, number: int) -> None:
        """Read the cells of ``row`` (row ``number``), working out the positions of cells.

        A cell without a reference is the one after the cell before it; the column
        of a cell that names its reference is worked out only when a later cell
        needs it, or when its three letters could lie beyond XFD.  Only a row's own
        ``<c>`` children are its cells.
        """
        col = 0
        named = ""  # the last reference named, its column not yet worked out
        for cell in row:
            tag = cell.tag
            if not isinstance(tag, str) or tag[tag.rfind("}") + 1 :] != "c":
                continue  # a comment, or not a cell
            ref = cell.get("r")
            if ref is None:
                if named:
                    col = _column(named, col)
                    named = ""
                col += 1
                if col > MAX_COLUMNS:
                    raise self.beyond_xfd()
                ref = f"{_letters(col)}{number}"
            else:
                named = ref
                if ref[2:3].isalpha() and _column(ref, col) > MAX_COLUMNS:
                    raise self.beyond_xfd()
            if len(cell) and (self.wanted is None or ref in self.wanted):
                self.cells[ref] = _raw(cell)

    def beyond_xfd(self) -> Exception:
        return self.package.error(f"sheet {self.sheet.name!r} has a cell beyond column XFD")


def _column(ref: str, previous: int) -> int:
    """The column number of ``ref``; one after ``previous`` when it is no cell reference."""
    match = _CELL_RE.fullmatch(ref)
    if match is None:
        return previous + 1
    number = 0
    for ch in match.group(1):
        number = number * 26 + ord(ch) - 64
    return number


def _letters(col: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _raw(cell: Element) -> RawCell:
    kind = cell.get("t") or "n"
    if len(cell) == 1:  # the usual shapes first: <v>…</v>, or <is><t>…</t></is>
        child = cell[0]
        tag = child.tag
        if tag in _VALUE:
            return _new(RawCell, (kind, child.text or "", None))
        if tag in _INLINE and len(child) == 1 and child[0].tag in _TEXT:
            return _new(RawCell, (kind, unescape_text(child[0].text or ""), None))
    value: str | None = None
    formula: str | None = None
    for child in cell:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        tag = tag[tag.rfind("}") + 1 :]
        if tag == "v":
            value = child.text or ""
        elif tag == "f":
            formula = child.text or "(shared formula)"
        elif tag == "is":
            value = _inline_text(child)
    return RawCell(kind, value, formula)


def _inline_text(element: Element) -> str:
    """The text of an ``<is>`` or ``<si>``: its ``<t>`` runs, phonetic runs left out."""
    parts: list[str] = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        tag = tag[tag.rfind("}") + 1 :]
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(_run_text(child))
    return unescape_text(parts[0] if len(parts) == 1 else "".join(parts))


def _run_text(run: Element) -> list[str]:
    texts = []
    for child in run:
        tag = child.tag
        if isinstance(tag, str) and tag[tag.rfind("}") + 1 :] == "t":
            texts.append(child.text or "")
    return texts


def read_strings(package: Package, path: str | None) -> list[str]:
    """The shared strings table (empty when the workbook has none)."""
    if path is None or not package.has(path):
        return []
    return [_inline_text(si) for si in elements(package, path, MAX_STRINGS_BYTES, ("si",))]
