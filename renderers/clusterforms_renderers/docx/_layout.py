"""Shared vocabulary of the section tables: frames, cells and the paragraphs in them.

A *frame* is the horizontal stretch an item may use: its label from
``left`` to ``split`` and its values from ``split`` to ``right`` (fractions
of the table width).  Top-level items get the whole table; the rows of a
group get what is right of the group's label column.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import attrs

from clusterforms import FormSpec
from clusterforms_renderers.docx._table import CELL_MARGIN, Cell, Row, VMerge
from clusterforms_renderers.docx._values import (
    EVIDENCE_CLOSE,
    EVIDENCE_OPEN,
    EVIDENCE_SEPARATOR,
    Values,
    mark,
)
from clusterforms_renderers.docx._xml import (
    PLAIN,
    UNDERLINE,
    Font,
    Para,
    cm,
    paragraph,
    run,
    text_paragraph,
)

#: Row heights (minimum, twips): an ordinary row, and limits for writing space.
ROW_HEIGHT = cm(1.0)
MIN_WRITING = cm(3.0)
MAX_WRITING = cm(12.0)

TABLE_PT = 10.5
SMALL = Font(size=9)

#: An underlined blank to the next tab stop that every word processor draws.
TAB_BLANK = "\t\u200b"

#: Between the boxes of an inline choice (□是　　□否).
INLINE_GAP = run("\u3000\u3000")

LABEL = Para(align="center")
CENTER = Para(align="center")
LEFT = Para(align="both")
# A box line: wrapped lines start under the text, not under the box.
OPTION = Para(left=round(TABLE_PT * 20), hanging=round(TABLE_PT * 20))


@attrs.frozen(kw_only=True)
class Frame:
    """The stretch of the table an item lays itself out in."""

    left: Fraction
    split: Fraction
    right: Fraction = Fraction(1)

    def slots(self, count: int) -> list[tuple[Fraction, Fraction]]:
        """The value stretch cut into ``count`` equal columns."""
        step = (self.right - self.split) / count
        return [(self.split + i * step, self.split + (i + 1) * step) for i in range(count)]

    @property
    def whole(self) -> tuple[Fraction, Fraction]:
        """Label and values together."""
        return self.left, self.right


@attrs.define(kw_only=True)
class Ctx:
    """What every row builder needs: the spec, the values, the table's width."""

    spec: FormSpec
    values: Values
    width: int
    year_columns: bool = False  # a 年度 header row heads the value columns

    def twips(self, start: Fraction, end: Fraction) -> int:
        """The text width inside a cell from ``start`` to ``end``."""
        return round((end - start) * self.width) - 2 * CELL_MARGIN


def lines(text: str, props: Para = LABEL, font: Font = PLAIN) -> list[str]:
    r"""``text`` as paragraphs, one per printed line (labels hold ``\n``)."""
    return [text_paragraph(line, props, font) for line in text.split("\n")]


def cell(
    start: Fraction, end: Fraction, content: Sequence[str] = (), merge: VMerge | None = None
) -> Cell:
    """A vertically centred cell."""
    return Cell(start=start, end=end, content=tuple(content), merge=merge)


def top_cell(start: Fraction, end: Fraction, content: Sequence[str]) -> Cell:
    """A cell whose text starts at the top (writing space)."""
    return Cell(start=start, end=end, content=tuple(content), valign="top")


def label_row(
    frame: Frame,
    label: str,
    content: Sequence[str],
    height: int | None = ROW_HEIGHT,
    *,
    top: bool = False,
) -> Row:
    """The common row: the label, then one cell holding ``content`` across the values."""
    value = (top_cell if top else cell)(frame.split, frame.right, content)
    return Row(cells=(cell(frame.left, frame.split, lines(label)), value), height=height)


def blank(text: str | None, ems: int = 4) -> str:
    """An underlined blank inside a line: the value when there is one, else ``ems`` wide."""
    return run(f" {text} " if text else "\u3000" * ems, UNDERLINE)


def blank_to_end(
    ctx: Ctx, start: Fraction, end: Fraction, lead: Sequence[str], text: str | None
) -> str:
    """A paragraph of ``lead`` runs, then an underlined blank (or value) to the cell's right edge.

    Trailing spaces are not underlined by every word processor; an underlined
    tab to a right tab stop is, once something follows it on the line (a zero
    width space: LibreOffice drops the underline of a tab that ends a cell's line).
    """
    room = ctx.twips(start, end)
    runs = [*lead, run(f" {text} ", UNDERLINE) if text else "", run(TAB_BLANK, UNDERLINE)]
    return paragraph(runs, Para(tabs=(("right", room),)))


def box_line(
    checked: bool,
    label: str,
    text: str | None = None,
    *,
    free: bool = False,
    evidence: Sequence[str] = (),
) -> str:
    """``□label`` (or ``☑label``), with the option's free text or explanation after it.

    A checked option citing evidence ends with it: ``☑label（佐证材料：A1、A2）``.
    """
    runs = [run(mark(checked) + label)]
    if text:
        sep = "" if label.endswith(("：", ":")) else "："
        runs.append(run(sep) if sep else "")
        runs.append(run(text, UNDERLINE if free else Font()))
    elif free:
        runs.append(blank(None, 6))
    if evidence:
        runs.append(run(EVIDENCE_OPEN + EVIDENCE_SEPARATOR.join(evidence) + EVIDENCE_CLOSE))
    return "".join(runs)


def box_paragraphs(
    ctx: Ctx, stretch: tuple[Fraction, Fraction], entries: Sequence[str], layout: str, columns: int
) -> list[str]:
    """Box lines laid out one per line, on one line, or ``columns`` to a line on tab stops."""
    if layout == "inline":
        return [paragraph([INLINE_GAP.join(entries)])]
    if layout != "grid" or columns < 2:
        return [paragraph([entry], OPTION) for entry in entries]
    room = ctx.twips(*stretch)
    stops = tuple(("left", room * k // columns) for k in range(1, columns))
    props = Para(tabs=stops)
    return [
        paragraph([run("\t").join(entries[i : i + columns])], props)
        for i in range(0, len(entries), columns)
    ]


def writing_height(ctx: Ctx, start: Fraction, end: Fraction, max_chars: int | None) -> int:
    """A minimum row height with room for ``max_chars`` characters of handwriting."""
    if not max_chars:
        return MIN_WRITING
    per_line = max(1, ctx.twips(start, end) // round(TABLE_PT * 20))
    rows = -(-max_chars // per_line) + 2
    return max(MIN_WRITING, min(MAX_WRITING, rows * cm(0.55)))


def merged_down(
    rows: Sequence[Row], start: Fraction, end: Fraction, label: Sequence[str]
) -> list[Row]:
    """``rows`` with a cell from ``start`` to ``end`` in front, merged down across all of them.

    The rows are kept on one page (``keep_next`` on all but the last): a
    page that starts inside the block would show its rows under an empty label.
    """
    out = []
    last = len(rows) - 1
    for i, row in enumerate(rows):
        front = cell(start, end, label if i == 0 else (), "restart" if i == 0 else "continue")
        if len(rows) == 1:
            front = cell(start, end, label)
        kept = row.keep_next or i < last
        out.append(attrs.evolve(row, cells=(front, *row.cells), keep_next=kept))
    return out


def notes(texts: Sequence[str]) -> list[str]:
    """The printed notes of an item ((注：勾选需提供佐证材料)), one paragraph each."""
    return [text_paragraph(t, LEFT) for t in texts]
