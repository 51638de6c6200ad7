"""Cover lines with words between their blanks: cutting a value at them, and joining it back.

所属地区：__省（区、市）__市（区）__县（市、区） prints 省, 市 and 县 after the
blanks, so 四川省遂宁市船山区 is written 四川 / 遂宁 / 船山 in them and the 区
of 船山区 is not on the page.  A person reading it back knows it from the
cluster's name (四川省遂宁市船山区电子电路产业); :func:`join_parts` does the
same with the other names the document holds.  The renderer cuts a value only
when joining gives it back, so its own documents read back exactly; the
reader uses the same rule for forms filled by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def blank_words(suffix: str) -> list[str]:
    """The words that may end a blank printed before ``suffix`` (省（区、市）: 省, 区, 市).

    The head word comes first: it is what the form prints.
    """
    head, _, rest = suffix.partition("（")
    if not rest:
        return [suffix]
    words = [head, *rest.rstrip("）").split("、")]
    return [w for i, w in enumerate(words) if w and w not in words[:i]]


def split_at_words(value: str, suffixes: Sequence[str]) -> list[str] | None:
    """``value`` cut at the printed words, one part per blank (四川省成都市郫都区: 四川/成都/郫都).

    A suffix like 省（区、市） ends a blank written with 省, 区 or 市; the part
    keeps nothing of it, since the form prints it after the blank.
    """
    pattern = ""
    for suffix in suffixes:
        words = sorted(blank_words(suffix), key=len, reverse=True)
        pattern += "(.+?)(?:" + "|".join(re.escape(w) for w in words) + ")"
    match = re.fullmatch(pattern, value.strip())
    return list(match.groups()) if match else None


def join_parts(
    parts: Sequence[str], suffixes: Sequence[str], names: Iterable[str]
) -> tuple[str, list[str]]:
    """The value the blanks ``parts`` write, and the parts whose ending word was guessed.

    A part already ending in one of its words (船山区) is kept; otherwise the
    word is the one ``names`` (other text of the document) show after it
    (船山 + 区 in 船山区电子电路产业), else the head word the form prints (县).
    Empty parts are left out.
    """
    known = list(names)
    out: list[str] = []
    guessed: list[str] = []
    for part, suffix in zip(parts, suffixes, strict=False):
        if not part:
            continue
        words = blank_words(suffix)
        if part.endswith(tuple(words)):
            out.append(part)
            continue
        seen = [w for w in words if any(part + w in name for name in known)]
        if len(words) > 1 and len(seen) != 1:
            guessed.append(part)
        out.append(part + (seen[0] if seen else words[0]))
    return "".join(out), guessed
