"""The threshold a criterion's figure is charted against, so a batch can be seen at a glance.

A criterion with a single numeric condition (集群总产值 ≥ 40, 主导产业占比 > 70)
is decided by one figure per application (:attr:`CriterionResult.value`, worked
out where the criterion is judged).  Criteria of several conditions, choices or
overlapping lists have no such figure and are not charted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

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


def _single(criterion: Criterion) -> Condition | None:
    """The criterion's one numeric condition, if that is all it has."""
    if len(criterion.conditions) != 1:
        return None
    condition = criterion.conditions[0]
    if condition.op not in SIGNS or condition.threshold is None or condition.overlapping:
        return None
    return condition


def _unit(spec: FormSpec, condition: Condition) -> str:
    try:
        item = spec.find(FieldRef.parse(condition.fields[0]).field)
    except KeyError:
        return ""
    unit = getattr(item, "unit", None)
    return unit if isinstance(unit, str) else ""
