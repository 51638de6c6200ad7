"""``align_draft(draft, base)``: a draft spec given the ids of the spec it resembles.

Pure: no I/O.  Sections pair by title, items within a pair of sections by
label and position (:mod:`.pairing`, on the diff's normalised labels), then
what is left over across sections by near-identical labels; nested items,
options, columns and target rows pair inside their paired parents
(:mod:`.keys`).  A paired entry takes the base's id, and the base's kind and
values where the draft's were weak guesses (never its labels: those stay the
template's words), and its outline where the two differ only in the numbers
Word draws before the lines.  An entry the base lacks gets ``<section>.new_<n>`` and a
note naming its label; every base entry the draft lacks is noted as dropped.
The base's rules and criteria follow (:mod:`.carry`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from clusterforms.diff.match import children, text_of
from clusterforms.drafts.carry import carry_rules
from clusterforms.drafts.keys import align_targets, rekey
from clusterforms.drafts.model import DraftNote, SpecDraft
from clusterforms.drafts.pairing import OUT_OF_ORDER, WORDLESS, label_score, pair
from clusterforms.model.items import (
    ChecklistItem,
    ChoiceItem,
    CountsItem,
    GroupItem,
    Item,
    NarrativeItem,
    PairItem,
    RosterItem,
    StandardsItem,
    TargetRule,
    TargetsItem,
    YearlyItem,
)
from clusterforms.model.spec import Appendix, Cover, FormSpec, Section
from clusterforms.model.text import outline_key

#: A pairing below this label similarity is noted with its score.
SURE: Final = 0.9
#: A pairing of items of different kinds counts for this share of its label score.
_KIND_PENALTY: Final = 0.9
#: Kinds whose words are the form's, not a question's: two of them in step pair.
_HEADERS: Final = frozenset({"year_header"})
#: Kinds a layout cannot tell apart, so that a weak guess of one gives way to the base's
#: other: one blank (number / count), boxes (choice / checklist), a text cell.  Kinds laid
#: out differently (a row under the years is ``yearly``, not ``count``) keep the draft's.
_EXCHANGEABLE: Final = (
    frozenset({"number", "count"}),
    frozenset({"choice", "checklist"}),
    frozenset({"text", "narrative"}),
)
#: A weak guess of the draft → the attributes the base's item gives instead.
_WEAK: Final = {
    "value": ("value",),
    "unit": ("unit",),
    "bounds": ("minimum", "maximum"),
    "evidence": ("evidence",),
}
#: The key of the form's own weak guesses in :attr:`SpecDraft.weak`.
FORM: Final = "#form"
#: The form's guesses the base knows better when no 制 line names the issuer: who issued
#: it, for where.  (A region read from a 制 line stands; the years are this form's own.)
_ISSUER: Final = "issuer"
_FORM_FROM_BASE: Final = frozenset({_ISSUER, "region"})
#: What no template prints, so the base knows better.
_UNPRINTED: Final = ("decimals", "allows_none")
#: What a template prints only sometimes: the base's is taken where the draft has none.
_WHEN_NONE: Final = ("minimum", "maximum")


def _same_outline(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two outlines print the same lines but for their leading numbers."""
    return len(a) == len(b) and all(
        outline_key(x) == outline_key(y) for x, y in zip(a, b, strict=True)
    )


def align_draft(draft: SpecDraft, base: FormSpec) -> SpecDraft:
    """``draft`` with the ids of ``base`` where they pair, and notes on every pairing."""
    return _Aligner(draft, base).run()


def words(item: Item) -> str:
    """What identifies an item: its label, else the words of its parts."""
    own = text_of(item)
    if own:
        return own
    parts = [words(child) for child in children(item)]
    if isinstance(item, RosterItem):
        parts += [column.label for column in item.columns]
    if isinstance(item, ChoiceItem | ChecklistItem):
        parts += [option.label for option in item.options]
    return " ".join(p for p in parts if p)


def _score(a: Item, b: Item) -> float:
    score = label_score(words(a), words(b))
    if a.kind != b.kind:
        return score * _KIND_PENALTY
    return max(score, WORDLESS) if a.kind in _HEADERS else score


def _nested_twin(item: Item, twin: Item) -> Item:
    """The base item to pair with: a group's one child of ``item``'s kind, or ``twin``.

    The base may nest what the template prints flat (a group holding just a checklist).
    """
    if isinstance(twin, GroupItem) and not isinstance(item, GroupItem):
        alike = [child for child in twin.items if child.kind == item.kind]
        if len(alike) == 1:
            return alike[0]
    return twin


def _ids(spec: FormSpec) -> set[str]:
    """Every id the base uses, so that no new id takes one."""
    found = {s.id for s in spec.sections} | {a.id for a in spec.appendices}
    found |= {line.id for line in spec.cover.lines}
    for _, item in spec.walk():
        found.add(item.id)
        if isinstance(item, TargetsItem):
            found |= {d.id for d in item.directions} | {r.id for r in item.rules}
            found |= {row.id for d in item.directions for row in d.rows}
    return found


class _Aligner:
    """One alignment: the renames made, the notes taken, the base entries paired."""

    def __init__(self, draft: SpecDraft, base: FormSpec) -> None:
        self.draft, self.base = draft, base
        self.rename: dict[str, str] = {}
        self.notes: list[DraftNote] = []
        self.paired: set[str] = set()
        self.reserved = _ids(base)
        self.counters: dict[str, int] = {}
        self.lost_targets: list[TargetRule] = []

    def run(self) -> SpecDraft:
        spec = self.draft.spec
        guessed = self.draft.weak.get(FORM, frozenset())
        weak = _FORM_FROM_BASE if _ISSUER in guessed else frozenset()
        aligned = attrs.evolve(
            spec,
            cover=self._cover(spec.cover),
            sections=self._sections(spec.sections),
            appendices=self._appendices(spec.appendices),
            **{name: getattr(self.base, name) for name in sorted(weak)},
        )
        for name in sorted(weak):
            message = f"{name} {getattr(self.base, name)!r} as in {self.base.id} (a guess here)"
            self.notes.append(DraftNote(kind="guess", message=message))
        aligned = attrs.evolve(aligned, sections=tuple(map(self._refs, aligned.sections)))
        aligned, carried = carry_rules(aligned, self.base, self.lost_targets)
        self._dropped()
        notes = [self._renamed_note(n) for n in self.draft.notes] + self.notes + carried
        return attrs.evolve(
            self.draft,
            spec=aligned,
            base=self.base.id,
            notes=tuple(notes),
            places={self._entry(k): v for k, v in self.draft.places.items()},
            weak={self._entry(k): v for k, v in self.draft.weak.items()},
        )

    def _refs(self, section: Section) -> Section:
        """The section with the ids its items name (``counts_toward``) renamed as they were."""
        items = tuple(
            attrs.evolve(item, counts_toward=self._entry(item.counts_toward))
            if isinstance(item, NarrativeItem) and item.counts_toward
            else item
            for item in section.items
        )
        return attrs.evolve(section, items=items)

    def new_id(self, scope: str) -> str:
        while True:
            n = self.counters.get(scope, 0) + 1
            self.counters[scope] = n
            candidate = f"{scope}.new_{n}"
            if candidate not in self.reserved:
                self.reserved.add(candidate)
                return candidate

    def _entry(self, entry: str) -> str:
        if entry in self.rename:
            return self.rename[entry]
        owner, sep, key = entry.partition("#")
        return f"{self.rename.get(owner, owner)}{sep}{key}"

    def _renamed_note(self, note: DraftNote) -> DraftNote:
        return note if note.entry is None else attrs.evolve(note, entry=self._entry(note.entry))

    def _place(self, entry: str) -> str:
        return self.draft.places.get(entry, "")

    def _matched(self, old: str, new: str, score: float, what: str) -> None:
        self.rename[old] = new
        self.paired.add(new)
        if score < SURE:
            message = f"paired with {self.base.id}'s {new} 「{what}」 by label and position"
            self.notes.append(
                DraftNote(
                    kind="match",
                    message=message,
                    entry=new,
                    place=self._place(old),
                    score=round(score, 3),
                )
            )

    def _new(self, old: str, new: str, what: str) -> None:
        self.rename[old] = new
        message = f"not in {self.base.id}: 「{what}」 has a new id; rename it"
        self.notes.append(DraftNote(kind="new", message=message, entry=new, place=self._place(old)))

    # The parts of the form.

    def _cover(self, cover: Cover) -> Cover:
        base = self.base.cover.lines
        found = {
            i: (base[j], s)
            for i, j, s in pair(cover.lines, base, lambda a, b: label_score(a.label, b.label))
        }
        lines = []
        for i, line in enumerate(cover.lines):
            if i in found:
                twin, score = found[i]
                self._matched(line.id, twin.id, score, twin.label)
                lines.append(attrs.evolve(line, id=twin.id))
            else:
                ident = self.new_id("cover")
                self._new(line.id, ident, line.label)
                lines.append(attrs.evolve(line, id=ident))
        return attrs.evolve(cover, lines=tuple(lines))

    def _sections(self, sections: Sequence[Section]) -> tuple[Section, ...]:
        base = self.base.sections
        twins = {
            i: (base[j], s)
            for i, j, s in pair(sections, base, lambda a, b: label_score(a.title, b.title))
        }
        top: dict[tuple[int, int], tuple[Item, float]] = {}
        for i, (twin, _) in twins.items():
            for k, j, s in pair(sections[i].items, twin.items, _score):
                top[i, k] = (twin.items[j], s)
        taken = {item.id for item, _ in top.values()}
        left = [
            (i, k) for i, s in enumerate(sections) for k in range(len(s.items)) if (i, k) not in top
        ]
        right = [item for s in base for item in s.items if item.id not in taken]
        moved = pair([sections[i].items[k] for i, k in left], right, _score, threshold=OUT_OF_ORDER)
        for a, b, s in moved:
            top[left[a]] = (right[b], s)
        out = []
        for i, section in enumerate(sections):
            if i in twins:
                twin, score = twins[i]
                ident = twin.id
                self._matched(section.id, ident, score, twin.title)
            else:
                ident = section.id if section.id not in self.reserved else self.new_id("section")
                self._new(section.id, ident, section.title)
            items = tuple(
                self._item(item, top.get((i, k)), ident) for k, item in enumerate(section.items)
            )
            # The page's orientation is the base's: the reader does not see page setup.
            orientation = twins[i][0].orientation if i in twins else section.orientation
            out.append(attrs.evolve(section, id=ident, items=items, orientation=orientation))
        return tuple(out)

    def _appendices(self, appendices: Sequence[Appendix]) -> tuple[Appendix, ...]:
        base = self.base.appendices
        found = {
            i: (base[j], s)
            for i, j, s in pair(appendices, base, lambda a, b: label_score(a.title, b.title))
        }
        out = []
        for i, appendix in enumerate(appendices):
            if i in found:
                twin, score = found[i]
                self._matched(appendix.id, twin.id, score, twin.title)
                ident = twin.id
            else:
                ident = appendix.id if appendix.id not in self.reserved else self.new_id("appendix")
                self._new(appendix.id, ident, appendix.title)
            table = appendix.table
            theirs = found[i][0].table if i in found else None
            if table is not None and theirs is not None:
                columns = rekey(table.columns, theirs.columns, self._keys(appendix.id, ident))
                table = attrs.evolve(table, columns=columns)
            out.append(attrs.evolve(appendix, id=ident, table=table))
        return tuple(out)

    # Items.

    def _item(self, item: Item, found: tuple[Item, float] | None, scope: str) -> Any:
        if found is None or found[0].id in self.paired:
            return self._fresh(item, scope)
        group, score = found
        twin = _nested_twin(item, group)
        if twin.id in self.paired:
            return self._fresh(item, scope)
        if isinstance(item, GroupItem) and not isinstance(twin, GroupItem):
            alike = [k for k, child in enumerate(item.items) if child.kind == twin.kind]
            if len(alike) == 1:  # the base prints flat what this template groups
                return self._fresh(item, scope, {alike[0]: (twin, score)})
        self._matched(item.id, twin.id, score, words(twin))
        if twin is not group:
            message = (
                f"paired with {twin.id} inside {self.base.id}'s group {group.id}: no group here"
            )
            self.notes.append(DraftNote(kind="match", message=message, entry=twin.id))
        return self._inside(self._adopt(item, twin), twin, scope, item.id)

    def _children(
        self, mine: Sequence[Item], theirs: Sequence[Item], scope: str
    ) -> tuple[Any, ...]:
        found = {i: (theirs[j], s) for i, j, s in pair(mine, theirs, _score)}
        # Inside a paired parent, the one child of a kind left on each side is the same.
        for kind in {child.kind for child in mine}:
            left = [i for i, c in enumerate(mine) if c.kind == kind and i not in found]
            taken = {t.id for t, _ in found.values()}
            right = [c for c in theirs if c.kind == kind and c.id not in taken]
            if len(left) == len(right) == 1:
                found[left[0]] = (right[0], _score(mine[left[0]], right[0]))
        return tuple(self._item(child, found.get(i), scope) for i, child in enumerate(mine))

    def _fresh(
        self, item: Item, scope: str, inner: dict[int, tuple[Item, float]] | None = None
    ) -> Any:
        """``item`` and everything in it under new ids (but the children ``inner`` pairs)."""
        ident = self.new_id(scope)
        self._new(item.id, ident, words(item))
        changes: dict[str, Any] = {"id": ident}
        if isinstance(item, GroupItem):
            changes["items"] = tuple(
                self._item(child, (inner or {}).get(k), scope) for k, child in enumerate(item.items)
            )
        elif isinstance(item, PairItem):
            changes["fields"] = tuple(self._fresh(child, scope) for child in item.fields)
        elif isinstance(item, YearlyItem) and item.summary is not None:
            changes["summary"] = self._fresh(item.summary, scope)
        elif isinstance(item, TargetsItem):
            empty = attrs.evolve(item, directions=(), rules=())
            item, _ = align_targets(
                item, empty, lambda: self.new_id(scope), self.rename.__setitem__
            )
        return attrs.evolve(item, **changes)

    def _adopt(self, item: Item, twin: Item) -> Item:
        """The draft's item with what the base knows better: weak guesses, unprinted details."""
        weak = self.draft.weak.get(item.id, frozenset())
        if item.kind != twin.kind:
            if "kind" not in weak or not any({item.kind, twin.kind} <= k for k in _EXCHANGEABLE):
                return item
            if hasattr(twin, "options") and not hasattr(item, "options"):
                return item
            own = {
                name: getattr(item, name)
                for name in ("label", "options", "notes")
                if hasattr(item, name) and hasattr(twin, name)
            }
            message = f"kind {twin.kind} as in {self.base.id} (the layout suggested {item.kind})"
            self.notes.append(DraftNote(kind="guess", message=message, entry=twin.id))
            return attrs.evolve(twin, **own)
        names = [n for what in sorted(weak) for n in _WEAK.get(what, ())] + list(_UNPRINTED)
        names += [n for n in _WHEN_NONE if getattr(item, n, 0) is None]
        changes = {n: getattr(twin, n) for n in names if hasattr(item, n) and hasattr(twin, n)}
        outline, theirs = getattr(item, "outline", ()), getattr(twin, "outline", ())
        if outline and _same_outline(outline, theirs):
            changes["outline"] = theirs  # the base's numbering, where the seed proves one
        return attrs.evolve(item, **changes) if changes else item

    def _inside(self, item: Item, twin: Item, scope: str, old: str) -> Any:
        """A paired item's parts paired with the base item's, and the base's id."""
        keys = self._keys(old, twin.id)
        if isinstance(item, GroupItem):
            theirs = twin.items if isinstance(twin, GroupItem) else ()
            item = attrs.evolve(item, items=self._children(item.items, theirs, scope))
        elif isinstance(item, PairItem):
            theirs_f = twin.fields if isinstance(twin, PairItem) else ()
            item = attrs.evolve(item, fields=self._children(item.fields, theirs_f, scope))
        elif isinstance(item, YearlyItem) and item.summary is not None:
            summary = twin.summary if isinstance(twin, YearlyItem) else None
            found = (summary, 1.0) if summary is not None else None
            item = attrs.evolve(item, summary=self._item(item.summary, found, scope))
        elif isinstance(item, ChoiceItem | ChecklistItem) and isinstance(
            twin, ChoiceItem | ChecklistItem
        ):
            item = attrs.evolve(item, options=rekey(item.options, twin.options, keys))
        elif isinstance(item, StandardsItem) and isinstance(twin, StandardsItem):
            item = attrs.evolve(
                item,
                categories=rekey(item.categories, twin.categories, keys),
                roles=rekey(item.roles, twin.roles, keys),
            )
        elif isinstance(item, CountsItem) and isinstance(twin, CountsItem):
            item = attrs.evolve(item, parts=rekey(item.parts, twin.parts, keys))
        elif isinstance(item, RosterItem) and isinstance(twin, RosterItem):
            item = attrs.evolve(item, columns=rekey(item.columns, twin.columns, keys))
        elif isinstance(item, TargetsItem) and isinstance(twin, TargetsItem):
            item, lost = align_targets(
                item, twin, lambda: self.new_id(scope), self.rename.__setitem__
            )
            self.lost_targets += lost
        return attrs.evolve(item, id=twin.id)

    def _keys(self, old: str, new: str) -> Callable[[str, str], None]:
        """Records ``old#key`` → ``new#to`` for the notes on an item's options or columns."""

        def rename(key: str, to: str) -> None:
            self.rename[f"{old}#{key}"] = f"{new}#{to}"

        return rename

    def _dropped(self) -> None:
        base = self.base
        entries = [(line.id, line.label) for line in base.cover.lines]
        entries += [(s.id, s.title) for s in base.sections]
        entries += [(item.id, words(item)) for _, item in base.walk()]
        entries += [(a.id, a.title) for a in base.appendices]
        for ident, what in entries:
            if ident not in self.paired:
                message = f"{base.id}'s {ident} 「{what}」 is not in this template"
                self.notes.append(DraftNote(kind="dropped", message=message))
