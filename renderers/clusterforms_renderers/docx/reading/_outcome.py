"""What reading collects: the values as plain data, the notes, the spots, the paragraphs used.

Every reader of an item kind writes here; nothing else does.  A paragraph is
*claimed* once a reader has used it — as printed text of the form or as a
value — so that the last pass (:mod:`._leftovers`) can report every other
paragraph that holds typed text as belonging to no field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from clusterforms import FormSpec, NoteKind, ReadingNote
from clusterforms_renderers.docx.reading._places import Place, Spot
from clusterforms_renderers.wordml import Cell, Paragraph

#: How long a found note's text may be before it is cut (narratives run to pages).
_NOTE_TEXT = 200


class Outcome:
    """The values, notes and spots of one reading, and the paragraphs it used."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        self.values: dict[str, Any] = {}
        self.attachments: list[dict[str, str]] = []
        self.notes: list[ReadingNote] = []
        self.spots: list[Spot] = []
        self.located: set[str] = set()
        self.claimed: set[int] = set()
        self.finishers: list[Callable[[], None]] = []
        #: Run after the finishers: what needs every other value (cover pieces joined).
        self.last: list[Callable[[], None]] = []

    # ------------------------------------------------------------------ paragraphs

    def claim(self, paragraphs: Iterable[Paragraph]) -> None:
        """Mark ``paragraphs`` as read (printed text or a value)."""
        self.claimed.update(map(id, paragraphs))

    def claim_cells(self, cells: Iterable[Cell]) -> None:
        """Mark every paragraph of ``cells`` as read."""
        for cell in cells:
            self.claimed.update(map(id, cell.paragraphs))

    def is_claimed(self, paragraph: Paragraph) -> bool:
        """Whether a reader has used ``paragraph``."""
        return id(paragraph) in self.claimed

    # ------------------------------------------------------------------ values

    def spot(self, field: str, key: str | None, place: Place) -> None:
        """Where the value of ``field`` (``key`` a part of it) is, or would be typed."""
        self.located.add(field)
        self.spots.append(Spot(field, key, place))

    def value(self, field: str, value: Any, place: Place, text: str) -> None:
        """``field`` holds ``value``, read from ``text`` at ``place``."""
        self.values[field] = value
        shown = text if len(text) <= _NOTE_TEXT else text[: _NOTE_TEXT - 1] + "…"
        self.note("found", place, "read", field, shown)

    def note(
        self, kind: NoteKind, place: Place, message: str, field: str | None = None, text: str = ""
    ) -> None:
        """A note on the reading."""
        self.notes.append(
            ReadingNote(kind=kind, place=place.describe(), message=message, field=field, text=text)
        )

    def guess(self, field: str, place: Place, message: str, text: str) -> None:
        """A value read with some doubt: say what was read and from what."""
        self.note("guess", place, message, field, text)

    def unmapped(self, place: Place, text: str, field: str | None = None) -> None:
        """Typed text that belongs to no field."""
        where = f"beside {field}" if field else "in no field of the form"
        self.note("unmapped", place, f"typed text {where}; it was not read", field, text)

    def finish(self) -> None:
        """Run what had to wait for the whole document (plan text gathered over a section)."""
        for finisher in [*self.finishers, *self.last]:
            finisher()
        self.finishers.clear()
        self.last.clear()
