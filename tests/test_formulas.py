"""The indicator formulas: worked examples, every way an input can be refused, and properties."""

from __future__ import annotations

import contextlib
import decimal
from collections.abc import Callable
from decimal import Decimal, localcontext
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterforms.errors import ClusterformsError
from clusterforms.formulas import (
    FORMULAS,
    FormulaError,
    agrees,
    annual_growth,
    cagr,
    cumulative_growth,
    growth_rate,
    intensity,
    mean_growth,
    per_10k,
    rd_intensity,
    reduction_rate,
    reuse_rate,
    round2,
    share,
    yi_to_wan,
)

TINY = Decimal("1e-20")

# Two-argument formulas whose second argument is the divisor.
BINARY: dict[str, Callable[..., Decimal]] = {
    "growth_rate": growth_rate,
    "cumulative_growth": cumulative_growth,
    "share": share,
    "rd_intensity": rd_intensity,
    "per_10k": per_10k,
    "reuse_rate": reuse_rate,
    "intensity": intensity,
}
# reduction_rate and growth_rate divide by their *first* argument.
DIVIDES_BY_FIRST = {"growth_rate", "cumulative_growth", "reduction_rate"}
ALL_BINARY = {**BINARY, "reduction_rate": reduction_rate}


def call_with_divisor(name: str, divisor: Any, other: Any = 5) -> Decimal:
    func = ALL_BINARY[name]
    return func(divisor, other) if name in DIVIDES_BY_FIRST else func(other, divisor)


# --------------------------------------------------------------------------- worked examples


def test_growth_rate_worked():
    assert growth_rate(100, 112) == Decimal(12)
    assert growth_rate("80", "60") == Decimal(-25)
    assert growth_rate(Decimal("12.50"), Decimal("15.00")) == Decimal(20)


def test_cagr_two_values_is_the_growth_rate():
    assert cagr([100, 121]) == Decimal(21)


def test_cagr_geometric_not_arithmetic():
    # 40 → 44 → 48.4 is +10% each year.
    assert round2(cagr([40, 44, "48.4"])) == Decimal("10.00")
    # Exact roots come out exact, not 9.999…
    assert cagr(["1", "1.1", "1.21", "1.331"]) == Decimal(10)
    # 100 → 150 → 120: yearly +50%, −20%; the arithmetic mean would be 15, the geometric ≈ 9.54.
    result = cagr([100, 150, 120])
    assert round2(result) == Decimal("9.54")
    assert result != Decimal(15)


def test_cagr_ignores_the_middle_values():
    assert cagr([100, 5, 121]) == cagr([100, 110, 121]) == Decimal(10)


def test_cagr_last_value_zero_is_minus_100():
    assert cagr([100, 0]) == Decimal(-100)


def test_cagr_accepts_any_iterable():
    assert cagr(v for v in (100, 110, 121)) == Decimal(10)
    assert cagr((100, 121)) == Decimal(21)


def test_mean_growth_worked():
    assert mean_growth([10, 10, 10]) == Decimal(10)
    assert round2(mean_growth([50, -20])) == Decimal("9.54")
    assert mean_growth(["21"]) == Decimal(21)
    assert mean_growth([-100, 50]) == Decimal(-100)


def test_cumulative_growth_worked():
    assert cumulative_growth(200, 260) == Decimal(30)


def test_share_worked():
    assert share(35, 50) == Decimal(70)
    assert abs(share("1", "3") - Decimal("33." + "3" * 40)) < Decimal("1e-40")


def test_rd_intensity_worked():
    # 研发费用 1.2 亿元 of 营业收入 40 亿元 is 3%.
    assert rd_intensity("1.2", 40) == Decimal(3)


def test_per_10k_worked():
    assert per_10k(150, 12000) == Decimal(125)


def test_reuse_rate_worked():
    # W重 = 9200 m³ reused of W = 10000 m³: η = 92%.
    assert reuse_rate(9200, 10000) == Decimal(92)


def test_reduction_rate_worked():
    assert reduction_rate("1.00", "0.82") == Decimal(18)
    assert reduction_rate(100, 110) == Decimal(-10)


def test_intensity_with_yi_conversion():
    # 12.5 亿元 of output is 125000 万元; 5000 吨标准煤 over it is 0.04 吨标准煤/万元.
    assert yi_to_wan("12.5") == Decimal(125000)
    assert intensity(5000, yi_to_wan("12.5")) == Decimal("0.04")
    assert intensity("4.2", 3) == Decimal("1.4")


def test_results_are_unrounded():
    assert share(1, 3) != round2(share(1, 3))
    assert len(share(1, 3).as_tuple().digits) > 20


def test_results_drop_trailing_zeros():
    assert str(share(35, 50)) == "70"
    assert str(growth_rate("12.50", "15.00")) == "20"
    assert str(share(1, 8)) == "12.5"
    assert str(share(0, -5)) == "0"  # not -0


def test_caller_context_does_not_matter():
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.traps[decimal.Inexact] = True
        ctx.rounding = decimal.ROUND_DOWN
        assert round2(share(2, 3)) == Decimal("66.67")
        assert cagr([40, 44, "48.4"]) == Decimal(10)
    assert decimal.getcontext().prec == 28


# --------------------------------------------------------------------------- round2 and agrees


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.345", "2.35"),
        ("2.344999", "2.34"),
        ("1.005", "1.01"),
        ("-2.345", "-2.35"),  # half-up is on the magnitude: ties go away from zero
        ("-1.005", "-1.01"),
        ("-0.001", "0.00"),  # never -0.00
        ("-0.005", "-0.01"),
        (7, "7.00"),
        ("12", "12.00"),
        (Decimal("0.125"), "0.13"),
        ("1E+3", "1000.00"),
        ("123456789012345678901234567890.005", "123456789012345678901234567890.01"),
    ],
)
def test_round2(value, expected):
    result = round2(value)
    assert result == Decimal(expected)
    assert str(result) == expected


def test_agrees_exact_and_one_unit_off():
    computed = growth_rate(3, 4)  # 33.333…
    assert agrees("33.33", computed)
    assert agrees("33.34", computed)  # one unit in the last place
    assert agrees("33.32", computed)
    assert not agrees("33.35", computed)
    assert not agrees("33.31", computed)
    assert agrees("33.3", computed, places=1)
    assert not agrees("33.5", computed, places=1)
    assert agrees(33, computed, places=0)


def test_agrees_half_even_reporting_is_accepted():
    # 2.345 half-up is 2.35; someone rounding half-even reports 2.34.
    assert agrees("2.34", "2.345")
    assert agrees("2.35", "2.345")


@pytest.mark.parametrize("places", [-1, 51, 10**7, True, "2", None, 2.0])
def test_agrees_bad_places(places):
    with pytest.raises(FormulaError, match="places"):
        agrees("1", "1", places)


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("name", sorted(ALL_BINARY))
def test_zero_divisor(name):
    with pytest.raises(FormulaError, match=rf"^{name}: .* is zero, so .* undefined"):
        call_with_divisor(name, 0)
    with pytest.raises(FormulaError, match="is zero"):
        call_with_divisor(name, "0.00")
    with pytest.raises(FormulaError, match="is zero"):
        call_with_divisor(name, Decimal("-0"))


@pytest.mark.parametrize("name", sorted(ALL_BINARY))
def test_missing_divisor(name):
    with pytest.raises(FormulaError, match=rf"^{name}: .*missing \(None\)"):
        call_with_divisor(name, None)


def test_growth_rate_zero_message():
    with pytest.raises(FormulaError) as info:
        growth_rate(0, 5)
    assert str(info.value) == (
        "growth_rate: the previous value (prev) is zero, so the growth rate is undefined"
    )


BAD_SCALARS = [
    (None, "missing"),
    (0.5, "floats are not accepted because they are inexact"),
    (float("nan"), "float"),
    (True, "bool"),
    (False, "bool"),
    ("abc", "not a number"),
    ("", "not a number"),
    ("12%", "not a number"),
    ("NaN", "not a finite number"),
    ("Infinity", "not a finite number"),
    (Decimal("sNaN"), "not a finite number"),
    (Decimal("-Infinity"), "not a finite number"),
    ([1], "must be a Decimal, int or str"),
    (b"1", "must be a Decimal, int or str"),
    (1j, "must be a Decimal, int or str"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_SCALARS)
@pytest.mark.parametrize("name", sorted(ALL_BINARY))
@pytest.mark.parametrize("position", [0, 1])
def test_bad_scalar_inputs(name, position, bad, message):
    args: list[Any] = [7, 5]
    args[position] = bad
    with pytest.raises(FormulaError, match=message) as info:
        ALL_BINARY[name](*args)
    assert str(info.value).startswith(f"{name}: ")


@pytest.mark.parametrize(("bad", "message"), BAD_SCALARS)
@pytest.mark.parametrize(
    "func", [round2, yi_to_wan, lambda x: agrees(x, 1), lambda x: agrees(1, x)]
)
def test_bad_scalar_inputs_helpers(func, bad, message):
    with pytest.raises(FormulaError, match=message):
        func(bad)


@pytest.mark.parametrize(("bad", "message"), BAD_SCALARS)
@pytest.mark.parametrize("position", [0, 1, 2])
def test_bad_values_in_series(position, bad, message):
    values: list[Any] = [100, 110, 121]
    values[position] = bad
    with pytest.raises(FormulaError, match=rf"values\[{position}\].*{message}"):
        cagr(values)
    with pytest.raises(FormulaError, match=rf"rates\[{position}\].*{message}"):
        mean_growth(values)


@pytest.mark.parametrize("values", [[], [100], ["100"]])
def test_cagr_too_few_values(values):
    with pytest.raises(FormulaError, match="at least 2"):
        cagr(values)


def test_mean_growth_too_few_rates():
    with pytest.raises(FormulaError, match="at least 1"):
        mean_growth([])


@pytest.mark.parametrize("values", ["100", 100, Decimal(100), None, 1.5, b"12"])
def test_series_must_be_a_sequence(values):
    with pytest.raises(FormulaError, match="sequence of numbers"):
        cagr(values)
    with pytest.raises(FormulaError, match="sequence of numbers"):
        mean_growth(values)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([-100, 121], r"values\[0\] is negative"),
        ([100, -5, 121], r"values\[1\] is negative"),
        ([0, 121], r"values\[0\] is zero"),
        ([100, 0, 121], r"values\[1\] is zero"),
        ([100, -121], "last value is negative"),
        ([-100, -121], r"values\[0\] is negative"),
    ],
)
def test_cagr_needs_positive_values(values, message):
    with pytest.raises(FormulaError, match=message):
        cagr(values)


def test_mean_growth_below_minus_100():
    with pytest.raises(FormulaError, match="below −100"):
        mean_growth([10, "-100.01"])


@pytest.mark.parametrize(
    "call",
    [
        lambda: growth_rate("1e-999999", "1e999999"),
        lambda: share("9e999999", "1e-999999"),
        lambda: yi_to_wan("9.9e999999"),
        lambda: cagr(["1e-999999", "1e999999"]),
    ],
)
def test_extreme_inputs_are_formula_errors(call):
    with pytest.raises(FormulaError):
        call()


def test_formula_error_is_catchable_both_ways():
    assert issubclass(FormulaError, ClusterformsError)
    assert issubclass(FormulaError, ValueError)
    assert not issubclass(FormulaError, (ZeroDivisionError, TypeError, ArithmeticError))


# Anything at all, to show that only FormulaError (or success) ever comes out.
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.decimals(),
    st.sampled_from(["0", "-0", "1e999999", "-1e-999999", "NaN", "sNaN", "1_000", " 3 "]),
    st.lists(st.integers(), max_size=2),
)


@given(name=st.sampled_from(sorted(ALL_BINARY)), a=anything, b=anything)
def test_only_formula_error_escapes(name, a, b):
    try:
        result = ALL_BINARY[name](a, b)
    except FormulaError:
        return
    assert isinstance(result, Decimal)
    assert result.is_finite()


@given(values=st.one_of(anything, st.lists(anything, max_size=4)))
def test_only_formula_error_escapes_series(values):
    for func in (cagr, mean_growth):
        try:
            result = func(values)
        except FormulaError:
            continue
        assert isinstance(result, Decimal)


@given(a=anything, b=anything, places=st.one_of(st.integers(-2, 6), anything))
def test_only_formula_error_escapes_helpers(a, b, places):
    for call in (lambda: round2(a), lambda: yi_to_wan(a), lambda: agrees(a, b, places)):
        with contextlib.suppress(FormulaError):
            call()


# --------------------------------------------------------------------------- registry


def test_registry():
    assert set(FORMULAS) == {
        "annual_growth",
        "growth_rate",
        "cagr",
        "mean_growth",
        "cumulative_growth",
        "share",
        "part_growth",
        "part_cagr",
        "rd_intensity",
        "per_10k",
        "reuse_rate",
        "reduction_rate",
        "intensity",
    }
    assert FORMULAS["share"] is share
    assert FORMULAS["cagr"]([100, 121]) == Decimal(21)
    for excluded in ("round2", "agrees", "yi_to_wan"):
        assert excluded not in FORMULAS
    with pytest.raises(TypeError):
        FORMULAS["eval"] = eval  # type: ignore[index]


# --------------------------------------------------------------------------- properties

positive = st.decimals(
    min_value=Decimal("0.01"),
    max_value=Decimal(10) ** 9,
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
nonzero = st.decimals(
    min_value=Decimal(-(10**9)),
    max_value=Decimal(10) ** 9,
    places=4,
    allow_nan=False,
    allow_infinity=False,
).filter(lambda d: not d.is_zero())
anydec = st.decimals(
    min_value=Decimal(-(10**12)),
    max_value=Decimal(10) ** 12,
    places=6,
    allow_nan=False,
    allow_infinity=False,
)


@given(value=positive, n=st.integers(min_value=2, max_value=8))
def test_cagr_of_constant_series_is_zero(value, n):
    assert cagr([value] * n) == 0


@given(values=st.lists(positive, min_size=2, max_size=8))
def test_year_by_year_growth_composes_to_cagr(values):
    yearly = [growth_rate(a, b) for a, b in pairwise(values)]
    assert abs(mean_growth(yearly) - cagr(values)) <= TINY


@given(values=st.lists(positive, min_size=2, max_size=8))
def test_cagr_compounds_back_to_the_last_value(values):
    rate = cagr(values)
    with localcontext() as ctx:
        ctx.prec = 60
        rebuilt = values[0] * (1 + rate / 100) ** (len(values) - 1)
    assert abs(rebuilt - values[-1]) <= values[-1] * TINY


@given(x=nonzero)
def test_share_of_itself_is_100(x):
    assert share(x, x) == 100


@given(a=nonzero, b=anydec)
def test_cumulative_growth_is_growth_rate(a, b):
    assert cumulative_growth(a, b) == growth_rate(a, b)


@given(b=nonzero, c=anydec)
def test_reduction_rate_is_negated_growth_rate(b, c):
    # copy_negate: unary minus would round to the caller's 28-digit context.
    assert reduction_rate(b, c) == growth_rate(b, c).copy_negate()


@given(x=anydec)
def test_round2_shape_and_error(x):
    rounded = round2(x)
    assert rounded.as_tuple().exponent == -2
    assert abs(rounded - x) <= Decimal("0.005")
    assert round2(rounded) == rounded
    assert round2(-x) == -rounded


@given(x=anydec)
def test_agrees_with_own_rounding(x):
    assert agrees(round2(x), x)
    assert agrees(round2(x) + Decimal("0.01"), x)
    assert not agrees(round2(x) + Decimal("0.02"), x)


@given(a=st.integers(min_value=-(10**9), max_value=10**9), b=st.integers(1, 10**9))
def test_int_str_and_decimal_are_equal_inputs(a, b):
    for name, func in ALL_BINARY.items():
        args = (b, a) if name in DIVIDES_BY_FIRST else (a, b)
        expected = func(*args)
        assert func(*map(str, args)) == expected
        assert func(*map(Decimal, args)) == expected
        assert func(args[0], str(args[1])) == expected
    series = [b, b + abs(a)]
    assert cagr(series) == cagr(list(map(str, series))) == cagr(list(map(Decimal, series)))
    assert mean_growth([a % 100]) == mean_growth([str(a % 100)]) == mean_growth([Decimal(a % 100)])
    assert round2(a) == round2(str(a)) == round2(Decimal(a))
    assert yi_to_wan(a) == yi_to_wan(str(a)) == yi_to_wan(Decimal(a))


@pytest.mark.parametrize("value", ["1e999999", "-1e5000", "1e999999999999999999"])
def test_round2_refuses_absurdly_large_values(value):
    with pytest.raises(FormulaError, match="too large"):
        round2(value)
    with pytest.raises(FormulaError, match="too large"):
        agrees(value, 1)


def test_annual_growth_worked() -> None:
    """研发经费 from 2.00 to 2.662 over three years grows 10% a year."""
    assert round2(annual_growth("2.00", "2.662", 3)) == Decimal("10.00")


@given(st.decimals(min_value="0.01", max_value="1e6", places=2), st.integers(1, 5))
def test_annual_growth_of_a_flat_series_is_zero(value: Decimal, years: int) -> None:
    assert annual_growth(value, value, years) == 0


@pytest.mark.parametrize("years", [0, -1, True])
def test_annual_growth_needs_whole_years(years: int) -> None:
    with pytest.raises(FormulaError, match="years must be"):
        annual_growth(1, 2, years)
