"""Pairing two lists of entries by label and position: the draft's and the base spec's.

A template keeps its base's order almost everywhere, so the pairing first
finds the order-keeping one-to-one pairing with the greatest total label
similarity (the diff's normalised labels, :mod:`clusterforms.diff.text`);
two rows printed alike (是否高于行业平均水平, twice) then pair by position.
What is left over on both sides may still pair out of order when the labels
are near-identical (an item moved within its part).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

from clusterforms.diff.text import normalise_label, ratio

T = TypeVar("T")
U = TypeVar("U")

#: The similarity an order-keeping pair must reach.
IN_ORDER: Final = 0.5
#: The similarity an out-of-order pair must reach.
OUT_OF_ORDER: Final = 0.85
#: The score of two entries without words whose kinds agree (a 联系人/联系方式 pair).
WORDLESS: Final = 0.6
#: Words that make another question of a label (属于 / 不属于, 增长率 / 累计增长率): a
#: label with one that the other lacks scores at most half.
QUALIFIERS: Final = ("不", "未", "非", "累计", "年均", "平均", "人均")


#: How much of a normalised label is compared: every label of the official forms is
#: shorter; a template's text is untrusted, and comparing is quadratic in its length.
MAX_COMPARED: Final = 160


def label_score(a: str, b: str) -> float:
    """How alike two labels are, 0–1, after the diff's normalisation.

    A label's first line counts as much as the whole (a note under it is
    often added or dropped), and a qualifier in one label only halves the score.
    """
    left, right = _normal(a), _normal(b)
    if not left or not right:
        return WORDLESS if left == right else 0.0
    score = _ratio(left, right)
    heads = _normal(_first_line(a)), _normal(_first_line(b))
    if all(heads) and heads != (left, right):
        score = max(score, _ratio(*heads))
    if any((word in left) != (word in right) for word in QUALIFIERS):
        score /= 2
    return score


@functools.lru_cache(maxsize=4096)
def _normal(text: str) -> str:
    return normalise_label(text)[:MAX_COMPARED]


def _ratio(a: str, b: str) -> float:
    """The similarity ratio, skipped (0) where the lengths alone keep it below any threshold."""
    if 2 * min(len(a), len(b)) < IN_ORDER * (len(a) + len(b)):
        return 0.0
    return ratio(a, b)


def _first_line(text: str) -> str:
    return text.split("\n", maxsplit=1)[0]


def pair(
    left: Sequence[T],
    right: Sequence[U],
    score: Callable[[T, U], float],
    *,
    threshold: float = IN_ORDER,
) -> list[tuple[int, int, float]]:
    """Index pairs ``(i, j, score)`` of ``left`` and ``right``, sorted by ``i``."""
    n, m = len(left), len(right)
    scores = [[score(a, b) for b in right] for a in left]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = scores[i][j]
            take = best[i + 1][j + 1] + s if s >= threshold else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[int, int, float]] = []
    i = j = 0
    while i < n and j < m:
        s = scores[i][j]
        if s >= threshold and best[i][j] == best[i + 1][j + 1] + s:
            pairs.append((i, j, s))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    used_left = {p[0] for p in pairs}
    used_right = {p[1] for p in pairs}
    late = sorted(
        (
            (scores[a][b], a, b)
            for a in range(n)
            if a not in used_left
            for b in range(m)
            if b not in used_right and scores[a][b] >= OUT_OF_ORDER
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    for s, a, b in late:
        if a not in used_left and b not in used_right:
            used_left.add(a)
            used_right.add(b)
            pairs.append((a, b, s))
    return sorted(pairs)
