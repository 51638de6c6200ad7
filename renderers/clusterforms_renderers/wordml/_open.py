"""Opening an untrusted .docx package: find its parts, refuse macros, follow nothing outside.

On top of the shared zip guard (:mod:`clusterforms_renderers._package`):

- the main part is the one ``_rels/.rels`` names, and its content type must be
  a Word document's; a workbook, a presentation or anything else is named as
  such, and a macro-enabled document (``.docm``/``.dotm`` content type, or a
  ``vbaProject`` part anywhere) is refused before its body is read;
- relationships are read as data: an external one (``TargetMode="External"``:
  linked pictures, hyperlinks, attached templates) is never opened, and a
  target outside the package is only ever looked up among its members, never
  on disk.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Final

import attrs
from lxml import etree

from clusterforms_renderers._package import Package, PackageKind
from clusterforms_renderers.wordml._names import CONTENT_TYPES_NS, PACKAGE_RELS_NS
from clusterforms_renderers.wordml._xml import parse_xml

DOCUMENT: Final = PackageKind(
    noun="Word document",
    format="docx",
    described="a Word .docx document",
    ole=(
        "an OLE file — a .doc or .wps (Word 97–2003, WPS) or a password-protected "
        "document — not a .docx; save it as an unprotected .docx"
    ),
)

MAX_RELATIONSHIPS: Final = 20_000
_SMALL_PART: Final = 4 * 1024 * 1024
_CONTENT_TYPES: Final = "[Content_Types].xml"
_WORD_TYPES: Final = frozenset(
    f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}.main+xml"
    for kind in ("document", "template")
)
_MACRO_TYPES: Final = frozenset(
    {
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
_OTHER_FORMATS: Final = (
    ("spreadsheetml", "an Excel workbook (.xlsx)"),
    ("ms-excel", "an Excel workbook (.xlsm)"),
    ("presentationml", "a PowerPoint presentation (.pptx)"),
    ("ms-powerpoint", "a PowerPoint presentation (.pptm)"),
)
_MACROS: Final = (
    "a macro-enabled document (.docm, with a VBA project); macros are never run or read "
    "here — save it as a plain Word document (.docx) and send that"
)


@attrs.frozen
class Relationship:
    """One relationship of a part: its id, its type's last word, and where it points."""

    id: str
    type: str
    target: str
    external: bool


class WordPackage:
    """A checked .docx package: its main part, content types and relationships."""

    def __init__(self, source: str | Path | bytes, name: str | None = None) -> None:
        self.package = Package(source, name, DOCUMENT)
        self.name = self.package.name
        self._types = _content_types(self.package)
        if any(m.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for m in self.package.members):
            raise self.package.error(_MACROS)
        if any("vbaproject" in kind.lower() for kind in self._types.values()):
            raise self.package.error(_MACROS)
        self._relationships: dict[str, tuple[Relationship, ...]] = {}
        self.main = self._main_part()

    def _main_part(self) -> str:
        main = next(
            (r for r in self.relationships("") if r.type == "officeDocument" and not r.external),
            None,
        )
        if main is None or not self.package.has(main.target):
            msg = "not a Word document: the package has no main document part"
            raise self.package.error(msg)
        kind = self.content_type(main.target) or ""
        if kind in _MACRO_TYPES:
            raise self.package.error(_MACROS)
        if kind not in _WORD_TYPES:
            other = next((what for key, what in _OTHER_FORMATS if key in kind), None)
            msg = (
                f"{other}, not a Word document"
                if other
                else f"not a Word document: its main part is of type {kind[:80]!r}"
            )
            raise self.package.error(msg)
        return main.target

    def content_type(self, part: str) -> str | None:
        """The content type of ``part``: its override, else its extension's default."""
        found = self._types.get("/" + part)
        if found is None:
            found = self._types.get(posixpath.splitext(part)[1].lstrip(".").lower())
        return found

    def relationships(self, part: str) -> tuple[Relationship, ...]:
        """The relationships of ``part`` ("" for the package's own)."""
        found = self._relationships.get(part)
        if found is None:
            found = self._relationships[part] = _read_relationships(self.package, part)
        return found

    def related(self, part: str, kind: str) -> list[str]:
        """The package members ``part`` relates to as ``kind`` (internal targets that exist)."""
        return [
            r.target
            for r in self.relationships(part)
            if r.type == kind and not r.external and self.package.has(r.target)
        ]

    def parse(self, part: str, limit: int) -> etree._Element:
        """The root element of ``part``, read with ``limit`` and parsed safely."""
        return parse_xml(self.package.read(part, limit), part, self.package.error)


def _content_types(package: Package) -> dict[str, str]:
    """``[Content_Types].xml`` as {"/part/name": type, "extension": type}."""
    if not package.has(_CONTENT_TYPES):
        msg = f"damaged Word document: the package has no {_CONTENT_TYPES}"
        raise package.error(msg)
    root = parse_xml(package.read(_CONTENT_TYPES, _SMALL_PART), _CONTENT_TYPES, package.error)
    types: dict[str, str] = {}
    for element in root.iterchildren(
        "{" + CONTENT_TYPES_NS + "}Override", "{" + CONTENT_TYPES_NS + "}Default"
    ):
        key = element.get("PartName") or (element.get("Extension") or "").lower()
        types[key] = element.get("ContentType") or ""
    return types


def _read_relationships(package: Package, part: str) -> tuple[Relationship, ...]:
    base = posixpath.dirname(part)
    rels = posixpath.join(base, "_rels", posixpath.basename(part) + ".rels")
    if not package.has(rels):
        return ()
    root = parse_xml(package.read(rels, _SMALL_PART), rels, package.error)
    found = []
    for element in root.iterchildren("{" + PACKAGE_RELS_NS + "}Relationship"):
        target = element.get("Target") or ""
        external = element.get("TargetMode") == "External"
        if not external:
            joined = target[1:] if target.startswith("/") else posixpath.join(base, target)
            target = posixpath.normpath(joined)
        kind = (element.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
        found.append(Relationship(element.get("Id") or "", kind, target, external))
        if len(found) > MAX_RELATIONSHIPS:
            msg = f"{rels} lists more than {MAX_RELATIONSHIPS} relationships; refused"
            raise package.error(msg)
    return tuple(found)
