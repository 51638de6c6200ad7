"""The printed options beside a drop-down, with the chosen one's box ticked (☑是　□否).

The form prints every option with a box; a workbook shows the choice in the
drop-down, so the printed line would stay "□是　□否" after a choice.  The line
is instead a formula of the renderer's own that ticks the box of whatever the
input cell holds, so it follows every later edit, in Excel, WPS and
LibreOffice (which compute it on load; the workbook asks for a full
calculation).  It is built only from the spec's option labels, as quoted
string literals, and a reference to the input cell — nothing typed by anyone
ever becomes a formula, and the reader never reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from clusterforms import Option, option_line

CHECKED_BOX: Final = "☑"
#: Excel refuses a string literal in a formula of more than 255 characters.
_LITERAL_MAX: Final = 200


def literal(text: str) -> str:
    """``text`` as an Excel expression: quoted pieces joined by ``&`` (line breaks as CHAR(10))."""
    parts: list[str] = []
    for n, line in enumerate(text.split("\n")):
        if n:
            parts.append("CHAR(10)")
        for start in range(0, len(line), _LITERAL_MAX):
            piece = line[start : start + _LITERAL_MAX].replace('"', '""')
            parts.append(f'"{piece}"')
    return "&".join(parts) or '""'


def _split(option: Option) -> tuple[str, str]:
    """(the empty box as printed, the text after it) of an option's printed line."""
    line = option_line(option)
    at = len(line) - len(option.label)
    return line[:at], line[at:]


def listing(cell: str, options: Sequence[tuple[Option, str]], separator: str = "") -> str:
    """The formula printing ``options`` (each with the value that chooses it), one ticked.

    While ``cell`` is empty the formula's first branch is the line exactly as the
    form prints it; otherwise each option keeps its own box unless ``cell`` holds
    the value that chooses it.
    """
    printed = separator.join(option_line(option) for option, _ in options)
    parts: list[str] = []
    for n, (option, chosen) in enumerate(options):
        empty, shown = _split(option)
        parts.append(f'IF({cell}={literal(chosen)},"{CHECKED_BOX}",{literal(empty)})')
        parts.append(literal(shown + (separator if n < len(options) - 1 else "")))
    ticked = "&".join(parts)
    return f'=IF({cell}="",{literal(printed)},{ticked})'
