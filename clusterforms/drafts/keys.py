"""The ids inside a paired item: options, roster columns, target directions, rows and rules.

Each list is paired with the base item's by label (:mod:`.pairing`).  A
paired entry takes the base's id, and what the template does not print (a
column's numbering and limit, a target row's unit where none is printed).
An unpaired one keeps the draft's id (是 is ``yes`` in both, however its
label goes on) unless a paired entry took it, then gets ``new_<n>``.  Target
rules paired by their 备注 text also take the base's check, as data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

import attrs

from clusterforms.diff.text import normalise_label
from clusterforms.drafts.pairing import OUT_OF_ORDER, label_score, pair
from clusterforms.model.items import Option, RosterColumn, TargetDirection, TargetRule, TargetsItem

K = TypeVar("K", Option, RosterColumn)
#: A fresh ``<section>.new_<n>`` id.
NewId = Callable[[], str]
#: What a template does not print of a column: a 序号 column numbered by itself, a limit
#: stated elsewhere.  A paired column takes the base's.
_UNPRINTED: Final = ("numbered", "max_chars")
#: Target rules pair by their whole text, not a label: only near-identical ones.
_RULE_THRESHOLD: Final = OUT_OF_ORDER


def rekey(
    draft: Sequence[K], base: Sequence[K], rename: Callable[[str, str], None]
) -> tuple[K, ...]:
    """``draft``'s options or columns with the base's ids where their labels pair."""
    pairs = {i: j for i, j, _ in pair(draft, base, lambda a, b: label_score(a.label, b.label))}
    base_ids = {k.id for k in base}
    taken = {base[j].id for j in pairs.values()}
    out: list[K] = []
    for i, key in enumerate(draft):
        unprinted: dict[str, Any] = {}
        if i in pairs:
            twin = base[pairs[i]]
            new = twin.id
            unprinted = {n: getattr(twin, n) for n in _UNPRINTED if hasattr(key, n)}
        elif key.id not in taken:  # the importer's own yes / no / na, or a new_<n>
            new = key.id
        else:
            new = _fresh(base_ids | taken)
        taken.add(new)
        rename(key.id, new)
        out.append(attrs.evolve(key, id=new, **unprinted))
    return tuple(out)


def _fresh(used: set[str]) -> str:
    n = 1
    while f"new_{n}" in used:
        n += 1
    return f"new_{n}"


def align_targets(
    draft: TargetsItem,
    base: TargetsItem,
    new_id: NewId,
    rename: Callable[[str, str], None],
) -> tuple[TargetsItem, list[TargetRule]]:
    """The draft's target table with the base's ids; also the base rules it has not got."""
    directions: list[TargetDirection] = []
    base_dirs = {
        i: base.directions[j]
        for i, j, _ in pair(
            draft.directions, base.directions, lambda a, b: label_score(a.label, b.label)
        )
    }
    for i, direction in enumerate(draft.directions):
        counterpart = base_dirs.get(i)
        base_rows = counterpart.rows if counterpart is not None else ()
        rows_paired = {
            k: base_rows[j]
            for k, j, _ in pair(
                direction.rows, base_rows, lambda a, b: label_score(a.indicator, b.indicator)
            )
        }
        rows = []
        for k, row in enumerate(direction.rows):
            twin = rows_paired.get(k)
            ident = _take(row.id, twin.id if twin else None, new_id, rename)
            unit = row.unit if row.unit is not None or twin is None else twin.unit
            rows.append(attrs.evolve(row, id=ident, unit=unit))
        ident = _take(direction.id, counterpart.id if counterpart else None, new_id, rename)
        directions.append(attrs.evolve(direction, id=ident, rows=tuple(rows)))
    row_ids = {row.id for d in directions for row in d.rows}
    paired_rules = {
        i: base.rules[j]
        for i, j, _ in pair(
            draft.rules,
            base.rules,
            lambda a, b: label_score(a.text, b.text),
            threshold=_RULE_THRESHOLD,
        )
    }
    same_row = _by_row(draft.rules, base.rules, paired_rules, directions)
    rules: list[TargetRule] = []
    for i, rule in enumerate(draft.rules):
        base_rule = paired_rules.get(i)
        if base_rule is None:
            twin_id = same_row.get(i)
            rules.append(attrs.evolve(rule, id=_take(rule.id, twin_id, new_id, rename)))
            continue
        rename(rule.id, base_rule.id)
        checked = base_rule.row is None or base_rule.row in row_ids
        rules.append(
            attrs.evolve(base_rule, text=rule.text)
            if checked
            else attrs.evolve(rule, id=base_rule.id)
        )
    kept = {r.id for r in paired_rules.values()} | set(same_row.values())
    missing = [r for r in base.rules if r.id not in kept]
    table = attrs.evolve(draft, directions=tuple(directions), rules=tuple(rules))
    return table, missing


def _by_row(
    mine: Sequence[TargetRule],
    theirs: Sequence[TargetRule],
    paired: dict[int, TargetRule],
    directions: Sequence[TargetDirection],
) -> dict[int, str]:
    """Base rule ids for draft rules about the same row in other words (another target).

    A 备注 line names its row (工业互联网普及率达到45%左右); a rule left unpaired whose
    text holds a row's indicator (the longest that fits) takes the id of the base's rule
    on that row, but not its check: the words, and so the check, are this form's.
    """
    taken = {r.id for r in paired.values()}
    on_row = {r.row: r.id for r in theirs if r.row is not None and r.id not in taken}
    indicators = sorted(
        ((normalise_label(row.indicator), row.id) for d in directions for row in d.rows),
        key=lambda pair_: -len(pair_[0]),
    )
    out: dict[int, str] = {}
    for i, rule in enumerate(mine):
        text = normalise_label(rule.text)
        row = next((r for ind, r in indicators if ind and ind in text), None)
        if i not in paired and row in on_row:
            out[i] = on_row.pop(row)
    return out


def _take(old: str, twin: str | None, new_id: NewId, rename: Callable[[str, str], None]) -> str:
    new = twin if twin is not None else new_id()
    rename(old, new)
    return new
