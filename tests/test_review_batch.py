"""The batch report on a generated batch of 300 applications with errors and look-alikes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from clusterforms.cli.main import main
from tests.review_batch import SCRIPT_NAME, write_batch

COUNT = 300


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("batch")
    files = [str(p) for p in write_batch(folder, COUNT, xlsx_every=60)]
    written = {}
    for suffix in ("html", "json", "xlsx", "csv"):
        written[suffix] = folder / f"审核报告.{suffix}"
        assert main(["validate", *files, "--report", str(written[suffix])]) == 1
    return written


def test_the_json_report_has_every_application_errors_and_look_alikes(
    reports: dict[str, Path],
) -> None:
    documents = json.loads(reports["json"].read_text(encoding="utf-8"))
    assert len(documents) == COUNT
    assert all(d["readable"] for d in documents)
    assert sum(1 for d in documents if d["errors"]) >= COUNT // 7
    assert sum(1 for d in documents if d["file"].endswith(".xlsx")) == COUNT // 60
    kinds = {m["kind"] for d in documents for p in d.get("lookalikes", ()) for m in p["matches"]}
    assert {"cluster_name", "passage"} <= kinds


def test_the_page_shows_every_application_once_and_the_script_as_text(
    reports: dict[str, Path],
) -> None:
    page = reports["html"].read_text(encoding="utf-8")
    assert page.count('<tr data-number="') == COUNT
    assert SCRIPT_NAME not in page
    assert "&lt;script&gt;" in page
    assert page.count("<script>") == 1


def test_the_workbook_and_csv_hold_every_finding(reports: dict[str, Path]) -> None:
    documents = json.loads(reports["json"].read_text(encoding="utf-8"))
    findings = sum(len(d["findings"]) for d in documents)
    book = openpyxl.load_workbook(reports["xlsx"], read_only=True)
    applications, listed = book.worksheets[:2]
    assert applications.max_row == COUNT + 1
    assert listed.max_row == findings + 1
    rows = list(csv.reader(io.StringIO(reports["csv"].read_text(encoding="utf-8-sig"))))
    assert len(rows) == findings + 1
