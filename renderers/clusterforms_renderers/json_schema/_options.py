"""Fields of options: single choices and checklists, and the text an option needs."""

from __future__ import annotations

from clusterforms import ChecklistItem, ChoiceItem, Option
from clusterforms_renderers.json_schema._cells import (
    NOT_BLANK,
    JsonObject,
    describe,
    item_label,
    one_line,
    optional,
    titled,
)


def _needs_text(options: tuple[Option, ...]) -> list[str]:
    return [o.id for o in options if o.explain or o.free_text]


def _option_consts(options: tuple[Option, ...]) -> list[JsonObject]:
    """The options that may be given by id alone (those without a blank to fill)."""
    return [
        {"const": o.id, "title": one_line(o.label)}
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
            "properties": {"text": {"type": "string", "pattern": NOT_BLANK}},
        }
    return schema


def _option_words(options: tuple[Option, ...]) -> list[str]:
    lines = []
    for option in options:
        label = one_line(option.label)
        if option.explain:
            lines.append(f"选择“{label}”（{option.id}）时须在 text 中附情况说明")
        elif option.free_text:
            lines.append(f"选择“{label}”（{option.id}）时须在 text 中填写具体内容")
    return lines


def choice_field(item: ChoiceItem) -> JsonObject:
    """A choice item's value: one option, by id or as an object (alone or in a list of one)."""
    single = [*_option_consts(item.options), _option_object(item.options, evidence=False)]
    schema: JsonObject = {
        "oneOf": [
            *single,
            {"type": "array", "minItems": 1, "maxItems": 1, "items": {"anyOf": single}},
        ]
    }
    description = describe(
        '选择一项：填写选项编号，或 {"option": 编号, "text": 内容}',
        *_option_words(item.options),
        *item.notes,
    )
    return titled(optional(schema, required=item.required), item_label(item), description)


def checklist_field(item: ChecklistItem) -> JsonObject:
    """A checklist item's value: the options ticked, by id or as objects with evidence."""
    # anyOf, object form first: the branches exclude each other, so this means
    # the same as oneOf, but validators stop at the first match instead of
    # trying (and, in fastjsonschema, raising for) every option of every entry.
    entry = {"anyOf": [_option_object(item.options, evidence=True), *_option_consts(item.options)]}
    schema: JsonObject = {"type": "array", "items": entry}
    needs = [o.label for o in item.options if (item.evidence if o.evidence is None else o.evidence)]
    description = describe(
        one_line(item.lead) if item.lead else None,
        '可多选：勾选的选项编号，或 {"option": 编号, "text": 内容, "evidence": [附件 id]}',
        *_option_words(item.options),
        ("勾选需提供佐证材料：" + "、".join(map(one_line, needs))) if needs else None,
        *item.notes,
    )
    return titled(optional(schema, required=item.required), item_label(item), description)
