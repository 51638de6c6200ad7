"""Fields keyed by year or by part: yearly numbers, standards, counts, named counts, stages."""

from __future__ import annotations

from typing import Any

from clusterforms import (
    CountsItem,
    FormSpec,
    NamedCountItem,
    Option,
    StagesItem,
    StandardsItem,
    YearlyItem,
)
from clusterforms_renderers.json_schema._cells import (
    NOT_BLANK,
    JsonObject,
    count_cell,
    describe,
    item_label,
    number_cell,
    number_words,
    one_line,
    optional,
    titled,
    unit_words,
)


def _year_object(
    years: tuple[int, ...], cell: JsonObject, *, required: bool, title: Any = None
) -> JsonObject:
    properties = {
        str(year): titled(cell, title(n, year) if title else f"{year}年")
        for n, year in enumerate(years, start=1)
    }
    schema: JsonObject = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = [str(year) for year in years]
    return schema


def yearly_field(spec: FormSpec, item: YearlyItem) -> JsonObject:
    """A yearly item's value: a number (or count) for each data year."""
    decimals = None if item.value == "count" else item.decimals
    cell = optional(
        number_cell(decimals=decimals, minimum=item.minimum, maximum=item.maximum),
        required=item.required,
    )
    schema = _year_object(spec.data_years, cell, required=item.required)
    description = describe(
        "按年度填写：" + "、".join(f"{y}年" for y in spec.data_years),
        unit_words(item.unit),
        number_words(decimals, item.minimum, item.maximum),
        *item.notes,
    )
    return titled(optional(schema, required=item.required), item_label(item), description)


def _parts(parts: tuple[Option, ...], *, required: bool) -> JsonObject:
    schema: JsonObject = {
        "type": "object",
        "properties": {p.id: titled(count_cell(), one_line(p.label)) for p in parts},
        "additionalProperties": False,
    }
    if required:
        schema["required"] = [p.id for p in parts]
    return schema


def standards_field(spec: FormSpec, item: StandardsItem) -> JsonObject:
    """A standards item's value: year → category → role → count."""
    roles = _parts(item.roles, required=item.required)
    categories: JsonObject = {
        "type": "object",
        "properties": {c.id: titled(roles, one_line(c.label)) for c in item.categories},
        "additionalProperties": False,
    }
    schema = _year_object(spec.data_years, categories, required=item.required)
    description = describe(
        "年度 → 类别（" + "、".join(f"{c.id} {one_line(c.label)}" for c in item.categories) + "）"
        " → " + "、".join(f"{r.id} {one_line(r.label)}" for r in item.roles) + " → 数量",
        *item.notes,
    )
    return titled(optional(schema, required=item.required), item_label(item), description)


def counts_field(item: CountsItem) -> JsonObject:
    """A counts item's value: a count for each part."""
    schema = _parts(item.parts, required=item.required)
    description = describe(number_words(None, None, None), *item.notes)
    return titled(optional(schema, required=item.required), item_label(item), description)


def named_count_field(item: NamedCountItem) -> JsonObject:
    """A named count's value: a count, and the names when the count is above zero."""
    positive = {
        "anyOf": [
            {"type": "number", "exclusiveMinimum": 0},
            {"type": "string", "pattern": "[1-9]"},
        ]
    }
    schema: JsonObject = {
        "type": "object",
        "properties": {
            "count": titled(count_cell(), one_line(item.count_label), unit_words(item.unit)),
            "names": {"type": ["string", "null"], "title": one_line(item.names_label)},
        },
        "required": ["count"],
        "additionalProperties": False,
        "if": {"required": ["count"], "properties": {"count": positive}},
        "then": {
            "required": ["names"],
            "properties": {"names": {"type": "string", "pattern": NOT_BLANK}},
        },
    }
    description = describe("数量大于0时须填写名称", *item.notes)
    return titled(optional(schema, required=item.required), item_label(item), description)


def stages_field(spec: FormSpec, item: StagesItem) -> JsonObject:
    """A stages item's value: the text of each plan year."""

    def title(n: int, year: int) -> str:
        try:
            return one_line(item.year_label.format(n=n, year=year))
        except (KeyError, IndexError, ValueError):
            return f"{year}年度"

    cell: JsonObject = {"type": "string", "pattern": NOT_BLANK}
    schema = _year_object(spec.plan_years, cell, required=item.required, title=title)
    description = describe("按年度填写：" + "、".join(f"{y}年" for y in spec.plan_years))
    return titled(optional(schema, required=item.required), item_label(item), description)
