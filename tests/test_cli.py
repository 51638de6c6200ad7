"""The clusterforms command: listing and showing specs, and clear failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import clusterforms
from clusterforms.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clusterforms", *args], capture_output=True, text=True, check=False
    )


def test_specs_lists_every_spec_with_title_region_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["specs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(clusterforms.list_specs())
    assert any(
        line.startswith("jiangsu-2024") and "江苏省" in line and "2024" in line for line in out
    )


@pytest.mark.parametrize("spec_id", clusterforms.list_specs())
def test_show_text_lists_sections_and_items(
    spec_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", spec_id]) == 0
    out = capsys.readouterr().out
    spec = clusterforms.load_spec(spec_id)
    for section in spec.sections:
        assert section.title in out
    for _, item in spec.walk():
        assert item.id in out


def test_show_json_is_the_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "national-2023", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "national-2023"
    assert data["data_years"] == [2020, 2021, 2022]
    industry = next(s for s in data["sections"] if s["id"] == "industry")
    output = next(i for i in industry["items"] if i["id"] == "industry.total_output")
    assert output == {
        "id": "industry.total_output",
        "kind": "yearly",
        "label": "集群总产值（亿元）",
        "unit": "亿元",
        "decimals": 2,
        "required": True,
    }


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"clusterforms {clusterforms.__version__}"


def test_unknown_spec_exits_2_with_one_line_and_no_traceback() -> None:
    result = run("show", "hubei-2030")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "no spec with id 'hubei-2030'" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_spec_file_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\ntitle = \n', encoding="utf-8")
    result = run("show", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"clusterforms: error: {path}:2: invalid TOML")
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2() -> None:
    result = run("show")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_spec_schema_command_prints_the_spec_file_schema(tmp_path: Path) -> None:
    result = run("spec-schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    out = tmp_path / "spec.schema.json"
    assert run("spec-schema", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == schema


@pytest.mark.parametrize(
    ("name", "message"),
    [("/dev/zero", "not a regular file"), ("deep.toml", "nested too deeply")],
)
def test_a_hostile_spec_file_is_one_line_quickly(tmp_path: Path, name: str, message: str) -> None:
    path = Path(name) if name.startswith("/") else tmp_path / name
    if not name.startswith("/"):
        path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "clusterforms", "show", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == f"clusterforms: error: {path}: {message}\n" or (
        result.stderr.count("\n") == 1 and message in result.stderr
    )
    assert "Traceback" not in result.stderr
