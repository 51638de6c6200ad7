"""Going through one part of the form as a person does: item by item, always forward.

A :class:`Scan` holds the units of a part (:mod:`._units`) and a cursor.
Each item is looked for from the cursor on by its anchor — its label as
printed, or its title, lead line or first option — so rows a person added
or text typed between rows never derail the items after them: a label not
found leaves the cursor where it was, and the next item is looked for from
there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from clusterforms import FormSpec, GroupItem, Item
from clusterforms_renderers.docx.reading._outcome import Outcome
from clusterforms_renderers.docx.reading._places import Place, TableAt, cell_place
from clusterforms_renderers.docx.reading._text import MARKS, norm, outline_key
from clusterforms_renderers.docx.reading._units import Line, Row, Unit, cell_text
from clusterforms_renderers.wordml import Cell


@attrs.frozen
class CellHit:
    """An anchor found in a cell of the row at unit ``index``."""

    index: int
    row: Row
    cell: Cell

    def after(self) -> list[Cell]:
        """The cells that start in the row to the right of the hit one."""
        return [c for c in self.row.starting() if c.column > self.cell.column]


@attrs.frozen
class LineHit:
    """An anchor found in the line (a paragraph) at unit ``index``."""

    index: int
    line: Line


Hit = CellHit | LineHit


def anchor_of(item: Any) -> str:
    """The printed text an item is found by ("" when it has none)."""
    for attribute in ("label", "title", "lead"):
        text = getattr(item, attribute, None)
        if text:
            return str(text)
    if isinstance(item, GroupItem):
        return next((a for child in item.items if (a := anchor_of(child))), "")
    options = getattr(item, "options", None)
    if options:
        return str(options[0].label)
    columns = getattr(item, "columns", None)
    if columns:
        return str(columns[0].label)
    for attribute in ("prompt", "lines"):
        value = getattr(item, attribute, None)
        if value:
            return str(value if isinstance(value, str) else value[0])
    return ""


_MARK_CHARS = "".join(sorted(MARKS))


def _key(text: str) -> str:
    """What an anchor is matched against: ``text`` normalised, without the boxes before it."""
    return norm(text).lstrip(_MARK_CHARS)


class Scan:
    """The units of one part of the form, a cursor, and what the part's items share."""

    def __init__(
        self,
        spec: FormSpec,
        out: Outcome,
        units: Sequence[Unit],
        span: range,
        part: str,
    ) -> None:
        self.spec = spec
        self.out = out
        self.units = units
        self.cursor = span.start
        self.end = span.stop
        self.part = part
        self.offset = 0  # the body block of the part's title, for counting paragraphs
        self.items: tuple[Item, ...] = ()
        self.position = 0  # index of the item being read in ``items``
        #: The year columns of the last 年度 row: (table, {year: (first column, end column)}).
        self.years: tuple[TableAt, dict[int, tuple[int, int]]] | None = None
        #: Written text gathered for the part's outlined narrative (section 八), by heading.
        self.outlined: list[tuple[str, list[str]]] | None = None
        #: :meth:`_keys` of the units looked at so far (units are frozen: worked out once).
        self._seen: dict[int, tuple[tuple[Cell | None, str], ...]] = {}

    # ------------------------------------------------------------------ finding

    def find(self, anchor: str, start: int | None = None, end: int | None = None) -> Hit | None:
        """The first unit from ``start`` (the cursor) whose cell or line starts with ``anchor``.

        A line may have an outline number typed before it: "（三）重点任务" is
        the heading 重点任务, as Word's own numbering would have drawn it.
        """
        return self._find(anchor, start, end, lines=True)

    def find_cell(
        self, anchor: str, start: int | None = None, end: int | None = None
    ) -> CellHit | None:
        """The first cell from ``start`` (the cursor) that starts with ``anchor``."""
        hit = self._find(anchor, start, end, lines=False)
        return hit if isinstance(hit, CellHit) else None

    def _find(self, anchor: str, start: int | None, end: int | None, *, lines: bool) -> Hit | None:
        key = norm(anchor)
        if not key:
            return None
        first = self.cursor if start is None else start
        seen = self._seen
        for index in range(first, self.end if end is None else end):
            keys = seen.get(index) or self._keys(index)
            unit = self.units[index]
            if isinstance(unit, Row):
                for cell, text in keys:
                    if text.startswith(key) and cell is not None:
                        return CellHit(index, unit, cell)
            elif lines and (
                keys[0][1].startswith(key)
                or keys[1][1].startswith(key)
                or keys[2][1].startswith(key)
            ):
                return LineHit(index, unit)
        return None

    def _keys(self, index: int) -> tuple[tuple[Cell | None, str], ...]:
        """The keys of unit ``index``: of each cell starting in it, or of the line.

        A line has three: as printed (with Word's list number), as typed, and
        as typed without a leading outline number.
        """
        unit = self.units[index]
        found: tuple[tuple[Cell | None, str], ...]
        if isinstance(unit, Row):
            found = tuple((cell, _key(cell_text(cell))) for cell in unit.starting())
        else:
            typed = unit.paragraph.text
            found = (
                (None, _key(unit.text)),
                (None, _key(typed)),
                (None, _key(outline_key(typed))),
            )
        self._seen[index] = found
        return found

    def later_anchor(self, after: int) -> int:
        """The unit where the next item after the current one is found (the part's end if none)."""
        found = self.end
        for item in self.items[self.position + 1 :]:
            anchor = anchor_of(item)
            hit = self.find(anchor, after, found) if anchor else None
            if hit is not None:
                found = hit.index
        return found

    def lines(self, start: int, end: int) -> list[Line]:
        """The lines among units ``start`` to ``end``."""
        return [u for u in self.units[start:end] if isinstance(u, Line)]

    def rows_after(self, index: int, table: TableAt, count: int) -> list[tuple[int, Row]]:
        """Up to ``count`` rows of ``table`` that follow unit ``index``, with their indexes."""
        found: list[tuple[int, Row]] = []
        for at in range(index + 1, self.end):
            if len(found) >= count:
                break
            unit = self.units[at]
            if isinstance(unit, Row) and unit.table.path == table.path:
                found.append((at, unit))
        return found

    def advance(self, index: int) -> None:
        """Move the cursor to just after unit ``index``."""
        self.cursor = max(self.cursor, index + 1)

    # ------------------------------------------------------------------ places

    def place(self, hit: Hit | Line) -> Place:
        """The place of a hit or a line."""
        if isinstance(hit, LineHit):
            return hit.line.place(self.part, self.offset)
        if isinstance(hit, Line):
            return hit.place(self.part, self.offset)
        return cell_place(self.part, hit.row.table, hit.cell)

    def cell_place(self, cell: Cell, row: Row) -> Place:
        """The place of ``cell``, of ``row``'s table."""
        return cell_place(self.part, row.table, cell)

    def claim_lines(self, lines: Iterable[Line]) -> None:
        """Mark the paragraphs of ``lines`` as read."""
        self.out.claim(line.paragraph for line in lines)

    def claim(self, hit: Hit) -> None:
        """Mark the hit's paragraph, or its cell's paragraphs, as read."""
        if isinstance(hit, LineHit):
            self.out.claim([hit.line.paragraph])
        else:
            self.out.claim_cells([hit.cell])
