"""eligibility(): each recognition criterion the data can decide, with threshold and source."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import clusterforms as cf

NATIONAL = cf.load_spec("national-2023")


def results(values: dict[str, Any]) -> dict[str, cf.CriterionResult]:
    found = cf.eligibility(NATIONAL, {"spec": NATIONAL.id, "values": values})
    return {r.id: r for r in found}


def test_empty_application_decides_nothing() -> None:
    assert {r.status for r in results({}).values()} == {"undecided"}


def test_output_threshold_each_year() -> None:
    low = results({"industry.total_output": {"2020": "39.99", "2021": "45", "2022": "50"}})
    assert low["core.output"].status == "fail"
    assert "2020年 39.99" in low["core.output"].details[0]
    high = results({"industry.total_output": {"2020": "40", "2021": "45", "2022": "50"}})
    assert high["core.output"].status == "pass"


def test_a_numeric_criterion_gives_the_figure_it_turns_on() -> None:
    output = {"industry.total_output": {"2020": "39.99", "2021": "45", "2022": "50"}}
    found = results({**output, "basic.area": "120.5", "industry.leading_cagr": "12.05"})
    assert found["core.output"].value == Decimal("39.99")  # each year must: the worst year
    assert found["core.area"].value == Decimal("120.5")  # one figure of no year
    assert found["core.growth"].value == Decimal("12.05")
    assert found["quality_smes"].value is None  # several conditions: no one figure
    gap = results({"industry.total_output": {"2020": "41", "2022": "50"}})
    assert gap["core.output"].value is None  # a year missing decides nothing


def test_quality_smes_either_path_passes() -> None:
    one_giant = {
        "industry.little_giants": {"2020": 0, "2021": 0, "2022": 1},
        "industry.champions": {"2020": 0, "2021": 0, "2022": 0},
    }
    assert results(one_giant)["quality_smes"].status == "pass"
    none = {
        **{k: {"2020": 0, "2021": 0, "2022": 0} for k in one_giant},
        "industry.specialized_smes": {"2020": 3, "2021": 3, "2022": 4},
        "industry.high_tech": {"2020": 3, "2021": 3, "2022": 4},
        "industry.innovative_smes": 1,
    }
    assert results(none)["quality_smes"].status == "fail"


def test_yes_no_questions() -> None:
    found = results({"basic.major_accident": "yes", "basic.tax_violation": "no"})
    assert found["compliance.accident"].status == "fail"
    assert found["compliance.tax"].status == "pass"


def test_every_criterion_names_its_source() -> None:
    for result in results({}).values():
        assert "认定标准" in result.source
