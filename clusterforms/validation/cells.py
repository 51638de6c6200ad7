"""Reading one cell of an application: emptiness, numbers, character counts.

The primitives every field check shares, so that "empty", "a number" and
"a character" mean the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from clusterforms.model.items import Item
from clusterforms.model.spec import CoverLine
from clusterforms.validation.emit import Emitter, label_of

#: Attachment ids of the application, or None when it lists none.
Attachments = frozenset[str] | None
Checker = Callable[[Any, Emitter, Attachments], Any]

NUMBER_WORDS = ("数值", "a number")
COUNT_WORDS = ("整数", "a whole number")
TEXT_WORDS = ("文字", "text")
OBJECT_WORDS = ("对象（键值对）", "an object")
LIST_WORDS = ("列表", "a list")


def is_empty(value: object) -> bool:
    """Absent, null, or blank text: what the forms call 空缺."""
    return value is None or (isinstance(value, str) and not value.strip())


def count_chars(text: str) -> int:
    """Characters towards a 字数 limit: every character except whitespace."""
    return len("".join(text.split()))


def type_name(value: object) -> str:
    """A short name for a JSON value's type, for messages."""
    names = {bool: "true/false", int: "number", Decimal: "number", float: "number", str: "text"}
    names |= {dict: "object", list: "list", type(None): "null"}
    return names.get(type(value), type(value).__name__)


class NumberReader:
    """Reads a number cell: type, decimals, sign and range, in one place."""

    __slots__ = ("decimals", "field", "integer", "label", "maximum", "minimum")

    def __init__(  # noqa: PLR0913 - the facts of one number cell
        self,
        field: str,
        label: str,
        *,
        integer: bool,
        decimals: int = 2,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
    ) -> None:
        self.field = field
        self.label = label
        self.integer = integer
        self.decimals = decimals
        self.minimum = Decimal(0) if integer and minimum is None else minimum
        self.maximum = maximum

    def __call__(
        self, value: object, emit: Emitter, year: int | None = None, option: str | None = None
    ) -> Decimal | None:
        """The cell's Decimal, or None after reporting why it is unusable."""
        number = _as_decimal(value)
        if number is None:
            zh, en = COUNT_WORDS if self.integer else NUMBER_WORDS
            emit(
                "wrong_type",
                self.field,
                self.label,
                year=year,
                option=option,
                expected=zh,
                expected_en=en,
                got=show_value(value),
            )
            return None
        shown = show_value(value)
        if self.integer and number != number.to_integral_value():
            emit("not_integer", self.field, self.label, year=year, option=option, value=shown)
            return None
        exponent = number.as_tuple().exponent
        if (
            not self.integer
            and isinstance(exponent, int)
            and -exponent > self.decimals  # only then can trailing zeros matter
            and _places(number) > self.decimals
        ):
            emit(
                "decimals",
                self.field,
                self.label,
                year=year,
                option=option,
                value=shown,
                decimals=self.decimals,
            )
        if self.minimum is not None and number < self.minimum:
            if self.minimum == 0:
                emit("negative", self.field, self.label, year=year, option=option, value=shown)
            else:
                self._out_of_range(emit, shown, year, option)
        elif self.maximum is not None and number > self.maximum:
            self._out_of_range(emit, shown, year, option)
        return number

    def _out_of_range(
        self, emit: Emitter, shown: str, year: int | None, option: str | None
    ) -> None:
        low = "−∞" if self.minimum is None else self.minimum
        high = "∞" if self.maximum is None else self.maximum
        emit(
            "out_of_range",
            self.field,
            self.label,
            year=year,
            option=option,
            value=shown,
            low=low,
            high=high,
        )


_PLAIN_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def _as_decimal(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    if isinstance(value, int):
        return Decimal(value)
    text = value.strip()
    if not _PLAIN_DECIMAL.fullmatch(text):  # no 1e2, no full-width digits, no 1_000
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _places(number: Decimal) -> int:
    """Decimal places that carry a digit: ``12.50`` has 1, ``12.345`` has 3."""
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def show_value(value: object) -> str:
    """A value as a message quotes it: at most 40 characters."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def wrong_type(
    emit: Emitter,
    item: Item | CoverLine,
    words: tuple[str, str],
    value: object,
    year: int | None = None,
) -> None:
    """Report that ``item`` holds ``value`` where ``words`` (zh, en) belong."""
    emit(
        "wrong_type",
        item.id,
        label_of(item),
        year=year,
        expected=words[0],
        expected_en=words[1],
        got=type_name(value),
    )
