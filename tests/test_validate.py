"""validate(): every finding at once, with stable codes, locations and Chinese messages."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms.validation.messages import MESSAGES

NATIONAL = cf.load_spec("national-2023")


def doc(values: dict[str, Any], spec: str = "national-2023", **extra: Any) -> dict[str, Any]:
    return {"spec": spec, "values": values, **extra}


def findings(
    values: dict[str, Any], spec: cf.FormSpec = NATIONAL, **extra: Any
) -> list[cf.Finding]:
    """The findings other than empty required cells and the checks they leave undone.

    The documents here are partial: a formula whose inputs were left out cannot be
    checked, which is a warning (``formula_unchecked``) that is not what these tests are about.
    """
    report = cf.validate(spec, doc(values, spec.id, **extra))
    return [
        f
        for f in report.findings
        if f.code != "required" and not (f.code == "formula_unchecked" and f.severity == "warning")
    ]


def only(values: dict[str, Any], spec: cf.FormSpec = NATIONAL, **extra: Any) -> cf.Finding:
    found = findings(values, spec, **extra)
    assert len(found) == 1, [f.code for f in found]
    return found[0]


class TestDocument:
    """The document's own shape."""

    @pytest.mark.parametrize("data", [None, [], "x", {"spec": "national-2023"}, {"values": []}])
    def test_not_an_application(self, data: object) -> None:
        assert cf.validate(NATIONAL, data).codes == ("not_an_object",)

    def test_wrong_spec(self) -> None:
        found = cf.validate(NATIONAL, doc({}, spec="jiangsu-2024")).findings[0]
        assert found.code == "wrong_spec"
        assert "jiangsu-2024" in found.message

    def test_unknown_field(self) -> None:
        found = only({"industry.total_outptu": 1})
        assert (found.code, found.field) == ("unknown_field", "industry.total_outptu")

    def test_empty_document_lists_every_required_field(self) -> None:
        report = cf.validate(NATIONAL, doc({}))
        assert set(report.codes) == {"required"}
        fields = {f.field for f in report.findings}
        assert {"cover.cluster_name", "basic.area", "industry.total_output", "plan.text"} <= fields
        assert "industry.chain_work" not in fields  # checklists may be left unticked


class TestNumbers:
    """Numbers: Decimal in, 2 decimals, signs and ranges."""

    def test_decimals(self) -> None:
        found = only({"basic.area": "12.345"})
        assert (found.code, found.field) == ("decimals", "basic.area")
        assert (
            found.message
            == "「集群占地面积（平方公里）」填报为 12.345，数据有小数时保留小数点后2位"
        )

    @pytest.mark.parametrize("value", ["12.5", "12.50", "12.500", 12, Decimal("0.07"), "1234.56"])
    def test_two_decimals_or_fewer_pass(self, value: object) -> None:
        assert findings({"basic.area": value}) == []

    @pytest.mark.parametrize(
        "value", ["abc", "12,5", True, [1], {"a": 1}, "NaN", "Infinity", "1_000"]
    )
    def test_not_a_number(self, value: object) -> None:
        assert only({"basic.area": value}).code == "wrong_type"

    def test_float_is_refused_not_silently_converted(self) -> None:
        assert only({"basic.area": 12.5}).code == "wrong_type"

    def test_share_over_100(self) -> None:
        found = only({"digital.cloud_share": "120"})
        assert found.code == "out_of_range"
        assert "0 至 100" in found.message

    def test_negative_count(self) -> None:
        found = only({"innovation.pct_applications": -3})
        assert found.code == "negative"

    def test_count_must_be_whole(self) -> None:
        assert only({"innovation.pct_applications": "3.5"}).code == "not_integer"

    def test_yearly_years(self) -> None:
        found = findings({"industry.total_output": {"2019": 1, "2020": 50, "2021": 55}})
        assert [(f.code, f.year) for f in found] == [("unknown_year", None)]
        report = cf.validate(NATIONAL, doc({"industry.total_output": {"2020": 50, "2021": 55}}))
        missing = [f for f in report.findings if f.field == "industry.total_output"]
        assert [(f.code, f.year) for f in missing] == [("required", 2022)]
        assert "2022年为必填栏目，应填写数值" in missing[0].message

    def test_yearly_cell_problems_carry_their_year(self) -> None:
        found = only({"industry.total_output": {"2020": "50", "2021": "-1", "2022": "60"}})
        assert (found.code, found.year) == ("negative", 2021)
        assert found.location == "industry.total_output[2021]"


class TestText:
    """Text: required, 无, and 字数 limits."""

    def test_wu_is_accepted_for_text(self) -> None:
        assert findings({"industry.chain_narrative": "无"}) == []

    def test_wu_is_refused_where_every_cluster_has_the_figure(self) -> None:
        assert only({"basic.area": "无"}).code == "none_not_allowed"

    def test_wu_is_an_answer_where_the_cluster_may_have_nothing(self) -> None:
        assert findings({"open.overseas_branches": "无"}) == []

    def test_blank_text_is_empty(self) -> None:
        report = cf.validate(NATIONAL, doc({"basic.operator": "   "}))
        assert "basic.operator" in {f.field for f in report.findings if f.code == "required"}

    def test_limit_counts_characters_not_whitespace(self) -> None:
        assert findings({"industry.chain_narrative": "字" * 200 + "\n  \n"}) == []
        found = only({"industry.chain_narrative": "字" * 201})
        assert found.code == "too_long"
        assert found.message == "「集群产业链强链补链情况（200字以内）」限200字以内，填报了201字"


class TestChoices:
    """Single choices and checklists."""

    def test_unknown_option(self) -> None:
        found = only({"basic.industry_type": "quaternary"})
        assert (found.code, found.option) == ("unknown_option", "quaternary")

    def test_more_than_one_choice(self) -> None:
        assert only({"basic.industry_type": ["primary", "secondary"]}).code == "multiple_choices"

    def test_explanation_required_for_yes_that_needs_it(self) -> None:
        guangxi = cf.load_spec("guangxi-2025")
        found = only({"basic.major_accident": "yes"}, guangxi)
        assert found.code == "explanation_required"
        assert "需附情况说明" in found.message
        assert (
            findings({"basic.major_accident": {"option": "yes", "text": "2022年…已整改"}}, guangxi)
            == []
        )

    def test_other_needs_its_text(self) -> None:
        shanghai = cf.load_spec("shanghai-2023")
        entry = {"option": "other", "evidence": ["A1"]}
        assert only({"digital.service_work": [entry]}, shanghai).code == "other_text_required"
        assert findings({"digital.service_work": [{**entry, "text": "x"}]}, shanghai) == []

    def test_evidence_missing_is_a_warning(self) -> None:
        found = only({"industry.chain_work": ["chain_map"]})
        assert (found.code, found.severity, found.option) == (
            "evidence_missing",
            "warning",
            "chain_map",
        )
        assert (
            findings({"industry.chain_work": [{"option": "chain_map", "evidence": ["A1"]}]}) == []
        )

    def test_evidence_must_name_a_listed_attachment(self) -> None:
        attachments = [{"id": "A1", "title": "产业链图谱", "file": "a1.pdf"}]
        value = {"industry.chain_work": [{"option": "chain_map", "evidence": ["A9"]}]}
        assert only(value, attachments=attachments).code == "unknown_attachment"


class TestConsistency:
    """Figures that the same form asks for twice must agree."""

    def test_smes_within_enterprises(self) -> None:
        values = {
            "industry.enterprises": {"2020": 100, "2021": 110, "2022": 120},
            "industry.smes": {"2020": 90, "2021": 115, "2022": 100},
        }
        found = only(values)
        assert (found.code, found.year, found.reported) == ("exceeds", 2021, Decimal(115))

    def test_cagr_agrees_with_yearly_growth(self) -> None:
        values = {"industry.leading_growth": {"2020": "10", "2021": "12", "2022": "15"}}
        assert findings({**values, "industry.leading_cagr": "12.31"}) == []
        found = only({**values, "industry.leading_cagr": "12.53"})
        assert found.code == "formula_mismatch"
        assert "按公式计算应为 12.31，填报为 12.53" in found.message
        assert found.computed is not None
        assert cf.formulas.round2(found.computed) == Decimal("12.31")

    def test_guangxi_growth_rates_agree_with_amounts(self) -> None:
        guangxi = cf.load_spec("guangxi-2025")
        values = {
            "industry.fdi": {"2022": "1000", "2023": "1100", "2024": "1320"},
            "industry.fdi_growth": {"2022": "3.00", "2023": "10.00", "2024": "21.00"},
        }
        found = only(values, guangxi)
        assert (found.code, found.year) == ("formula_mismatch", 2024)
        assert "按公式计算应为 20.00，填报为 21.00" in found.message

    def test_a_rule_is_skipped_when_its_inputs_are_missing(self) -> None:
        assert findings({"industry.leading_cagr": "12.00"}) == []


class TestPlanTargets:
    """The 备注 under the target table."""

    def targets(self, **rows: tuple[str, str]) -> dict[str, Any]:
        return {
            "plan.targets": {
                "rows": {
                    f"plan.targets.{k}": {"baseline": b, "target": t} for k, (b, t) in rows.items()
                }
            }
        }

    def test_output_growth_at_least_10(self) -> None:
        found = [
            f for f in findings(self.targets(output_growth=("12", "8"))) if f.code == "target_rule"
        ]
        assert len(found) == 1
        assert found[0].field == "plan.targets.output_growth"
        assert "产值年均增速不低于10%" in found[0].message

    def test_rd_expense_growth_over_three_years(self) -> None:
        ok = self.targets(rd_expense=("2.00", "2.67"))
        low = self.targets(rd_expense=("2.00", "2.50"))
        assert [f.code for f in findings(ok) if f.code == "target_rule"] == []
        assert [f.code for f in findings(low) if f.code == "target_rule"] == ["target_rule"]

    def test_about_rules_are_warnings_with_tolerance(self) -> None:
        near = self.targets(iip_penetration=("30", "47"))
        far = self.targets(iip_penetration=("30", "30"))
        assert not [f for f in findings(near) if f.code == "target_rule"]
        (found,) = [f for f in findings(far) if f.code == "target_rule"]
        assert found.severity == "warning"

    def test_guangxi_average_rule_needs_the_average(self) -> None:
        guangxi = cf.load_spec("guangxi-2025")
        row = {"baseline": "30", "target": "35"}
        without = {"plan.targets": {"rows": {"plan.targets.iip_penetration": row}}}
        with_avg = {
            "plan.targets": {
                "rows": {"plan.targets.iip_penetration": {**row, "industry_average": "40"}}
            }
        }
        assert not [f for f in findings(without, guangxi) if f.code == "target_rule"]
        assert [f.code for f in findings(with_avg, guangxi) if f.code == "target_rule"] == [
            "target_rule"
        ]


class TestLanguages:
    def test_english_messages(self) -> None:
        report = cf.validate(NATIONAL, doc({"basic.area": "1.234"}), lang="en")
        (found,) = [f for f in report.findings if f.code == "decimals"]
        assert found.message == "'集群占地面积（平方公里）' is 1.234; keep 2 decimal places"

    def test_every_code_has_both_languages(self) -> None:
        for zh, en in MESSAGES.values():
            assert zh
            assert en


class TestPurity:
    """validate() never mutates its input and never raises on bad data."""

    def test_input_is_not_mutated(self) -> None:
        data = doc({"industry.total_output": {"2020": "1.234"}, "basic.area": "x"})
        before = copy.deepcopy(data)
        cf.validate(NATIONAL, data)
        assert data == before

    json_values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.text(max_size=5)
        | st.decimals(allow_nan=False, allow_infinity=False),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
        ),
        max_leaves=8,
    )

    @given(
        st.dictionaries(
            st.sampled_from([i.id for _, i in NATIONAL.walk()] + ["x"]), json_values, max_size=12
        )
    )
    def test_arbitrary_values_never_raise(self, values: dict[str, Any]) -> None:
        report = cf.validate(NATIONAL, doc(values))
        assert all(f.code in MESSAGES or f.code == "required" for f in report.findings)
