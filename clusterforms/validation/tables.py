"""Checks of the tables an applicant extends: the plan's target table and rosters."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from clusterforms.model.items import RosterColumn, RosterItem, TargetsItem
from clusterforms.validation.cells import (
    LIST_WORDS,
    OBJECT_WORDS,
    TEXT_WORDS,
    Attachments,
    Checker,
    NumberReader,
    count_chars,
    is_empty,
    type_name,
    wrong_type,
)
from clusterforms.validation.emit import Emitter, label_of


def targets_checker(item: TargetsItem) -> Checker:
    """The target table: every listed row filled, extra rows well-formed."""
    label = label_of(item)
    rows = {row.id: row for d in item.directions for row in d.rows}
    directions = {d.id for d in item.directions}

    def check(value: Any, emit: Emitter, _: Attachments) -> dict[str, dict[str, Any]] | None:
        if not isinstance(value, dict):
            wrong_type(emit, item, OBJECT_WORDS, value)
            return None
        for key in value.keys() - {"rows", "extra"}:
            emit("unknown_key", item.id, label, key=key)
        given = value.get("rows", {})
        if not isinstance(given, dict):
            wrong_type(emit, item, OBJECT_WORDS, given)
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
        wrong_type(emit, item, LIST_WORDS, extra)
        return
    label = label_of(item)
    for entry in extra:
        direction = entry.get("direction") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(direction, str):
            wrong_type(emit, item, OBJECT_WORDS, entry)
            continue
        if direction not in directions:
            emit("unknown_key", item.id, label, key=direction)
        for key in entry.keys() - _EXTRA_KEYS:
            emit("unknown_key", item.id, label, key=key)
        if is_empty(entry.get("indicator")):
            emit("required", item.id, label, option="indicator")
        elif not isinstance(entry["indicator"], str):
            wrong_type(emit, item, TEXT_WORDS, entry["indicator"])
        for part in ("baseline", "target"):
            cell = entry.get(part)
            if cell is not None and (
                isinstance(cell, bool) or not isinstance(cell, str | int | Decimal)
            ):
                wrong_type(emit, item, ("数值或文字", "a number or text"), cell)


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
            expected=OBJECT_WORDS[0],
            expected_en=OBJECT_WORDS[1],
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
                    expected=TEXT_WORDS[0],
                    expected_en=TEXT_WORDS[1],
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
            wrong_type(emit, item, LIST_WORDS, value)
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
                    expected=OBJECT_WORDS[0],
                    expected_en=OBJECT_WORDS[1],
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
