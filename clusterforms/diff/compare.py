"""``diff(a, b) -> SpecDiff``: every difference between two form variants.

Pure: no I/O.  Items and sections are paired by id (see :mod:`.match`);
each pair is compared property by property, and what is left over is added
or removed.  Changes are listed under the section they belong to in the new
form (the old one for what was removed), in form order.
"""

from __future__ import annotations

from collections import defaultdict

from clusterforms.diff.attributes import Attribute, compare_attributes
from clusterforms.diff.collect import Collector, moved_ids
from clusterforms.diff.edits import compute_edits
from clusterforms.diff.extras import compare_appendices, compare_criteria, compare_rules
from clusterforms.diff.form import (
    compare_cover,
    compare_instructions,
    compare_metadata,
    own_years,
    year_delta,
    years_change,
)
from clusterforms.diff.items import compare_items, holds_value, needs_value
from clusterforms.diff.match import Matching, Pair, Place, match, text_of
from clusterforms.diff.model import Impact, SectionHeading, SpecDiff, SpecRef
from clusterforms.model.checks import value_field_ids
from clusterforms.model.digest import spec_digest
from clusterforms.model.spec import FormSpec, Section

#: Default similarity a label-matched pair must reach.
THRESHOLD = 0.8
#: What a paired section's own changes are called.
_SECTION = (
    Attribute("title", "section_retitled", "section_retitled"),
    Attribute("new_page", "layout_changed", "section_page_break"),
    Attribute("heading", "text_changed", "section_heading"),
    Attribute("orientation", "layout_changed", "section_orientation"),
)


def diff(
    a: FormSpec, b: FormSpec, *, match_labels: bool | None = None, threshold: float = THRESHOLD
) -> SpecDiff:
    """Everything that changed from ``a`` to ``b``, classed, with what :func:`patch` needs.

    Args:
        a: the old form.
        b: the new form.
        match_labels: pair items whose ids differ by label similarity: ``True``
            always, ``False`` never, ``None`` (default) only when the two specs'
            ids do not line up.
        threshold: the similarity (0–1, difflib ratio of normalised labels) a
            label-matched pair must reach.

    """
    matching = match(a, b, match_labels=match_labels, threshold=threshold)
    c = Collector(year_delta(a, b), own_years(a))
    compare_metadata(c, a, b)
    compare_cover(c, a.cover, b.cover)
    compare_instructions(c, a, b)
    _compare_sections(c, a, b, matching)
    compare_rules(c, a.rules, b.rules, value_field_ids(a))
    compare_criteria(c, a.criteria, b.criteria)
    compare_appendices(c, a.appendices, b.appendices)
    shift = years_change(a, b, c.shifted)
    changes = ([shift] if shift is not None else []) + c.changes
    return SpecDiff(
        old=SpecRef(id=a.id, digest=spec_digest(a)),
        new=SpecRef(id=b.id, digest=spec_digest(b)),
        sections=_headings(a, b, matching),
        changes=tuple(changes),
        edits=compute_edits(a, b),
        label_matching=matching.label_matching,
        threshold=threshold,
    )


def _headings(a: FormSpec, b: FormSpec, matching: Matching) -> tuple[SectionHeading, ...]:
    kept = set(matching.sections.values())
    headings = [
        SectionHeading(
            id=s.id, title=s.title, status="both" if s.id in matching.sections else "added"
        )
        for s in b.sections
    ]
    headings += [
        SectionHeading(id=s.id, title=s.title, status="removed")
        for s in a.sections
        if s.id not in kept
    ]
    return tuple(headings)


def _compare_sections(c: Collector, a: FormSpec, b: FormSpec, matching: Matching) -> None:
    old_sections = {s.id: s for s in a.sections}
    new_of_old = {old: new for new, old in matching.sections.items()}
    moved = set(
        moved_ids(
            [s.id for s in a.sections if s.id in new_of_old],
            [matching.sections[s.id] for s in b.sections if s.id in matching.sections],
        )
    )
    entries = _entries_by_section(matching, b)
    removed_by: dict[str, list[Place]] = defaultdict(list)
    for place in matching.removed:
        removed_by[new_of_old.get(place.section, place.section)].append(place)
    items = _ItemDiffer(c, matching)
    for section in b.sections:
        old_id = matching.sections.get(section.id)
        if old_id is None:
            c.add(
                "section_added",
                "additive",
                section.id,
                section.id,
                "section_added",
                new=section.title,
            )
        else:
            score = matching.section_scores.get(section.id)
            _section_header(c, old_sections[old_id], section, score, moved=old_id in moved)
        for entry in entries.get(section.id, []):
            items.entry(entry)
        for place in removed_by.pop(section.id, []):
            _removed(c, section.id, place)
    for old_id, places in removed_by.items():
        removed_items = any(holds_value(p.item) for p in places)
        c.add(
            "section_removed",
            "breaking" if removed_items else "wording",
            old_id,
            old_id,
            "section_removed",
            old=old_sections[old_id].title,
        )
        for place in places:
            _removed(c, old_id, place)


def _entries_by_section(matching: Matching, b: FormSpec) -> dict[str, list[Pair | Place]]:
    """Pairs and added items per new section, in the new form's order."""
    by_section: dict[str, list[Pair | Place]] = defaultdict(list)
    for pair in matching.pairs:
        by_section[pair.new.section].append(pair)
    for place in matching.added:
        by_section[place.section].append(place)
    position = {item.id: n for n, (_, item) in enumerate(b.walk())}
    for entries in by_section.values():
        entries.sort(key=lambda e: position[(e.new if isinstance(e, Pair) else e).item.id])
    return by_section


def _section_header(
    c: Collector, before: Section, after: Section, score: float | None, *, moved: bool
) -> None:
    """Record what changed about a section itself: pairing, title, page break, place."""
    group = after.id
    if score is not None:
        c.add(
            "section_matched",
            "wording",
            group,
            group,
            "section_matched",
            params={"old": before.id},
            old=before.id,
            new=after.id,
            score=score,
        )
    compare_attributes(c, before, after, _SECTION, group=group, subject=group)
    if moved:
        c.add("section_moved", "wording", group, group, "section_moved")


def _container(place: Place) -> tuple[str, str | None]:
    return place.section, place.parent


def _order_moves(matching: Matching) -> set[str]:
    """New ids of items that changed position among siblings that stayed together."""
    old_to_new = matching.old_to_new()
    groups: dict[tuple[str, str | None], list[Pair]] = defaultdict(list)
    for pair in matching.pairs:
        old_section = matching.sections.get(pair.new.section)
        old_parent = pair.old.parent
        mapped_parent = None if old_parent is None else old_to_new.get(old_parent)
        if old_section == pair.old.section and mapped_parent == pair.new.parent:
            groups[_container(pair.new)].append(pair)
    moved: set[str] = set()
    for pairs in groups.values():
        old_order = [p.new.item.id for p in sorted(pairs, key=lambda p: p.old.index)]
        new_order = [p.new.item.id for p in sorted(pairs, key=lambda p: p.new.index)]
        moved.update(moved_ids(old_order, new_order))
    return moved


class _ItemDiffer:
    """Records the changes of paired and added items, knowing how the whole spec matched."""

    def __init__(self, c: Collector, matching: Matching) -> None:
        self.c = c
        self.matching = matching
        self.old_to_new = matching.old_to_new()
        self.order_moves = _order_moves(matching)

    def entry(self, entry: Pair | Place) -> None:
        """Record one pair's changes, or one added item."""
        if isinstance(entry, Place):
            _added(self.c, entry)
            return
        c, old, new = self.c, entry.old, entry.new
        group, item_id = new.section, new.item.id
        if entry.score is not None:
            c.add(
                "item_matched",
                "wording",
                group,
                item_id,
                "item_matched",
                params={"old": old.item.id},
                old=old.item.id,
                new=item_id,
                score=entry.score,
            )
        old_section = self.matching.sections.get(new.section)
        parent = None if old.parent is None else self.old_to_new.get(old.parent, old.parent)
        if old_section != old.section and (new.parent is None or parent != new.parent):
            c.add(
                "item_moved",
                "wording",
                group,
                item_id,
                "item_moved_section",
                attribute="section",
                old=old.section,
                new=new.section,
            )
        elif parent != new.parent:
            c.add(
                "item_moved",
                "wording",
                group,
                item_id,
                "item_moved_parent",
                attribute="parent",
                old=old.parent,
                new=new.parent,
            )
        elif item_id in self.order_moves:
            c.add(
                "item_moved",
                "wording",
                group,
                item_id,
                "item_moved_position",
                attribute="position",
                old=old.index + 1,
                new=new.index + 1,
            )
        compare_items(c, group, old.item, new.item)


def _added(c: Collector, place: Place) -> None:
    item = place.item
    impact: Impact
    if needs_value(item):
        impact, message = "breaking", "item_added_required"
    elif holds_value(item):
        impact, message = "additive", "item_added_optional"
    else:
        impact, message = "wording", "item_added_layout"
    c.add(
        "item_added",
        impact,
        place.section,
        item.id,
        message,
        params={"kind": item.kind},
        attribute="kind",
        new=f"[{item.kind}] {text_of(item)}".rstrip(),
    )


def _removed(c: Collector, group: str, place: Place) -> None:
    item = place.item
    impact: Impact = "breaking" if holds_value(item) else "wording"
    message = "item_removed" if holds_value(item) else "item_removed_layout"
    c.add(
        "item_removed",
        impact,
        group,
        item.id,
        message,
        params={"kind": item.kind},
        attribute="kind",
        old=f"[{item.kind}] {text_of(item)}".rstrip(),
    )
