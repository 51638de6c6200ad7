"""Carrying the plan's target table: only while the plan years stay the same.

Baseline and target values are for the plan's own years (2022基准值,
2025目标值); a form whose plan runs over other years asks for other figures,
so the table is dropped with one report entry rather than relabelled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clusterforms.diff.messages import message
from clusterforms.migrate.cells import NOTHING, Scalar
from clusterforms.model.items import TargetRow, TargetsItem

if TYPE_CHECKING:
    from clusterforms.migrate.carry import Carrier


def carry_targets(
    carrier: Carrier, field: str, old: TargetsItem, new: TargetsItem, value: Any
) -> Any:
    """The target table for ``new``, or NOTHING when the plan years moved."""
    old_plan = (carrier.old_spec.baseline_year, carrier.old_spec.target_year)
    new_plan = (carrier.new_spec.baseline_year, carrier.new_spec.target_year)
    if old_plan != new_plan:
        carrier.note(
            "dropped",
            field,
            "migrate.plan_moved",
            params={
                "new_baseline": str(new_plan[0]),
                "new_target": str(new_plan[1]),
                "old_baseline": str(old_plan[0]),
                "old_target": str(old_plan[1]),
            },
            old=message("migrate.whole_table", "en"),
        )
        return NOTHING
    if not isinstance(value, dict):
        return value
    return _table(carrier, field, (old, new), value)


def _table(
    carrier: Carrier, field: str, items: tuple[TargetsItem, TargetsItem], value: dict[str, Any]
) -> Any:
    old, new = items
    old_rows = {r.id: r for d in old.directions for r in d.rows}
    new_rows = {r.id: r for d in new.directions for r in d.rows}
    result: dict[str, Any] = {}
    rows = value.get("rows")
    if isinstance(rows, dict):
        kept: dict[str, Any] = {}
        for row_id, cells in rows.items():
            if row_id not in new_rows:
                carrier.note("dropped", field, "migrate.no_row", option=row_id, old=cells)
            elif row_id in old_rows and isinstance(cells, dict):
                kept[row_id] = _row(carrier, field, (old_rows[row_id], new_rows[row_id]), cells)
            else:
                kept[row_id] = cells
        result["rows"] = kept
    extra = value.get("extra")
    if isinstance(extra, list):
        directions = {d.id for d in new.directions}
        for entry in extra:
            if isinstance(entry, dict) and entry.get("direction") not in directions:
                carrier.note(
                    "dropped",
                    field,
                    "migrate.no_direction",
                    option=str(entry.get("direction")),
                    old=entry,
                )
        result["extra"] = [
            e for e in extra if not isinstance(e, dict) or e.get("direction") in directions
        ]
    result.update((k, v) for k, v in value.items() if k not in {"rows", "extra"})
    return result


def _row(
    carrier: Carrier, field: str, rows: tuple[TargetRow, TargetRow], cells: dict[str, Any]
) -> Any:
    old, new = rows
    if old.value != new.value:
        carrier.note(
            "dropped",
            field,
            "migrate.row_value",
            params={"new_value": new.value, "old_value": old.value},
            option=new.id,
            old=cells,
        )
        return {}
    if old.value == "text":
        return cells
    before = Scalar(integer=False, unit=old.unit, label=old.indicator)
    after = Scalar(integer=False, unit=new.unit, label=new.indicator)
    kept = {}
    for part, cell in cells.items():
        carried = carrier.scalar(new.id, before, after, cell, option=part)
        if carried is not NOTHING:
            kept[part] = carried
    return kept
