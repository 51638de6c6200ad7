"""Text for a terminal: columns of mixed Chinese and ASCII lined up, and nothing that drives it.

Everything the command line prints may come from a stranger's file: a value,
a file name, a spec id inside a message.  :func:`printable` escapes what a
terminal would act on instead of showing — escape sequences that clear the
screen or retitle the window, C1 controls, bidirectional overrides that
reorder a line, line breaks that fake a second line — and the lone surrogates
that cannot be encoded at all.  :func:`json_printable` does the same inside
JSON text, with JSON's own escapes, so the JSON still reads back unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TextIO

#: Bidirectional controls: they reorder what follows them on the line.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: C0 and C1 controls, DEL, line and paragraph separators, bidi controls, surrogates.
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")
#: The same less C0 controls, which JSON text already escapes inside strings.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")


def printable(text: str) -> str:
    r"""``text`` with every character a terminal would act on shown as its escape (``\x1b``)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def printable_lines(text: str) -> str:
    """Multi-line ``text`` with each line made :func:`printable`; the line breaks stay."""
    return "\n".join(printable(line) for line in text.split("\n"))


def json_printable(text: str) -> str:
    r"""JSON ``text`` with those characters as JSON escapes (``\u009b``); it parses the same."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display columns."""
    return text + " " * max(0, width - display_width(text))


def progress(done: int, total: int, err: TextIO) -> None:
    """Redraw a progress bar (``[#####.....] 3/10``) on the terminal's current line."""
    filled = done * 30 // total
    err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
    err.flush()
