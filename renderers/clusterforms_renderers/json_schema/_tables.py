"""Fields that are tables: the development targets and rosters."""

from __future__ import annotations

from clusterforms import FormSpec, RosterItem, TargetRow, TargetsItem
from clusterforms_renderers.json_schema._cells import (
    NOT_BLANK,
    JsonObject,
    describe,
    item_label,
    number_cell,
    one_line,
    optional,
    titled,
)
from clusterforms_renderers.json_schema._patterns import text_limit_pattern


def _target_row(spec: FormSpec, item: TargetsItem, row: TargetRow) -> JsonObject:
    number = number_cell(decimals=2)
    value = {"type": "string", "pattern": NOT_BLANK} if row.value == "text" else number
    baseline = item.baseline_header.format(baseline=spec.baseline_year)
    target = item.target_header.format(target=spec.target_year)
    schema: JsonObject = {
        "type": "object",
        "properties": {
            "baseline": titled(value, one_line(baseline)),
            "target": titled(value, one_line(target)),
            "industry_average": titled(
                optional(number, required=False),
                "行业平均水平",
                "用于“不低于行业平均水平”的备注要求；不填则不判断",
            ),
        },
        "required": ["baseline", "target"],
        "additionalProperties": False,
    }
    rules = [rule.text for rule in item.rules if rule.row == row.id]
    direction = next(d for d in item.directions if row in d.rows)
    title = one_line(row.indicator) + (f"（{row.unit}）" if row.unit else "")
    description = describe(
        f"方向：{one_line(direction.label)}",
        "定性描述（文字）" if row.value == "text" else "数值，保留小数点后2位",
        *(f"备注要求：{text}" for text in rules),
    )
    return titled(schema, title, description)


def targets_field(spec: FormSpec, item: TargetsItem) -> JsonObject:
    """A targets table's value: its rows by id, and the rows added under a direction."""
    rows = [row for d in item.directions for row in d.rows]
    rows_schema: JsonObject = {
        "type": "object",
        "title": "表中各指标",
        "properties": {row.id: _target_row(spec, item, row) for row in rows},
        "additionalProperties": False,
    }
    required_rows = [row.id for row in rows if row.required]
    if required_rows:
        rows_schema["required"] = required_rows
    anything: JsonObject = {"type": ["number", "string", "null"]}
    extra: JsonObject = {
        "type": "array",
        "title": "增加的指标（……行）",
        "items": {
            "type": "object",
            "properties": {
                "direction": {
                    "anyOf": [{"const": d.id, "title": one_line(d.label)} for d in item.directions]
                },
                "indicator": {"type": "string", "pattern": NOT_BLANK, "title": "指标"},
                "baseline": anything,
                "target": anything,
            },
            "required": ["direction", "indicator"],
            "additionalProperties": False,
        },
    }
    schema: JsonObject = {
        "type": "object",
        "properties": {"rows": rows_schema, "extra": extra},
        "additionalProperties": False,
    }
    if required_rows:
        schema["required"] = ["rows"]
    description = describe(
        one_line(item.guidance) if item.guidance else None,
        "备注要求（由 clusterforms.validate 检查）：" + "；".join(r.text for r in item.rules)
        if item.rules
        else None,
        *item.notes,
    )
    return titled(optional(schema, required=False), item_label(item), description)


def roster_field(item: RosterItem) -> JsonObject:
    """A list of rows, each an object of the table's columns; a cell is text or a number."""
    properties: JsonObject = {}
    for column in item.columns:
        text: JsonObject = {"type": "string"}
        limit = column.max_chars
        if limit is not None:
            text["pattern"] = text_limit_pattern(limit, required=False)
        cell: JsonObject = {"anyOf": [text, {"type": "number"}, {"type": "null"}]}
        description = describe(
            one_line(column.prompt) if column.prompt else None,
            f"限{limit}字以内（不计空格、换行等空白字符）" if limit is not None else None,
        )
        properties[column.id] = titled(cell, one_line(column.label), description)
    row: JsonObject = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    schema: JsonObject = {"type": "array", "items": row}
    if item.required:
        schema["minItems"] = 1
    description = describe(
        "每行一个对象，键为列编号："
        + "、".join(f"{c.id} {one_line(c.label)}" for c in item.columns),
        "单元格填写文字，也可填写数值（如序号）",
        *item.notes,
    )
    return titled(optional(schema, required=item.required), item_label(item), description)
