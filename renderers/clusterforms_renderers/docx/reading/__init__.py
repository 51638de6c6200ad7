"""Reading a filled Word form back: our own .docx as a person edited it, or a template filled in.

One reader for both.  The spec comes from the document's custom properties
when it has them (our renderer writes them; the id is data, looked up with
:func:`clusterforms.find_spec`), else from the caller; the values are always
found by the visible form — part titles, labels, boxes, the year row — as a
person transcribing it would (:mod:`._form`), never by anything an editor
may drop.  Every field found and not found, every guess and every piece of
typed text that belongs to no field is a note of the :class:`~clusterforms.Reading`.

Modules: :mod:`._units` (the document as units), :mod:`._scan` (finding items
in a part), :mod:`._cells`, :mod:`._choices` / :mod:`._boxes`, :mod:`._years`,
:mod:`._plan`, :mod:`._signoff`, :mod:`._roster`, :mod:`._cover`,
:mod:`._attachments` (one per family of item kinds), :mod:`._leftovers`
(typed text of no field), :mod:`._text` and :mod:`._numbers` (matching text
and reading figures), :mod:`._places` (where things are), :mod:`._outcome`.

For annotating a document, :func:`locate` gives the :class:`Spot` of every
field: the cell or paragraph its value was read from.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Final

import clusterforms
from clusterforms import FormSpec, Reading, ReadingNote, SpecNotFoundError, find_spec, list_specs
from clusterforms.errors import ReadError
from clusterforms_renderers.docx._problem_page import TAG as PROBLEM_LIST
from clusterforms_renderers.docx._properties import DIGEST_PROPERTY, SPEC_PROPERTY
from clusterforms_renderers.docx.reading._form import FormReading, read_form
from clusterforms_renderers.docx.reading._memo import PerSpec
from clusterforms_renderers.docx.reading._places import Place, Spot, TableAt
from clusterforms_renderers.wordml import WordDocument, read_word

#: Content controls that are not the form: the problem list ``validate --annotate`` adds.
NOT_THE_FORM: Final = (PROBLEM_LIST,)

__all__ = ["FormReading", "Place", "Spot", "TableAt", "locate", "read_filled", "read_form"]


def read_filled(
    source: str | Path | bytes, *, spec: FormSpec | None = None, name: str | None = None
) -> Reading:
    """The application a filled Word file holds (.docx; .doc, .wps, .odt, .rtf via LibreOffice).

    Raises:
        ReadError: the file cannot be read safely (see :func:`read_word`), names a
            spec this clusterforms does not know, or names none and ``spec`` is not given.

    """
    word = read_word(source, name, skip_controls=NOT_THE_FORM)
    chosen, notices = _spec_of(word, spec)
    reading = read_form(word, chosen)
    notes = (*notices, *_notices(word, chosen), *reading.notes)
    return Reading(
        document=reading.document, spec=chosen, source=word.name, format="docx", notes=notes
    )


def locate(
    source: str | Path | bytes | WordDocument, spec: FormSpec, name: str | None = None
) -> tuple[Spot, ...]:
    """Where each field's value is in a Word form: one :class:`Spot` per field, year, option, row.

    ``source`` may be a document already read by :func:`read_word`.
    """
    if isinstance(source, WordDocument):
        word = source
    else:
        word = read_word(source, name, skip_controls=NOT_THE_FORM)
    return read_form(word, spec).spots


def _spec_of(word: WordDocument, spec: FormSpec | None) -> tuple[FormSpec, list[ReadingNote]]:
    said = word.properties.get(SPEC_PROPERTY)
    if spec is not None:
        notes = []
        if said is not None and said != spec.id:
            message = (
                f"the document says it was made from {said[:60]!r}; read as {spec.id}, "
                "as asked, by its printed labels"
            )
            notes.append(ReadingNote(kind="notice", place="文档属性", message=message))
        return spec, notes
    if said is None:
        msg = (
            f"{word.name}: the document does not say which form it fills (it was not made "
            "by clusterforms, or its properties were removed); name the spec, e.g. "
            f"--spec national-2023 (known: {', '.join(list_specs())})"
        )
        raise ReadError(msg)
    try:
        return _shipped(said), []
    except SpecNotFoundError as exc:
        msg = f"{word.name}: property {SPEC_PROPERTY}: {exc}"
        raise ReadError(msg) from None


def _notices(word: WordDocument, spec: FormSpec) -> list[ReadingNote]:
    notes = []
    digest = word.properties.get(DIGEST_PROPERTY)
    same = word.properties.get(SPEC_PROPERTY) == spec.id
    if digest is not None and same and digest != _digest(spec):
        message = (
            f"the document was made from another version of {spec.id}; "
            "it was read by its printed labels, and changed items may be reported below"
        )
        notes.append(ReadingNote(kind="notice", place="文档属性", message=message))
    if word.tracked_changes:
        message = "the document has tracked changes: read as printed with every change accepted"
        notes.append(ReadingNote(kind="notice", place="修订", message=message))
    if word.source_format != "docx":
        message = f"a .{word.source_format} file, read after LibreOffice converted it to .docx"
        notes.append(ReadingNote(kind="notice", place="文件", message=message))
    notes += [ReadingNote(kind="notice", place="文件", message=line) for line in word.unread]
    return notes


@functools.lru_cache(maxsize=64)
def _shipped(spec_id: str) -> FormSpec:
    """The known spec ``spec_id``, by id only; cached, since finding one lists the spec folder.

    An id that is not found raises, and is not cached.
    """
    return find_spec(spec_id)


#: The spec's digest costs a tenth of reading a document: worked out once per spec.
_digest = PerSpec(clusterforms.spec_digest)
