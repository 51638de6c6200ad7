"""The one configured cattrs converter for specs.

Items are a tagged union on ``kind``; unknown keys are errors, not silently
dropped; numbers become :class:`~decimal.Decimal` (never float); unstructured
specs drop values equal to their defaults so they stay short.

The converter is built on first use (:func:`get_converter`), not at import:
generating its hooks is most of what importing the package used to cost.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from clusterforms.errors import UnknownKindError
from clusterforms.model import items as _items
from clusterforms.model import rules as _rules
from clusterforms.model import spec as _spec
from clusterforms.model.items import ITEM_CLASSES, KINDS, Item
from clusterforms.model.rules import RULE_CLASSES, Rule
from clusterforms.model.spec import FormSpec

__all__ = ["UnknownKindError", "get_converter", "structure_spec", "unstructure_spec"]


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        msg = f"expected a number or numeric string, got {type(value).__name__}"
        raise TypeError(msg)
    try:
        number = Decimal(value)
    except InvalidOperation:
        msg = f"not a number: {value!r}"
        raise ValueError(msg) from None
    if not number.is_finite():
        msg = f"not a finite number: {value!r}"
        raise ValueError(msg)
    return number


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        msg = f"expected a string, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"expected a whole number, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        msg = f"expected true or false, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


@functools.cache
def get_converter() -> cattrs.Converter:
    """The configured converter, built once, on the first call."""
    for cls in (*ITEM_CLASSES, *RULE_CLASSES.values(), *_ATTRS_CLASSES):
        attrs.resolve_types(cls, vars(_items) | vars(_rules) | vars(_spec))
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)

    conv.register_structure_hook(Item, _tagged_union(conv, "kind", KINDS, "item kind"))
    conv.register_structure_hook(Rule, _tagged_union(conv, "check", RULE_CLASSES, "rule check"))
    conv.register_unstructure_hook(Rule, lambda rule: conv.unstructure(rule, type(rule)))
    conv.register_unstructure_hook(Item, lambda item: conv.unstructure(item, type(item)))

    for cls in (*ITEM_CLASSES, *_ATTRS_CLASSES):
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
        )
    for cls in (*ITEM_CLASSES, *RULE_CLASSES.values()):
        # ``kind`` / ``check`` is the tag: always written, even though it is the default.
        conv.register_unstructure_hook(cls, _with_kind(conv, cls))
    return conv


def _tagged_union(
    conv: cattrs.Converter, tag: str, classes: Mapping[str, type[Any]], what: str
) -> Callable[[object, type], Any]:
    """A structure hook that picks the class of a table by its ``tag`` key."""
    known = ", ".join(sorted(classes))

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            msg = f"expected a table, got {type(value).__name__}"
            raise TypeError(msg)
        name = value.get(tag)
        cls = classes.get(name) if isinstance(name, str) else None
        if cls is None:
            msg = f"unknown {what} {name!r} (known {what.rsplit(maxsplit=1)[-1]}s: {known})"
            raise UnknownKindError(msg)
        return conv.structure(value, cls)

    return structure


def _with_kind(conv: cattrs.Converter, cls: type[Any]) -> Any:
    inner = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
    tag = "check" if cls in RULE_CLASSES.values() else "kind"

    def unstructure(item: Any) -> dict[str, Any]:
        result: dict[str, Any] = {tag: getattr(item, tag)}
        result.update(inner(item))
        return result

    return unstructure


_ATTRS_CLASSES: tuple[type[Any], ...] = (
    _items.Option,
    _items.TargetRow,
    _items.TargetDirection,
    _items.TargetRule,
    _spec.CoverLine,
    _spec.Cover,
    _spec.Section,
    _items.RosterColumn,
    _spec.Roster,
    _spec.Appendix,
    _spec.FormSpec,
    _rules.Condition,
    _rules.Criterion,
)


def structure_spec(data: object) -> FormSpec:
    """Build a :class:`FormSpec` from plain data; raises cattrs' validation errors."""
    return get_converter().structure(data, FormSpec)


def unstructure_spec(spec: FormSpec) -> dict[str, Any]:
    """Plain data (JSON/TOML-ready, Decimals as strings) for ``spec``."""
    result: dict[str, Any] = get_converter().unstructure(spec)
    return result
