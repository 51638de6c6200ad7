"""Parsing the few XML parts a read needs: libxml2 locked down, fixed limits, whole or streamed.

Only the parts that locate sheets (package and workbook relationships,
``workbook.xml``), the sheets that hold mapped cells, and the shared strings
are parsed; everything else in the package is never touched.  lxml parses
with entities never resolved, no DTD loaded and nothing fetched; a part that
declares a DTD at all is refused (no entity expansion, local or external),
and so is nesting deeper than :data:`MAX_DEPTH`.

A part of up to :data:`WHOLE_PART` bytes is parsed whole, in C, and the
elements a reader asks for are picked out by C-level iteration — its tree
takes at most some tens of MiB.  A larger part is streamed: each element asked
for is handed over complete and then freed, together with everything read
before it, so memory stays flat whatever the part holds.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Iterator
from typing import Final, TypeAlias

import attrs
from lxml import etree

from clusterforms_renderers.xlsx._guard import MAX_MEMBER, Package

MAX_DEPTH: Final = 64
MAX_ROWS: Final = 20_000
MAX_SHEETS: Final = 500
MAX_NAMES: Final = 50_000
#: Parts up to this size are parsed whole; larger ones are streamed.
WHOLE_PART: Final = 1024 * 1024
_REL_NS: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_CELL_RE: Final = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")
#: True when some element lies deeper than MAX_DEPTH (the root is at depth 1).
_TOO_DEEP: Final = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")

Element: TypeAlias = etree._Element  # noqa: SLF001 - lxml's element type has no public name


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
    by_name: dict[str, SheetInfo] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        by_name: dict[str, SheetInfo] = {}
        for sheet in self.sheets:
            by_name.setdefault(sheet.name, sheet)
        object.__setattr__(self, "by_name", by_name)

    def sheet(self, name: str) -> SheetInfo | None:
        """The (first) sheet called ``name``, if any."""
        return self.by_name.get(name)


def local(tag: object) -> str:
    """``{namespace}name`` → ``name``; empty for a comment or processing instruction."""
    return tag[tag.rfind("}") + 1 :] if isinstance(tag, str) else ""


@attrs.frozen
class Part:
    """An XML part read from the package: parsed whole (``root``), or left to be streamed."""

    package: Package
    member: str
    data: bytes
    root: Element | None

    def iter(self, tags: tuple[str, ...]) -> Iterator[Element]:
        """The elements named ``tags`` (any namespace), each complete, in document order.

        Raises:
            ReadError: a streamed part declares a DTD or entities, nests deeper than
                :data:`MAX_DEPTH`, or is not well-formed XML.

        """
        if self.root is not None:
            if tags:
                yield from self.root.iter(*(f"{{*}}{tag}" for tag in tags))
            return
        yield from _streamed(self.package, self.member, self.data, frozenset(tags))


def read_part(package: Package, member: str, limit: int) -> Part:
    """``member``, parsed whole when it is at most :data:`WHOLE_PART` bytes.

    Raises:
        ReadError: the part is over ``limit`` bytes; a part parsed whole declares
            a DTD or entities, nests deeper than :data:`MAX_DEPTH`, or is not
            well-formed XML (a streamed part is checked as it is read).

    """
    data = package.read(member, limit)
    if len(data) > WHOLE_PART:
        return Part(package, member, data, None)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(package, member, data, exc) from None
    _check_prolog(package, member, root)
    if _TOO_DEEP(root):
        raise _too_deep(package, member)
    return Part(package, member, data, root)


def elements(package: Package, member: str, limit: int, tags: tuple[str, ...]) -> Iterator[Element]:
    """The elements of ``member`` named ``tags`` (see :meth:`Part.iter`)."""
    return read_part(package, member, limit).iter(tags)


def _streamed(
    package: Package, member: str, data: bytes, tags: frozenset[str]
) -> Iterator[Element]:
    """:meth:`Part.iter` for a large part: events in C, each element freed once read."""
    depth = 0
    inside = 0  # the depth of the element asked for being read, 0 outside one
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for event, element in events:
            if event == "start":
                depth += 1
                if depth == 1:
                    _check_prolog(package, member, element)
                if depth > MAX_DEPTH:
                    raise _too_deep(package, member)
                if not inside and local(element.tag) in tags:
                    inside = depth
                continue
            if inside == depth:
                inside = 0
                yield element
            depth -= 1
            if not inside:
                _free(element)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(package, member, data, exc) from None


def _parser() -> etree.XMLParser:
    # One per parse: lxml parsers must not be shared between threads.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, collect_ids=False
    )


def _free(element: Element) -> None:
    """Drop a finished element's content and the finished siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _check_prolog(package: Package, member: str, root: Element) -> None:
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        msg = f"{member} declares a DTD or entities; refused"
        raise package.error(msg)


def _too_deep(package: Package, member: str) -> Exception:
    return package.error(f"{member} nests elements more than {MAX_DEPTH} deep; refused")


def _syntax_error(
    package: Package, member: str, data: bytes, exc: etree.XMLSyntaxError
) -> Exception:
    text = str(exc)
    if b"<!DOCTYPE" in data[:65536] or "ntity" in text:
        return package.error(f"{member} declares a DTD or entities; refused")
    if "depth" in text:
        return _too_deep(package, member)
    return package.error(f"{member} is not well-formed XML ({text})")


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
    for element in elements(package, rels, 4 * 1024 * 1024, ("Relationship",)):
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
    for element in elements(package, main, 8 * 1024 * 1024, ("sheet", "definedName")):
        name = element.get("name") or ""
        if local(element.tag) == "sheet":
            rel = rels.get(_attr(element, "id") or "")
            sheets.append(SheetInfo(name, element.get("state") or "visible", rel[1] if rel else ""))
            if len(sheets) > MAX_SHEETS:
                msg = f"the workbook has more than {MAX_SHEETS} sheets"
                raise package.error(msg)
        elif name.startswith("cf.") and element.get("localSheetId") is None:
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


def scan_package(package: Package) -> None:
    """Parse every XML part once, with the same defences, before a full reader sees it.

    openpyxl parses parts of its own choosing; scanning them all first means a
    DTD, an entity or absurd nesting anywhere in the package is refused here.
    """
    for member in package.members:
        if member.lower().endswith((".xml", ".rels", ".vml")):
            for _ in elements(package, member, MAX_MEMBER, ()):
                pass
