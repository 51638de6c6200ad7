"""A list counter written the way Word writes it for a number format (``w:numFmt``).

The forms number their parts 一、二、, their questions （一）（二） and 1. 2.,
often through Word's automatic numbering, which leaves no number in the text
— so the reader computes it.  Formats Word has that the forms never use fall
back to decimal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

_DIGITS: Final = "〇一二三四五六七八九"
_LEGAL_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES: Final = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN: Final = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz, aaa …
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _counting(n: int) -> str:
    """chineseCounting: 一 … 十 … 九十九 below 100, then digit by digit (一〇〇)."""
    if not 0 < n < 100:
        return "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[units] if units else "")


def _thousands(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """ChineseCountingThousand / chineseLegalSimplified: 一百零一, 一千二百 (up to 9999)."""
    if not 0 < n < 10000:
        return _counting(n)
    parts: list[str] = []
    pending_zero = False
    for power in range(3, -1, -1):
        digit = n // 10**power % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(digits[digit] + (units[power - 1] if power else ""))
    text = "".join(parts)
    # 10–19 are read 十, 十一 … in the plain style (not 一十一).
    if digits is _DIGITS and 10 <= n < 20:
        text = text[1:]
    return text


def _circled(n: int) -> str:
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)


def _cyclic(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


_FULL_WIDTH: Final = str.maketrans("0123456789-", "０１２３４５６７８９－")

_FORMATS: Final[dict[str, Callable[[int], str]]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "upperRoman": lambda n: _roman(n).upper(),
    "lowerRoman": _roman,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "chineseCounting": _counting,
    "japaneseCounting": _counting,
    "taiwaneseCounting": _counting,
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "chineseCountingThousand": _thousands,
    "taiwaneseCountingThousand": _thousands,
    "japaneseCountingThousand": _thousands,
    "chineseLegalSimplified": lambda n: _thousands(n, _LEGAL_DIGITS, "拾佰仟"),
    "ideographTraditional": _cyclic(_STEMS),
    "ideographZodiac": _cyclic(_BRANCHES),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "ideographEnclosedCircle": lambda n: chr(0x3280 + n - 1) if 1 <= n <= 10 else _counting(n),
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "none": lambda _: "",
}


def format_number(n: int, number_format: str) -> str:
    """``n`` written in ``number_format`` (decimal for a format the forms never use)."""
    return _FORMATS.get(number_format, str)(n)
