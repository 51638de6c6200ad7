"""Comparing the plan's target table: directions, indicator rows and the 备注 rules.

Rows hold the baseline and target values, so they are treated like items:
a new required row or a removed row is breaking.  A 备注 rule is judged by
what it demands of a plan that passed before: a higher minimum, a narrower
tolerance, a different check or an error where there was a warning is
breaking; the reverse is additive; a new wording alone is wording.
"""

from __future__ import annotations

from decimal import Decimal

from clusterforms.diff.attributes import Attribute, compare_attributes
from clusterforms.diff.collect import Collector, worst
from clusterforms.diff.keyed import Event, Reordered, compare_keyed, compare_order
from clusterforms.diff.model import Impact
from clusterforms.model.items import TargetDirection, TargetRow, TargetRule

_MINIMUM_CHECKS = frozenset({"min_value", "min_growth"})
_LABEL = (Attribute("label", "target_direction_changed", "direction_relabelled"),)
_OPEN_LABEL = (Attribute("open_label", "target_direction_changed", "direction_open_label_changed"),)
_ROW = (
    Attribute("indicator", "target_row_changed", "indicator_relabelled"),
    Attribute("unit", "unit_changed", "unit_changed", "breaking"),
    Attribute("value", "value_kind_changed", "target_value_kind_changed", "breaking"),
)


def compare_directions(
    c: Collector,
    group: str,
    old: tuple[TargetDirection, ...],
    new: tuple[TargetDirection, ...],
) -> None:
    """Record changes to the table's directions and their indicator rows."""
    compare_keyed(
        c,
        old,
        new,
        group=group,
        shown=lambda direction: direction.label,
        removed=Event("target_direction_removed", "wording", "direction_removed"),
        added=Event("target_direction_added", "wording", "direction_added"),
        compare=lambda before, after: _compare_direction(c, group, before, after),
        reordered=Reordered(
            "target_directions_reordered", "directions", "directions_reordered", labels=True
        ),
    )
    _compare_rows(c, group, old, new)


def _compare_direction(
    c: Collector, group: str, before: TargetDirection, direction: TargetDirection
) -> None:
    compare_attributes(c, before, direction, _LABEL, group=group, subject=direction.id)
    if before.open != direction.open:
        c.add(
            "target_direction_changed",
            "additive" if direction.open else "breaking",
            group,
            direction.id,
            "direction_open_allowed" if direction.open else "direction_open_not_allowed",
            attribute="open",
            old=before.open,
            new=direction.open,
        )
    compare_attributes(c, before, direction, _OPEN_LABEL, group=group, subject=direction.id)


def _rows(directions: tuple[TargetDirection, ...]) -> dict[str, tuple[str, TargetRow]]:
    return {row.id: (d.id, row) for d in directions for row in d.rows}


def _compare_rows(
    c: Collector,
    group: str,
    old: tuple[TargetDirection, ...],
    new: tuple[TargetDirection, ...],
) -> None:
    """Rows are matched by id across the whole table, so a row can move to another direction."""
    old_rows, new_rows = _rows(old), _rows(new)

    def compare(before: TargetRow, row: TargetRow) -> None:
        _compare_row(c, group, before, row)
        old_direction, direction = old_rows[row.id][0], new_rows[row.id][0]
        if old_direction != direction:
            c.add(
                "target_row_moved",
                "wording",
                group,
                row.id,
                "target_row_moved",
                attribute="direction",
                old=old_direction,
                new=direction,
            )

    compare_keyed(
        c,
        [row for _, row in old_rows.values()],
        [row for _, row in new_rows.values()],
        group=group,
        shown=lambda row: row.indicator,
        removed=Event("target_row_removed", "breaking", "target_row_removed"),
        added=Event(
            "target_row_added",
            lambda row: "breaking" if row.required else "additive",
            lambda row: "target_row_added_required" if row.required else "target_row_added",
        ),
        compare=compare,
    )
    old_directions = {d.id: d for d in old}
    for target in new:
        prior = old_directions.get(target.id)
        if prior is not None:
            compare_order(
                c,
                group,
                {r.id: r.id for r in prior.rows},
                {r.id: r.id for r in target.rows},
                Reordered("target_rows_reordered", target.id, "target_rows_reordered"),
            )


def _compare_row(c: Collector, group: str, before: TargetRow, row: TargetRow) -> None:
    compare_attributes(c, before, row, _ROW, group=group, subject=row.id)
    if before.required != row.required:
        c.add(
            "required_changed",
            "breaking" if row.required else "additive",
            group,
            row.id,
            "now_required" if row.required else "no_longer_required",
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
    compare_keyed(
        c,
        old,
        new,
        group=group,
        shown=rule_text,
        removed=Event(
            "target_rule_removed",
            lambda rule: "additive" if rule.check else "wording",
            "target_rule_removed",
        ),
        added=Event(
            "target_rule_added",
            lambda rule: "breaking" if rule.check else "wording",
            "target_rule_added",
        ),
        compare=lambda before, after: _compare_target_rule(c, group, before, after),
        reordered=Reordered("target_rules_reordered", "rules", "target_rules_reordered"),
    )


def _compare_target_rule(c: Collector, group: str, before: TargetRule, rule: TargetRule) -> None:
    if before == rule:
        return
    impact = rule_impact(before, rule)
    what = "wording" if impact == "wording" else "check"
    c.add(
        "target_rule_changed",
        impact,
        group,
        rule.id,
        f"target_rule_{what}_changed",
        old=rule_text(before),
        new=rule_text(rule),
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
