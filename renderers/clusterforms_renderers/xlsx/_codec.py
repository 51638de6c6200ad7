r"""Cell values to and from the text an xlsx file stores, without loss.

Text: XML 1.0 cannot hold most control characters, so OOXML writes them as
``_xHHHH_`` (``\x01`` → ``_x0001_``), and a literal ``_xHHHH_`` in the text is
protected as ``_x005F_xHHHH_``.  Excel, WPS and LibreOffice read these escapes
back, and so does :func:`unescape_text`; escaping everything we write this way
means any string an application holds survives the round trip.

Numbers: Excel holds a number as an IEEE double and shows at most 15
significant digits.  We write a :class:`~decimal.Decimal` as its exact decimal
text (``12.50``), never through ``float``; we read the stored text back as a
Decimal.  Excel itself may store a typed ``64.12`` as ``64.120000000000005``
(the double's 17 digits), so stored text with more than 15 significant digits
is rounded to 15 — exactly what Excel shows — and trailing zeros that
rounding produced are dropped.  A Decimal that needs more than 15 significant
digits (or lies outside the double's range) is written as text instead, so it
is never silently changed.  Text typed into a number cell is read as every
consumer reads it (:func:`clusterforms.parse_number_text`), by the reader.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from typing import Final

from clusterforms import tidy

#: Excel's limit on the characters of one cell.
MAX_CELL_CHARS: Final = 32767
#: Significant digits Excel keeps (and shows) for a number.
EXCEL_DIGITS: Final = 15

_ESCAPE_RE: Final = re.compile(r"_(x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_UNESCAPE_RE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ROUND15: Final = Context(prec=EXCEL_DIGITS, rounding=ROUND_HALF_EVEN)


def _escape_one(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return "_x005F_" + match.group(1)
    return f"_x{ord(match.group(0)):04X}_"


def escape_text(text: str) -> str:
    """``text`` as OOXML stores it: control characters and literal escapes protected."""
    return _ESCAPE_RE.sub(_escape_one, text)


def unescape_text(text: str) -> str:
    """The text a stored OOXML string stands for (``_x000D_`` → CR, ``_x005F_`` → ``_``)."""
    if "_x" not in text:
        return text
    return _UNESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)


def excel_number_text(value: Decimal) -> str | None:
    """The exact text to store for ``value`` in a number cell, or None if Excel cannot hold it."""
    if not value.is_finite():
        return None
    digits = len(value.normalize().as_tuple().digits)
    if digits > EXCEL_DIGITS or not -300 < value.adjusted() < 300:
        return None
    return format(value, "f")


def parse_stored_number(text: str) -> Decimal | None:
    """The Decimal a number cell's stored text means, rounded to Excel's 15 digits.

    Returns None for text that is not a finite number (a damaged cell).
    """
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    if len(value.as_tuple().digits) > EXCEL_DIGITS:
        return tidy(_ROUND15.plus(value))
    return value
