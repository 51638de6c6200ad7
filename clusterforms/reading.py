"""What reading a filled file back gives: the application, its spec, and notes on the reading.

Reading is a capability of renderer plugins (:meth:`clusterforms.Renderer.read`),
so every format a renderer writes can come back the same way.  A reader that
finds fields by a map it wrote itself (the xlsx workbook's hidden sheet) has
nothing to say beyond errors; one that finds fields as a person would (a Word
form filled by hand) says what it found, missed and guessed, each note with
its place in the file, so that nothing typed is lost silently.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from clusterforms.model.spec import FormSpec

#: What a note is about: ``found`` a field's value and where it was;
#: ``not_found`` a field of the form the file does not show; ``guess`` a value read
#: with some doubt (two boxes ticked for one choice, 约150); ``unmapped`` text in the
#: file that belongs to no field; ``notice`` anything else a reviewer should know
#: (tracked changes read as accepted).
NoteKind: TypeAlias = Literal["found", "not_found", "guess", "unmapped", "notice"]


@attrs.frozen(kw_only=True)
class ReadingNote:
    """One thing the reader found out, with its place in the file.

    ``place`` is where a person finds it (``基本情况!C5``, ``一、基本情况 · 表1 · 第3行
    · 第2格``); ``field`` the field id it is about, when there is one; ``text`` the
    text as it stands in the file, when it helps.
    """

    kind: NoteKind
    place: str
    message: str
    field: str | None = None
    text: str = ""


@attrs.frozen(kw_only=True, repr=False)
class Reading:
    """A filled file read back.

    ``document`` is the application as plain data (``docs/data-format.md``, numbers
    as :class:`~decimal.Decimal`), ready for :func:`clusterforms.validate`;
    ``spec`` the spec it fills; ``source`` the file's name as messages give it;
    ``format`` the renderer that read it; ``notes`` what the reader has to say.
    """

    document: dict[str, Any]
    spec: FormSpec
    source: str
    format: str
    notes: tuple[ReadingNote, ...] = ()

    @property
    def problems(self) -> tuple[ReadingNote, ...]:
        """The notes a person should look at: every note but ``found``."""
        return tuple(note for note in self.notes if note.kind != "found")

    def __repr__(self) -> str:
        """Short: the file, the format, the spec and counts (the document may be large)."""
        values = self.document.get("values")
        count = len(values) if isinstance(values, dict) else 0
        return (
            f"<Reading {self.source} ({self.format}, {self.spec.id}): "
            f"{count} values, {len(self.problems)} problems>"
        )
