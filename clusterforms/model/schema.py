"""A JSON Schema for spec files themselves, generated from the model classes.

Editors that check TOML against a JSON Schema (Even Better TOML / taplo, or a
``jsonschema`` call on ``tomllib`` output) can then flag a misspelt key, an
unknown item ``kind`` or rule ``check``, a wrong type or a malformed id while
a spec is being written, and offer the keys of each table with descriptions.

The schema is derived from the attrs classes of :mod:`clusterforms.model.items`,
:mod:`clusterforms.model.spec` and :mod:`clusterforms.model.rules` by walking their
fields and types, so it cannot drift from the model: attrs fields without a
default are ``required``, unknown keys are refused (as the loader does),
items are a union tagged by ``kind`` and rules one tagged by ``check``, and
descriptions come from the class docstrings.  What types cannot say —
duplicate ids, rules naming fields or rows that do not exist, years out of
order — stays with the loader (:class:`clusterforms.SpecError`).
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

import attrs

from clusterforms.model import items as _items
from clusterforms.model import rules as _rules
from clusterforms.model import spec as _spec
from clusterforms.model.checks import ITEM_ID, OPTION_ID
from clusterforms.model.items import ITEM_CLASSES, Item
from clusterforms.model.rules import REF, RULE_CLASSES, Rule
from clusterforms.model.spec import FormSpec

__all__ = ["SPEC_SCHEMA_ID", "spec_file_schema"]

#: The ``$id`` of the spec-file schema (an ``.invalid`` host: a name, never fetched).
SPEC_SCHEMA_ID = "https://clusterforms.invalid/schemas/spec.schema.json"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: A number written as a string, as the loader's Decimal conversion reads it.
_DECIMAL_STRING = r"^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$"

_NAMESPACE: dict[str, Any] = {**vars(_items), **vars(_rules), **vars(_spec)}

#: Descriptions of fields that many classes share and no docstring spells out.
_COMMON: dict[str, str] = {
    "id": "Stable ASCII id, aligned across variants: lower-case words joined by dots.",
    "label": "The label as printed, verbatim; \\n where the printed form breaks the line.",
    "notes": "Printed lines that follow the item, verbatim (（注：…）).",
    "required": "Whether the cell must be filled (empty cells are findings of validate).",
    "kind": "The item kind; decides which other keys the table takes.",
    "check": "The kind of rule; decides which other keys the table takes.",
    "unit": "The unit printed with the value (亿元, %, 个).",
    "options": "The boxes, in printed order: { id = …, label = … } inline tables.",
    "source": "Where the rule or criterion comes from (document and clause).",
    "severity": "error (the application is unacceptable) or warning.",
}

#: Descriptions of the top-level keys, which FormSpec's docstring does not spell out.
_TOP_LEVEL: dict[str, str] = {
    "id": "The spec id: the file name without .toml, e.g. national-2023.",
    "title": "The form's title as printed (中小企业特色产业集群申报表).",
    "issuer": "Who issued the form (the …制 line): 工业和信息化部, a province's department.",
    "region": "The region the form is for (全国, 江苏省, …).",
    "declaration_year": "The year of the application round.",
    "source": "The document the form was taken from (circular number and annex).",
    "cover": "The cover page: heading, title, lines with blanks, issuer line.",
    "instructions_title": "The heading of the instructions (填报说明).",
    "instructions": "The instructions (填报说明) in order, verbatim, without their numbers.",
    "sections": "The numbered parts of the form (一、基本情况 …), in order.",
    "appendices": "Documents printed after the form: letters, outlines, notes, tables.",
    "rules": "Consistency rules between reported values (formula, compare).",
    "criteria": "Recognition criteria (认定标准), with conditions where data can decide them.",
}

#: Classes whose ``id`` is claimed by the loader's id rules (others are free-form).
_ITEM_ID_CLASSES = {
    *ITEM_CLASSES,
    _spec.CoverLine,
    _spec.Section,
    _spec.Appendix,
    _items.RosterColumn,
    _items.TargetDirection,
    _items.TargetRow,
    _items.TargetRule,
}

#: Fields holding a field reference (``industry.fdi@prev``), per class.
_REF_FIELDS = {
    (_rules.FormulaRule, "result"),
    (_rules.FormulaRule, "args"),
    (_rules.CompareRule, "left"),
    (_rules.CompareRule, "right"),
    (_rules.Condition, "fields"),
}


def _anchored(pattern: re.Pattern[str]) -> str:
    """An ECMA-262-compatible anchored pattern (no Python named groups)."""
    return "^(?:" + re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern) + ")$"


def _clean(text: str) -> str:
    """A docstring as plain text: reST roles and double backquotes simplified."""
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?([\w]+)`", r"\1", text)
    return text.replace("``", "`")


def _doc(cls: type) -> str:
    return _clean(inspect.cleandoc(cls.__doc__ or cls.__name__))


def _field_sentences(cls: type, name: str) -> str | None:
    """The sentences of ``cls``'s docstring that mention ``name``."""
    flat = " ".join((cls.__doc__ or "").split())
    found = []
    for clause in re.split(r"(?<=[.;])\s+", flat):
        if f"``{name}``" in clause:
            sentence = clause.removesuffix(";").removesuffix(".") + "."
            found.append(sentence[0].upper() + sentence[1:])
    return _clean(" ".join(found)) if found else None


def _json_default(value: object) -> object:
    """A JSON-ready default, or None when the default is not plain data."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple) and not value:
        return []
    return None


def _pattern(cls: type, name: str) -> str | None:
    """The pattern the loader's checks impose on a field's strings, if any."""
    if (name == "id" and cls in _ITEM_ID_CLASSES) or (cls, name) == (_items.TargetRule, "row"):
        return _anchored(ITEM_ID)
    if name == "id" and cls is _items.Option:
        return _anchored(OPTION_ID)
    if (cls, name) in _REF_FIELDS:
        return _anchored(REF)
    return None


def _description(cls: type, name: str) -> str | None:
    described = _field_sentences(cls, name)
    if cls is FormSpec:
        described = described or _TOP_LEVEL.get(name)
    elif name == "id" and cls is _items.Option:
        described = "The option's stable id: one lower-case ASCII word (yes, no, other)."
    elif name == "id" and cls not in _ITEM_ID_CLASSES:
        described = "A stable id, unique among its kind."
    return described or _COMMON.get(name)


class _Builder:
    """Collects one ``$defs`` entry per model class while walking types."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:  # noqa: C901, PLR0911 - one case per type
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is Decimal:
            return {"type": ["number", "string"], "pattern": _DECIMAL_STRING}
        if tp == Item:
            self._union("Item", "kind", ITEM_CLASSES, "An item of a section or group.")
            return {"$ref": "#/$defs/Item"}
        if tp == Rule:
            classes = tuple(RULE_CLASSES.values())
            self._union("Rule", "check", classes, "A consistency rule, tagged by its check.")
            return {"$ref": "#/$defs/Rule"}
        origin = get_origin(tp)
        if origin is Literal:
            return {"enum": list(get_args(tp))}
        if origin is tuple:
            item, _ = get_args(tp)
            return {"type": "array", "items": self.type_schema(item)}
        if origin in {typing.Union, types.UnionType}:
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) == 1:
                return self.type_schema(args[0])
            return {"anyOf": [self.type_schema(a) for a in args]}
        if isinstance(tp, type) and attrs.has(tp):
            self.define(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        msg = f"no JSON Schema for the type {tp!r}"
        raise TypeError(msg)

    def define(self, cls: type) -> dict[str, Any]:
        """The object schema of an attrs class (registered once under its name)."""
        name = cls.__name__
        if name in self.defs:
            return dict(self.defs[name])
        self.defs[name] = {}  # a placeholder: classes can nest themselves (groups)
        hints = typing.get_type_hints(cls, localns=_NAMESPACE)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[field.name] = self._property(cls, field, hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "title": name,
            "description": _doc(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        self.defs[name] = schema
        return dict(schema)

    def _property(self, cls: type, field: Any, tp: Any) -> dict[str, Any]:
        if field.name in {"kind", "check"} and get_origin(tp) is Literal:
            schema: dict[str, Any] = {"const": field.default}
        else:
            schema = self.type_schema(tp)
        pattern = _pattern(cls, field.name)
        if pattern is not None:
            target = schema["items"] if schema.get("type") == "array" else schema
            target["pattern"] = pattern
        description = _description(cls, field.name)
        if description:
            schema["description"] = description
        if field.default is not attrs.NOTHING and "const" not in schema:
            default = _json_default(field.default)
            if default is not None:
                schema["default"] = default
        return schema

    def _union(self, name: str, tag: str, classes: tuple[type, ...], doc: str) -> None:
        if name in self.defs:
            return
        self.defs[name] = {}
        branches = []
        for cls in classes:
            self.define(cls)
            branches.append({"$ref": f"#/$defs/{cls.__name__}", "required": [tag]})
        tags = [attrs.fields_dict(cls)[tag].default for cls in classes]
        self.defs[name] = {
            "type": "object",
            "description": _clean(doc),
            "required": [tag],
            "properties": {tag: {"enum": tags, "description": _COMMON[tag]}},
            "oneOf": branches,
        }


def spec_file_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for spec TOML files, as plain JSON-ready data.

    Top-level keys are those of :class:`~clusterforms.FormSpec` plus the
    variant keys ``extends``, ``drop_sections`` and ``drop_appendices``; a
    file with ``extends`` need not repeat the base's required keys.
    """
    builder = _Builder()
    root = builder.define(FormSpec)
    required = root.pop("required")
    root["properties"] = {
        **root["properties"],
        "extends": {
            "type": "string",
            "description": "Start from another spec: a shipped spec id or a relative "
            "path to a .toml file; this file's keys then override the base's.",
        },
        "drop_sections": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Ids of the base's sections to remove (with extends).",
        },
        "drop_appendices": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Ids of the base's appendices to remove (with extends).",
        },
    }
    del builder.defs[FormSpec.__name__]
    return {
        "$schema": _DIALECT,
        "$id": SPEC_SCHEMA_ID,
        **root,
        "title": "clusterforms spec file",
        "if": {"required": ["extends"]},
        "else": {"required": required},
        "$defs": dict(sorted(builder.defs.items())),
    }
