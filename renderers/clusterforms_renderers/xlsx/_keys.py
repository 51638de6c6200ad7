"""Where one value of an application lives: the key of an input cell.

A key is (field id, year, part, kind).  ``part`` is a ``/``-separated path
below the field (``national/lead`` for a standards cell, ``rows/<row id>/target``
for the plan's target table), so the reader can rebuild the nested value of
any field by setting the cell's value at ``[field, year, *part]`` — it does not
need to know the item kinds.  ``kind`` says how a cell is read:

``text``         the cell's text (numbers become their decimal text)
``number``       a Decimal (text that is not a number is kept as text, for validation)
``any``          a number cell as Decimal, anything else as text (free rows of the plan)
``choice``       an option label from a drop-down, read back as the option id
``choice_text``  the text written after a choice's blank (其他____, 是（需附情况说明）)
``mark``         是/否 of one checklist option (``part`` is the option id)
``mark_text``    the text after a checklist option's blank (``<option>/text``)
``evidence``     the attachment ids cited for a checked option (``<option>/evidence``)
``extra``        a cell of a free row under a 方向's "......" (``<direction>/<n>/<key>``)
``attachment``   a cell of the 佐证材料清单 (field ``$attachments``, ``<n>/<key>``)
``roster``       a cell of a roster's row (``<n>/<column id>``): a number cell as Decimal,
                 anything else as text
``continued``    the rest of a long text, in the cells under its first (``part`` 2, 3 …),
                 appended to it exactly

Keys are written to the hidden metadata sheet and as workbook defined names,
so that reading finds cells by name, never by fixed coordinates.
"""

from __future__ import annotations

import re
from typing import Final, Literal, TypeAlias, get_args

import attrs

CellKind: TypeAlias = Literal[
    "text",
    "number",
    "any",
    "choice",
    "choice_text",
    "mark",
    "mark_text",
    "evidence",
    "extra",
    "attachment",
    "roster",
    "continued",
]
KINDS: Final[frozenset[str]] = frozenset(get_args(CellKind))

#: The pseudo field holding the 佐证材料清单 (the application's ``attachments``).
ATTACHMENTS: Final = "$attachments"

#: What a field id, a part segment and a year may look like in a workbook we read.
FIELD_RE: Final = re.compile(r"\$?[a-z][a-z0-9_]*(?:\.[a-z0-9_]+){0,15}")
PART_RE: Final = re.compile(r"[A-Za-z0-9_.\-]{1,120}(?:/[A-Za-z0-9_.\-]{1,120}){0,5}")


@attrs.frozen(order=True)
class CellKey:
    """One input cell's place in the application document."""

    field: str
    year: int | None = None
    part: str = ""
    kind: CellKind = "text"

    @property
    def path(self) -> tuple[str, ...]:
        """The nested keys below ``values`` where the cell's value goes."""
        steps: list[str] = [self.field]
        if self.year is not None:
            steps.append(str(self.year))
        if self.part:
            steps.extend(self.part.split("/"))
        return tuple(steps)

    @property
    def location(self) -> str:
        """``field[year]/part``, for messages."""
        where = self.field
        if self.year is not None:
            where += f"[{self.year}]"
        if self.part:
            where += f"/{self.part}"
        return where


def defined_name(key: CellKey) -> str:
    """A workbook defined name for the cell (``cf.industry.total_output.y2020``).

    Names are what a person (or another program) can use in formulas, and what
    keeps reading working if a user unprotects a sheet and inserts rows: Excel
    moves names with their cells.  Only ``[A-Za-z0-9_.]`` are used, and the
    ``cf.`` prefix keeps every name from looking like a cell reference.
    """
    steps = [key.field.lstrip("$")]
    if key.year is not None:
        steps.append(f"y{key.year}")
    if key.part:
        steps.extend(key.part.split("/"))
    name = "cf." + ".".join(steps)
    return re.sub(r"[^A-Za-z0-9_.]", "_", name)
