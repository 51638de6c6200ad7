"""The typed values of an application, as :func:`clusterforms.read_application` gives them.

Every consumer — validation, eligibility, the summary table, migration, every
renderer — takes these instead of reading raw JSON, so a cell means the same
thing everywhere.  A cell is one of:

* a usable value: a :class:`~decimal.Decimal` in a number cell (bounded,
  never a float), a ``str`` in a text cell;
* :data:`NONE_ANSWER`: "无" written in a number cell, the explicit answer the
  填报说明 ask for where nothing applies (distinct from a blank);
* :class:`Invalid`: what the cell cannot take, kept as given, with the text a
  renderer prints for it (as typed), or none when it cannot be printed at all.

Blank cells (absent, ``null``, white space) are left out: a container's
``get`` gives ``None`` for them.  Keys an item does not have are kept in
``unknown``, in the order given, so validation can name them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, Generic, Literal, TypeAlias, TypeVar

import attrs

from clusterforms.application.characters import first_invalid_character
from clusterforms.model.spec import FormSpec

#: Why a value is :class:`Invalid`.
InvalidProblem: TypeAlias = Literal[
    "not_a_number", "too_many_digits", "not_text", "wrong_shape", "invalid_character"
]

T = TypeVar("T")


@attrs.frozen
class Invalid:
    """A value its cell cannot take, kept as given.

    ``problem``: ``not_a_number`` — text in a number cell that is not a number
    (``约12``, ``1e2``); ``too_many_digits`` — a number beyond the bounds
    (docs/data-format.md); ``not_text`` — a number where text belongs;
    ``wrong_shape`` — a value of a shape the cell cannot hold (a list where a
    number belongs, a float, a bool, NaN); ``invalid_character`` — text holding a
    character a document cannot hold.  ``text`` is what a renderer prints for
    it, the value as typed; ``None`` when it cannot be printed, so a renderer
    refuses it.
    """

    value: object
    problem: InvalidProblem
    text: str | None = None

    @property
    def character(self) -> str | None:
        """The first character of the value a document cannot hold (``invalid_character``)."""
        return first_invalid_character(self.value) if self.problem == "invalid_character" else None


#: How "无" is written, in documents and on every rendered form.
NONE_TEXT: Final = "无"


@attrs.frozen
class NoneAnswer:
    """The answer "无" in a number cell: the applicant has no such figure (填报说明 2).

    Not a number and never read as 0: each consumer decides what "无" means
    for its item (docs/validation.md, "无").  There is one, :data:`NONE_ANSWER`.
    """

    def __str__(self) -> str:
        """``无``, as every form prints it."""
        return NONE_TEXT


#: The one explicit "无" answer.
NONE_ANSWER: Final = NoneAnswer()

#: A number cell: a bounded Decimal, "无", or what it holds instead.
NumberCell: TypeAlias = Decimal | NoneAnswer | Invalid
#: A text cell ("无" in it is text like any other).
TextCell: TypeAlias = str | Invalid
#: A cell that takes text or a number: a roster cell, an added target row's figure.
MixedCell: TypeAlias = Decimal | NoneAnswer | str | Invalid


@attrs.frozen
class ByYear(Generic[T]):
    """One cell per year: a yearly row, the stage targets, the years of the standards table.

    ``cells`` holds the filled years of the form, in the order given; ``unknown``
    the keys that are not years of the form.
    """

    cells: Mapping[int, T | Invalid] = attrs.field(factory=dict)
    unknown: tuple[str, ...] = ()

    def get(self, year: int) -> T | Invalid | None:
        """The cell of ``year``; None when it is blank."""
        return self.cells.get(year)


@attrs.frozen
class Parts(Generic[T]):
    """Cells by part id: a counts item, a year's roles, a target row, a roster row.

    ``cells`` holds the filled parts the item has, in the order given; ``unknown``
    the keys it does not have.
    """

    cells: Mapping[str, T | Invalid] = attrs.field(factory=dict)
    unknown: tuple[str, ...] = ()

    def get(self, part: str) -> T | Invalid | None:
        """The cell of ``part``; None when it is blank."""
        return self.cells.get(part)


@attrs.frozen
class Chosen:
    """An option chosen: a single choice's value, or one entry of a checklist.

    ``option`` is the id as given (it may not be an option of the item);
    ``text`` the words written in the option's blank or explanation;
    ``evidence`` the attachment ids cited; ``unknown`` other keys of the entry.
    """

    option: str
    text: TextCell | None = None
    evidence: tuple[str, ...] | Invalid = ()
    unknown: tuple[str, ...] = ()


@attrs.frozen
class Checklist:
    """The checked options of a checklist, in the order given."""

    entries: tuple[Chosen | Invalid, ...] = ()

    def checked(self) -> dict[str, Chosen]:
        """The entries by option id; the first one when an option is given twice."""
        found: dict[str, Chosen] = {}
        for entry in self.entries:
            if isinstance(entry, Chosen):
                found.setdefault(entry.option, entry)
        return found


@attrs.frozen
class NamedCount:
    """``{"count": n, "names": "…"}``: how many, and which."""

    count: NumberCell | None = None
    names: TextCell | None = None
    unknown: tuple[str, ...] = ()


@attrs.frozen
class ExtraRow:
    """A row the applicant added to the target table under a direction's "......".

    ``direction`` is None when the row names none (or not as text).
    """

    direction: str | None
    indicator: TextCell | None = None
    baseline: MixedCell | None = None
    target: MixedCell | None = None
    unknown: tuple[str, ...] = ()


@attrs.frozen
class Targets:
    """The plan's target table (三年总体目标).

    ``rows`` by row id, each with its ``baseline``, ``target`` and
    ``industry_average`` cells; ``extra`` the rows the applicant added;
    ``unknown`` keys other than ``rows`` and ``extra``; ``unknown_rows`` row ids
    the table does not have.
    """

    rows: Mapping[str, Parts[MixedCell] | Invalid] | Invalid = attrs.field(factory=dict)
    extra: tuple[ExtraRow | Invalid, ...] | Invalid = ()
    unknown: tuple[str, ...] = ()
    unknown_rows: tuple[str, ...] = ()


#: A roster: its rows in order, each a row of cells by column id.
RosterRows: TypeAlias = tuple[Parts[MixedCell] | Invalid, ...]

#: The value of one field, by its item's kind: a cell (text, number or "无", count,
#: sign-off, cover line), :class:`Chosen` (choice), :class:`Checklist`, :class:`ByYear` (yearly,
#: stages, standards), :class:`Parts` (counts), :class:`NamedCount`, :class:`Targets`,
#: :data:`RosterRows` (roster), or :class:`Invalid` when the whole value has the wrong shape.
Value: TypeAlias = (
    Decimal
    | NoneAnswer
    | str
    | Invalid
    | Chosen
    | Checklist
    | ByYear[Any]
    | Parts[Any]
    | NamedCount
    | Targets
) | RosterRows


@attrs.frozen
class Attachment:
    """One evidence file (佐证材料) the application lists."""

    id: str
    title: str
    file: str


@attrs.frozen(kw_only=True, repr=False)
class Application:
    """An application read against its spec: every value typed, once.

    ``values`` holds the filled fields by id, in form order (blank ones are left
    out); ``named_spec`` is the document's ``spec`` as given; ``meta`` its text
    entries; ``attachments`` the listed evidence files, or None when it lists
    none; ``unknown_fields`` keys of ``values`` the spec does not have;
    ``unknown_keys`` top-level keys other than ``spec``, ``meta``,
    ``attachments`` and ``values``; ``malformed`` the parts ``meta`` and
    ``attachments`` when they are not of their shape.
    """

    spec: FormSpec = attrs.field(eq=False)
    values: Mapping[str, Value] = attrs.field(factory=dict)
    named_spec: object = None
    meta: Mapping[str, str] = attrs.field(factory=dict)
    attachments: tuple[Attachment, ...] | None = None
    unknown_fields: tuple[str, ...] = ()
    unknown_keys: tuple[str, ...] = ()
    malformed: Mapping[str, Invalid] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        """``<Application national-2023: 82 values>``: the values themselves are too many."""
        return f"<Application {self.spec.id}: {len(self.values)} values>"

    def to_document(self) -> dict[str, Any]:
        """The application as a plain document, in its canonical form.

        Blank cells and empty objects left out, numbers as ``Decimal``, a value that
        does not fit its cell as typed, checked options in the form's order: what
        a filled workbook gives back, and what two readings of one application share.
        """
        from clusterforms.application.writing import to_document  # noqa: PLC0415 - a cycle

        return to_document(self)

    def get(self, field: str) -> Value | None:
        """The value of ``field``; None when it is blank."""
        return self.values.get(field)

    def number(self, field: str, year: int | None = None) -> Decimal | None:
        """The number in ``field`` (in ``year`` of a yearly field), if it holds a usable one."""
        value = self.values.get(field)
        if year is not None:
            value = value.get(year) if isinstance(value, ByYear) else None
        return value if isinstance(value, Decimal) else None

    def is_none(self, field: str, year: int | None = None) -> bool:
        """Whether ``field`` (in ``year`` of a yearly field) is answered "无"."""
        value = self.values.get(field)
        if year is not None:
            value = value.get(year) if isinstance(value, ByYear) else None
        return isinstance(value, NoneAnswer)

    def text(self, field: str) -> str | None:
        """The text of ``field``, if it holds usable text."""
        value = self.values.get(field)
        return value if isinstance(value, str) else None

    def option(self, field: str) -> str | None:
        """The option id chosen in a choice field, as given; None when there is none."""
        value = self.values.get(field)
        return value.option if isinstance(value, Chosen) else None
