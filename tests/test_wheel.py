"""The built wheel carries the specs: installed into a fresh venv, every spec loads."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023", "summary-2023")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return next(out.glob("clusterforms-*.whl"))


def test_wheel_contains_specs_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for spec_id in SHIPPED:
        assert f"clusterforms/specs/{spec_id}.toml" in names
    assert "clusterforms/py.typed" in names


def test_installed_wheel_loads_every_spec(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # Dependencies come from this interpreter's site-packages; clusterforms itself from the wheel.
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    script = (
        "import clusterforms, pathlib;"
        "assert 'venv' in clusterforms.__file__, clusterforms.__file__;"
        "print(' '.join(s.id for s in map(clusterforms.load_spec, clusterforms.list_specs())))"
    )
    result = subprocess.run(
        [python, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert result.stdout.split() == list(SHIPPED)
    shown = subprocess.run(
        [env_dir / "bin" / "clusterforms", "show", "national-2023"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "一、基本情况" in shown.stdout
