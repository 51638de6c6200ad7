"""The clusterforms command: listing and showing specs, and clear failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import clusterforms
from clusterforms.cli import main

ROOT = Path(__file__).resolve().parent.parent


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


#: A spec file's name, or what it holds → the one line ``show`` prints about it.
HOSTILE_SPEC_FILES = {
    "/dev/zero": "not a spec file (not a regular file)",
    "fifo": "not a spec file (not a regular file)",
    "a = " + "[" * 5000 + "]" * 5000: "nested too deeply to be a spec",
    "a = " + "{b = " * 5000 + "1" + "}" * 5000: "nested too deeply to be a spec",
    "a = " + "9" * 5000: ":1: invalid TOML: a number is too long (thousands of digits)",
}


@pytest.mark.parametrize(
    "hostile", HOSTILE_SPEC_FILES, ids=["/dev/zero", "fifo", "arrays", "tables", "5000 digits"]
)
def test_a_hostile_spec_file_is_one_line_quickly(tmp_path: Path, hostile: str) -> None:
    if hostile == "/dev/zero":
        path = Path(hostile)
    elif hostile == "fifo":
        path = tmp_path / "pipe.toml"
        os.mkfifo(path)
    else:
        path = tmp_path / "hostile.toml"
        path.write_text(hostile + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "clusterforms", "show", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"clusterforms: error: {path}")
    assert HOSTILE_SPEC_FILES[hostile] in line


def test_a_spec_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Notepad saves UTF-8 with a BOM; the spec reads as without it, as JSON does."""
    text = (ROOT / "specs" / "national-2023.toml").read_text(encoding="utf-8")
    path = tmp_path / "bom.toml"
    path.write_bytes(
        b"\xef\xbb\xbf" + text.replace('id = "national-2023"', 'id = "bom-2023"', 1).encode()
    )
    app = tmp_path / "app.json"
    app.write_bytes(
        b"\xef\xbb\xbf"
        + (ROOT / "examples" / "national-2023.json")
        .read_bytes()
        .replace(b'"national-2023"', b'"bom-2023"', 1)
    )
    assert main(["show", str(path)]) == 0
    assert main(["validate", str(app), "--spec", str(path)]) == 0
