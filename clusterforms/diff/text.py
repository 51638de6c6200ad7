"""Text helpers for diffs: character-level diffs, label similarity, year shifts.

Chinese has no word boundaries, so changes inside a label are shown per
character (``difflib`` opcodes).  Label similarity ignores what varies
between forms without changing the question: whitespace, punctuation
(full- and half-width) and a bracketed unit such as （%） or （亿元）.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from difflib import SequenceMatcher

from clusterforms.diff.model import Segment

_UNIT_IN_BRACKETS = re.compile(r"[（(][^（）()]{0,8}?[%％元个吨亩人家项次][^（）()]{0,8}?[）)]")
#: Shared runs this short between two changes are folded into them.
_SHORT_RUN = 2
_FOLD_WINDOW = 3
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def char_segments(old: str, new: str) -> tuple[Segment, ...]:
    """The character-level diff of two texts as runs of equal / deleted / inserted text.

    Runs of one or two shared characters between two replacements are folded
    into one change (national-2023 → guangxi-2025 reads
    ``[-national-]{+guangxi+}-202…``, not as confetti of single shared
    letters); between two pure insertions they stay, being plainly kept.
    """
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    segments = [
        Segment(op=tag, old=old[i1:i2], new=new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    return tuple(_fold_short_equal_runs(segments))


def _fold_short_equal_runs(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        out.append(seg)
        while (
            len(out) >= _FOLD_WINDOW
            and out[-1].op != "equal"
            and out[-2].op == "equal"
            and len(out[-2].old) <= _SHORT_RUN
            and out[-3].op != "equal"
            and not (out[-3].op == out[-1].op and out[-1].op in {"insert", "delete"})
        ):
            first, shared, last = out[-3], out[-2], out[-1]
            merged = Segment(
                op="replace",
                old=first.old + shared.old + last.old,
                new=first.new + shared.new + last.new,
            )
            out[-3:] = [merged]
    return out


def normalise_label(text: str) -> str:
    """A label reduced to what identifies the question: no units, spaces or punctuation."""
    text = _UNIT_IN_BRACKETS.sub("", unicodedata.normalize("NFKC", text))
    text = re.sub(r"^[一二三四五六七八九十]+、|^\d+[.、]", "", text.strip())
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in {"P", "S", "Z", "C"})


def similarity(old: str, new: str) -> float:
    """How alike two labels are after :func:`normalise_label`, from 0 to 1."""
    return ratio(normalise_label(old), normalise_label(new))


def ratio(a: str, b: str) -> float:
    """Difflib's similarity ratio of two already normalised texts (1.0 for two empty ones)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def shift_years(text: str, delta: int, years: Collection[int]) -> str:
    """``text`` with each of ``years`` (the form's own years) moved by ``delta``.

    Other years (a regulation's 〔2015〕) stay as they are.
    """

    def move(found: re.Match[str]) -> str:
        year = int(found.group(1))
        return str(year + delta) if year in years else found.group(1)

    return _YEAR.sub(move, text)


def only_years_moved(old: str, new: str, delta: int | None, years: Collection[int]) -> bool:
    """True when ``new`` is ``old`` with the form's years moved by its year shift."""
    return bool(delta) and old != new and shift_years(old, delta or 0, years) == new
