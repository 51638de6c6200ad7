"""Pairing the items and sections of two specs: by stable id, then by label.

The shipped specs share an id catalogue, so ids decide.  A spec written
without aligned ids would otherwise diff as "everything removed, everything
added"; for that case a fallback pairs the leftovers whose normalised labels
are at least ``threshold`` alike.  The fallback only runs when it is asked
for or when the ids clearly do not line up (fewer than half of the smaller
spec's ids are shared): in aligned specs an unmatched id is a different
question on purpose (``basic.not_restricted`` vs ``basic.restricted``), and
pairing it by its near-identical label would be wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import attrs

from clusterforms.diff.text import normalise_label, ratio
from clusterforms.model.items import GroupItem, Item, PairItem, StaticItem, YearlyItem
from clusterforms.model.spec import FormSpec, Section

#: Share of the smaller spec's ids that must be shared for ids to count as aligned.
ALIGNED_SHARE = 0.5
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Place:
    """Where an item sits: its section, the item that contains it (if any), its position."""

    item: Item
    section: str
    parent: str | None
    index: int


@attrs.frozen(kw_only=True)
class Pair:
    """An old and a new item taken to be the same question; ``score`` if paired by label."""

    old: Place
    new: Place
    score: float | None = None


@attrs.frozen(kw_only=True)
class Matching:
    """The outcome of pairing two specs' sections and items."""

    sections: dict[str, str]  # new section id -> old section id
    section_scores: dict[str, float]  # new section id -> score, for label-paired sections
    pairs: tuple[Pair, ...]  # in the new spec's order
    added: tuple[Place, ...]
    removed: tuple[Place, ...]
    label_matching: bool

    def old_to_new(self) -> dict[str, str]:
        """Old item id -> new item id for every pair."""
        return {p.old.item.id: p.new.item.id for p in self.pairs}


def children(item: Item) -> tuple[Item, ...]:
    """The items ``item`` contains directly (group rows, pair cells, a yearly summary)."""
    if isinstance(item, GroupItem):
        return item.items
    if isinstance(item, PairItem):
        return item.fields
    if isinstance(item, YearlyItem) and item.summary is not None:
        return (item.summary,)
    return ()


def locate(spec: FormSpec) -> dict[str, Place]:
    """Every item of ``spec`` by id, with its place, in form order."""
    places: dict[str, Place] = {}

    def visit(item: Item, section: Section, parent: str | None, index: int) -> Iterator[Place]:
        yield Place(item=item, section=section.id, parent=parent, index=index)
        for k, child in enumerate(children(item)):
            yield from visit(child, section, item.id, k)

    for section in spec.sections:
        for index, item in enumerate(section.items):
            for place in visit(item, section, None, index):
                places[place.item.id] = place
    return places


def text_of(item: Item) -> str:
    """The words that identify an item: label, title, indicator or printed lines."""
    if isinstance(item, StaticItem):
        return "\n".join(item.lines)
    for name in ("label", "title"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return ""


def ids_aligned(old_ids: set[str], new_ids: set[str]) -> bool:
    """True when the two specs share enough ids to be matched by id alone."""
    smaller = min(len(old_ids), len(new_ids))
    return smaller == 0 or len(old_ids & new_ids) >= ALIGNED_SHARE * smaller


def match(
    old: FormSpec, new: FormSpec, *, match_labels: bool | None = None, threshold: float = 0.8
) -> Matching:
    """Pair the sections and items of ``old`` and ``new``.

    ``match_labels`` forces the label fallback on (True) or off (False);
    ``None`` turns it on only when the ids do not line up.
    """
    old_places, new_places = locate(old), locate(new)
    if match_labels is None:
        match_labels = not ids_aligned(set(old_places), set(new_places))
    old_sections = {s.id: s for s in old.sections}
    sections = {s.id: s.id for s in new.sections if s.id in old_sections}
    scores: dict[str, float] = {}
    by_id = {i: (old_places[i], place) for i, place in new_places.items() if i in old_places}
    by_label: dict[str, tuple[Place, float]] = {}
    if match_labels:
        left = [s for s in old.sections if s.id not in sections.values()]
        right = [s for s in new.sections if s.id not in sections]
        for o, n, score in _greedy(left, right, lambda s: s.title, threshold):
            sections[n.id] = o.id
            scores[n.id] = score
        left_items = [p for i, p in old_places.items() if i not in new_places]
        right_items = [p for i, p in new_places.items() if i not in old_places]
        for o_place, n_place, score in _greedy(
            left_items, right_items, lambda p: text_of(p.item), threshold
        ):
            by_label[n_place.item.id] = (o_place, score)
    pairs: list[Pair] = []
    added: list[Place] = []
    for item_id, place in new_places.items():
        if item_id in by_id:
            pairs.append(Pair(old=by_id[item_id][0], new=place))
        elif item_id in by_label:
            o_place, score = by_label[item_id]
            pairs.append(Pair(old=o_place, new=place, score=round(score, 3)))
        else:
            added.append(place)
    paired_old = {p.old.item.id for p in pairs}
    removed = tuple(p for i, p in old_places.items() if i not in paired_old)
    return Matching(
        sections=sections,
        section_scores=scores,
        pairs=tuple(pairs),
        added=tuple(added),
        removed=removed,
        label_matching=match_labels,
    )


def _greedy(
    left: list[T], right: list[T], text: Callable[[T], str], threshold: float
) -> list[tuple[T, T, float]]:
    """Best-first one-to-one pairs of ``left`` and ``right`` scoring at least ``threshold``."""
    candidates: list[tuple[float, int, int]] = []
    norm_left = [normalise_label(text(x)) for x in left]
    norm_right = [normalise_label(text(y)) for y in right]
    for i, a in enumerate(norm_left):
        if not a:
            continue
        for j, b in enumerate(norm_right):
            if b and _bound(a, b) >= threshold:
                score = ratio(a, b)
                if score >= threshold:
                    candidates.append((score, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    result: list[tuple[T, T, float]] = []
    for score, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            result.append((left[i], right[j], score))
    return result


def _bound(a: str, b: str) -> float:
    """An upper bound of the similarity ratio, cheap enough to skip hopeless pairs."""
    return 2 * min(len(a), len(b)) / (len(a) + len(b))
