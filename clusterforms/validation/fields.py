"""Per-field checks, compiled once per spec into closures.

Each checker takes a present (non-empty) value, reports what is wrong with it
through the :class:`~clusterforms.validation.emit.Emitter`, and returns the parsed value
(Decimals, or a year → Decimal mapping) for the consistency rules, or ``None``
where nothing usable was found.  Choices and checklists live in
:mod:`clusterforms.validation.options`, the target table and rosters in
:mod:`clusterforms.validation.tables`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from clusterforms.model.items import (
    CountItem,
    CountsItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    SignoffItem,
    StagesItem,
    StandardsItem,
    TextItem,
    YearlyItem,
)
from clusterforms.model.spec import CoverLine, FormSpec
from clusterforms.validation.cells import (
    OBJECT_WORDS,
    TEXT_WORDS,
    Attachments,
    Checker,
    NumberReader,
    count_chars,
    is_empty,
    wrong_type,
)
from clusterforms.validation.emit import Emitter, label_of


def text_checker(item: TextItem | NarrativeItem | CoverLine | SignoffItem) -> Checker:
    """Text: a string within the character limit."""
    limit = getattr(item, "max_chars", None)
    label = label_of(item)

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, str):
            wrong_type(emit, item, TEXT_WORDS, value)
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
            wrong_type(emit, item, OBJECT_WORDS, value)
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
        wrong_type(emit, item, OBJECT_WORDS, value, year)
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
            wrong_type(emit, item, OBJECT_WORDS, value)
            return
        for key in _year_keys(emit, item, value, years, required=item.required):
            per_year = value[key]
            if not isinstance(per_year, dict):
                wrong_type(emit, item, OBJECT_WORDS, per_year, years[key])
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
            wrong_type(emit, item, OBJECT_WORDS, value)
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
            wrong_type(emit, item, TEXT_WORDS, names)
        return count

    return check


def stages_checker(spec: FormSpec, item: StagesItem) -> Checker:
    """One text per plan year."""
    label = label_of(item)
    years = {str(y): y for y in spec.plan_years}

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, dict):
            wrong_type(emit, item, OBJECT_WORDS, value)
            return
        for key in _year_keys(emit, item, value, years, required=item.required):
            text = value[key]
            if is_empty(text):
                emit("required", item.id, label, year=years[key])
            elif not isinstance(text, str):
                wrong_type(emit, item, TEXT_WORDS, text, years[key])

    return check
