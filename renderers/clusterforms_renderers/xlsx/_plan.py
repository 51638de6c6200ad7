"""The layout of a workbook as plain data, before any openpyxl object exists.

Laying out (which text goes in which cell, which cells take input and under
which rule) is kept apart from writing (openpyxl objects, styles, XML), so the
layout can be tested and reasoned about on its own, the writer stays a loop,
and the metadata map is built from the very objects that were written.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, Literal, TypeAlias

import attrs

from clusterforms_renderers.xlsx._keys import CellKey

#: The very hidden sheets: the metadata map, and the option lists the drop-downs use.
META_SHEET: Final = "_cf_meta"
LISTS_SHEET: Final = "_cf_lists"


def column_letter(col: int) -> str:
    """``1`` → ``A``, ``27`` → ``AA``."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def coordinate(row: int, col: int) -> str:
    """``(5, 2)`` → ``B5``."""
    return f"{column_letter(col)}{row}"


def absolute(sheet: str, row: int, col: int) -> str:
    """A reference another sheet's formula can use: ``'二、主导产业情况'!$B$5``."""
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!${column_letter(col)}${row}"


#: The named styles of :mod:`clusterforms_renderers.xlsx._styles`.
Style: TypeAlias = Literal[
    "title",
    "subtitle",
    "heading",
    "label",
    "header",
    "body",
    "guidance",
    "note",
    "right",
    "center",
    "caption",
    "option",
]
ValidationType: TypeAlias = Literal["list", "decimal", "whole", "textLength", "any"]


@attrs.frozen(kw_only=True)
class InputRule:
    """How an input cell is formatted and validated, and what its prompt says.

    Cells with equal rules share one data-validation object in the file.
    """

    type: ValidationType = "any"
    choices: str | None = None  # a list's formula: '"是,否"' or a range on the lists sheet
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    number_format: str = "@"
    prompt_title: str = ""
    prompt: str = ""
    error: str = ""
    error_style: Literal["stop", "warning"] = "stop"
    center: bool = False
    right: bool = False  # a figure that is not validated as one (the target table's added rows)
    tall: bool = False


@attrs.frozen(kw_only=True)
class Text:
    """Printed text in a locked cell (a label, an option line, a note)."""

    row: int
    col: int
    text: str
    style: Style = "label"
    colspan: int = 1
    rowspan: int = 1
    #: a formula of the renderer's own that shows ``text`` as it follows an input
    #: (the ticked box of the chosen option, :mod:`._boxes`); never from data
    formula: str | None = None


@attrs.frozen(kw_only=True)
class Input:
    """A cell the applicant fills: unlocked, shaded, validated, named."""

    row: int
    col: int
    key: CellKey
    rule: InputRule
    colspan: int = 1
    rowspan: int = 1
    #: the part of a long filled text this cell shows (:mod:`._blocks`); None: the value
    text: str | None = None


@attrs.frozen(kw_only=True)
class Check:
    """A live formula recomputing a reported figure from the cells it comes from.

    ``formula`` is built only from the library's own templates and cell
    references (:mod:`clusterforms_renderers.xlsx._checks`); ``target`` is the
    reported cell on the same sheet, highlighted when the two disagree by more
    than ``tolerance``.
    """

    row: int
    col: int
    formula: str
    target: str
    tolerance: Decimal
    prompt: str
    colspan: int = 1


@attrs.frozen(kw_only=True)
class Highlight:
    """Conditional formatting: ``cell`` turns red while ``formula`` is true."""

    cell: str
    formula: str


Cell: TypeAlias = Text | Input | Check


@attrs.define
class SheetPlan:
    """One sheet: its cells, column widths, row heights and print setup."""

    name: str
    widths: tuple[float, ...]
    landscape: bool = False
    state: Literal["visible", "veryHidden"] = "visible"
    title_rows: int = 1
    repeat_rows: tuple[int, int] | None = None  # overrides title_rows (a table's header)
    breaks: list[int] = attrs.Factory(list)  # rows a printed page starts with
    cells: list[Cell] = attrs.Factory(list)
    heights: dict[int, float] = attrs.Factory(dict)
    highlights: list[Highlight] = attrs.Factory(list)
    next_row: int = 1

    @property
    def columns(self) -> int:
        """How many columns the sheet uses."""
        return len(self.widths)

    def width_of(self, col: int, span: int) -> float:
        """The width (in Excel's character units) of ``span`` columns from ``col``."""
        return sum(self.widths[col - 1 : col - 1 + span])

    def text(  # noqa: PLR0913 - a cell's position, extent and look
        self,
        row: int,
        col: int,
        text: str,
        style: Style = "label",
        *,
        colspan: int = 1,
        rowspan: int = 1,
        formula: str | None = None,
    ) -> None:
        """Add printed text (shown by ``formula``, if given, which follows an input)."""
        self.cells.append(
            Text(
                row=row,
                col=col,
                text=text,
                style=style,
                colspan=colspan,
                rowspan=rowspan,
                formula=formula,
            )
        )

    def input(  # noqa: PLR0913 - a cell's position, extent, key and rule
        self,
        row: int,
        col: int,
        key: CellKey,
        rule: InputRule,
        *,
        colspan: int = 1,
        rowspan: int = 1,
        text: str | None = None,
    ) -> None:
        """Add an input cell (``text``: the piece of a long value it shows)."""
        self.cells.append(
            Input(row=row, col=col, key=key, rule=rule, colspan=colspan, rowspan=rowspan, text=text)
        )

    def line(self, text: str, style: Style = "body") -> int:
        """Add a full-width row of text; returns its row number."""
        row = self.take()
        self.text(row, 1, text, style, colspan=self.columns)
        return row

    def take(self, rows: int = 1) -> int:
        """Reserve ``rows`` rows; returns the first."""
        row = self.next_row
        self.next_row += rows
        return row


@attrs.define
class WorkbookPlan:
    """Every sheet in order, and the option lists the drop-downs refer to."""

    spec_id: str
    sheets: list[SheetPlan] = attrs.Factory(list)
    lists: list[tuple[str, ...]] = attrs.Factory(list)
    #: option records for the metadata sheet: (field id, option id, label shown)
    options: list[tuple[str, str, str]] = attrs.Factory(list)

    def add_list(self, field: str, shown: list[tuple[str, str]]) -> str:
        """Register a drop-down's (option id, label) pairs; returns the list's range formula."""
        labels = tuple(label for _, label in shown)
        self.options.extend((field, option_id, label) for option_id, label in shown)
        if labels not in self.lists:
            self.lists.append(labels)
        col = self.lists.index(labels) + 1
        letter = column_letter(col)
        return f"'{LISTS_SHEET}'!${letter}$1:${letter}${max(1, len(labels))}"

    def inputs(self) -> list[tuple[SheetPlan, Input]]:
        """Every input cell with its sheet, in sheet order."""
        return [
            (sheet, cell)
            for sheet in self.sheets
            for cell in sheet.cells
            if isinstance(cell, Input)
        ]
