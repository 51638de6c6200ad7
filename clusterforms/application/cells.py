"""Reading one cell: blank, a bounded number, "无", text, or what it holds instead.

The rules for number text live in :mod:`clusterforms.application.numbers`,
those for characters in :mod:`clusterforms.application.characters`; this
module applies them to a raw JSON value and says what the cell holds.
"""

from __future__ import annotations

from decimal import Decimal

from clusterforms.application.characters import INVALID_CHARACTER
from clusterforms.application.numbers import (
    bounded,
    is_none_text,
    number_text,
    parse_number_text,
    within_bounds,
)
from clusterforms.application.values import (
    NONE_ANSWER,
    Invalid,
    MixedCell,
    NumberCell,
    TextCell,
)


def is_blank(value: object) -> bool:
    """Absent, null, or only white space: what the forms call 空缺."""
    return value is None or (isinstance(value, str) and not value.strip())


def _number(number: Decimal) -> NumberCell:
    if not number.is_finite():
        return Invalid(number, "wrong_shape")  # NaN and Infinity are no figure
    if within_bounds(number):
        return number or number.copy_abs()  # -0 is 0
    return Invalid(number, "too_many_digits", str(number))


#: Text this short that is a plain decimal is within the bounds whatever its digits.
_SHORT = 13


def _short_plain(text: str) -> bool:
    """Whether ``text`` is a short ASCII decimal (``58.07``, ``-3``): the common case, fast."""
    body = text[1:] if text[0] in "+-" else text
    return len(text) <= _SHORT and body.isascii() and body.replace(".", "", 1).isdigit()


def read_number(value: object, unit: str | None = None) -> NumberCell | None:
    """A number cell's content; ``unit`` is the field's own, which typed text may end with."""
    if type(value) is Decimal:
        return _number(value)
    if type(value) is str:
        if value and _short_plain(value):
            number = Decimal(value)
            return number or number.copy_abs()
        return _typed_number(value, unit)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return _number(Decimal(value))
    return Invalid(value, "wrong_shape")


def _typed_number(text: str, unit: str | None) -> NumberCell | None:
    if INVALID_CHARACTER.search(text):
        return Invalid(text, "invalid_character")
    stripped = text.strip()
    if not stripped:
        return None
    if is_none_text(stripped):
        return NONE_ANSWER
    number = parse_number_text(stripped, unit)
    if number is None:
        return Invalid(text, "not_a_number", text)
    kept = bounded(number)
    return Invalid(text, "too_many_digits", text) if kept is None else kept


def read_text(value: object) -> TextCell | None:
    """A text cell's content: the text as given, or a number or shape it cannot take."""
    if isinstance(value, str):
        if INVALID_CHARACTER.search(value):
            return Invalid(value, "invalid_character")
        return value if value.strip() else None
    if value is None:
        return None
    number = read_number(value)  # not text, so never "无"
    if isinstance(number, Decimal):
        return Invalid(value, "not_text", number_text(number))
    return number if isinstance(number, Invalid) else None


def read_mixed(value: object, unit: str | None = None) -> MixedCell | None:
    """A cell that takes a number or text: number text reads as the number, other text stays."""
    number = read_number(value, unit)
    if isinstance(number, Invalid) and number.problem == "not_a_number":
        return number.text
    return number


def read_roster_cell(value: object) -> MixedCell | None:
    """A roster cell: text as given (a 序号 typed as text stays text), a number as a number."""
    if isinstance(value, str):
        return read_text(value)
    return read_number(value)
