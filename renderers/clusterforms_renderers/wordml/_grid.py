"""One grid with spans from a table's rows of ``w:tc`` elements, as Word lays them out.

A row starts ``w:gridBefore`` columns in; each cell takes ``w:gridSpan``
columns; a cell marked ``w:vMerge`` (without ``restart``) continues the cell
above it when that one starts at the same column with the same span — its
row span grows and anything typed into the continuation (Word hides it,
LibreOffice shows it) is kept in the merged cell, so nothing is lost.  A
continuation with nothing above to continue is a cell of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import starmap
from typing import Any, Final, NamedTuple

from clusterforms.errors import ReadError
from clusterforms_renderers.wordml._model import Block, Cell, Paragraph, Table

MAX_COLUMNS: Final = 128
MAX_TABLE_POSITIONS: Final = 200_000


class CellSpec(NamedTuple):
    """A ``w:tc`` as stored: its column span, vertical merge mark, and blocks."""

    span: int
    merge: str | None
    blocks: tuple[Block, ...]


class RowSpec(NamedTuple):
    """A ``w:tr`` as stored: columns skipped before and after, and its cells."""

    before: int
    cells: tuple[CellSpec, ...]
    after: int = 0


def has_content(block: Block) -> bool:
    """Whether a block shows anything: a table, or a paragraph with text or a number."""
    if not isinstance(block, Paragraph):
        return True
    return bool(block.text.strip() or block.textboxes or (block.number and block.number.label))


def build_table(
    rows: Sequence[RowSpec],
    grid_columns: int,
    style: str | None,
    refuse: Callable[[str], ReadError],
) -> Table:
    """The table ``rows`` describe; ``refuse`` makes the error for a table too large.

    Raises:
        ReadError: more than :data:`MAX_COLUMNS` columns, or more than
            :data:`MAX_TABLE_POSITIONS` grid positions.

    """
    # Each placed cell: [row, column, row span, column span, blocks].
    placed: list[list[Any]] = []
    mergeable: dict[int, int] = {}  # column → cell reaching the previous row
    width = grid_columns
    for r, (before, cells, after) in enumerate(rows):
        column = before
        reached: dict[int, int] = {}
        for span, merge, blocks in cells:
            above = mergeable.get(column) if merge == "continue" else None
            if above is not None and placed[above][3] == span:
                cell = placed[above]
                cell[2] += 1
                cell[4] = (*cell[4], *(b for b in blocks if has_content(b)))
                reached[column] = above
            else:
                placed.append([r, column, 1, span, blocks])
                if merge is not None:
                    reached[column] = len(placed) - 1
            column += span
        width = max(width, column + after)
        mergeable = reached
    if width > MAX_COLUMNS:
        msg = f"has {width} columns; more than {MAX_COLUMNS} is refused"
        raise refuse(msg)
    if len(rows) * width > MAX_TABLE_POSITIONS:
        msg = f"has {len(rows)} × {width} positions; more than {MAX_TABLE_POSITIONS} is refused"
        raise refuse(msg)
    grid = [[-1] * width for _ in rows]
    for index, (row, column, row_span, column_span, _) in enumerate(placed):
        for r in range(row, row + row_span):
            grid[r][column : column + column_span] = [index] * column_span
    return Table(
        rows=len(rows),
        columns=width,
        cells=tuple(starmap(Cell, placed)),  # each [row, column, row span, column span, blocks]
        grid=tuple(map(tuple, grid)),
        style=style,
    )
