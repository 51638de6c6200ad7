"""A Word document as plain frozen data: blocks (paragraphs and tables) in reading order.

Nothing here knows about specs or items; it is the document as a person sees
it printed.  Tables are one grid with spans, built from the ``w:tc`` elements:
each :class:`Cell` appears once, at its top-left grid position, with its row
and column span, and :meth:`Table.cell` finds the cell covering any position —
unlike python-docx, which repeats a merged cell at every position, or
docx2python, which blanks them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeAlias

import attrs

Block: TypeAlias = "Paragraph | Table"


@attrs.frozen
class ListNumber:
    """A paragraph's place in a Word list, and the number Word draws before it.

    Attributes:
        num_id: the list instance (``w:numId``).
        level: the list level (``w:ilvl``), 0 for the outermost.
        label: the number as Word shows it ("1.", "（一）", "●"), computed from
            ``numbering.xml``; "" when the list draws none or is not defined.
        format: the level's number format ("decimal", "chineseCounting",
            "bullet", …); "" when ``numbering.xml`` does not define the list.

    """

    num_id: int
    level: int
    label: str
    format: str


@attrs.frozen
class Paragraph:
    r"""One paragraph: its text as printed, its style and list number.

    Attributes:
        text: the runs joined, tracked changes accepted; tabs as "\t", line
            breaks as "\n", symbol-font characters as the glyphs they draw.
        style: the paragraph style id (``w:pStyle``), if any.
        number: the list number, when the paragraph is numbered.
        comments: ids of the comments anchored in the paragraph.
        textboxes: the blocks of each text box drawn in the paragraph.

    """

    text: str
    style: str | None = None
    number: ListNumber | None = None
    comments: tuple[str, ...] = ()
    textboxes: tuple[tuple[Block, ...], ...] = ()

    @property
    def printed_text(self) -> str:
        """The text with the list number Word draws before it ("三、", "（一）"), if any."""
        number = self.number
        return number.label + self.text if number is not None and number.label else self.text


@attrs.frozen
class Cell:
    """One table cell, once, at its top-left grid position."""

    row: int
    column: int
    row_span: int
    column_span: int
    blocks: tuple[Block, ...]
    #: :attr:`paragraphs`, worked out when first asked for: readers ask for it again and again.
    _paragraphs: tuple[Paragraph, ...] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )
    #: :attr:`printed_text`, worked out when first asked for, for the same reason.
    _printed: str | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The cell's own paragraphs (not those of nested tables)."""
        if self._paragraphs is None:
            found = tuple(b for b in self.blocks if isinstance(b, Paragraph))
            object.__setattr__(self, "_paragraphs", found)
            return found
        return self._paragraphs

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables nested in the cell."""
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def text(self) -> str:
        """The cell's own paragraphs' text, one line each."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def printed_text(self) -> str:
        """The cell's own paragraphs as printed, each with the list number drawn before it."""
        if self._printed is None:
            found = "\n".join(p.printed_text for p in self.paragraphs)
            object.__setattr__(self, "_printed", found)
            return found
        return self._printed


@attrs.frozen
class Table:
    """A table as one grid: ``rows`` × ``columns`` positions covered by spanning cells.

    Attributes:
        rows: the number of grid rows.
        columns: the number of grid columns.
        cells: every cell once, by row then column.
        grid: for each row, the index in ``cells`` of the cell covering each
            column, or -1 where no cell does (``w:gridBefore``, short rows).
        style: the table style id (``w:tblStyle``), if any.

    """

    rows: int
    columns: int
    cells: tuple[Cell, ...]
    grid: tuple[tuple[int, ...], ...] = attrs.field(repr=False)
    style: str | None = None
    #: :meth:`row` of each row asked for, kept: readers ask for the same rows again and again.
    _rows: dict[int, tuple[Cell, ...]] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def cell(self, row: int, column: int) -> Cell | None:
        """The cell covering grid position (``row``, ``column``), if any."""
        if not (0 <= row < self.rows and 0 <= column < self.columns):
            return None
        index = self.grid[row][column]
        return self.cells[index] if index >= 0 else None

    def row(self, row: int) -> tuple[Cell, ...]:
        """The distinct cells covering grid row ``row``, left to right."""
        found = self._rows.get(row)
        if found is not None:
            return found
        if not 0 <= row < self.rows:
            return ()
        seen: list[int] = []
        for index in self.grid[row]:
            if index >= 0 and (not seen or seen[-1] != index):
                seen.append(index)
        found = self._rows[row] = tuple(self.cells[i] for i in seen)
        return found


@attrs.frozen
class Comment:
    """A comment of the comments part: who wrote it, and its paragraphs."""

    id: str
    author: str
    initials: str
    date: str
    blocks: tuple[Block, ...]

    @property
    def text(self) -> str:
        """The comment's paragraphs' text, one line each."""
        return "\n".join(b.text for b in self.blocks if isinstance(b, Paragraph))


@attrs.frozen
class CustomXmlPart:
    """A custom XML data part, as stored (checked to be safe, well-formed XML).

    Attributes:
        part: the member's name in the package ("customXml/item1.xml").
        namespace: the root element's namespace ("" for none).
        root: the root element's local name.
        xml: the part's bytes.

    """

    part: str
    namespace: str
    root: str
    xml: bytes = attrs.field(repr=False)


@attrs.frozen
class HeaderFooter:
    """A header or footer part and its blocks."""

    kind: str
    part: str
    blocks: tuple[Block, ...]


@attrs.frozen
class Style:
    """A style of the styles part: its name, parent, and the list it numbers, if any."""

    id: str
    name: str
    type: str
    based_on: str | None = None
    num_id: int | None = None
    level: int | None = None


@attrs.frozen
class WordDocument:
    """What a Word file holds, read as printed.

    Attributes:
        name: the file as messages name it.
        body: the body's blocks in reading order (content controls opened).
        tracked_changes: the document had tracked changes; they are accepted.
        properties: the custom document properties (``docProps/custom.xml``),
            each value as its text.
        custom_xml: the custom XML data parts.
        comments: the comments part's comments.
        headers_footers: header and footer parts, when asked for.
        styles: the styles part by style id, when asked for.
        unread: what the document holds that was deliberately not read (an
            imported chunk, a sub-document), one line each.
        source_format: the format of the file read ("docx"; "doc", "odt", …
            when LibreOffice converted it first).

    """

    name: str
    body: tuple[Block, ...]
    tracked_changes: bool = False
    properties: Mapping[str, str] = attrs.field(factory=dict)
    custom_xml: tuple[CustomXmlPart, ...] = ()
    comments: tuple[Comment, ...] = ()
    headers_footers: tuple[HeaderFooter, ...] = ()
    styles: Mapping[str, Style] = attrs.field(factory=dict)
    unread: tuple[str, ...] = ()
    source_format: str = "docx"

    @property
    def tables(self) -> tuple[Table, ...]:
        """The body's own tables (not nested ones), in order."""
        return tuple(b for b in self.body if isinstance(b, Table))

    def walk(self) -> Iterator[Block]:
        """Every block of the body in reading order, descending into cells and text boxes."""
        return walk(self.body)


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """``blocks`` and every block inside them, depth first, in reading order."""
    for block in blocks:
        yield block
        if isinstance(block, Table):
            for cell in block.cells:
                yield from walk(cell.blocks)
        else:
            for box in block.textboxes:
                yield from walk(box)
