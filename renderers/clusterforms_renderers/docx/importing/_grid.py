"""A template's tables as rows of cells, and a cell-spanning part as a flow of blocks.

A row is the distinct cells covering it, left to right, each marked with
whether the row is the cell's first (a label merged down over several rows
covers them all).  Sections 八 and 九 are laid out as one big cell, or as
rows of whole-width cells: :func:`flow` reads either as the paragraphs and
tables a person reads down the page.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from clusterforms_renderers.docx.importing._text import clean, is_blank
from clusterforms_renderers.wordml import Block, Cell, Paragraph, Table


@attrs.frozen
class View:
    """A cell as one row sees it: ``top`` when the row is the cell's first."""

    cell: Cell
    top: bool

    @property
    def text(self) -> str:
        """The cell's own paragraphs' text, a line each."""
        return self.cell.text

    @property
    def lines(self) -> list[str]:
        """The cell's paragraphs' text as printed (blank ones kept)."""
        return [p.text for p in self.cell.paragraphs]

    @property
    def blank(self) -> bool:
        """Whether the cell shows nothing (an input cell)."""
        return not self.cell.tables and is_blank(self.cell.text)

    @property
    def width(self) -> int:
        """How many grid columns the cell spans."""
        return self.cell.column_span


Row = tuple[View, ...]


def table_rows(table: Table) -> list[Row]:
    """Every grid row of ``table`` as the cells covering it."""
    return [tuple(View(c, c.row == r) for c in table.row(r)) for r in range(table.rows)]


def whole_width(row: Row) -> bool:
    """Whether one cell spans the whole row."""
    return len(row) == 1


def flow(rows: Sequence[Row]) -> list[Block | list[Row]]:
    """The blocks of whole-width rows in order; runs of other rows kept together as a table.

    Our renderer draws section 八's target table as rows of the section's own
    table, the official template as a table nested in its one cell: both come
    out here as a paragraph stream with the table's rows where it stands.
    """
    out: list[Block | list[Row]] = []
    run: list[Row] = []
    for row in rows:
        if whole_width(row) and row[0].top:
            if run:
                out.append(run)
                run = []
            out.extend(row[0].cell.blocks)
        elif whole_width(row):
            continue  # the rest of a whole-width cell merged down: already read
        else:
            run.append(row)
    if run:
        out.append(run)
    return out


def texts(blocks: Sequence[Block]) -> list[str]:
    """The non-empty paragraphs among ``blocks``, cleaned."""
    return [clean(b.text) for b in blocks if isinstance(b, Paragraph) and clean(b.text)]


def is_table(block: Block | list[Row]) -> bool:
    """Whether a flow element is a table (nested, or rows of the section's table)."""
    return isinstance(block, Table | list)


def rows_of(block: Table | list[Row]) -> list[Row]:
    """A flow table's rows."""
    return table_rows(block) if isinstance(block, Table) else block
