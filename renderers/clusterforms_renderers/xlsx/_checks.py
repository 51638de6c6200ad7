"""Live check formulas: the spec's consistency rules as Excel formulas beside the cells.

Where the form asks both for a derived figure and for the figures it comes
from (年均增速 and the yearly 增速, a share and its parts, 每万人专利), the
spec says so as a :class:`~clusterforms.FormulaRule` naming a formula of
:mod:`clusterforms.formulas`.  Each supported formula has an Excel template
here; a check cell evaluates it on the cells the rule names and conditional
formatting turns the reported cell and the check red when they differ by more
than the rule's tolerance.  Formulas are assembled only from these templates
and cell references the layout produced — never from anything in the data or
in a workbook being read.  Compare rules (SME count ≤ enterprise count) get
the conditional formatting alone.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Final

from clusterforms import NONE_TEXT, CompareRule, FieldRef, FormSpec, FormulaRule
from clusterforms_renderers.xlsx._grid import CheckSlot
from clusterforms_renderers.xlsx._plan import Check, Highlight, SheetPlan, absolute, coordinate

#: (sheet, row, col) of the number cell of each (field, year); year None for one value.
Addresses = dict[tuple[str, int | None], tuple[SheetPlan, int, int]]
_Ref = str
_Arg = _Ref | list[_Ref]

_EPSILON: Final = Decimal("0.0000001")


def _one(arg: _Arg) -> _Ref:
    if isinstance(arg, list):
        raise TypeError  # pragma: no cover - guarded by _SHAPES
    return arg


def _many(arg: _Arg) -> list[_Ref]:
    if not isinstance(arg, list):
        raise TypeError  # pragma: no cover - guarded by _SHAPES
    return arg


def _change(start: _Arg, end: _Arg) -> str:
    return f"({_one(end)}-{_one(start)})/{_one(start)}*100"


def _ratio(part: _Arg, whole: _Arg) -> str:
    return f"{_one(part)}/{_one(whole)}*100"


def _cagr(values: _Arg) -> str:
    cells = _many(values)
    return f"(({cells[-1]}/{cells[0]})^(1/{len(cells) - 1})-1)*100"


def _mean_growth(rates: _Arg) -> str:
    cells = _many(rates)
    product = "*".join(f"(1+{cell}/100)" for cell in cells)
    return f"(({product})^(1/{len(cells)})-1)*100"


def _part_growth(prev_whole: _Arg, prev_share: _Arg, whole: _Arg, share: _Arg) -> str:
    prev = f"{_one(prev_whole)}*{_one(prev_share)}"
    return f"({_one(whole)}*{_one(share)}-{prev})/({prev})*100"


def _part_cagr(wholes: _Arg, shares: _Arg) -> str:
    w, s = _many(wholes), _many(shares)
    return f"(({w[-1]}*{s[-1]}/({w[0]}*{s[0]}))^(1/{len(w) - 1})-1)*100"


def _per_10k(count: _Arg, people: _Arg) -> str:
    return f"{_one(count)}/{_one(people)}*10000"


def _reduction(base: _Arg, current: _Arg) -> str:
    return f"({_one(base)}-{_one(current)})/{_one(base)}*100"


def _intensity(quantity: _Arg, output: _Arg) -> str:
    return f"{_one(quantity)}/{_one(output)}"


#: Each supported formula of :data:`clusterforms.formulas.FORMULAS` as an Excel template,
#: with the shape of its arguments (``1`` a cell, ``"*"`` a series of cells).
TEMPLATES: Final[dict[str, tuple[Callable[..., str], tuple[int | str, ...]]]] = {
    "growth_rate": (_change, (1, 1)),
    "cumulative_growth": (_change, (1, 1)),
    "cagr": (_cagr, ("*",)),
    "mean_growth": (_mean_growth, ("*",)),
    "share": (_ratio, (1, 1)),
    "part_growth": (_part_growth, (1, 1, 1, 1)),
    "part_cagr": (_part_cagr, ("*", "*")),
    "rd_intensity": (_ratio, (1, 1)),
    "reuse_rate": (_ratio, (1, 1)),
    "per_10k": (_per_10k, (1, 1)),
    "reduction_rate": (_reduction, (1, 1)),
    "intensity": (_intensity, (1, 1)),
}

_FAILS: Final[dict[str, str]] = {"le": ">", "lt": ">=", "ge": "<", "gt": "<=", "eq": "<>"}


def checked_fields(spec: FormSpec) -> dict[str, bool]:
    """The fields a supported formula rule recomputes, each with whether it is per year."""
    found: dict[str, bool] = {}
    for rule in spec.rules:
        if not isinstance(rule, FormulaRule) or rule.formula not in TEMPLATES:
            continue
        try:
            result = FieldRef.parse(rule.result)
        except ValueError:
            continue
        if result.selector == "" and result.field not in found:
            found[result.field] = rule.per_year
    return found


def _resolve(
    ref: FieldRef, year: int | None, years: tuple[int, ...], cells: Addresses
) -> _Arg | None:
    """The cell reference(s) ``ref`` means in ``year``, or None when there is none."""
    single = (ref.field, None) in cells
    if ref.selector == "all":
        if single:
            return None
        series = [cells.get((ref.field, y)) for y in years]
        if any(cell is None for cell in series):
            return None
        return [absolute(c[0].name, c[1], c[2]) for c in series if c is not None]
    if single:
        target: tuple[str, int | None] = (ref.field, None)
    elif ref.selector == "first":
        target = (ref.field, years[0])
    elif ref.selector == "last":
        target = (ref.field, years[-1])
    elif ref.selector == "prev":
        if year is None or year not in years or year == years[0]:
            return None
        target = (ref.field, years[years.index(year) - 1])
    else:
        target = (ref.field, year)
    cell = cells.get(target)
    return None if cell is None else absolute(cell[0].name, cell[1], cell[2])


def _shape_ok(args: list[_Arg], shape: tuple[int | str, ...]) -> bool:
    if len(args) != len(shape):
        return False
    return all(isinstance(a, list) == (s == "*") for a, s in zip(args, shape, strict=True))


def _flat(args: list[_Arg]) -> list[str]:
    flat: list[str] = []
    for arg in args:
        flat.extend(arg if isinstance(arg, list) else [arg])
    return flat


def place_checks(spec: FormSpec, slots: dict[str, CheckSlot], cells: Addresses) -> None:
    """Add the check formulas and their highlighting to the sheets holding the results."""
    used: set[str] = set()
    for rule in spec.rules:
        if isinstance(rule, CompareRule):
            _compare(rule, spec.data_years, cells)
            continue
        result = FieldRef.parse(rule.result)
        slot = slots.get(result.field)
        if rule.formula not in TEMPLATES or slot is None or result.field in used:
            continue
        used.add(result.field)
        for year, (row, col) in slot.cells.items():
            _place(spec, rule, slot, (row, col, year), cells)


def _place(
    spec: FormSpec,
    rule: FormulaRule,
    slot: CheckSlot,
    where: tuple[int, int, int | None],
    cells: Addresses,
) -> None:
    """One check cell (for one year) and the highlighting of it and its reported cell."""
    row, col, year = where
    function, shape = TEMPLATES[rule.formula]
    reported = cells.get((FieldRef.parse(rule.result).field, year))
    args = [_resolve(FieldRef.parse(a), year, spec.data_years, cells) for a in rule.args]
    present = [a for a in args if a is not None]
    if reported is None or len(present) != len(args) or not _shape_ok(present, shape):
        return
    flat = _flat(present)
    expression = function(*present)
    formula = f'=IF(COUNT({",".join(flat)})<{len(flat)},"",IFERROR(ROUND({expression},2),""))'
    check_cell = coordinate(row, col)
    reported_cell = coordinate(reported[1], reported[2])
    source = rule.source or rule.formula
    prompt = (
        f"按“{source}”由表内数据自动计算（保留2位小数）；与填报值相差超过{rule.tolerance}"
        f"或可算出却填报“{NONE_TEXT}”时标红。"
    )
    slot.sheet.cells.append(
        Check(
            row=row,
            col=col,
            formula=formula,
            target=reported_cell,
            tolerance=rule.tolerance,
            prompt=prompt[:255],
            colspan=slot.colspan,
        )
    )
    limit = rule.tolerance + _EPSILON
    mine, theirs = f"${_abs(reported_cell)}", f"${_abs(check_cell)}"
    differs = f"AND(ISNUMBER({mine}),ISNUMBER({theirs}),ABS({mine}-{theirs})>{limit})"
    # "无" where the figures on the form give the value (none_but_inputs_show_value)
    highlight = f'OR({differs},AND(TRIM({mine})="{NONE_TEXT}",ISNUMBER({theirs})))'

    slot.sheet.highlights.append(Highlight(cell=reported_cell, formula=highlight))
    slot.sheet.highlights.append(Highlight(cell=check_cell, formula=highlight))


def _abs(cell: str) -> str:
    """``B5`` → ``B$5`` (the caller adds the column's ``$``)."""
    letters = cell.rstrip("0123456789")
    return f"{letters}${cell[len(letters) :]}"


def _compare(rule: CompareRule, years: tuple[int, ...], cells: Addresses) -> None:
    """Highlight the left cell of a compare rule whenever the comparison fails."""
    try:
        left, right = FieldRef.parse(rule.left), FieldRef.parse(rule.right)
    except ValueError:
        return
    per_year = (left.field, None) not in cells and not left.selector
    for year in years if per_year else (None,):
        left_cell = cells.get((left.field, year)) if per_year else _single(left, years, cells)
        right_ref = _resolve(right, year, years, cells)
        if left_cell is None or right_ref is None or isinstance(right_ref, list):
            continue
        sheet, row, col = left_cell
        here = coordinate(row, col)
        mine = f"${_abs(here)}"
        formula = f"AND(ISNUMBER({mine}),ISNUMBER({right_ref}),{mine}{_FAILS[rule.op]}{right_ref})"
        sheet.highlights.append(Highlight(cell=here, formula=formula))


def _single(
    ref: FieldRef, years: tuple[int, ...], cells: Addresses
) -> tuple[SheetPlan, int, int] | None:
    if ref.selector == "first":
        return cells.get((ref.field, years[0]))
    if ref.selector == "last":
        return cells.get((ref.field, years[-1]))
    return cells.get((ref.field, None))
