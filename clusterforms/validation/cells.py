"""Checking one typed cell: numbers against their item, and what a cell holds instead.

The cells come from :func:`clusterforms.read_application`, already typed;
here they are judged, so that "a number", "a character" and "a value that
does not fit" are reported the same way everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from clusterforms.application.characters import describe_character
from clusterforms.application.numbers import MAX_DECIMAL_PLACES, MAX_WHOLE_DIGITS
from clusterforms.application.values import Invalid, NoneAnswer
from clusterforms.model.items import Item
from clusterforms.model.spec import CoverLine
from clusterforms.validation.emit import Emitter, label_of
from clusterforms.validation.none import NEVER_NONE_WHY

#: Attachment ids of the application, or None when it lists none.
Attachments = frozenset[str] | None
#: A compiled check of one field's typed value; returns what the rules may use.
Checker = Callable[[Any, Emitter, Attachments], Any]

NUMBER_WORDS = ("数值", "a number")
COUNT_WORDS = ("整数", "a whole number")
TEXT_WORDS = ("文字", "text")
OBJECT_WORDS = ("对象（键值对）", "an object")
LIST_WORDS = ("列表", "a list")


def count_chars(text: str) -> int:
    """Every character except whitespace: never less than :func:`count_words`.

    For limits that must hold however the text is counted (the JSON Schema
    pattern, the 集群简介 that summarize writes).
    """
    return len("".join(text.split()))


def _counts_alone(char: str) -> bool:
    """A character Word counts on its own: a wide (CJK) one, or wide-looking punctuation."""
    width = unicodedata.east_asian_width(char)
    return width in {"W", "F"} or (width == "A" and unicodedata.category(char).startswith("P"))


def count_words(text: str) -> int:
    """字数 as Word's 字数统计 counts it: what applicants see when they check a limit.

    Word's 字数 is 中文字符和朝鲜语单词 plus 非中文单词: every CJK character and
    full-width (or Chinese-style, “”…—) punctuation mark counts one, and each run of
    other characters between spaces and CJK characters counts one if it holds a letter
    or digit ("2023", "58.07", "12.25%", "5G"); half-width punctuation on its own
    counts nothing.  Never more than :func:`count_chars`.
    """
    words = 0
    in_word = False
    for char in text:
        if _counts_alone(char) or char.isspace():
            words += in_word
            in_word = False
            words += not char.isspace()
        elif char.isalnum():
            in_word = True
    return words + in_word


def type_name(value: object) -> str:
    """A short name for a JSON value's type, for messages."""
    names = {bool: "true/false", int: "number", Decimal: "number", float: "number", str: "text"}
    names |= {dict: "object", list: "list", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def show_value(value: object) -> str:
    """A value as a message quotes it: at most 40 characters."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def report_invalid(  # noqa: PLR0913 - a finding's place and words
    emit: Emitter,
    invalid: Invalid,
    place: tuple[str, str],
    words: tuple[str, str],
    *,
    year: int | None = None,
    option: str | None = None,
    quote: bool = False,
) -> None:
    """Report what ``invalid`` holds instead of ``words`` (zh, en) at ``place`` (field, label).

    ``quote``: a wrong value is quoted (a number cell's ``abc``), else only its type is named.
    """
    field, label = place
    if invalid.problem == "invalid_character":
        char = invalid.character or "\x00"  # always found: the reader saw it
        emit(
            "invalid_character",
            field,
            label,
            year=year,
            option=option,
            char=describe_character(char, "zh"),
            char_en=describe_character(char),
        )
    elif invalid.problem == "too_many_digits":
        value = invalid.text if invalid.text is not None else str(invalid.value)
        emit(
            "too_many_digits",
            field,
            label,
            year=year,
            option=option,
            value=show_value(value),
            whole=MAX_WHOLE_DIGITS,
            places=MAX_DECIMAL_PLACES,
        )
    else:
        emit(
            "wrong_type",
            field,
            label,
            year=year,
            option=option,
            expected=words[0],
            expected_en=words[1],
            got=show_value(invalid.value) if quote else type_name(invalid.value),
        )


class NumberCheck:
    """Checks a number cell: type, "无", decimals, sign and range, in one place."""

    __slots__ = ("decimals", "field", "integer", "label", "maximum", "minimum", "refuses_none")

    def __init__(  # noqa: PLR0913 - the facts of one number cell
        self,
        field: str,
        label: str,
        *,
        integer: bool,
        decimals: int = 2,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        refuses_none: bool = False,
    ) -> None:
        self.field = field
        self.label = label
        self.integer = integer
        self.decimals = decimals
        self.minimum = Decimal(0) if integer and minimum is None else minimum
        self.maximum = maximum
        self.refuses_none = refuses_none

    def __call__(
        self, cell: object, emit: Emitter, year: int | None = None, option: str | None = None
    ) -> Decimal | NoneAnswer | None:
        """The cell's Decimal or "无", or None after reporting why it is unusable.

        "无" is returned for the rules to judge, unless the field can never be "无"
        (:mod:`clusterforms.validation.none`).
        """
        if isinstance(cell, NoneAnswer):
            if not self.refuses_none:
                return cell
            why, why_en = NEVER_NONE_WHY
            emit(
                "none_not_allowed",
                self.field,
                self.label,
                year=year,
                option=option,
                why=why,
                why_en=why_en,
            )
            return None
        if not isinstance(cell, Decimal):
            words = COUNT_WORDS if self.integer else NUMBER_WORDS
            invalid = cell if isinstance(cell, Invalid) else Invalid(cell, "wrong_shape")
            place = (self.field, self.label)
            report_invalid(emit, invalid, place, words, year=year, option=option, quote=True)
            return None
        number = cell
        if self.integer and number != number.to_integral_value():
            emit(
                "not_integer",
                self.field,
                self.label,
                year=year,
                option=option,
                value=show_value(number),
            )
            return None
        if (
            not self.integer
            and _written_places(number) > self.decimals  # only then can trailing zeros matter
            and _places(number) > self.decimals
        ):
            emit(
                "decimals",
                self.field,
                self.label,
                year=year,
                option=option,
                value=show_value(number),
                decimals=self.decimals,
            )
        if self.minimum is not None and number < self.minimum:
            if self.minimum == 0:
                emit(
                    "negative",
                    self.field,
                    self.label,
                    year=year,
                    option=option,
                    value=show_value(number),
                )
            else:
                self._out_of_range(emit, number, year, option)
        elif self.maximum is not None and number > self.maximum:
            self._out_of_range(emit, number, year, option)
        return number

    def _out_of_range(
        self, emit: Emitter, number: Decimal, year: int | None, option: str | None
    ) -> None:
        low = "−∞" if self.minimum is None else self.minimum
        high = "∞" if self.maximum is None else self.maximum
        emit(
            "out_of_range",
            self.field,
            self.label,
            year=year,
            option=option,
            value=show_value(number),
            low=low,
            high=high,
        )


def _written_places(number: Decimal) -> int:
    """Decimal places as written, trailing zeros included: ``12.50`` has 2."""
    shown = str(number)  # cheaper than as_tuple() for the plain figures forms hold
    if "E" in shown:
        exponent = number.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    point = shown.find(".")
    return 0 if point < 0 else len(shown) - point - 1


def _places(number: Decimal) -> int:
    """Decimal places that carry a digit: ``12.50`` has 1, ``12.345`` has 3."""
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def wrong_type(
    emit: Emitter,
    item: Item | CoverLine,
    words: tuple[str, str],
    value: object,
    year: int | None = None,
) -> None:
    """Report that ``item`` holds ``value`` (typed or raw) where ``words`` (zh, en) belong."""
    invalid = value if isinstance(value, Invalid) else Invalid(value, "wrong_shape")
    report_invalid(emit, invalid, (item.id, label_of(item)), words, year=year)
