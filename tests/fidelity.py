"""Comparing a spec's printed text with the seed document it was written from.

The seeds are plain-text extractions of Word files.  These conversion
artefacts are forgiven, and nothing else:

* whitespace (tabs of table cells, runs of spaces standing for blanks);
* automatic list numbering that came out as ``1. `` (digits, a dot, a space);
* a ``(`` with no ``)`` after it on the line: a lost ``□``;
* ``[bookmark: _GoBack]``, a Word bookmark;
* lines that are only digits: table row numbers and page numbers;
* the few option lines listed in :data:`LOST_BOXES`, whose ``□`` the
  extraction dropped without leaving a ``(``.
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).parent / "seeds"

#: Where the form starts and ends inside each seed (the Sichuan circular's
#: own text before 附件1 is context, not form).
SLICES: dict[str, tuple[str | None, str | None]] = {
    "national-2023": ("附件1", "信息公开选项：主动公开"),
    "jiangsu-2024": (None, None),
    "guangxi-2025": (None, None),
    "shanghai-2023": (None, None),
    "summary-2023": ("附件2", "信息公开选项：主动公开"),
}

#: Specs taken from another spec's seed (the 汇总表 is 附件2 of the national circular).
SEED_OF: dict[str, str] = {"summary-2023": "national-2023"}

#: Option lines whose box was lost entirely (the options around them have theirs).
LOST_BOXES: dict[str, frozenset[str]] = {
    "shanghai-2023": frozenset({"否", "运用了数字化手段提升治理能力"}),
}

_AUTO_NUMBER = re.compile(r"^\s*\d+\.\s+")
_SPACE = re.compile(r"\s+")


def normalize(line: str) -> str:
    """``line`` with the forgiven artefacts removed."""
    line = _AUTO_NUMBER.sub("", line.replace("[bookmark: _GoBack]", ""))
    line = _SPACE.sub("", line)
    chars = list(line)
    for i, ch in enumerate(chars):
        if ch == "(" and ")" not in line[i:]:
            chars[i] = "□"
    return "".join(chars)


def seed_lines(spec_id: str) -> list[str]:
    """The normalised, non-empty lines of the form part of the seed for ``spec_id``."""
    seed = SEED_OF.get(spec_id, spec_id)
    lines = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8").splitlines()
    start, end = SLICES[spec_id]
    if start is not None:
        lines = lines[next(i for i, x in enumerate(lines) if x.strip() == start) :]
    if end is not None:
        lines = lines[: next(i for i, x in enumerate(lines) if x.strip() == end)]
    lost = LOST_BOXES.get(spec_id, frozenset())
    normalized = (normalize(x) for x in lines)
    return ["□" + x if x in lost else x for x in normalized if x and not x.isdigit()]


def missing_in_order(needles: list[str], haystack: str) -> list[str]:
    """The needles not found in ``haystack`` in order, each with a little context."""
    problems = []
    pos = 0
    for needle in needles:
        found = haystack.find(needle, pos)
        if found < 0:
            problems.append(f"{needle!r} not found after …{haystack[max(0, pos - 30) : pos]!r}")
        else:
            pos = found + len(needle)
    return problems
