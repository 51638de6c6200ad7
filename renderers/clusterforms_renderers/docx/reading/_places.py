"""Where something stands in a Word document: for people (a note's place) and for programs.

A :class:`Place` names the part of the form (一、基本情况, 封面), then either a
paragraph of the body, or a table cell (its table, grid row and column, as
:mod:`clusterforms_renderers.wordml` numbers them) and a paragraph in it.
:meth:`Place.describe` is what a reviewer reads: ``二、主导产业情况 · 表1 · 第3行 ·
第2格``.  A :class:`Spot` ties a field (and a year, option, part or row of it)
to the place its value was read from, or would be typed in when blank: what
an annotator needs to put a comment on the right cell.
"""

from __future__ import annotations

import attrs

from clusterforms_renderers.wordml import Cell, Table


@attrs.frozen
class TableAt:
    """A table and how to find it again.

    ``path`` is the body table's index among the document's body tables
    (``WordDocument.tables``), then, for a table nested in a cell, the
    (row, column, index among the cell's tables) of each cell it is nested in.
    ``number`` is its place among the tables of its part, or of its cell (1 for
    the first), and ``outer`` the table it is nested in, for people.
    """

    table: Table = attrs.field(eq=False, repr=False)
    path: tuple[int | tuple[int, int, int], ...]
    number: int
    outer: tuple[TableAt, int, int] | None = None
    #: :meth:`ordinal` of the cells asked for, by id (the table keeps them alive), a row at a time.
    _ordinals: dict[int, int] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def inner(self, cell: Cell, index: int, table: Table) -> TableAt:
        """The ``index``-th table nested in ``cell`` of this table."""
        path = (*self.path, (cell.row, cell.column, index))
        return TableAt(table, path, index + 1, (self, cell.row, self.ordinal(cell)))

    def ordinal(self, cell: Cell) -> int:
        """The place of ``cell`` among the distinct cells of its first row (0 if not there)."""
        found = self._ordinals.get(id(cell))
        if found is None:
            row = self.table.row(cell.row)
            if not any(c is cell for c in row):
                return 0
            for i, c in enumerate(row):
                if c.row == cell.row:
                    self._ordinals.setdefault(id(c), i)
            found = self._ordinals[id(cell)]
        return found

    def pieces(self) -> list[str]:
        """表1, or 表1 · 第1行 · 第1格 · 内表1 for a nested table."""
        if self.outer is None:
            return [f"表{self.number}"]
        outer, row, cell = self.outer
        return [*outer.pieces(), f"第{row + 1}行", f"第{cell + 1}格", f"内表{self.number}"]


@attrs.frozen
class Place:
    """A paragraph of the body, or a cell (and a paragraph in it), in a part of the form.

    Attributes:
        part: the part's title as printed (一、基本情况), or 封面, or an appendix's title.
        table: the cell's table (None for a body paragraph).
        row: the cell's grid row (from 0), as wordml numbers rows.
        column: the cell's grid column (from 0).
        cell: the cell's place among the distinct cells of its row (from 0).
        paragraph: the paragraph's index among the cell's paragraphs, or among the
            body's blocks for a body paragraph; None for the whole cell.

    """

    part: str
    table: TableAt | None = None
    row: int | None = None
    column: int | None = None
    cell: int | None = None
    paragraph: int | None = None
    #: The body block the part starts at: a body paragraph is counted from there for people.
    offset: int = attrs.field(default=0, eq=False, repr=False)

    def describe(self) -> str:
        """The place as a reviewer reads it: ``二、主导产业情况 · 表1 · 第3行 · 第2格``."""
        pieces = [self.part]
        if self.table is not None:
            pieces += self.table.pieces()
            if self.row is not None:
                pieces.append(f"第{self.row + 1}行")
            if self.cell is not None:
                pieces.append(f"第{self.cell + 1}格")
        if self.paragraph is not None and self.table is None:
            pieces.append(f"第{self.paragraph - self.offset + 1}段")
        elif self.paragraph is not None and self.paragraph > 0:
            pieces.append(f"第{self.paragraph + 1}段")
        return " · ".join(pieces)


def cell_place(part: str, table: TableAt, cell: Cell, paragraph: int | None = None) -> Place:
    """The place of ``cell`` (or of one of its paragraphs)."""
    return Place(part, table, cell.row, cell.column, table.ordinal(cell), paragraph)


@attrs.frozen
class Spot:
    """Where the value of ``field`` (``key`` naming a part of it) is, or would be typed.

    ``key`` is None for the whole value, else the year (``"2022"``), the option
    id, ``count``/``names`` of a named count, a part id, ``rows/<row id>/baseline``
    of the target table, ``extra/<n>/<column>`` of an added target row,
    ``<n>/<column id>`` of a roster row (rows from 0), or ``<id>/<column>`` of
    an attachment.
    """

    field: str
    key: str | None
    place: Place
