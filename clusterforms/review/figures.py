"""The threshold a criterion's figure is charted against, so a batch can be seen at a glance.

A criterion with a single numeric condition (集群总产值 ≥ 40, 主导产业占比 > 70)
is decided by one figure per application (:attr:`CriterionResult.value`, worked
out where the criterion is judged).  Criteria of several conditions, choices or
overlapping lists have no such figure and are not charted.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from clusterforms.model.rules import Condition, Criterion, FieldRef
from clusterforms.model.spec import FormSpec
from clusterforms.validation.eligibility import NUMERIC_SIGNS, single_numeric


@attrs.frozen(kw_only=True)
class Gauge:
    """What a criterion's figure is compared with: the threshold, the sign, the unit."""

    op: str
    threshold: Decimal
    unit: str

    @property
    def wanted(self) -> str:
        """``≥ 40亿元``: the requirement as a person reads it."""
        return f"{NUMERIC_SIGNS[self.op]} {self.threshold}{self.unit}"


def gauge(spec: FormSpec, criterion: Criterion) -> Gauge | None:
    """The threshold of a criterion decided by one number, or None."""
    condition = single_numeric(criterion)
    if condition is None or condition.threshold is None:
        return None
    unit = "%" if condition.of == "mean_growth" else _unit(spec, condition)
    return Gauge(op=condition.op, threshold=condition.threshold, unit=unit)


def _unit(spec: FormSpec, condition: Condition) -> str:
    try:
        item = spec.find(FieldRef.parse(condition.fields[0]).field)
    except KeyError:
        return ""
    unit = getattr(item, "unit", None)
    return unit if isinstance(unit, str) else ""
