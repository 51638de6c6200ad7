"""Domain correctness, worked by hand from the forms' own definitions (issue 15 §1, §2, §4, §5).

Every expected figure below is computed in the comments from the form's definition
(总产值 × 占比, 几何平均数, Word's 字数统计), not from the library.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import clusterforms as cf
from clusterforms.errors import FormulaError
from clusterforms.formulas import part_cagr, part_growth, round2
from clusterforms.validation.cells import count_words

NATIONAL = cf.load_spec("national-2023")
GUANGXI = cf.load_spec("guangxi-2025")
SHANGHAI = cf.load_spec("shanghai-2023")


def findings(spec: cf.FormSpec, values: dict[str, Any]) -> list[cf.Finding]:
    """The findings of a partial document, other than its empty required cells."""
    report = cf.validate(spec, {"spec": spec.id, "values": values})
    return [f for f in report.findings if f.code != "required"]


def codes(spec: cf.FormSpec, values: dict[str, Any]) -> list[tuple[str, str | None, int | None]]:
    return [(f.code, f.field, f.year) for f in findings(spec, values)]


def criterion(spec: cf.FormSpec, values: dict[str, Any], ident: str) -> cf.CriterionResult:
    results = cf.eligibility(spec, {"spec": spec.id, "values": values})
    return next(r for r in results if r.id == ident)


# ------------------------------------------------------------ §1 derived values

# Shanghai note 9: 年均增速取几何平均数.  总产值 100.00, 125.00, 125.00 and 主导产业占比
# 80.00, 80.00, 88.00 give 主导产业产值 80, 100, 110 (100 × 0.8, 125 × 0.8, 125 × 0.88).
# Two yearly intervals: (110 / 80) ^ (1/2) − 1 = 1.375 ^ 0.5 − 1 = 1.17260… − 1 → 17.26
# (1.1726² = 1.37499).  The arithmetic mean of the yearly growth (25 % and 10 %) is 17.50.
SHANGHAI_OUTPUT = {
    "industry.total_output": {"2020": "100.00", "2021": "125.00", "2022": "125.00"},
    "industry.leading_share": {"2020": "80.00", "2021": "80.00", "2022": "88.00"},
}


def test_shanghai_leading_cagr_is_the_geometric_mean_of_the_leading_output() -> None:
    assert codes(SHANGHAI, {**SHANGHAI_OUTPUT, "industry.leading_cagr": "17.26"}) == []
    found = findings(SHANGHAI, {**SHANGHAI_OUTPUT, "industry.leading_cagr": "17.50"})
    assert [(f.code, f.field) for f in found] == [("formula_mismatch", "industry.leading_cagr")]
    assert found[0].computed is not None
    assert round2(found[0].computed) == Decimal("17.26")
    assert "17.26" in found[0].message


# National: 总产值 100.00, 125.00, 125.00 and 占比 80.00, 84.00, 88.00 give 主导产业产值
# 80, 105, 110.  2021: 105 / 80 − 1 = 0.3125 → 31.25; 2022: 110 / 105 − 1 = 0.047619… → 4.76.
# The growth of 总产值 instead would be 25.00 and 0.00.  2020's rate needs 2019, which the
# form does not ask for: it is not checked.
NATIONAL_OUTPUT = {
    "industry.total_output": {"2020": "100.00", "2021": "125.00", "2022": "125.00"},
    "industry.leading_share": {"2020": "80.00", "2021": "84.00", "2022": "88.00"},
}


def test_yearly_leading_growth_agrees_with_output_times_share() -> None:
    right = {"2020": "12.00", "2021": "31.25", "2022": "4.76"}
    assert codes(NATIONAL, {**NATIONAL_OUTPUT, "industry.leading_growth": right}) == []


def test_growth_of_total_output_entered_instead_is_found_each_year() -> None:
    wrong = {"2020": "12.00", "2021": "25.00", "2022": "0.00"}
    found = findings(NATIONAL, {**NATIONAL_OUTPUT, "industry.leading_growth": wrong})
    assert [(f.code, f.field, f.year) for f in found] == [
        ("formula_mismatch", "industry.leading_growth", 2021),
        ("formula_mismatch", "industry.leading_growth", 2022),
    ]
    assert [round2(f.computed or 0) for f in found] == [Decimal("31.25"), Decimal("4.76")]


@pytest.mark.parametrize("spec_id", ["national-2023", "jiangsu-2024", "guangxi-2025"])
def test_every_form_with_yearly_growth_checks_it(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    first, second, third = (str(y) for y in spec.data_years)
    values = {
        "industry.total_output": {first: "100.00", second: "125.00", third: "125.00"},
        "industry.leading_share": {first: "80.00", second: "84.00", third: "88.00"},
        "industry.leading_growth": {first: "12.00", second: "25.00", third: "4.76"},
    }
    assert codes(spec, values) == [("formula_mismatch", "industry.leading_growth", int(second))]


# ------------------------------------------------------- §2 checks that cannot be made


def test_zero_employees_with_a_per_10k_figure_is_an_error_saying_so() -> None:
    # 312 / 0 × 10000 has no value: the 116.20 reported cannot be the form's figure.
    values = {
        "innovation.patents": 312,
        "innovation.sme_employees": 0,
        "innovation.patents_per_10k": "116.20",
    }
    (found,) = findings(NATIONAL, values)
    assert (found.code, found.severity, found.field) == (
        "formula_unchecked",
        "error",
        "innovation.patents_per_10k",
    )
    assert "集群内中小企业从业人员数量" in found.message
    assert "为 0" in found.message


def test_zero_first_energy_intensity_with_a_reduction_is_an_error_saying_so() -> None:
    # (0 − 0.18) / 0 × 100 has no value; 14.29 cannot be checked.
    values = {
        "green.energy_intensity": {"2022": "0", "2023": "0.20", "2024": "0.18"},
        "green.energy_reduction": "14.29",
    }
    (found,) = findings(GUANGXI, values)
    assert (found.code, found.severity, found.field) == (
        "formula_unchecked",
        "error",
        "green.energy_reduction",
    )
    assert "2022年为 0" in found.message


def test_growth_over_a_zero_year_is_an_error_and_the_next_year_is_still_checked() -> None:
    # FDI 0 → 9420: no growth rate exists for 2023, so 100.00 is not the form's figure.
    # 2024: (10380 − 9420) / 9420 × 100 = 960 / 9420 × 100 = 10.191… → 10.19.
    values = {
        "industry.fdi": {"2022": "0.00", "2023": "9420.00", "2024": "10380.00"},
        "industry.fdi_growth": {"2022": "6.85", "2023": "100.00", "2024": "10.19"},
    }
    assert [(f.code, f.year, f.severity) for f in findings(GUANGXI, values)] == [
        ("formula_unchecked", 2023, "error"),
    ]


def test_a_missing_base_is_a_warning_naming_the_blank_year() -> None:
    # 2023's FDI is blank: neither 2023's rate (its current year) nor 2024's (its base)
    # can be checked; 2022's has no previous year on the form and is not checked at all.
    values = {
        "industry.fdi": {"2022": "8650.00", "2024": "10380.00"},
        "industry.fdi_growth": {"2022": "6.85", "2023": "8.90", "2024": "10.19"},
    }
    found = findings(GUANGXI, values)
    assert [(f.code, f.year, f.severity) for f in found] == [
        ("formula_unchecked", 2023, "warning"),
        ("formula_unchecked", 2024, "warning"),
    ]
    assert all("集群外商直接投资额（万元）」2023年没有可用的数值" in f.message for f in found)


def test_a_target_over_a_zero_baseline_says_it_cannot_be_judged() -> None:
    # 研发经费年均增速不低于10%: from a baseline of 0 no yearly growth exists.
    rows = {"plan.targets.rd_expense": {"baseline": "0", "target": "1.80"}}
    found = findings(NATIONAL, {"plan.targets": {"rows": rows}})
    assert [(f.code, f.field, f.severity) for f in found] == [
        ("formula_unchecked", "plan.targets.rd_expense", "warning")
    ]
    assert "研发经费年均增速不低于10%" in found[0].message


# ------------------------------------------------------------------ §4 criteria


def test_shanghai_rd_growth_is_decided_by_the_geometric_mean() -> None:
    # (1.1627 × 1.2824 × 1.1333) ^ (1/3) − 1: 1.1627 × 1.2824 = 1.49104648,
    # × 1.1333 = 1.68980298; 1.1911³ = 1.68984 → 19.11 % > 5 %: pass.
    rates = {"2020": "16.27", "2021": "28.24", "2022": "13.33"}
    result = criterion(SHANGHAI, {"innovation.rd_growth": rates}, "innovation.rd_growth")
    assert result.status == "pass"
    assert "19.11" in result.details[0]
    assert result.value == Decimal("19.11")  # the figure the review charts


def test_shanghai_rd_growth_fails_on_the_geometric_not_the_arithmetic_mean() -> None:
    # −20, 20, 20: arithmetic mean 6.67 > 5, but (0.8 × 1.2 × 1.2) ^ (1/3) = 1.152 ^ (1/3)
    # = 1.0483 (1.0483³ = 1.15201) → 4.83 % ≤ 5 %: fail.
    rates = {"2020": "-20.00", "2021": "20.00", "2022": "20.00"}
    result = criterion(SHANGHAI, {"innovation.rd_growth": rates}, "innovation.rd_growth")
    assert result.status == "fail"
    assert "4.83" in result.details[0]


def test_shanghai_quality_with_no_national_firms_is_undecided_with_the_reason() -> None:
    # The form asks for 国家级 champions only; 市级 ones also count and are not on it.
    values = {
        "industry.little_giants": {"2020": 0, "2021": 0, "2022": 0},
        "industry.champions": {"2020": 0, "2021": 0, "2022": 0},
    }
    result = criterion(SHANGHAI, values, "quality_smes")
    assert result.status == "undecided"
    assert "市级" in result.details[0]
    values["industry.little_giants"]["2022"] = 1
    assert criterion(SHANGHAI, values, "quality_smes").status == "pass"


def _quality(specialized: int, innovative: int, high_tech: int) -> dict[str, Any]:
    return {
        "industry.little_giants": {"2020": 0, "2021": 0, "2022": 0},
        "industry.champions": {"2020": 0, "2021": 0, "2022": 0},
        "industry.specialized_smes": {"2020": 0, "2021": 0, "2022": specialized},
        "industry.innovative_smes": innovative,
        "industry.high_tech": {"2020": 0, "2021": 0, "2022": high_tech},
    }


@pytest.mark.parametrize(
    ("lists", "status"),
    [
        ((4, 3, 4), "undecided"),  # 4 + 3 + 4 = 11 ≥ 10, but one firm may be on all three
        ((10, 0, 0), "pass"),  # one list alone reaches 10
        ((3, 3, 3), "fail"),  # even with no firm on two lists: 9 < 10
    ],
)
def test_overlapping_sme_lists_decide_only_what_they_prove(
    lists: tuple[int, int, int], status: str
) -> None:
    result = criterion(NATIONAL, _quality(*lists), "quality_smes")
    assert result.status == status
    if status == "undecided":
        assert "重叠" in result.details[1] or "同时" in result.details[1]


def test_area_in_principle_decides_only_within_it() -> None:
    # 原则上不超过100平方公里: 80 passes, 120 is for the reviewers, not a fail.
    assert criterion(NATIONAL, {"basic.area": "80.00"}, "core.area").status == "pass"
    over = criterion(NATIONAL, {"basic.area": "120.00"}, "core.area")
    assert over.status == "undecided"
    assert "原则上" in over.details[0]


def test_every_undecided_criterion_says_why() -> None:
    for spec in (NATIONAL, GUANGXI, SHANGHAI):
        for result in cf.eligibility(spec, {"spec": spec.id, "values": {}}):
            assert result.source
            assert result.status == "undecided"
            assert all(result.details)


# ------------------------------------------------------------------ §5 tolerance

# Guangxi 研发经费 125.00 → 142.24: (142.24 − 125) / 125 × 100 = 17.24 / 125 × 100 = 13.792,
# rounded 13.79.  Accepted: within 0.01 of the rounded figure (13.78 … 13.80), although
# 13.78 is 0.012 from the unrounded 13.792; 13.77 and 13.81 are refused.


@pytest.mark.parametrize(
    ("reported", "ok"),
    [("13.78", True), ("13.79", True), ("13.80", True), ("13.77", False), ("13.81", False)],
)
def test_tolerance_is_one_unit_from_the_rounded_result(reported: str, ok: bool) -> None:
    values = {
        "innovation.rd_expense": {"2022": "125.00", "2023": "142.24"},
        "innovation.rd_growth": {"2023": reported},
    }
    assert (codes(GUANGXI, values) == []) is ok


# ------------------------------------------------------------ §5 字数 as Word counts


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # 2023 | 年集群产值达到 (7) | 58.07 | 亿元 (2) | ， | 同比增长 (4) | 12.25% | 。 = 18
        ("2023年集群产值达到58.07亿元，同比增长12.25%。", 18),
        # 5G | Wi-Fi | "-" alone counts nothing | A | “ 引 号 ” | … = 8
        ("5G Wi-Fi - A “引号”…", 8),
        ("  \n\t", 0),
        ("ＡＢＣ", 3),  # full-width letters count like CJK characters, one each
    ],
)
def test_words_are_counted_as_word_counts_them(text: str, words: int) -> None:
    assert count_words(text) == words


def test_the_limit_is_judged_on_word_count_and_names_the_section() -> None:
    # "增长12.25%，" is 增 长 | 12.25% | ， = 4 字 (10 characters): 500 of them are 2000 字,
    # exactly Shanghai's limit (5000 characters, which the old count refused).
    exactly = "增长12.25%，" * 500
    assert codes(SHANGHAI, {"plan.text": exactly}) == []
    (found,) = findings(SHANGHAI, {"plan.text": exactly + "元"})
    assert (found.code, found.field) == ("too_long", "plan.text")
    assert "2001" in found.message
    assert "八、未来三年中小企业特色产业集群发展规划" in found.message
    assert "（2000字以内）" not in found.message


def test_part_formulas_by_hand() -> None:
    # 主导产业产值 80 → 105: (105 − 80) / 80 × 100 = 31.25.
    assert part_growth("100", "80", "125", "84") == Decimal("31.25")
    # 80, 100, 110: (110 / 80) ^ (1/2) − 1 → 17.26.
    assert round2(part_cagr(["100", "125", "125"], ["80", "80", "88"])) == Decimal("17.26")
    with pytest.raises(FormulaError, match="zero"):
        part_growth("100", "0", "125", "84")
    with pytest.raises(FormulaError, match="as many shares"):
        part_cagr(["100", "125"], ["80"])


def test_unchecked_findings_read_in_english_too() -> None:
    values = {"innovation.patents": 312, "innovation.sme_employees": 0}
    values["innovation.patents_per_10k"] = "116.20"
    report = cf.validate(NATIONAL, {"spec": NATIONAL.id, "values": values}, lang="en")
    (found,) = [f for f in report if f.code == "formula_unchecked"]
    assert "cannot be checked" in found.message
    assert "is 0 and cannot be the base" in found.message
