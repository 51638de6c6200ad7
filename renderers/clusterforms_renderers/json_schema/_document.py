"""The whole application document: which items hold values, ``values``, and the stable bytes.

Everything is written inline (no ``$ref``) so validators stay fast, and the
output is sorted and indented, so it is stable byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from clusterforms import FormSpec, SignoffItem
from clusterforms_renderers.json_schema._cells import JsonObject, one_line
from clusterforms_renderers.json_schema._grids import (
    counts_field,
    named_count_field,
    stages_field,
    standards_field,
    yearly_field,
)
from clusterforms_renderers.json_schema._options import checklist_field, choice_field
from clusterforms_renderers.json_schema._scalars import count_field, number_field, text_field
from clusterforms_renderers.json_schema._tables import roster_field, targets_field

#: The JSON Schema dialect of every schema this module writes.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The base of the schemas' ``$id``: an ``.invalid`` host (RFC 2606) never
#: resolves, so the id is a stable name, not a download location.
SCHEMA_BASE = "https://clusterforms.invalid/schemas/"


def schema_id(spec_id: str) -> str:
    """The ``$id`` of the application schema of ``spec_id``."""
    return f"{SCHEMA_BASE}{spec_id}.schema.json"


_Build = Callable[[FormSpec, Any], JsonObject]

#: How each kind's value is described; kinds absent here hold no value.
_FIELDS: dict[str, _Build] = {
    "text": lambda _, item: text_field(item, required=item.required),
    "narrative": lambda _, item: text_field(item, required=item.required),
    "number": lambda _, item: number_field(item),
    "count": lambda _, item: count_field(item),
    "choice": lambda _, item: choice_field(item),
    "checklist": lambda _, item: checklist_field(item),
    "yearly": yearly_field,
    "standards": standards_field,
    "counts": lambda _, item: counts_field(item),
    "named_count": lambda _, item: named_count_field(item),
    "stages": stages_field,
    "targets": targets_field,
    "roster": lambda _, item: roster_field(item),
}


def _field(spec: FormSpec, item: Any) -> JsonObject | None:
    """The schema of one item's value, or None for items that hold none.

    Group, pair, year_header and static items are layout; a signoff block
    holds a value (the opinion text) only when it has room for an opinion.
    """
    if isinstance(item, SignoffItem):
        return text_field(item, required=item.required) if item.opinion else None
    build = _FIELDS.get(item.kind)
    return None if build is None else build(spec, item)


def _values(spec: FormSpec) -> JsonObject:
    properties: JsonObject = {}
    required: list[str] = []
    for line in spec.cover.lines:
        properties[line.id] = text_field(line, required=True)
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
        "title": one_line(spec.title),
        "description": (
            f"{spec.issuer}《{one_line(spec.title)}》（{spec.region}，"
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
