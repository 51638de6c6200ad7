"""What every part of the import shares: provisional ids, places and the notes taken.

Ids made here are provisional (``<section>.new_<n>``, options ``new_<n>``):
an alignment with a base spec replaces those of the entries it pairs.
Options that say 是 / 否 / 不适用 get ``yes`` / ``no`` / ``na`` at once, the
catalogue's names for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from clusterforms import DraftNote, DraftNoteKind

_COMMON_OPTIONS: Final = {"是": "yes", "否": "no"}
_NOT_APPLICABLE = re.compile(r"不适用|不涉及$")


@attrs.define
class Log:
    """The notes of an import, where each entry stands, and what was read from weak evidence."""

    notes: list[DraftNote] = attrs.field(factory=list)
    places: dict[str, str] = attrs.field(factory=dict)
    weak: dict[str, set[str]] = attrs.field(factory=dict)

    def note(
        self,
        kind: DraftNoteKind,
        message: str,
        *,
        entry: str | None = None,
        place: str = "",
        text: str = "",
    ) -> None:
        """Record a note."""
        self.notes.append(
            DraftNote(kind=kind, message=message, entry=entry, place=place, text=text)
        )

    def guess(self, entry: str, what: str, message: str, place: str = "") -> None:
        """Record that ``what`` of ``entry`` (``kind``, ``value``, ``bounds``…) is a guess."""
        self.weak.setdefault(entry, set()).add(what)
        self.note("guess", message, entry=entry, place=place or self.places.get(entry, ""))

    def unplaced(
        self, place: str, text: str, message: str = "text the importer could not place"
    ) -> None:
        """Record document text that belongs to no entry of the draft."""
        self.note("unplaced", message, place=place, text=text)

    def at(self, entry: str, place: str) -> None:
        """Record where ``entry`` stands in the document."""
        self.places.setdefault(entry, place)


@attrs.define
class Ids:
    """Provisional ids: ``<section>.new_<n>`` for entries, ``new_<n>`` for options."""

    used: set[str] = attrs.field(factory=set)
    counters: dict[str, int] = attrs.field(factory=dict)

    def new(self, scope: str) -> str:
        """A fresh id in ``scope`` (a section id): ``basic.new_3``."""
        while True:
            n = self.counters.get(scope, 0) + 1
            self.counters[scope] = n
            candidate = f"{scope}.new_{n}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate


def option_ids(labels: Iterable[str]) -> list[str]:
    """Ids for the options of one item, in order: 是 → yes, 否 → no, …不适用 → na, else new_<n>."""
    out: list[str] = []
    n = 0
    for label in labels:
        bare = label.split("（")[0].strip()
        known = _COMMON_OPTIONS.get(bare)
        if known is None and _NOT_APPLICABLE.search(bare):
            known = "na"
        if known is None or known in out:
            n += 1
            known = f"new_{n}"
            while known in out:
                n += 1
                known = f"new_{n}"
        out.append(known)
    return out


@attrs.define
class Ctx:
    """Where the reading is: the section, the table, the years seen, and the shared log."""

    log: Log
    ids: Ids
    section: str = "form"
    title: str = ""
    table: int = 0
    years: tuple[int, ...] = ()

    def place(self, row: int | None = None) -> str:
        """A place a person finds: ``二、主导产业情况 · 表1 · 第3行``."""
        parts = [self.title or self.section]
        if row is not None:
            parts.append(f"第{row + 1}行")
        return " · ".join(parts)

    def new_id(self, row: int | None = None) -> str:
        """A fresh provisional id in this section, placed at ``row``."""
        entry = self.ids.new(self.section)
        self.log.at(entry, self.place(row))
        return entry
