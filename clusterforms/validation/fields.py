"""Per-field checks on typed values, compiled once per spec into closures.

Each checker takes a field's typed value (from :func:`clusterforms.read_application`,
never blank), reports what is wrong with it through the
:class:`~clusterforms.validation.emit.Emitter`, and returns what the consistency
rules may use (a Decimal, or a year → Decimal mapping), or ``None``.  Choices
and checklists live in :mod:`clusterforms.validation.options`, the target
table and rosters in :mod:`clusterforms.validation.tables`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from clusterforms.application.values import ByYear, Invalid, NamedCount, NoneAnswer, Parts
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
    NumberCheck,
    count_words,
    wrong_type,
)
from clusterforms.validation.emit import Emitter, label_of
from clusterforms.validation.none import refuses_none, required_code


def text_checker(item: TextItem | NarrativeItem | CoverLine | SignoffItem) -> Checker:
    """Text: a string within the character limit."""
    limit = getattr(item, "max_chars", None)
    label = label_of(item)

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, str):
            wrong_type(emit, item, TEXT_WORDS, value)
        elif limit is not None and len(value) > limit and (n := count_words(value)) > limit:
            emit("too_long", item.id, label, limit=limit, count=n)

    return check


def _shared_limits(spec: FormSpec) -> dict[str, tuple[NarrativeItem, tuple[str, ...]]]:
    """Each narrative whose limit others share (``counts_toward``) → it and every sharer's id."""
    items = {item.id: item for _, item in spec.walk()}
    out: dict[str, tuple[NarrativeItem, tuple[str, ...]]] = {}
    for _, item in spec.walk():
        target = items.get(getattr(item, "counts_toward", None) or "")
        if isinstance(target, NarrativeItem):
            owner, ids = out.get(target.id, (target, (target.id,)))
            out[target.id] = (owner, (*ids, item.id))
    return out


def shared_limit_check(spec: FormSpec) -> Callable[[Mapping[str, Any], Emitter], None]:
    """The limit of each shared narrative checked on its text and its sharers' together.

    A text over the limit on its own is already ``too_long``; otherwise texts
    within it one by one but over it together are ``too_long_together``.
    """
    items = {item.id: item for _, item in spec.walk()}
    shared = _shared_limits(spec)

    def check(values: Mapping[str, Any], emit: Emitter) -> None:
        for owner, ids in shared.values():
            limit = owner.max_chars
            counts = {i: count_words(v) for i in ids if isinstance(v := values.get(i), str)}
            if limit is None or counts.get(owner.id, 0) > limit:
                continue
            if (n := sum(counts.values())) > limit:
                others = "、".join(f"「{label_of(items[i])}」" for i in ids[1:])
                emit(
                    "too_long_together",
                    owner.id,
                    label_of(owner),
                    limit=limit,
                    count=n,
                    others=others,
                )

    return check


def number_checker(item: NumberItem | CountItem) -> Checker:
    """A single number or count."""
    if isinstance(item, CountItem):
        read = NumberCheck(item.id, label_of(item), integer=True, refuses_none=refuses_none(item))
    else:
        read = NumberCheck(
            item.id,
            label_of(item),
            integer=False,
            decimals=item.decimals,
            minimum=item.minimum,
            maximum=item.maximum,
            refuses_none=refuses_none(item),
        )
    return lambda value, emit, _: read(value, emit)


def _year_check(item: Item, years: tuple[int, ...], code: str) -> Any:
    """A check of a :class:`ByYear`'s keys against ``years``.

    Keys that are not years are reported, and (if the item is required) the years
    left blank, with ``code``.
    """
    label = label_of(item)
    shown = "、".join(str(y) for y in years)
    required = bool(getattr(item, "required", False))

    def check(emit: Emitter, value: ByYear[Any]) -> None:
        for key in value.unknown:
            emit("unknown_year", item.id, label, years=shown, year_=key)
        if required and len(value.cells) < len(years):
            for year in years:
                if year not in value.cells:
                    emit(code, item.id, label, year=year)

    return check


def yearly_checker(spec: FormSpec, item: YearlyItem) -> Checker:
    """One value per data year: exactly the spec's years, each a valid number or "无"."""
    read = NumberCheck(
        item.id,
        label_of(item),
        integer=item.value == "count",
        decimals=item.decimals,
        minimum=item.minimum,
        maximum=item.maximum,
        refuses_none=refuses_none(item),
    )
    check_years = _year_check(item, spec.data_years, required_code(item))

    def check(value: Any, emit: Emitter, _: Attachments) -> dict[int, Decimal | NoneAnswer] | None:
        if not isinstance(value, ByYear):
            wrong_type(emit, item, OBJECT_WORDS, value)
            return None
        check_years(emit, value)
        parsed: dict[int, Decimal | NoneAnswer] = {}
        for year, cell in value.cells.items():
            if (number := read(cell, emit, year)) is not None:
                parsed[year] = number
        return parsed

    return check


def _part_counts(  # noqa: PLR0913, PLR0917 - one cell block's whole context
    emit: Emitter,
    item: CountsItem | StandardsItem,
    read: NumberCheck,
    value: object,
    parts: tuple[Option, ...],
    year: int | None,
) -> None:
    """Check one ``part id → count`` object (a year's roles, or the green counts)."""
    if not isinstance(value, Parts):
        wrong_type(emit, item, OBJECT_WORDS, value, year)
        return
    for key in value.unknown:
        emit("unknown_key", item.id, read.label, year=year, key=key)
    for key, cell in value.cells.items():
        read(cell, emit, year, key)
    if item.required:
        for part in parts:
            if part.id not in value.cells:
                emit(required_code(item), item.id, read.label, year=year, option=part.id)


def counts_checker(item: CountsItem) -> Checker:
    """Counts per part (绿色工厂数量 …)."""
    read = NumberCheck(item.id, label_of(item), integer=True)
    return lambda value, emit, _: _part_counts(emit, item, read, value, item.parts, None)


def standards_checker(spec: FormSpec, item: StandardsItem) -> Checker:
    """Standards led or joined: year → category → role → count."""
    read = NumberCheck(item.id, label_of(item), integer=True)
    check_years = _year_check(item, spec.data_years, required_code(item))

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, ByYear):
            wrong_type(emit, item, OBJECT_WORDS, value)
            return
        check_years(emit, value)
        for year, per_year in value.cells.items():
            if not isinstance(per_year, Parts):
                wrong_type(emit, item, OBJECT_WORDS, per_year, year)
                continue
            for key in per_year.unknown:
                emit("unknown_key", item.id, read.label, year=year, key=key)
            for roles in per_year.cells.values():
                _part_counts(emit, item, read, roles, item.roles, year)

    return check


def named_count_checker(item: NamedCountItem) -> Checker:
    """``{"count": n, "names": "…"}``: names are required once the count is above 0 (not for 无)."""
    label = label_of(item)
    read = NumberCheck(item.id, label, integer=True)

    def check(value: Any, emit: Emitter, _: Attachments) -> Decimal | NoneAnswer | None:
        if not isinstance(value, NamedCount):
            wrong_type(emit, item, OBJECT_WORDS, value)
            return None
        for key in value.unknown:
            emit("unknown_key", item.id, label, key=key)
        count = None
        if value.count is None:
            emit(required_code(item), item.id, label, option="count")
        else:
            count = read(value.count, emit, None, "count")
        if value.names is None:
            if isinstance(count, Decimal) and count > 0:
                emit("required", item.id, label, option="names")
        elif isinstance(value.names, Invalid):
            wrong_type(emit, item, TEXT_WORDS, value.names)
        return count

    return check


def stages_checker(spec: FormSpec, item: StagesItem) -> Checker:
    """One text per plan year."""
    check_years = _year_check(item, spec.plan_years, "required")

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, ByYear):
            wrong_type(emit, item, OBJECT_WORDS, value)
            return
        check_years(emit, value)
        for year, text in value.cells.items():
            if isinstance(text, Invalid):
                wrong_type(emit, item, TEXT_WORDS, text, year)

    return check
