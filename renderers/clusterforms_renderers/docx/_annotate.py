"""Putting validation findings onto the page of a filled Word form: comments, and a list at the top.

The copy is the document the user gave — ours, the official template filled
by hand, or a .doc/.wps/.odt/.rtf converted by LibreOffice — with three
additions and nothing else changed: a Word comment (author ``clusterforms``,
the Chinese message and the code) anchored on the cell or paragraph of every
finding the form has a place for (:mod:`._comments`); pages before the form
headed 校验结果, listing every finding with its place, those without one too
(:mod:`._problem_page`); and the comments part and its links.  Every other
member of the package is copied byte for byte; the body is the same XML with
the additions.  Annotating an annotated copy replaces the earlier additions
and keeps everyone else's comments.

The places are the reader's (:func:`.reading.locate`): the document is read
once with every guard of :func:`~clusterforms_renderers.wordml.read_docx`,
then its body is walked again by a walker that remembers which ``w:p`` each
paragraph came from, so a finding's cell is found by the same reading that
found its value.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Final

import attrs
from lxml import etree

from clusterforms import Finding, FormSpec, Report, SpecNotFoundError, find_spec
from clusterforms.errors import ReadError
from clusterforms_renderers._package import load_bytes
from clusterforms_renderers.docx._comments import Comments, comments_part, relate, typed
from clusterforms_renderers.docx._problem_page import insert_list, remove_list, severity
from clusterforms_renderers.docx._properties import SPEC_PROPERTY
from clusterforms_renderers.docx.reading import Place, Spot, read_form
from clusterforms_renderers.docx.reading._form import flat
from clusterforms_renderers.docx.reading._text import norm
from clusterforms_renderers.wordml import Paragraph, WordDocument, read_docx
from clusterforms_renderers.wordml._convert import sniff, to_docx
from clusterforms_renderers.wordml._frames import ParagraphFrame
from clusterforms_renderers.wordml._names import W_BODY, W_TC
from clusterforms_renderers.wordml._numbering import Numbering
from clusterforms_renderers.wordml._open import WordPackage
from clusterforms_renderers.wordml._reader import DOCUMENT_LIMIT, NUMBERING_LIMIT
from clusterforms_renderers.wordml._walk import Walker

_CONTENT_TYPES: Final = "[Content_Types].xml"
#: The earliest time a zip member can carry.
_EPOCH: Final = (1980, 1, 1, 0, 0, 0)


def annotate_document(
    source: str | Path | bytes, report: Report, *, name: str | None = None
) -> bytes:
    """The annotated copy's bytes (a .docx); ``name`` names the file in messages.

    Raises:
        ReadError: what reading the document refuses; a report for another spec
            than the document's, or for a spec that is not known by its id.

    """
    data, label = load_bytes(source, name, "Word document")
    docx = _as_docx(data, label)
    word = read_docx(docx, label)
    spec = _spec(word, report, label)
    package = WordPackage(docx, label)
    root = package.parse(package.main, DOCUMENT_LIMIT)
    body = root.find(W_BODY)
    if body is None:  # read_docx has refused such a document already
        msg = f"{package.main} has no document body"
        raise package.package.error(msg)
    comments = _comments(package, root)
    comments.clear()
    remove_list(body)
    walker = _Tracing(package)
    word = attrs.evolve(word, body=walker.blocks(body))
    index = _Index(read_form(word, spec).spots, _rosters(spec))
    labels = _option_labels(spec)
    rows: list[tuple[Finding, Place | None]] = []
    for finding in report.findings:
        place, paragraphs = None, []
        option = labels.get((finding.field or "", finding.option or ""))
        for spot in index.spots(finding):
            paragraphs = walker.paragraphs(word, spot.place, option)
            if paragraphs:
                place = spot.place
                break
        if paragraphs:
            comments.add(paragraphs, [f"【{severity(finding)} {finding.code}】{finding.message}"])
        rows.append((finding, place))
    insert_list(body, rows)
    return _package(package, root, comments)


def _as_docx(data: bytes, label: str) -> bytes:
    """``data`` as .docx bytes: itself, or converted by LibreOffice as reading does."""
    kind = sniff(data, label)
    if kind == "docx":
        return data
    return to_docx(data, label, kind, "annotating")


def _spec(word: WordDocument, report: Report, label: str) -> FormSpec:
    said = word.properties.get(SPEC_PROPERTY)
    if said is not None and said != report.spec:
        msg = f"{label}: the report is for spec {report.spec!r}, the document for {said[:60]!r}"
        raise ReadError(msg)
    try:
        return find_spec(report.spec)
    except SpecNotFoundError as exc:
        msg = f"{label}: {exc}"
        raise ReadError(msg) from None


class _Tracing(Walker):
    """The reader's walker, remembering the ``w:p`` element of every paragraph it makes."""

    def __init__(self, package: WordPackage) -> None:
        @cache
        def numbering() -> Numbering | None:
            parts = package.related(package.main, "numbering")
            return Numbering.from_xml(package.parse(parts[0], NUMBERING_LIMIT)) if parts else None

        super().__init__(package.main, package.package.error, numbering, {})
        self.elements: dict[int, tuple[Paragraph, etree._Element]] = {}

    def _paragraph(self, frame: ParagraphFrame) -> Paragraph:
        paragraph = super()._paragraph(frame)
        self.elements[id(paragraph)] = (paragraph, frame.element)
        return paragraph

    def element(self, paragraph: Paragraph) -> etree._Element | None:
        """The ``w:p`` ``paragraph`` was read from (None for one this walker did not make)."""
        found = self.elements.get(id(paragraph))
        return found[1] if found is not None and found[0] is paragraph else None

    def paragraphs(
        self, word: WordDocument, place: Place, label: str | None = None
    ) -> list[etree._Element]:
        """The ``w:p`` elements of ``place``: its paragraph, or a cell's paragraphs in order.

        For a whole cell, ``label`` (an option's) narrows them to the first
        paragraph that prints it: the option's own line of a list of boxes.
        """
        if place.table is None:
            block = word.body[place.paragraph] if place.paragraph is not None else None
            found = self.element(block) if isinstance(block, Paragraph) else None
            return [found] if found is not None else []
        if place.row is None or place.column is None:
            return []
        cell = place.table.table.cell(place.row, place.column)
        chosen = cell.paragraphs if cell is not None else ()
        if place.paragraph is not None:
            chosen = chosen[place.paragraph : place.paragraph + 1]
        elif label:
            key = norm(label)
            chosen = next(((p,) for p in chosen if key in norm(p.text)), chosen)
        elements = [e for e in map(self.element, chosen) if e is not None]
        if not elements:
            return []
        # A merged cell's paragraphs may come from the cells it covers: stay in the first.
        first = _cell_of(elements[0])
        return [e for e in elements if _cell_of(e) is first]


def _cell_of(element: etree._Element) -> etree._Element | None:
    return next(element.iterancestors(W_TC), None)


class _Index:
    """The reader's spots by field id (and by target-table row id), to find a finding's place."""

    def __init__(self, spots: Iterable[Spot], rosters: frozenset[str]) -> None:
        self.rosters = rosters
        self.by_field: dict[str, list[Spot]] = {}
        for spot in spots:
            self.by_field.setdefault(spot.field, []).append(spot)
            steps = (spot.key or "").split("/")
            if len(steps) == 3 and steps[0] == "rows":
                self.by_field.setdefault(steps[1], []).append(spot)

    def spots(self, finding: Finding) -> list[Spot]:
        """The places ``finding`` may be about, likeliest first (none when the form has none)."""
        field = finding.field or ""
        spots = self.by_field.get(field, [])
        wanted = [str(finding.year)] if finding.year is not None else []
        if finding.option is not None:
            wanted.append(
                self._roster_key(finding.option) if field in self.rosters else finding.option
            )
        for step in wanted:
            spots = [s for s in spots if _fits(s.key or "", step)] or spots
        if not wanted:
            spots = [s for s in spots if s.key is None] or spots
        return spots

    @staticmethod
    def _roster_key(option: str) -> str:
        """A roster finding's ``<row>/<column>`` counts rows from 1, the reader's spots from 0."""
        head, slash, rest = option.partition("/")
        return f"{int(head) - 1}{slash}{rest}" if head.isdigit() and int(head) > 0 else option


def _fits(key: str, wanted: str) -> bool:
    """Whether a spot's ``key`` is ``wanted`` (a year, an option, a part), or within it."""
    return key == wanted or key.startswith(wanted + "/") or wanted in key.split("/")


def _rosters(spec: FormSpec) -> frozenset[str]:
    return frozenset(
        item.id
        for section in spec.sections
        for item in flat(section.items)
        if item.kind == "roster"
    )


def _option_labels(spec: FormSpec) -> dict[tuple[str, str], str]:
    """Each option's label by (field id, option id)."""
    return {
        (item.id, option.id): option.label
        for section in spec.sections
        for item in flat(section.items)
        for option in getattr(item, "options", ())
    }


def _comments(package: WordPackage, document: etree._Element) -> Comments:
    parts = package.related(package.main, "comments")
    if parts:
        return Comments(parts[0], package.parse(parts[0], DOCUMENT_LIMIT), document)
    return Comments(comments_part(package.main, list(package.package.members)), None, document)


def _package(package: WordPackage, document: etree._Element, comments: Comments) -> bytes:
    """The package with the new body and comments; every other member as it was."""
    source = package.package
    replaced: dict[str, bytes] = {
        package.main: etree.tostring(
            document, xml_declaration=True, encoding="UTF-8", standalone=True
        ),
        comments.part: comments.xml(),
    }
    if comments.new:
        rels = _rels_of(package.main)
        old = package.parse(rels, DOCUMENT_LIMIT) if source.has(rels) else None
        replaced[rels] = relate(old, package.main, comments.part)
        replaced[_CONTENT_TYPES] = typed(
            package.parse(_CONTENT_TYPES, DOCUMENT_LIMIT), comments.part
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.zip.infolist():
            data = replaced.pop(info.filename, None)
            if data is None:
                data = source.read(info.filename)
            kept = copy.copy(info)  # writestr changes the ZipInfo it is given
            kept.date_time = max(kept.date_time, _EPOCH)  # some writers put earlier times
            out.writestr(kept, data)
        for name, data in replaced.items():
            out.writestr(zipfile.ZipInfo(name, _EPOCH), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _rels_of(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
