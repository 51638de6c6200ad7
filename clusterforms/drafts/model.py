"""A draft spec imported from an official template, and what a reviewer must know about it.

A :class:`SpecDraft` is a complete, loadable :class:`~clusterforms.FormSpec`
plus notes: every guess the importer made (a kind read from weak evidence, a
pairing with the base spec below full certainty), every item new to the base,
every base rule or criterion not carried over, and every piece of document
text the importer could not place.  Nothing in the template is dropped
without a note.  The notes become TOML comments at their entries
(:meth:`SpecDraft.dumps`) and an import report (:meth:`SpecDraft.report_lines`,
:meth:`SpecDraft.to_dict`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

import attrs

from clusterforms.model.dumping import dumps_spec
from clusterforms.model.spec import FormSpec

#: ``guess``: a kind or property read from weak evidence; ``match``: paired with a
#: base entry by label below full certainty (``score`` says how alike);
#: ``new``: no base entry has it, so it has a new id to rename; ``unplaced``: text
#: of the document the importer could not place in the spec; ``dropped``: a base
#: entry, rule or criterion this form does not have; ``notice``: anything else
#: (a template converted by LibreOffice, tracked changes accepted).
DraftNoteKind: TypeAlias = Literal["guess", "match", "new", "unplaced", "dropped", "notice"]
DRAFT_NOTE_KINDS: tuple[DraftNoteKind, ...] = (
    "guess",
    "match",
    "new",
    "unplaced",
    "dropped",
    "notice",
)


@attrs.frozen(kw_only=True)
class DraftNote:
    """One thing a reviewer of the draft should look at.

    ``entry`` is the id in the draft the note is about (an item, section, cover
    line, option as ``item#option``, rule), or None for the document as a whole;
    ``place`` where it stands in the template (``二、主导产业情况 · 第3行``);
    ``text`` the template's own words, when they help; ``score`` the label
    similarity of a pairing (0–1).
    """

    kind: DraftNoteKind
    message: str
    entry: str | None = None
    place: str = ""
    text: str = ""
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The note as plain JSON data."""
        return {
            "kind": self.kind,
            "entry": self.entry,
            "place": self.place,
            "message": self.message,
            "text": self.text,
            "score": self.score,
        }


@attrs.frozen(kw_only=True, repr=False)
class SpecDraft:
    """A spec read from a Word template, with the notes of its import.

    ``spec`` loads and renders like any spec; ``source`` names the template in
    messages; ``format`` is what it was read as (``docx``, or ``doc`` / ``wps``
    converted by LibreOffice); ``base`` the id of the spec it was aligned to
    (``--like``), or None; ``places`` where each entry stands in the template;
    ``weak`` the properties of each entry read from weak evidence (``kind``,
    ``value``, ``bounds`` …), which an alignment may take from the base instead.
    """

    spec: FormSpec
    source: str
    format: str = "docx"
    base: str | None = None
    notes: tuple[DraftNote, ...] = ()
    places: Mapping[str, str] = attrs.field(factory=dict)
    weak: Mapping[str, frozenset[str]] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        """Short: the source, the spec and the count of notes by kind."""
        counts = ", ".join(f"{n} {k}" for k, n in self.counts().items() if n)
        like = f" like {self.base}" if self.base else ""
        return f"<SpecDraft {self.source}{like}: {self.spec!r}; notes: {counts or 'none'}>"

    def counts(self) -> dict[str, int]:
        """How many notes of each kind, in :data:`DRAFT_NOTE_KINDS` order."""
        return {kind: sum(1 for n in self.notes if n.kind == kind) for kind in DRAFT_NOTE_KINDS}

    def comments(self) -> dict[str, list[str]]:
        """The notes as comment lines keyed by entry (``""`` for the file's head)."""
        out: dict[str, list[str]] = {}
        head = [
            f"Draft imported from {self.source} by `clusterforms import`"
            + (f", aligned like {self.base}." if self.base else "."),
            "Review every comment below, rename the new_<n> ids, then delete the comments.",
        ]
        out[""] = head + [_line(n) for n in self.notes if n.entry is None]
        for note in self.notes:
            if note.entry is not None:
                out.setdefault(note.entry, []).append(_line(note))
        return out

    def dumps(self) -> str:
        """The draft as a TOML spec file, its notes as comments at their entries."""
        return dumps_spec(self.spec, self.comments())

    def report_lines(self) -> list[str]:
        """The import report as text: a summary line, then one line per note."""
        counts = ", ".join(f"{n} {k}" for k, n in self.counts().items() if n) or "no notes"
        like = f" like {self.base}" if self.base else ""
        items = sum(1 for _ in self.spec.walk())
        lines = [f"{self.source}: imported{like}: {items} items; {counts}"]
        for note in self.notes:
            where = f" [{note.place}]" if note.place else ""
            entry = f" {note.entry}" if note.entry else ""
            lines.append(f"  {note.kind}{entry}{where}: {note.message}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The import report as plain JSON data."""
        return {
            "source": self.source,
            "format": self.format,
            "base": self.base,
            "spec": self.spec.id,
            "items": sum(1 for _ in self.spec.walk()),
            "counts": self.counts(),
            "notes": [n.to_dict() for n in self.notes],
            "places": dict(self.places),
        }


def _line(note: DraftNote) -> str:
    score = f" (score {note.score:.2f})" if note.score is not None else ""
    return f"{note.kind}: {note.message}{score}"
