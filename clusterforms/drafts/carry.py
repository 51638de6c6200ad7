"""The base spec's consistency rules and recognition criteria, carried over to an aligned draft.

A template prints neither: they come from the base, as data.  A rule or a
criterion is carried over only when every field it names is in the draft
with the same kind (and every option it names among the field's options);
the rest are listed as dropped, so a reviewer sees what the new form lost.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from clusterforms.drafts.model import DraftNote
from clusterforms.model.items import TargetRule
from clusterforms.model.rules import Criterion, FieldRef, FormulaRule, Rule
from clusterforms.model.spec import FormSpec


def carry_rules(
    spec: FormSpec, base: FormSpec, lost_targets: Iterable[TargetRule] = ()
) -> tuple[FormSpec, list[DraftNote]]:
    """``spec`` with the base's rules and criteria that fit it, and a note for each left out."""
    mine = _fields(spec)
    theirs = _fields(base)
    notes: list[DraftNote] = []
    rules: list[Rule] = []
    for rule in base.rules:
        missing = _missing(_rule_fields(rule), (), mine, theirs)
        if missing:
            notes.append(_dropped(f"rule {rule.id}", base.id, missing))
        else:
            rules.append(rule)
    criteria: list[Criterion] = []
    for criterion in base.criteria:
        missing = [
            field
            for condition in criterion.conditions
            for field in _missing(
                condition.fields, (condition.option,) if condition.option else (), mine, theirs
            )
        ]
        if missing:
            notes.append(_dropped(f"criterion {criterion.id}", base.id, missing))
        else:
            criteria.append(criterion)
    for target in lost_targets:
        message = (
            f"target rule {target.id} of {base.id} not carried over: no 备注 here says the same"
        )
        notes.append(DraftNote(kind="dropped", message=message, text=target.text))
    notes.append(
        DraftNote(
            kind="notice",
            message=f"carried over from {base.id}: {len(rules)} of {len(base.rules)} rules, "
            f"{len(criteria)} of {len(base.criteria)} criteria",
        )
    )
    return attrs.evolve(spec, rules=tuple(rules), criteria=tuple(criteria)), notes


def _fields(spec: FormSpec) -> dict[str, object]:
    """Every entry that can hold a value, cover lines included, by id."""
    found: dict[str, object] = {line.id: line for line in spec.cover.lines}
    found.update({item.id: item for _, item in spec.walk()})
    return found


def _rule_fields(rule: Rule) -> tuple[str, ...]:
    if isinstance(rule, FormulaRule):
        return (rule.result, *rule.args)
    return (rule.left, rule.right)


def _missing(
    refs: Iterable[str],
    options: tuple[str, ...],
    mine: dict[str, object],
    theirs: dict[str, object],
) -> list[str]:
    """The fields of ``refs`` the draft lacks, or has with another kind or without ``options``."""
    out = []
    for ref in refs:
        field = FieldRef.parse(ref).field
        here, there = mine.get(field), theirs.get(field)
        if here is None or type(here) is not type(there):
            out.append(field)
        elif options and not set(options) <= {o.id for o in getattr(here, "options", ())}:
            out.append(f"{field}#{'/'.join(options)}")
    return out


def _dropped(what: str, base: str, missing: list[str]) -> DraftNote:
    fields = ", ".join(dict.fromkeys(missing))
    return DraftNote(
        kind="dropped",
        message=f"{what} of {base} not carried over: this form has no {fields} like the base's",
    )
