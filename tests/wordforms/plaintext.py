"""The text a reader sees in a .docx, one line per paragraph, in document order.

Deliberately independent of the writer: it reads ``word/document.xml`` with lxml.  Table cells'
paragraphs come in reading order (nested tables included), ``w:tab`` is a tab, ``w:br`` a line
break, ``w:sym`` and private-use Wingdings characters are mapped to the glyph they show, text in
``w:del`` is left out and text in ``w:ins`` kept.  Automatic list numbers are not text, so they
are not included.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: What Wingdings 2 code points show (as w:sym or as U+F0xx private-use text).
WINGDINGS_2 = {"A3": "□", "52": "☑", "54": "☒", "50": "✓"}


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text (``\\n`` for line breaks), in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return [_text(q) for q in root.iter(f"{W}p")]


def _text(q: etree._Element) -> str:
    out = []
    for el in q.iter():
        if el.tag == f"{W}p" and el is not q:  # a paragraph nested deeper (text box) is its own
            break
        if _deleted(el, q):
            continue
        if el.tag == f"{W}t":
            out.append(_unpua(el.text or ""))
        elif el.tag == f"{W}tab":
            out.append("\t")
        elif el.tag == f"{W}br" and el.get(f"{W}type") in (None, "textWrapping"):
            out.append("\n")
        elif el.tag == f"{W}sym":
            out.append(WINGDINGS_2.get(el.get(f"{W}char", "")[-2:].upper(), "?"))
    return "".join(out)


def _deleted(el: etree._Element, top: etree._Element) -> bool:
    node = el.getparent()
    while node is not None and node is not top:
        if node.tag == f"{W}del":
            return True
        node = node.getparent()
    return False


def _unpua(text: str) -> str:
    return "".join(
        WINGDINGS_2.get(f"{ord(c) - 0xF000:02X}", c) if 0xF000 <= ord(c) <= 0xF0FF else c
        for c in text
    )
