"""The diff, matrix and migrate verbs: formats, filters, files, colour and clean failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import clusterforms as cf
from clusterforms import SpecDiff
from clusterforms.cli import main
from clusterforms.model.loading import spec_dir
from tests.test_diff import assert_self_contained_html

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clusterforms", *args], capture_output=True, text=True, check=False
    )


# -------------------------------------------------------------------- diff
def test_diff_text_counts_first_no_colour_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "national-2023", "guangxi-2025"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("national-2023 → guangxi-2025：")
    assert "不兼容" in first
    assert "\x1b[" not in out
    assert "二、主导产业情况 [industry]" in out


def test_diff_text_is_coloured_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["diff", "national-2023", "guangxi-2025"]) == 0
    assert "\x1b[31m" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["diff", "national-2023", "guangxi-2025"]) == 0
    assert "\x1b[" not in capsys.readouterr().out


def test_diff_json_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "national-2023", "guangxi-2025", "--format", "json"]) == 0
    text = capsys.readouterr().out
    d = SpecDiff.from_json(text)
    assert cf.load_spec("guangxi-2025") == _patch("national-2023", d)
    assert json.loads(text)["counts"]["total"] == len(d.changes)


def _patch(base: str, d: SpecDiff) -> cf.FormSpec:
    from clusterforms import patch  # noqa: PLC0415

    return patch(cf.load_spec(base), d)


def test_diff_only_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["diff", "national-2023", "guangxi-2025", "--format", "json", "--only", "breaking"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["changes"]
    assert {c["impact"] for c in data["changes"]} == {"breaking"}
    assert data["counts"]["wording"] == 0
    argv = ["diff", "national-2023", "guangxi-2025", "--only", "additive,wording"]
    assert main([*argv, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "(showing additive, wording only)" in out
    assert "\n  ! " not in out


def test_diff_only_rejects_unknown_classes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["diff", "national-2023", "guangxi-2025", "--only", "cosmetic"])
    assert exc.value.code == 2
    assert "breaking, additive, wording" in capsys.readouterr().err


@pytest.mark.parametrize(("fmt", "suffix"), [("md", ".md"), ("html", ".html"), ("text", ".txt")])
def test_diff_writes_files(
    tmp_path: Path, fmt: str, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"diff{suffix}"
    assert main(["diff", "jiangsu-2024", "shanghai-2023", "--format", fmt, "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text(encoding="utf-8")
    assert "jiangsu-2024 → shanghai-2023" in text
    assert "\x1b[" not in text
    if fmt == "html":
        assert_self_contained_html(text)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_diff_accepts_spec_files(capsys: pytest.CaptureFixture[str]) -> None:
    path = spec_dir() / "national-2023.toml"
    assert main(["diff", str(path), "national-2023", "--lang", "en"]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[0]
        .endswith("0 changes — 0 breaking, 0 additive, 0 wording")
    )


def test_diff_unknown_spec_is_one_line_exit_2() -> None:
    result = run("diff", "national-2023", "atlantis-2030")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "atlantis-2030" in result.stderr
    assert "Traceback" not in result.stderr


def test_diff_unwritable_output_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing-dir" / "diff.html"
    assert main(["diff", "national-2023", "guangxi-2025", "-o", str(target)]) == 2
    assert "cannot be written: the folder" in capsys.readouterr().err


def test_diff_end_to_end_through_python_m() -> None:
    result = run("diff", "national-2023", "guangxi-2025", "--format", "md")
    assert result.returncode == 0
    assert result.stdout.startswith("# national-2023 → guangxi-2025")


# ------------------------------------------------------------------ matrix
def test_matrix_text_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", *cf.list_specs()]) == 0
    out = capsys.readouterr().out
    assert "industry.fdi_growth" in out
    assert all(s in out for s in cf.list_specs())


def test_matrix_xlsx_and_html(tmp_path: Path) -> None:
    xlsx = tmp_path / "matrix.xlsx"
    html = tmp_path / "matrix.html"
    assert main(["matrix", *cf.list_specs(), "-o", str(xlsx)]) == 0
    assert main(["matrix", *cf.list_specs(), "-o", str(html)]) == 0
    sheet = openpyxl.load_workbook(xlsx)["栏目对照表"]
    assert sheet["C1"].value == cf.list_specs()[0]
    assert_self_contained_html(html.read_text(encoding="utf-8"))


def test_matrix_refuses_other_file_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["matrix", "national-2023", "-o", str(tmp_path / "m.csv")]) == 2
    assert ".xlsx or .html" in capsys.readouterr().err
    assert not (tmp_path / "m.csv").exists()


# ----------------------------------------------------------------- migrate
def test_migrate_to_stdout_report_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    app = EXAMPLES / "national-2023.json"
    assert main(["migrate", str(app), "--to", "guangxi-2025", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    draft = cf.parse_application(captured.out)
    assert draft["spec"] == "guangxi-2025"
    assert captured.err.startswith("migrated national-2023 → guangxi-2025:")
    assert "dropped:" in captured.err
    assert "now empty (required by the new form):" in captured.err


def test_migrate_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = EXAMPLES / "national-2023.json"
    out, report = tmp_path / "draft.json", tmp_path / "report.json"
    code = main(
        ["migrate", str(app), "--to", "guangxi-2025", "-o", str(out), "--report", str(report)]
    )
    assert code == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(report) in captured.err
    draft = cf.load_application(out)
    assert draft["values"]["industry.total_output"] == {
        "2022": cf.load_application(app)["values"]["industry.total_output"]["2022"]
    }
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["from"] == "national-2023"
    assert data["counts"]["dropped"] > 0
    assert any(m["field"] == "basic.restricted" for m in data["missing"])


def test_migrate_with_wrong_from_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    app = EXAMPLES / "national-2023.json"
    assert main(["migrate", str(app), "--to", "guangxi-2025", "--from", "jiangsu-2024"]) == 2
    assert "fills 'national-2023'" in capsys.readouterr().err


def test_migrate_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = run("migrate", str(tmp_path / "nope.json"), "--to", "guangxi-2025")
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------- what is printed
def test_control_characters_in_a_spec_are_escaped_on_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (spec_dir() / "national-2023.toml").read_text(encoding="utf-8")
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(
        text.replace('label = "集群名称："', 'label = "集群名称：\\u001b[2J\\u001b]0;x\\u0007"'),
        encoding="utf-8",
    )
    for argv in (
        ["diff", str(hostile), "national-2023"],
        ["diff", str(hostile), "national-2023", "--format", "md"],
        ["diff", str(hostile), "national-2023", "--format", "json"],
        ["show", str(hostile)],
    ):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out, argv
        assert "\\x1b" in out or "\\u001b" in out, argv
