"""Checks of the tables an applicant extends: the plan's target table and rosters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from clusterforms.application.values import ExtraRow, Invalid, Parts, Targets
from clusterforms.model.items import RosterColumn, RosterItem, TargetsItem
from clusterforms.validation.cells import (
    LIST_WORDS,
    OBJECT_WORDS,
    TEXT_WORDS,
    Attachments,
    Checker,
    NumberCheck,
    count_words,
    report_invalid,
    wrong_type,
)
from clusterforms.validation.emit import Emitter, label_of

_MIXED_WORDS = ("数值或文字", "a number or text")
_CELL_WORDS = ("文字或数值", "text or a number")


def targets_checker(item: TargetsItem) -> Checker:
    """The target table: every listed row filled, extra rows well-formed."""
    label = label_of(item)
    rows = {row.id: row for d in item.directions for row in d.rows}
    directions = {d.id for d in item.directions}

    def check(value: Any, emit: Emitter, _: Attachments) -> dict[str, dict[str, Any]] | None:
        if not isinstance(value, Targets):
            wrong_type(emit, item, OBJECT_WORDS, value)
            return None
        for key in value.unknown:
            emit("unknown_key", item.id, label, key=key)
        given = value.rows
        if isinstance(given, Invalid):
            wrong_type(emit, item, OBJECT_WORDS, given)
            given = {}
        for row_id in value.unknown_rows:
            emit("unknown_key", item.id, label, key=row_id)
        parsed: dict[str, dict[str, Any]] = {}
        for row_id, cells in given.items():
            row = rows[row_id]
            parsed[row_id] = _target_cells(emit, row_id, row.indicator, row.value, cells)
        for row_id, row in rows.items():
            if row.required and row_id not in given:
                for part in ("baseline", "target"):
                    emit("required", row_id, row.indicator, option=part)
        _extra_rows(emit, item, value.extra, directions)
        return parsed

    return check


def _extra_rows(emit: Emitter, item: TargetsItem, extra: object, directions: set[str]) -> None:
    """Rows the applicant added under a direction's "......": a direction and an indicator."""
    if not isinstance(extra, tuple):
        wrong_type(emit, item, LIST_WORDS, extra)
        return
    label = label_of(item)
    for entry in extra:
        if not isinstance(entry, ExtraRow) or entry.direction is None:
            # an object without a direction is as unusable as no object at all
            shown = entry if isinstance(entry, Invalid) else Invalid({}, "wrong_shape")
            wrong_type(emit, item, OBJECT_WORDS, shown)
            continue
        if entry.direction not in directions:
            emit("unknown_key", item.id, label, key=entry.direction)
        for key in entry.unknown:
            emit("unknown_key", item.id, label, key=key)
        if entry.indicator is None:
            emit("required", item.id, label, option="indicator")
        elif isinstance(entry.indicator, Invalid):
            wrong_type(emit, item, TEXT_WORDS, entry.indicator)
        for cell in (entry.baseline, entry.target):
            if isinstance(cell, Invalid):
                report_invalid(emit, cell, (item.id, label), _MIXED_WORDS)


def _target_cells(
    emit: Emitter, row_id: str, indicator: str, kind: str, cells: object
) -> dict[str, Any]:
    place = (row_id, indicator)
    if not isinstance(cells, Parts):
        invalid = cells if isinstance(cells, Invalid) else Invalid(cells, "wrong_shape")
        report_invalid(emit, invalid, place, OBJECT_WORDS)
        return {}
    read = NumberCheck(row_id, indicator, integer=False)
    for key in cells.unknown:
        emit("unknown_key", row_id, indicator, key=key)
    parsed: dict[str, Any] = {}
    for part in ("baseline", "target", "industry_average"):
        cell = cells.get(part)
        if cell is None:
            if part != "industry_average":
                emit("required", row_id, indicator, option=part)
        elif kind == "text" and part != "industry_average":
            if isinstance(cell, str):
                parsed[part] = cell
            else:
                invalid = cell if isinstance(cell, Invalid) else Invalid(cell, "not_text")
                report_invalid(emit, invalid, place, TEXT_WORDS, option=part)
        else:
            parsed[part] = read(cell, emit, None, part)
    return parsed


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

    def check(value: Any, emit: Emitter, _: Attachments) -> None:
        if not isinstance(value, tuple):
            wrong_type(emit, item, LIST_WORDS, value)
            return
        if item.required and not value:
            emit("required", item.id, label_of(item))
        for n, row in enumerate(value, start=1):
            if not isinstance(row, Parts):
                invalid = row if isinstance(row, Invalid) else Invalid(row, "wrong_shape")
                report_invalid(emit, invalid, (item.id, where(n)), OBJECT_WORDS, option=str(n))
                continue
            for key in row.unknown:
                emit("unknown_key", item.id, where(n), option=str(n), key=key)
            for key, cell in row.cells.items():
                column = columns[key]
                place = (item.id, where(n, column.label), f"{n}/{key}")
                _roster_cell(emit, place, column, cell)

    return check


def _roster_cell(
    emit: Emitter, place: tuple[str, str, str], column: RosterColumn, cell: object
) -> None:
    """One cell: text within its column's limit, or a number; ``place`` = (field, label, option)."""
    field, label, option = place
    if isinstance(cell, str):
        limit = column.max_chars
        if limit is not None and len(cell) > limit and (n := count_words(cell)) > limit:
            emit("too_long", field, label, option=option, limit=limit, count=n)
    elif not isinstance(cell, Decimal):
        invalid = cell if isinstance(cell, Invalid) else Invalid(cell, "wrong_shape")
        report_invalid(emit, invalid, (field, label), _CELL_WORDS, option=option)
