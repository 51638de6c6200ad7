r"""Reading an application's values for printing, and formatting them.

The renderer prints what it is given and leaves judging it to
:func:`clusterforms.validate`: unknown options and years are skipped, numbers
that do not parse are printed as written.  Two things are refused with a
:class:`~clusterforms.RenderError` naming the field, because they cannot be
printed at all: characters an XML document cannot hold (control characters,
unpaired surrogates) and values of the wrong shape (a list where a number
belongs).  Numbers are ``Decimal`` throughout; a float handed in by a caller
is read through its shortest ``repr`` so it prints as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from clusterforms.errors import RenderError

CHECKED = "☑"
UNCHECKED = "□"

# Characters XML 1.0 cannot hold.  Tab and line breaks are allowed: they are
# turned into Word tabs and paragraphs.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(field: str, text: str) -> str:
    r"""``text`` with line breaks normalised to ``\n``, or a RenderError naming ``field``."""
    bad = _INVALID.search(text)
    if bad is not None:
        code = ord(bad.group())
        what = "an unpaired surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
        if code in {0xFFFE, 0xFFFF}:
            what = "a non-character"
        msg = f"{field}: contains {what} U+{code:04X} that Word documents cannot hold"
        raise RenderError(msg)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def shape_error(field: str, expected: str, value: object) -> RenderError:
    return RenderError(f"{field}: expected {expected}, got {type(value).__name__} {value!r:.60}")


def to_decimal(value: object) -> Decimal | None:
    """``value`` as a Decimal when it is a number or a numeric string, else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return None
    return None


#: Beyond this many digits a number is printed in scientific notation rather
#: than written out (``1E+999999`` would otherwise be a million characters).
_MAX_DIGITS = 40


def _written(number: Decimal) -> str:
    """``number`` in plain notation, or as is when it is not finite or absurdly long."""
    if not number.is_finite() or abs(number.adjusted()) > _MAX_DIGITS:
        return str(number)
    return format(number, "f")


def fixed(number: Decimal, decimals: int) -> str:
    """``number`` rounded half-up to ``decimals`` places, in plain notation."""
    if not number.is_finite() or number.adjusted() > _MAX_DIGITS:
        return str(number)
    try:
        rounded = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the decimal context holds: print it whole
        return _written(number)
    return format(rounded.copy_abs() if rounded.is_zero() else rounded, "f")


def plain(number: Decimal) -> str:
    """A number without a set precision: written whole, printed whole; else 2 decimals.

    The 填报说明 ask for 2 decimals where a figure has decimals; ``12.00``
    and ``12.5`` print as ``12.00`` and ``12.50``, ``140`` stays ``140``.
    """
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return _written(number)
    return fixed(number, 2)


def count_text(number: Decimal) -> str:
    """A count as printed: whole numbers without decimals, anything else as written."""
    if not number.is_finite():
        return str(number)
    if abs(number.adjusted()) <= _MAX_DIGITS and number == number.to_integral_value():
        return _written(number.to_integral_value())
    return _written(number)


class Values:
    """The ``values`` of an application, read leniently for printing.

    ``Values(None)`` is the blank form: every lookup returns ``None``.
    """

    def __init__(self, data: Mapping[str, Any] | None) -> None:
        self.filled = data is not None
        values: Any = {}
        if data is not None:
            if not isinstance(data, Mapping):
                raise shape_error("application", "a JSON object", data)
            values = data.get("values", {})
            if values is None:
                values = {}
            if not isinstance(values, Mapping):
                raise shape_error("values", "an object of field ids", values)
        self._values: Mapping[str, Any] = values

    def raw(self, field: str) -> Any:
        """The value of ``field`` as given, ``None`` when absent or null."""
        return self._values.get(field)

    def mapping(self, field: str, value: Any) -> Mapping[Any, Any] | None:
        """``value`` of ``field`` as an object, ``None`` when empty."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise shape_error(field, "an object", value)
        return value

    def text(self, field: str, value: Any) -> str | None:
        """A scalar printed as text (numbers as written), ``None`` when empty."""
        if value is None:
            return None
        if isinstance(value, str):
            text = clean(field, value)
            return text if text.strip() else None
        number = to_decimal(value)
        if number is None:
            raise shape_error(field, "text", value)
        return _written(number)

    def number(self, field: str, value: Any, decimals: int) -> str | None:
        """A decimal rounded to ``decimals`` places; unparsable text is printed as written."""
        if value is None:
            return None
        number = to_decimal(value)
        if number is None:
            return self._fallback(field, "a number", value)
        return fixed(number, decimals)

    def count(self, field: str, value: Any) -> str | None:
        """A whole number; anything else is printed as written."""
        if value is None:
            return None
        number = to_decimal(value)
        if number is None:
            return self._fallback(field, "a whole number", value)
        return count_text(number)

    def plain_number(self, field: str, value: Any) -> str | None:
        """A number by the 填报说明 rule (whole as is, else 2 decimals), or text as written."""
        if value is None:
            return None
        number = to_decimal(value)
        if number is None:
            return self._fallback(field, "a number or text", value)
        return plain(number)

    def _fallback(self, field: str, expected: str, value: Any) -> str | None:
        if isinstance(value, str):
            return self.text(field, value)
        raise shape_error(field, expected, value)

    def year(self, field: str, value: Any, year: int) -> Any:
        """The entry for ``year`` of a per-year object (keys ``"2022"`` or 2022)."""
        years = self.mapping(field, value)
        if years is None:
            return None
        found = years.get(str(year))
        return years.get(year) if found is None else found

    def choice(self, field: str) -> tuple[str | None, str | None]:
        """The chosen option id and its text (其他：…, 是：explanation)."""
        value = self.raw(field)
        if value is None:
            return None, None
        if isinstance(value, str):
            return value, None
        if isinstance(value, Mapping):
            option = value.get("option")
            if option is not None and not isinstance(option, str):
                raise shape_error(field + ".option", "an option id", option)
            return option, self.text(f"{field}.text", value.get("text"))
        raise shape_error(field, "an option id", value)

    def checked(self, field: str) -> dict[str, str | None]:
        """The checked option ids of a checklist, each with its text."""
        value = self.raw(field)
        if value is None:
            return {}
        if not isinstance(value, list | tuple):
            raise shape_error(field, "a list of option ids", value)
        checked: dict[str, str | None] = {}
        for i, entry in enumerate(value):
            where = f"{field}[{i}]"
            if isinstance(entry, str):
                checked[entry] = None
            elif isinstance(entry, Mapping):
                option = entry.get("option")
                if not isinstance(option, str):
                    raise shape_error(where + ".option", "an option id", option)
                checked[option] = self.text(f"{where}.text", entry.get("text"))
            else:
                raise shape_error(where, "an option id", entry)
        return checked


def mark(checked: bool) -> str:
    """The box printed before an option."""
    return CHECKED if checked else UNCHECKED


def with_unit(text: str, unit: str | None, label: str) -> str:
    """``text`` followed by ``unit`` unless the label already names it (集群总产值（亿元）)."""
    if not unit or unit in label:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"
