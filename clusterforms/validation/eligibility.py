"""Recognition criteria (认定标准) judged on an application's data.

Each criterion the spec lists is reported as ``pass``, ``fail`` or
``undecided`` (the data cannot decide it: a qualitative criterion, or the
figures it needs are missing), with its threshold and source.

"无" in a count (企业数量, 单项冠军企业数量 …) means there are none, so it counts
as 0; in any other figure (a rate, a share, an amount) it leaves the criterion
undecided, saying so.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final, Literal, TypeAlias

import attrs

from clusterforms.application.reading import read_application
from clusterforms.application.values import Application, ByYear
from clusterforms.errors import ApplicationError
from clusterforms.formulas import FormulaError, mean_growth, round2
from clusterforms.model.items import CountItem, YearlyItem
from clusterforms.model.rules import COMPARE_OPS, Condition, Criterion, FieldRef
from clusterforms.model.spec import FormSpec

Status: TypeAlias = Literal["pass", "fail", "undecided"]

#: The comparisons of a number with a threshold, and the sign shown for each.
NUMERIC_SIGNS: Final = {"le": "≤", "lt": "<", "ge": "≥", "gt": ">", "eq": "="}
_OP_SIGNS = {**NUMERIC_SIGNS, "is": "为"}


@attrs.frozen(kw_only=True)
class CriterionResult:
    """How one criterion came out, and why.

    ``value`` is the figure a criterion of one numeric condition turns on: the
    worst year where each must meet it, the best where any may, the last year's,
    or the geometric mean of yearly rates; None for other criteria or when missing.
    """

    id: str
    text: str
    source: str
    status: Status
    details: tuple[str, ...] = ()
    value: Decimal | None = None


def eligibility(spec: FormSpec, data: object) -> tuple[CriterionResult, ...]:
    """Judge every recognition criterion of ``spec`` that the data can decide.

    Pure: ``data`` is an application document, or the :class:`Application` read
    from it; values that are not usable numbers (or options of their item) count
    as missing.  A document that is not an application decides nothing.
    """
    try:
        application = read_application(spec, data)
    except ApplicationError:
        application = Application(spec=spec)
    return tuple(_judge(spec, criterion, application) for criterion in spec.criteria)


def _judge(spec: FormSpec, criterion: Criterion, values: Application) -> CriterionResult:
    outcomes = [_condition(spec, c, values) for c in criterion.conditions]
    statuses = [status for status, _ in outcomes]
    details = tuple(detail for _, detail in outcomes)
    if not statuses:
        status: Status = "undecided"
        details = (criterion.why or "定性指标，需人工审核",)
    elif criterion.combine == "any":
        status = (
            "pass" if "pass" in statuses else "undecided" if "undecided" in statuses else "fail"
        )
    else:
        status = (
            "fail" if "fail" in statuses else "undecided" if "undecided" in statuses else "pass"
        )
    numeric = single_numeric(criterion)
    return CriterionResult(
        id=criterion.id,
        text=criterion.text,
        source=criterion.source,
        status=status,
        details=details,
        value=_decisive(spec, numeric, values) if numeric is not None else None,
    )


def single_numeric(criterion: Criterion) -> Condition | None:
    """The criterion's one numeric condition, if that is all it has: one figure decides it."""
    if len(criterion.conditions) != 1:
        return None
    condition = criterion.conditions[0]
    if condition.op not in NUMERIC_SIGNS or condition.overlapping:
        return None
    return condition


def _decisive(spec: FormSpec, condition: Condition, values: Application) -> Decimal | None:
    """The one figure a numeric condition turns on (see :class:`CriterionResult`)."""
    refs = [FieldRef.parse(f) for f in condition.fields]
    if condition.of == "mean_growth":
        rates = _yearly_rates(spec, refs[0].field, values)
        return _mean_rate(rates) if rates is not None else None
    totals = [total for _, total in _totals(spec, refs, values, condition.years)]
    known = [total for total in totals if total is not None]
    if not known or len(known) < len(totals):
        return None
    if condition.years == "last" or len(known) == 1:
        return known[-1]
    low = condition.op in {"ge", "gt"}
    best, worst = (max, min) if low else (min, max)
    return best(known) if condition.years == "any" else worst(known)


def _option(spec: FormSpec, values: Application, field: str) -> str | None:
    """The option chosen in ``field``, if it is one of the item's."""
    chosen = values.option(field)
    try:
        item = spec.find(field)
    except KeyError:
        return None
    return chosen if chosen in {o.id for o in getattr(item, "options", ())} else None


def _condition(spec: FormSpec, condition: Condition, values: Application) -> tuple[Status, str]:
    refs = [FieldRef.parse(f) for f in condition.fields]
    names = " + ".join(r.field for r in refs)
    if condition.op == "is":
        chosen = _option(spec, values, refs[0].field)
        if chosen is None:
            return "undecided", f"{names}: 未填报"
        ok = chosen == condition.option
        return _unmet(condition, f"{names} = {chosen}（要求 {condition.option}）", ok=ok)
    threshold = condition.threshold if condition.threshold is not None else Decimal(0)
    compare = COMPARE_OPS[condition.op]
    sign = _OP_SIGNS[condition.op]
    wanted = f"（要求 {sign} {threshold}）"
    if condition.of == "mean_growth":
        return _mean_growth(spec, refs[0].field, values, condition, wanted)
    checked = list(_totals(spec, refs, values, condition.years))
    totals = [(year, total) for year, total in checked if total is not None]
    if not checked or len(totals) < len(checked):
        why = "填报为“无”" if _answered_none(spec, refs, values) else "数据不全"
        return "undecided", f"{names}: {why}，无法判断{wanted}"
    if condition.overlapping:
        return _overlapping(spec, refs, values, condition, wanted)
    results = [(year, total, compare(total, threshold)) for year, total in totals]
    shown = "，".join(f"{year}年 {total}" if year else f"{total}" for year, total, _ in results)
    passed = (
        any(ok for *_, ok in results) if condition.years == "any" else all(ok for *_, ok in results)
    )
    return _unmet(condition, f"{names}: {shown}{wanted}", ok=passed)


def _unmet(condition: Condition, detail: str, *, ok: bool) -> tuple[Status, str]:
    """``pass`` when met; otherwise what the spec says a miss comes to, with its reason."""
    if ok:
        return "pass", detail
    if condition.unmet == "undecided":
        return "undecided", f"{detail}；{condition.why}" if condition.why else detail
    return "fail", detail


def _mean_growth(
    spec: FormSpec, field: str, values: Application, condition: Condition, wanted: str
) -> tuple[Status, str]:
    """The geometric mean of a field's yearly rates against the threshold (年均增长)."""
    rates = _yearly_rates(spec, field, values)
    if rates is None:
        if any(values.is_none(field, year) for year in spec.data_years):
            return "undecided", f"{field}: 年增速填报为“无”，无法计算年均增速{wanted}"
        return "undecided", f"{field}: 数据不全，无法计算年均增速{wanted}"
    mean = _mean_rate(rates)
    if mean is None:
        return "undecided", f"{field}: 年增速无法求几何平均{wanted}"
    ok = COMPARE_OPS[condition.op](mean, condition.threshold or Decimal(0))
    shown = "、".join(str(r) for r in rates)
    return _unmet(condition, f"{field}: 年增速 {shown} 的几何平均为 {mean}{wanted}", ok=ok)


def _yearly_rates(spec: FormSpec, field: str, values: Application) -> list[Decimal] | None:
    """A field's rate in every data year, or None when a year has no number."""
    rates = [values.number(field, year) for year in spec.data_years]
    known = [r for r in rates if r is not None]
    return known if len(known) == len(rates) else None


def _mean_rate(rates: list[Decimal]) -> Decimal | None:
    """The geometric mean of yearly rates (年均增速), rounded; None when there is none."""
    if not rates:
        return None
    try:
        return round2(mean_growth(rates))
    except FormulaError:
        return None


def _overlapping(
    spec: FormSpec, refs: list[FieldRef], values: Application, condition: Condition, wanted: str
) -> tuple[Status, str]:
    """Lists a firm may be on more than once: the firms number between the largest and the sum.

    Decided only where both bounds fall on the same side of the threshold.
    """
    compare = COMPARE_OPS[condition.op]
    threshold = condition.threshold or Decimal(0)
    chosen = spec.data_years if condition.years in {"each", "any"} else spec.data_years[-1:]
    verdicts: list[bool | None] = []
    shown: list[str] = []
    for year in chosen:
        counts = [_number_in(values, ref.field, year) for ref in refs]
        numbers = [c for c in counts if c is not None]
        low, high = max(numbers), sum(numbers, Decimal(0))
        verdict = (
            compare(low, threshold) if compare(low, threshold) == compare(high, threshold) else None
        )
        verdicts.append(verdict)
        parts = " + ".join(f"{ref.field} {n}" for ref, n in zip(refs, numbers, strict=True))
        shown.append(f"{year}年 {parts}（不重复计算至少 {low}，至多 {high}）")
    detail = "，".join(shown) + wanted
    if condition.years == "any" and any(v is True for v in verdicts):
        return "pass", detail
    if condition.years != "any" and all(v is True for v in verdicts):
        return "pass", detail
    if all(v is False for v in verdicts) or (
        condition.years != "any" and any(v is False for v in verdicts)
    ):
        return _unmet(condition, detail, ok=False)
    return "undecided", f"{detail}；同一企业可能同时在几份名单中，合计不能证明达到要求，需核对名单"


def _number_in(values: Application, field: str, year: int) -> Decimal | None:
    by_year = isinstance(values.get(field), ByYear)
    return _figure(values, field, year if by_year else None)


def _is_count(spec: FormSpec, field: str) -> bool:
    """Whether ``field`` counts things (企业、平台…), so that its "无" is 0."""
    try:
        item = spec.find(field)
    except KeyError:
        return False
    return isinstance(item, CountItem) or (isinstance(item, YearlyItem) and item.value == "count")


def _figure(values: Application, field: str, year: int | None) -> Decimal | None:
    """The number in ``field`` (in ``year``); 0 for "无" in a count; None when unusable."""
    number = values.number(field, year)
    if number is None and values.is_none(field, year) and _is_count(values.spec, field):
        return Decimal(0)
    return number


def _answered_none(spec: FormSpec, refs: list[FieldRef], values: Application) -> bool:
    """Whether one of ``refs`` is "无" in a data year (or as its single value)."""
    return any(values.is_none(ref.field, year) for ref in refs for year in (None, *spec.data_years))


def _totals(
    spec: FormSpec, refs: list[FieldRef], values: Application, years: str
) -> Iterator[tuple[int | None, Decimal | None]]:
    per_year = any(isinstance(values.get(r.field), ByYear) for r in refs)
    chosen = spec.data_years if years in {"each", "any"} else spec.data_years[-1:]
    for year in chosen if per_year else (None,):
        total = Decimal(0)
        for ref in refs:
            by_year = year is not None and isinstance(values.get(ref.field), ByYear)
            value = _figure(values, ref.field, year if by_year else None)
            if value is None:
                yield year, None
                break
            total += value
        else:
            yield year, total
