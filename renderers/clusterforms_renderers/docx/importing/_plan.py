r"""Section 八 as printed: the outline under （3000字以内）, the target table, 备注, stages, tail.

Read as a person reads down the page (:func:`.._grid.flow`): the first line
gives the narrative's limit; the lines after it are its outline, up to the
target table's heading (1.三年总体目标) and guidance; the table is 方向 |
指标 | 2022年基准值 | 2025年目标值, its 备注 lines the rules as text (the
closing bracket ends them); 2.阶段性目标 and its （1）2023年度 lines are
the stages; each line after them is a heading the applicant writes under
(重点任务, 保障措施), sharing the cell's limit.  The outline keeps the numbers
Word draws (三、存在的问题); the headings, like every label, do not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from clusterforms import (
    Item,
    NarrativeItem,
    StagesItem,
    TargetDirection,
    TargetRow,
    TargetRule,
    TargetsItem,
)
from clusterforms_renderers.docx.importing._context import Ctx
from clusterforms_renderers.docx.importing._grid import Row, flow, is_table, rows_of
from clusterforms_renderers.docx.importing._text import (
    char_limit,
    clean,
    is_bracketed,
    label_of,
)
from clusterforms_renderers.wordml import Paragraph

_STAGES: Final = re.compile(r"阶段性目标")
_STAGE: Final = re.compile(r"^[（(](\d+)[）)]\s*((?:19|20)\d\d)\s*年度?")
_REMARKS: Final = re.compile(r"^[（(]\s*备注")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_OPEN: Final = re.compile(r"^[.…。·]{2,}$")
_PERCENT: Final = re.compile(r"增速|增长率|普及率|比例|比重|降低率|下降率")
_HEADERS: Final = 4


def is_plan(rows: Sequence[Row]) -> bool:
    """Whether a section's table is the plan's big cell: it opens with （NNNN字以内） alone."""
    if not rows or len(rows[0]) != 1:
        return False
    first = next((clean(p.text) for p in rows[0][0].cell.paragraphs if clean(p.text)), "")
    return char_limit(first) is not None and is_bracketed(first)


def is_targets(rows: Sequence[Row]) -> bool:
    """Whether rows are the target table: 方向 | 指标 | …基准值 | …目标值."""
    if not rows:
        return False
    head = [clean(v.text) for v in rows[0]]
    return len(head) == _HEADERS and "基准" in head[2] and "目标" in head[3]


def read_plan(rows: Sequence[Row], ctx: Ctx) -> tuple[list[Item], tuple[int, int] | None]:
    """The plan's items, and the (baseline, target) years its table or stages print."""
    tokens: list[str | list[Row]] = []
    printed: list[str | None] = []  # with the numbers Word draws (三、存在的问题)
    for element in flow(rows):
        if is_table(element):
            tokens.append(rows_of(element))  # type: ignore[arg-type]
            printed.append(None)
        elif isinstance(element, Paragraph) and clean(element.text):
            tokens.append(clean(element.text))
            printed.append(clean(element.printed_text))
    texts = [t if isinstance(t, str) else None for t in tokens]
    table_at = next((i for i, t in enumerate(tokens) if not isinstance(t, str)), None)
    stages_at = next(
        (i for i, t in enumerate(texts) if t and _STAGES.search(t) and (table_at or 0) <= i), None
    )
    items: list[Item] = []
    years: tuple[int, int] | None = None
    outline_end = len(tokens) if stages_at is None else stages_at
    label_at: int | None = None
    if table_at is not None and is_targets(tokens[table_at]):  # type: ignore[arg-type]
        label_at = _targets_label(texts, table_at)
        outline_end = label_at
    head = texts[0] or ""
    narrative = ctx.new_id(0)
    limited = narrative if char_limit(head) is not None else None
    outline = tuple(t for t in printed[1:outline_end] if t)
    items.append(
        NarrativeItem(id=narrative, label=head, max_chars=char_limit(head), outline=outline)
    )
    end = len(tokens)
    if label_at is not None and table_at is not None:
        stop = stages_at if stages_at is not None else end
        targets, years = _targets(texts, tokens[table_at], label_at, table_at, stop, ctx)  # type: ignore[arg-type]
        items.append(targets)
    if stages_at is not None:
        stages, stage_years, after = _stages(texts, stages_at, ctx)
        items.append(stages)
        years = years or stage_years
        for heading in (t for t in texts[after:] if t):
            entry = ctx.new_id(0)
            ctx.log.guess(entry, "kind", "a line after the stages: a heading to write under")
            items.append(
                NarrativeItem(id=entry, label=heading, layout="heading", counts_toward=limited)
            )
    for i, token in enumerate(tokens):
        if not isinstance(token, str) and i != table_at:
            ctx.log.unplaced(ctx.place(), " | ".join(clean(v.text) for v in token[0]), "a table")
    return items, years


def _targets_label(texts: Sequence[str | None], table_at: int) -> int:
    """Where the target table's heading is: the last line before it that is not guidance."""
    at = table_at - 1
    while at > 1 and texts[at] is not None and is_bracketed(texts[at] or ""):
        at -= 1
    return at


def _targets(  # noqa: PLR0913, PLR0917 - the page, the table and where its parts are
    texts: Sequence[str | None],
    rows: list[Row],
    label_at: int,
    table_at: int,
    stop: int,
    ctx: Ctx,
) -> tuple[TargetsItem, tuple[int, int] | None]:
    entry = ctx.new_id(0)
    guidance = "\n".join(t for t in texts[label_at + 1 : table_at] if t) or None
    head = [clean(v.text) for v in rows[0]]
    years = [_YEAR.search(h) for h in head[2:]]
    baseline_header, target_header, found = head[2], head[3], None
    if years[0] and years[1]:
        found = (int(years[0].group()), int(years[1].group()))
        baseline_header = head[2].replace(years[0].group(), "{baseline}", 1)
        target_header = head[3].replace(years[1].group(), "{target}", 1)
    directions = _directions(rows[1:], ctx)
    remarks = [t for t in texts[table_at + 1 : stop] if t]
    intro: str | None = None
    rules: list[TargetRule] = []
    notes: list[str] = []
    if remarks and _REMARKS.match(remarks[0]):
        intro = remarks.pop(0)
        closed = intro.endswith(("）", ")"))
        while remarks and not closed:
            line = remarks.pop(0)
            rules.append(TargetRule(id=ctx.new_id(0), text=line))
            closed = line.endswith(("）", ")"))
    notes = remarks
    item = TargetsItem(
        id=entry,
        label=texts[label_at] or "",
        guidance=guidance,
        direction_header=head[0],
        indicator_header=head[1],
        baseline_header=baseline_header,
        target_header=target_header,
        directions=tuple(directions),
        remarks_intro=intro,
        rules=tuple(rules),
        notes=tuple(notes),
    )
    return item, found


def _directions(rows: Sequence[Row], ctx: Ctx) -> list[TargetDirection]:
    out: list[TargetDirection] = []
    r = 0
    while r < len(rows):
        first = rows[r][0]
        span = max(1, min(first.cell.row_span, len(rows) - r))
        label = label_of(first.lines)
        entry = ctx.new_id(r)
        body = [row[1:] for row in rows[r : r + span]]
        target_rows: list[TargetRow] = []
        open_label: str | None = None
        for cells in body:
            indicator = clean(cells[0].text) if cells else ""
            if not indicator:
                continue
            if _OPEN.match(indicator):
                open_label = indicator
                continue
            row_id = ctx.new_id(r)
            text = indicator == "定性描述"
            unit = "%" if not text and _PERCENT.search(indicator) else None
            ctx.log.guess(row_id, "unit", "the table prints no unit: read from the indicator")
            target_rows.append(
                TargetRow(
                    id=row_id, indicator=indicator, value="text" if text else "number", unit=unit
                )
            )
        out.append(
            TargetDirection(
                id=entry,
                label=label,
                rows=tuple(target_rows),
                open=open_label is not None,
                open_label=open_label or "......",
            )
        )
        r += span
    return out


def _stages(
    texts: Sequence[str | None], at: int, ctx: Ctx
) -> tuple[StagesItem, tuple[int, int] | None, int]:
    """2.阶段性目标 and its year lines; the years they print; where the lines after them start."""
    entry = ctx.new_id(0)
    found: list[tuple[int, int, str]] = []
    after = at + 1
    while after < len(texts) and texts[after] is not None:
        matched = _STAGE.match(texts[after] or "")
        if matched is None:
            break
        found.append((int(matched.group(1)), int(matched.group(2)), texts[after] or ""))
        after += 1
    year_label = "（{n}）{year}年度"
    if found:
        n, year, shown = found[0]
        pattern = shown.replace(f"{n}", "{n}", 1).replace(str(year), "{year}", 1)
        year_label = pattern
    years = (found[0][1] - 1, found[-1][1]) if found else None
    return StagesItem(id=entry, label=texts[at] or "", year_label=year_label), years, after
