"""The shipped examples: each complete one validates clean, each broken one yields its mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

import clusterforms as cf
from clusterforms.model.checks import value_field_ids

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

#: The deliberate mistakes of each broken example (see examples/README.md).
BROKEN: dict[str, set[tuple[str, str]]] = {
    "national-2023": {
        ("required", "basic.operator_contact.name"),
        ("decimals", "basic.area"),
        ("too_long", "industry.chain_narrative"),
        ("unknown_option", "industry.chain_work"),
        ("unknown_year", "digital.software_spend"),
        ("out_of_range", "green.water_reuse_rate"),
        ("negative", "open.overseas_branches"),
        ("target_rule", "plan.targets.rd_expense"),
        ("exceeds", "industry.smes"),
        ("formula_mismatch", "industry.leading_cagr"),
        ("unknown_field", "industry.total_profit"),
    },
    "jiangsu-2024": {
        ("required", "basic.operator_contact.phone"),
        ("decimals", "basic.area"),
        ("unknown_year", "digital.software_spend"),
        ("out_of_range", "green.water_reuse_rate"),
        ("negative", "open.overseas_branches"),
        ("unknown_option", "governance.services"),
        ("too_long_together", "plan.text"),
        ("target_rule", "plan.targets.patents"),
        ("exceeds", "industry.smes"),
        ("formula_mismatch", "green.co2_cumulative_reduction"),
        ("unknown_field", "digital.data_center_count"),
    },
    "guangxi-2025": {
        ("required", "basic.authority_contact.name"),
        ("decimals", "basic.area"),
        ("explanation_required", "basic.major_accident"),
        ("unknown_year", "digital.rd_tools_penetration"),
        ("unknown_option", "digital.service_work"),
        ("out_of_range", "green.water_reuse_rate"),
        ("too_long", "open.narrative"),
        ("negative", "open.overseas_branches"),
        ("target_rule", "plan.targets.iip_penetration"),
        ("exceeds", "industry.smes"),
        ("formula_mismatch", "industry.fdi_growth"),
        ("unknown_field", "industry.county_output"),
    },
    "shanghai-2023": {
        ("required", "basic.operator_contact.name"),
        ("decimals", "basic.area"),
        ("explanation_required", "open.activities"),
        ("other_text_required", "basic.industry_field"),
        ("unknown_option", "open.activities"),
        ("out_of_range", "green.water_reuse_rate"),
        ("too_long", "governance.narrative"),
        ("negative", "open.overseas_branches"),
        ("unknown_year", "digital.software_spend"),
        ("exceeds", "industry.smes"),
        ("formula_mismatch", "innovation.patents_per_10k"),
        ("unknown_field", "industry.leading_growth"),
    },
    "summary-2023": {
        ("too_long", "summary.clusters"),
        ("unknown_key", "summary.clusters"),
        ("unknown_field", "summary.contact"),
    },
}


@pytest.mark.parametrize("spec_id", sorted(BROKEN))
def test_complete_example_validates_clean(spec_id: str) -> None:
    data = cf.load_application(EXAMPLES / f"{spec_id}.json")
    report = cf.validate(cf.load_spec(spec_id), data)
    assert report.findings == ()


@pytest.mark.parametrize("spec_id", sorted(BROKEN))
def test_complete_example_fills_every_field(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    data = cf.load_application(EXAMPLES / f"{spec_id}.json")
    assert value_field_ids(spec) == set(data["values"])


@pytest.mark.parametrize("spec_id", sorted(BROKEN))
def test_broken_example_yields_each_mistake_once(spec_id: str) -> None:
    data = cf.load_application(EXAMPLES / f"{spec_id}.broken.json")
    report = cf.validate(cf.load_spec(spec_id), data)
    found = [(f.code, f.field) for f in report.findings]
    assert sorted(found) == sorted(BROKEN[spec_id])
    assert not report.ok


@pytest.mark.parametrize("spec_id", ["national-2023", "guangxi-2025"])
def test_examples_meet_the_criteria_the_data_can_decide(spec_id: str) -> None:
    data = cf.load_application(EXAMPLES / f"{spec_id}.json")
    results = cf.eligibility(cf.load_spec(spec_id), data)
    decided = {r.id: r.status for r in results if not r.id.startswith("qualitative.")}
    assert set(decided.values()) == {"pass"}
    assert {r.status for r in results if r.id.startswith("qualitative.")} == {"undecided"}
