"""Checks a structurally valid spec must also pass: ids, references, years.

Each problem is a ``(path, message)`` pair; the loader turns the first into a
:class:`~clusterforms.errors.SpecError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from clusterforms.model.items import (
    ChecklistItem,
    ChoiceItem,
    CountsItem,
    GroupItem,
    Item,
    NarrativeItem,
    Option,
    PairItem,
    RosterColumn,
    RosterItem,
    SignoffItem,
    StandardsItem,
    TargetsItem,
    YearlyItem,
)
from clusterforms.model.rules import FieldRef, FormulaRule
from clusterforms.model.spec import FormSpec

Problem = tuple[str, str]
#: Claims an id at a path; yields a problem if the id is malformed or reused.
_Claim = Callable[[str, str], Iterator[Problem]]

ITEM_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")
OPTION_ID = re.compile(r"[a-z0-9][a-z0-9_]*")


def check_spec(spec: FormSpec) -> list[Problem]:
    """Every problem in ``spec`` that its types alone cannot rule out."""
    problems: list[Problem] = list(_check_years(spec))
    seen: dict[str, str] = {}

    def claim(item_id: str, path: str) -> Iterator[Problem]:
        if not ITEM_ID.fullmatch(item_id):
            yield path + ".id", f"id {item_id!r} must be lower-case ASCII words joined by dots"
        elif item_id in seen:
            yield path + ".id", f"duplicate id {item_id!r} (first used at {seen[item_id]})"
        else:
            seen[item_id] = path

    for i, line in enumerate(spec.cover.lines):
        problems += claim(line.id, f"$.cover.lines[{i}]")
    for i, section in enumerate(spec.sections):
        section_path = f"$.sections[{i}]"
        problems += claim(section.id, section_path)
        for j, item in enumerate(section.items):
            problems += _check_item(item, f"{section_path}.items[{j}]", claim)
    problems += _check_rules(spec)
    problems += _check_shared_limits(spec)
    for i, appendix in enumerate(spec.appendices):
        path = f"$.appendices[{i}]"
        problems += claim(appendix.id, path)
        if appendix.table is not None:
            for k, column in enumerate(appendix.table.columns):
                problems += claim(column.id, f"{path}.table.columns[{k}]")
    return problems


def _check_rules(spec: FormSpec) -> Iterator[Problem]:
    from clusterforms.formulas import FORMULAS  # noqa: PLC0415 - formulas imports errors, not us

    fields = value_field_ids(spec)

    def refs(texts: tuple[str, ...], path: str) -> Iterator[Problem]:
        for k, text in enumerate(texts):
            try:
                ref = FieldRef.parse(text)
            except ValueError as exc:
                yield f"{path}[{k}]", str(exc)
                continue
            if ref.field not in fields:
                yield (
                    f"{path}[{k}]",
                    f"rule names field {ref.field!r}, which this spec does not have",
                )

    for i, rule in enumerate(spec.rules):
        path = f"$.rules[{i}]"
        if isinstance(rule, FormulaRule):
            if rule.formula not in FORMULAS:
                known = ", ".join(sorted(FORMULAS))
                yield f"{path}.formula", f"unknown formula {rule.formula!r} (known: {known})"
            yield from refs((rule.result,), f"{path}.result")
            yield from refs(rule.args, f"{path}.args")
        else:
            yield from refs((rule.left, rule.right), f"{path}.fields")
    for i, criterion in enumerate(spec.criteria):
        for j, condition in enumerate(criterion.conditions):
            yield from refs(condition.fields, f"$.criteria[{i}].conditions[{j}].fields")


def _check_shared_limits(spec: FormSpec) -> Iterator[Problem]:
    """A narrative's ``counts_toward`` names another narrative that has a limit."""
    items = {item.id: item for _, item in spec.walk()}
    for _, item in spec.walk():
        target = getattr(item, "counts_toward", None)
        if target is None:
            continue
        limit = items.get(target)
        if not isinstance(limit, NarrativeItem) or limit.max_chars is None or target == item.id:
            yield f"{item.id}.counts_toward", f"{target!r} is no other narrative with max_chars"


def value_field_ids(spec: FormSpec) -> set[str]:
    """The ids that can hold a value in an application."""
    ids = {line.id for line in spec.cover.lines}
    ids.update(
        item.id
        for _, item in spec.walk()
        if item.kind not in LAYOUT_KINDS
        and not (isinstance(item, SignoffItem) and not item.opinion)
    )
    return ids


#: Item kinds that structure the form but hold no value of their own.
LAYOUT_KINDS = frozenset({"group", "pair", "year_header", "static"})


def _check_years(spec: FormSpec) -> Iterator[Problem]:
    years = spec.data_years
    if not years or any(b <= a for a, b in pairwise(years)):
        yield "$.data_years", f"data_years must be increasing years, got {list(years)}"
    if spec.target_year <= spec.baseline_year:
        yield "$.target_year", "target_year must come after baseline_year"


def _check_item(item: Item, path: str, claim: _Claim) -> Iterator[Problem]:
    yield from claim(item.id, path)
    yield from _check_keys(item, path)
    if isinstance(item, GroupItem):
        for k, child in enumerate(item.items):
            yield from _check_item(child, f"{path}.items[{k}]", claim)
    elif isinstance(item, PairItem):
        for k, cell in enumerate(item.fields):
            yield from _check_item(cell, f"{path}.fields[{k}]", claim)
    elif isinstance(item, YearlyItem) and item.summary is not None:
        yield from _check_item(item.summary, f"{path}.summary", claim)
    elif isinstance(item, TargetsItem):
        yield from _check_targets(item, path, claim)


def _check_keys(item: Item, path: str) -> Iterator[Problem]:
    """Ids that are keys inside an item's value: options, categories, parts, columns."""
    if isinstance(item, ChoiceItem | ChecklistItem):
        yield from _check_options(item.options, f"{path}.options")
    elif isinstance(item, StandardsItem):
        yield from _check_options(item.categories, f"{path}.categories")
        yield from _check_options(item.roles, f"{path}.roles")
    elif isinstance(item, CountsItem):
        yield from _check_options(item.parts, f"{path}.parts")
    elif isinstance(item, RosterItem):
        yield from _check_columns(item.columns, f"{path}.columns")
        if item.rows < 0:
            yield f"{path}.rows", f"rows must be 0 or more, got {item.rows}"


def _check_columns(columns: tuple[RosterColumn, ...], path: str) -> Iterator[Problem]:
    """A roster's column ids are the keys of its rows: well-formed and unique in the table."""
    if not columns:
        yield path, "a roster needs at least one column"
    seen: set[str] = set()
    for k, column in enumerate(columns):
        if not ITEM_ID.fullmatch(column.id):
            yield f"{path}[{k}].id", f"column id {column.id!r} must be lower-case ASCII words"
        elif column.id in seen:
            yield f"{path}[{k}].id", f"duplicate column id {column.id!r}"
        seen.add(column.id)
        if column.max_chars is not None and column.max_chars < 1:
            yield f"{path}[{k}].max_chars", "max_chars must be at least 1"


def _check_targets(item: TargetsItem, path: str, claim: _Claim) -> Iterator[Problem]:
    rows: set[str] = set()
    for d, direction in enumerate(item.directions):
        yield from claim(direction.id, f"{path}.directions[{d}]")
        for r, row in enumerate(direction.rows):
            yield from claim(row.id, f"{path}.directions[{d}].rows[{r}]")
            rows.add(row.id)
    for k, rule in enumerate(item.rules):
        rule_path = f"{path}.rules[{k}]"
        yield from claim(rule.id, rule_path)
        if rule.row is not None and rule.row not in rows:
            yield (
                f"{rule_path}.row",
                f"rule names target row {rule.row!r}, which this table does not have",
            )
        if (rule.row is None) != (rule.check is None):
            yield rule_path, "a rule needs both 'row' and 'check', or neither (text only)"


def _check_options(options: tuple[Option, ...], path: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for k, option in enumerate(options):
        if not OPTION_ID.fullmatch(option.id):
            yield f"{path}[{k}].id", f"option id {option.id!r} must be lower-case ASCII"
        elif option.id in seen:
            yield f"{path}[{k}].id", f"duplicate option id {option.id!r}"
        seen.add(option.id)
