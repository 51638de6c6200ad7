"""The one reading of application values: number text, bounds, characters, typed values."""

from __future__ import annotations

import copy
import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms.application.cells import read_number, read_text
from clusterforms.validation.messages import MESSAGES
from tests.strategies import bounded_decimals, number_texts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NATIONAL = cf.load_spec("national-2023")


def example(spec_id: str = "national-2023") -> dict[str, Any]:
    data: dict[str, Any] = cf.load_application(EXAMPLES / f"{spec_id}.json")
    return data


class TestNumberText:
    """What number text is (docs/data-format.md, "Numbers")."""

    @pytest.mark.parametrize(
        ("text", "unit", "number"),
        [
            ("12", None, "12"),
            (" 12.50 ", None, "12.50"),
            ("+0.07", None, "0.07"),
            (".5", None, "0.5"),
            ("１２．５", None, "12.5"),
            ("－３", None, "-3"),
            ("\u22123", None, "-3"),
            ("12。5", None, "12.5"),
            ("1,234,567.5", None, "1234567.5"),
            ("１，２３４", None, "1234"),
            ("45%", "%", "45"),
            ("45 ％", "%", "45"),
            ("152.3亿元", "亿元", "152.3"),
            ("0.56吨二氧化碳／万元", "吨二氧化碳/万元", "0.56"),
            ("-0", None, "0"),
        ],
    )
    def test_accepted(self, text: str, unit: str | None, number: str) -> None:
        assert cf.parse_number_text(text, unit) == Decimal(number)

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("1e2", None),
            ("1E+2", None),
            ("12,5", None),
            ("1,23,456", None),
            ("1234,567", None),
            ("1 234", None),
            ("12。", None),
            ("。5", None),
            ("45%", None),
            ("45%", "亿元"),
            ("152.3万元", "亿元"),
            ("NaN", None),
            ("Infinity", None),
            ("1_000", None),
            ("1²", None),
            ("①", None),
            ("١٢", None),
            ("约12", None),
            ("", None),
            ("-", None),
            ("%", "%"),
        ],
    )
    def test_refused(self, text: str, unit: str | None) -> None:
        assert cf.parse_number_text(text, unit) is None

    @given(bounded_decimals)
    def test_plain_decimals_round_trip_exactly(self, number: Decimal) -> None:
        read = cf.parse_number_text(format(number, "f"))
        assert read == number
        assert read is not None
        assert read.as_tuple().exponent == number.as_tuple().exponent or number.is_zero()

    @given(number_texts(unit="亿元"))
    def test_every_way_of_typing_reads_as_its_ascii_form(self, typed: tuple[str, str]) -> None:
        text, plain = typed
        assert cf.parse_number_text(text, "亿元") == Decimal(plain)
        assert read_number(text, "亿元") == Decimal(plain)

    @given(st.text(max_size=30))
    def test_any_text_is_a_number_or_not_and_never_raises(self, text: str) -> None:
        number = cf.parse_number_text(text, "%")
        assert number is None or number.is_finite()

    @given(st.text(alphabet="0123456789.,+-eE%。 ", max_size=20))
    def test_a_number_read_is_one_validate_accepts(self, text: str) -> None:
        number = cf.parse_number_text(text)
        found = cf.validate(NATIONAL, {"spec": NATIONAL.id, "values": {"basic.area": text}})
        unread = {f.code for f in found.findings if f.field == "basic.area"} & {
            "wrong_type",
            "too_many_digits",
        }
        if text.strip():
            assert (number is not None and number.adjusted() < cf.MAX_WHOLE_DIGITS) or unread

    @pytest.mark.parametrize("size", [10**6, 5 * 10**6])
    def test_bounded_time_on_absurd_text(self, size: int) -> None:
        start = time.perf_counter()
        assert isinstance(read_number("9" * size), cf.Invalid)
        assert isinstance(read_number("1," * size + "000"), cf.Invalid)
        assert time.perf_counter() - start < 5


class TestCells:
    """A cell read: a bounded Decimal, text, or Invalid kept as given."""

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            (12.5, "wrong_shape"),
            (True, "wrong_shape"),
            ([1], "wrong_shape"),
            ({"a": 1}, "wrong_shape"),
            (Decimal("NaN"), "wrong_shape"),
            (Decimal("-Infinity"), "wrong_shape"),
            (Decimal("1E+999"), "too_many_digits"),
            (Decimal("1E-999999999"), "too_many_digits"),
            (Decimal("9" * 5000), "too_many_digits"),
            (10**19, "too_many_digits"),
            ("1234567890123456789", "too_many_digits"),
            ("0.1234567890123", "too_many_digits"),
            ("约12", "not_a_number"),
            ("1e2", "not_a_number"),
            ("1\x00", "invalid_character"),
            ("a\ud800b", "invalid_character"),
            ("\ufffe", "invalid_character"),
        ],
    )
    def test_a_number_cell_keeps_what_it_cannot_take(self, value: object, problem: str) -> None:
        cell = read_number(value)
        assert isinstance(cell, cf.Invalid)
        assert (cell.problem, cell.value) == (problem, value)

    def test_what_can_be_shown_as_typed_keeps_its_text(self) -> None:
        assert read_number("约12") == cf.Invalid("约12", "not_a_number", "约12")
        assert read_number(Decimal("1E+999999999")).text == "1E+999999999"  # short, not a billion
        assert read_number(12.5).text is None  # a float cannot be shown: it is inexact
        assert read_text(Decimal(13800000000)) == cf.Invalid(
            Decimal(13800000000), "not_text", "13800000000"
        )

    @pytest.mark.parametrize(
        ("value", "number"),
        [
            (Decimal("1E+2"), Decimal(100)),
            (Decimal("-0.00"), Decimal("0.00")),
            ("-0", Decimal(0)),
            (7, Decimal(7)),
            (Decimal("123456789012345678.123456789012"), None),
        ],
    )
    def test_numbers(self, value: object, number: Decimal | None) -> None:
        cell = read_number(value)
        assert cell == (number if number is not None else value)
        assert isinstance(cell, Decimal)
        assert not cell.is_signed()

    @pytest.mark.parametrize("value", [None, "", "   ", "\u3000", "\t\n"])
    def test_blank_is_nothing(self, value: object) -> None:
        assert read_number(value) is None
        assert read_text(value) is None

    def test_tab_and_line_breaks_are_text(self) -> None:
        assert read_text("第一段\r\n第二段\t续") == "第一段\r\n第二段\t续"


class TestReading:
    """``read_application``: every value typed once, nothing dropped."""

    @pytest.mark.parametrize("spec_id", cf.list_specs())
    def test_examples_read_without_a_single_invalid_value(self, spec_id: str) -> None:
        application = cf.read_application(cf.load_spec(spec_id), example(spec_id))
        assert "Invalid(" not in str(application.values)
        assert application.unknown_fields == ()
        assert repr(application) == f"<Application {spec_id}: {len(application.values)} values>"

    def test_typed_values_by_kind(self) -> None:
        application = cf.read_application(NATIONAL, example())
        output = application.get("industry.total_output")
        assert isinstance(output, cf.ByYear)
        assert output.get(2022) == application.number("industry.total_output", 2022)
        assert isinstance(application.get("basic.industry_type"), cf.Chosen)
        assert application.option("basic.industry_type") == "secondary"
        assert isinstance(application.get("industry.chain_work"), cf.Checklist)
        assert isinstance(application.get("plan.targets"), cf.Targets)
        assert isinstance(application.get("innovation.standards"), cf.ByYear)
        assert application.text("cover.cluster_name") == "四川省成都市郫都区川菜调味品产业"
        assert application.attachments is not None
        first = example()["attachments"][0]
        assert application.attachments[0] == cf.Attachment(**first)

    def test_unknown_keys_and_fields_are_kept_for_validation(self) -> None:
        data = example()
        data["values"]["industry.total_output"]["1999"] = 1
        data["values"]["no.such"] = 1
        data["extra"] = True
        application = cf.read_application(NATIONAL, data)
        output = application.get("industry.total_output")
        assert isinstance(output, cf.ByYear)
        assert output.unknown == ("1999",)
        assert application.unknown_fields == ("no.such",)
        assert application.unknown_keys == ("extra",)

    @pytest.mark.parametrize("data", [None, [], "x", {"spec": "national-2023"}, {"values": []}])
    def test_a_non_application_is_an_application_error(self, data: object) -> None:
        with pytest.raises(cf.ApplicationError, match="not an application"):
            cf.read_application(NATIONAL, data)

    def test_an_application_read_for_another_spec_is_refused(self) -> None:
        application = cf.read_application(NATIONAL, example())
        assert cf.read_application(NATIONAL, application) is application
        with pytest.raises(cf.ApplicationError, match="read for spec 'national-2023'"):
            cf.read_application(cf.load_spec("guangxi-2025"), application)
        report = cf.validate(cf.load_spec("guangxi-2025"), application)
        assert report.codes == ("wrong_spec",)

    @pytest.mark.parametrize("spec_id", cf.list_specs())
    def test_validate_and_render_take_the_typed_application(self, spec_id: str) -> None:
        spec = cf.load_spec(spec_id)
        data = cf.load_application(EXAMPLES / f"{spec_id}.broken.json")
        application = cf.read_application(spec, data)
        assert cf.validate(spec, application) == cf.validate(spec, data)
        assert cf.eligibility(spec, application) == cf.eligibility(spec, data)
        assert cf.render(spec, "json-schema") == cf.render(spec, "json-schema")

    def test_the_canonical_document_reads_back_as_itself(self) -> None:
        data = example()
        data["values"]["basic.area"] = "１２．５"
        data["values"]["industry.chain_work"].reverse()
        data["values"]["industry.total_output"]["2020"] = None
        document = cf.read_application(NATIONAL, data).to_document()
        assert document["values"]["basic.area"] == Decimal("12.5")
        assert "2020" not in document["values"]["industry.total_output"]
        assert cf.read_application(NATIONAL, document).to_document() == document
        order = [o.id for o in NATIONAL.find("industry.chain_work").options]
        checked = [
            e if isinstance(e, str) else e["option"]
            for e in document["values"]["industry.chain_work"]
        ]
        assert checked == sorted(checked, key=order.index)

    def test_reading_never_changes_the_document(self) -> None:
        data = example()
        before = copy.deepcopy(data)
        cf.read_application(NATIONAL, data).to_document()
        assert data == before


class TestDocuments:
    """Parsing refuses characters a document cannot hold; one writer writes numbers exactly."""

    @pytest.mark.parametrize(
        ("text", "where"),
        [
            (
                r'{"values": {"basic.area": "a\u0000"}}',
                r'\$\.values\["basic\.area"\]: contains a control',
            ),
            (r'{"meta": {"x": "\ud800"}}', r"\$\.meta\.x: contains an unpaired surrogate U\+D800"),
            (r'{"meta": {"k\udfff": "v"}}', r"\$\.meta: a key contains an unpaired surrogate"),
            (r'{"values": {"a": [1, "\uffff"]}}', r"\$\.values\.a\[1\]: contains a non-character"),
            ('{"spec": "\\u001b]0;x\\u0007"}', r"\$\.spec: contains a control character U\+001B"),
            ('{"v": "\ud800"}', r"\$\.v: contains an unpaired surrogate"),
        ],
    )
    def test_characters_are_refused_naming_the_json_place(self, text: str, where: str) -> None:
        with pytest.raises(cf.ApplicationError, match=rf"^<application>: {where}"):
            cf.parse_application(text)

    def test_tabs_line_breaks_and_escaped_pairs_are_text(self) -> None:
        data = cf.parse_application(r'{"v": "a\tb\nc\rd \ud83d\ude00 \\u0000"}')
        assert data == {"v": "a\tb\nc\rd 😀 \\u0000"}

    def test_bytes_name_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.json"
        path.write_bytes(b'{"values": {"basic.area": "\\u0007"}}')
        with pytest.raises(cf.ApplicationError, match=r"bad\.json: \$\.values"):
            cf.load_application(path)

    def test_one_writer_for_applications(self) -> None:
        values = {
            "a": Decimal("0.07"),
            "b": Decimal(312),
            "c": Decimal("1E+2"),
            "d": Decimal("1E+999999999"),
            "e": Decimal("12.50"),
        }
        text = cf.dumps_application({"values": values})
        assert json.loads(text)["values"] == {
            "a": "0.07",
            "b": 312,
            "c": 100,
            "d": "1E+999999999",
            "e": "12.50",
        }
        assert len(text) < 200
        application = cf.read_application(NATIONAL, example())
        again = cf.parse_application(cf.dumps_application(application))
        assert cf.read_application(NATIONAL, again) == application


class TestFindings:
    """The findings of the reading: their codes, places and both languages."""

    def only(self, value: object, field: str = "basic.area") -> cf.Finding:
        report = cf.validate(NATIONAL, {"spec": NATIONAL.id, "values": {field: value}})
        found = [f for f in report.findings if f.field == field and f.code != "required"]
        assert len(found) == 1, found
        return found[0]

    def test_too_many_digits(self) -> None:
        found = self.only(Decimal("1E+999"))
        assert (found.code, found.location) == ("too_many_digits", "basic.area")
        assert found.message == (
            "「集群占地面积（平方公里）」填报为 1E+999，位数超出范围"
            "（整数部分至多18位，小数部分至多12位）"
        )

    def test_too_many_digits_in_a_year_names_the_year(self) -> None:
        found = self.only({"2020": "9" * 30, "2021": 1, "2022": 1}, "industry.enterprises")
        assert (found.code, found.location) == ("too_many_digits", "industry.enterprises[2020]")

    def test_invalid_character(self) -> None:
        found = self.only("12\x1b[2J")
        assert found.code == "invalid_character"
        assert (
            found.message == "「集群占地面积（平方公里）」含有文档无法保存的控制字符 U+001B，请删除"
        )
        report = cf.validate(
            NATIONAL, {"spec": NATIONAL.id, "values": {"basic.area": "\ud800"}}, lang="en"
        )
        (found,) = [f for f in report.findings if f.code == "invalid_character"]
        assert found.message == (
            "'集群占地面积（平方公里）' contains an unpaired surrogate U+D800, "
            "which a document cannot hold; remove it"
        )

    def test_invalid_character_deep_in_a_value(self) -> None:
        value = [{"option": "chain_map", "evidence": ["A\x00"]}]
        report = cf.validate(
            NATIONAL, {"spec": NATIONAL.id, "values": {"industry.chain_work": value}}
        )
        found = [f for f in report.findings if f.field == "industry.chain_work"]
        assert [f.code for f in found] == ["invalid_character", "evidence_missing"]

    def test_floats_and_bools_are_wrong_type(self) -> None:
        assert self.only(12.5).code == "wrong_type"
        assert self.only(value=True).code == "wrong_type"

    def test_the_new_codes_have_both_languages(self) -> None:
        assert MESSAGES["too_many_digits"][1]
        assert MESSAGES["invalid_character"][1]


class TestReport:
    """A report is a container of findings; ``ok`` is the pass/fail test."""

    def test_len_truth_iteration_and_repr(self) -> None:
        broken = cf.validate(NATIONAL, cf.load_application(EXAMPLES / "national-2023.broken.json"))
        assert len(broken) == len(broken.findings) > 0
        assert broken
        assert list(broken) == list(broken.findings)
        errors, warnings = len(broken.errors), len(broken.warnings)
        assert (
            repr(broken)
            == f"<Report national-2023: {errors} errors, {warnings} warning"
            + ("" if warnings == 1 else "s")
            + ">"
        )
        clean = cf.validate(NATIONAL, example())
        assert not clean
        assert len(clean) == 0
        assert repr(clean) == "<Report national-2023: 0 errors, 0 warnings>"

    def test_a_report_of_warnings_only_is_true_but_ok(self) -> None:
        data = example()
        data["values"]["industry.chain_work"] = ["chain_map"]  # evidence_missing, a warning
        report = cf.validate(NATIONAL, data)
        assert report
        assert report.ok
        assert repr(report) == "<Report national-2023: 0 errors, 1 warning>"
