"""What a number cell accepts: number text, the bounds on a number, and writing one back.

One reading for every consumer (docs/data-format.md, "Numbers"):

* text that is a plain decimal after stripping white space: ``12``, ``-3.5``,
  ``+0.07``, ``.5``;
* full-width digits, point and signs (``１２．５``, ``－３``) and the minus sign
  U+2212 read as their ASCII forms; an ideographic full stop between digits
  (``12。5``, as Chinese input methods type it) is a decimal point.  Only the
  full-width forms are mapped, not all of Unicode compatibility (NFKC), which
  would also read ``²`` as ``2`` and ``①`` as ``1``;
* thousands separators only in whole groups of three (``1,234,567.5``; never
  ``12,5``);
* a trailing unit equal to the field's own (``45%`` in a % field,
  ``152.3亿元`` in a 亿元 field) is ignored; any other unit makes the text not
  a number, so nothing is ever converted silently;
* an exponent in text (``1e2``) is not a number; in a JSON number (``1E+2``)
  it is JSON syntax and fine.

"无" (white space around it aside) is not a number but the explicit answer
"none" (:func:`is_none_text`); nothing else is read as it ("没有", "/", "-",
"0" and "无。" are not).

Every number, typed or from JSON, is also bounded: at most
:data:`MAX_WHOLE_DIGITS` digits before the point and :data:`MAX_DECIMAL_PLACES`
after it, so no value can cost seconds or gigabytes when it is written out.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

#: Digits a number may have before its decimal point (亿元 figures need 4 or 5).
MAX_WHOLE_DIGITS: Final = 18
#: Digits a number may have after its decimal point, as written (``1.50`` has 2).
MAX_DECIMAL_PLACES: Final = 12

_PLAIN: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_GROUPED: Final = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")
_IDEOGRAPHIC_POINT: Final = re.compile(r"(?<=[0-9])。(?=[0-9])")
#: The full-width forms of ASCII (U+FF01–FF5E), the ideographic space, U+2212 and ｡.
_HALF_WIDTH: Final = str.maketrans(
    {chr(0xFF01 + i): chr(0x21 + i) for i in range(0x5E)}
    | {"\u3000": " ", "\u2212": "-", "\uff61": "。"},
)


def is_none_text(text: str) -> bool:
    """Whether ``text`` is the answer "无" (填报说明 2: 无相关情况时应填写"无")."""
    return text.strip() == "无"


def parse_number_text(text: str, unit: str | None = None) -> Decimal | None:
    """The number ``text`` writes, or None when it is not one (see the module for the rules).

    ``unit`` is the unit of the field the text is in: written after the number, it
    is ignored.  The result is not bounded yet: see :func:`within_bounds`.
    """
    stripped = text.strip()
    if _PLAIN.fullmatch(stripped):
        return _unsigned_zero(Decimal(stripped))
    plain = stripped.translate(_HALF_WIDTH).strip()
    if unit:
        own = unit.translate(_HALF_WIDTH)
        if plain.endswith(own):
            plain = plain[: -len(own)].rstrip()
    plain = _IDEOGRAPHIC_POINT.sub(".", plain)
    if _PLAIN.fullmatch(plain):
        return _unsigned_zero(Decimal(plain))
    if _GROUPED.fullmatch(plain):
        return _unsigned_zero(Decimal(plain.replace(",", "")))
    return None


def _unsigned_zero(number: Decimal) -> Decimal:
    """``-0`` and ``-0.00`` are zero: the sign of nothing is not data."""
    return number or number.copy_abs()


#: A finite number whose plain form is this short is within the bounds whatever it is.
_SURELY_BOUNDED = MAX_DECIMAL_PLACES + 1


def within_bounds(number: Decimal) -> bool:
    """Whether ``number`` is finite with at most 18 digits before its point and 12 after it."""
    shown = str(number)  # cheaper than as_tuple(), and enough for almost every figure
    if len(shown) <= _SURELY_BOUNDED and shown[-1].isdigit() and "E" not in shown:
        return True  # a short plain decimal (NaN and Infinity end in a letter)
    if not number.is_finite():
        return False
    exponent = number.as_tuple().exponent
    return (
        number.adjusted() < MAX_WHOLE_DIGITS
        and isinstance(exponent, int)
        and -exponent <= MAX_DECIMAL_PLACES
    )


def bounded(number: Decimal) -> Decimal | None:
    """``number`` as a cell holds it (zero unsigned), or None when it is out of bounds."""
    return _unsigned_zero(number) if within_bounds(number) else None


def number_text(number: Decimal) -> str:
    """``number`` as plain text (``1E+2`` → ``100``); out of bounds, as Python writes it.

    The plain form of ``1E+999999999`` would be a billion characters; ``str``
    keeps such a number short (``1E+999999999``), so it can always be shown.
    """
    return format(number, "f") if within_bounds(number) else str(number)


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing fractional zeros, never in exponent form; same value.

    ``70.0`` → ``70``, ``12.50`` → ``12.5``; integers keep a plain exponent of 0
    rather than ``normalize``'s ``7E+1``; zero is ``0``, never ``-0``.
    """
    if value.is_zero():
        return Decimal(0)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return value
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
