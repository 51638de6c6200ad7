"""Placing one value in one input cell: what a cell can hold, and what cannot be placed.

A cell holds text of at most :data:`~._codec.MAX_CELL_CHARS` characters or
an exact, finite number (never a float); a value that is neither is a
problem, collected so that one :class:`~clusterforms.RenderError` lists them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from clusterforms.errors import RenderError
from clusterforms_renderers.xlsx._codec import MAX_CELL_CHARS, decimal_text

#: A value to write: text, or an exact number.
CellValue = str | Decimal
Place = tuple[str, int | None, str]
_SHOWN_PROBLEMS: Final = 8


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

    def _put(self, place: Place, value: Any, *, text: bool) -> None:
        where = _where(place)
        if blank(value):
            return
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            what = "a float (inexact; pass a Decimal or a numeric string)"
            if not isinstance(value, float):
                what = f"a {type(value).__name__}"
            self.problem(where, f"is {what}; a cell holds text or a number")
            return
        if isinstance(value, int):
            value = Decimal(value)
        if isinstance(value, Decimal):
            if not value.is_finite():
                self.problem(where, f"{value} is not a finite number")
                return
            self.values[place] = decimal_text(value) if text else value
            return
        if len(value) > MAX_CELL_CHARS:
            self.problem(where, f"text of {len(value)} characters; a cell holds {MAX_CELL_CHARS}")
            return
        self.values[place] = value

    def _mapping(self, field: str, value: Any) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        if value is not None:
            self.problem(field, f"is a {type(value).__name__}; expected an object")
        return None


def blank(value: Any) -> bool:
    """Whether ``value`` leaves its cell empty: nothing, or only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def _where(place: Place) -> str:
    field, year, part = place
    where = field if year is None else f"{field}[{year}]"
    return f"{where}/{part}" if part else where
