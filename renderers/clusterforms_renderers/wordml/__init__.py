"""Reading Word files safely into plain data: the layer every Word feature stands on.

:func:`read_docx` opens an untrusted .docx and returns a :class:`WordDocument`:
the body as paragraphs and tables in reading order (content controls opened),
text as printed (runs joined, tracked changes accepted, symbol-font ticks as
☑ □ ✓), tables as one grid with spans, list numbers as Word shows them, and
the custom properties, custom XML parts and comments as plain data.
:func:`read_word` also takes .doc, .wps, .odt and .rtf, converted by
LibreOffice headless first.  Nothing here knows about specs or items.

Every file is hostile until checked: the zip guard (:mod:`.._package`) runs
before anything is inflated, every part is parsed with entities, DTDs and the
network off, sizes and nesting are bounded, macros are refused, and nothing a
document points to is opened.  Refusals are one :class:`~clusterforms.ReadError`
line naming the file and the part.

Modules: :mod:`._open` (the package), :mod:`._xml` (one part), :mod:`._walk`
and :mod:`._frames` (blocks in document order), :mod:`._grid` (spans),
:mod:`._glyphs` (symbol fonts), :mod:`._numbering` and :mod:`._counting`
(list numbers), :mod:`._styles`, :mod:`._parts` (beside the body),
:mod:`._model` (the data), :mod:`._reader` and :mod:`._convert` (the entry
points), :mod:`._ole` (what an OLE file holds).  lxml is imported only here,
never by :mod:`clusterforms`.
"""

from __future__ import annotations

from clusterforms_renderers.wordml._convert import read_word
from clusterforms_renderers.wordml._model import (
    Block,
    Cell,
    Comment,
    CustomXmlPart,
    HeaderFooter,
    ListNumber,
    Paragraph,
    Style,
    Table,
    WordDocument,
    walk,
)
from clusterforms_renderers.wordml._reader import read_docx

__all__ = [
    "Block",
    "Cell",
    "Comment",
    "CustomXmlPart",
    "HeaderFooter",
    "ListNumber",
    "Paragraph",
    "Style",
    "Table",
    "WordDocument",
    "read_docx",
    "read_word",
    "walk",
]
