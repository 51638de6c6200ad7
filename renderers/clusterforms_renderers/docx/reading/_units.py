"""A Word document as the reader goes through it: one list of units in reading order.

A unit is a paragraph (of the body, or of a cell) or a table row of several
cells.  A row that is one cell across the whole table (section 八's big
cell, a sign-off block, a row of notes) is not a row of label and value but
a page of text: its paragraphs — and the rows of any table nested in it —
become units of their own, so the plan's target table is found the same way
whether it is rows of the section's table (our renderer) or a table nested
in the one cell the template has.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from clusterforms_renderers.docx.reading._places import Place, TableAt, cell_place
from clusterforms_renderers.wordml import Cell, Paragraph, Table, WordDocument


@attrs.frozen
class Line:
    """A paragraph, with the cell it is in (None for the body) and its place."""

    paragraph: Paragraph = attrs.field(repr=False)
    table: TableAt | None
    cell: Cell | None = attrs.field(repr=False)
    index: int  # among the cell's paragraphs, or the body's blocks

    @property
    def text(self) -> str:
        """The paragraph as printed, its list number (三、, （一）) included."""
        return paragraph_text(self.paragraph)

    def place(self, part: str, offset: int = 0) -> Place:
        """Where the paragraph is, for people and programs (``offset``: the part's first block)."""
        if self.table is None or self.cell is None:
            return Place(part, paragraph=self.index, offset=offset)
        return cell_place(part, self.table, self.cell, self.index)


@attrs.frozen
class Row:
    """A table row of several cells: the distinct cells covering it, left to right."""

    table: TableAt
    row: int
    cells: tuple[Cell, ...] = attrs.field(repr=False)
    #: :meth:`starting`, worked out when first asked for: readers ask for it again and again.
    _starting: tuple[Cell, ...] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def starting(self) -> tuple[Cell, ...]:
        """The cells that start in this row (not those merged down from above)."""
        if self._starting is None:
            found = tuple(c for c in self.cells if c.row == self.row)
            object.__setattr__(self, "_starting", found)
            return found
        return self._starting


Unit = Line | Row


def paragraph_text(paragraph: Paragraph) -> str:
    """A paragraph's text with the list number Word draws before it."""
    return paragraph.printed_text


def cell_text(cell: Cell) -> str:
    """A cell's own paragraphs as printed, one line each (worked out once per cell)."""
    return cell.printed_text


def units(document: WordDocument, numbers: Sequence[int] = ()) -> list[Unit]:
    """Every unit of the body, in reading order (see the module).

    ``numbers`` are the body tables' numbers for people (each table's place in
    its part); by default they are counted through the whole document.
    """
    out: list[Unit] = []
    tables = 0
    for index, block in enumerate(document.body):
        if isinstance(block, Paragraph):
            out.append(Line(block, None, None, index))
        else:
            number = numbers[tables] if tables < len(numbers) else tables + 1
            out += _rows(TableAt(block, (tables,), number))
            tables += 1
    return out


def _rows(at: TableAt) -> Iterator[Unit]:
    table = at.table
    for r in range(table.rows):
        cells = table.row(r)
        if len(cells) == 1 and _across(table, cells[0]):
            if cells[0].row == r:
                yield from cell_units(at, cells[0])
        elif cells:
            yield Row(at, r, cells)


def cell_units(at: TableAt, cell: Cell) -> Iterator[Unit]:
    """A cell's paragraphs, and the rows of the tables nested in it, in order."""
    paragraph = 0
    nested = 0
    for block in cell.blocks:
        if isinstance(block, Paragraph):
            yield Line(block, at, cell, paragraph)
            paragraph += 1
        else:
            yield from _rows(at.inner(cell, nested, block))
            nested += 1


def _across(table: Table, cell: Cell) -> bool:
    return cell.column == 0 and cell.column_span >= table.columns
