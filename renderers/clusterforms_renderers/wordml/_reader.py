"""``read_docx``: an untrusted .docx read into a :class:`WordDocument`, or one clear ReadError."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Final

from lxml import etree

from clusterforms_renderers.wordml._model import Style, WordDocument
from clusterforms_renderers.wordml._names import W_BODY, W_NS, W_STRICT_NS
from clusterforms_renderers.wordml._numbering import Numbering
from clusterforms_renderers.wordml._open import WordPackage
from clusterforms_renderers.wordml._parts import (
    comments,
    custom_properties,
    custom_xml,
    headers_footers,
)
from clusterforms_renderers.wordml._styles import read_styles
from clusterforms_renderers.wordml._walk import Walker
from clusterforms_renderers.wordml._xml import parse_xml

DOCUMENT_LIMIT: Final = 16 * 1024 * 1024
NUMBERING_LIMIT: Final = 8 * 1024 * 1024
STYLES_LIMIT: Final = 8 * 1024 * 1024


def read_docx(
    source: str | Path | bytes,
    name: str | None = None,
    *,
    styles: bool = False,
    headers_and_footers: bool = False,
    skip_controls: Collection[str] = (),
) -> WordDocument:
    """The document a .docx file holds, read as printed.

    Args:
        source: the file's path, or its bytes.
        name: how to name the file in messages (default: the path).
        styles: also read the styles part: style names, and list numbers that
            come from paragraph styles (costs a parse of a part often larger
            than the body).
        headers_and_footers: also read the header and footer parts.
        skip_controls: tags of content controls (``w:sdt``) whose content is not
            read: text a program added that is not part of the document.

    Raises:
        ReadError: not a .docx, damaged, macro-enabled, or built to hurt (zip
            bomb, entities, absurd nesting or table sizes); the message names
            the file and the part.

    """
    package = WordPackage(source, name)
    error = package.package.error
    data = package.package.read(package.main, DOCUMENT_LIMIT)
    size = len(data)  # the size decides whether the part must be counted (Walker.check_size)
    root = parse_xml(data, package.main, error)
    del data
    namespace = etree.QName(root).namespace
    if namespace == W_STRICT_NS:
        msg = "a Strict Open XML document; save it as a Word document (.docx)"
        raise error(msg)
    body = root.find(W_BODY)
    if namespace != W_NS or body is None:
        msg = f"not a Word document: {package.main} has no document body"
        raise error(msg)
    style_map = _styles(package) if styles else {}
    numbering: list[Numbering | None] = []

    def lazy_numbering() -> Numbering | None:
        if not numbering:
            parts = package.related(package.main, "numbering")
            numbering.append(
                Numbering.from_xml(package.parse(parts[0], NUMBERING_LIMIT)) if parts else None
            )
        return numbering[0]

    def walker(part: str) -> Walker:
        return Walker(part, error, lazy_numbering, style_map, frozenset(skip_controls))

    main = walker(package.main)
    main.check_size(root, size)
    blocks = main.blocks(body)
    readers = [main]
    found_comments, comment_reader = comments(package, walker)
    readers += [comment_reader] if comment_reader is not None else []
    stories, story_readers = headers_footers(package, walker) if headers_and_footers else ([], [])
    readers += story_readers
    unread = [line for reader in readers for line in reader.unread]
    unread += [
        f"{package.main}: {kind} {r.target[:80]!r} is not followed"
        for r in package.relationships(package.main)
        for relation, kind in (("aFChunk", "an imported chunk"), ("subDocument", "a sub-document"))
        if r.type == relation
    ]
    return WordDocument(
        name=package.name,
        body=blocks,
        tracked_changes=any(reader.tracked_changes for reader in readers),
        properties=custom_properties(package),
        custom_xml=custom_xml(package),
        comments=tuple(found_comments),
        headers_footers=tuple(stories),
        styles=style_map,
        unread=tuple(dict.fromkeys(unread)),
    )


def _styles(package: WordPackage) -> dict[str, Style]:
    parts = package.related(package.main, "styles")
    return read_styles(package.parse(parts[0], STYLES_LIMIT)) if parts else {}
