r"""JSON Schema (draft 2020-12) for the application data of a spec.

The schema describes the application document of ``docs/data-format.md`` for
one spec: ``spec`` (the spec id), optional ``meta`` and ``attachments``, and
``values`` with one property per field of the form.  It agrees with
:func:`clusterforms.validate` on every *structural* verdict — wrong types,
unknown fields, years, options and keys, missing required values, decimals
and ranges of numbers, whole numbers, character limits, explanations that an
option needs — and leaves the rest (consistency formulas, plan-target rules,
evidence warnings, decimals of JSON numbers) to the library.
``docs/renderers.md`` lists the difference exactly.

Decisions that keep the schema honest:

* numbers may be JSON numbers or numeric strings; the 2-decimal rule and the
  ranges of numeric strings are regular expressions (``multipleOf: 0.01``
  wrongly rejects 0.07 in validators that divide binary floats), and whole
  numbers use ``multipleOf: 1``, which is exact everywhere and also accepts
  the ``Decimal`` values of :func:`clusterforms.load_application`;
* character limits (字数) do not count whitespace, as the library does, so
  they are a pattern (``^\s*(?:\S\s*){0,200}$``), never ``maxLength``;
* everything is written inline (no ``$ref``) so validators stay fast, and
  the output is sorted and indented, so it is stable byte for byte.

Building the schema needs the standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from clusterforms import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    FormSpec,
    NamedCountItem,
    NumberItem,
    Option,
    Renderer,
    RenderError,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    TargetRow,
    TargetsItem,
    YearlyItem,
)

__all__ = [
    "DIALECT",
    "SCHEMA_BASE",
    "JsonSchemaRenderer",
    "application_schema",
    "dumps",
    "number_string_patterns",
    "schema_id",
    "text_limit_pattern",
]

#: The JSON Schema dialect of every schema this module writes.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The base of the schemas' ``$id``: an ``.invalid`` host (RFC 2606) never
#: resolves, so the id is a stable name, not a download location.
SCHEMA_BASE = "https://clusterforms.invalid/schemas/"

JsonObject = dict[str, Any]

_DIGIT = "[0-9]"
#: Empty as the library means it: null, or text of only whitespace.
_EMPTY: JsonObject = {"type": ["null", "string"], "pattern": r"^\s*$"}
_NOT_BLANK = r"\S"


def schema_id(spec_id: str) -> str:
    """The ``$id`` of the application schema of ``spec_id``."""
    return f"{SCHEMA_BASE}{spec_id}.schema.json"


# ------------------------------------------------------------------ patterns


def text_limit_pattern(limit: int, *, required: bool) -> str:
    r"""At most ``limit`` characters besides whitespace (at least one when ``required``).

    Whitespace is what :meth:`str.isspace` says, which is exactly Python's
    ``\s``; in ECMA-262 engines ``\s`` differs in a few rare characters.
    """
    low = 1 if required else 0
    if limit < low:
        return r"[^\s\S]"  # an empty class: nothing fits (a required cell limited to 0)
    return rf"^\s*(?:\S\s*){{{low},{limit}}}$"


def number_string_patterns(
    decimals: int | None,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> list[str]:
    """Patterns that a numeric string must all match; ``decimals=None`` for whole numbers.

    The first pattern is the form: optional surrounding whitespace and sign,
    ASCII digits, at most ``decimals`` places after the point besides
    trailing zeros (``"1.50"`` and ``"1.500"`` are both 1.5).  The others,
    present when a bound is, compare the value with ``minimum`` and
    ``maximum`` exactly, digit by digit, assuming the form holds.
    """
    if not decimals:
        magnitude = rf"{_DIGIT}+(?:\.0*)?|\.0+"
    else:
        places = f"{{0,{decimals}}}"
        magnitude = rf"{_DIGIT}+(?:\.{_DIGIT}{places}0*)?|\.{_DIGIT}{{1,{decimals}}}0*"
    patterns = [rf"^\s*[+-]?(?:{magnitude})\s*$"]
    if minimum is not None:
        patterns.append(_at_least(minimum))
    if maximum is not None:
        patterns.append(_at_most(maximum))
    return patterns


def _at_most(limit: Decimal) -> str:
    """A well-formed numeric string whose value is at most ``limit``."""
    if limit >= 0:
        return rf"^\s*(?:-|\+?{_magnitude_at_most(limit)}\s*$)"
    return rf"^\s*-{_magnitude_at_least(-limit)}\s*$"


def _at_least(limit: Decimal) -> str:
    """A well-formed numeric string whose value is at least ``limit``."""
    if limit <= 0:
        return rf"^\s*(?:\+|[0-9.]|-{_magnitude_at_most(-limit)}\s*$)"
    return rf"^\s*\+?{_magnitude_at_least(limit)}\s*$"


def _digits(limit: Decimal) -> tuple[str, str]:
    """The whole and fraction digits of ``|limit|``, without leading / trailing zeros."""
    text = format(abs(limit).normalize(), "f")
    whole, _, fraction = text.partition(".")
    return whole.lstrip("0"), fraction.rstrip("0")


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"[{low}-{high}]"


def _exactly(count: int) -> str:
    return "" if count == 0 else _DIGIT if count == 1 else f"{_DIGIT}{{{count}}}"


def _magnitude_at_most(limit: Decimal) -> str:
    whole, fraction = _digits(limit)
    if not whole and not fraction:
        return "[0.]*"  # zero: the form already holds, so only zeros and the point remain
    alternatives = [rf"{w}(?:\.{_DIGIT}*)?" for w in _smaller_wholes(whole)]
    alternatives.append(whole + _fraction_at_most(fraction))
    return f"0*(?:{'|'.join(alternatives)})"


def _magnitude_at_least(limit: Decimal) -> str:
    whole, fraction = _digits(limit)
    alternatives = [rf"{w}(?:\.{_DIGIT}*)?" for w in _larger_wholes(whole)]
    alternatives.append(whole + _fraction_at_least(fraction))
    return f"0*(?:{'|'.join(alternatives)})"


def _smaller_wholes(whole: str) -> list[str]:
    """Whole parts (after leading zeros) with a value below ``whole``."""
    if not whole:
        return []
    size = len(whole)
    found = [f"{_DIGIT}{{0,{size - 1}}}" if size > 1 else ""]
    for i, char in enumerate(whole):
        low = 1 if i == 0 else 0
        if int(char) > low:
            found.append(whole[:i] + _span(low, int(char) - 1) + _exactly(size - i - 1))
    return found


def _larger_wholes(whole: str) -> list[str]:
    """Whole parts (after leading zeros) with a value above ``whole``."""
    if not whole:
        return [f"[1-9]{_DIGIT}*"]
    size = len(whole)
    found = [f"[1-9]{_DIGIT}{{{size},}}"]
    for i, char in enumerate(whole):
        if int(char) < 9:
            found.append(whole[:i] + _span(int(char) + 1, 9) + _exactly(size - i - 1))
    return found


def _fraction_at_most(fraction: str) -> str:
    """An optional fraction no larger than ``.fraction``."""
    if not fraction:
        return r"(?:\.0*)?"
    found = []
    for j, char in enumerate(fraction):
        found.append(fraction[:j])  # a shorter prefix: the missing digits are zeros
        if int(char) > 0:
            found.append(fraction[:j] + _span(0, int(char) - 1) + f"{_DIGIT}*")
    found.append(fraction + "0*")
    return rf"(?:\.(?:{'|'.join(found)}))?"


def _fraction_at_least(fraction: str) -> str:
    """A fraction no smaller than ``.fraction`` (optional when that is zero)."""
    if not fraction:
        return rf"(?:\.{_DIGIT}*)?"
    found = [
        fraction[:j] + _span(int(char) + 1, 9) + f"{_DIGIT}*"
        for j, char in enumerate(fraction)
        if int(char) < 9
    ]
    found.append(fraction + f"{_DIGIT}*")
    return rf"\.(?:{'|'.join(found)})"


# ------------------------------------------------------------------ values


def _json_number(value: Decimal) -> int | float:
    """A spec bound as JSON: an integer when whole; else the float whose repr is the decimal."""
    return int(value) if value == value.to_integral_value() else float(value)


def _one_line(text: str) -> str:
    return text.replace("\n", "")


def _describe(*lines: str | None) -> str | None:
    kept = [line for line in lines if line]
    return "\n".join(kept) if kept else None


def _titled(schema: JsonObject, title: str | None, description: str | None = None) -> JsonObject:
    result = dict(schema)
    if title:
        result["title"] = title
    if description:
        result["description"] = description
    return result


def _optional(schema: JsonObject, *, required: bool) -> JsonObject:
    """``schema``, or (when not required) also empty: null or blank text.

    The value's own schema comes first: ``anyOf`` stops at the first match,
    and most cells are filled.
    """
    return schema if required else {"anyOf": [schema, _EMPTY]}


def _number(
    *,
    decimals: int | None,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> JsonObject:
    """A number cell: a JSON number or a numeric string (``decimals=None``: a whole number)."""
    if decimals is None and minimum is None:
        minimum = Decimal(0)
    first, *bounds = number_string_patterns(decimals, minimum, maximum)
    schema: JsonObject = {"type": ["number", "string"], "pattern": first}
    if decimals is None:
        schema["multipleOf"] = 1
    if minimum is not None:
        schema["minimum"] = _json_number(minimum)
    if maximum is not None:
        schema["maximum"] = _json_number(maximum)
    if bounds:
        schema["allOf"] = [{"pattern": pattern} for pattern in bounds]
    return schema


def _count() -> JsonObject:
    return _number(decimals=None)


def _number_words(decimals: int | None, minimum: Decimal | None, maximum: Decimal | None) -> str:
    if decimals is None:
        low = Decimal(0) if minimum is None else minimum
        words = f"整数（JSON 数字或数字字符串），不小于{low}"
        return words + (f"，不大于{maximum}" if maximum is not None else "")
    words = f"数值（JSON 数字或数字字符串），保留小数点后{decimals}位"
    if minimum is not None and maximum is not None:
        return words + f"，取值 {minimum} 至 {maximum}"
    if minimum is not None:
        return words + f"，不小于{minimum}"
    if maximum is not None:
        return words + f"，不大于{maximum}"
    return words


def _unit(unit: str | None) -> str | None:
    return f"单位：{unit}" if unit else None


def _text(item: Any, *, required: bool) -> JsonObject:
    limit: int | None = getattr(item, "max_chars", None)
    if limit is not None:
        schema: JsonObject = {
            "type": "string" if required else ["string", "null"],
            "pattern": text_limit_pattern(limit, required=required),
        }
    elif required:
        schema = {"type": "string", "pattern": _NOT_BLANK}
    else:
        schema = {"type": ["string", "null"]}
    notes: tuple[str, ...] = getattr(item, "notes", ())
    description = _describe(
        getattr(item, "hint", None),
        getattr(item, "prompt", None),
        *notes,
        f"限{limit}字以内（不计空格、换行等空白字符）" if limit is not None else None,
    )
    return _titled(schema, _label(item), description)


def _label(item: Any) -> str:
    label = getattr(item, "label", None) or getattr(item, "title", None) or item.id
    return _one_line(str(label))


def _number_field(item: NumberItem) -> JsonObject:
    schema = _number(decimals=item.decimals, minimum=item.minimum, maximum=item.maximum)
    description = _describe(
        _unit(item.unit),
        _number_words(item.decimals, item.minimum, item.maximum),
        *item.notes,
    )
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _count_field(item: CountItem) -> JsonObject:
    description = _describe(_unit(item.unit), _number_words(None, None, None), *item.notes)
    return _titled(_optional(_count(), required=item.required), _label(item), description)


def _needs_text(options: tuple[Option, ...]) -> list[str]:
    return [o.id for o in options if o.explain or o.free_text]


def _option_consts(options: tuple[Option, ...]) -> list[JsonObject]:
    """The options that may be given by id alone (those without a blank to fill)."""
    return [
        {"const": o.id, "title": _one_line(o.label)}
        for o in options
        if not (o.explain or o.free_text)
    ]


def _option_object(options: tuple[Option, ...], *, evidence: bool) -> JsonObject:
    """``{"option": id, "text": …}`` (and ``evidence`` in checklists)."""
    properties: JsonObject = {
        "option": {"enum": [o.id for o in options], "title": "选项编号"},
        "text": {
            "type": ["string", "null"],
            "title": "填写内容",
            "description": "选项后横线上的内容或情况说明",
        },
    }
    if evidence:
        properties["evidence"] = {
            "type": "array",
            "items": {"type": "string"},
            "title": "佐证材料",
            "description": "attachments 中佐证材料的 id",
        }
    schema: JsonObject = {
        "type": "object",
        "properties": properties,
        "required": ["option"],
        "additionalProperties": False,
    }
    needs = _needs_text(options)
    if needs:
        schema["if"] = {"properties": {"option": {"enum": needs}}}
        schema["then"] = {
            "required": ["text"],
            "properties": {"text": {"type": "string", "pattern": _NOT_BLANK}},
        }
    return schema


def _option_words(options: tuple[Option, ...]) -> list[str]:
    lines = []
    for option in options:
        label = _one_line(option.label)
        if option.explain:
            lines.append(f"选择“{label}”（{option.id}）时须在 text 中附情况说明")
        elif option.free_text:
            lines.append(f"选择“{label}”（{option.id}）时须在 text 中填写具体内容")
    return lines


def _choice_field(item: ChoiceItem) -> JsonObject:
    single = [*_option_consts(item.options), _option_object(item.options, evidence=False)]
    schema: JsonObject = {
        "oneOf": [
            *single,
            {"type": "array", "minItems": 1, "maxItems": 1, "items": {"anyOf": single}},
        ]
    }
    description = _describe(
        '选择一项：填写选项编号，或 {"option": 编号, "text": 内容}',
        *_option_words(item.options),
        *item.notes,
    )
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _checklist_field(item: ChecklistItem) -> JsonObject:
    # anyOf, object form first: the branches exclude each other, so this means
    # the same as oneOf, but validators stop at the first match instead of
    # trying (and, in fastjsonschema, raising for) every option of every entry.
    entry = {"anyOf": [_option_object(item.options, evidence=True), *_option_consts(item.options)]}
    schema: JsonObject = {"type": "array", "items": entry}
    needs = [o.label for o in item.options if (item.evidence if o.evidence is None else o.evidence)]
    description = _describe(
        _one_line(item.lead) if item.lead else None,
        '可多选：勾选的选项编号，或 {"option": 编号, "text": 内容, "evidence": [附件 id]}',
        *_option_words(item.options),
        ("勾选需提供佐证材料：" + "、".join(map(_one_line, needs))) if needs else None,
        *item.notes,
    )
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _year_object(
    years: tuple[int, ...], cell: JsonObject, *, required: bool, title: Any = None
) -> JsonObject:
    properties = {
        str(year): _titled(cell, title(n, year) if title else f"{year}年")
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


def _yearly_field(spec: FormSpec, item: YearlyItem) -> JsonObject:
    decimals = None if item.value == "count" else item.decimals
    cell = _optional(
        _number(decimals=decimals, minimum=item.minimum, maximum=item.maximum),
        required=item.required,
    )
    schema = _year_object(spec.data_years, cell, required=item.required)
    description = _describe(
        "按年度填写：" + "、".join(f"{y}年" for y in spec.data_years),
        _unit(item.unit),
        _number_words(decimals, item.minimum, item.maximum),
        *item.notes,
    )
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _parts(parts: tuple[Option, ...], *, required: bool) -> JsonObject:
    schema: JsonObject = {
        "type": "object",
        "properties": {p.id: _titled(_count(), _one_line(p.label)) for p in parts},
        "additionalProperties": False,
    }
    if required:
        schema["required"] = [p.id for p in parts]
    return schema


def _standards_field(spec: FormSpec, item: StandardsItem) -> JsonObject:
    roles = _parts(item.roles, required=item.required)
    categories: JsonObject = {
        "type": "object",
        "properties": {c.id: _titled(roles, _one_line(c.label)) for c in item.categories},
        "additionalProperties": False,
    }
    schema = _year_object(spec.data_years, categories, required=item.required)
    description = _describe(
        "年度 → 类别（" + "、".join(f"{c.id} {_one_line(c.label)}" for c in item.categories) + "）"
        " → " + "、".join(f"{r.id} {_one_line(r.label)}" for r in item.roles) + " → 数量",
        *item.notes,
    )
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _counts_field(item: CountsItem) -> JsonObject:
    schema = _parts(item.parts, required=item.required)
    description = _describe(_number_words(None, None, None), *item.notes)
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _named_count_field(item: NamedCountItem) -> JsonObject:
    positive = {
        "anyOf": [
            {"type": "number", "exclusiveMinimum": 0},
            {"type": "string", "pattern": "[1-9]"},
        ]
    }
    schema: JsonObject = {
        "type": "object",
        "properties": {
            "count": _titled(_count(), _one_line(item.count_label), _unit(item.unit)),
            "names": {"type": ["string", "null"], "title": _one_line(item.names_label)},
        },
        "required": ["count"],
        "additionalProperties": False,
        "if": {"required": ["count"], "properties": {"count": positive}},
        "then": {
            "required": ["names"],
            "properties": {"names": {"type": "string", "pattern": _NOT_BLANK}},
        },
    }
    description = _describe("数量大于0时须填写名称", *item.notes)
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _stages_field(spec: FormSpec, item: StagesItem) -> JsonObject:
    def title(n: int, year: int) -> str:
        try:
            return _one_line(item.year_label.format(n=n, year=year))
        except (KeyError, IndexError, ValueError):
            return f"{year}年度"

    cell: JsonObject = {"type": "string", "pattern": _NOT_BLANK}
    schema = _year_object(spec.plan_years, cell, required=item.required, title=title)
    description = _describe("按年度填写：" + "、".join(f"{y}年" for y in spec.plan_years))
    return _titled(_optional(schema, required=item.required), _label(item), description)


def _target_row(spec: FormSpec, item: TargetsItem, row: TargetRow) -> JsonObject:
    number = _number(decimals=2)
    value = {"type": "string", "pattern": _NOT_BLANK} if row.value == "text" else number
    baseline = item.baseline_header.format(baseline=spec.baseline_year)
    target = item.target_header.format(target=spec.target_year)
    schema: JsonObject = {
        "type": "object",
        "properties": {
            "baseline": _titled(value, _one_line(baseline)),
            "target": _titled(value, _one_line(target)),
            "industry_average": _titled(
                _optional(number, required=False),
                "行业平均水平",
                "用于“不低于行业平均水平”的备注要求；不填则不判断",
            ),
        },
        "required": ["baseline", "target"],
        "additionalProperties": False,
    }
    rules = [rule.text for rule in item.rules if rule.row == row.id]
    direction = next(d for d in item.directions if row in d.rows)
    title = _one_line(row.indicator) + (f"（{row.unit}）" if row.unit else "")
    description = _describe(
        f"方向：{_one_line(direction.label)}",
        "定性描述（文字）" if row.value == "text" else "数值，保留小数点后2位",
        *(f"备注要求：{text}" for text in rules),
    )
    return _titled(schema, title, description)


def _targets_field(spec: FormSpec, item: TargetsItem) -> JsonObject:
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
                    "anyOf": [{"const": d.id, "title": _one_line(d.label)} for d in item.directions]
                },
                "indicator": {"type": "string", "pattern": _NOT_BLANK, "title": "指标"},
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
    description = _describe(
        _one_line(item.guidance) if item.guidance else None,
        "备注要求（由 clusterforms.validate 检查）：" + "；".join(r.text for r in item.rules)
        if item.rules
        else None,
        *item.notes,
    )
    return _titled(_optional(schema, required=False), _label(item), description)


def _roster_field(item: RosterItem) -> JsonObject:
    """A list of rows, each an object of the table's columns; a cell is text or a number."""
    properties: JsonObject = {}
    for column in item.columns:
        text: JsonObject = {"type": "string"}
        limit = column.max_chars
        if limit is not None:
            text["pattern"] = text_limit_pattern(limit, required=False)
        cell: JsonObject = {"anyOf": [text, {"type": "number"}, {"type": "null"}]}
        description = _describe(
            _one_line(column.prompt) if column.prompt else None,
            f"限{limit}字以内（不计空格、换行等空白字符）" if limit is not None else None,
        )
        properties[column.id] = _titled(cell, _one_line(column.label), description)
    row: JsonObject = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    schema: JsonObject = {"type": "array", "items": row}
    if item.required:
        schema["minItems"] = 1
    description = _describe(
        "每行一个对象，键为列编号："
        + "、".join(f"{c.id} {_one_line(c.label)}" for c in item.columns),
        "单元格填写文字，也可填写数值（如序号）",
        *item.notes,
    )
    return _titled(_optional(schema, required=item.required), _label(item), description)


_Build = Callable[[FormSpec, Any], JsonObject]

#: How each kind's value is described; kinds absent here hold no value.
_FIELDS: dict[str, _Build] = {
    "text": lambda _, item: _text(item, required=item.required),
    "narrative": lambda _, item: _text(item, required=item.required),
    "number": lambda _, item: _number_field(item),
    "count": lambda _, item: _count_field(item),
    "choice": lambda _, item: _choice_field(item),
    "checklist": lambda _, item: _checklist_field(item),
    "yearly": _yearly_field,
    "standards": _standards_field,
    "counts": lambda _, item: _counts_field(item),
    "named_count": lambda _, item: _named_count_field(item),
    "stages": _stages_field,
    "targets": _targets_field,
    "roster": lambda _, item: _roster_field(item),
}


def _field(spec: FormSpec, item: Any) -> JsonObject | None:
    """The schema of one item's value, or None for items that hold none.

    Group, pair, year_header and static items are layout; a signoff block
    holds a value (the opinion text) only when it has room for an opinion.
    """
    if isinstance(item, SignoffItem):
        return _text(item, required=item.required) if item.opinion else None
    build = _FIELDS.get(item.kind)
    return None if build is None else build(spec, item)


def _values(spec: FormSpec) -> JsonObject:
    properties: JsonObject = {}
    required: list[str] = []
    for line in spec.cover.lines:
        properties[line.id] = _text(line, required=True)
        required.append(line.id)
    for _, item in spec.walk():
        schema = _field(spec, item)
        if schema is None:
            continue
        properties[item.id] = schema
        if getattr(item, "required", False):
            required.append(item.id)
    return {
        "type": "object",
        "title": "栏目数据",
        "description": (
            "每个栏目一项，键为栏目编号（clusterforms show "
            f"{spec.id}）；不填的栏目可省略，或填 null、空白文字"
        ),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def application_schema(spec: FormSpec) -> JsonObject:
    """The JSON Schema (draft 2020-12) of an application document for ``spec``."""
    return {
        "$schema": DIALECT,
        "$id": schema_id(spec.id),
        "title": _one_line(spec.title),
        "description": (
            f"{spec.issuer}《{_one_line(spec.title)}》（{spec.region}，"
            f"{spec.declaration_year}年申报）的申报数据，clusterforms 规格 {spec.id}。"
            "本模式只检查结构；一致性公式、发展目标备注要求和佐证材料提示"
            "由 clusterforms.validate 检查。"
        ),
        "type": "object",
        "properties": {
            "$schema": {"type": "string", "description": "编辑器所用的模式地址"},
            "spec": {"const": spec.id, "title": "规格编号"},
            "meta": {
                "type": "object",
                "title": "文档信息",
                "description": "关于本文档的自由文字（编制单位、集群名称等），不参与校验",
                "additionalProperties": {"type": "string"},
            },
            "attachments": {
                "type": "array",
                "title": "佐证材料",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "minLength": 1, "title": "编号"},
                        "title": {"type": "string", "title": "名称"},
                        "file": {"type": "string", "title": "文件名"},
                    },
                    "required": ["id", "title", "file"],
                },
            },
            "values": _values(spec),
        },
        "required": ["spec", "values"],
    }


def dumps(schema: Mapping[str, Any]) -> bytes:
    """Stable bytes: sorted keys, two-space indent, UTF-8 without escapes, final newline."""
    return (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


class JsonSchemaRenderer(Renderer):
    """The application data of a spec as a JSON Schema (draft 2020-12)."""

    name = "json-schema"
    media_type = "application/schema+json"
    extension = ".schema.json"
    text = True
    can_fill = False

    def render(self, spec: FormSpec, data: Mapping[str, Any] | None = None) -> bytes:
        """The schema's bytes (UTF-8 JSON, sorted, indented); ``data`` is not accepted."""
        if data is not None:
            msg = "the json-schema renderer describes blank forms only; it cannot fill data"
            raise RenderError(msg)
        return dumps(application_schema(spec))
