"""Estimating how tall a row must be for its wrapped text.

Excel does not grow a row for wrapped text in merged cells, and keeps the
heights a file states; without explicit heights long labels would be cut off
on screen and on paper.  The estimate counts a CJK character as two of
Excel's width units and anything else as one, which errs on the tall side.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Final

#: Points per line of 11-point 宋体, with leading.
LINE_HEIGHT: Final = 14.4
#: Excel's largest row height, in points.
MAX_HEIGHT: Final = 409.0
_PADDING: Final = 4.0


def display_width(text: str) -> float:
    """The width of one line of ``text`` in Excel column units."""
    width = 0.0
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in {"W", "F"}
        width += 2.1 if wide else 1.1
    return width


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in cells ``width`` units wide."""
    usable = max(width - 1.5, 2.0)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def height_for(text: str, width: float, *, scale: float = 1.0) -> float:
    """The row height (points) that shows all of ``text`` wrapped in ``width`` units."""
    lines = line_count(text, width)
    return min(MAX_HEIGHT, lines * LINE_HEIGHT * scale + _PADDING)
