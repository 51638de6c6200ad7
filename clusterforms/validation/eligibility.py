"""Recognition criteria (认定标准) judged on an application's data.

Each criterion the spec lists is reported as ``pass``, ``fail`` or
``undecided`` (the data cannot decide it: a qualitative criterion, or the
figures it needs are missing), with its threshold and source.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

from clusterforms.application.reading import read_application
from clusterforms.application.values import Application, ByYear
from clusterforms.errors import ApplicationError
from clusterforms.model.rules import COMPARE_OPS, Condition, Criterion, FieldRef
from clusterforms.model.spec import FormSpec

Status: TypeAlias = Literal["pass", "fail", "undecided"]

_OP_SIGNS = {"le": "≤", "lt": "<", "ge": "≥", "gt": ">", "eq": "=", "is": "为"}


@attrs.frozen(kw_only=True)
class CriterionResult:
    """How one criterion came out, and why."""

    id: str
    text: str
    source: str
    status: Status
    details: tuple[str, ...] = ()


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
        details = ("定性指标，需人工审核",)
    elif criterion.combine == "any":
        status = (
            "pass" if "pass" in statuses else "undecided" if "undecided" in statuses else "fail"
        )
    else:
        status = (
            "fail" if "fail" in statuses else "undecided" if "undecided" in statuses else "pass"
        )
    return CriterionResult(
        id=criterion.id,
        text=criterion.text,
        source=criterion.source,
        status=status,
        details=details,
    )


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
        return ("pass" if ok else "fail"), f"{names} = {chosen}（要求 {condition.option}）"
    threshold = condition.threshold if condition.threshold is not None else Decimal(0)
    compare = COMPARE_OPS[condition.op]
    sign = _OP_SIGNS[condition.op]
    checked = list(_totals(spec, refs, values, condition.years))
    totals = [(year, total) for year, total in checked if total is not None]
    if not checked or len(totals) < len(checked):
        return "undecided", f"{names}: 数据不全，无法判断（要求 {sign} {threshold}）"
    results = [(year, total, compare(total, threshold)) for year, total in totals]
    shown = "，".join(f"{year}年 {total}" if year else f"{total}" for year, total, _ in results)
    passed = (
        any(ok for *_, ok in results) if condition.years == "any" else all(ok for *_, ok in results)
    )
    return ("pass" if passed else "fail"), f"{names}: {shown}（要求 {sign} {threshold}）"


def _totals(
    spec: FormSpec, refs: list[FieldRef], values: Application, years: str
) -> Iterator[tuple[int | None, Decimal | None]]:
    per_year = any(isinstance(values.get(r.field), ByYear) for r in refs)
    chosen = spec.data_years if years in {"each", "any"} else spec.data_years[-1:]
    for year in chosen if per_year else (None,):
        total = Decimal(0)
        for ref in refs:
            by_year = year is not None and isinstance(values.get(ref.field), ByYear)
            value = values.number(ref.field, year if by_year else None)
            if value is None:
                yield year, None
                break
            total += value
        else:
            yield year, total
