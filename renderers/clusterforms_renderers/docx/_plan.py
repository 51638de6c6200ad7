"""Section 八's own rows: the target table (方向 | 指标 | 基准值 | 目标值) and 阶段性目标.

Both are laid out across the whole width of the section's table, which is
one big cell on the form.  The target table cuts that width into its four
columns, with each 方向 cell merged down beside its indicators and a
"......" row where the form leaves room for more.  It is a table of its own
so that its header row repeats on each page it runs onto, and a 方向's rows
are kept on one page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from clusterforms import ExtraRow, Parts, StagesItem, TargetRow, Targets, TargetsItem
from clusterforms_renderers._indicators import is_count
from clusterforms_renderers.docx._layout import (
    CENTER,
    LEFT,
    ROW_HEIGHT,
    SMALL,
    Ctx,
    Frame,
    cell,
    merged_down,
    top_cell,
)
from clusterforms_renderers.docx._table import Cell, Row
from clusterforms_renderers.docx._values import with_unit
from clusterforms_renderers.docx._xml import BOLD, Para, cm, text_paragraph

#: Edges of 方向 | 指标 | 基准值 | 目标值, as shares of the frame.
_EDGES = (Fraction(0), Fraction(15, 100), Fraction(49, 100), Fraction(745, 1000), Fraction(1))

_STAGE_ROOM = 2  # empty lines under each stage of a blank form


def _columns(frame: Frame) -> list[Fraction]:
    width = frame.right - frame.left
    return [frame.left + width * edge for edge in _EDGES]


def targets_rows(item: TargetsItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """The 三年总体目标 block: heading and guidance, the table, then the 备注."""
    spec = ctx.spec
    cols = _columns(frame)
    data = ctx.values.shaped(item.id, ctx.values.field(item.id), Targets, "an object")
    filled: Mapping[str, Any] = {}
    if data is not None:
        filled = ctx.values.shaped(f"{item.id}.rows", data.rows, dict, "an object") or {}
    extras = _extras(item, ctx, data.extra if data is not None else ())
    intro = [text_paragraph(item.label, LEFT, BOLD)]
    if item.guidance:
        intro.append(text_paragraph(item.guidance, LEFT))
    headers = (
        item.direction_header,
        item.indicator_header,
        item.baseline_header.format(baseline=spec.baseline_year),
        item.target_header.format(target=spec.target_year),
    )
    rows = [
        Row(cells=(cell(frame.left, frame.right, intro),), keep_next=True),
        Row(
            cells=tuple(
                cell(cols[i], cols[i + 1], [text_paragraph(text, CENTER, BOLD)])
                for i, text in enumerate(headers)
            ),
            height=ROW_HEIGHT,
            header=True,
            keep_next=True,
            starts_table=True,
        ),
    ]
    for direction in item.directions:
        body = [
            _target_row(ctx, cols, row, filled.get(row.id), average_unit(item, row))
            for row in direction.rows
        ]
        body += [_extra_row(cols, extra) for extra in extras.get(direction.id, [])]
        if direction.open or not body:
            body.append(_plain_row(cols, direction.open_label if direction.open else "", "", ""))
        body = [attrs.evolve(row, keep_next=i < len(body) - 1) for i, row in enumerate(body)]
        rows += merged_down(body, cols[0], cols[1], [text_paragraph(direction.label, CENTER)])
    rows[-1] = attrs.evolve(rows[-1], ends_table=True)
    remarks = [text_paragraph(item.remarks_intro, LEFT)] if item.remarks_intro else []
    remarks += [text_paragraph(rule.text, LEFT) for rule in item.rules]
    remarks += [text_paragraph(note, LEFT) for note in item.notes]
    if remarks:
        rows.append(Row(cells=(cell(frame.left, frame.right, remarks),)))
    return rows


def _plain_row(
    cols: Sequence[Fraction], indicator: str, baseline: str, target: str, *, text: bool = False
) -> Row:
    """指标 | 基准值 | 目标值; figures centred, a 定性描述's sentences justified."""
    props = LEFT if text else CENTER
    cells = [
        cell(cols[1], cols[2], [text_paragraph(indicator, CENTER)]),
        cell(cols[2], cols[3], [text_paragraph(baseline, props)] if baseline else []),
        cell(cols[3], cols[4], [text_paragraph(target, props)] if target else []),
    ]
    return Row(cells=tuple(cells), height=ROW_HEIGHT)


def _target_row(
    ctx: Ctx, cols: Sequence[Fraction], row: TargetRow, value: Any, average_unit: str | None
) -> Row:
    entry = ctx.values.parts(row.id, value) or Parts()
    baseline = _shown(ctx, row, "baseline", entry.get("baseline"), row.unit)
    target = _shown(ctx, row, "target", entry.get("target"), row.unit)
    average = _shown(ctx, row, "industry_average", entry.get("industry_average"), average_unit)
    built = _plain_row(cols, row.indicator, baseline or "", target or "", text=row.value == "text")
    if not average:
        return built
    last = built.cells[-1]
    note = text_paragraph(f"行业平均水平：{average}", CENTER, SMALL)
    cells: tuple[Cell, ...] = (*built.cells[:-1], cell(last.start, last.end, [*last.content, note]))
    return Row(cells=cells, height=built.height)


def average_unit(item: TargetsItem, row: TargetRow) -> str | None:
    """What a row's 行业平均水平 is in: a rate (%) where its rule compares reduction rates.

    二氧化碳排放量下降率不低于行业平均水平 compares the row's fall with the
    industry's, so the average is a percentage whatever the row's own unit.
    """
    if any(r.row == row.id and r.check == "not_below_average_reduction" for r in item.rules):
        return "%"
    return row.unit


def _shown(ctx: Ctx, row: TargetRow, key: str, value: Any, unit: str | None) -> str | None:
    where = f"{row.id}.{key}"
    if row.value == "text":
        return ctx.values.text(where, value)
    counted = is_count(row.indicator) and key != "industry_average"
    number = _figure(ctx, where, value, counted=counted)
    if not number:
        return None
    return with_unit(number, unit, row.indicator) if isinstance(value, Decimal) else number


def _figure(ctx: Ctx, where: str, value: Any, *, counted: bool) -> str | None:
    """A target figure: a count whole, anything else with the form's two decimals."""
    if isinstance(value, Decimal):
        return ctx.values.count(where, value) if counted else ctx.values.number(where, value, 2)
    return ctx.values.plain_number(where, value)


def _extras(item: TargetsItem, ctx: Ctx, value: Any) -> dict[str, list[tuple[str, str, str]]]:
    """The applicant's added indicators by direction (an unknown one: the last open direction)."""
    field = f"{item.id}.extra"
    rows = ctx.values.shaped(field, value, tuple, "a list of rows") or ()
    known = {d.id for d in item.directions}
    fallback = next((d.id for d in reversed(item.directions) if d.open), None)
    out: dict[str, list[tuple[str, str, str]]] = {}
    for i, entry in enumerate(rows):
        where = f"{field}[{i}]"
        extra = ctx.values.shaped(where, entry, ExtraRow, "an object")
        if extra is None:
            continue
        direction = extra.direction
        target_dir = direction if direction in known else fallback
        if target_dir is None:
            continue
        indicator = ctx.values.text(f"{where}.indicator", extra.indicator) or ""
        counted = is_count(indicator)
        texts = (
            indicator,
            _figure(ctx, f"{where}.baseline", extra.baseline, counted=counted) or "",
            _figure(ctx, f"{where}.target", extra.target, counted=counted) or "",
        )
        out.setdefault(target_dir, []).append(texts)
    return out


def _extra_row(cols: Sequence[Fraction], extra: tuple[str, str, str]) -> Row:
    return _plain_row(cols, *extra)


def stages_rows(item: StagesItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """2.阶段性目标 and one line per plan year, with the applicant's text under each."""
    data = ctx.values.by_year(item.id, ctx.values.field(item.id))
    content = [text_paragraph(item.label, LEFT, BOLD)]
    for n, year in enumerate(ctx.spec.plan_years, start=1):
        content.append(text_paragraph(item.year_label.format(n=n, year=year), Para(first_line=420)))
        text = ctx.values.text(f"{item.id}.{year}", data.get(year) if data else None)
        if text:
            content += [
                text_paragraph(p.strip(), Para(first_line=420, align="both"))
                for p in text.split("\n")
                if p.strip()
            ]
        else:
            content += ["<w:p/>"] * _STAGE_ROOM
    height = None if ctx.values.filled else cm(1.0) * len(ctx.spec.plan_years)
    return [Row(cells=(top_cell(frame.left, frame.right, content),), height=height, can_split=True)]
