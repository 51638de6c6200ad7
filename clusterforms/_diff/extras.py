"""Comparing appendices, consistency rules and recognition criteria.

Appendices hold no application data in this model, so their changes are
wording, except a new appendix, which asks the applicant for one more
document (additive).  A rule or criterion that can now fail old data is
breaking; one that was dropped can only let more through (additive).
"""

from __future__ import annotations

from clusterforms._diff.collect import Collector, moved_ids
from clusterforms._diff.form import compare_paragraphs
from clusterforms._diff.model import Impact
from clusterforms._rules import CompareRule, Criterion, Rule
from clusterforms._spec import Appendix, Roster


def compare_appendices(c: Collector, old: tuple[Appendix, ...], new: tuple[Appendix, ...]) -> None:
    """Record appendices added, removed, reordered and changed, matched by id."""
    old_by = {a.id: a for a in old}
    new_by = {a.id: a for a in new}
    for appendix in old:
        if appendix.id not in new_by:
            c.add(
                "appendix_removed",
                "wording",
                "#appendices",
                appendix.id,
                "appendix removed",
                old=appendix.title,
            )
    for appendix in new:
        before = old_by.get(appendix.id)
        if before is None:
            c.add(
                "appendix_added",
                "additive",
                "#appendices",
                appendix.id,
                "appendix added",
                new=appendix.title,
            )
        elif before != appendix:
            _compare_appendix(c, before, appendix)
    common_old = [i for i in old_by if i in new_by]
    common_new = [i for i in new_by if i in old_by]
    if common_old != common_new:
        c.add(
            "appendices_reordered",
            "wording",
            "#appendices",
            "appendices",
            f"appendices reordered ({', '.join(moved_ids(common_old, common_new))} moved)",
            old=" / ".join(common_old),
            new=" / ".join(common_new),
        )


def _compare_appendix(c: Collector, old: Appendix, new: Appendix) -> None:
    for name in ("heading", "title", "closing", "orientation"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            c.add(
                "appendix_changed",
                "wording",
                "#appendices",
                new.id,
                f"{name} changed",
                attribute=name,
                old=before,
                new=after,
            )
    compare_paragraphs(
        c,
        "#appendices",
        old.paragraphs,
        new.paragraphs,
        subject=lambda n: f"{new.id}.paragraphs[{n}]",
        code="appendix_paragraph",
    )
    if old.table != new.table:
        _compare_table(c, new.id, old.table, new.table)


def _compare_table(c: Collector, appendix: str, old: Roster | None, new: Roster | None) -> None:
    if old is None or new is None:
        c.add(
            "appendix_changed",
            "wording",
            "#appendices",
            appendix,
            "table " + ("added" if old is None else "removed"),
            attribute="table",
            old=None if old is None else "table",
            new=None if new is None else "table",
        )
        return
    if old.rows != new.rows:
        c.add(
            "appendix_changed",
            "wording",
            "#appendices",
            appendix,
            "blank rows changed",
            attribute="rows",
            old=old.rows,
            new=new.rows,
        )
    old_by = {col.id: col for col in old.columns}
    new_by = {col.id: col for col in new.columns}
    for col in old.columns:
        if col.id not in new_by:
            c.add(
                "appendix_changed",
                "wording",
                "#appendices",
                col.id,
                "column removed",
                attribute="columns",
                old=col.label,
            )
    for col in new.columns:
        before = old_by.get(col.id)
        if before is None:
            c.add(
                "appendix_changed",
                "wording",
                "#appendices",
                col.id,
                "column added",
                attribute="columns",
                new=col.label,
            )
            continue
        for name in ("label", "max_chars", "prompt"):
            was, now = getattr(before, name), getattr(col, name)
            if was != now:
                c.add(
                    "appendix_changed",
                    "wording",
                    "#appendices",
                    col.id,
                    f"column {name} changed",
                    attribute=name,
                    old=was,
                    new=now,
                )
    common_old = [i for i in old_by if i in new_by]
    common_new = [i for i in new_by if i in old_by]
    if common_old != common_new:
        c.add(
            "appendix_changed",
            "wording",
            "#appendices",
            appendix,
            "columns reordered",
            attribute="columns",
            old=" / ".join(common_old),
            new=" / ".join(common_new),
        )


def rule_text(rule: Rule) -> str:
    """A consistency rule in one line: ``a le b`` or ``result = formula(args) per year``."""
    if isinstance(rule, CompareRule):
        text = f"{rule.left} {rule.op} {rule.right}"
    else:
        text = f"{rule.result} = {rule.formula}({', '.join(rule.args)})"
        if rule.per_year:
            text += " per year"
        text += f" ±{rule.tolerance}"
    if rule.severity != "error":
        text += f" [{rule.severity}]"
    return text


def rule_fields(rule: Rule) -> set[str]:
    """The field ids a consistency rule reads."""
    refs = (rule.left, rule.right) if isinstance(rule, CompareRule) else (rule.result, *rule.args)
    return {ref.partition("@")[0] for ref in refs}


def compare_rules(
    c: Collector, old: tuple[Rule, ...], new: tuple[Rule, ...], old_fields: set[str]
) -> None:
    """Record consistency rules added, removed and changed, matched by id.

    A new rule is breaking only when every field it reads existed before (old
    data can now fail it); one that reads new fields comes with them (additive).
    """
    old_by = {r.id: r for r in old}
    new_ids = {r.id for r in new}
    for rule in old:
        if rule.id not in new_ids:
            c.add(
                "rule_removed",
                "additive",
                "#rules",
                rule.id,
                "rule removed",
                old=rule_text(rule),
                details=(rule.source,) if rule.source else (),
            )
    for rule in new:
        before = old_by.get(rule.id)
        if before is None:
            impact: Impact = "breaking" if rule_fields(rule) <= old_fields else "additive"
            c.add(
                "rule_added",
                impact,
                "#rules",
                rule.id,
                "rule added",
                new=rule_text(rule),
                details=(rule.source,) if rule.source else (),
            )
        elif before != rule:
            if rule_text(before) != rule_text(rule) or type(before) is not type(rule):
                c.add(
                    "rule_changed",
                    "breaking",
                    "#rules",
                    rule.id,
                    "rule changed",
                    old=rule_text(before),
                    new=rule_text(rule),
                )
            if before.source != rule.source:
                c.add(
                    "rule_changed",
                    "wording",
                    "#rules",
                    rule.id,
                    "rule source changed",
                    attribute="source",
                    old=before.source,
                    new=rule.source,
                )


def _conditions(criterion: Criterion) -> str:
    parts = []
    for cond in criterion.conditions:
        value = cond.option if cond.op == "is" else cond.threshold
        parts.append(f"{' + '.join(cond.fields)} {cond.op} {value} ({cond.years})")
    return f" {criterion.combine} ".join(parts)


def compare_criteria(c: Collector, old: tuple[Criterion, ...], new: tuple[Criterion, ...]) -> None:
    """Record recognition criteria added, removed and changed, matched by id."""
    old_by = {k.id: k for k in old}
    new_ids = {k.id for k in new}
    for crit in old:
        if crit.id not in new_ids:
            c.add(
                "criterion_removed",
                "additive" if crit.conditions else "wording",
                "#criteria",
                crit.id,
                "criterion removed",
                old=crit.text,
            )
    for crit in new:
        before = old_by.get(crit.id)
        if before is None:
            c.add(
                "criterion_added",
                "breaking" if crit.conditions else "wording",
                "#criteria",
                crit.id,
                "criterion added",
                new=crit.text,
                details=(_conditions(crit),) if crit.conditions else (),
            )
            continue
        for name in ("text", "source"):
            was, now = getattr(before, name), getattr(crit, name)
            if was != now:
                c.add(
                    "criterion_changed",
                    "wording",
                    "#criteria",
                    crit.id,
                    f"{name} changed",
                    attribute=name,
                    old=was,
                    new=now,
                )
        if (before.conditions, before.combine) != (crit.conditions, crit.combine):
            c.add(
                "criterion_changed",
                "breaking",
                "#criteria",
                crit.id,
                "conditions changed",
                attribute="conditions",
                old=_conditions(before),
                new=_conditions(crit),
            )
