"""The last pass: every paragraph no reader used that holds more than the form's printed text.

What is left is typed text of no field — a remark under a table, a date on a
signing line, a filled-in 承诺函, rows of an annex the spec does not read —
and each is reported with its place, one note per paragraph of the body and
one per table row, so that nothing typed is lost silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from clusterforms import FormSpec, iter_text
from clusterforms_renderers.docx._attachments import HEADER, TITLE
from clusterforms_renderers.docx._placeholders import (
    CLUSTER,
    REGION,
    fill,
    has_placeholder,
    placeholder_names,
)
from clusterforms_renderers.docx.reading._memo import PerSpec
from clusterforms_renderers.docx.reading._outcome import Outcome
from clusterforms_renderers.docx.reading._places import Place, TableAt, cell_place
from clusterforms_renderers.docx.reading._text import is_filler, norm
from clusterforms_renderers.docx.reading._units import Line, Unit, paragraph_text
from clusterforms_renderers.wordml import Block, Cell, Paragraph, Table


class Printed:
    """The form's printed lines, for telling template text from typed text."""

    def __init__(self, spec: FormSpec) -> None:
        lines = {norm(piece) for line in iter_text(spec) for piece in line.split("\n")}
        lines |= {norm(spec.title), norm(spec.instructions_title), norm(TITLE), *map(norm, HEADER)}
        lines.discard("")
        self.lines = frozenset(lines)
        self.longest_first = tuple(sorted(lines, key=len, reverse=True))

    def only(self, paragraph: Paragraph) -> bool:
        """Whether the paragraph holds nothing but printed text (and punctuation)."""
        for text in (paragraph_text(paragraph), paragraph.text):
            key = norm(text)
            if not key or key in self.lines or is_filler(key):
                return True
        rest = norm(paragraph.text)
        for line in self.longest_first:
            if line in rest:
                rest = rest.replace(line, "\x00")
        return is_filler(rest.replace("\x00", ""))


#: The printed lines of a spec cost a tenth of reading a document: worked out once per spec.
printed_of = PerSpec(Printed)


def report_leftovers(
    units: Sequence[Unit], parts: Sequence[tuple[str, int]], spec: FormSpec, out: Outcome
) -> list[tuple[Place, str]]:
    """Every unused paragraph with typed text, with its place (a table row's joined in one)."""
    printed = printed_of(spec)
    _claim_letters(units, spec, out)
    found: list[tuple[Place, str]] = []
    for unit, (part, offset) in zip(units, parts, strict=True):
        if isinstance(unit, Line):
            texts = list(_typed([unit.paragraph], printed, out))
            if texts:
                place = unit.place(part, offset)
                found.append((place, "\n".join(texts)))
            continue
        pieces: list[tuple[Place, str]] = []
        for cell in unit.starting():
            pieces += _in_cell(unit.table, cell, part, printed, out)
        if pieces:
            found.append((pieces[0][0], " | ".join(text for _, text in pieces)))
    return found


def _claim_letters(units: Sequence[Unit], spec: FormSpec, out: Outcome) -> None:
    """A letter's lines as we render them filled (XXX集群 named from the cover) are printed text."""
    names = placeholder_names(spec, out.values.get(CLUSTER), out.values.get(REGION))
    letters = {
        norm(fill(line, names))
        for appendix in spec.appendices
        for line in (*appendix.paragraphs, *appendix.closing)
        if has_placeholder(line)
    }
    if names and letters:
        out.claim(
            unit.paragraph
            for unit in units
            if isinstance(unit, Line) and norm(paragraph_text(unit.paragraph)) in letters
        )


def _in_cell(
    table: TableAt, cell: Cell, part: str, printed: Printed, out: Outcome
) -> list[tuple[Place, str]]:
    pieces: list[tuple[Place, str]] = []
    paragraph = 0
    nested = 0
    for block in cell.blocks:
        if isinstance(block, Paragraph):
            texts = list(_typed([block], printed, out))
            if texts:
                pieces.append((cell_place(part, table, cell, paragraph), "\n".join(texts)))
            paragraph += 1
        else:
            inner = table.inner(cell, nested, block)
            nested += 1
            pieces += _in_table(inner, block, part, printed, out)
    return pieces


def _in_table(
    at: TableAt, table: Table, part: str, printed: Printed, out: Outcome
) -> list[tuple[Place, str]]:
    pieces: list[tuple[Place, str]] = []
    for cell in table.cells:
        pieces += _in_cell(at, cell, part, printed, out)
    return pieces


def _typed(paragraphs: Iterable[Paragraph], printed: Printed, out: Outcome) -> Iterator[str]:
    for paragraph in paragraphs:
        for box in paragraph.textboxes:
            yield from _typed(_paragraphs(box), printed, out)
        if out.is_claimed(paragraph) or printed.only(paragraph):
            continue
        yield paragraph_text(paragraph).strip()


def _paragraphs(blocks: Sequence[Block]) -> Iterator[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            for cell in block.cells:
                yield from _paragraphs(cell.blocks)
