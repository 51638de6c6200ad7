"""Placing one value in one input cell: what a cell can hold, and what cannot be placed.

The values are typed (:func:`clusterforms.read_application`): a cell holds
a bounded number, text of at most :data:`~._codec.MAX_CELL_CHARS` characters,
"无", or what a number cell holds instead as typed (``约12``); a value that cannot
be printed (a float, a list, a control character) is a problem, collected so
that one :class:`~clusterforms.RenderError` lists them all.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, TypeVar

from clusterforms import Invalid, NoneAnswer, describe_character, number_text
from clusterforms.errors import RenderError
from clusterforms_renderers.xlsx._codec import MAX_CELL_CHARS

#: A value to write: text, or an exact number.
CellValue = str | Decimal
Place = tuple[str, int | None, str]
_SHOWN_PROBLEMS: Final = 8
T = TypeVar("T")


class Problems:
    """What cannot be placed, collected so one error lists them all."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def __call__(self, where: str, why: str) -> None:
        self.items.append(f"{where}: {why}")

    def raise_any(self, spec_id: str) -> None:
        """A :class:`~clusterforms.RenderError` listing the problems, if there are any."""
        if not self.items:
            return
        shown = "; ".join(self.items[:_SHOWN_PROBLEMS])
        more = len(self.items) - _SHOWN_PROBLEMS
        tail = f"; and {more} more" if more > 0 else ""
        msg = (
            f"the application does not fit the {spec_id} workbook ({shown}{tail}); "
            "check it with `clusterforms validate` first"
        )
        raise RenderError(msg)


class Placer:
    """Values by cell, placed only when a cell can hold them, and the problems met."""

    def __init__(self) -> None:
        self.values: dict[Place, CellValue] = {}
        self.problem = Problems()

    def _put(self, place: Place, cell: object, *, text: bool) -> None:
        """Place a typed cell: a number (as its text in a text cell), text, or text as typed."""
        if isinstance(cell, Decimal):
            self.values[place] = number_text(cell) if text else cell
            return
        if isinstance(cell, NoneAnswer):
            cell = str(cell)  # 无, read back as the same answer
        elif isinstance(cell, Invalid):
            if cell.text is None:
                self.problem(_where(place), refusal(cell))
                return
            cell = cell.text
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return
        if not isinstance(cell, str):
            why = f"is a {type(cell).__name__}; a cell holds text or a number"
            self.problem(_where(place), why)
        elif len(cell) > MAX_CELL_CHARS:
            self.problem(
                _where(place), f"text of {len(cell)} characters; a cell holds {MAX_CELL_CHARS}"
            )
        else:
            self.values[place] = cell

    def _shaped(self, field: str, value: object, kind: type[T]) -> T | None:
        """``value`` when it is a ``kind``; a problem (and None) when it is anything else."""
        if value is None or isinstance(value, kind):
            return value
        raw = value.value if isinstance(value, Invalid) else value
        self.problem(field, f"is a {type(raw).__name__}; expected an object")
        return None


def refusal(invalid: Invalid) -> str:
    """Why a value cannot be placed in any cell."""
    char = invalid.character
    if char is not None:
        return f"contains {describe_character(char)}, which a workbook cannot hold"
    if isinstance(invalid.value, float):
        return "is a float (inexact; pass a Decimal or a numeric string)"
    if isinstance(invalid.value, Decimal):
        return f"{invalid.value} is not a finite number"
    return f"is a {type(invalid.value).__name__}; a cell holds text or a number"


def _where(place: Place) -> str:
    field, year, part = place
    where = field if year is None else f"{field}[{year}]"
    return f"{where}/{part}" if part else where
