"""Consistency rules and the plan's 备注 rules, evaluated on parsed values."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from functools import partial
from typing import Any

from clusterforms.application.values import NoneAnswer
from clusterforms.formulas import FORMULAS, FormulaError, annual_growth, reduction_rate, round2
from clusterforms.model.items import TargetRule, TargetsItem
from clusterforms.model.rules import COMPARE_OPS, CompareRule, FieldRef, FormulaRule
from clusterforms.model.spec import FormSpec
from clusterforms.validation.emit import Emitter, label_of
from clusterforms.validation.messages import OP_WORDS

#: Parsed values by field id: a Decimal or "无", or a year → (Decimal or "无") mapping.
Values = Mapping[str, Any]
RuleCheck = Callable[[Values, Emitter], None]


def compile_rules(spec: FormSpec) -> list[RuleCheck]:
    """A closure per consistency rule of ``spec``, checking it on parsed values."""
    labels = {item.id: label_of(item) for _, item in spec.walk()}
    return [
        _formula_check(spec, rule, labels)
        if isinstance(rule, FormulaRule)
        else _compare_check(spec, rule, labels)
        for rule in spec.rules
    ]


#: A reference to a year the form does not ask for (``@prev`` of the first year).
_OFF_FORM = object()

#: The arguments of each formula that are divided by (a series: every value but the last).
_BASES: dict[str, tuple[int, ...]] = {
    "growth_rate": (0,),
    "cagr": (0,),
    "annual_growth": (0,),
    "cumulative_growth": (0,),
    "share": (1,),
    "rd_intensity": (1,),
    "per_10k": (1,),
    "reuse_rate": (1,),
    "reduction_rate": (0,),
    "intensity": (1,),
    "part_growth": (0, 1),
    "part_cagr": (0, 1),
}


def _target_year(ref: FieldRef, years: tuple[int, ...], year: int | None) -> int | None:
    """The data year ``ref`` means in ``year``; None for a single value or ``@all``."""
    if ref.selector == "prev":
        return None if year is None or year == years[0] else years[years.index(year) - 1]
    return {"first": years[0], "last": years[-1], "": year}.get(ref.selector)


def _resolve(ref: FieldRef, values: Values, years: tuple[int, ...], year: int | None) -> Any:
    """The value ``ref`` points at: None when missing, :data:`_OFF_FORM` off the form."""
    value = values.get(ref.field)
    if ref.selector == "prev" and (year is None or year == years[0]):
        return _OFF_FORM
    if not isinstance(value, dict):
        return value if ref.selector in {"", "first", "last"} else None
    if ref.selector == "all":
        series = [value.get(y) for y in years]
        return None if any(v is None for v in series) else series
    return value.get(_target_year(ref, years, year))


def _years_of(rule_per_year: bool, years: tuple[int, ...]) -> Iterator[int | None]:
    if rule_per_year:
        yield from years
    else:
        yield None


def _places(
    ref: FieldRef, values: Values, years: tuple[int, ...], year: int | None, yearly: frozenset[str]
) -> list[tuple[int | None, Any]]:
    """Each (year, value) ``ref`` reads: one, or every data year for ``@all``."""
    value = values.get(ref.field)
    if ref.selector == "all":
        series = value if isinstance(value, dict) else {}
        return [(y, series.get(y)) for y in years]
    shown = _target_year(ref, years, year) if ref.field in yearly else None
    return [(shown, _resolve(ref, values, years, year))]


def _unchecked_reason(  # noqa: PLR0913 - the rule, its inputs and where
    rule: FormulaRule,
    args: list[FieldRef],
    values: Values,
    *,
    years: tuple[int, ...],
    year: int | None,
    labels: dict[str, str],
    yearly: frozenset[str],
) -> tuple[str, str, bool] | None:
    """Why the formula cannot be computed (zh, en, whether a base is 0 or "无"), or None.

    A base of 0 or "无" comes first: then the derived value does not exist, and the
    form's answer for it is "无".
    """
    for index in _BASES.get(rule.formula, ()):
        ref = args[index]
        places = _places(ref, values, years, year, yearly)
        if ref.selector == "all":
            places = places[:-1]  # a series' last value is never divided by
        for at, value in places:
            none = isinstance(value, NoneAnswer)
            if none or (isinstance(value, Decimal) and value.is_zero()):
                where = "" if at is None else f"{at}年"
                label = labels.get(ref.field, ref.field)
                shown, shown_en = ("“无”", "无") if none else (" 0", "0")
                return (
                    f"「{label}」{where}为{shown}，不能作为计算的基数；无法计算的数值应填写“无”",
                    (
                        f"'{label}'{'' if at is None else f' ({at})'} is {shown_en} and cannot "
                        "be the base; a value that cannot be computed is written 无"
                    ),
                    True,
                )
    for ref in args:
        for at, value in _places(ref, values, years, year, yearly):
            if not isinstance(value, Decimal):
                where = "" if at is None else f"{at}年"
                label = labels.get(ref.field, ref.field)
                at_en = "" if at is None else f" ({at})"
                if isinstance(value, NoneAnswer):
                    return f"「{label}」{where}填报为“无”", f"'{label}'{at_en} is 无", False
                return (
                    f"「{label}」{where}没有可用的数值",
                    f"'{label}'{at_en} has no usable number",
                    False,
                )
    return None


_OUT_OF_DOMAIN = (
    "填报的数值超出公式的适用范围",
    "the figures are outside the formula's domain",
    True,
)


def _usable(value: object) -> bool:
    """Whether a formula input is a number, or a series of numbers (not missing, not "无")."""
    if isinstance(value, list):
        return all(isinstance(v, Decimal) for v in value)
    return isinstance(value, Decimal)


def _evaluate(formula: Callable[..., Decimal], inputs: list[Any]) -> Decimal | None:
    """The formula's unrounded result, or None when an input is missing, "无" or out of domain."""
    if not all(map(_usable, inputs)):
        return None
    try:
        return formula(*inputs)
    except FormulaError:
        return None


def _formula_check(spec: FormSpec, rule: FormulaRule, labels: dict[str, str]) -> RuleCheck:
    formula = FORMULAS[rule.formula]
    result = FieldRef.parse(rule.result)
    args = [FieldRef.parse(a) for a in rule.args]
    years = spec.data_years
    label = labels.get(result.field, result.field)
    source = rule.source or rule.formula
    yearly = frozenset(item.id for _, item in spec.walk() if item.kind == "yearly")

    def check(values: Values, emit: Emitter) -> None:
        for year in _years_of(rule.per_year, years):
            reported = _resolve(result, values, years, year)
            inputs = [_resolve(a, values, years, year) for a in args]
            if any(i is _OFF_FORM for i in inputs):
                continue  # an input the form does not ask for
            shown_year = year if year is not None else _selected_year(result, years)
            computed = _evaluate(formula, inputs)
            say = partial(emit, field=result.field, label=label, year=shown_year, source=source)
            if isinstance(reported, NoneAnswer):
                if computed is not None:  # "无", but the form's figures give the value
                    say("none_but_inputs_show_value", severity=rule.severity, computed=computed)
                continue
            if not isinstance(reported, Decimal):
                continue  # nothing reported to check
            if computed is None:
                reason = _unchecked_reason(
                    rule, args, values, years=years, year=year, labels=labels, yearly=yearly
                )
                zh, en, zero = reason or _OUT_OF_DOMAIN
                severity = rule.severity if zero else "warning"
                say(
                    "formula_unchecked",
                    severity=severity,
                    reported=reported,
                    reason=zh,
                    reason_en=en,
                )
                continue
            if abs(reported - round2(computed)) > rule.tolerance:
                say(
                    "formula_mismatch", severity=rule.severity, reported=reported, computed=computed
                )

    return check


def _selected_year(ref: FieldRef, years: tuple[int, ...]) -> int | None:
    return {"first": years[0], "last": years[-1]}.get(ref.selector)


def _compare_check(spec: FormSpec, rule: CompareRule, labels: dict[str, str]) -> RuleCheck:
    left, right = FieldRef.parse(rule.left), FieldRef.parse(rule.right)
    years = spec.data_years
    compare = COMPARE_OPS[rule.op]
    zh, en = OP_WORDS[rule.op]

    def check(values: Values, emit: Emitter) -> None:
        per_year = isinstance(values.get(left.field), dict) and not left.selector
        for year in _years_of(per_year, years):
            a = _resolve(left, values, years, year)
            b = _resolve(right, values, years, year)
            if not isinstance(a, Decimal) or not isinstance(b, Decimal) or compare(a, b):
                continue
            emit(
                "exceeds",
                left.field,
                labels.get(left.field, left.field),
                severity=rule.severity,
                year=year,
                reported=a,
                other=b,
                other_label=labels.get(right.field, right.field),
                op=zh,
                op_en=en,
            )

    return check


def compile_targets(spec: FormSpec, item: TargetsItem) -> RuleCheck:
    """A closure checking the 备注 rules of a target table."""
    indicators = {row.id: row.indicator for d in item.directions for row in d.rows}
    span = spec.target_year - spec.baseline_year
    rules = [r for r in item.rules if r.row is not None and r.check is not None]

    def check(values: Values, emit: Emitter) -> None:
        table = values.get(item.id) or {}
        for rule in rules:
            cells = table.get(rule.row) or {}
            baseline, target = cells.get("baseline"), cells.get("target")
            say = partial(emit, field=rule.row, label=indicators[rule.row or ""], option="target")
            if isinstance(target, NoneAnswer):  # the 备注 asks for a target figure
                say(
                    "none_not_allowed",
                    severity=rule.severity,
                    why=f"备注要求“{rule.text}”，目标值应填写数值",
                    why_en=f"the rule '{rule.text}' asks for a target figure",
                )
                continue
            if not isinstance(target, Decimal):
                continue
            none_base = isinstance(baseline, NoneAnswer) and rule.check in _FROM_BASELINE
            verdict = (
                _UNJUDGED
                if none_base
                else _judge(rule, baseline, target, cells.get("industry_average"), span)
            )
            if verdict is _UNJUDGED:
                shown = "“无”" if none_base else f" {baseline}"
                say(
                    "formula_unchecked",
                    severity="warning",
                    reported=target,
                    reason=f"基准值为{shown}，不能作为计算的基数",
                    reason_en=f"the baseline is {baseline} and cannot be the base",
                    source=rule.text,
                )
            elif verdict is not None:
                zh, en = verdict
                say(
                    "target_rule",
                    severity=rule.severity,
                    reported=target,
                    detail=zh,
                    detail_en=en,
                    rule=rule.text,
                )

    return check


#: A target rule whose baseline is zero: the growth or reduction it asks for is undefined.
_UNJUDGED = ("", "")
#: The 备注 checks computed from the baseline: a baseline of "无" leaves them unjudged.
_FROM_BASELINE = frozenset(
    {"increasing", "min_growth", "about_reduction", "not_below_average_reduction"}
)


def _judge(
    rule: TargetRule, baseline: object, target: Decimal, average: object, span: int
) -> tuple[str, str] | None:
    """None when ``rule`` holds (or its inputs are absent), else the breach in Chinese and English.

    :data:`_UNJUDGED` when the baseline is zero, so the rule cannot be judged.
    """
    base = baseline if isinstance(baseline, Decimal) else None
    avg = average if isinstance(average, Decimal) else None
    try:
        verdict = _VERDICTS[rule.check or ""](rule, base, target, avg, span)
    except FormulaError:
        return _UNJUDGED
    if verdict is None:
        return None
    ok, zh, en = verdict
    return None if ok else (zh, en)


_Verdict = tuple[bool, str, str] | None


def _min_value(
    rule: TargetRule, _b: Decimal | None, t: Decimal, _a: Decimal | None, _s: int
) -> _Verdict:
    limit = rule.threshold or Decimal(0)
    return t >= limit, f"目标值为 {t}，低于 {limit}", f"target {t} is below {limit}"


def _increasing(
    _r: TargetRule, b: Decimal | None, t: Decimal, _a: Decimal | None, _s: int
) -> _Verdict:
    if b is None:
        return None
    return t > b, f"目标值 {t} 未高于基准值 {b}", f"target {t} is not above baseline {b}"


def _min_growth(
    rule: TargetRule, b: Decimal | None, t: Decimal, _a: Decimal | None, span: int
) -> _Verdict:
    if b is None:
        return None
    limit = rule.threshold or Decimal(0)
    growth = round2(annual_growth(b, t, span))
    return (
        growth >= limit,
        f"按基准值和目标值计算年均增速为 {growth}%，低于 {limit}%",
        f"the yearly growth from baseline to target is {growth}%, below {limit}%",
    )


def _about_value(
    rule: TargetRule, _b: Decimal | None, t: Decimal, _a: Decimal | None, _s: int
) -> _Verdict:
    aim, slack = rule.threshold or Decimal(0), rule.tolerance or Decimal(0)
    return (
        abs(t - aim) <= slack,
        f"目标值为 {t}，与 {aim} 相差超过 {slack}",
        f"target {t} is more than {slack} away from {aim}",
    )


def _about_reduction(
    rule: TargetRule, b: Decimal | None, t: Decimal, _a: Decimal | None, _s: int
) -> _Verdict:
    if b is None:
        return None
    aim, slack = rule.threshold or Decimal(0), rule.tolerance or Decimal(0)
    cut = round2(reduction_rate(b, t))
    return (
        abs(cut - aim) <= slack,
        f"按基准值和目标值计算降低 {cut}%，与 {aim}% 相差超过 {slack} 个百分点",
        f"the reduction is {cut}%, more than {slack} points from {aim}%",
    )


def _not_below_average(
    _r: TargetRule, _b: Decimal | None, t: Decimal, avg: Decimal | None, _s: int
) -> _Verdict:
    if avg is None:  # "不低于行业平均水平" is judged only when the average is given
        return None
    return (
        t >= avg,
        f"目标值 {t} 低于行业平均水平 {avg}",
        f"target {t} is below the industry average {avg}",
    )


def _not_below_average_reduction(
    _r: TargetRule, b: Decimal | None, t: Decimal, avg: Decimal | None, _s: int
) -> _Verdict:
    if avg is None or b is None:
        return None
    cut = round2(reduction_rate(b, t))
    return (
        cut >= avg,
        f"降低率 {cut}% 低于行业平均水平 {avg}%",
        f"the reduction {cut}% is below the industry average {avg}%",
    )


_VERDICTS: dict[
    str, Callable[[TargetRule, Decimal | None, Decimal, Decimal | None, int], _Verdict]
] = {
    "min_value": _min_value,
    "increasing": _increasing,
    "min_growth": _min_growth,
    "about_value": _about_value,
    "about_reduction": _about_reduction,
    "not_below_average": _not_below_average,
    "not_below_average_reduction": _not_below_average_reduction,
}
