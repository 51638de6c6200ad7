"""Symbol-font characters read as the glyphs they draw: the boxes and ticks of a form.

People tick a Word form's □ by inserting a symbol (Insert → Symbol →
Wingdings 2), which Word stores as ``<w:sym w:font="Wingdings 2"
w:char="F052"/>``; LibreOffice rewrites it on save as the private-use
character U+F052 in a run whose font is Wingdings 2; Chinese how-tos also
teach typing "R" and switching the font to Wingdings 2.  All three draw ☑.
This module maps the code points of those fonts that mark a choice — boxes,
ticks, crosses, circles, bullets — to ordinary Unicode characters, so the
reader sees "☑是" whatever way the tick was made.  Other symbol-font
characters are left as stored.
"""

from __future__ import annotations

from typing import Final

#: Font name (lower case) → {code point 0x20–0xFF: the character it draws}.
_FONTS: Final[dict[str, dict[int, str]]] = {
    "wingdings": {
        0x6C: "●",
        0x6D: "○",
        0x6E: "■",
        0x6F: "□",
        0x70: "□",
        0x71: "❑",
        0x72: "❒",
        0x75: "◆",
        0x76: "❖",
        0x78: "⌧",
        0x9F: "•",
        0xA1: "○",
        0xA2: "○",
        0xA3: "○",
        0xA4: "◉",
        0xA7: "▪",
        0xA8: "□",
        0xFB: "✗",
        0xFC: "✓",
        0xFD: "☒",
        0xFE: "☑",
    },
    "wingdings 2": {
        0x4F: "✗",
        0x50: "✓",
        0x51: "☒",
        0x52: "☑",
        0x53: "☒",
        0x54: "☒",
        0x55: "⊗",
        0x56: "⊗",
        0x98: "●",
        0x99: "○",
        0x9A: "○",
        0x9B: "○",
        0x9C: "○",
        0x9D: "⊙",
        0x9E: "◉",
        0xA2: "■",
        0xA3: "□",
        0xA4: "□",
        0xA5: "□",
        0xA6: "□",
        0xA7: "▣",
        0xA8: "▣",
        0xA9: "▣",
    },
    "wingdings 3": {
        0x70: "▲",
        0x71: "▼",
        0x72: "△",
        0x73: "▽",
        0x74: "◀",
        0x75: "▶",
        0x76: "◁",
        0x77: "▷",
    },
    "symbol": {0xB4: "×", 0xB7: "•", 0xD6: "√"},
}

#: Where symbol fonts' characters are stored as private-use code points.
_PRIVATE_BASE: Final = 0xF000


def symbol_table(font: str | None) -> dict[int, str] | None:
    """The glyph table of ``font`` when it is a symbol font this module knows."""
    if not font:
        return None
    return _FONTS.get(font.strip().lower())


def symbol_char(font: str | None, code: str | None) -> str:
    """The character a ``w:sym`` element draws (``w:font``, ``w:char`` in hex).

    In a symbol font this module knows, an unmapped code keeps the private-use
    character LibreOffice would store, so nothing is silently turned into a
    wrong letter; in any other font the code is a Unicode character.  An
    unreadable code, or one for a control character, is "".
    """
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if not 0x20 <= value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return ""
    table = symbol_table(font)
    if table is None:
        return "" if 0x7F <= value <= 0x9F or value in (0xFFFE, 0xFFFF) else chr(value)
    point = value - _PRIVATE_BASE if _PRIVATE_BASE <= value <= _PRIVATE_BASE + 0xFF else value
    if point in table:
        return table[point]
    return chr(_PRIVATE_BASE + point if point <= 0xFF else value)


def in_symbol_font(text: str, table: dict[int, str]) -> str:
    """``text`` of a run set in a symbol font, its marks read as the glyphs they draw."""
    out = []
    for char in text:
        point = ord(char)
        if _PRIVATE_BASE <= point <= _PRIVATE_BASE + 0xFF:
            point -= _PRIVATE_BASE
        out.append(table.get(point, char))
    return "".join(out)
