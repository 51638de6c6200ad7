r"""One label cell and the cell beside it, read as the item the pair prints.

The input cell says most: □ boxes make a choice or checklist, 数量：__个 /
名称：__ a named count, lines that end in blanks (绿色工厂数量 __) a counts
item, a blank before 个 a count.  An empty cell leaves the label to speak:
（200字以内） makes a narrative, a unit in brackets a number, 数量 a count,
anything else text — the last three read from weak evidence, so a base spec
may correct them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from clusterforms import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    TextItem,
)
from clusterforms_renderers.docx.importing._boxes import (
    evidence,
    explains,
    one_answer,
    read_boxes,
)
from clusterforms_renderers.docx.importing._context import Ctx, option_ids
from clusterforms_renderers.docx.importing._grid import View
from clusterforms_renderers.docx.importing._text import (
    BLANK_CHARS,
    char_limit,
    clean,
    has_boxes,
    is_bracketed,
    is_note,
    label_of,
    unit_of,
)

_COUNT: Final = re.compile(r"数量|申请量|个数|人数|家数")
_NUMBER: Final = re.compile(
    r"每万人|拥有量|比例|比重|占比|率|强度|增速|面积|金额|总额|投资额|贸易额|产值"
)
_SHARE: Final = re.compile(r"比例|比重|占比|普及率|利用率|覆盖率|强度|上云比例")
_REDUCTION: Final = re.compile(r"降低率|下降率")
_AMOUNT_UNITS: Final = re.compile(r"元|公里|吨|亩")
_UNIT_LINE: Final = re.compile(f"^[{BLANK_CHARS}]*(个|家|项|人|件|次)[{BLANK_CHARS}]*$")
_NAMED_COUNT: Final = re.compile(f"^(数量[：:])[{BLANK_CHARS}]*(\\S+)[{BLANK_CHARS}]*$")
_NAMES: Final = re.compile(f"^(名称[：:])[{BLANK_CHARS}]*$")
#: A counts line: words, then a blank at least this wide (绿色工厂数量 ________).
_PART: Final = re.compile(f"^(\\S.*?)[{BLANK_CHARS}]{{3,}}$|^(\\S.*?)\t\u200b?$")
HINT_MARK: Final = "XX"


def split_hint(label: str) -> tuple[str, str | None]:
    r"""A label and the pattern printed under it: 集群名称：\\n（XX（省、市）…） → both."""
    head, _, last = label.rpartition("\n")
    if head and HINT_MARK in last and is_bracketed(last):
        return head, last
    return label, None


def field_item(label_view: View, value: View, ctx: Ctx, row: int) -> Item:  # noqa: PLR0911 - one per kind
    """The item of a label cell and its input cell."""
    label, hint = split_hint(label_of(label_view.lines))
    raw = [line for line in value.lines if clean(line)]
    entry = ctx.new_id(row)
    if has_boxes(value.text):
        return boxes_item(entry, label, raw, ctx)
    named = _named(entry, label, raw, ctx)
    if named is not None:
        return named
    notes = tuple(clean(x) for x in raw if is_note(x))
    rest = [x for x in raw if not is_note(x)]
    units = [_UNIT_LINE.match(x) for x in rest]
    if rest and all(units):
        unit = units[0].group(1) if units[0] else None
        return CountItem(id=entry, label=label, unit=unit, notes=notes)
    parts = [_PART.match(x) for x in rest]
    if len(rest) >= 2 and all(parts):
        names = [clean(m.group(1) or m.group(2)) for m in parts if m]
        ids = option_ids(names)
        options = tuple(Option(id=i, label=n) for i, n in zip(ids, names, strict=True))
        return CountsItem(id=entry, label=label, parts=options, notes=notes)
    written = "\n".join(clean(x) for x in rest) or None
    limit = char_limit(label)
    if limit is not None:
        return NarrativeItem(id=entry, label=label, max_chars=limit, prompt=written, notes=notes)
    item = scalar_item(entry, label, ctx, notes=notes)
    if isinstance(item, TextItem):
        shown = hint or written
        if hint and written:
            ctx.log.unplaced(ctx.place(row), written, "text in an input cell under a hint")
        return TextItem(id=entry, label=label, hint=shown, notes=notes)
    if written:
        ctx.log.unplaced(ctx.place(row), written, "text printed in an input cell")
    return item


def scalar_item(
    entry: str, label: str, ctx: Ctx, *, notes: tuple[str, ...] = ()
) -> TextItem | NumberItem | CountItem:
    """A blank cell read by its label: a number with a unit, a count, or text (all guesses)."""
    unit = unit_of(label)
    if unit is not None and unit not in {"个", "家", "项", "人"}:
        minimum, maximum = bounds(label, unit)
        if minimum is not None or maximum is not None:
            ctx.log.guess(entry, "bounds", "bounds read from the wording of the label")
        return NumberItem(
            id=entry, label=label, unit=unit, minimum=minimum, maximum=maximum, notes=notes
        )
    if _COUNT.search(label) and not _SHARE.search(label):
        ctx.log.guess(entry, "kind", "a count: the label says 数量 and the cell is blank")
        return CountItem(id=entry, label=label, notes=notes)
    if _NUMBER.search(label):
        ctx.log.guess(entry, "kind", "a number: the label names a quantity and the cell is blank")
        return NumberItem(id=entry, label=label, notes=notes)
    ctx.log.guess(entry, "kind", "text: a blank cell whose label names no quantity")
    return TextItem(id=entry, label=label, notes=notes)


def bounds(label: str, unit: str | None) -> tuple[Decimal | None, Decimal | None]:
    """The bounds a label implies: a share is 0–100 %, a reduction at most 100 %, an amount ≥ 0."""
    if unit == "%" and _REDUCTION.search(label):
        return None, Decimal(100)
    if unit == "%" and _SHARE.search(label):
        return Decimal(0), Decimal(100)
    if unit is not None and _AMOUNT_UNITS.search(unit):
        return Decimal(0), None
    return None, None


def value_kind(label: str) -> str:
    """``count`` or ``number`` for the values of a row: counts say 数量 and print no unit."""
    unit = unit_of(label)
    if (unit is None or unit in {"个", "家"}) and _COUNT.search(label) and not _SHARE.search(label):
        return "count"
    return "number"


def _named(entry: str, label: str, raw: list[str], ctx: Ctx) -> NamedCountItem | None:
    """数量：__个 / 名称：__, with the notes printed around them."""
    at = next((i for i, x in enumerate(raw) if _NAMED_COUNT.match(clean(x))), None)
    if at is None or at + 1 >= len(raw) or not _NAMES.match(clean(raw[at + 1])):
        return None
    count = _NAMED_COUNT.match(clean(raw[at]))
    names = _NAMES.match(clean(raw[at + 1]))
    assert count is not None  # noqa: S101 - matched just above
    assert names is not None  # noqa: S101 - matched just above
    others = raw[:at] + raw[at + 2 :]
    notes = tuple(clean(x) for x in others if is_note(x) or is_bracketed(x))
    for line in others:
        if not (is_note(line) or is_bracketed(line)):
            ctx.log.unplaced(ctx.log.places.get(entry, ""), clean(line))
    return NamedCountItem(
        id=entry,
        label=label,
        count_label=count.group(1),
        unit=count.group(2),
        names_label=names.group(1),
        notes=notes,
    )


def boxes_item(entry: str, label: str, raw: list[str], ctx: Ctx) -> ChoiceItem | ChecklistItem:
    """A choice or a checklist, as the boxes and their words say."""
    boxes = read_boxes(raw)
    place = ctx.log.places.get(entry, "")
    for stray in boxes.stray:
        ctx.log.unplaced(place, stray, "text among the boxes that is no option")
    labels = [text for text, _ in boxes.options]
    options = tuple(
        Option(id=i, label=text, free_text=free, explain=explains(text))
        for i, (text, free) in zip(option_ids(labels), boxes.options, strict=True)
    )
    single, weak = one_answer(label, boxes)
    if weak:
        what = "one answer" if single else "several answers"
        ctx.log.guess(entry, "kind", f"{what}: nothing printed says, {len(options)} boxes")
    if single:
        layout = boxes.layout
        return ChoiceItem(
            id=entry,
            label=label,
            options=options,
            layout=layout,
            columns=boxes.columns if layout == "grid" else 3,
            notes=boxes.notes,
        )
    needs = evidence(label, boxes)
    if not needs:
        ctx.log.guess(entry, "evidence", "no note says whether ticks need 佐证材料")
    return ChecklistItem(
        id=entry,
        label=label,
        options=options,
        lead=boxes.lead,
        evidence=needs,
        layout="grid" if boxes.layout == "grid" else "vertical",
        columns=boxes.columns if boxes.layout == "grid" else 3,
        notes=boxes.notes,
    )
