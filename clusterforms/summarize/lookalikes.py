"""Look-alike applications in one batch: copies a reviewer must look at.

Two applications look alike when they share a cluster name or an operator,
a long identical passage of narrative (200 characters by default), or
identical yearly figures in several rows.  Fast on a thousand applications:
texts are never compared pair by pair.  Every 50-character window of each
narrative (whitespace removed) is hashed (CRC-32, so that every run gives the
same answer), one window in four (by its hash) is indexed, and only pairs that
share an indexed window are confirmed, by growing the shared run character by
character.  Evidence shared by more than ``common`` applications (a
template's or the notice's wording) pairs none, and does not count towards the
length of a passage that runs through it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from itertools import combinations
from typing import Final, Literal
from zlib import crc32

import attrs

from clusterforms.application.values import Application, ByYear

WINDOW: Final = 50
_SAMPLE: Final = 4
_SHOWN: Final = 30

MatchKind = Literal["cluster_name", "operator", "passage", "yearly_rows"]


@attrs.frozen
class Fingerprint:
    """What look-alikes are judged on, kept instead of the whole application."""

    source: str
    cluster_name: str
    operator: str
    #: (field id, text without whitespace) of each narrative long enough to hold a copy.
    texts: tuple[tuple[str, str], ...]
    #: (field id, (year, figure) …) of each yearly row of figures.
    rows: tuple[tuple[str, tuple[tuple[int, str], ...]], ...]


def _flat(text: object) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()) if isinstance(text, str) else ""


def fingerprint(source: str, application: Application, *, min_run: int = 200) -> Fingerprint:
    """The names, narratives of ``min_run`` characters or more, and yearly figures."""
    text = application.text
    name = text("cover.cluster_name") or text("basic.cluster_name")
    operator = text("basic.operator") or text("cover.operator")
    texts = []
    rows = []
    for field, value in application.values.items():
        if isinstance(value, str):
            flat = _flat(value)
            if len(flat) >= min_run:
                texts.append((field, flat))
        elif isinstance(value, ByYear):
            cells = sorted(value.cells.items())
            figures = len(cells) >= 2 and all(isinstance(v, Decimal) for _, v in cells)
            if figures and any(v != 0 for _, v in cells):
                rows.append((field, tuple((year, str(v)) for year, v in cells)))
    return Fingerprint(
        source=source,
        cluster_name=_flat(name or application.meta.get("cluster_name")),
        operator=_flat(operator),
        texts=tuple(texts),
        rows=tuple(rows),
    )


@attrs.frozen(kw_only=True)
class Resemblance:
    """One part two applications share: the fields in each, what is shared, how much.

    ``size`` is the passage's length in characters, or the number of identical rows.
    """

    kind: MatchKind
    fields: tuple[str, str]
    shared: str
    size: int


@attrs.frozen(kw_only=True)
class Lookalike:
    """Two applications of the batch (by source, in batch order) and what they share."""

    first: str
    second: str
    matches: tuple[Resemblance, ...]

    def to_document(self) -> dict[str, object]:
        """The pair as the JSON reports give it: ``first``, ``second`` and its ``matches``."""
        return {
            "first": self.first,
            "second": self.second,
            "matches": [
                {"kind": m.kind, "fields": list(m.fields), "shared": m.shared, "size": m.size}
                for m in self.matches
            ],
        }


def find_lookalikes(
    prints: Iterable[Fingerprint],
    *,
    min_run: int = 200,
    min_rows: int = 3,
    common: int = 20,
) -> list[Lookalike]:
    """Every pair of look-alike applications, in batch order, with what they share."""
    batch = list(prints)
    found: dict[tuple[int, int], list[Resemblance]] = {}
    kind: MatchKind
    for kind in ("cluster_name", "operator"):
        groups: dict[str, list[int]] = {}
        for n, p in enumerate(batch):
            value = getattr(p, kind)
            if value:
                groups.setdefault(value, []).append(n)
        for value, members in groups.items():
            if len(members) > common:  # a placeholder (无, /) rather than a copy
                continue
            for pair in combinations(members, 2):
                found.setdefault(pair, []).append(
                    Resemblance(kind=kind, fields=(kind, kind), shared=value, size=len(value))
                )
    _passages(batch, found, min_run, common)
    _rows(batch, found, min_rows, common)
    return [
        Lookalike(first=batch[a].source, second=batch[b].source, matches=tuple(matches))
        for (a, b), matches in sorted(found.items())
    ]


def _rows(
    batch: list[Fingerprint],
    found: dict[tuple[int, int], list[Resemblance]],
    min_rows: int,
    common: int,
) -> None:
    groups: dict[tuple[str, tuple[tuple[int, str], ...]], list[int]] = {}
    for n, p in enumerate(batch):
        for row in p.rows:
            groups.setdefault(row, []).append(n)
    shared: dict[tuple[int, int], list[str]] = {}
    for (field, _), members in groups.items():
        if len(members) <= common:
            for pair in combinations(members, 2):
                shared.setdefault(pair, []).append(field)
    for pair, fields in shared.items():
        if len(fields) >= min_rows:
            text = "、".join(fields)
            found.setdefault(pair, []).append(
                Resemblance(kind="yearly_rows", fields=(text, text), shared=text, size=len(fields))
            )


Place = tuple[int, int, int]  # application, text, position of a window
Diagonal = tuple[int, int, int, int, int]  # two applications, their texts, the offset


def _passages(
    batch: list[Fingerprint],
    found: dict[tuple[int, int], list[Resemblance]],
    min_run: int,
    common: int,
) -> None:
    starts, commons = _diagonals(batch, common)
    masks: dict[tuple[int, int], bytearray] = {}
    for (na, nb, ta, tb, _), points in sorted(starts.items()):
        field_a, a = batch[na].texts[ta]
        field_b, b = batch[nb].texts[tb]
        if (na, ta) not in masks:
            masks[na, ta] = _mask(len(a), commons.get((na, ta), ()))
        mask = masks[na, ta]
        reach = -1
        for pa, pb in sorted(points):
            if pa < reach:
                continue  # inside the run already measured
            start, end = _run(a, b, pa, pb)
            reach = end
            # the batch's common wording inside the run does not count
            own = end - start - mask.count(1, start, end)
            if own >= min_run:
                first = mask.find(0, start, end)
                shown = a[first : first + _SHOWN] + "…"
                found.setdefault((na, nb), []).append(
                    Resemblance(kind="passage", fields=(field_a, field_b), shared=shown, size=own)
                )


def _mask(length: int, positions: Iterable[int]) -> bytearray:
    """1 for each character under a window common to the batch."""
    mask = bytearray(length)
    for pos in positions:
        mask[pos : pos + WINDOW] = b"\x01" * WINDOW
    return mask


def _diagonals(
    batch: list[Fingerprint], common: int
) -> tuple[dict[Diagonal, list[tuple[int, int]]], dict[tuple[int, int], list[int]]]:
    """Where two applications share an indexed window, grouped by diagonal.

    And where each text has a window common to more than ``common`` applications.
    """
    starts: dict[Diagonal, list[tuple[int, int]]] = {}
    commons: dict[tuple[int, int], list[int]] = {}
    for places in _index(batch).values():
        if len(places) < 2:
            continue
        if len({n for n, _, _ in places}) > common:
            for n, t, pos in places:
                commons.setdefault((n, t), []).append(pos)
            continue
        # places are in batch order, so the first of a pair is the earlier application
        for (na, ta, pa), (nb, tb, pb) in combinations(places, 2):
            if na != nb:
                starts.setdefault((na, nb, ta, tb, pa - pb), []).append((pa, pb))
    return starts, commons


def _index(batch: list[Fingerprint]) -> dict[int, list[Place]]:
    """The places of each indexed window (one in ``_SAMPLE``, by hash) of every text."""
    index: dict[int, list[Place]] = {}
    for n, p in enumerate(batch):
        for t, (_, text) in enumerate(p.texts):
            seen: set[int] = set()  # a window repeated in one text: its first place grows the run
            # CRC-32 of 4 bytes a character: the same windows are indexed on every run
            data, size = text.encode("utf-32-le"), 4 * WINDOW
            for pos in range(len(text) - WINDOW + 1):
                h = crc32(data[4 * pos : 4 * pos + size])
                if h % _SAMPLE == 0 and h not in seen:
                    seen.add(h)
                    index.setdefault(h, []).append((n, t, pos))
    return index


def _run(a: str, b: str, pa: int, pb: int) -> tuple[int, int]:
    """The longest identical run of ``a`` and ``b`` through ``a[pa]`` = ``b[pb]``, in ``a``."""
    start_a, start_b = pa, pb
    while start_a and start_b and a[start_a - 1] == b[start_b - 1]:
        start_a, start_b = start_a - 1, start_b - 1
    end_a, end_b = pa, pb
    while end_a < len(a) and end_b < len(b) and a[end_a] == b[end_b]:
        end_a, end_b = end_a + 1, end_b + 1
    return start_a, end_a
