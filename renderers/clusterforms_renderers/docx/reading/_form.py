"""Reading a whole form: the cover, each part by its title, the evidence list, what is left.

The parts are found by their titles (一、基本情况 …) among the body's
paragraphs, in order; each part's items are read from the units between its
title and the next part's (:mod:`._scan`).  A title that is not found leaves
its items to be looked for after those of the part before.  Then every
paragraph no reader used and that holds typed text is reported
(:mod:`._leftovers`), and fields whose place was not found are listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

import attrs

from clusterforms import (
    FormSpec,
    GroupItem,
    Item,
    PairItem,
    ReadingNote,
    Section,
    SignoffItem,
    read_application,
)
from clusterforms_renderers.docx._attachments import TITLE as ATTACHMENTS
from clusterforms_renderers.docx.reading._attachments import read_attachments
from clusterforms_renderers.docx.reading._cells import (
    read_counts,
    read_named_count,
    read_number,
    read_pair,
    read_text,
)
from clusterforms_renderers.docx.reading._choices import read_options
from clusterforms_renderers.docx.reading._cover import COVER, read_cover
from clusterforms_renderers.docx.reading._leftovers import report_leftovers
from clusterforms_renderers.docx.reading._meta import read_meta
from clusterforms_renderers.docx.reading._outcome import Outcome
from clusterforms_renderers.docx.reading._places import Place, Spot
from clusterforms_renderers.docx.reading._plan import (
    read_narrative,
    read_stages,
    read_static,
    read_targets,
)
from clusterforms_renderers.docx.reading._roster import claim_template, read_roster
from clusterforms_renderers.docx.reading._scan import Scan, anchor_of
from clusterforms_renderers.docx.reading._signoff import read_signoff
from clusterforms_renderers.docx.reading._text import norm
from clusterforms_renderers.docx.reading._units import Line, Unit, units
from clusterforms_renderers.docx.reading._years import read_standards, read_year_header, read_yearly
from clusterforms_renderers.wordml import Paragraph, WordDocument


def _group(item: GroupItem, scan: Scan) -> None:
    """A group's label is printed; its rows are items of their own, read after it."""
    hit = scan.find(item.label) if item.label else None
    if hit is not None:
        scan.claim(hit)


_READERS: Final[dict[str, Callable[[Any, Scan], None]]] = {
    "text": read_text,
    "pair": read_pair,
    "number": read_number,
    "count": read_number,
    "choice": read_options,
    "checklist": read_options,
    "narrative": read_narrative,
    "named_count": read_named_count,
    "counts": read_counts,
    "static": read_static,
    "year_header": read_year_header,
    "yearly": read_yearly,
    "standards": read_standards,
    "targets": read_targets,
    "stages": read_stages,
    "signoff": read_signoff,
    "roster": read_roster,
    "group": _group,
}
#: Item kinds that hold no value of their own.
_LAYOUT: Final = frozenset({"group", "pair", "year_header", "static"})


@attrs.frozen
class FormReading:
    """What a Word form holds: the application, notes on the reading, and where each value is.

    ``document`` is the application in its canonical form
    (:meth:`clusterforms.Application.to_document`); ``notes`` every field found
    and not found, every guess and every piece of typed text of no field;
    ``spots`` where each field's value (by year, option, part, row) was read,
    or would be typed when blank.
    """

    document: dict[str, Any]
    notes: tuple[ReadingNote, ...]
    spots: tuple[Spot, ...]


def flat(items: Sequence[Item]) -> Iterator[Item]:
    """Items in form order, a group followed by its rows (a pair's cells stay inside it)."""
    for item in items:
        yield item
        if isinstance(item, GroupItem):
            yield from flat(item.items)


def _titles(units: Sequence[Unit], spec: FormSpec) -> list[tuple[str, int | None]]:
    """Each part's title and the unit it stands at (None when not found), in order."""
    wanted: list[str] = [s.title for s in spec.sections]
    wanted += [a.title for a in spec.appendices]
    wanted.append(ATTACHMENTS)
    found: list[tuple[str, int | None]] = []
    at = 0
    for title in wanted:
        key = norm(title)
        index = next(
            (
                i
                for i in range(at, len(units))
                if isinstance(u := units[i], Line) and u.table is None and norm(u.text) == key
            ),
            None,
        )
        found.append((title, index))
        if index is not None:
            at = index + 1
    return found


def _numbers(all_units: Sequence[Unit], starts: Sequence[int]) -> list[int]:
    """Each body table's number within its part (表1 is a part's first table)."""
    numbers: dict[int, int] = {}
    counts: dict[int, int] = {}
    for index, unit in enumerate(all_units):
        table = unit.table
        if table is None or not isinstance(first := table.path[0], int) or first in numbers:
            continue
        part = max((s for s in starts if s <= index), default=-1)
        counts[part] = counts.get(part, 0) + 1
        numbers[first] = counts[part]
    return [numbers[t] for t in sorted(numbers)]


class _Parts:
    """The document's units, where each part's title stands, and which part each unit is in."""

    def __init__(self, word: WordDocument, spec: FormSpec) -> None:
        first_pass = units(word)
        self.titles = _titles(first_pass, spec)
        self.starts = sorted(i for _, i in self.titles if i is not None)
        self.units = units(word, _numbers(first_pass, self.starts))
        self.first = self.starts[0] if self.starts else len(self.units)
        outside = (COVER if spec.has_cover else "—", 0)
        self.of: list[tuple[str, int]] = [outside] * len(self.units)
        for title, index in self.titles:
            if index is not None:
                line = self.line(index)
                self.of[index : self.end(index)] = [(title, line.index)] * (self.end(index) - index)

    def end(self, index: int) -> int:
        """Where the part holding unit ``index`` ends: at the next title found."""
        return next((s for s in self.starts if s > index), len(self.units))

    def line(self, index: int) -> Line:
        """The title line at ``index`` (titles are only ever found on lines)."""
        unit = self.units[index]
        return unit if isinstance(unit, Line) else Line(Paragraph(""), None, None, -1)

    def scan(self, spec: FormSpec, out: Outcome, start: int, title: str) -> Scan:
        """A scan of the part that starts at unit ``start``."""
        scan = Scan(spec, out, self.units, range(start, self.end(start - 1)), title)
        scan.offset = self.of[start - 1][1] if start > 0 else 0
        return scan


def read_form(word: WordDocument, spec: FormSpec) -> FormReading:
    """The application a Word form holds, read by its printed labels (see the module)."""
    parts = _Parts(word, spec)
    out = Outcome(spec)
    out.claim(parts.line(i).paragraph for _, i in parts.titles if i is not None)
    read_cover(
        [u for u in parts.units[: parts.first] if isinstance(u, Line)], spec.cover.lines, out
    )
    cursor = parts.first
    for section, (title, index) in zip(spec.sections, parts.titles, strict=False):
        if index is None:
            out.note("notice", Place(title), f"the part {title} is not in the document")
        scan = parts.scan(spec, out, index + 1 if index is not None else cursor, title)
        _read_section(section, scan, parts, index)
        cursor = scan.cursor
    named = dict(parts.titles)
    for appendix in spec.appendices:
        index = named.get(appendix.title)
        if appendix.table is not None and index is not None:
            claim_template(appendix.table, parts.scan(spec, out, index + 1, appendix.title))
    if (index := named.get(ATTACHMENTS)) is not None:
        read_attachments(parts.units[index : parts.end(index)], out)
    out.finish()
    _not_found(spec, out)
    _leftovers(parts.units, parts.of, spec, out)
    document: dict[str, Any] = {"spec": spec.id, "values": out.values}
    meta = read_meta(word)
    if meta:
        document["meta"] = meta
    if out.attachments:
        document["attachments"] = out.attachments
    canonical = read_application(spec, document).to_document()
    return FormReading(document=canonical, notes=tuple(out.notes), spots=tuple(out.spots))


def _read_section(section: Section, scan: Scan, parts: _Parts, index: int | None) -> None:
    """Every item of a part, in order, from its title on."""
    if section.heading and index is not None and index > 0:
        heading = parts.units[index - 1]
        if isinstance(heading, Line) and norm(heading.text) == norm(section.heading):
            scan.out.claim([heading.paragraph])
    scan.items = tuple(flat(section.items))
    for position, item in enumerate(scan.items):
        scan.position = position
        _READERS[item.kind](item, scan)


def _leftovers(
    all_units: Sequence[Unit], parts: Sequence[tuple[str, int]], spec: FormSpec, out: Outcome
) -> None:
    """Report typed text of no field; before a coverless form's first part, in one notice."""
    leftovers = report_leftovers(all_units, parts, spec, out)
    outside = [(p, t) for p, t in leftovers if not spec.has_cover and p.part == "—"]
    for place, text in leftovers:
        if (place, text) not in outside:
            out.unmapped(place, text)
    if outside:
        title = spec.sections[0].title if spec.sections else spec.title
        out.note(
            "notice",
            Place("—"),
            f"{len(outside)} paragraphs or rows before {title} are not part of {spec.id} "
            "(another form in the same file?); they were not read",
            text=outside[0][1],
        )


def _not_found(spec: FormSpec, out: Outcome) -> None:
    """A note for every field whose place the document does not show."""
    for line in spec.cover.lines:
        if line.id not in out.located:
            out.note("not_found", Place(COVER), f"{line.label} is not on the cover", line.id)
    for section in spec.sections:
        for item in flat(section.items):
            fields = item.fields if isinstance(item, PairItem) else (item,)
            for field in fields:
                if field.kind in _LAYOUT or field.id in out.located:
                    continue
                if isinstance(field, SignoffItem) and not field.opinion:
                    continue
                label = anchor_of(field) or field.id
                out.note("not_found", Place(section.title), f"{label} is not found", field.id)
            summary = getattr(item, "summary", None)
            if summary is not None and summary.id not in out.located:
                message = f"{summary.label} is not found"
                out.note("not_found", Place(section.title), message, summary.id)
