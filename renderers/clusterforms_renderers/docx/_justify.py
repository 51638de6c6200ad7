"""Whether a justified paragraph would print with letter-spaced lines.

Justification spreads a line's leftover room over its characters.  In
Chinese text that room is a fraction of a character, unless a line has to
end early because what follows cannot be broken: a document number
(〔2011〕300号), a formula or a Latin word.  Then the characters of that line
print visibly spaced out, and such a paragraph reads better flush left.
"""

from __future__ import annotations

import re

from clusterforms_renderers.docx._widths import ems

#: Characters that may not start a line (they stay with what is before them).
_CLOSING = set("，。、；：！？）》〕」』”’%．.,;:!?)]")
#: Characters that may not end a line (they stay with what follows).
_OPENING = set("（《〔「『“‘([")
_LATIN = re.compile(r"[A-Za-z0-9.%/*×=\-+\[\]]+")
#: Leftover room (ems) on a line above which its spacing shows.
_VISIBLE = 1.5


def _units(text: str) -> list[str]:
    """``text`` cut where a line may break."""
    units: list[str] = []
    glue = False  # the previous unit ended with an opening bracket
    i = 0
    while i < len(text):
        match = _LATIN.match(text, i)
        piece = match.group() if match else text[i]
        i += len(piece)
        attach = glue or piece[0] in _CLOSING or (match and units and units[-1][-1] in _CLOSING)
        if attach and units:
            units[-1] += piece
        else:
            units.append(piece)
        glue = piece[-1] in _OPENING
    return units


def stretched(text: str, line: float, first: float = 0) -> bool:
    """Whether justified ``text`` leaves a line before its last visibly short.

    Lines are ``line`` ems long, the first indented by ``first`` ems.
    """
    used, room = 0.0, line - first
    for unit in _units(text):
        width = ems(unit)
        if used and used + width > room:
            if room - used > _VISIBLE:
                return True
            used, room = 0.0, line
        used += width
    return False
