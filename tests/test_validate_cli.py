"""clusterforms validate: exit codes, summaries, reports, unreadable input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clusterforms", "validate", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_valid_file_exits_0_with_summary() -> None:
    result = run(EXAMPLES / "national-2023.json")
    assert result.returncode == 0, result.stderr
    assert "四川省成都市郫都区川菜调味品产业" in result.stdout
    assert result.stdout.splitlines()[-1].split()[-2:] == ["0", "0"]


def test_invalid_file_exits_1_listing_every_finding() -> None:
    result = run(EXAMPLES / "national-2023.broken.json")
    assert result.returncode == 1
    assert "[decimals]" in result.stdout
    assert "basic.area: 错误 [decimals] 「集群占地面积（平方公里）」填报为 12.505" in result.stdout


def test_english_json_output() -> None:
    result = run(EXAMPLES / "national-2023.broken.json", "--format", "json", "--lang", "en")
    (document,) = json.loads(result.stdout)
    assert document["errors"] == 11
    assert any("keep 2 decimal places" in f["message"] for f in document["findings"])


def test_many_files_summary_and_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    files = sorted(EXAMPLES.glob("*.json"))
    result = run(*files, "--report", report)
    assert result.returncode == 1
    table, pairs = result.stdout.split("相似申报 look-alike: ", 1)
    assert len(table.splitlines()) == len(files) + 1
    # each example and its broken copy look alike (summary-2023's two have no cover)
    assert len(pairs.split("相似申报 look-alike: ")) == 4
    written = json.loads(report.read_text(encoding="utf-8"))
    assert [d["ok"] for d in written] == [not f.name.endswith(".broken.json") for f in files]


def test_broken_json_exits_2_with_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"spec": "national-2023",\n "values": {,}}', encoding="utf-8")
    result = run(bad)
    assert result.returncode == 2
    assert f"{bad}:2:" in result.stderr
    assert "invalid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_inputs(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"spec": "国家"}'.encode("gbk"))
    nan = tmp_path / "nan.json"
    nan.write_text('{"spec": "national-2023", "values": {"basic.area": NaN}}', encoding="utf-8")
    dup = tmp_path / "dup.json"
    dup.write_text('{"spec": "national-2023", "spec": "x", "values": {}}', encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    for path, reason in [
        (gbk, "not UTF-8"),
        (nan, "NaN is not a number"),
        (dup, "duplicate key 'spec'"),
        (deep, "nested too deeply"),
        (tmp_path / "missing.json", "no such file"),
    ]:
        result = run(path)
        assert result.returncode == 2, path
        assert reason in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_unknown_spec_in_document_exits_2(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"spec": "hubei-2030", "values": {}}', encoding="utf-8")
    result = run(other)
    assert result.returncode == 2
    assert "no spec with id 'hubei-2030'" in result.stderr


def test_spec_option_overrides_document() -> None:
    result = run(EXAMPLES / "national-2023.json", "--spec", "guangxi-2025")
    assert result.returncode == 1
    assert (
        "wrong_spec"
        in run(EXAMPLES / "national-2023.json", "--spec", "guangxi-2025", "--format", "json").stdout
    )
