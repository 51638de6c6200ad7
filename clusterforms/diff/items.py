"""Comparing two versions of one item, property by property.

Each property has a rule for what its change means for data filled in for
the old version (see docs/diff.md): a tighter limit or a new unit is
breaking, a looser one additive, any printed text or layout wording.  Nested
items (group rows, pair cells, a yearly summary) are compared as items of
their own, so they are skipped here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from clusterforms.diff.collect import Collector
from clusterforms.diff.match import text_of
from clusterforms.diff.model import Impact
from clusterforms.diff.options import compare_options
from clusterforms.diff.rosters import compare_columns
from clusterforms.diff.targets import compare_directions, compare_target_rules
from clusterforms.model.checks import LAYOUT_KINDS
from clusterforms.model.items import (
    ChecklistItem,
    Item,
    NumberItem,
    SignoffItem,
    TargetsItem,
    YearlyItem,
)

#: Properties compared elsewhere: the tag, the id, nested items.
_SKIP = frozenset({"kind", "id", "items", "fields", "summary"})
_LAYOUT = frozenset({"layout", "columns", "style", "rows"})
_OPTION_LISTS = frozenset({"options", "categories", "roles", "parts"})


@attrs.frozen
class _Prop:
    """One property that differs between the two versions of an item."""

    group: str
    old: Any
    new: Any
    name: str
    before: Any
    after: Any

    def add(self, c: Collector, code: str, impact: Impact, message: str) -> None:
        c.add(
            code,
            impact,
            self.group,
            self.new.id,
            message,
            params={"name": self.name},
            attribute=self.name,
            old=self.before,
            new=self.after,
        )


_Handler = Callable[[Collector, _Prop], None]


def holds_value(item: Item) -> bool:
    """True for items an application fills in (not layout, not a bare signature block)."""
    if item.kind in LAYOUT_KINDS:
        return False
    return not isinstance(item, SignoffItem) or item.opinion


def needs_value(item: Item) -> bool:
    """True for items an application must fill in."""
    if not holds_value(item):
        return False
    if isinstance(item, TargetsItem):
        return any(row.required for d in item.directions for row in d.rows)
    return bool(getattr(item, "required", False))


def compare_items(c: Collector, group: str, old: Item, new: Item) -> None:
    """Record every property of ``new`` that differs from ``old`` (ids already paired)."""
    if old.kind != new.kind:
        impact: Impact = "breaking" if holds_value(old) or holds_value(new) else "wording"
        c.add(
            "kind_changed",
            impact,
            group,
            new.id,
            "kind_changed",
            attribute="kind",
            old=old.kind,
            new=new.kind,
        )
        if text_of(old) != text_of(new):
            c.add(
                "label_changed",
                "wording",
                group,
                new.id,
                "attribute_changed",
                params={"name": "label"},
                attribute="label",
                old=text_of(old),
                new=text_of(new),
            )
        return
    for field in attrs.fields(type(new)):
        name = field.name
        before, after = getattr(old, name), getattr(new, name)
        if name in _SKIP or before == after:
            continue
        prop = _Prop(group=group, old=old, new=new, name=name, before=before, after=after)
        _HANDLERS.get(name, _text)(c, prop)


def _text(c: Collector, p: _Prop) -> None:
    code = {"label": "label_changed", "notes": "notes_changed"}.get(p.name, "text_changed")
    p.add(c, code, "wording", "attribute_changed")


def _layout(c: Collector, p: _Prop) -> None:
    p.add(c, "layout_changed", "wording", "attribute_changed")


def _is_amount(item: Any) -> bool:
    """True when the item holds an amount whose unit matters (not a plain count)."""
    return isinstance(item, NumberItem) or (isinstance(item, YearlyItem) and item.value == "number")


def _unit(c: Collector, p: _Prop) -> None:
    amount = _is_amount(p.old) or _is_amount(p.new)
    p.add(c, "unit_changed", "breaking" if amount else "wording", "unit_changed")


def _decimals(c: Collector, p: _Prop) -> None:
    fewer = p.after < p.before
    p.add(c, "decimals_changed", "breaking" if fewer else "additive", "decimals_changed")


def _required(c: Collector, p: _Prop) -> None:
    message = "now_required" if p.after else "no_longer_required"
    p.add(c, "required_changed", "breaking" if p.after else "additive", message)


def _allows_none(c: Collector, p: _Prop) -> None:
    message = "now_allows_none" if p.after else "now_refuses_none"
    p.add(c, "none_changed", "additive" if p.after else "breaking", message)


def _max_chars(c: Collector, p: _Prop) -> None:
    tighter = p.after is not None and (p.before is None or p.after < p.before)
    message = "max_chars_tightened" if tighter else "max_chars_relaxed"
    p.add(c, "max_chars_changed", "breaking" if tighter else "additive", message)


def _range(c: Collector, p: _Prop) -> None:
    raised = p.name == "minimum"
    tighter = p.after is not None and (
        p.before is None or (p.after > p.before if raised else p.after < p.before)
    )
    message = "range_tightened" if tighter else "range_relaxed"
    p.add(c, "range_changed", "breaking" if tighter else "additive", message)


def _value(c: Collector, p: _Prop) -> None:
    impact: Impact = "breaking" if p.after == "count" else "additive"
    p.add(c, "value_kind_changed", impact, "value_kind_changed")


def _evidence(c: Collector, p: _Prop) -> None:
    message = "evidence_now" if p.after else "evidence_no_longer"
    p.add(c, "evidence_changed", "breaking" if p.after else "additive", message)


def _opinion(c: Collector, p: _Prop) -> None:
    impact: Impact = ("breaking" if p.new.required else "additive") if p.after else "breaking"
    p.add(c, "opinion_changed", impact, "opinion_added" if p.after else "opinion_removed")


def _options(c: Collector, p: _Prop) -> None:
    evidence = (
        (p.old.evidence, p.new.evidence)
        if isinstance(p.old, ChecklistItem) and isinstance(p.new, ChecklistItem)
        else (False, False)
    )
    compare_options(c, p.group, p.new.id, p.name, (p.before, p.after), evidence=evidence)


def _columns(c: Collector, p: _Prop) -> None:
    """``columns`` is a grid width for choices and checklists, the table's columns for rosters."""
    if isinstance(p.before, tuple) and isinstance(p.after, tuple):
        compare_columns(c, p.group, p.new.id, (p.before, p.after))
    else:
        _layout(c, p)


def _directions(c: Collector, p: _Prop) -> None:
    compare_directions(c, p.group, p.before, p.after)


def _rules(c: Collector, p: _Prop) -> None:
    compare_target_rules(c, p.group, p.before, p.after)


_HANDLERS: dict[str, _Handler] = {
    "unit": _unit,
    "decimals": _decimals,
    "required": _required,
    "allows_none": _allows_none,
    "max_chars": _max_chars,
    "minimum": _range,
    "maximum": _range,
    "value": _value,
    "evidence": _evidence,
    "opinion": _opinion,
    "directions": _directions,
    "rules": _rules,
    **dict.fromkeys(_LAYOUT, _layout),
    **dict.fromkeys(_OPTION_LISTS, _options),
    "columns": _columns,
}
