"""The pieces every field's schema is built from: titles, descriptions, empty values, numbers.

A number cell is a JSON number, a numeric string or "无" (the form's explicit
none, :data:`NONE_CELL`; whether the item may be "无" only ``validate`` knows).
The 2-decimal rule and the ranges of numeric strings are patterns (``multipleOf: 0.01`` wrongly
rejects 0.07 in validators that divide binary floats), and whole numbers use
``multipleOf: 1``, which is exact everywhere and also accepts the
``Decimal`` values of :func:`clusterforms.load_application`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from clusterforms import NONE_TEXT
from clusterforms_renderers.json_schema._patterns import number_string_patterns

JsonObject = dict[str, Any]

#: Empty as the library means it: null, or text of only whitespace.
EMPTY: JsonObject = {"type": ["null", "string"], "pattern": r"^\s*$"}
#: Text with at least one character besides whitespace.
NOT_BLANK = r"\S"
#: "无" in a number cell, white space around it aside.
NONE_CELL: JsonObject = {"type": "string", "pattern": rf"^\s*{NONE_TEXT}\s*$"}


def json_number(value: Decimal) -> int | float:
    """A spec bound as JSON: an integer when whole; else the float whose repr is the decimal."""
    return int(value) if value == value.to_integral_value() else float(value)


def one_line(text: str) -> str:
    """``text`` without its line breaks, as titles and option labels are shown."""
    return text.replace("\n", "")


def describe(*lines: str | None) -> str | None:
    """The lines that are given, one per line; None when none is."""
    kept = [line for line in lines if line]
    return "\n".join(kept) if kept else None


def titled(schema: JsonObject, title: str | None, description: str | None = None) -> JsonObject:
    """A copy of ``schema`` with its ``title`` and ``description``, when given."""
    result = dict(schema)
    if title:
        result["title"] = title
    if description:
        result["description"] = description
    return result


def optional(schema: JsonObject, *, required: bool) -> JsonObject:
    """``schema``, or (when not required) also empty: null or blank text.

    The value's own schema comes first: ``anyOf`` stops at the first match,
    and most cells are filled.
    """
    return schema if required else {"anyOf": [schema, EMPTY]}


def number_cell(
    *,
    decimals: int | None,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> JsonObject:
    """A number cell: a number or numeric string (``decimals=None``: whole), or "无"."""
    if decimals is None and minimum is None:
        minimum = Decimal(0)
    first, *bounds = number_string_patterns(decimals, minimum, maximum)
    schema: JsonObject = {"type": ["number", "string"], "pattern": first}
    if decimals is None:
        schema["multipleOf"] = 1
    if minimum is not None:
        schema["minimum"] = json_number(minimum)
    if maximum is not None:
        schema["maximum"] = json_number(maximum)
    if bounds:
        schema["allOf"] = [{"pattern": pattern} for pattern in bounds]
    return {"anyOf": [schema, NONE_CELL]}


def count_cell() -> JsonObject:
    """A count cell: a whole number, not negative."""
    return number_cell(decimals=None)


def number_words(decimals: int | None, minimum: Decimal | None, maximum: Decimal | None) -> str:
    """How a number cell is filled in, in words (``decimals=None``: a whole number)."""
    if decimals is None:
        low = Decimal(0) if minimum is None else minimum
        words = f"整数（JSON 数字或数字字符串；无相关情况时填“{NONE_TEXT}”），不小于{low}"
        return words + (f"，不大于{maximum}" if maximum is not None else "")
    words = f"数值（JSON 数字或数字字符串；无相关情况时填“{NONE_TEXT}”），保留小数点后{decimals}位"
    if minimum is not None and maximum is not None:
        return words + f"，取值 {minimum} 至 {maximum}"
    if minimum is not None:
        return words + f"，不小于{minimum}"
    if maximum is not None:
        return words + f"，不大于{maximum}"
    return words


def unit_words(unit: str | None) -> str | None:
    """The line naming a value's unit, if it has one."""
    return f"单位：{unit}" if unit else None


def item_label(item: Any) -> str:
    """The title of an item's value: its label, else its title, else its id."""
    label = getattr(item, "label", None) or getattr(item, "title", None) or item.id
    return one_line(str(label))
