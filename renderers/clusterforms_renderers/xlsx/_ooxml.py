"""Streaming the few XML parts a read needs, with defusedxml and fixed limits.

Only the parts that locate sheets (package and workbook relationships,
``workbook.xml``), the sheets that hold mapped cells, and the shared strings
are parsed; everything else in the package is never touched.  Parsing uses
:func:`defusedxml.ElementTree.iterparse` with DTDs forbidden (so no entity
expansion, local or external), refuses nesting deeper than
:data:`MAX_DEPTH`, refuses sheets claiming or holding more than
:data:`MAX_ROWS` rows, keeps only the cells asked for, and frees every row
as soon as it is read — memory stays flat whatever the sheet holds.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Iterator
from typing import Final
from xml.etree.ElementTree import Element, ParseError

import attrs
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from clusterforms_renderers.xlsx._codec import unescape_text
from clusterforms_renderers.xlsx._guard import Package

MAX_DEPTH: Final = 64
MAX_ROWS: Final = 20_000
MAX_COLUMNS: Final = 16_384
MAX_SHEET_BYTES: Final = 16 * 1024 * 1024
MAX_STRINGS_BYTES: Final = 32 * 1024 * 1024
MAX_SHEETS: Final = 500
MAX_NAMES: Final = 50_000
_REL_NS: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_CELL_RE: Final = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")
_DIMENSION_RE: Final = re.compile(r"[A-Z]{1,3}([0-9]{1,7})(?::[A-Z]{1,3}([0-9]{1,7}))?")


@attrs.frozen
class SheetInfo:
    """A sheet of the workbook: its name, visibility and package path."""

    name: str
    state: str
    path: str


@attrs.frozen
class Book:
    """What ``workbook.xml`` says: sheets in order and the defined names."""

    sheets: tuple[SheetInfo, ...]
    names: dict[str, str]
    strings_path: str | None

    def sheet(self, name: str) -> SheetInfo | None:
        """The sheet called ``name``, if any."""
        return next((s for s in self.sheets if s.name == name), None)


@attrs.frozen
class RawCell:
    """A cell as stored: its type, stored value, formula and inline text."""

    type: str
    value: str | None
    formula: str | None = None


def local(tag: str) -> str:
    """``{namespace}name`` → ``name``."""
    return tag.rsplit("}", 1)[-1]


def _events(package: Package, member: str, limit: int) -> Iterator[tuple[str, Element]]:
    """(event, element) pairs of ``member``, depth-limited, errors as ReadError."""
    data = package.read(member, limit)
    depth = 0
    try:
        for event, element in iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    msg = f"{member} nests elements more than {MAX_DEPTH} deep; refused"
                    raise package.error(msg)
            else:
                depth -= 1
            yield event, element
    except DefusedXmlException as exc:
        msg = f"{member} declares a DTD or entities ({type(exc).__name__}); refused"
        raise package.error(msg) from None
    except ParseError as exc:
        msg_0 = f"{member} is not well-formed XML ({exc})"
        raise package.error(msg_0) from None


def _attr(element: Element, name: str) -> str | None:
    value = element.get(name)
    if value is not None:
        return value
    for namespace in _REL_NS:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


def _relationships(package: Package, member: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target path in the package) of ``member``'s rels part."""
    base = posixpath.dirname(member)
    rels = posixpath.join(base, "_rels", posixpath.basename(member) + ".rels")
    found: dict[str, tuple[str, str]] = {}
    if not package.has(rels):
        return found
    for event, element in _events(package, rels, 4 * 1024 * 1024):
        if event == "end" and local(element.tag) == "Relationship":
            target = element.get("Target") or ""
            if element.get("TargetMode") == "External":
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            found[element.get("Id") or ""] = (element.get("Type") or "", posixpath.normpath(path))
            if len(found) > MAX_SHEETS * 4:
                msg = f"{rels} lists too many relationships"
                raise package.error(msg)
    return found


def read_book(package: Package) -> Book:
    """The sheets and defined names of the workbook part."""
    root = _relationships(package, "")
    main = next(
        (path for kind, path in root.values() if kind.endswith("/officeDocument")),
        "xl/workbook.xml",
    )
    rels = _relationships(package, main)
    sheets: list[SheetInfo] = []
    names: dict[str, str] = {}
    for event, element in _events(package, main, 8 * 1024 * 1024):
        if event != "end":
            continue
        tag = local(element.tag)
        if tag == "sheet":
            rel = rels.get(_attr(element, "id") or "")
            name = element.get("name") or ""
            sheets.append(SheetInfo(name, element.get("state") or "visible", rel[1] if rel else ""))
            if len(sheets) > MAX_SHEETS:
                msg = f"the workbook has more than {MAX_SHEETS} sheets"
                raise package.error(msg)
        elif tag == "definedName":
            name = element.get("name") or ""
            if name.startswith("cf.") and element.get("localSheetId") is None:
                names[name] = (element.text or "").strip()
                if len(names) > MAX_NAMES:
                    msg = f"the workbook defines more than {MAX_NAMES} names"
                    raise package.error(msg)
    strings = next((p for k, p in rels.values() if k.endswith("/sharedStrings")), None)
    return Book(sheets=tuple(sheets), names=names, strings_path=strings)


def parse_reference(text: str) -> tuple[str, str] | None:
    """``'二、主导产业情况'!$B$5`` → (sheet, ``B5``); None for anything but one cell."""
    if "!" not in text:
        return None
    sheet, _, cell = text.rpartition("!")
    if sheet.startswith("'") and sheet.endswith("'") and len(sheet) >= 2:
        sheet = sheet[1:-1].replace("''", "'")
    match = _CELL_RE.fullmatch(cell)
    if match is None or not sheet:
        return None
    return sheet, f"{match.group(1)}{match.group(2)}"


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _letters(col: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _inline_text(element: Element) -> str:
    """The text of an ``<is>`` or ``<si>``: its ``<t>`` runs, phonetic runs left out."""
    parts: list[str] = []
    for child in element:
        tag = local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if local(t.tag) == "t")
    return unescape_text("".join(parts))


@attrs.define
class _Position:
    """Where the streaming reader is: cells may omit their reference, rows their number."""

    package: Package
    sheet: SheetInfo
    rows: int = 0
    row: int = 0
    col: int = 0

    def start_row(self, attr: str | None) -> None:
        self.rows += 1
        if self.rows > MAX_ROWS:
            msg = f"sheet {self.sheet.name!r} has more than {MAX_ROWS} rows"
            raise self.package.error(msg)
        self.row = _row_number(self.package, self.sheet, attr, self.row)
        self.col = 0

    def cell(self, ref: str | None) -> str:
        if ref is None:
            self.col += 1
            ref = f"{_letters(self.col)}{self.row}"
        else:
            match = _CELL_RE.fullmatch(ref)
            self.col = _column_number(match.group(1)) if match else self.col + 1
        if self.col > MAX_COLUMNS:
            msg = f"sheet {self.sheet.name!r} has a cell beyond column XFD"
            raise self.package.error(msg)
        return ref


def read_cells(package: Package, sheet: SheetInfo, wanted: set[str] | None) -> dict[str, RawCell]:
    """The cells of ``sheet`` whose reference is in ``wanted`` (all when None)."""
    member = sheet.path
    if not member or not package.has(member):
        msg = f"sheet {sheet.name!r} is missing from the package"
        raise package.error(msg)
    cells: dict[str, RawCell] = {}
    parents: list[Element] = []
    position = _Position(package, sheet)
    for event, element in _events(package, member, MAX_SHEET_BYTES):
        tag = local(element.tag)
        if event == "start":
            parents.append(element)
            if tag == "row":
                position.start_row(element.get("r"))
            elif tag == "dimension":
                _check_dimension(package, sheet, element.get("ref") or "")
            continue
        parents.pop()
        if tag == "c":
            ref = position.cell(element.get("r"))
            if wanted is None or ref in wanted:
                cells[ref] = _raw(element)
            element.clear()
        elif tag == "row":
            element.clear()
            if parents:
                parents[-1].remove(element)
    return cells


def _row_number(package: Package, sheet: SheetInfo, attr: str | None, previous: int) -> int:
    if attr is None:
        return previous + 1
    if not attr.isdigit() or not 0 < int(attr) <= 1_048_576:
        msg = f"sheet {sheet.name!r} has a row numbered {attr[:12]!r}"
        raise package.error(msg)
    number = int(attr)
    if number > MAX_ROWS:
        msg = f"sheet {sheet.name!r} has a row {number}; more than {MAX_ROWS} rows"
        raise package.error(msg)
    return number


def _check_dimension(package: Package, sheet: SheetInfo, ref: str) -> None:
    match = _DIMENSION_RE.fullmatch(ref)
    if match is None:
        return
    last = int(match.group(2) or match.group(1))
    if last > MAX_ROWS:
        msg = f"sheet {sheet.name!r} claims {last} rows ({ref}); more than {MAX_ROWS} is refused"
        raise package.error(msg)


def _raw(element: Element) -> RawCell:
    kind = element.get("t") or "n"
    value: str | None = None
    formula: str | None = None
    for child in element:
        tag = local(child.tag)
        if tag == "v":
            value = child.text or ""
        elif tag == "f":
            formula = child.text or "(shared formula)"
        elif tag == "is":
            value = _inline_text(child)
    return RawCell(kind, value, formula)


def read_strings(package: Package, path: str | None) -> list[str]:
    """The shared strings table (empty when the workbook has none)."""
    if path is None or not package.has(path):
        return []
    strings: list[str] = []
    parents: list[Element] = []
    for event, element in _events(package, path, MAX_STRINGS_BYTES):
        if event == "start":
            parents.append(element)
            continue
        parents.pop()
        if local(element.tag) == "si":
            strings.append(_inline_text(element))
            element.clear()
            if parents:
                parents[-1].remove(element)
    return strings


def scan_package(package: Package) -> None:
    """Parse every XML part once, defused and depth-limited, before a full reader sees it.

    openpyxl parses parts of its own choosing; scanning them all first means a
    DTD, an entity or absurd nesting anywhere in the package is refused here.
    """
    for member in package.members:
        if member.lower().endswith((".xml", ".rels", ".vml")):
            for _ in _events(package, member, MAX_STRINGS_BYTES):
                pass
