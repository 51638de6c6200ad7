"""What a diff is made of: typed changes for people, edits for :func:`patch`.

A :class:`SpecDiff` has two layers.  ``changes`` are the human-facing entries
(label changed, option removed, …), each classed by its consequence for data
filled in for the old form; reports render and filter them.  ``edits`` carry
the full new value of every node that changed (an item, a section's title and
item order, the cover, the rules …), which is all :func:`patch` needs to
rebuild the new spec exactly.  Keeping the two apart means the classification
can be refined without ever putting exact patching at risk.

Both layers are plain attrs data; :meth:`SpecDiff.to_json` and
:meth:`SpecDiff.from_json` round-trip them exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TypeAlias

import attrs
from cattrs.errors import BaseValidationError

from clusterforms.diff.messages import Lang, message
from clusterforms.errors import DiffFormatError
from clusterforms.model.converter import get_converter

Impact: TypeAlias = Literal["breaking", "additive", "wording"]
#: The classes, most serious first; reports list them in this order.
IMPACTS: tuple[Impact, ...] = ("breaking", "additive", "wording")

#: The version tag written into every serialised diff.
FORMAT = "clusterforms-diff/1"

#: Change groups that are not sections, in the order reports show them (titles: catalogue).
FORM_GROUPS: tuple[str, ...] = ("#form", "#cover", "#instructions")
TAIL_GROUPS: tuple[str, ...] = ("#rules", "#criteria", "#appendices")


@attrs.frozen(kw_only=True)
class Segment:
    """One run of a character-level diff between an old and a new text.

    ``op`` is ``equal`` (``old == new``), ``delete`` (only ``old``),
    ``insert`` (only ``new``) or ``replace`` (both).
    """

    op: Literal["equal", "delete", "insert", "replace"]
    old: str = ""
    new: str = ""


@attrs.frozen(kw_only=True)
class Change:
    """One difference a reviewer should see, classed by what it does to old data.

    ``group`` is the section id the change is listed under (in the new form,
    or the old one for removals), or one of ``#form``, ``#cover``,
    ``#instructions``, ``#rules``, ``#criteria``, ``#appendices``.
    ``subject`` names what changed (an item id, ``item[option]``,
    ``instructions[3]``, a rule id); ``attribute`` the property of it, where
    one.  ``old`` / ``new`` are the two values as display text, ``segments``
    their character-level diff when both are text.  ``score`` is set when
    the pairing came from the label-similarity fallback, not from ids.
    ``message`` and ``params`` say it again as a code of the report catalogue
    (:mod:`.messages`) and its fields, so a report can speak either language;
    ``summary`` is the English text, kept for the JSON's readers.
    """

    code: str
    impact: Impact
    group: str
    subject: str
    summary: str
    attribute: str | None = None
    old: str | None = None
    new: str | None = None
    segments: tuple[Segment, ...] = ()
    score: float | None = None
    details: tuple[str, ...] = ()
    message: str = ""
    params: dict[str, str] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class Edit:
    """The full old and new value of one node; ``None`` means absent.

    ``node`` is ``spec`` (a top-level field of the spec, ``key`` its name),
    ``sections`` / ``appendices`` (their order, ``key`` empty), ``section``
    (title, page break and top-level item ids), ``item`` (a top-level item)
    or ``appendix``.  Values are plain JSON data as the spec converter writes
    them, so a diff survives JSON unchanged.
    """

    node: Literal["spec", "sections", "section", "item", "appendices", "appendix"]
    key: str
    old: Any = None
    new: Any = None


@attrs.frozen(kw_only=True)
class SpecRef:
    """Which spec a side of the diff is: its id and a digest of its content."""

    id: str
    digest: str


@attrs.frozen(kw_only=True)
class SectionHeading:
    """A section a change can be listed under; ``status`` says on which side it exists."""

    id: str
    title: str
    status: Literal["both", "added", "removed"] = "both"


@attrs.frozen(kw_only=True, repr=False)
class SpecDiff:
    """Every difference between two specs, and what it takes to turn one into the other.

    A diff is a sequence of its :class:`Change` entries: ``len(d)`` is their
    number, iterating gives them in report order, and a diff with none is
    false (``if diff(a, b): …``).  ``label_matching`` records whether the
    label-similarity fallback paired items whose ids do not line up (and with
    which ``threshold``).
    """

    old: SpecRef
    new: SpecRef
    sections: tuple[SectionHeading, ...] = ()
    changes: tuple[Change, ...] = ()
    edits: tuple[Edit, ...] = ()
    label_matching: bool = False
    threshold: float = 0.8

    def __len__(self) -> int:
        """The number of changes."""
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        """The changes, in report order."""
        return iter(self.changes)

    def __bool__(self) -> bool:
        """True when there is a change to show."""
        return bool(self.changes)

    def __repr__(self) -> str:
        """Short: the two specs and the counts (the changes themselves may run to pages)."""
        counts = self.counts()
        return (
            f"<SpecDiff {self.old.id}→{self.new.id}: {counts['total']} changes, "
            f"{counts['breaking']} breaking>"
        )

    @property
    def is_empty(self) -> bool:
        """True when the two specs are the same (no change, nothing to patch)."""
        return not self.changes and not self.edits

    def counts(self) -> dict[str, int]:
        """Changes per impact class, plus ``total``."""
        result: dict[str, int] = dict.fromkeys(IMPACTS, 0)
        for change in self.changes:
            result[change.impact] += 1
        result["total"] = len(self.changes)
        return result

    def only(self, impacts: Iterable[str]) -> SpecDiff:
        """The same diff listing only changes of the given classes (edits are kept)."""
        wanted = set(impacts)
        unknown = wanted - set(IMPACTS)
        if unknown:
            msg = f"unknown change class {min(unknown)!r} (known: {', '.join(IMPACTS)})"
            raise DiffFormatError(msg)
        kept = tuple(c for c in self.changes if c.impact in wanted)
        return attrs.evolve(self, changes=kept)

    def groups(self, lang: Lang = "zh") -> list[tuple[str, str, tuple[Change, ...]]]:
        """``(group id, title, changes)`` in report order, empty groups left out.

        Sections are titled as the form titles them; the other groups in ``lang``.
        """
        titles = {g: message(f"group.{g}", lang) for g in FORM_GROUPS}
        titles.update((s.id, s.title) for s in self.sections)
        titles.update((g, message(f"group.{g}", lang)) for g in TAIL_GROUPS)
        by_group: dict[str, list[Change]] = {}
        for change in self.changes:
            by_group.setdefault(change.group, []).append(change)
        order = [*titles, *(g for g in by_group if g not in titles)]
        return [(g, titles.get(g, g), tuple(by_group[g])) for g in order if g in by_group]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data in the documented layout (docs/diff.md)."""
        body: dict[str, Any] = get_converter().unstructure(self)
        return {"format": FORMAT, "counts": self.counts(), **body}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The diff as JSON text (UTF-8 Chinese kept as is, keys in a stable order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> SpecDiff:
        """Read back :meth:`to_dict` output; raises :class:`DiffFormatError` if it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            msg = f'not a clusterforms diff (expected "format": "{FORMAT}")'
            raise DiffFormatError(msg)
        body = {k: v for k, v in data.items() if k not in {"format", "counts"}}
        try:
            result: SpecDiff = get_converter().structure(body, cls)
        except (BaseValidationError, TypeError, ValueError, KeyError) as exc:
            msg = f"malformed diff: {exc}"
            raise DiffFormatError(msg) from None
        return result

    @classmethod
    def from_json(cls, text: str | bytes) -> SpecDiff:
        """Read back :meth:`to_json` output."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            msg = f"diff is not valid JSON: {exc}"
            raise DiffFormatError(msg) from None
        return cls.from_dict(data)
