"""A complete, valid application for any spec, built from the spec alone.

For tests and demonstrations that must not depend on files outside the
package (``examples/`` is not shipped): :func:`sample_application` fills
every field, computes the consistency formulas from their inputs and meets
each plan target's 备注 rule, so :func:`clusterforms.validate` finds no error.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, Final

from clusterforms.errors import FormulaError
from clusterforms.formulas import FORMULAS, annual_growth, round2
from clusterforms.model.items import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    TargetRule,
    TargetsItem,
    TextItem,
    YearlyItem,
)
from clusterforms.model.rules import FieldRef, FormulaRule
from clusterforms.model.spec import FormSpec

#: The attachment that every option needing 佐证材料 cites.
EVIDENCE: Final = {"id": "A1", "title": "佐证材料（示例）", "file": "附件1-佐证材料.pdf"}
_TEXT: Final = "示例：某某产业集群，2023年\n第二行"
_NUMBER: Final = Decimal(10)
_CENT: Final = Decimal("0.01")


def sample_application(spec: FormSpec) -> dict[str, Any]:
    """A complete application of ``spec`` that validates without errors; the same every time.

    Every field is filled (but a number whose bounds leave no value): text
    fits its limit, with a line break; numbers fit their bounds and decimals;
    each choice takes its first option (with the text an option asks for),
    each checklist its first option with evidence where it needs some.
    The consistency formulas are computed from their inputs, comparisons are
    met by equal values, and each plan target meets its 备注 rule.  Numbers are
    :class:`~decimal.Decimal`, as :func:`clusterforms.load_application` gives them.
    """
    values: dict[str, Any] = {line.id: "示例" for line in spec.cover.lines}
    for _, item in spec.walk():
        value = _value(spec, item)
        if value is not None:
            values[item.id] = value
    _meet_rules(spec, values)
    document: dict[str, Any] = {"spec": spec.id, "values": _years_as_keys(values)}
    if any(_needs_evidence(item, option) for item, option in _first_options(spec)):
        document["attachments"] = [dict(EVIDENCE)]
    return document


def _fit(text: str, limit: int | None) -> str:
    """``text`` cut to ``limit`` characters that count (whitespace does not)."""
    if limit is None:
        return text
    kept, counted = [], 0
    for char in text:
        if not char.isspace():
            if counted == limit:
                break
            counted += 1
        kept.append(char)
    return "".join(kept).strip() or "无"


def _number(item: NumberItem | YearlyItem, *, whole: bool = False) -> Decimal | None:
    """10, or the nearest value within the item's bounds and decimals; None if none fits."""
    step = Decimal(1).scaleb(-(0 if whole else item.decimals))
    low = item.minimum if item.minimum is not None else Decimal(0) if whole else None
    value = _NUMBER
    if low is not None and value < low:
        value = low.quantize(step, rounding=ROUND_CEILING)
    if item.maximum is not None and value > item.maximum:
        value = item.maximum.quantize(step, rounding=ROUND_FLOOR)
    fits = (low is None or value >= low) and (item.maximum is None or value <= item.maximum)
    return value if fits else None


def _option_value(item: ChoiceItem | ChecklistItem, option: Option) -> Any:
    needs_text = option.free_text or option.explain
    if not needs_text and not _needs_evidence(item, option):
        return option.id
    value: dict[str, Any] = {"option": option.id}
    if needs_text:
        value["text"] = "示例说明"
    if _needs_evidence(item, option):
        value["evidence"] = [EVIDENCE["id"]]
    return value


def _needs_evidence(item: ChoiceItem | ChecklistItem, option: Option) -> bool:
    if not isinstance(item, ChecklistItem):
        return False
    return item.evidence if option.evidence is None else option.evidence


def _first_options(spec: FormSpec) -> Iterator[tuple[ChoiceItem | ChecklistItem, Option]]:
    for _, item in spec.walk():
        if isinstance(item, ChoiceItem | ChecklistItem) and item.options:
            yield item, item.options[0]


def _value(spec: FormSpec, item: Item) -> Any:
    """The sample value of one item, or None for items that hold none.

    Layout items hold none: groups and pairs (their rows and cells are walked
    on their own), year headers, static text.
    """
    make = _VALUES.get(type(item))
    return None if make is None else make(spec, item)


def _text(_: FormSpec, item: TextItem | NarrativeItem) -> str:
    return _fit(_TEXT, item.max_chars)


def _signoff(_: FormSpec, item: SignoffItem) -> str | None:
    return "同意推荐。" if item.opinion else None


def _choice(_: FormSpec, item: ChoiceItem) -> Any:
    return _option_value(item, item.options[0]) if item.options else None


def _checklist(_: FormSpec, item: ChecklistItem) -> Any:
    return [_option_value(item, item.options[0])] if item.options else None


def _yearly(spec: FormSpec, item: YearlyItem) -> dict[int, Decimal] | None:
    number = _number(item, whole=item.value == "count")
    return None if number is None else dict.fromkeys(spec.data_years, number)


def _standards(spec: FormSpec, item: StandardsItem) -> dict[int, Any]:
    roles = dict.fromkeys((r.id for r in item.roles), Decimal(1))
    return {y: {c.id: dict(roles) for c in item.categories} for y in spec.data_years}


def _stages(spec: FormSpec, _: StagesItem) -> dict[int, str]:
    return {year: f"{year}年阶段目标（示例）" for year in spec.plan_years}


def _roster(_: FormSpec, item: RosterItem) -> list[dict[str, Any]]:
    return [{c.id: Decimal(1) if c.numbered else _fit(_TEXT, c.max_chars) for c in item.columns}]


def _targets(spec: FormSpec, item: TargetsItem) -> dict[str, Any]:
    rows: dict[str, dict[str, Any]] = {}
    for direction in item.directions:
        for row in direction.rows:
            if row.value == "text":
                rows[row.id] = {"baseline": "示例现状", "target": "示例目标"}
            else:
                rows[row.id] = {"baseline": _NUMBER, "target": _NUMBER}
    span = spec.target_year - spec.baseline_year
    for rule in item.rules:
        cells = rows.get(rule.row or "")
        if cells is not None and isinstance(cells["baseline"], Decimal):
            cells.update(_meeting(rule, cells["baseline"], span))
    return {"rows": rows}


def _meeting(rule: TargetRule, baseline: Decimal, span: int) -> dict[str, Decimal]:
    """Target cells (and an industry average) that meet ``rule`` from ``baseline``."""
    aim = rule.threshold or Decimal(0)
    if rule.check in {"min_value", "about_value"}:
        return {"target": aim.quantize(_CENT)}
    if rule.check == "increasing":
        return {"target": baseline + 1}
    if rule.check == "min_growth":
        return {"target": _grown(baseline, aim, span)}
    if rule.check == "about_reduction":
        return {"target": (baseline * (1 - aim / 100)).quantize(_CENT)}
    if rule.check in {"not_below_average", "not_below_average_reduction"}:
        # The target equals the baseline: the average is the target, the reduction nil.
        average = baseline if rule.check == "not_below_average" else Decimal(0)
        return {"target": baseline, "industry_average": average}
    return {}


def _grown(baseline: Decimal, rate: Decimal, span: int) -> Decimal:
    """The smallest target (to the cent) whose yearly growth from ``baseline`` reaches ``rate``."""
    target = (baseline * (1 + rate / 100) ** span).quantize(_CENT, rounding=ROUND_CEILING)
    with contextlib.suppress(FormulaError):
        while round2(annual_growth(baseline, target, span)) < rate:
            target += _CENT
    return target


def _meet_rules(spec: FormSpec, values: dict[str, Any]) -> None:
    """Compute formula results and level compared values, until nothing changes."""
    for _ in range(len(spec.rules) + 1):
        changed = False
        for rule in spec.rules:
            if isinstance(rule, FormulaRule):
                changed |= _compute(spec, rule, values)
            else:
                left, right = FieldRef.parse(rule.left), FieldRef.parse(rule.right)
                if rule.op in {"le", "ge", "eq"}:
                    changed |= _assign(spec, values, left, None, _get(spec, values, right, None))
        if not changed:
            return


def _compute(spec: FormSpec, rule: FormulaRule, values: dict[str, Any]) -> bool:
    formula: Callable[..., Decimal] = FORMULAS[rule.formula]
    result = FieldRef.parse(rule.result)
    args = [FieldRef.parse(a) for a in rule.args]
    changed = False
    for year in spec.data_years if rule.per_year else (None,):
        inputs = [_get(spec, values, a, year) for a in args]
        if any(i is None for i in inputs):
            continue
        try:
            computed = round2(formula(*inputs))
        except FormulaError:
            continue
        changed |= _assign(spec, values, result, year, computed)
    return changed


def _year_of(spec: FormSpec, ref: FieldRef, year: int | None) -> int | None:
    years = spec.data_years
    if ref.selector == "first":
        return years[0]
    if ref.selector == "last":
        return years[-1]
    if ref.selector == "prev":
        return None if year is None or year == years[0] else years[years.index(year) - 1]
    return year


def _get(spec: FormSpec, values: dict[str, Any], ref: FieldRef, year: int | None) -> Any:
    value = values.get(ref.field)
    if not isinstance(value, dict):
        return value if ref.selector in {"", "first", "last"} else None
    if ref.selector == "all":
        return [value.get(y) for y in spec.data_years]
    at = _year_of(spec, ref, year)
    return None if at is None else value.get(at)


def _assign(
    spec: FormSpec, values: dict[str, Any], ref: FieldRef, year: int | None, new: object
) -> bool:
    """Set the value ``ref`` points at to ``new``; True when that changed something."""
    if not isinstance(new, Decimal):
        return False
    current = values.get(ref.field)
    if isinstance(current, dict):
        years = [_year_of(spec, ref, year)] if year is not None or ref.selector else spec.data_years
        changed = False
        for at in years:
            if at is not None and at in current and current[at] != new:
                current[at] = new
                changed = True
        return changed
    if isinstance(current, Decimal) and current != new:
        values[ref.field] = new
        return True
    return False


def _years_as_keys(value: Any) -> Any:
    """Year keys as the data format writes them (strings), everything else as it is."""
    if isinstance(value, dict):
        return {str(k) if isinstance(k, int) else k: _years_as_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_years_as_keys(v) for v in value]
    return value


_VALUES: Final[dict[type[Any], Callable[[FormSpec, Any], Any]]] = {
    TextItem: _text,
    NarrativeItem: _text,
    SignoffItem: _signoff,
    NumberItem: lambda _, item: _number(item),
    CountItem: lambda _, __: _NUMBER,
    ChoiceItem: _choice,
    ChecklistItem: _checklist,
    YearlyItem: _yearly,
    StandardsItem: _standards,
    NamedCountItem: lambda _, __: {"count": Decimal(1), "names": "示例名称"},
    CountsItem: lambda _, item: dict.fromkeys((p.id for p in item.parts), Decimal(1)),
    TargetsItem: _targets,
    StagesItem: _stages,
    RosterItem: _roster,
}
