"""The one number a criterion turns on, so a batch can be charted against its threshold.

A criterion with a single numeric condition (集群总产值 ≥ 40, 主导产业占比 > 70)
is decided by one figure per application: the worst year where every year
must meet it, the best where any may, the last year's where only the last
counts, or the geometric mean of yearly rates.  Criteria of several
conditions, choices or overlapping lists have no such figure and are not charted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from clusterforms.application.values import Application, ByYear
from clusterforms.formulas import FormulaError, mean_growth, round2
from clusterforms.model.rules import Condition, Criterion, FieldRef
from clusterforms.model.spec import FormSpec

#: The comparisons a figure can be charted against, and the sign shown for each.
SIGNS: Final = {"le": "≤", "lt": "<", "ge": "≥", "gt": ">", "eq": "="}


@attrs.frozen(kw_only=True)
class Gauge:
    """What a criterion's figure is compared with: the threshold, the sign, the unit."""

    op: str
    threshold: Decimal
    unit: str

    @property
    def wanted(self) -> str:
        """``≥ 40亿元``: the requirement as a person reads it."""
        return f"{SIGNS[self.op]} {self.threshold}{self.unit}"


def gauge(spec: FormSpec, criterion: Criterion) -> Gauge | None:
    """The threshold of a criterion decided by one number, or None."""
    condition = _single(criterion)
    if condition is None or condition.threshold is None:
        return None
    unit = "%" if condition.of == "mean_growth" else _unit(spec, condition)
    return Gauge(op=condition.op, threshold=condition.threshold, unit=unit)


def figure(spec: FormSpec, criterion: Criterion, values: Application) -> Decimal | None:
    """The number that decides ``criterion`` for one application; None when missing."""
    condition = _single(criterion)
    if condition is None:
        return None
    refs = [FieldRef.parse(f).field for f in condition.fields]
    if condition.of == "mean_growth":
        return _mean_growth(spec, refs[0], values)
    totals = _totals(spec, refs, values, condition)
    if totals is None:
        return None
    if condition.years == "last" or len(totals) == 1:
        return totals[-1]
    low = condition.op in {"ge", "gt"}
    worst = min(totals) if low else max(totals)
    best = max(totals) if low else min(totals)
    return best if condition.years == "any" else worst


def _single(criterion: Criterion) -> Condition | None:
    """The criterion's one numeric condition, if that is all it has."""
    if len(criterion.conditions) != 1:
        return None
    condition = criterion.conditions[0]
    if condition.op not in SIGNS or condition.threshold is None or condition.overlapping:
        return None
    return condition


def _mean_growth(spec: FormSpec, field: str, values: Application) -> Decimal | None:
    """The geometric mean of a field's yearly rates (年均增速), as the criterion judges it."""
    rates = [values.number(field, year) for year in spec.data_years]
    known = [r for r in rates if r is not None]
    if not known or len(known) < len(rates):
        return None
    try:
        return round2(mean_growth(known))
    except FormulaError:
        return None


def _totals(
    spec: FormSpec, refs: list[str], values: Application, condition: Condition
) -> list[Decimal] | None:
    """The condition's sum in each year it looks at (one total for fields of no year)."""
    per_year = any(isinstance(values.get(r), ByYear) for r in refs)
    years = spec.data_years[-1:] if condition.years == "last" else spec.data_years
    totals = []
    for year in years if per_year else (None,):
        total = Decimal(0)
        for ref in refs:
            by_year = year is not None and isinstance(values.get(ref), ByYear)
            number = values.number(ref, year if by_year else None)
            if number is None:
                return None
            total += number
        totals.append(total)
    return totals


def _unit(spec: FormSpec, condition: Condition) -> str:
    try:
        item = spec.find(FieldRef.parse(condition.fields[0]).field)
    except KeyError:
        return ""
    unit = getattr(item, "unit", None)
    return unit if isinstance(unit, str) else ""
