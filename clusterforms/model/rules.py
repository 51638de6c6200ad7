"""Consistency rules and recognition criteria, written in spec files as data.

A rule names fields and a formula from :mod:`clusterforms.formulas` by name;
the library evaluates them.  Nothing in a spec file is ever ``eval``'d.

Field references are a field id with an optional year selector:
``industry.fdi`` (the same year, or the single value), ``industry.fdi@prev``
(the year before), ``@first`` / ``@last`` (the first / last data year) and
``@all`` (the whole series, for ``cagr`` and ``mean_growth``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

from clusterforms.model.items import Severity

#: What each comparison name in a spec file means.
COMPARE_OPS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "le": operator.le,
    "lt": operator.lt,
    "ge": operator.ge,
    "gt": operator.gt,
    "eq": operator.eq,
}

Selector: TypeAlias = Literal["", "prev", "first", "last", "all"]
Op: TypeAlias = Literal["le", "lt", "ge", "gt", "eq"]

REF = re.compile(
    r"(?P<field>[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)(?:@(?P<selector>prev|first|last|all))?"
)


@attrs.frozen
class FieldRef:
    """A parsed field reference: the field id and the year selector."""

    field: str
    selector: Selector = ""

    @classmethod
    def parse(cls, text: str) -> FieldRef:
        """Parse ``field.id@selector``; raises :class:`ValueError` if malformed."""
        match = REF.fullmatch(text)
        if match is None:
            msg = (
                f"malformed field reference {text!r} "
                "(expected field.id or field.id@prev|first|last|all)"
            )
            raise ValueError(msg)
        return cls(match["field"], match["selector"] or "")  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class FormulaRule:
    """A reported value must equal a formula of other reported values.

    With ``per_year`` the rule is checked for every data year, references
    without a selector meaning that year; a year whose inputs the form does
    not ask for (the first year for ``@prev``) is skipped.  An input that is
    missing, or a base that is zero, is reported as a check that cannot be
    made (``formula_unchecked``): a warning for a missing input, ``severity``
    for a zero base.  ``tolerance`` is the distance allowed from the result
    rounded half-up to 2 places, as applicants round it.
    """

    check: Literal["formula"] = "formula"
    id: str
    formula: str
    result: str
    args: tuple[str, ...]
    per_year: bool = False
    tolerance: Decimal = Decimal("0.01")
    severity: Severity = "error"
    source: str = ""


@attrs.frozen(kw_only=True)
class CompareRule:
    """One reported value must compare with another (SME count ≤ enterprise count)."""

    check: Literal["compare"] = "compare"
    id: str
    left: str
    op: Op
    right: str
    severity: Severity = "error"
    source: str = ""


Rule: TypeAlias = FormulaRule | CompareRule
RULE_CLASSES: dict[str, type[Rule]] = {"formula": FormulaRule, "compare": CompareRule}


@attrs.frozen(kw_only=True)
class Condition:
    """A threshold on a value, or on the sum of several (小巨人 + 冠军 ≥ 1).

    ``years`` says which data years must meet it: ``each``, the ``last``, or
    ``any``.  ``op = "is"`` compares a single choice with ``option``.
    With ``of`` set to ``mean_growth`` the geometric mean of one field's yearly
    rates is compared instead of each year (研发经费投入年均增长超过5% from the yearly 增速).
    ``overlapping`` says the fields count lists a firm may be on more than once:
    the firms are at least the largest list and at most the sum, so the condition
    is decided only where both bounds agree.  ``unmet`` is what a condition the
    data does not meet comes to: ``fail``, or ``undecided`` where the form asks
    for less than the criterion counts (国家级 only where 市级 also counts).
    ``why`` gives the reason an unmet condition is undecided, with its source.
    """

    fields: tuple[str, ...]
    op: Literal["le", "lt", "ge", "gt", "eq", "is"]
    threshold: Decimal | None = None
    option: str | None = None
    years: Literal["each", "last", "any"] = "each"
    of: Literal["value", "mean_growth"] = "value"
    overlapping: bool = False
    unmet: Literal["fail", "undecided"] = "fail"
    why: str = ""


@attrs.frozen(kw_only=True)
class Criterion:
    """A recognition criterion (认定标准) with its source.

    A criterion without conditions is one the data cannot decide (a
    qualitative one); ``why`` says why, where it is not simply qualitative.
    """

    id: str
    text: str
    source: str
    conditions: tuple[Condition, ...] = ()
    combine: Literal["all", "any"] = "all"
    why: str = ""
