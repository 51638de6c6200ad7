"""The rows of the official forms' tables, as data: each item renders itself for a :class:`Fill`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tests.wordforms.layout import (
    BODY,
    ROW,
    TALL,
    Fill,
    boxes_cell,
    label_cell,
    text_cell,
    value_cell,
)
from tests.wordforms.markup import inlines, typed
from tests.wordforms.ooxml import Cell, Inline, Para, Row, Run, Table


class Item:
    """One or more table rows of a form."""

    def rows(self, f: Fill, cols: int) -> list[Row]:
        raise NotImplementedError


@dataclass(frozen=True)
class Field(Item):
    """A label cell and the input cell beside it.

    ``unit`` is printed after the blank (``"个"``), ``before``/``notes`` are template lines above
    and below it in the input cell, ``named`` makes it a 数量：__个 / 名称：__ cell.
    """

    label: str
    slot: str
    unit: str | None = None
    notes: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    named: bool = False
    label_span: int = 1
    height: int = ROW
    align: str | None = "center"
    #: Template text standing in the input cell, typed over when filled (XXXX市XXXX县…).
    placeholder: str | None = None

    def rows(self, f: Fill, cols: int) -> list[Row]:
        span = cols - self.label_span
        if self.placeholder is not None and f.blank:
            body = text_cell(self.placeholder, span=span, align="left")
        elif self.named:
            body = named_cell(f, self.slot, span=span, before=self.before, notes=self.notes)
        elif self.unit is not None:
            body = unit_cell(f, self.slot, self.unit, span=span, notes=self.notes)
        else:
            body = value_cell(f, self.slot, span=span, before=self.before)
        label = label_cell(f, self.label, self.slot, span=self.label_span, align=self.align)
        return [Row((label, body), height=self.height)]


def unit_cell(f: Fill, slot: str, unit: str, *, span: int, notes: Sequence[str]) -> Cell:
    """``                  个`` and notes below; filled, the number typed before the unit."""
    value = f.text(slot)
    first: list[Inline] = [Run(" " * 18 + unit, size=BODY.size)]
    if value is not None:
        first = [
            Run(" " * 8, size=BODY.size),
            *inlines(value, BODY),
            Run("  " + unit, size=BODY.size),
        ]
    paras = [Para(tuple(first), align="left"), *(q for n in notes for q in typed(n, BODY))]
    return Cell(tuple(paras), span=span)


def named_cell(
    f: Fill, slot: str, *, span: int, before: Sequence[str] = (), notes: Sequence[str] = ()
) -> Cell:
    """数量：    个 / 名称：     — filled, the count and the names typed into the blanks."""
    count = f.text(f"{slot}/count")
    names = f.text(f"{slot}/names")
    lines: list[list[Inline]] = [
        [Run("数量：", size=BODY.size), Run("    ", size=BODY.size), Run("个", size=BODY.size)],
        [Run("名称：", size=BODY.size), Run("     ", size=BODY.size)],
    ]
    if count is not None and names is not None:
        lines[0][1:2] = [
            Run("  ", size=BODY.size),
            *inlines(count, BODY),
            Run("  ", size=BODY.size),
        ]
        lines[1][1:2] = inlines(names, BODY, author=f.author)
    paras = [
        *(typed("\n".join(before), BODY) if before else []),
        *(Para(tuple(x), align="left") for x in lines),
        *(q for n in notes for q in typed(n, BODY)),
    ]
    return Cell(tuple(paras), span=span)


@dataclass(frozen=True)
class Pair(Item):
    """联系人 | __ | 联系方式 | __ on one row."""

    label: str
    slot: str
    label2: str
    slot2: str

    def rows(self, f: Fill, cols: int) -> list[Row]:
        rest = cols - 3
        return [
            Row(
                (
                    label_cell(f, self.label, self.slot),
                    value_cell(f, self.slot),
                    label_cell(f, self.label2, self.slot2),
                    value_cell(f, self.slot2, span=rest),
                ),
                height=ROW,
            )
        ]


@dataclass(frozen=True)
class Boxes(Item):
    """A label and a cell of □ options (a choice or a checklist), one template line a paragraph.

    With ``label=None`` the options cell spans the whole row.
    """

    label: str | None
    fid: str
    lines: tuple[str, ...]
    label_span: int = 1
    align: str | None = "center"

    def rows(self, f: Fill, cols: int) -> list[Row]:
        if self.label is None:
            return [Row((boxes_cell(f, self.fid, self.lines, span=cols),), height=ROW)]
        label = label_cell(f, self.label, span=self.label_span, align=self.align)
        body = boxes_cell(f, self.fid, self.lines, span=cols - self.label_span)
        return [Row((label, body), height=ROW)]


@dataclass(frozen=True)
class Lines(Item):
    """A label and a cell of template lines into which values are typed after their text.

    ``slots`` pairs each line (by index) with the slot typed after it (绿色工厂数量 __).
    """

    label: str
    lines: tuple[str, ...]
    slots: Mapping[int, str] = field(default_factory=dict)
    label_span: int = 1

    def rows(self, f: Fill, cols: int) -> list[Row]:
        paras = []
        for i, line in enumerate(self.lines):
            runs: list[Inline] = inlines(line, BODY)
            slot = self.slots.get(i)
            value = f.text(slot) if slot else None
            if value is not None:
                runs = [
                    *inlines(line.rstrip(), BODY),
                    Run("   ", size=BODY.size),
                    *inlines(value, BODY),
                ]
            paras.append(Para(tuple(runs), align="left"))
        label = label_cell(f, self.label, span=self.label_span)
        return [Row((label, Cell(tuple(paras), span=cols - self.label_span)), height=ROW)]


@dataclass(frozen=True)
class YearHeader(Item):
    """年度 | 2020年 | 2021年 | 2022年."""

    label: str
    years: tuple[str, ...]

    def rows(self, f: Fill, cols: int) -> list[Row]:  # noqa: ARG002
        span = (cols - 1) // len(self.years)
        cells = [text_cell(self.label), *(text_cell(y, span=span) for y in self.years)]
        return [Row(tuple(cells), height=ROW, cant_split=True)]


@dataclass(frozen=True)
class Yearly(Item):
    """A label and one input cell per year, under a :class:`YearHeader`."""

    label: str
    fid: str
    years: tuple[str, ...]

    def rows(self, f: Fill, cols: int) -> list[Row]:
        span = (cols - 1) // len(self.years)
        cells = [label_cell(f, self.label)]
        cells += [value_cell(f, f"{self.fid}/{y[:4]}", span=span) for y in self.years]
        return [Row(tuple(cells), height=ROW, cant_split=True)]


@dataclass(frozen=True)
class YearsBelow(Item):
    """A label spanning two rows: the years on the first, the inputs on the second."""

    label: str
    fid: str
    years: tuple[str, ...]

    def rows(self, f: Fill, cols: int) -> list[Row]:
        span = (cols - 1) // len(self.years)
        head = [label_cell(f, self.label, vmerge="restart")]
        head += [text_cell(y, span=span) for y in self.years]
        body = [Cell(vmerge="continue")]
        body += [value_cell(f, f"{self.fid}/{y[:4]}", span=span) for y in self.years]
        return [Row(tuple(head), height=ROW), Row(tuple(body), height=ROW)]


@dataclass(frozen=True)
class Narrative(Item):
    """A label and a big input cell (a template prompt may stand in it)."""

    label: str
    slot: str
    prompt: str | None = None
    height: int = TALL
    label_span: int = 1
    align: str | None = "center"

    def rows(self, f: Fill, cols: int) -> list[Row]:
        before = (self.prompt,) if self.prompt else ()
        body = value_cell(f, self.slot, span=cols - self.label_span, before=before)
        body = Cell(body.content, span=body.span, valign="top")
        label = label_cell(f, self.label, span=self.label_span, align=self.align)
        return [Row((label, body), height=self.height)]


@dataclass(frozen=True)
class Note(Item):
    """A row of template text across the columns left (a note under a block)."""

    text: str
    align: str | None = "left"

    def rows(self, f: Fill, cols: int) -> list[Row]:  # noqa: ARG002
        return [Row((text_cell(self.text, span=cols, align=self.align),), height=ROW)]


@dataclass(frozen=True)
class Group(Item):
    """A label cell merged down the rows of ``items`` (which use the columns to its right)."""

    label: str
    items: tuple[Item, ...]
    label_span: int = 1

    def rows(self, f: Fill, cols: int) -> list[Row]:
        out: list[Row] = []
        for i, item in enumerate(self.items):
            for row in item.rows(f, cols - self.label_span):
                vmerge = "restart" if not out else "continue"
                first = (
                    text_cell(self.label, span=self.label_span) if i == 0 and not out else Cell()
                )
                first = Cell(first.content, span=self.label_span, vmerge=vmerge)
                out.append(Row((first, *row.cells), height=row.height, cant_split=True))
        return out


STANDARD_CATEGORIES = ("国际", "国家", "行业", "团体")
STANDARD_IDS = ("international", "national", "industry", "group")


@dataclass(frozen=True)
class Standards(Item):
    """类别 | 主持数量 | 参与数量, once per year, then a row per category (国际 国家 行业 团体)."""

    label: str
    fid: str
    years: tuple[str, ...]

    def rows(self, f: Fill, cols: int) -> list[Row]:  # noqa: ARG002
        head = [label_cell(f, self.label, vmerge="restart")]
        for _ in self.years:
            head += [text_cell("类别"), text_cell("主持数量"), text_cell("参与数量")]
        out = [Row(tuple(head), height=ROW, cant_split=True)]
        for name, cat in zip(STANDARD_CATEGORIES, STANDARD_IDS, strict=True):
            cells = [Cell(vmerge="continue")]
            for y in self.years:
                slot = f"{self.fid}/{y[:4]}/{cat}"
                cells += [
                    text_cell(name),
                    value_cell(f, f"{slot}/lead"),
                    value_cell(f, f"{slot}/participate"),
                ]
            out.append(Row(tuple(cells), height=ROW, cant_split=True))
        return out


@dataclass(frozen=True)
class Static(Item):
    """A row of fixed template cells: (text, span) pairs."""

    cells: tuple[tuple[str, int], ...]
    height: int = ROW

    def rows(self, f: Fill, cols: int) -> list[Row]:  # noqa: ARG002
        return [Row(tuple(text_cell(t, span=s) for t, s in self.cells), height=self.height)]


def table(f: Fill, items: Sequence[Item], widths: Sequence[int]) -> Table:
    """The section table of ``items`` on a grid of ``widths``."""
    rows = [row for item in items for row in item.rows(f, len(widths))]
    return Table(tuple(rows), tuple(widths))
