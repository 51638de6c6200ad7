r"""An application's typed values as the Word form prints them.

The values come typed from :func:`clusterforms.read_application`, so the
renderer prints exactly what validation judges: a number is a ``Decimal``,
"无" is printed 无, text that is not a number (``约12``) is printed as typed and
never as another number, unknown options and years are skipped.  A value that cannot be
printed at all is refused with a :class:`~clusterforms.RenderError` naming
its place: characters an XML document cannot hold (control characters,
unpaired surrogates) and values of the wrong shape (a list where a number
belongs, a float).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, TypeVar

from clusterforms import (
    Application,
    ByYear,
    Checklist,
    Chosen,
    Invalid,
    NoneAnswer,
    Parts,
    Value,
    describe_character,
    number_text,
)
from clusterforms.errors import RenderError

T = TypeVar("T")

CHECKED = "☑"
UNCHECKED = "□"
#: How a checked option cites its evidence: ☑绘制产业链图谱（佐证材料：A1、A2）.
EVIDENCE_OPEN = "（佐证材料："
EVIDENCE_CLOSE = "）"
EVIDENCE_SEPARATOR = "、"


def shape_error(field: str, expected: str, value: object) -> RenderError:
    """A value of the wrong shape at ``field``."""
    return RenderError(f"{field}: expected {expected}, got {type(value).__name__} {value!r:.60}")


def refused(field: str, expected: str, invalid: Invalid) -> RenderError:
    """Why ``invalid`` cannot be printed at ``field``."""
    char = invalid.character
    if char is not None:
        what = describe_character(char)
        return RenderError(f"{field}: contains {what} that Word documents cannot hold")
    return shape_error(field, expected, invalid.value)


def _lines(text: str) -> str:
    r"""``text`` with its line breaks as ``\n`` (Word paragraphs)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fixed(number: Decimal, decimals: int) -> str:
    """``number`` rounded half-up to ``decimals`` places, in plain notation."""
    try:
        rounded = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the decimal context holds: print it whole
        return number_text(number)
    return format(rounded.copy_abs() if rounded.is_zero() else rounded, "f")


def plain(number: Decimal) -> str:
    """A number without a set precision: written whole, printed whole; else 2 decimals.

    The 填报说明 ask for 2 decimals where a figure has decimals; ``12.00``
    and ``12.5`` print as ``12.00`` and ``12.50``, ``140`` stays ``140``.
    """
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return number_text(number)
    return fixed(number, 2)


def count_text(number: Decimal) -> str:
    """A count as printed: whole numbers without decimals, anything else as written."""
    if number == number.to_integral_value():
        return number_text(number.to_integral_value())
    return number_text(number)


class Values:
    """The typed values of an application, looked up and formatted for printing.

    ``Values(None)`` is the blank form: every lookup returns ``None``.
    """

    def __init__(self, application: Application | None) -> None:
        self.filled = application is not None
        self._values = {} if application is None else application.values
        self.attachments = () if application is None else application.attachments or ()

    def names(self, but: str) -> list[str]:
        """Every text value but ``but``'s: where a reader finds 船山区 for 船山 (see ._blanks)."""
        return [v for k, v in self._values.items() if k != but and isinstance(v, str)]

    def field(self, field: str) -> Value | None:
        """The typed value of ``field``, ``None`` when blank."""
        return self._values.get(field)

    def text(self, field: str, cell: object) -> str | None:
        """A text cell (a number in it as written), ``None`` when blank."""
        if cell is None:
            return None
        if isinstance(cell, str):
            return _lines(cell)
        if isinstance(cell, Decimal):
            return number_text(cell)
        return _lines(self._typed(field, "text", cell))

    def number(self, field: str, cell: object, decimals: int) -> str | None:
        """A number rounded to ``decimals`` places; text that is not one, as typed."""
        if isinstance(cell, Decimal):
            return fixed(cell, decimals)
        return None if cell is None else self._typed(field, "a number", cell)

    def count(self, field: str, cell: object) -> str | None:
        """A whole number; anything else, as typed."""
        if isinstance(cell, Decimal):
            return count_text(cell)
        return None if cell is None else self._typed(field, "a whole number", cell)

    def plain_number(self, field: str, cell: object) -> str | None:
        """A number by the 填报说明 rule (whole as is, else 2 decimals), or text as typed."""
        if isinstance(cell, Decimal):
            return plain(cell)
        if isinstance(cell, str):
            return _lines(cell)
        return None if cell is None else self._typed(field, "a number or text", cell)

    def _typed(self, field: str, expected: str, cell: object) -> str:
        """What a cell holds instead of its kind of value, as typed; refused if unprintable."""
        if isinstance(cell, NoneAnswer):
            return str(cell)  # 无
        if isinstance(cell, Invalid):
            if cell.text is not None:
                return cell.text
            raise refused(field, expected, cell)
        raise shape_error(field, expected, cell)

    def by_year(self, field: str, value: object) -> ByYear[Any] | None:
        """A per-year value, ``None`` when blank."""
        return self.shaped(field, value, ByYear, "an object")

    def parts(self, field: str, value: object) -> Parts[Any] | None:
        """A value of parts (counts, a target row, a roster row), ``None`` when blank."""
        return self.shaped(field, value, Parts, "an object")

    def shaped(self, field: str, value: object, kind: type[T], expected: str) -> T | None:
        """``value`` when it is a ``kind`` (``None`` when blank); refused when it is not."""
        if value is None or isinstance(value, kind):
            return value
        if isinstance(value, Invalid):
            raise refused(field, expected, value)
        raise shape_error(field, expected, value)

    def choice(self, field: str) -> tuple[str | None, str | None]:
        """The chosen option id and its text (其他：…, 是：explanation)."""
        value = self.shaped(field, self.field(field), Chosen, "an option id")
        if value is None:
            return None, None
        return value.option, self.text(f"{field}.text", value.text)

    def checked(self, field: str) -> dict[str, str | None]:
        """The checked option ids of a checklist, each with its text."""
        value = self.shaped(field, self.field(field), Checklist, "a list of option ids")
        checked: dict[str, str | None] = {}
        for i, entry in enumerate(value.entries if value is not None else ()):
            where = f"{field}[{i}]"
            if not isinstance(entry, Chosen):
                raise refused(where, "an option id", entry)
            checked.setdefault(entry.option, self.text(f"{where}.text", entry.text))
        return checked

    def evidence(self, field: str) -> dict[str, tuple[str, ...]]:
        """The attachment ids each checked option of a checklist cites (佐证材料).

        Evidence that is not a list of ids is not printed: validation reports it.
        """
        value = self.shaped(field, self.field(field), Checklist, "a list of option ids")
        cited: dict[str, tuple[str, ...]] = {}
        for entry in value.entries if value is not None else ():
            if isinstance(entry, Chosen) and isinstance(entry.evidence, tuple) and entry.evidence:
                cited.setdefault(entry.option, entry.evidence)
        return cited


def mark(checked: bool) -> str:
    """The box printed before an option."""
    return CHECKED if checked else UNCHECKED


def with_unit(text: str, unit: str | None, label: str) -> str:
    """``text`` followed by ``unit`` unless the label already names it (集群总产值（亿元）)."""
    if not unit or unit in label:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"
