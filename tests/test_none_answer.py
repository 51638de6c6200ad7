""" "无" as the 填报说明 mean it (issue 15 §3): an explicit answer, distinct from a blank.

Worked examples on the Guangxi example application, whose figures validate clean;
each expected figure is computed by hand from the forms' definitions.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import clusterforms as cf
from clusterforms.formulas import growth_rate, round2

ROOT = Path(__file__).resolve().parent.parent
GUANGXI = cf.load_spec("guangxi-2025")
NATIONAL = cf.load_spec("national-2023")
BASE: dict[str, Any] = cf.load_application("examples/guangxi-2025.json")


def filled(**changes: Any) -> dict[str, Any]:
    """The Guangxi example with some fields replaced (``industry__fdi`` is ``industry.fdi``)."""
    document = copy.deepcopy(BASE)
    for key, value in changes.items():
        document["values"][key.replace("__", ".")] = value
    return document


def findings(document: dict[str, Any]) -> list[cf.Finding]:
    """The findings, but for blanks in fields the example does not fill (added to the spec)."""
    return [
        f
        for f in cf.validate(GUANGXI, document).findings
        if f.code != "required" or f.field in BASE["values"]
    ]


def codes(document: dict[str, Any]) -> list[tuple[str, str | None, int | None, str]]:
    return [(f.code, f.field, f.year, f.severity) for f in findings(document)]


class TestTheValue:
    """Read once as one typed value, written back as "无"."""

    @pytest.mark.parametrize("text", ["无", " 无 ", "\u3000无\n"])
    def test_wu_in_a_number_cell_is_the_none_answer(self, text: str) -> None:
        read = cf.read_application(GUANGXI, filled(open__overseas_branches=text))
        assert read.get("open.overseas_branches") is cf.NONE_ANSWER
        assert read.is_none("open.overseas_branches")
        assert read.number("open.overseas_branches") is None  # never 0
        assert read.to_document()["values"]["open.overseas_branches"] == "无"

    @pytest.mark.parametrize("text", ["无。", "没有", "/", "-", "無"])
    def test_other_words_for_none_are_not_it(self, text: str) -> None:
        found = codes(filled(open__overseas_branches=text))
        assert found == [("wrong_type", "open.overseas_branches", None, "error")]

    def test_each_year_and_part_takes_it(self) -> None:
        read = cf.read_application(GUANGXI, filled(industry__fdi={"2022": "无", "2023": "5"}))
        assert read.is_none("industry.fdi", 2022)
        assert read.number("industry.fdi", 2023) == Decimal(5)
        assert str(cf.NONE_ANSWER) == cf.NONE_TEXT == "无"

    def test_text_cells_keep_it_as_text(self) -> None:
        read = cf.read_application(GUANGXI, filled(industry__chain_narrative="无"))
        assert read.text("industry.chain_narrative") == "无"

    def test_formulas_refuse_it_explicitly(self) -> None:
        with pytest.raises(cf.FormulaError, match="无"):
            growth_rate(cf.NONE_ANSWER, Decimal(5))
        with pytest.raises(cf.FormulaError, match="无"):
            growth_rate("8650", "无")


class TestAccepted:
    """Where the form can have no such figure."""

    def test_no_foreign_investment_at_all(self) -> None:
        # No FDI in any year: the amounts are 无, and so are the growth rates of nothing.
        wu = {"2022": "无", "2023": "无", "2024": "无"}
        assert codes(filled(industry__fdi=wu, industry__fdi_growth=wu)) == []

    def test_growth_on_a_zero_base(self) -> None:
        # FDI 0 in 2022: the 2023 growth has no base, so 无; 2024 = (10380/9420 − 1) × 100 = 10.19.
        document = filled(
            industry__fdi={"2022": "0", "2023": "9420.00", "2024": "10380.00"},
            industry__fdi_growth={"2022": "无", "2023": "无", "2024": "10.19"},
        )
        assert codes(document) == []

    def test_a_made_up_growth_on_a_zero_base_is_told_to_be_wu(self) -> None:
        document = filled(
            industry__fdi={"2022": "0", "2023": "9420.00", "2024": "10380.00"},
            industry__fdi_growth={"2022": "6.85", "2023": "100.00", "2024": "10.19"},
        )
        (found,) = findings(document)
        assert (found.code, found.year, found.severity) == ("formula_unchecked", 2023, "error")
        assert "为 0，不能作为计算的基数" in found.message
        assert "应填写“无”" in found.message

    def test_a_growth_on_a_wu_base_is_told_to_be_wu(self) -> None:
        document = filled(
            industry__fdi={"2022": "无", "2023": "9420.00", "2024": "10380.00"},
            industry__fdi_growth={"2022": "无", "2023": "8.90", "2024": "10.19"},
        )
        (found,) = findings(document)
        assert (found.code, found.year, found.severity) == ("formula_unchecked", 2023, "error")
        assert "2022年为“无”，不能作为计算的基数" in found.message

    def test_counts_of_awards_and_platforms(self) -> None:
        document = filled(
            industry__champions={"2022": "无", "2023": "1", "2024": "1"},
            innovation__platforms__other={"count": "无"},  # no names wanted for none
            open__overseas_branches="无",
        )
        assert codes(document) == []


class TestFlagged:
    """Where the figures on the form show the value exists."""

    def test_growth_whose_base_and_current_value_are_given(self) -> None:
        # (9420 / 8650 − 1) × 100 = 8.9017… → 8.90
        document = filled(industry__fdi_growth={"2022": "6.85", "2023": "无", "2024": "10.19"})
        (found,) = findings(document)
        assert (found.code, found.year, found.severity) == (
            "none_but_inputs_show_value",
            2023,
            "error",
        )
        assert found.computed is not None
        assert round2(found.computed) == Decimal("8.90")
        assert "填报为“无”，但按已填数据计算应为 8.90" in found.message

    def test_share_whose_parts_are_given(self) -> None:
        # 141 cloud SMEs of 208 SMEs: 141 / 208 × 100 = 67.788… → 67.79
        document = filled(digital__cloud_share={"2022": "53.93", "2023": "61.46", "2024": "无"})
        (found,) = findings(document)
        assert (found.code, found.field, found.year) == (
            "none_but_inputs_show_value",
            "digital.cloud_share",
            2024,
        )
        assert "67.79" in found.message

    def test_a_mean_of_wu_rates_cannot_be_checked(self) -> None:
        # 2023's growth 无 although 总产值 and 主导产业占比 give it:
        # 76.92 × 86.15 / (68.45 × 85.42) − 1 = 13.33 %; the mean over it cannot be checked.
        document = filled(industry__leading_growth={"2022": "13.42", "2023": "无", "2024": "13.43"})
        found = {(f.code, f.field, f.year, f.severity): f for f in findings(document)}
        flagged = found[("none_but_inputs_show_value", "industry.leading_growth", 2023, "error")]
        assert "13.33" in flagged.message
        unchecked = found[("formula_unchecked", "industry.leading_cagr", None, "warning")]
        assert "2023年填报为“无”" in unchecked.message
        assert len(found) == 2


class TestRefused:
    """Figures every cluster has."""

    @pytest.mark.parametrize(
        "field",
        [
            "industry.total_output",
            "industry.sme_output_share",
            "industry.leading_share",
            "industry.enterprises",
            "industry.smes",
            "innovation.sme_employees",
        ],
    )
    def test_a_cluster_always_has_it(self, field: str) -> None:
        document = filled()
        document["values"][field]["2024"] = "无"
        refused = [f for f in findings(document) if f.code == "none_not_allowed"]
        assert [(f.field, f.year, f.severity) for f in refused] == [(field, 2024, "error")]
        assert "不能填写“无”" in refused[0].message

    def test_the_area(self) -> None:
        found = codes(filled(basic__area="无"))
        assert found == [("none_not_allowed", "basic.area", None, "error")]

    def test_the_spec_decides_not_the_id(self, tmp_path: Path) -> None:
        text = (ROOT / "specs" / "guangxi-2025.toml").read_text(encoding="utf-8")
        text = text.replace('id = "basic.area"\nallows_none = false\n', 'id = "basic.area"\n')
        text = text.replace(
            'id = "open.overseas_branches"\n',
            'id = "open.overseas_branches"\nallows_none = false\n',
        )
        path = tmp_path / "guangxi-variant.toml"
        path.write_text(text, encoding="utf-8")
        variant = cf.load_spec(path)
        document = filled(basic__area="无", open__overseas_branches="无")
        refused = [f.field for f in cf.validate(variant, document) if f.code == "none_not_allowed"]
        assert refused == ["open.overseas_branches"]

    def test_a_target_a_remark_asks_for(self) -> None:
        document = filled()
        rows = document["values"]["plan.targets"]["rows"]
        rows["plan.targets.output_growth"]["target"] = "无"
        (found,) = findings(document)
        assert (found.code, found.field, found.option) == (
            "none_not_allowed",
            "plan.targets.output_growth",
            "target",
        )
        assert "产值年均增速不低于10%" in found.message

    def test_a_wu_baseline_leaves_a_growth_target_unjudged(self) -> None:
        document = filled()
        document["values"]["plan.targets"]["rows"]["plan.targets.patents"]["baseline"] = "无"
        (found,) = findings(document)
        assert (found.code, found.field, found.severity) == (
            "formula_unchecked",
            "plan.targets.patents",
            "warning",
        )
        assert "基准值为“无”" in found.message


class TestBlanks:
    """A blank is still a blank; its message names 无 where 无 would do."""

    def test_blank_amount_suggests_wu(self) -> None:
        document = filled(industry__fdi={"2022": "8650.00", "2023": "9420.00"})
        blank = [f for f in findings(document) if f.code == "required"]
        assert [(f.field, f.year) for f in blank] == [("industry.fdi", 2024)]
        assert "无相关情况时应填写“无”" in blank[0].message

    def test_blank_output_asks_for_a_number_only(self) -> None:
        document = filled(industry__total_output={"2022": "68.45", "2023": "76.92"})
        blank = [f for f in findings(document) if f.code == "required"]
        assert [(f.field, f.year) for f in blank] == [("industry.total_output", 2024)]
        assert "无" not in blank[0].message


def criteria(document: dict[str, Any]) -> dict[str, cf.CriterionResult]:
    return {r.id: r for r in cf.eligibility(GUANGXI, document)}


class TestEligibility:
    """A count's 无 is 0; any other figure's 无 leaves the criterion undecided."""

    def test_wu_champions_count_as_none(self) -> None:
        # 2024: 小巨人 3 + 单项冠军 无 (0) = 3 ≥ 1.
        document = filled(industry__champions={"2022": "无", "2023": "无", "2024": "无"})
        result = criteria(document)["quality_smes"]
        assert result.status == "pass"
        assert "3" in result.details[0]

    def test_no_giants_and_no_champions_fail_that_path(self) -> None:
        wu = {"2022": "无", "2023": "无", "2024": "无"}
        document = filled(industry__champions=wu, industry__little_giants=wu)
        result = criteria(document)["quality_smes"]
        assert "0（要求 ≥ 1）" in result.details[0]

    def test_a_wu_rate_leaves_the_growth_criterion_undecided(self) -> None:
        result = criteria(filled(industry__leading_cagr="无"))["core.growth"]
        assert result.status == "undecided"
        assert "填报为“无”" in result.details[0]

    def test_a_refused_wu_decides_nothing(self) -> None:
        document = filled()
        document["values"]["industry.total_output"]["2024"] = "无"
        result = criteria(document)["core.output"]
        assert result.status == "undecided"
        assert "填报为“无”" in result.details[0]


def with_every_kind_of_wu(name: str) -> dict[str, Any]:
    """An example with 无 in a cell of each kind of number cell its form has."""
    document = copy.deepcopy(cf.load_application(f"examples/{name}.json"))
    values = document["values"]
    if name == "guangxi-2025":
        values["industry.fdi"] = {"2022": "无", "2023": "无", "2024": "无"}
        values["industry.fdi_growth"] = {"2022": "无", "2023": "无", "2024": "无"}
        values["industry.champions"] = {"2022": "无", "2023": "1", "2024": "1"}
        values["innovation.pct_applications"] = " 无 "
        values["innovation.platforms.other"] = {"count": "无"}
    else:
        values["industry.fdi_cumulative_growth"] = "无"
        values["open.overseas_branches"] = "无"
        values["green.system"]["green_park"] = "无"
        values["innovation.standards"]["2020"]["international"]["lead"] = "无"
        values["plan.targets"]["rows"]["plan.targets.patents"]["baseline"] = "无"
        values["plan.targets"]["extra"][0]["baseline"] = "无"
    return document


#: A cell of each example above that holds 无: (field, year).
WU_CELL = {
    "guangxi-2025": ("industry.fdi", 2022),
    "national-2023": ("open.overseas_branches", None),
}


@pytest.mark.parametrize("name", ["guangxi-2025", "national-2023"])
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_wu_round_trips_through_the_office_forms(name: str, fmt: str) -> None:
    spec = cf.load_spec(name)
    document = with_every_kind_of_wu(name)
    written = cf.read_application(spec, document).to_document()
    reading = cf.read(cf.render(spec, fmt, document), spec=spec, name=f"filled.{fmt}")
    back = cf.read_application(spec, reading.document)
    assert back.to_document() == written
    assert back.is_none(*WU_CELL[name])


class TestMigrateAndSummarize:
    """migrate carries 无; the 集群简介 figures say 无."""

    def test_migrate_carries_wu_through_a_unit_change(self) -> None:
        import attrs  # noqa: PLC0415 - only this test builds a variant

        from tests.test_patch import replace_item  # noqa: PLC0415

        item = GUANGXI.find("industry.fdi")
        yi = replace_item(GUANGXI, item.id, attrs.evolve(item, unit="亿元"))
        document = filled(industry__fdi={"2022": " 无 ", "2023": "9420.00", "2024": "10380.00"})
        draft, report = cf.migrate(document, yi)
        # 9420 万元 = 0.942 亿元; 无 stays 无 in any unit
        assert draft["values"]["industry.fdi"] == {
            "2022": "无",
            "2023": Decimal("0.942"),
            "2024": Decimal("1.038"),
        }
        assert not [e for e in report.dropped if e.field == "industry.fdi"]

    def test_migrate_carries_wu_between_forms(self) -> None:
        document = copy.deepcopy(cf.load_application("examples/national-2023.json"))
        document["values"]["open.overseas_branches"] = "无"
        draft, _ = cf.migrate(document, cf.load_spec("jiangsu-2024"))
        assert draft["values"]["open.overseas_branches"] == "无"

    def test_the_intro_says_wu(self) -> None:
        from clusterforms.summarize.intro import compose_intro  # noqa: PLC0415

        document = copy.deepcopy(cf.load_application("examples/national-2023.json"))
        document["values"]["industry.champions"]["2022"] = "无"
        document["values"]["innovation.standards"]["2022"]["national"]["lead"] = "无"
        assert cf.validate(NATIONAL, document).codes == ()
        (entry,) = cf.summarize([("a.json", document)], intro_from_data=True).entries
        assert entry.row["intro"] == compose_intro(NATIONAL, document)
        assert "制造业单项冠军企业无" in entry.row["intro"]
        # standards led (national + industry): 2020 0+1, 2021 1+1, 2022 无(0)+2 = 5
        assert "主持制修订国家和行业标准5项" in entry.row["intro"]
