"""Cell values while migrating: units, numbers, the shape of a number cell.

Conversions are exact or not done: money units (元, 万元, 亿元) scale by
powers of ten in Decimal; anything else with a different unit is dropped by
the caller with a reason.
"""

from __future__ import annotations

import json
import re
from decimal import Context, Decimal
from typing import Any

import attrs

from clusterforms.application.cells import read_number
from clusterforms.application.numbers import MAX_DECIMAL_PLACES, MAX_WHOLE_DIGITS, number_text
from clusterforms.application.values import NONE_ANSWER
from clusterforms.model.items import Item, NumberItem, YearlyItem
from clusterforms.model.spec import CoverLine

NOTHING: Any = object()

MONEY = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
SPAN = re.compile(r"近[一二两三四五六七八九十\d]+年|累计|年均|三年")
TEXT_KINDS = frozenset({"text", "narrative", "signoff", "cover"})
SCALAR_KINDS = frozenset({"number", "count"})

Source = Item | CoverLine


def unit_factor(old: str | None, new: str | None) -> Decimal | None:
    """The exact factor from ``old`` units to ``new`` ones, or None if unknown.

    Money units convert (亿元 → 万元 is × 10000), also under a shared
    numerator (吨二氧化碳/万元 → 吨二氧化碳/亿元 is × 10000).
    """
    if old == new:
        return Decimal(1)
    if old is None or new is None:
        return None
    if old in MONEY and new in MONEY:
        return MONEY[old] / MONEY[new]
    old_top, _, old_per = old.partition("/")
    new_top, _, new_per = new.partition("/")
    if old_top == new_top and old_per in MONEY and new_per in MONEY:
        return MONEY[new_per] / MONEY[old_per]
    return None


def is_none_cell(value: object) -> bool:
    """Whether a number cell holds "无", the form's explicit none."""
    return read_number(value) is NONE_ANSWER


def as_decimal(value: object, unit: str | None = None) -> Decimal | None:
    """A number cell's value as a Decimal, read as every consumer reads it; None if it is none.

    ``unit`` is the old field's: ``152.3亿元`` in a 亿元 field is 152.3
    (:func:`clusterforms.read_application` has the rules).
    """
    number = read_number(value, unit)
    return number if isinstance(number, Decimal) else None


#: Enough digits to scale any bounded number by a power of ten exactly.
_EXACT = Context(prec=4 * (MAX_WHOLE_DIGITS + MAX_DECIMAL_PLACES))


def scale(number: Decimal, factor: Decimal) -> Decimal:
    """``number × factor``, exactly (a unit conversion must never round)."""
    return _EXACT.multiply(number, factor)


def kind_of(item: Source) -> str:
    """The item's kind, ``cover`` for a cover line."""
    return "cover" if isinstance(item, CoverLine) else item.kind


@attrs.frozen(kw_only=True)
class Scalar:
    """What a single number cell is: whole or not, and its unit if it is an amount."""

    integer: bool
    unit: str | None
    label: str


def scalar_of(item: Source) -> Scalar:
    """What kind of number cell ``item`` is (whole or not, and its unit)."""
    label = str(getattr(item, "label", ""))
    if isinstance(item, YearlyItem):
        integer = item.value == "count"
        return Scalar(integer=integer, unit=None if integer else item.unit, label=label)
    if isinstance(item, NumberItem):
        return Scalar(integer=False, unit=item.unit, label=label)
    return Scalar(integer=True, unit=None, label=label)


def option_id(value: object) -> str | None:
    """The option id a choice value names, or None."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("option"), str):
        return str(value["option"])
    return None


def year_of(key: str) -> int | None:
    """A year key (``"2022"``) as an int, or None if it is not one."""
    return int(key) if key.isdigit() else None


def span(years: tuple[int, ...]) -> str:
    """A year window as a report writes it (``2020–2022``)."""
    return f"{years[0]}–{years[-1]}" if years else "none"


def show(value: object) -> str:
    """A value as a migration report quotes it: at most 60 characters."""
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, str):
        return value if len(value) <= 60 else value[:57] + "…"
    if isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= 60 else text[:57] + "…"
    return str(value)
