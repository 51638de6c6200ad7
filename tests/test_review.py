"""The batch review: rows, criteria figures, places, and each report format."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import clusterforms
from clusterforms import (
    BatchReview,
    ReviewInput,
    load_application,
    load_spec,
    read_application,
    review_batch,
    review_csv,
    review_documents,
    review_html,
    review_report,
    validate,
)
from clusterforms.cli.main import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def checked(name: str, document: dict[str, object] | None = None) -> ReviewInput:
    """An example (or ``document`` for its spec) validated as ``validate`` does."""
    data = document if document is not None else load_application(EXAMPLES / f"{name}.json")
    spec = load_spec(str(data["spec"]))
    application = read_application(spec, data)
    return ReviewInput(
        source=f"{name}.json",
        spec=spec,
        report=validate(spec, application),
        application=application,
    )


def named(name: str, cluster: str) -> dict[str, object]:
    data = load_application(EXAMPLES / f"{name}.json")
    data["values"]["cover.cluster_name"] = cluster  # type: ignore[index]
    return data


@pytest.fixture(scope="module")
def review() -> BatchReview:
    return review_batch(
        [
            checked("national-2023"),
            checked("national-2023.broken"),
            ReviewInput(source="gone.json", problem="gone.json: no such file"),
            checked("guangxi-2025"),
        ]
    )


def test_one_row_per_file_with_the_cover_and_counts(review: BatchReview) -> None:
    first, broken, gone, guangxi = review.applications
    assert [a.number for a in review.applications] == [1, 2, 3, 4]
    assert first.cluster_name == "四川省成都市郫都区川菜调味品产业"
    assert first.region.startswith("四川省成都市")
    assert (first.errors, broken.errors) == (0, 11)
    assert not gone.readable
    assert gone.problem == "gone.json: no such file"
    assert guangxi.region  # the Guangxi cover names the city only; still a region


def test_each_numeric_criterion_has_its_deciding_figure(review: BatchReview) -> None:
    output = review.applications[0].criterion("core.output")
    assert output is not None
    assert output.status == "pass"
    assert output.value == Decimal("52.31")  # the worst of 52.31, 58.07, 64.12: each year counts
    assert output.gauge is not None
    assert output.gauge.wanted == "≥ 40亿元"
    growth = review.applications[0].criterion("core.growth")
    assert growth is not None
    assert growth.value is not None
    assert growth.gauge is not None
    tax = review.applications[0].criterion("compliance.tax")
    assert tax is not None
    assert tax.value is None
    assert tax.gauge is None


def test_a_json_finding_is_placed_by_its_field_id(review: BatchReview) -> None:
    places = {f.place for f in review.applications[1].findings}
    assert "basic.area" in places
    assert all(f.number == 2 for f in review.applications[1].findings)


def test_a_word_finding_is_placed_by_section_table_row(tmp_path: Path) -> None:
    data = load_application(EXAMPLES / "national-2023.json")
    data["values"]["basic.area"] = "约十二平方公里"  # type: ignore[index]
    spec = load_spec("national-2023")
    form = tmp_path / "form.docx"
    form.write_bytes(clusterforms.render(spec, "docx", data))
    reading = clusterforms.read(form)
    report = validate(spec, reading.document)
    entry = ReviewInput(source=str(form), spec=spec, report=report, notes=reading.notes)
    (finding,) = review_batch([entry]).applications[0].findings
    assert finding.code == "wrong_type"
    assert finding.location == "basic.area"
    assert finding.place == "一、基本情况 · 表1 · 第6行 · 第2格"


def test_a_workbook_finding_is_placed_by_its_cell(tmp_path: Path) -> None:
    data = load_application(EXAMPLES / "national-2023.json")
    data["values"]["basic.area"] = "约十二平方公里"  # type: ignore[index]
    spec = load_spec("national-2023")
    workbook = tmp_path / "filled.xlsx"
    workbook.write_bytes(clusterforms.render(spec, "xlsx", data))
    reading = clusterforms.read(workbook)
    report = validate(spec, reading.document)
    entry = ReviewInput(source=str(workbook), spec=spec, report=report, notes=reading.notes)
    (finding,) = review_batch([entry]).applications[0].findings
    assert re.fullmatch(r"一、基本情况![A-Z]+[0-9]+", finding.place), finding.place


def test_json_keeps_every_field_of_the_old_report_and_adds_some(review: BatchReview) -> None:
    first, broken, gone, _ = review_documents(review)
    old = {"file", "readable", "spec", "ok", "errors", "warnings", "findings"}
    assert old <= set(broken)
    assert gone == {"file": "gone.json", "number": 3, "readable": False, "problem": gone["problem"]}
    assert {"code", "severity", "message", "field", "place"} <= set(broken["findings"][0])
    output = next(c for c in first["criteria"] if c["id"] == "core.output")
    assert output == {
        "id": "core.output",
        "status": "pass",
        "text": "近三年每年集群总产值不低于40亿元",
        "details": output["details"],
        "op": "ge",
        "threshold": "40",
        "unit": "亿元",
        "value": "52.31",
    }


def test_html_escapes_what_comes_from_files() -> None:
    script = "<script>alert('x')</script>"
    page = review_html(review_batch([checked("national-2023", named("national-2023", script))]))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # the page's own
    assert "http://" not in page
    assert "https://" not in page


def test_html_charts_each_numeric_criterion_and_labels_near_misses() -> None:
    close = named("national-2023", "差一点集群")
    close["values"]["industry.total_output"] = {  # type: ignore[index]
        "2020": "39.50",
        "2021": "58.07",
        "2022": "64.12",
    }
    page = review_html(review_batch([checked("national-2023"), checked("national-2023", close)]))
    assert page.count('<svg class="chart"') >= 5
    chart = page.split('data-criterion="core.output"', 1)[1].split("</svg>", 1)[0]
    assert "≥ 40亿元" in chart
    assert 'class="near"' in chart
    assert "#2 39.50" in chart
    assert chart.count('<circle class="dot"') == 2


def test_csv_is_one_finding_a_line_for_excel_with_formulas_defused() -> None:
    broken = named("national-2023.broken", "=HYPERLINK(1)")
    review = review_batch([checked("national-2023"), checked("national-2023.broken", broken)])
    data = review_csv(review)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "序号 no."
    assert len(rows) == 1 + len(review.findings) == 12
    assert {row[2] for row in rows[1:]} == {"'=HYPERLINK(1)"}
    assert all(row[0] == "2" for row in rows[1:])


def test_xlsx_has_linked_sheets_of_applications_and_findings(review: BatchReview) -> None:
    book = openpyxl.load_workbook(io.BytesIO(review_report(review, "xlsx")))
    applications, findings = book.worksheets[:2]
    assert applications.title.startswith("申报")
    assert findings.title.startswith("问题清单")
    assert applications.max_row == 1 + 4
    assert findings.max_row == 1 + len(review.findings)
    assert applications["I3"].value == "问题清单 findings 第2行"  # the broken one's first finding
    assert applications["I3"].hyperlink.location == "'问题清单 findings'!A2"  # a click goes there
    assert applications["I2"].hyperlink is None  # the clean one has no finding to go to
    assert findings["A2"].value == "2"  # the key column both sheets share


def test_the_command_writes_each_format_by_its_name(tmp_path: Path) -> None:
    files = [str(EXAMPLES / "national-2023.json"), str(EXAMPLES / "national-2023.broken.json")]
    for suffix in ("html", "json", "xlsx", "csv"):
        report = tmp_path / f"审核报告.{suffix}"
        assert main(["validate", *files, "--report", str(report)]) == 1
        assert report.stat().st_size > 0
    page = (tmp_path / "审核报告.html").read_text(encoding="utf-8")
    assert "四川省成都市郫都区川菜调味品产业" in page
    written = json.loads((tmp_path / "审核报告.json").read_text(encoding="utf-8"))
    assert [d["ok"] for d in written] == [True, False]


def test_an_unknown_report_name_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    assert main(["validate", str(EXAMPLES / "national-2023.json"), "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "report.txt" in err
    assert ".html" in err
    assert not report.exists()


def test_a_report_never_overwrites_an_input(tmp_path: Path) -> None:
    source = tmp_path / "app.json"
    source.write_bytes((EXAMPLES / "national-2023.json").read_bytes())
    before = source.read_bytes()
    assert main(["validate", str(source), "--report", str(source)]) == 2
    assert source.read_bytes() == before
