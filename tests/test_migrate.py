"""migrate(data, to_spec): carry by id, keep overlapping years, convert units, lose nothing silently."""

from __future__ import annotations

import copy
import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms.application.documents import dumps_application
from clusterforms.errors import ClusterformsError
from clusterforms.migrate.cells import unit_factor
from clusterforms.migrate.migration import MigrationError, fields_of, migrate
from tests.test_patch import replace_item

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SPEC_IDS = cf.list_specs()
PAIRS = list(itertools.permutations(SPEC_IDS, 2))


def example(spec_id: str) -> Any:
    return cf.load_application(EXAMPLES / f"{spec_id}.json")


def cells(values: dict[str, Any]) -> list[tuple[str, str | None]]:
    """Every (field, year) that holds a value; year None for single values."""
    out: list[tuple[str, str | None]] = []
    for field, value in values.items():
        if isinstance(value, dict) and value and all(k.isdigit() for k in value):
            out.extend((field, year) for year in value)
        else:
            out.append((field, None))
    return out


def assert_nothing_lost_silently(data: Any, draft: Any, report: Any) -> None:
    """Each old value is in the draft (same field, same year) or has a report entry."""
    accounted = {(e.field, e.year) for e in report.entries}
    accounted_fields = {e.field for e in report.entries}
    new_values = draft["values"]
    for field, year in cells(data["values"]):
        value = new_values.get(field)
        carried = value is not None and (
            year is None or (isinstance(value, dict) and year in value)
        )
        if not carried:
            assert (field, int(year) if year else None) in accounted or field in accounted_fields, (
                field,
                year,
            )


def no_floats(value: Any) -> bool:
    if isinstance(value, float):
        return False
    if isinstance(value, dict):
        return all(no_floats(v) for v in value.values())
    if isinstance(value, list):
        return all(no_floats(v) for v in value)
    return True


# --------------------------------------------------------- national → guangxi
@pytest.fixture(scope="module")
def n2g() -> tuple[Any, Any, Any]:
    data = example("national-2023")
    draft, report = migrate(data, cf.load_spec("guangxi-2025"))
    return data, draft, report


def test_draft_is_for_the_new_form(n2g: tuple[Any, Any, Any]) -> None:
    data, draft, report = n2g
    assert draft["spec"] == "guangxi-2025"
    assert draft["meta"]["migrated_from"] == "national-2023"
    assert draft["attachments"] == data["attachments"]
    assert (report.from_spec, report.to_spec) == ("national-2023", "guangxi-2025")
    assert set(draft["values"]) <= set(fields_of(cf.load_spec("guangxi-2025")))


def test_series_keep_the_overlapping_year_and_report_the_others(n2g: tuple[Any, Any, Any]) -> None:
    data, draft, report = n2g
    assert draft["values"]["industry.total_output"] == {
        "2022": data["values"]["industry.total_output"]["2022"]
    }
    dropped = {(e.field, e.year) for e in report.dropped}
    assert ("industry.total_output", 2020) in dropped
    assert ("industry.total_output", 2021) in dropped
    entry = next(e for e in report.dropped if (e.field, e.year) == ("industry.total_output", 2020))
    assert entry.old == "52.31"
    assert "2022–2024" in entry.reason


def test_single_value_goes_into_the_year_it_is_dated_to(n2g: tuple[Any, Any, Any]) -> None:
    data, draft, report = n2g
    assert draft["values"]["industry.innovative_smes"] == {
        "2022": data["values"]["industry.innovative_smes"]
    }
    placed = {e.field: e for e in report.placed}
    assert placed["industry.innovative_smes"].year == 2022


def test_removed_fields_and_the_plan_are_reported(n2g: tuple[Any, Any, Any]) -> None:
    _, draft, report = n2g
    reasons = {e.field: e.reason for e in report.dropped if e.year is None}
    assert "guangxi-2025 has no such field" in reasons["basic.not_restricted"]
    assert "industry.fdi_cumulative_growth" in reasons
    assert "2024→2027" in reasons["plan.targets"]
    assert "plan.targets" not in draft["values"]
    assert draft["values"]["plan.stages"] == {
        "2025": example("national-2023")["values"]["plan.stages"]["2025"]
    }


def test_new_required_fields_are_listed_as_missing(n2g: tuple[Any, Any, Any]) -> None:
    _, _, report = n2g
    missing = {(f.field, f.year) for f in report.missing}
    assert ("basic.restricted", None) in missing
    assert ("industry.county_share", None) in missing
    assert ("industry.total_output", 2023) in missing
    assert ("plan.targets.iip_penetration", None) in missing
    assert all(f.code == "required" for f in report.missing)


def test_national_to_guangxi_loses_nothing_silently(n2g: tuple[Any, Any, Any]) -> None:
    assert_nothing_lost_silently(*n2g)


def test_report_text_and_json(n2g: tuple[Any, Any, Any]) -> None:
    _, _, report = n2g
    lines = report.lines("en")
    assert lines[0].startswith("migrated national-2023 → guangxi-2025:")
    assert any(line == "dropped:" for line in lines)
    assert report.lines()[0].startswith("已迁移 national-2023 → guangxi-2025：")
    assert "未沿用：" in report.lines()
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["counts"]["dropped"] == len(report.dropped)
    assert data["counts"]["missing"] == len(report.missing)
    assert {"action", "field", "reason"} <= set(data["entries"][0])


# --------------------------------------------------------------- all pairs
@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_example_migrates_to_every_form(old: str, new: str) -> None:
    data = example(old)
    before = copy.deepcopy(data)
    draft, report = migrate(data, cf.load_spec(new))
    assert data == before  # pure: the input is untouched
    assert draft["spec"] == new
    assert no_floats(draft)
    assert_nothing_lost_silently(data, draft, report)
    text = dumps_application(draft)
    again = cf.parse_application(text)
    assert again["spec"] == new
    assert (
        cf.validate(cf.load_spec(new), again).codes == cf.validate(cf.load_spec(new), draft).codes
    )


@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_migrating_to_the_same_form_changes_nothing(spec_id: str) -> None:
    data = example(spec_id)
    draft, report = migrate(data, cf.load_spec(spec_id))
    assert draft["values"] == data["values"]
    assert report.entries == ()
    assert report.missing == ()
    assert "migrated_from" not in draft.get("meta", {})


# ------------------------------------------------------------- conversions
def test_unit_factors() -> None:
    assert unit_factor("亿元", "万元") == 10000
    assert unit_factor("万元", "亿元") == Decimal("0.0001")
    assert unit_factor("吨二氧化碳/万元", "吨二氧化碳/亿元") == 10000
    assert unit_factor("%", "万元") is None
    assert unit_factor(None, "%") is None
    assert unit_factor("%", "%") == 1


def test_yi_to_wan_converts_exactly_in_decimal() -> None:
    guangxi = cf.load_spec("guangxi-2025")
    item = guangxi.find("industry.total_output")
    wan = replace_item(
        guangxi, item.id, attrs.evolve(item, unit="万元", label="集群总产值（万元）")
    )
    data = example("guangxi-2025")
    draft, report = migrate(data, wan)
    old = data["values"]["industry.total_output"]
    new = draft["values"]["industry.total_output"]
    for year, value in old.items():
        assert new[year] == Decimal(str(value)) * 10000
        assert isinstance(new[year], Decimal)
    assert len(report.converted) == 3
    assert "亿元 → 万元" in report.converted[0].reason
    back, _ = migrate({**draft, "spec": "guangxi-2025"}, guangxi, from_spec=wan)
    assert back["values"]["industry.total_output"] == {y: Decimal(str(v)) for y, v in old.items()}
    assert '"2024": "' in dumps_application(draft)


def test_unit_without_conversion_is_dropped() -> None:
    guangxi = cf.load_spec("guangxi-2025")
    item = guangxi.find("industry.total_output")
    other = replace_item(guangxi, item.id, attrs.evolve(item, unit="吨"))
    draft, report = migrate(example("guangxi-2025"), other)
    assert "industry.total_output" not in draft["values"]
    assert {e.year for e in report.dropped if e.field == "industry.total_output"} == {
        2022,
        2023,
        2024,
    }
    assert any(f.field == "industry.total_output" for f in report.missing)


def test_removed_option_is_dropped_and_reported() -> None:
    national = cf.load_spec("national-2023")
    item = national.find("basic.industry_type")
    assert isinstance(item, cf.ChoiceItem)
    fewer = replace_item(
        national,
        item.id,
        attrs.evolve(item, options=tuple(o for o in item.options if o.id != "secondary")),
    )
    draft, report = migrate(example("national-2023"), fewer, from_spec=national)
    assert "basic.industry_type" not in draft["values"]
    entry = next(e for e in report.dropped if e.field == "basic.industry_type")
    assert entry.option == "secondary"
    assert any(f.field == "basic.industry_type" for f in report.missing)


def test_removed_checklist_option_keeps_the_others() -> None:
    national = cf.load_spec("national-2023")
    data = example("national-2023")
    item = national.find("industry.chain_work")
    assert isinstance(item, cf.ChecklistItem)
    checked = [e if isinstance(e, str) else e["option"] for e in data["values"][item.id]]
    gone = checked[0]
    fewer = replace_item(
        national,
        item.id,
        attrs.evolve(item, options=tuple(o for o in item.options if o.id != gone)),
    )
    draft, report = migrate(data, fewer, from_spec=national)
    left = [e if isinstance(e, str) else e["option"] for e in draft["values"][item.id]]
    assert left == checked[1:]
    assert [(e.field, e.option) for e in report.dropped] == [(item.id, gone)]


def test_number_to_count_keeps_whole_numbers_only() -> None:
    national = cf.load_spec("national-2023")
    item = national.find("innovation.patents_per_10k")  # a number without a unit
    as_count = replace_item(national, item.id, cf.CountItem(id=item.id, label="万人发明专利拥有量"))
    data = copy.deepcopy(example("national-2023"))
    data["values"][item.id] = "12.50"
    draft, report = migrate(data, as_count, from_spec=national)
    assert item.id not in draft["values"]
    assert any(e.field == item.id and "whole number" in e.reason for e in report.dropped)
    data["values"][item.id] = "12"
    draft, _ = migrate(data, as_count, from_spec=national)
    assert draft["values"][item.id] == "12"
    area = replace_item(national, "basic.area", cf.CountItem(id="basic.area", label="占地"))
    draft, report = migrate(data, area, from_spec=national)
    assert any(e.field == "basic.area" and "unit changed" in e.reason for e in report.dropped)


def test_single_value_with_a_span_is_not_placed_in_one_year() -> None:
    national = cf.load_spec("national-2023")
    item = national.find("industry.leading_cagr")  # 近三年…年均增速
    yearly = replace_item(
        national, item.id, cf.YearlyItem(id=item.id, label="主导产业产值年均增速（%）", unit="%")
    )
    draft, report = migrate(example("national-2023"), yearly, from_spec=national)
    assert "industry.leading_cagr" not in draft["values"]
    entry = next(e for e in report.dropped if e.field == "industry.leading_cagr")
    assert "several years" in entry.reason


def test_series_to_single_takes_the_new_forms_last_year() -> None:
    jiangsu = example("jiangsu-2024")
    draft, report = migrate(jiangsu, cf.load_spec("national-2023"))
    series = jiangsu["values"]["industry.innovative_smes"]
    assert draft["values"]["industry.innovative_smes"] == series["2022"]
    dropped_years = {e.year for e in report.dropped if e.field == "industry.innovative_smes"}
    assert dropped_years == {2021, 2023}


def test_fields_unknown_to_the_old_form_are_reported() -> None:
    data = example("national-2023")
    data["values"]["industry.total_profit"] = "1.00"
    _, report = migrate(data, cf.load_spec("guangxi-2025"))
    entry = next(e for e in report.dropped if e.field == "industry.total_profit")
    assert "not a field of national-2023" in entry.reason


# ------------------------------------------------------------------ errors
def test_bad_documents_raise_migration_errors() -> None:
    guangxi = cf.load_spec("guangxi-2025")
    with pytest.raises(MigrationError, match="not an application"):
        migrate([], guangxi)
    with pytest.raises(MigrationError, match="names no 'spec'"):
        migrate({"values": {}}, guangxi)
    with pytest.raises(MigrationError, match="fills 'national-2023', not 'jiangsu-2024'"):
        migrate(example("national-2023"), guangxi, from_spec=cf.load_spec("jiangsu-2024"))
    with pytest.raises(cf.SpecNotFoundError):
        migrate({"spec": "nowhere-2020", "values": {}}, guangxi)
    assert issubclass(MigrationError, ClusterformsError)


def test_dumps_writes_decimals_exactly() -> None:
    text = dumps_application(
        {"values": {"a": Decimal("0.07"), "b": Decimal(312), "c": Decimal("1E+2")}}
    )
    data = json.loads(text)
    assert data["values"] == {"a": "0.07", "b": 312, "c": 100}


@given(
    st.dictionaries(
        st.sampled_from(["2019", "2020", "2021", "2022", "2023", "2024", "2025"]),
        st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
        min_size=1,
    )
)
def test_any_series_keeps_exactly_the_shared_years(series: dict[str, Decimal]) -> None:
    data = {"spec": "national-2023", "values": {"industry.total_output": series}}
    draft, report = migrate(data, cf.load_spec("guangxi-2025"))
    kept = draft["values"].get("industry.total_output", {})
    assert kept == {y: v for y, v in series.items() if y in {"2022", "2023", "2024"}}
    dropped = {e.year for e in report.dropped if e.field == "industry.total_output"}
    assert dropped == {int(y) for y in series if y not in {"2022", "2023", "2024"}}
