"""Comparing the plan's target table: directions, indicator rows and the 备注 rules.

Rows hold the baseline and target values, so they are treated like items:
a new required row or a removed row is breaking.  A 备注 rule is judged by
what it demands of a plan that passed before: a higher minimum, a narrower
tolerance, a different check or an error where there was a warning is
breaking; the reverse is additive; a new wording alone is wording.
"""

from __future__ import annotations

from decimal import Decimal

from clusterforms._diff.collect import Collector, moved_ids, worst
from clusterforms._diff.model import Impact
from clusterforms._items import TargetDirection, TargetRow, TargetRule

_MINIMUM_CHECKS = frozenset({"min_value", "min_growth"})


def compare_directions(
    c: Collector,
    group: str,
    old: tuple[TargetDirection, ...],
    new: tuple[TargetDirection, ...],
) -> None:
    """Record changes to the table's directions and their indicator rows."""
    old_by = {d.id: d for d in old}
    new_by = {d.id: d for d in new}
    for direction in old:
        if direction.id not in new_by:
            c.add(
                "target_direction_removed",
                "wording",
                group,
                direction.id,
                "direction removed",
                old=direction.label,
            )
    for direction in new:
        before = old_by.get(direction.id)
        if before is None:
            c.add(
                "target_direction_added",
                "wording",
                group,
                direction.id,
                "direction added",
                new=direction.label,
            )
            continue
        if before.label != direction.label:
            c.add(
                "target_direction_changed",
                "wording",
                group,
                direction.id,
                "direction relabelled",
                attribute="label",
                old=before.label,
                new=direction.label,
            )
        if before.open != direction.open:
            c.add(
                "target_direction_changed",
                "additive" if direction.open else "breaking",
                group,
                direction.id,
                "extra indicator rows (……) "
                + ("allowed" if direction.open else "no longer allowed"),
                attribute="open",
                old=before.open,
                new=direction.open,
            )
        if before.open_label != direction.open_label:
            c.add(
                "target_direction_changed",
                "wording",
                group,
                direction.id,
                "extra-row label changed",
                attribute="open_label",
                old=before.open_label,
                new=direction.open_label,
            )
    common_old = [d.id for d in old if d.id in new_by]
    common_new = [d.id for d in new if d.id in old_by]
    if common_old != common_new:
        c.add(
            "target_directions_reordered",
            "wording",
            group,
            "directions",
            f"directions reordered ({', '.join(moved_ids(common_old, common_new))} moved)",
            old=" / ".join(old_by[i].label for i in common_old),
            new=" / ".join(new_by[i].label for i in common_new),
        )
    _compare_rows(c, group, old, new)


def _rows(directions: tuple[TargetDirection, ...]) -> dict[str, tuple[str, TargetRow]]:
    return {row.id: (d.id, row) for d in directions for row in d.rows}


def _compare_rows(
    c: Collector,
    group: str,
    old: tuple[TargetDirection, ...],
    new: tuple[TargetDirection, ...],
) -> None:
    old_rows, new_rows = _rows(old), _rows(new)
    for row_id, (_, row) in old_rows.items():
        if row_id not in new_rows:
            c.add(
                "target_row_removed",
                "breaking",
                group,
                row_id,
                "target row removed",
                old=row.indicator,
            )
    for row_id, (direction, row) in new_rows.items():
        if row_id not in old_rows:
            c.add(
                "target_row_added",
                "breaking" if row.required else "additive",
                group,
                row_id,
                "target row added" + (" (required)" if row.required else ""),
                new=row.indicator,
            )
            continue
        old_direction, before = old_rows[row_id]
        _compare_row(c, group, before, row)
        if old_direction != direction:
            c.add(
                "target_row_moved",
                "wording",
                group,
                row_id,
                "moved to another direction",
                attribute="direction",
                old=old_direction,
                new=direction,
            )
    old_directions = {d.id: d for d in old}
    for target in new:
        ids = [r.id for r in target.rows]
        prior = old_directions.get(target.id)
        if prior is None:
            continue
        old_ids = [r.id for r in prior.rows if r.id in ids]
        new_ids = [i for i in ids if i in old_ids]
        if old_ids != new_ids:
            c.add(
                "target_rows_reordered",
                "wording",
                group,
                target.id,
                f"rows reordered ({', '.join(moved_ids(old_ids, new_ids))} moved)",
                old=" / ".join(old_ids),
                new=" / ".join(new_ids),
            )


def _compare_row(c: Collector, group: str, before: TargetRow, row: TargetRow) -> None:
    if before.indicator != row.indicator:
        c.add(
            "target_row_changed",
            "wording",
            group,
            row.id,
            "indicator relabelled",
            attribute="indicator",
            old=before.indicator,
            new=row.indicator,
        )
    if before.unit != row.unit:
        c.add(
            "unit_changed",
            "breaking",
            group,
            row.id,
            "unit changed",
            attribute="unit",
            old=before.unit,
            new=row.unit,
        )
    if before.value != row.value:
        c.add(
            "value_kind_changed",
            "breaking",
            group,
            row.id,
            "value changed between number and text",
            attribute="value",
            old=before.value,
            new=row.value,
        )
    if before.required != row.required:
        c.add(
            "required_changed",
            "breaking" if row.required else "additive",
            group,
            row.id,
            "now required" if row.required else "no longer required",
            attribute="required",
            old=before.required,
            new=row.required,
        )


def rule_text(rule: TargetRule) -> str:
    """A 备注 rule as text plus its check: ``…达到45%左右 [about_value 45 ±5, warning]``."""
    if rule.check is None:
        return rule.text
    facts: list[str] = [rule.check]
    if rule.threshold is not None:
        facts[0] += f" {rule.threshold}"
    if rule.tolerance is not None:
        facts[0] += f" ±{rule.tolerance}"
    if rule.severity != "error":
        facts.append(rule.severity)
    return f"{rule.text} [{', '.join(facts)}]"


def compare_target_rules(
    c: Collector, group: str, old: tuple[TargetRule, ...], new: tuple[TargetRule, ...]
) -> None:
    """Record changes to the 备注 rules under the table, matched by id."""
    old_by = {r.id: r for r in old}
    new_ids = {r.id for r in new}
    for rule in old:
        if rule.id not in new_ids:
            c.add(
                "target_rule_removed",
                "additive" if rule.check else "wording",
                group,
                rule.id,
                "target rule removed",
                old=rule_text(rule),
            )
    for rule in new:
        before = old_by.get(rule.id)
        if before is None:
            c.add(
                "target_rule_added",
                "breaking" if rule.check else "wording",
                group,
                rule.id,
                "target rule added",
                new=rule_text(rule),
            )
        elif before != rule:
            impact = rule_impact(before, rule)
            what = "wording changed" if impact == "wording" else "check changed"
            c.add(
                "target_rule_changed",
                impact,
                group,
                rule.id,
                f"target rule {what}",
                old=rule_text(before),
                new=rule_text(rule),
            )
    common_old = [r.id for r in old if r.id in new_ids]
    common_new = [r.id for r in new if r.id in old_by]
    if common_old != common_new:
        c.add(
            "target_rules_reordered",
            "wording",
            group,
            "rules",
            f"rules reordered ({', '.join(moved_ids(common_old, common_new))} moved)",
            old=" / ".join(common_old),
            new=" / ".join(common_new),
        )


def rule_impact(before: TargetRule, after: TargetRule) -> Impact:
    """How a changed rule treats a plan that met the old one."""
    if (before.row, before.check) != (after.row, after.check):
        return "breaking" if after.check is not None else "additive"
    impacts: list[Impact] = []
    if before.threshold != after.threshold:
        impacts.append(_threshold_impact(after.check, before.threshold, after.threshold))
    if before.tolerance != after.tolerance:
        narrower = _lower(after.tolerance, before.tolerance)
        impacts.append("breaking" if narrower else "additive")
    if before.severity != after.severity:
        impacts.append("breaking" if after.severity == "error" else "additive")
    return worst(impacts)


def _threshold_impact(check: str | None, old: Decimal | None, new: Decimal | None) -> Impact:
    if check in _MINIMUM_CHECKS and old is not None and new is not None:
        return "breaking" if new > old else "additive"
    return "breaking"


def _lower(new: Decimal | None, old: Decimal | None) -> bool:
    """True when ``new`` allows less than ``old`` (None meaning no limit)."""
    if new is None:
        return False
    return old is None or new < old
