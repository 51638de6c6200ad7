"""Comparing appendices, consistency rules and recognition criteria.

Appendices hold no application data in this model, so their changes are
wording, except a new appendix, which asks the applicant for one more
document (additive).  A rule or criterion that can now fail old data is
breaking; one that was dropped can only let more through (additive).
"""

from __future__ import annotations

from clusterforms.diff.attributes import Attribute, alike, compare_attributes
from clusterforms.diff.collect import Collector
from clusterforms.diff.form import compare_paragraphs
from clusterforms.diff.keyed import Event, Reordered, compare_keyed
from clusterforms.model.rules import CompareRule, Criterion, Rule
from clusterforms.model.spec import Appendix, Roster

_APPENDIX = alike("appendix_changed", ("heading", "title", "closing", "orientation"))
_TABLE = (Attribute("rows", "appendix_changed", "appendix_rows_changed"),)
_TABLE_COLUMN = alike(
    "appendix_changed", ("label", "max_chars", "prompt"), "appendix_column_changed"
)
_RULE = (Attribute("source", "rule_changed", "rule_source_changed"),)
_CRITERION = alike("criterion_changed", ("text", "source"))


def compare_appendices(c: Collector, old: tuple[Appendix, ...], new: tuple[Appendix, ...]) -> None:
    """Record appendices added, removed, reordered and changed, matched by id."""
    compare_keyed(
        c,
        old,
        new,
        group="#appendices",
        shown=lambda appendix: appendix.title,
        removed=Event("appendix_removed", "wording", "appendix_removed"),
        added=Event("appendix_added", "additive", "appendix_added"),
        compare=lambda before, after: _compare_appendix(c, before, after),
        reordered=Reordered("appendices_reordered", "appendices", "appendices_reordered"),
    )


def _compare_appendix(c: Collector, old: Appendix, new: Appendix) -> None:
    if old == new:
        return
    compare_attributes(c, old, new, _APPENDIX, group="#appendices", subject=new.id)
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
            "appendix_table_added" if old is None else "appendix_table_removed",
            attribute="table",
            old=None if old is None else "table",
            new=None if new is None else "table",
        )
        return
    compare_attributes(c, old, new, _TABLE, group="#appendices", subject=appendix)
    compare_keyed(
        c,
        old.columns,
        new.columns,
        group="#appendices",
        shown=lambda col: col.label,
        attribute="columns",
        removed=Event("appendix_changed", "wording", "column_removed"),
        added=Event("appendix_changed", "wording", "column_added"),
        compare=lambda before, after: compare_attributes(
            c, before, after, _TABLE_COLUMN, group="#appendices", subject=after.id
        ),
        reordered=Reordered(
            "appendix_changed", appendix, "appendix_columns_reordered", name_moved=False
        ),
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
    compare_keyed(
        c,
        old,
        new,
        group="#rules",
        shown=rule_text,
        removed=Event("rule_removed", "additive", "rule_removed", _rule_source),
        added=Event(
            "rule_added",
            lambda rule: "breaking" if rule_fields(rule) <= old_fields else "additive",
            "rule_added",
            _rule_source,
        ),
        compare=lambda before, after: _compare_rule(c, before, after),
    )


def _rule_source(rule: Rule) -> tuple[str, ...]:
    return (rule.source,) if rule.source else ()


def _compare_rule(c: Collector, before: Rule, rule: Rule) -> None:
    if before == rule:
        return
    if rule_text(before) != rule_text(rule) or type(before) is not type(rule):
        c.add(
            "rule_changed",
            "breaking",
            "#rules",
            rule.id,
            "rule_changed",
            old=rule_text(before),
            new=rule_text(rule),
        )
    compare_attributes(c, before, rule, _RULE, group="#rules", subject=rule.id)


def _conditions(criterion: Criterion) -> str:
    parts = []
    for cond in criterion.conditions:
        value = cond.option if cond.op == "is" else cond.threshold
        parts.append(f"{' + '.join(cond.fields)} {cond.op} {value} ({cond.years})")
    return f" {criterion.combine} ".join(parts)


def compare_criteria(c: Collector, old: tuple[Criterion, ...], new: tuple[Criterion, ...]) -> None:
    """Record recognition criteria added, removed and changed, matched by id."""
    compare_keyed(
        c,
        old,
        new,
        group="#criteria",
        shown=lambda crit: crit.text,
        removed=Event(
            "criterion_removed",
            lambda crit: "additive" if crit.conditions else "wording",
            "criterion_removed",
        ),
        added=Event(
            "criterion_added",
            lambda crit: "breaking" if crit.conditions else "wording",
            "criterion_added",
            lambda crit: (_conditions(crit),) if crit.conditions else (),
        ),
        compare=lambda before, after: _compare_criterion(c, before, after),
    )


def _compare_criterion(c: Collector, before: Criterion, crit: Criterion) -> None:
    compare_attributes(c, before, crit, _CRITERION, group="#criteria", subject=crit.id)
    if (before.conditions, before.combine) != (crit.conditions, crit.combine):
        c.add(
            "criterion_changed",
            "breaking",
            "#criteria",
            crit.id,
            "conditions_changed",
            attribute="conditions",
            old=_conditions(before),
            new=_conditions(crit),
        )
