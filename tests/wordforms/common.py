"""What the four official forms share: cover lines, headings, the plan's target table, sign-offs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tests.wordforms.layout import BODY, ROW, TALL, Fill, label_cell, text_cell, value_cell
from tests.wordforms.markup import inlines, typed
from tests.wordforms.ooxml import TEXT_WIDTH, Cell, Inline, Para, Row, Run, Table
from tests.wordforms.package import Doc, Numbering, Style, p

TITLE = Style(size=22, font="方正小标宋简体")
COVER = Style(size=16, font="仿宋_GB2312")
HEADING = Style(size=15, font="黑体")
ANNEX = Style(size=16, font="黑体")
PROSE = Style(size=14, font="仿宋_GB2312")
BOLD = Style(size=10.5, bold=True)

#: Outline numbering of the plan, as the templates number it automatically.
CHAPTER = Numbering("chineseCounting", "%1、", start=3, first_line=0)
CLAUSE = Numbering("chineseCounting", "（%1）", first_line=0)
DECIMAL = Numbering("decimal", "%1.", left=0, first_line=560)


def heading(text: str, *, before: int = 240) -> Para:
    """A section title above its table (黑体, kept with the table)."""
    return p(text, style=HEADING, before=before, after=120, keep_next=True)


@dataclass(frozen=True)
class Blank:
    """An underlined blank on a cover line, ``width`` spaces wide when empty."""

    slot: str
    width: int


def cover_line(f: Fill, *parts: str | Blank, indent: int = 600) -> Para:
    """A cover line of template text and blanks; filled, the blanks hold what was typed."""
    runs: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            runs += inlines(part, COVER)
            continue
        value = f.text(part.slot)
        if value is None:
            runs.append(Run(" " * part.width, size=COVER.size, font=COVER.font, underline=True))
        else:
            under = Style(size=COVER.size, font=COVER.font, underline=True)
            runs += [
                Run("  ", size=COVER.size, underline=True),
                *inlines(value, under, author=f.author),
            ]
            runs.append(Run("  ", size=COVER.size, underline=True))
    return Para(tuple(runs), left=indent, line=440, mark_size=COVER.size)


def instructions(doc: Doc, lines: Sequence[str], *, numbered: bool) -> None:
    """填报说明 paragraphs, auto-numbered "1." … when the template numbers them."""
    num = doc.numbering(DECIMAL) if numbered else None
    for line in lines:
        doc.add(p(line, style=PROSE, num=num, first_line_chars=None if num else 200, line=360))


def section(doc: Doc, title: str, tbl: Table, *, remark: Sequence[Para] = ()) -> None:
    """A section: its title, its one table, and whatever a person typed under it."""
    doc.add(heading(title), tbl, *remark)


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Direction:
    """One 方向 of the target table: its rows (指标, row id), ``None`` for the open "......" row."""

    ident: str
    label: str
    rows: tuple[tuple[str, str | None], ...]


def targets_table(f: Fill, header: Sequence[str], directions: Sequence[Direction]) -> Table:
    """The 三年总体目标 table (方向 | 指标 | 基准值 | 目标值), nested in the plan's cell.

    Indicators a person added come from ``plan.targets/extra/<i>``: in a row added under the
    direction's "......" row, or typed over it when the direction is in :attr:`Fill.dots`.
    """
    extras = [] if f.blank else list(enumerate(f.values.get("plan.targets", {}).get("extra", [])))
    rows = [Row(tuple(text_cell(h, style=BOLD) for h in header), height=ROW, header=True)]
    for d in directions:
        mine = [i for i, e in extras if e["direction"] == d.ident]
        body: list[tuple[Cell, Cell, Cell]] = []
        for indicator, row_id in d.rows:
            if row_id is not None:
                slot = f"plan.targets/rows/{row_id}"
                body.append(
                    (
                        text_cell(indicator),
                        value_cell(f, f"{slot}/baseline"),
                        value_cell(f, f"{slot}/target"),
                    )
                )
            elif d.ident in f.dots and mine:
                body.append(_extra(f, mine.pop(0)))
            else:
                body.append((text_cell(indicator), Cell(), Cell()))
        body += [_extra(f, i) for i in mine]
        for i, cells in enumerate(body):
            first = text_cell(d.label, vmerge="restart") if i == 0 else Cell(vmerge="continue")
            if len(body) == 1:
                first = text_cell(d.label)
            rows.append(Row((first, *cells), height=ROW, cant_split=True))
    return Table(tuple(rows), (1500, 2990, 1800, 1800))


def _extra(f: Fill, i: int) -> tuple[Cell, Cell, Cell]:
    slot = f"plan.targets/extra/{i}"
    return (
        value_cell(f, f"{slot}/indicator"),
        value_cell(f, f"{slot}/baseline"),
        value_cell(f, f"{slot}/target"),
    )


def outline(text: str, *, num: int | None = None, bold: bool = False) -> Para:
    """A line of the plan's outline printed in the template."""
    style = Style(size=12, bold=bold, font="仿宋_GB2312")
    return p(text, style=style, num=num, first_line_chars=None if num else 200)


def written(f: Fill, slot: str) -> list[Para]:
    """The paragraphs a person wrote under an outline heading (none in the template)."""
    if f.blank:
        return [Para(mark_size=12)]
    style = Style(size=12, font="仿宋_GB2312")
    out = typed(f.text(slot) or "", style, author=f.author)
    return [Para(q.inlines, first_line_chars=200, mark_size=12) for q in out]


def stage(f: Fill, label: str, slot: str, *, same_line: bool) -> list[Para]:
    """（1）2023年度 — filled, the stage target after it on the same line or below it."""
    style = Style(size=12, font="仿宋_GB2312")
    value = f.text(slot)
    if value is None:
        return [p(label, style=style, first_line_chars=200)]
    if same_line:
        return [
            Para(
                (*inlines(label, style), *inlines(value, style, author=f.author)),
                first_line_chars=200,
            )
        ]
    return [
        p(label, style=style, first_line_chars=200),
        *(Para(q.inlines, first_line_chars=200) for q in typed(value, style)),
    ]


def plan_table(content: Sequence[Para | Table]) -> Table:
    """Section 八: one cell holding the whole plan (outline, target table, stages)."""
    return Table((Row((Cell(tuple(content), valign="top"),), height=TALL * 3),), (TEXT_WIDTH,))


# --------------------------------------------------------------------------- sign-offs


def signoff_table(blocks: Sequence[tuple[str, Sequence[Para]]]) -> Table:
    """Section 九: a title row and a content row per block (真实性声明, 推荐意见)."""
    rows = []
    for title, content in blocks:
        rows.append(Row((text_cell(title, style=BOLD),), height=ROW))
        rows.append(Row((Cell(tuple(content), valign="top"),), height=TALL))
    return Table(tuple(rows), (TEXT_WIDTH,))


def sign_lines(lines: Sequence[str], *, align: str | None = None) -> list[Para]:
    """Template lines of a sign-off block (签字、盖章、年 月 日)."""
    return [q for line in lines for q in typed(line, BODY, align=align)]


def opinion(f: Fill, slot: str, *, blank_lines: int) -> list[Para]:
    """The recommending authority's opinion: empty lines in the template, typed text once filled."""
    if f.blank:
        return [Para(mark_size=BODY.size) for _ in range(blank_lines)]
    return [Para(q.inlines, first_line_chars=200) for q in f.paras(slot)]


# --------------------------------------------------------------------------- rosters


def roster_table(
    f: Fill,
    header: Sequence[str],
    *,
    widths: Sequence[int],
    template_rows: Sequence[Sequence[str]],
    rows_slot: str,
    keys: Sequence[str],
) -> Table:
    """A list table (附件2): the template's numbered rows, or the rows a person filled and added."""
    out = [Row(tuple(text_cell(h, style=BOLD) for h in header), height=ROW, header=True)]
    filled = [] if f.blank else f.values.get(rows_slot, [])
    if not filled:
        out += [
            Row(
                tuple(text_cell(c, align="left" if len(c) > 6 else "center") for c in r), height=ROW
            )
            for r in template_rows
        ]
        return Table(tuple(out), tuple(widths))
    for i, _ in enumerate(filled):
        cells = [value_cell(f, f"{rows_slot}/{i}/{k}") for k in keys]
        out.append(Row(tuple(cells), height=ROW))
    return Table(tuple(out), tuple(widths))


__all__ = [
    "ANNEX",
    "BODY",
    "COVER",
    "PROSE",
    "TITLE",
    "Blank",
    "Direction",
    "cover_line",
    "heading",
    "instructions",
    "label_cell",
    "opinion",
    "outline",
    "plan_table",
    "roster_table",
    "section",
    "sign_lines",
    "signoff_table",
    "stage",
    "targets_table",
    "written",
]
