"""Word comments written into a parsed document: anchors in the body, the comments part, its links.

A comment is three things in WordprocessingML: ``w:commentRangeStart`` and
``w:commentRangeEnd`` around what it is about, a run holding
``w:commentReference`` after the range, and a ``w:comment`` in the comments
part (``word/comments.xml``), which the main part relates to and
``[Content_Types].xml`` types.  Word, WPS and LibreOffice all show such a
comment in the margin; ``commentsExtended`` (replies, done marks) is not
needed for that.  Comments by :data:`AUTHOR` are ours: :meth:`Comments.clear`
takes them away again, with their anchors, and leaves everyone else's.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Final

from lxml import etree

from clusterforms_renderers.wordml._names import (
    CONTENT_TYPES_NS,
    PACKAGE_RELS_NS,
    W_AUTHOR,
    W_COMMENT,
    W_COMMENT_REFERENCE,
    W_COMMENT_START,
    W_ID,
    W_NS,
    W_PPR,
    W_R,
)

AUTHOR: Final = "clusterforms"
CONTENT_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
RELATIONSHIP: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_W: Final = "{" + W_NS + "}"
_COMMENT_END: Final = _W + "commentRangeEnd"
_MARKS: Final = (W_COMMENT_START, _COMMENT_END, W_COMMENT_REFERENCE)
# Characters XML 1.0 cannot hold; a message quoting odd input must still be writable.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def w(tag: str) -> str:
    """``tag`` in the WordprocessingML namespace (Clark notation)."""
    return _W + tag


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _NOT_XML.sub("\ufffd", text)


def run(
    text: str, *, bold: bool = False, color: str | None = None, size: int | None = None
) -> etree._Element:
    """A ``w:r`` holding ``text``, line breaks as ``w:br``."""
    element = etree.Element(w("r"))
    properties = etree.SubElement(element, w("rPr"))
    if bold:
        etree.SubElement(properties, w("b"))
    if color is not None:
        etree.SubElement(properties, w("color"), {w("val"): color})
    if size is not None:
        etree.SubElement(properties, w("sz"), {w("val"): str(size)})
        etree.SubElement(properties, w("szCs"), {w("val"): str(size)})
    if len(properties) == 0:
        element.remove(properties)
    for n, line in enumerate(xml_text(text).split("\n")):
        if n:
            etree.SubElement(element, w("br"))
        piece = etree.SubElement(element, w("t"))
        piece.text = line
        piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


class Comments:
    """The comments part of one document, parsed (or new), and the ids already taken."""

    def __init__(self, part: str, root: etree._Element | None, document: etree._Element) -> None:
        self.part = part
        self.new = root is None
        self.root = root if root is not None else etree.Element(w("comments"), nsmap={"w": W_NS})
        self.document = document
        taken = [c.get(W_ID) for c in self.root.iterchildren(W_COMMENT)]
        taken += [m.get(W_ID) for m in document.iter(*_MARKS)]
        self._next = 1 + max((int(i) for i in taken if i and i.isdigit()), default=-1)
        # Without a date LibreOffice shows a nonsense one (01/03/-1).
        self._date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def clear(self) -> None:
        """Remove the comments :data:`AUTHOR` wrote, and their anchors in the document."""
        ours = set()
        for comment in list(self.root.iterchildren(W_COMMENT)):
            if comment.get(W_AUTHOR) == AUTHOR:
                ours.add(comment.get(W_ID))
                self.root.remove(comment)
        for mark in list(self.document.iter(*_MARKS)):
            if mark.get(W_ID) not in ours:
                continue
            parent = mark.getparent()
            if parent is None:
                continue
            parent.remove(mark)
            if parent.tag == W_R and all(c.tag == w("rPr") for c in parent):
                holder = parent.getparent()
                if holder is not None:
                    holder.remove(parent)

    def add(self, paragraphs: Sequence[etree._Element], lines: Sequence[str]) -> str:
        """A comment of ``lines`` (one paragraph each) on ``paragraphs``, first to last; its id."""
        ident = str(self._next)
        self._next += 1
        first, last = paragraphs[0], paragraphs[-1]
        properties = first.find(W_PPR)
        at = first.index(properties) + 1 if properties is not None else 0
        first.insert(at, etree.Element(W_COMMENT_START, {W_ID: ident}))
        last.append(etree.Element(_COMMENT_END, {W_ID: ident}))
        reference = etree.SubElement(last, w("r"))
        etree.SubElement(reference, W_COMMENT_REFERENCE, {W_ID: ident})
        comment = etree.SubElement(
            self.root,
            W_COMMENT,
            {W_ID: ident, W_AUTHOR: AUTHOR, w("initials"): "cf", w("date"): self._date},
        )
        for line in lines:
            paragraph = etree.SubElement(comment, w("p"))
            paragraph.append(run(line))
        return ident

    def xml(self) -> bytes:
        """The comments part's bytes."""
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def comments_part(main: str, taken: Sequence[str]) -> str:
    """A name for a new comments part beside ``main`` that no member has yet."""
    folder = posixpath.dirname(main)
    name = posixpath.join(folder, "comments.xml")
    n = 1
    while name in taken:
        n += 1
        name = posixpath.join(folder, f"comments{n}.xml")
    return name


def relate(rels: etree._Element | None, main: str, part: str) -> bytes:
    """The main part's relationships with one to the new comments ``part`` added."""
    root = (
        rels
        if rels is not None
        else etree.Element("{" + PACKAGE_RELS_NS + "}Relationships", nsmap={None: PACKAGE_RELS_NS})
    )
    ids = {r.get("Id") for r in root}
    n = 1
    while f"rIdClusterforms{n}" in ids:
        n += 1
    etree.SubElement(
        root,
        "{" + PACKAGE_RELS_NS + "}Relationship",
        {
            "Id": f"rIdClusterforms{n}",
            "Type": RELATIONSHIP,
            "Target": posixpath.relpath(part, posixpath.dirname(main) or "."),
        },
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def typed(types: etree._Element, part: str) -> bytes:
    """``[Content_Types].xml`` with the comments ``part`` typed (once)."""
    name = "/" + part
    if not any(o.get("PartName") == name for o in types):
        etree.SubElement(
            types,
            "{" + CONTENT_TYPES_NS + "}Override",
            {"PartName": name, "ContentType": CONTENT_TYPE},
        )
    return etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
