"""The indicator formulas of the application forms, as pure functions on :class:`~decimal.Decimal`.

Every function accepts a :data:`Number` (``Decimal``, ``int`` or a numeric ``str``) and returns an
*unrounded* ``Decimal``; only :func:`round2` rounds. Floats and bools are refused, and every bad
input (missing, non-numeric, "无", zero denominator, impossible sign, too few values) raises
:class:`FormulaError` — never ``ZeroDivisionError``, ``InvalidOperation`` or ``TypeError``.

Formulas and where the forms define them:

``growth_rate(prev, curr)``
    (curr / prev − 1) × 100 — 增速, e.g. 集群主导产业产值增速.
``cagr(values)``
    ((last / first) ^ (1 / (n − 1)) − 1) × 100 — 年均增速 over n − 1 yearly intervals. Shanghai
    notes item 9: "年均增速取几何平均数，非算数平均数".
``mean_growth(rates)``
    ((∏ (1 + rᵢ / 100)) ^ (1 / n) − 1) × 100 — the same geometric mean, from yearly rates in %.
``cumulative_growth(first, last)``
    (last / first − 1) × 100 — 近三年…累计增长率 (national and Jiangsu forms).
``share(part, whole)``
    part / whole × 100 — 占…比例.
``part_growth(prev_whole, prev_share, whole, share)``
    growth_rate of whole × share / 100 — 集群主导产业产值增速 from 集群总产值 and 主导产业占比.
``part_cagr(wholes, shares)``
    cagr of wholes × shares / 100 — Shanghai's 近三年主导产业产值年均增速 (note 9) from the
    yearly 总产值 and 主导产业占比.
``rd_intensity(rd_expense, revenue)``
    rd_expense / revenue × 100 — 研发投入强度, Shanghai note 16:
    "研发投入强度是指研发费用总额/营业收入总额*100%".
``per_10k(count, people)``
    count / people × 10000 — 每万人有效发明专利拥有量, Shanghai note 21.
``reuse_rate(reused, total)``
    reused / total × 100 — 工业用水重复利用率, Shanghai note 26: "η=W重/W×100%".
``reduction_rate(base, current)``
    (base − current) / base × 100 — 降低率, e.g. 单位工业产值能耗降低率.
``intensity(quantity, output_wan_yuan)``
    quantity / output — per 万元 of output, e.g. 吨标准煤/万元 or 吨二氧化碳/万元. Output reported
    in 亿元 must first be converted with :func:`yi_to_wan` (1 亿元 = 10000 万元).

Helpers: :func:`yi_to_wan`, :func:`round2` (half-up to 0.01, "数据有小数时，保留小数点后2位") and
:func:`agrees` (does a reported figure match a computed one). :data:`FORMULAS` maps each formula's
name to its function so a spec can name a formula as data.

Arithmetic runs in a private decimal context of :data:`PRECISION` significant digits (roots get
extra guard digits), independent of the caller's context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from types import MappingProxyType
from typing import NoReturn, TypeAlias

from clusterforms.application.numbers import is_none_text, tidy
from clusterforms.application.values import NoneAnswer
from clusterforms.errors import FormulaError

__all__ = [
    "FORMULAS",
    "PRECISION",
    "FormulaError",
    "Number",
    "agrees",
    "annual_growth",
    "cagr",
    "cumulative_growth",
    "growth_rate",
    "intensity",
    "mean_growth",
    "part_cagr",
    "part_growth",
    "per_10k",
    "rd_intensity",
    "reduction_rate",
    "reuse_rate",
    "round2",
    "share",
    "yi_to_wan",
]

#: What every function accepts: a ``str`` is parsed as a ``Decimal`` (Python's syntax: this is an
#: API for programs; application values reach the formulas already read, as Decimals, by
#: :func:`clusterforms.read_application`). ``float`` and ``bool`` are refused — floats are
#: inexact, and a bool is not a quantity.
Number: TypeAlias = Decimal | int | str

#: Significant digits of every result.
PRECISION = 50
#: Extra digits carried while taking roots, so exact roots (1.331 ^ (1/3) = 1.1) come out exact.
_GUARD = 12

_CONTEXT = Context(
    prec=PRECISION,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
_HUNDRED = Decimal(100)
_TEN_THOUSAND = Decimal(10000)
#: :func:`round2` and :func:`agrees` refuse values that would need more digits than this.
_MAX_ROUNDED_DIGITS = 1000


# --------------------------------------------------------------------------- inputs


def _fail(func: str, message: str) -> NoReturn:
    msg = f"{func}: {message}"
    raise FormulaError(msg)


def _number(func: str, name: str, value: object) -> Decimal:
    """``value`` as a finite Decimal, or a FormulaError naming ``func`` and ``name``."""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, bool):
        _fail(func, f"{name} is a bool ({value!r}); pass a number, not True or False")
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, NoneAnswer) or (isinstance(value, str) and is_none_text(value)):
        _fail(
            func, f"{name} is 无 (the form's 'none'), not a figure: nothing can be computed from it"
        )
    elif isinstance(value, str):
        try:
            number = Decimal(value)
        except (InvalidOperation, ValueError):
            _fail(func, f"{name} is not a number: {value!r}")
    elif isinstance(value, float):
        _fail(
            func,
            f"{name} is a float ({value!r}); floats are not accepted because they are inexact "
            f"({value!r} is stored as {Decimal(value)}) — pass a str such as '{value!r}' or a "
            "Decimal",
        )
    elif value is None:
        _fail(func, f"{name} is missing (None); a number is required")
    else:
        _fail(func, f"{name} must be a Decimal, int or str, not {type(value).__name__}")
    if not number.is_finite():
        _fail(func, f"{name} is not a finite number: {value!r}")
    return number


def _denominator(func: str, name: str, value: object, what: str, result: str) -> Decimal:
    """A number that is divided by: missing or zero is reported in the form's own terms."""
    if value is None:
        _fail(func, f"{what} ({name}) is missing (None), so {result} cannot be computed")
    number = _number(func, name, value)
    if number.is_zero():
        _fail(func, f"{what} ({name}) is zero, so {result} is undefined")
    return number


def _numbers(func: str, name: str, values: object) -> list[Decimal]:
    """An iterable of numbers as a list of Decimals (a lone str or number is refused)."""
    if isinstance(values, str | bytes | Decimal | int | float) or not isinstance(values, Iterable):
        _fail(func, f"{name} must be a sequence of numbers, not {type(values).__name__}")
    return [_number(func, f"{name}[{i}]", v) for i, v in enumerate(values)]


# --------------------------------------------------------------------------- arithmetic


def _root(value: Decimal, n: int) -> Decimal:
    """The positive ``n``-th root of ``value`` ≥ 0, rounded to :data:`PRECISION` digits.

    Computed as exp(ln(value) / n) with guard digits, then rounded, so roots with a short exact
    value come out exact.
    """
    if n == 1 or value.is_zero():
        return value
    with localcontext(_CONTEXT) as ctx:
        ctx.prec = PRECISION + _GUARD
        root = (value.ln() / n).exp()
        ctx.prec = PRECISION
        return +root


def _compute(func: str, formula: Callable[[], Decimal]) -> Decimal:
    """Run ``formula`` in the private context; arithmetic failures become FormulaError."""
    try:
        with localcontext(_CONTEXT):
            return tidy(formula())
    except DecimalException as exc:  # overflow and the like, on extreme inputs
        _fail(func, f"the result cannot be represented ({type(exc).__name__}); check the inputs")


def _change_pct(func: str, start: Decimal, end: Decimal) -> Decimal:
    """(end / start − 1) × 100, computed as (end − start) / start × 100.

    The difference form avoids cancellation, and with half-even rounding (symmetric about zero)
    it makes :func:`reduction_rate` exactly the negation of :func:`growth_rate`.
    """
    return _compute(func, lambda: (end - start) / start * _HUNDRED)


def _percent(func: str, part: Decimal, whole: Decimal) -> Decimal:
    return _compute(func, lambda: part / whole * _HUNDRED)


# --------------------------------------------------------------------------- formulas


def growth_rate(prev: Number, curr: Number) -> Decimal:
    """Year-on-year growth in %: (curr / prev − 1) × 100.

    增速, e.g. 集群主导产业产值增速. A negative ``prev`` is computed literally (the sign of the
    result is then not meaningful); zero or missing ``prev`` raises :class:`FormulaError`.
    """
    p = _denominator("growth_rate", "prev", prev, "the previous value", "the growth rate")
    c = _number("growth_rate", "curr", curr)
    return _change_pct("growth_rate", p, c)


def cagr(values: Iterable[Number]) -> Decimal:
    """Average yearly growth in %: ((last / first) ^ (1 / (n − 1)) − 1) × 100.

    年均增速 over the ``n − 1`` intervals between ``n`` yearly values, oldest first. It is the
    geometric mean of the yearly growth, not the arithmetic mean (Shanghai notes item 9:
    "年均增速取几何平均数，非算数平均数"), and equals :func:`mean_growth` of the yearly
    :func:`growth_rate` results. Needs at least two values; every value but the last must be
    positive (each is the base of a yearly ratio) and the last must not be negative (0 gives −100).
    """
    func = "cagr"
    numbers = _numbers(func, "values", values)
    if len(numbers) < 2:
        _fail(func, f"needs at least 2 yearly values (one interval), got {len(numbers)}")
    for i, v in enumerate(numbers[:-1]):
        if v <= 0:
            kind = "zero" if v.is_zero() else "negative"
            _fail(
                func,
                f"values[{i}] is {kind} ({v}); a geometric mean needs positive values before the "
                "last",
            )
    if numbers[-1] < 0:
        _fail(
            func,
            f"the last value is negative ({numbers[-1]}); a geometric mean needs values ≥ 0",
        )
    first, last, intervals = numbers[0], numbers[-1], len(numbers) - 1
    return _compute(func, lambda: (_root(last / first, intervals) - 1) * _HUNDRED)


def annual_growth(first: Number, last: Number, years: int) -> Decimal:
    """Average yearly growth in % from ``first`` to ``last`` over ``years`` years.

    ((last / first) ^ (1 / years) − 1) × 100: the 年均增速 a plan target implies, where only
    the 基准值 and the 目标值 are known (备注: 研发经费年均增速不低于10%, 有效发明专利数年均增长
    不低于15%). The same as :func:`cagr` of a series whose inner values are unknown.
    """
    func = "annual_growth"
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        _fail(func, f"years must be a whole number ≥ 1, got {years!r}")
    start = _denominator(func, "first", first, "the first value", "the growth")
    end = _number(func, "last", last)
    if start < 0 or end < 0:
        _fail(func, f"values must not be negative (first {start}, last {end})")
    return _compute(func, lambda: (_root(end / start, years) - 1) * _HUNDRED)


def mean_growth(rates: Iterable[Number]) -> Decimal:
    """Geometric mean of yearly growth rates in %: ((∏ (1 + rᵢ / 100)) ^ (1 / n) − 1) × 100.

    The 年均增速 of Shanghai notes item 9 when the form gives yearly 增速 rather than values.
    Needs at least one rate; a rate below −100 (a fall of more than everything) raises
    :class:`FormulaError`, and a rate of exactly −100 makes the mean −100.
    """
    func = "mean_growth"
    numbers = _numbers(func, "rates", rates)
    if not numbers:
        _fail(func, "needs at least 1 yearly growth rate, got 0")
    for i, r in enumerate(numbers):
        if r < -_HUNDRED:
            _fail(
                func,
                f"rates[{i}] is {r}, below −100; a geometric mean needs 1 + rate/100 ≥ 0",
            )

    def formula() -> Decimal:
        with localcontext() as ctx:
            ctx.prec = PRECISION + _GUARD
            product = Decimal(1)
            for r in numbers:
                product *= 1 + r / _HUNDRED
        return (_root(product, len(numbers)) - 1) * _HUNDRED

    return _compute(func, formula)


def cumulative_growth(first: Number, last: Number) -> Decimal:
    """Cumulative growth over the period in %: (last / first − 1) × 100.

    近三年…累计增长率, e.g. 近三年集群外商直接投资额累计增长率 (national and Jiangsu forms).
    """
    f = _denominator(
        "cumulative_growth", "first", first, "the first value", "the cumulative growth"
    )
    la = _number("cumulative_growth", "last", last)
    return _change_pct("cumulative_growth", f, la)


def share(part: Number, whole: Number) -> Decimal:
    """A proportion in %: part / whole × 100 — 占…比例."""
    w = _denominator("share", "whole", whole, "the whole", "the share")
    p = _number("share", "part", part)
    return _percent("share", p, w)


def _part(func: str, name: str, whole: object, share_pct: object) -> Decimal:
    """The part a share of a whole is: whole × share / 100 (主导产业产值 = 总产值 × 占比)."""
    w = _number(func, f"{name} whole", whole)
    s = _number(func, f"{name} share", share_pct)
    return _compute(func, lambda: w * s / _HUNDRED)


def part_growth(prev_whole: Number, prev_share: Number, whole: Number, share: Number) -> Decimal:
    """Growth in % of the part ``share``% of ``whole``: growth_rate(prev part, part).

    集群主导产业产值增速 where the form gives 集群总产值 and 主导产业产值占比 for the year and the
    year before: 主导产业产值 = 总产值 × 占比 / 100. A zero previous part raises
    :class:`FormulaError`.
    """
    func = "part_growth"
    prev = _part(func, "previous", prev_whole, prev_share)
    curr = _part(func, "current", whole, share)
    if prev.is_zero():
        _fail(func, "the previous part (whole × share) is zero, so the growth rate is undefined")
    return _change_pct(func, prev, curr)


def part_cagr(wholes: Iterable[Number], shares: Iterable[Number]) -> Decimal:
    """Average yearly growth in % of the part ``shares``% of ``wholes``: cagr of the parts.

    Shanghai note 9: 近三年主导产业产值年均增速 is a geometric mean, and the form gives 集群总产值
    and 主导产业产值占比 for every year, so the 主导产业产值 series is whole × share / 100.
    """
    func = "part_cagr"
    w = _numbers(func, "wholes", wholes)
    s = _numbers(func, "shares", shares)
    if len(w) != len(s):
        _fail(func, f"needs as many shares as wholes, got {len(s)} and {len(w)}")
    return cagr([_part(func, f"year {i}", a, b) for i, (a, b) in enumerate(zip(w, s, strict=True))])


def rd_intensity(rd_expense: Number, revenue: Number) -> Decimal:
    """R&D intensity in %: rd_expense / revenue × 100.

    研发投入强度, Shanghai note 16: "研发投入强度是指研发费用总额/营业收入总额*100%".
    """
    r = _denominator(
        "rd_intensity", "revenue", revenue, "the revenue (营业收入总额)", "the R&D intensity"
    )
    e = _number("rd_intensity", "rd_expense", rd_expense)
    return _percent("rd_intensity", e, r)


def per_10k(count: Number, people: Number) -> Decimal:
    """A count per 10 000 people: count / people × 10000.

    每万人有效发明专利拥有量, Shanghai note 21 (effective invention patents per 10 000 employees).
    """
    p = _denominator(
        "per_10k", "people", people, "the number of people (从业人员数)", "the per-10 000 figure"
    )
    c = _number("per_10k", "count", count)
    return _compute("per_10k", lambda: c / p * _TEN_THOUSAND)


def reuse_rate(reused: Number, total: Number) -> Decimal:
    """Reuse rate in %: reused / total × 100.

    工业用水重复利用率, Shanghai note 26: "η=W重/W×100%" (W重 reused water, W total water use).
    """
    t = _denominator("reuse_rate", "total", total, "the total water use (W)", "the reuse rate")
    r = _number("reuse_rate", "reused", reused)
    return _percent("reuse_rate", r, t)


def reduction_rate(base: Number, current: Number) -> Decimal:
    """Reduction in %: (base − current) / base × 100 — 降低率, e.g. 单位工业产值能耗降低率.

    Equals ``-growth_rate(base, current)``; a rise gives a negative reduction.
    """
    b = _denominator("reduction_rate", "base", base, "the base value", "the reduction rate")
    c = _number("reduction_rate", "current", current)
    return _compute("reduction_rate", lambda: (b - c) / b * _HUNDRED)


def intensity(quantity: Number, output_wan_yuan: Number) -> Decimal:
    """Quantity per 万元 of output: quantity / output_wan_yuan.

    单位产值能耗 (吨标准煤/万元), 单位产值二氧化碳排放量 (吨二氧化碳/万元). The output must be
    in 万元; forms report 产值 in 亿元, so convert first: ``intensity(q, yi_to_wan(output_yi))``
    (1 亿元 = 10000 万元).
    """
    o = _denominator(
        "intensity", "output_wan_yuan", output_wan_yuan, "the output value", "the intensity"
    )
    q = _number("intensity", "quantity", quantity)
    return _compute("intensity", lambda: q / o)


def yi_to_wan(x: Number) -> Decimal:
    """An amount in 亿元 as 万元: x × 10000 (1 亿元 = 10000 万元)."""
    v = _number("yi_to_wan", "x", x)
    return _compute("yi_to_wan", lambda: v * _TEN_THOUSAND)


# --------------------------------------------------------------------------- rounding


def _round_half_up(func: str, value: Decimal, places: int) -> Decimal:
    digits = value.adjusted() + places + 2  # integer part, ``places`` decimals, a carry
    if digits > _MAX_ROUNDED_DIGITS:
        _fail(func, f"{value} is too large to write with {places} decimal places")
    try:
        with localcontext(_CONTEXT) as ctx:
            ctx.prec = max(PRECISION, digits)
            rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except DecimalException as exc:
        _fail(func, f"cannot round {value} to {places} places ({type(exc).__name__})")
    if rounded.is_zero():
        rounded = abs(rounded)  # -0.001 rounds to 0.00, not -0.00
    return rounded


def round2(x: Number) -> Decimal:
    """``x`` rounded half-up to 0.01 — "数据有小数时，保留小数点后2位".

    Half-up is 四舍五入 on the magnitude: ties round away from zero, so ``2.345`` → ``2.35`` and
    ``-2.345`` → ``-2.35``. A result of zero is always ``0.00``, never ``-0.00``. The result
    always has exactly two decimal places (exponent −2).
    """
    return _round_half_up("round2", _number("round2", "x", x), 2)


def agrees(reported: Number, computed: Number, places: int = 2) -> bool:
    """Whether a reported figure matches a computed one, allowing one unit in the last place.

    True exactly when ``|reported − round_half_up(computed, places)| ≤ 10 ** −places``; with the
    default ``places=2`` that is: within 0.01 of ``round2(computed)``. The one-unit slack accepts
    a figure rounded by another rule (half-even, truncation) or via a rounded intermediate (a
    ratio rounded before × 100, yearly rates rounded before averaging); anything further off is a
    real discrepancy. ``computed`` is normally a formula's unrounded result.
    """
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= PRECISION:
        _fail("agrees", f"places must be a whole number from 0 to {PRECISION}, got {places!r}")
    r = _number("agrees", "reported", reported)
    c = _number("agrees", "computed", computed)
    expected = _round_half_up("agrees", c, places)
    digits = max(r.adjusted(), expected.adjusted()) + places + 2
    if digits > _MAX_ROUNDED_DIGITS:
        _fail("agrees", f"{r} or {expected} is too large to compare to {places} places")
    try:
        with localcontext(_CONTEXT) as ctx:
            ctx.prec = max(PRECISION, digits)
            return abs(r - expected) <= Decimal(1).scaleb(-places)
    except DecimalException as exc:
        _fail("agrees", f"cannot compare {r} with {expected} ({type(exc).__name__})")


# --------------------------------------------------------------------------- registry

#: Each formula by name, so a spec can say ``formula = "cagr"`` and be evaluated without ``eval``.
FORMULAS: Mapping[str, Callable[..., Decimal]] = MappingProxyType(
    {
        "growth_rate": growth_rate,
        "cagr": cagr,
        "annual_growth": annual_growth,
        "mean_growth": mean_growth,
        "cumulative_growth": cumulative_growth,
        "share": share,
        "part_growth": part_growth,
        "part_cagr": part_cagr,
        "rd_intensity": rd_intensity,
        "per_10k": per_10k,
        "reuse_rate": reuse_rate,
        "reduction_rate": reduction_rate,
        "intensity": intensity,
    }
)
