"""Rows of the single-value item kinds: text, pairs, numbers, counts, boxes, narratives.

Each builder returns the rows of one item inside a :class:`Frame`; the label
cell comes first and the value cell spans the value columns, so a single
value inside a year table stretches across all the years, as on the form.
"""

from __future__ import annotations

from decimal import Decimal

from clusterforms import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    NamedCount,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    PairItem,
    StaticItem,
    TextItem,
)
from clusterforms_renderers.docx._layout import (
    CENTER,
    INLINE_GAP,
    LEFT,
    ROW_HEIGHT,
    SMALL,
    Ctx,
    Frame,
    blank,
    blank_to_end,
    box_line,
    box_paragraphs,
    cell,
    label_row,
    lines,
    notes,
    top_cell,
    writing_height,
)
from clusterforms_renderers.docx._table import Row
from clusterforms_renderers.docx._values import with_unit
from clusterforms_renderers.docx._xml import BOLD, Font, Para, cm, paragraph, run, text_paragraph

#: Writing room under a printed heading of section 八 (重点任务, 保障措施).
_HEADING_ROOM = cm(3.0)
#: Outline lines this short are headings (一、集群基本情况简介); longer ones are guidance.
_HEADING_CHARS = 40


def is_outline_heading(line: str) -> bool:
    """Whether a line of a narrative's outline is a heading, not guidance (包括总体情况…)."""
    return len(line) <= _HEADING_CHARS


def text_rows(item: TextItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | value.  A bracketed hint is printed under the label, any other in the value cell."""
    value = ctx.values.text(item.id, ctx.values.field(item.id))
    label = lines(item.label)
    content = [text_paragraph(value, LEFT)] if value else []
    if item.hint and item.hint.startswith("（"):
        label += lines(item.hint)
    elif item.hint and not value:
        content = [text_paragraph(item.hint, CENTER)]
    value_cell = cell(frame.split, frame.right, content + notes(item.notes))
    return [Row(cells=(cell(frame.left, frame.split, label), value_cell), height=ROW_HEIGHT)]


def pair_rows(item: PairItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """联系人 | value | 联系方式 | value: the first label in the label column, the rest after it."""
    parts = frame.slots(max(1, 2 * len(item.fields) - 1))
    cells = []
    for i, field in enumerate(item.fields):
        label = lines(field.label) + (lines(field.hint) if field.hint else [])
        if i:
            cells.append(cell(*parts[2 * i - 1], label))
        else:
            cells.append(cell(frame.left, frame.split, label))
        value = ctx.values.text(field.id, ctx.values.field(field.id))
        content = [text_paragraph(value, CENTER)] if value else []
        cells.append(cell(*parts[2 * i], content + notes(field.notes)))
    if not cells:
        return []
    return [Row(cells=tuple(cells), height=ROW_HEIGHT)]


def number_rows(item: NumberItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | the number, spanning the value columns."""
    cell = ctx.values.field(item.id)
    value = ctx.values.number(item.id, cell, item.decimals)
    if value and isinstance(cell, Decimal):  # text typed instead of a figure takes no unit
        value = with_unit(value, item.unit, item.label)
    content = [text_paragraph(value, CENTER)] if value else []
    return [label_row(frame, item.label, content + notes(item.notes))]


def count_rows(item: CountItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | the count; a printed unit (个) follows an underlined blank."""
    value = ctx.values.count(item.id, ctx.values.field(item.id))
    if item.unit:
        content = [paragraph([blank(value, 6), run(item.unit)], CENTER)]
    else:
        content = [text_paragraph(value, CENTER)] if value else []
    return [label_row(frame, item.label, content + notes(item.notes))]


def choice_rows(item: ChoiceItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | one box per option; the chosen one ☑, its free text or explanation after it."""
    chosen, text = ctx.values.choice(item.id)
    entries = [
        box_line(o.id == chosen, o.label, text if o.id == chosen else None, free=o.free_text)
        for o in item.options
    ]
    stretch = (frame.split, frame.right)
    content = box_paragraphs(ctx, stretch, entries, item.layout, item.columns)
    if item.layout == "inline" and item.notes:
        content = [paragraph([INLINE_GAP.join(entries), run(item.notes[0])])]
        content += notes(item.notes[1:])
    else:
        content += notes(item.notes)
    return [label_row(frame, item.label, content)]


def checklist_rows(item: ChecklistItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | the lead line, one box per option, the note.  No label: the boxes take the row."""
    checked = ctx.values.checked(item.id)
    cited = ctx.values.evidence(item.id)
    entries = [
        box_line(
            o.id in checked,
            o.label,
            checked.get(o.id),
            free=o.free_text,
            evidence=cited.get(o.id, ()),
        )
        for o in item.options
    ]
    start = frame.split if item.label else frame.left
    content = [text_paragraph(item.lead, LEFT)] if item.lead else []
    content += box_paragraphs(ctx, (start, frame.right), entries, item.layout, item.columns)
    content += notes(item.notes)
    if not item.label:
        return [Row(cells=(cell(frame.left, frame.right, content),))]
    return [label_row(frame, item.label, content, None)]


def narrative_rows(item: NarrativeItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | writing space with the prompt; with an outline, one cell across the whole frame."""
    text = ctx.values.text(item.id, ctx.values.field(item.id))
    written = [text_paragraph(p, Para(first_line=420, align="both")) for p in _paragraphs(text)]
    if item.outline:
        return [_outlined(item, frame, ctx, written)]
    if item.layout == "heading":
        return _under_heading(item, frame, ctx, written)
    content = []
    if item.prompt:
        content.append(text_paragraph(item.prompt, LEFT, SMALL if text else Font()))
    content += written + notes(item.notes)
    height = writing_height(ctx, frame.split, frame.right, item.max_chars)
    if not item.label:
        return [Row(cells=(top_cell(frame.left, frame.right, content),), height=height)]
    return [label_row(frame, item.label, content, height, top=True)]


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()] if text else []


def _outlined(item: NarrativeItem, frame: Frame, ctx: Ctx, written: list[str]) -> Row:
    """Section 八's big cell: the limit, then the outline headings with room under each.

    Filled in, the applicant's own text (which follows the outline) replaces it.
    """
    content = lines(item.label, Para(align="left"))
    if item.prompt:
        content.append(text_paragraph(item.prompt, LEFT, SMALL if written else Font()))
    if written:
        content += written
    else:
        for line in item.outline:
            heading = is_outline_heading(line)
            content.append(
                text_paragraph(
                    line, Para(align="both", first_line=420), BOLD if heading else Font()
                )
            )
            if heading:
                content += ["<w:p/>"] * 2
    content += notes(item.notes)
    height = writing_height(ctx, frame.left, frame.right, min(item.max_chars or 0, 600))
    return Row(cells=(top_cell(frame.left, frame.right, content),), height=height, can_split=True)


def _under_heading(item: NarrativeItem, frame: Frame, ctx: Ctx, written: list[str]) -> list[Row]:
    """A heading across the frame (重点任务), then the row the applicant writes in."""
    heading = Row(
        cells=(cell(frame.left, frame.right, [text_paragraph(item.label, LEFT, BOLD)]),),
        keep_next=True,
    )
    height = None if ctx.values.filled else _HEADING_ROOM
    content = (written or ["<w:p/>"]) + notes(item.notes)
    room = Row(cells=(top_cell(frame.left, frame.right, content),), height=height, can_split=True)
    return [heading, room]


def named_count_rows(item: NamedCountItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | 数量：__个 / 名称：__."""
    value = ctx.values.shaped(item.id, ctx.values.field(item.id), NamedCount, "an object")
    count = ctx.values.count(f"{item.id}.count", value.count if value else None)
    names = ctx.values.text(f"{item.id}.names", value.names if value else None)
    content = [
        paragraph([run(item.count_label), blank(count, 4), run(item.unit)]),
        blank_to_end(ctx, frame.split, frame.right, [run(item.names_label)], names),
        *notes(item.notes),
    ]
    return [label_row(frame, item.label, content)]


def counts_rows(item: CountsItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Label | one line per part: 绿色工厂数量 __."""
    value = ctx.values.parts(item.id, ctx.values.field(item.id))
    room = frame.split + (frame.right - frame.split) / 2  # blanks end mid-cell, like the form's
    content = [
        blank_to_end(
            ctx,
            frame.split,
            room,
            [run(part.label)],
            ctx.values.count(f"{item.id}.{part.id}", value.get(part.id) if value else None),
        )
        for part in item.parts
    ]
    return [label_row(frame, item.label, content + notes(item.notes))]


def static_rows(item: StaticItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Printed lines across the frame; headings bold, with writing room under them when blank."""
    if item.style == "heading":
        height = None if ctx.values.filled else _HEADING_ROOM
        return [
            Row(
                cells=(top_cell(frame.left, frame.right, [text_paragraph(line, LEFT, BOLD)]),),
                height=height,
            )
            for line in item.lines
        ]
    font = SMALL if item.style == "note" else Font()
    return [
        Row(
            cells=(
                cell(frame.left, frame.right, [text_paragraph(x, LEFT, font) for x in item.lines]),
            )
        )
    ]
