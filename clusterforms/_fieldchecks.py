"""Per-field checks, compiled once per spec into closures.

Each checker takes a present (non-empty) value, reports what is wrong with it
through the :class:`~clusterforms._emit.Emitter`, and returns the parsed value
(Decimals, or a year → Decimal mapping) for the consistency rules, or ``None``
where nothing usable was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from clusterforms._emit import Emitter, label_of
from clusterforms._items import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    RosterColumn,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    TargetsItem,
    TextItem,
    YearlyItem,
)
from clusterforms._spec import CoverLine, FormSpec

#: Attachment ids of the application, or None when it lists none.
Attachments = frozenset[str] | None
Checker = Callable[[Any, Emitter, Attachments], Any]

_NUMBER_WORDS = ("数值", "a number")
_COUNT_WORDS = ("整数", "a whole number")
_TEXT_WORDS = ("文字", "text")
_OBJECT_WORDS = ("对象（键值对）", "an object")
_LIST_WORDS = ("列表", "a list")


def is_empty(value: object) -> bool:
    """Absent, null, or blank text: what the forms call 空缺."""
    return value is None or (isinstance(value, str) and not value.strip())


def count_chars(text: str) -> int:
    """Characters towards a 字数 limit: every character except whitespace."""
    return len("".join(text.split()))


def type_name(value: object) -> str:
    """A short name for a JSON value's type, for messages."""
    names = {bool: "true/false", int: "number", Decimal: "number", float: "number", str: "text"}
    names |= {dict: "object", list: "list", type(None): "null"}
    return names.get(type(value), type(value).__name__)


class NumberReader:
    """Reads a number cell: type, decimals, sign and range, in one place."""

    __slots__ = ("decimals", "field", "integer", "label", "maximum", "minimum")

    def __init__(  # noqa: PLR0913 - the facts of one number cell
        self,
        field: str,
        label: str,
        *,
        integer: bool,
        decimals: int = 2,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
    ) -> None:
        self.field = field
        self.label = label
        self.integer = integer
        self.decimals = decimals
        self.minimum = Decimal(0) if integer and minimum is None else minimum
        self.maximum = maximum

    def __call__(
        self, value: object, emit: Emitter, year: int | None = None, option: str | None = None
    ) -> Decimal | None:
        """The cell's Decimal, or None after reporting why it is unusable."""
        number = _as_decimal(value)
        if number is None:
            zh, en = _COUNT_WORDS if self.integer else _NUMBER_WORDS
            emit(
                "wrong_type",
                self.field,
                self.label,
                year=year,
                option=option,
                expected=zh,
                expected_en=en,
                got=_show(value),
            )
            return None
        shown = _show(value)
        if self.integer and number != number.to_integral_value():
            emit("not_integer", self.field, self.label, year=year, option=option, value=shown)
            return None
        exponent = number.as_tuple().exponent
        if (
            not self.integer
            and isinstance(exponent, int)
            and -exponent > self.decimals  # only then can trailing zeros matter
            and _places(number) > self.decimals
        ):
            emit(
                "decimals",
                self.field,
                self.label,
                year=year,
                option=option,
                value=shown,
                decimals=self.decimals,
            )
        if self.minimum is not None and number < self.minimum:
            if self.minimum == 0:
                emit("negative", self.field, self.label, year=year, option=option, value=shown)
            else:
                self._out_of_range(emit, shown, year, option)
        elif self.maximum is not None and number > self.maximum:
            self._out_of_range(emit, shown, year, option)
        return number

    def _out_of_range(
        self, emit: Emitter, shown: str, year: int | None, option: str | None
    ) -> None:
        low = "−∞" if self.minimum is None else self.minimum
        high = "∞" if self.maximum is None else self.maximum
        emit(
            "out_of_range",
            self.field,
            self.label,
            year=year,
            option=option,
            value=shown,
            low=low,
            high=high,
        )


_PLAIN_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def _as_decimal(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    if isinstance(value, int):
        return Decimal(value)
    text = value.strip()
    if not _PLAIN_DECIMAL.fullmatch(text):  # no 1e2, no full-width digits, no 1_000
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _places(number: Decimal) -> int:
    """Decimal places that carry a digit: ``12.50`` has 1, ``12.345`` has 3."""
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _show(value: object) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _wrong(
    emit: Emitter,
    item: Item | CoverLine,
    words: tuple[str, str],
    value: object,
    year: int | None = None,
) -> None:
    emit(
        "wrong_type",
        item.id,
        label_of(item),
        year=year,
        expected=words[0],
        expected_en=words[1],
        got=type_name(value),
    )


def text_checker(item: TextItem | NarrativeItem | CoverLine | SignoffItem) -> Checker:
    """Text: a string within the character limit."""
    limit = getattr(item, "max_chars", None)
    label = label_of(item)

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, str):
            _wrong(emit, item, _TEXT_WORDS, value)
        elif limit is not None and len(value) > limit and (n := count_chars(value)) > limit:
            emit("too_long", item.id, label, limit=limit, count=n)

    return check


def number_checker(item: NumberItem | CountItem) -> Checker:
    """A single number or count."""
    if isinstance(item, CountItem):
        read = NumberReader(item.id, label_of(item), integer=True)
    else:
        read = NumberReader(
            item.id,
            label_of(item),
            integer=False,
            decimals=item.decimals,
            minimum=item.minimum,
            maximum=item.maximum,
        )
    return lambda value, emit, _: read(value, emit)


def yearly_checker(spec: FormSpec, item: YearlyItem) -> Checker:
    """One value per data year: exactly the spec's years, each a valid number."""
    label = label_of(item)
    read = NumberReader(
        item.id,
        label,
        integer=item.value == "count",
        decimals=item.decimals,
        minimum=item.minimum,
        maximum=item.maximum,
    )
    years = {str(y): y for y in spec.data_years}

    def check(value: Any, emit: Emitter, _: Attachments) -> dict[int, Decimal] | None:
        if not isinstance(value, dict):
            _wrong(emit, item, _OBJECT_WORDS, value)
            return None
        parsed: dict[int, Decimal] = {}
        for key in _year_keys(emit, item, value, years, required=item.required):
            year, cell = years[key], value[key]
            if is_empty(cell):
                if item.required:
                    emit("required_number", item.id, label, year=year)
            elif (number := read(cell, emit, year)) is not None:
                parsed[year] = number
        return parsed

    return check


def _option_index(options: tuple[Option, ...]) -> tuple[dict[str, Option], str]:
    return {o.id: o for o in options}, "、".join(o.id for o in options)


def choice_checker(item: ChoiceItem) -> Checker:
    """One option id, or ``{"option": id, "text": …}``."""
    label = label_of(item)
    options, listed = _option_index(item.options)

    def check(value: Any, emit: Emitter, _: Attachments) -> str | None:
        if isinstance(value, list):
            if len(value) != 1:
                emit("multiple_choices", item.id, label, count=len(value))
                return None
            value = value[0]
        entry = _option_entry(emit, item, value, _CHOICE_KEYS)
        if entry is None:
            return None
        option_id, text, _evidence = entry
        option = options.get(option_id)
        if option is None:
            emit("unknown_option", item.id, label, option=option_id, options=listed)
            return None
        _check_option_text(emit, item, option, text)
        return option_id

    return check


def checklist_checker(item: ChecklistItem) -> Checker:
    """A list of checked options, each with its text and evidence where needed."""
    label = label_of(item)
    options, listed = _option_index(item.options)

    def check(value: Any, emit: Emitter, attachments: Attachments) -> frozenset[str] | None:
        if not isinstance(value, list):
            _wrong(emit, item, _LIST_WORDS, value)
            return None
        checked: set[str] = set()
        for entry in value:
            parsed = _option_entry(emit, item, entry, _CHECKLIST_KEYS)
            if parsed is None:
                continue
            option_id, text, refs = parsed
            option = options.get(option_id)
            if option is None:
                emit("unknown_option", item.id, label, option=option_id, options=listed)
                continue
            checked.add(option_id)
            _check_option_text(emit, item, option, text)
            needs = item.evidence if option.evidence is None else option.evidence
            if needs and not refs:
                emit(
                    "evidence_missing",
                    item.id,
                    label,
                    severity="warning",
                    option=option_id,
                    option_label=option.label,
                )
            for ref in refs:
                if attachments is not None and ref not in attachments:
                    emit(
                        "unknown_attachment",
                        item.id,
                        label,
                        severity="warning",
                        option=option_id,
                        ref=ref,
                    )
        return frozenset(checked)

    return check


def _option_entry(
    emit: Emitter, item: ChoiceItem | ChecklistItem, value: object, keys: frozenset[str]
) -> tuple[str, object, list[str]] | None:
    """``(option id, text, evidence ids)`` of one entry, or None after reporting why not."""
    if isinstance(value, str):
        return value, None, []
    if not isinstance(value, dict) or not isinstance(value.get("option"), str):
        _wrong(emit, item, ("选项编号", "an option id"), value)
        return None
    for key in value.keys() - keys:
        emit("unknown_key", item.id, label_of(item), option=value["option"], key=key)
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        _wrong(emit, item, _TEXT_WORDS, text)
        text = None
    evidence = value.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(ref, str) for ref in evidence):
        _wrong(emit, item, ("佐证材料编号列表", "a list of attachment ids"), evidence)
        evidence = []
    return value["option"], text, evidence


_CHOICE_KEYS = frozenset({"option", "text"})
_CHECKLIST_KEYS = frozenset({"option", "text", "evidence"})


def _check_option_text(
    emit: Emitter, item: ChoiceItem | ChecklistItem, option: Option, text: object
) -> None:
    if not is_empty(text):
        return
    if option.explain:
        emit(
            "explanation_required",
            item.id,
            label_of(item),
            option=option.id,
            option_label=option.label,
        )
    elif option.free_text:
        emit(
            "other_text_required",
            item.id,
            label_of(item),
            option=option.id,
            option_label=option.label,
        )


def _part_counts(  # noqa: PLR0913, PLR0917 - one cell block's whole context
    emit: Emitter,
    item: CountsItem | StandardsItem,
    read: NumberReader,
    value: Any,
    parts: tuple[Option, ...],
    year: int | None,
) -> None:
    """Check one ``part id → count`` object (a year's roles, or the green counts)."""
    if not isinstance(value, dict):
        _wrong(emit, item, _OBJECT_WORDS, value, year)
        return
    known = {p.id for p in parts}
    for key, cell in value.items():
        if key not in known:
            emit("unknown_key", item.id, read.label, year=year, key=key)
        elif is_empty(cell):
            emit("required_number", item.id, read.label, year=year, option=key)
        else:
            read(cell, emit, year, key)
    if item.required:
        for part in parts:
            if part.id not in value:
                emit("required_number", item.id, read.label, year=year, option=part.id)


def counts_checker(item: CountsItem) -> Checker:
    """Counts per part (绿色工厂数量 …)."""
    read = NumberReader(item.id, label_of(item), integer=True)
    return lambda value, emit, _: _part_counts(emit, item, read, value, item.parts, None)


def standards_checker(spec: FormSpec, item: StandardsItem) -> Checker:
    """Standards led or joined: year → category → role → count."""
    read = NumberReader(item.id, label_of(item), integer=True)
    years = {str(y): y for y in spec.data_years}
    categories = {c.id for c in item.categories}

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, dict):
            _wrong(emit, item, _OBJECT_WORDS, value)
            return
        for key in _year_keys(emit, item, value, years, required=item.required):
            per_year = value[key]
            if not isinstance(per_year, dict):
                _wrong(emit, item, _OBJECT_WORDS, per_year, years[key])
                continue
            for category_id, roles in per_year.items():
                if category_id in categories:
                    _part_counts(emit, item, read, roles, item.roles, years[key])
                else:
                    emit("unknown_key", item.id, read.label, year=years[key], key=category_id)

    return check


def _year_keys(
    emit: Emitter, item: Item, value: dict[str, Any], years: dict[str, int], *, required: bool
) -> list[str]:
    """The keys of ``value`` that are years of ``years``; reports the others and the missing."""
    label = label_of(item)
    known = []
    for key in value:
        if key in years:
            known.append(key)
        else:
            emit("unknown_year", item.id, label, years="、".join(years), year_=key)
    if required:
        for key, year in years.items():
            if key not in value:
                code = "required" if isinstance(item, StagesItem) else "required_number"
                emit(code, item.id, label, year=year)
    return known


def named_count_checker(item: NamedCountItem) -> Checker:
    """``{"count": n, "names": "…"}``: names are required once the count is above 0."""
    label = label_of(item)
    read = NumberReader(item.id, label, integer=True)

    def check(value: Any, emit: Emitter, _: Attachments) -> Decimal | None:
        if not isinstance(value, dict):
            _wrong(emit, item, _OBJECT_WORDS, value)
            return None
        for key in value.keys() - {"count", "names"}:
            emit("unknown_key", item.id, label, key=key)
        count = None
        if is_empty(value.get("count")):
            emit("required_number", item.id, label, option="count")
        else:
            count = read(value["count"], emit, None, "count")
        names = value.get("names")
        if is_empty(names):
            if count is not None and count > 0:
                emit("required", item.id, label, option="names")
        elif not isinstance(names, str):
            _wrong(emit, item, _TEXT_WORDS, names)
        return count

    return check


def stages_checker(spec: FormSpec, item: StagesItem) -> Checker:
    """One text per plan year."""
    label = label_of(item)
    years = {str(y): y for y in spec.plan_years}

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, dict):
            _wrong(emit, item, _OBJECT_WORDS, value)
            return
        for key in _year_keys(emit, item, value, years, required=item.required):
            text = value[key]
            if is_empty(text):
                emit("required", item.id, label, year=years[key])
            elif not isinstance(text, str):
                _wrong(emit, item, _TEXT_WORDS, text, years[key])

    return check


def targets_checker(item: TargetsItem) -> Checker:
    """The target table: every listed row filled, extra rows well-formed."""
    label = label_of(item)
    rows = {row.id: row for d in item.directions for row in d.rows}
    directions = {d.id for d in item.directions}

    def check(value: Any, emit: Emitter, _: Attachments) -> dict[str, dict[str, Any]] | None:
        if not isinstance(value, dict):
            _wrong(emit, item, _OBJECT_WORDS, value)
            return None
        for key in value.keys() - {"rows", "extra"}:
            emit("unknown_key", item.id, label, key=key)
        given = value.get("rows", {})
        if not isinstance(given, dict):
            _wrong(emit, item, _OBJECT_WORDS, given)
            given = {}
        parsed: dict[str, dict[str, Any]] = {}
        for row_id, cells in given.items():
            row = rows.get(row_id)
            if row is None:
                emit("unknown_key", item.id, label, key=row_id)
            else:
                parsed[row_id] = _target_cells(emit, row_id, row.indicator, row.value, cells)
        for row_id, row in rows.items():
            if row.required and row_id not in given:
                for part in ("baseline", "target"):
                    emit("required", row_id, row.indicator, option=part)
        _extra_rows(emit, item, value.get("extra", []), directions)
        return parsed

    return check


def _extra_rows(emit: Emitter, item: TargetsItem, extra: object, directions: set[str]) -> None:
    """Rows the applicant added under a direction's "......": a direction and an indicator."""
    if not isinstance(extra, list):
        _wrong(emit, item, _LIST_WORDS, extra)
        return
    label = label_of(item)
    for entry in extra:
        direction = entry.get("direction") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(direction, str):
            _wrong(emit, item, _OBJECT_WORDS, entry)
            continue
        if direction not in directions:
            emit("unknown_key", item.id, label, key=direction)
        for key in entry.keys() - _EXTRA_KEYS:
            emit("unknown_key", item.id, label, key=key)
        if is_empty(entry.get("indicator")):
            emit("required", item.id, label, option="indicator")
        elif not isinstance(entry["indicator"], str):
            _wrong(emit, item, _TEXT_WORDS, entry["indicator"])
        for part in ("baseline", "target"):
            cell = entry.get(part)
            if cell is not None and (
                isinstance(cell, bool) or not isinstance(cell, str | int | Decimal)
            ):
                _wrong(emit, item, ("数值或文字", "a number or text"), cell)


_EXTRA_KEYS = frozenset({"direction", "indicator", "baseline", "target"})
_TARGET_KEYS = frozenset({"baseline", "target", "industry_average"})


def _target_cells(
    emit: Emitter, row_id: str, indicator: str, kind: str, cells: object
) -> dict[str, Any]:
    if not isinstance(cells, Mapping):
        emit(
            "wrong_type",
            row_id,
            indicator,
            expected=_OBJECT_WORDS[0],
            expected_en=_OBJECT_WORDS[1],
            got=type_name(cells),
        )
        return {}
    read = NumberReader(row_id, indicator, integer=False)
    for key in cells.keys() - _TARGET_KEYS:
        emit("unknown_key", row_id, indicator, key=key)
    parsed: dict[str, Any] = {}
    for part in ("baseline", "target", "industry_average"):
        cell = cells.get(part)
        if is_empty(cell):
            if part != "industry_average":
                emit("required", row_id, indicator, option=part)
        elif kind == "text" and part != "industry_average":
            if isinstance(cell, str):
                parsed[part] = cell
            else:
                emit(
                    "wrong_type",
                    row_id,
                    indicator,
                    option=part,
                    expected=_TEXT_WORDS[0],
                    expected_en=_TEXT_WORDS[1],
                    got=type_name(cell),
                )
        else:
            parsed[part] = read(cell, emit, None, part)
    return parsed


_CELL_WORDS = ("文字或数值", "text or a number")


def roster_checker(item: RosterItem) -> Checker:
    """A list of rows, each ``{column id: text}``; a cell may also be a number (序号).

    Findings about a cell carry ``option`` ``"<row>/<column id>"`` (rows count
    from 1), about a whole row ``"<row>"``; their label names the row and column.
    """
    base = item.label.replace("\n", "")
    columns = {c.id: c for c in item.columns}

    def where(n: int, column: str | None = None) -> str:
        label = f"{base}第{n}行"
        return label if column is None else f"{label}·{column}"

    def check(value: Any, emit: Emitter, _: Attachments) -> list[dict[str, Any]] | None:
        if not isinstance(value, list):
            _wrong(emit, item, _LIST_WORDS, value)
            return None
        if item.required and not value:
            emit("required", item.id, label_of(item))
        rows: list[dict[str, Any]] = []
        for n, row in enumerate(value, start=1):
            if not isinstance(row, dict):
                emit(
                    "wrong_type",
                    item.id,
                    where(n),
                    option=str(n),
                    expected=_OBJECT_WORDS[0],
                    expected_en=_OBJECT_WORDS[1],
                    got=type_name(row),
                )
                continue
            for key, cell in row.items():
                column = columns.get(key)
                if column is None:
                    emit("unknown_key", item.id, where(n), option=str(n), key=key)
                elif not is_empty(cell):
                    place = (item.id, where(n, column.label), f"{n}/{key}")
                    _roster_cell(emit, place, column, cell)
            rows.append(row)
        return rows

    return check


def _roster_cell(
    emit: Emitter, place: tuple[str, str, str], column: RosterColumn, cell: object
) -> None:
    """One cell: text within its column's limit, or a number; ``place`` = (field, label, option)."""
    field, label, option = place
    if isinstance(cell, str):
        limit = column.max_chars
        if limit is not None and len(cell) > limit and (n := count_chars(cell)) > limit:
            emit("too_long", field, label, option=option, limit=limit, count=n)
    elif isinstance(cell, bool) or not isinstance(cell, int | Decimal) or not _finite(cell):
        emit(
            "wrong_type",
            field,
            label,
            option=option,
            expected=_CELL_WORDS[0],
            expected_en=_CELL_WORDS[1],
            got=type_name(cell),
        )


def _finite(number: int | Decimal) -> bool:
    return isinstance(number, int) or number.is_finite()
