"""Comparing a document's text with the form's printed text, as a person reads both.

Labels are matched after normalising what Word and people vary without
meaning anything: white space of every kind (line breaks, tabs, the
full-width space of "联　系　人", zero-width spaces), full- and half-width
forms (（ and (, ： and :, ％ and %), underscores drawn as blanks.
:func:`norm` is that normal form; :class:`Spans` keeps, for each character of
it, where it stood in the original text, so that what is left once the
printed words are taken away (:func:`typed_pieces`) is cut from the text as
typed, spacing and all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from typing import Final

import clusterforms

#: Characters that mean nothing for matching: white space, zero-width marks, blank lines.
_DROPPED: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # str.isspace()
    "\u200b\u200c\u200d\ufeff_＿"
)
_TABLE: Final[dict[int, str | None]] = {
    **{ord(c): None for c in _DROPPED},
    **{0xFF01 + i: chr(0x21 + i) for i in range(0x5E) if chr(0xFF01 + i) not in _DROPPED},
    ord("〔"): "[",
    ord("〕"): "]",
    ord("【"): "[",
    ord("】"): "]",
    ord("…"): "...",
}

#: Marks that tick a box, typed or from a symbol font (wordml gives those as glyphs).
TICKS: Final = frozenset("☑■√✓✔☒●◉✅▇█")
#: Empty boxes.
BOXES: Final = frozenset("□☐○❑❒")
MARKS: Final = TICKS | BOXES
#: Punctuation that is no text of its own when left over around typed words.
_FILLER: Final = frozenset("：:，,。.、；;（）()[]【】〔〕-—…·\"“”'‘’/") | frozenset(_DROPPED)
#: A character that is not filler, looked for in C.
_NOT_FILLER: Final = re.compile("[^" + re.escape("".join(sorted(_FILLER))) + "]")


@functools.lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """``text`` in the form labels are compared in (see the module)."""
    return text.translate(_TABLE)


def outline_key(text: str) -> str:
    """A line of the outline as compared: normal form, without a leading outline number.

    The seeds lost Word's automatic numbering and documents differ in whether
    a heading prints it: "三、存在的问题" and "存在的问题" are the same line.
    """
    key = norm(text)
    return clusterforms.outline_key(key) or key


def is_filler(text: str) -> bool:
    """Whether ``text`` holds nothing but white space and punctuation."""
    return _NOT_FILLER.search(text) is None


def clean_line(text: str) -> str:
    """One line of typed text: stripped of white space, blank underscores and zero-width marks."""
    return text.strip().strip("_＿\u200b\ufeff").strip()


def clean_lines(text: str) -> str:
    r"""Typed text of several lines: each line cleaned, empty lines dropped, joined with ``\n``."""
    return "\n".join(line for line in map(clean_line, text.split("\n")) if line)


def one_line(text: str) -> str:
    """A cover line's value: every run of white space one space (blanks are drawn with spaces)."""
    return " ".join(clean_line(text).replace("\u200b", " ").split())


class Spans:
    """A text's normal form, with the original position of each of its characters."""

    __slots__ = ("index", "normal", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # The positions of the characters kept: all of them, or those not dropped (found in C).
        self.index = (
            list(range(len(text)))
            if _ANY_DROPPED.search(text) is None
            else list(compress(range(len(text)), map(_KEPT.get, text, repeat(1))))
        )
        self.normal = norm(text)  # the dropped characters go, "…" becomes "...", others stay one
        if len(self.normal) != len(self.index):  # each "…" stands for three normal characters
            self.index = [i for i in self.index for _ in range(3 if text[i] == "…" else 1)]

    def original(self, start: int, end: int) -> str:
        """The original text from normal positions ``start`` to ``end``, all between included."""
        if start >= end:
            return ""
        return self.text[self.index[start] : self.index[end - 1] + 1]

    def after(self, end: int) -> str:
        """The original text after normal position ``end`` (everything, if ``end`` is 0)."""
        if end <= 0:
            return self.text
        return self.text[self.index[end - 1] + 1 :]

    def before(self, start: int) -> str:
        """The original text before normal position ``start``."""
        if start >= len(self.index):
            return self.text
        return self.text[: self.index[start]]


#: A character that means nothing; and, for each of them, 0: not kept.
_ANY_DROPPED: Final = re.compile("[" + re.escape(_DROPPED) + "]")
_KEPT: Final = dict.fromkeys(_DROPPED, 0)
#: A run of normal positions no printed word took.
_UNTAKEN: Final = re.compile(b"\\x00+")


def find_all(haystack: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``haystack``, without overlaps."""
    found: list[int] = []
    if not needle:
        return found
    at = haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + len(needle))
    return found


def typed_pieces(text: str, leading: Sequence[str] = (), printed: Iterable[str] = ()) -> list[str]:
    """What is left of ``text`` once the form's printed words are taken away, piece by piece.

    ``leading`` are printed at the start (a label: its first occurrence is
    taken); ``printed`` anywhere (notes, units, hints: the last occurrence, so
    that a unit typed with the number is not mistaken for the printed one).
    Each piece is the original text between printed words, stripped; pieces
    of nothing but punctuation are dropped.
    """
    if is_filler(text):  # no piece of it would be kept (an empty cell, the usual case)
        return []
    spans = Spans(text)
    taken = bytearray(len(spans.normal))  # 1 where a printed word was taken
    for word in leading:
        _take(spans.normal, taken, norm(word), last=False)
    for word in sorted({norm(w) for w in printed}, key=len, reverse=True):
        _take(spans.normal, taken, word, last=True)
    pieces: list[str] = []
    for run in _UNTAKEN.finditer(taken):
        piece = spans.original(run.start(), run.end())
        if not is_filler(piece):
            pieces.append(piece)
    return pieces


def _take(normal: str, taken: bytearray, needle: str, *, last: bool) -> None:
    """Mark one occurrence of ``needle`` not yet taken (the first, or the last)."""
    if not needle:
        return
    starts = find_all(normal, needle)
    size = len(needle)
    for start in reversed(starts) if last else starts:
        if taken.find(1, start, start + size) < 0:
            taken[start : start + size] = b"\x01" * size
            return


def printed_only(text: str, printed: Iterable[str]) -> bool:
    """Whether ``text`` is nothing but ``printed`` words (and punctuation)."""
    return not typed_pieces(text, printed=printed)
