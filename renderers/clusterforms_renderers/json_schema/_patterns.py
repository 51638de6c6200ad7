r"""Regular expressions for strings: character limits (字数) and numeric strings.

A character limit does not count whitespace, as the library does, so it is a
pattern (``^\s*(?:\S\s*){0,200}$``), never ``maxLength``.  A numeric string
is checked for its form and decimal places, and compared with its bounds
exactly, digit by digit, so no validator divides binary floats.
"""

from __future__ import annotations

from decimal import Decimal

_DIGIT = "[0-9]"


def text_limit_pattern(limit: int, *, required: bool) -> str:
    r"""At most ``limit`` characters besides whitespace (at least one when ``required``).

    Whitespace is what :meth:`str.isspace` says, which is exactly Python's
    ``\s``; in ECMA-262 engines ``\s`` differs in a few rare characters.
    """
    low = 1 if required else 0
    if limit < low:
        return r"[^\s\S]"  # an empty class: nothing fits (a required cell limited to 0)
    return rf"^\s*(?:\S\s*){{{low},{limit}}}$"


def number_string_patterns(
    decimals: int | None,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> list[str]:
    """Patterns that a numeric string must all match; ``decimals=None`` for whole numbers.

    The first pattern is the form: optional surrounding whitespace and sign,
    ASCII digits, at most ``decimals`` places after the point besides
    trailing zeros (``"1.50"`` and ``"1.500"`` are both 1.5).  The others,
    present when a bound is, compare the value with ``minimum`` and
    ``maximum`` exactly, digit by digit, assuming the form holds.
    """
    if not decimals:
        magnitude = rf"{_DIGIT}+(?:\.0*)?|\.0+"
    else:
        places = f"{{0,{decimals}}}"
        magnitude = rf"{_DIGIT}+(?:\.{_DIGIT}{places}0*)?|\.{_DIGIT}{{1,{decimals}}}0*"
    patterns = [rf"^\s*[+-]?(?:{magnitude})\s*$"]
    if minimum is not None:
        patterns.append(_at_least(minimum))
    if maximum is not None:
        patterns.append(_at_most(maximum))
    return patterns


def _at_most(limit: Decimal) -> str:
    """A well-formed numeric string whose value is at most ``limit``."""
    if limit >= 0:
        return rf"^\s*(?:-|\+?{_magnitude_at_most(limit)}\s*$)"
    return rf"^\s*-{_magnitude_at_least(-limit)}\s*$"


def _at_least(limit: Decimal) -> str:
    """A well-formed numeric string whose value is at least ``limit``."""
    if limit <= 0:
        return rf"^\s*(?:\+|[0-9.]|-{_magnitude_at_most(-limit)}\s*$)"
    return rf"^\s*\+?{_magnitude_at_least(limit)}\s*$"


def _digits(limit: Decimal) -> tuple[str, str]:
    """The whole and fraction digits of ``|limit|``, without leading / trailing zeros."""
    text = format(abs(limit).normalize(), "f")
    whole, _, fraction = text.partition(".")
    return whole.lstrip("0"), fraction.rstrip("0")


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"[{low}-{high}]"


def _exactly(count: int) -> str:
    return "" if count == 0 else _DIGIT if count == 1 else f"{_DIGIT}{{{count}}}"


def _magnitude_at_most(limit: Decimal) -> str:
    whole, fraction = _digits(limit)
    if not whole and not fraction:
        return "[0.]*"  # zero: the form already holds, so only zeros and the point remain
    alternatives = [rf"{w}(?:\.{_DIGIT}*)?" for w in _smaller_wholes(whole)]
    alternatives.append(whole + _fraction_at_most(fraction))
    return f"0*(?:{'|'.join(alternatives)})"


def _magnitude_at_least(limit: Decimal) -> str:
    whole, fraction = _digits(limit)
    alternatives = [rf"{w}(?:\.{_DIGIT}*)?" for w in _larger_wholes(whole)]
    alternatives.append(whole + _fraction_at_least(fraction))
    return f"0*(?:{'|'.join(alternatives)})"


def _smaller_wholes(whole: str) -> list[str]:
    """Whole parts (after leading zeros) with a value below ``whole``."""
    if not whole:
        return []
    size = len(whole)
    found = [f"{_DIGIT}{{0,{size - 1}}}" if size > 1 else ""]
    for i, char in enumerate(whole):
        low = 1 if i == 0 else 0
        if int(char) > low:
            found.append(whole[:i] + _span(low, int(char) - 1) + _exactly(size - i - 1))
    return found


def _larger_wholes(whole: str) -> list[str]:
    """Whole parts (after leading zeros) with a value above ``whole``."""
    if not whole:
        return [f"[1-9]{_DIGIT}*"]
    size = len(whole)
    found = [f"[1-9]{_DIGIT}{{{size},}}"]
    for i, char in enumerate(whole):
        if int(char) < 9:
            found.append(whole[:i] + _span(int(char) + 1, 9) + _exactly(size - i - 1))
    return found


def _fraction_at_most(fraction: str) -> str:
    """An optional fraction no larger than ``.fraction``."""
    if not fraction:
        return r"(?:\.0*)?"
    found = []
    for j, char in enumerate(fraction):
        found.append(fraction[:j])  # a shorter prefix: the missing digits are zeros
        if int(char) > 0:
            found.append(fraction[:j] + _span(0, int(char) - 1) + f"{_DIGIT}*")
    found.append(fraction + "0*")
    return rf"(?:\.(?:{'|'.join(found)}))?"


def _fraction_at_least(fraction: str) -> str:
    """A fraction no smaller than ``.fraction`` (optional when that is zero)."""
    if not fraction:
        return rf"(?:\.{_DIGIT}*)?"
    found = [
        fraction[:j] + _span(int(char) + 1, 9) + f"{_DIGIT}*"
        for j, char in enumerate(fraction)
        if int(char) < 9
    ]
    found.append(fraction + f"{_DIGIT}*")
    return rf"\.(?:{'|'.join(found)})"
