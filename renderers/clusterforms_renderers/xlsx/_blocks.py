"""Long text in a column of cells, each short enough to be seen and printed whole.

Excel shows at most 409 points of a row, and neither Excel nor LibreOffice
carries a cell's text over a page break (LibreOffice drops what does not fit
on the page), so a 3000-字 plan in one cell is cut off.  A tall input
therefore takes as many rows as its text needs, at most :data:`BLOCK_LINES`
wrapped lines each: the first cell keeps the field's key and each following
one a ``continued`` key (``part`` 2, 3 …) whose text the reader appends
exactly.  A filled text is cut after a line break where it can be, else
where a wrapped line ends; a blank template gets the rows its character
limit needs.  Page breaks fall between rows, so every printed line is whole.
Each row is as tall as its piece (:attr:`SheetPlan.heights`, which the writer
keeps).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Final

from clusterforms_renderers.xlsx import _inputs, _measure
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._place import CellValue, Place
from clusterforms_renderers.xlsx._plan import InputRule, SheetPlan

#: Wrapped lines one cell of a long text holds (about 220 points: a third of a page).
BLOCK_LINES: Final = 15
#: The least height of a blank cell to write in, in points.
MIN_BLANK: Final = 45.0
_SAMPLE_CHARS: Final = 60
_PARAGRAPH: Final = re.compile(r"[^\n]*\n|[^\n]+")


def pieces(
    texts: Mapping[Place, CellValue], key: CellKey, rule: InputRule, width: float
) -> list[str | None]:
    """What each cell of a tall input shows: the filled text cut up, or None per blank cell."""
    text = texts.get((key.field, key.year, key.part))
    if isinstance(text, str):
        return list(chunks(text, width))
    lines = _measure.line_count("字" * _limit(rule), width)
    return [None] * max(1, math.ceil(lines / BLOCK_LINES))


def place(  # noqa: PLR0913 - a cell's key, rule, texts, position and extent
    sheet: SheetPlan,
    key: CellKey,
    rule: InputRule,
    shown: list[str | None],
    *,
    at: tuple[int, int],
    colspan: int,
) -> None:
    """The cells of a tall input from ``row`` down, one per piece; blank ones sized to write in."""
    row, col = at
    width = sheet.width_of(col, colspan)
    blank_lines = math.ceil(_measure.line_count("字" * _limit(rule), width) / len(shown))
    blank = max(MIN_BLANK, min(BLOCK_LINES, blank_lines) * _measure.LINE_HEIGHT + 4)
    more = _inputs.continued_rule(rule.prompt_title)
    for n, text in enumerate(shown, start=1):
        if n == 1:
            cell_key, cell_rule = key, rule
        else:
            cell_key = CellKey(key.field, key.year, str(n), "continued")
            cell_rule = more
        sheet.input(row + n - 1, col, cell_key, cell_rule, colspan=colspan, text=text)
        if text is None:
            sheet.heights[row + n - 1] = blank
        else:  # blank lines a piece ends with need no room
            sheet.heights[row + n - 1] = _measure.height_for(text.rstrip() or text, width)


def _limit(rule: InputRule) -> int:
    limit = rule.maximum if rule.type == "textLength" else None
    return int(limit) if limit is not None else _SAMPLE_CHARS


def chunks(text: str, width: float) -> list[str]:
    """``text`` cut into pieces of at most :data:`BLOCK_LINES` wrapped lines, joined back exactly.

    Pieces end after a line break where one is near; a paragraph longer than a
    piece is cut where a wrapped line ends.  A piece of nothing but whitespace
    (which a reader takes for an empty cell) joins its neighbour.
    """
    usable = max(width - 1.5, 2.0)
    blocks: list[str] = []
    current, used = "", 0
    for paragraph in _PARAGRAPH.findall(text):
        rest = paragraph
        need = _lines(rest, usable)
        while used + need > BLOCK_LINES:
            if need <= BLOCK_LINES or used >= BLOCK_LINES:
                blocks.append(current)
                current, used = "", 0
                continue
            head, rest = _cut(rest, (BLOCK_LINES - used) * usable)
            blocks.append(current + head)
            current, used = "", 0
            need = _lines(rest, usable)
        current += rest
        used += need
    blocks.append(current)
    return _fold_blank([b for b in blocks if b])


def _lines(paragraph: str, usable: float) -> int:
    return max(1, math.ceil(_measure.display_width(paragraph.rstrip("\n")) / usable))


def _cut(paragraph: str, room: float) -> tuple[str, str]:
    """The longest head of ``paragraph`` (at least one character) no wider than ``room``."""
    width = 0.0
    for n, ch in enumerate(paragraph):
        width += _measure.display_width(ch)
        if width > room:
            at = max(1, n)
            return paragraph[:at], paragraph[at:]
    return paragraph, ""  # pragma: no cover - the caller cuts only what does not fit


def _fold_blank(blocks: list[str]) -> list[str]:
    folded: list[str] = []
    pending = ""
    for block in blocks:
        if not block.strip():
            if folded:
                folded[-1] += block
            else:
                pending += block
            continue
        folded.append(pending + block)
        pending = ""
    if pending:
        folded.append(pending)  # only whitespace at all: one cell, as typed
    return folded
