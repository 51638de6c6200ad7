"""Small hand-written WordprocessingML packages for the Word reader's tests.

``docx(body)`` wraps body XML (written with the ``w:`` prefix) in the least
a .docx needs; keyword arguments add parts, relationships and content
types, or replace any part, so hostile variants are one call away.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping, Sequence

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def document_xml(body: str, *, root: str = "w:document") -> str:
    """A main document part holding ``body``."""
    return f"{DECL}<{root} {NS}><w:body>{body}<w:sectPr/></w:body></{root}>"


def docx(
    body: str = "",
    *,
    parts: Mapping[str, str | bytes] | None = None,
    rels: Sequence[tuple[str, str, str]] = (),
    package_rels: Sequence[tuple[str, str, str]] = (),
    types: Mapping[str, str] | None = None,
    main_type: str = MAIN,
    document: str | bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A .docx package.

    Args:
        body: the body's XML.
        parts: more members (name → content), or replacements of the standard ones.
        rels: (id, type's last word or full URI, target) of the main part; a target
            starting "external:" is an external relationship.
        package_rels: the same for ``_rels/.rels``, beside the officeDocument one.
        types: content type overrides (part name → type).
        main_type: the main part's content type.
        document: the whole main part, instead of one made from ``body``.
        compression: the zip method for every member.

    """
    overrides = {"/word/document.xml": main_type, **(types or {})}
    content_types = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="{name}" ContentType="{kind}"/>'
            for name, kind in overrides.items()
        )
        + "</Types>"
    )
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": relationships(
            [("rIdMain", "officeDocument", "word/document.xml"), *package_rels]
        ),
        "word/document.xml": document if document is not None else document_xml(body),
    }
    if rels:
        members["word/_rels/document.xml.rels"] = relationships(rels)
    members.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def relationships(rels: Sequence[tuple[str, str, str]]) -> str:
    """A relationships part."""
    items = []
    for rid, kind, target in rels:
        uri = kind if "/" in kind else f"{REL}/{kind}"
        mode = ' TargetMode="External"' if target.startswith("external:") else ""
        items.append(
            f'<Relationship Id="{rid}" Type="{uri}" Target="{target.removeprefix("external:")}"{mode}/>'
        )
    return (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(items)
        + "</Relationships>"
    )


def p(*runs: str, ppr: str = "") -> str:
    """A paragraph of runs (XML strings) with paragraph properties ``ppr``."""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    """A run of ``text`` (kept exactly, spaces and all)."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def font(name: str) -> str:
    """Run properties setting every font slot to ``name``."""
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def tc(*content: str, span: int = 1, vmerge: str | None = None, extra: str = "") -> str:
    """A table cell (content: paragraphs or tables; an empty paragraph when none)."""
    props = (f'<w:gridSpan w:val="{span}"/>' if span != 1 else "") + (
        "<w:vMerge/>" if vmerge == "continue" else f'<w:vMerge w:val="{vmerge}"/>' if vmerge else ""
    )
    props += extra
    inner = "".join(content) or "<w:p/>"
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{inner}</w:tc>"


def tr(*cells: str, trpr: str = "") -> str:
    """A table row."""
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str, grid: int = 0) -> str:
    """A table on a grid of ``grid`` columns."""
    cols = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def escape(text: str) -> str:
    """``text`` escaped for XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ole(names: Sequence[str], *, word_flags: int = 0) -> bytes:
    """A minimal OLE (Compound File) with streams called ``names`` in its directory.

    A ``WordDocument`` stream gets 4096 bytes whose FIB flags word (at 0x0A) is
    ``word_flags`` — bit 8 set means "encrypted".
    """
    size = 512
    entries = ["Root Entry", *names]
    directory_sectors = (len(entries) * 128 + size - 1) // size
    word_sectors = 8 if "WordDocument" in names else 0
    fat_sector, first_directory = 0, 1
    first_word = first_directory + directory_sectors
    total = 1 + directory_sectors + word_sectors
    fat = [0xFFFFFFFD]
    fat += [first_directory + i + 1 for i in range(directory_sectors - 1)] + [0xFFFFFFFE]
    fat += [first_word + i + 1 for i in range(word_sectors - 1)] + (
        [0xFFFFFFFE] if word_sectors else []
    )
    fat += [0xFFFFFFFF] * (size // 4 - len(fat))
    header = bytearray(size)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 0x1E, 9)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<I", header, 0x2C, 1)
    struct.pack_into("<I", header, 0x30, first_directory)
    struct.pack_into("<I", header, 0x38, 4096)
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)
    difat = [fat_sector] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    directory = bytearray(directory_sectors * size)
    for index, name in enumerate(entries):
        at = index * 128
        encoded = name.encode("utf-16-le") + b"\0\0"
        directory[at : at + len(encoded)] = encoded
        kind = 5 if index == 0 else 2
        struct.pack_into("<HB", directory, at + 0x40, len(encoded), kind)
        if name == "WordDocument":
            struct.pack_into("<II", directory, at + 0x74, first_word, word_sectors * size)
    word = bytearray(word_sectors * size)
    if word_sectors:
        struct.pack_into("<H", word, 0, 0xA5EC)
        struct.pack_into("<H", word, 0x0A, word_flags)
    body = struct.pack(f"<{size // 4}I", *fat) + bytes(directory) + bytes(word)
    assert len(body) == total * size
    return bytes(header) + body
