"""The built wheel carries the specs and declares what it needs: installed alone, it works.

The wheel goes into a fresh venv that sees neither the base interpreter's
site-packages nor this one's.  Its dependencies are linked in from the running
environment, exactly the distributions its ``Requires-Dist`` names (and theirs,
recursively) and nothing else, so the test needs no network, and a dependency
missing from ``pyproject.toml`` fails it.
"""

from __future__ import annotations

import email
import importlib.metadata
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023", "summary-2023")
#: Variables that would let the venv's Python see other packages.
LEAKY = ("PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE", "PYTHONSTARTUP", "PYTHONSAFEPATH")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True,
    )  # fmt: skip
    return next(out.glob("clusterforms-*.whl"))


def requirements(wheel: Path) -> list[str]:
    """The wheel's own ``Requires-Dist`` lines."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(name))
    return metadata.get_all("Requires-Dist") or []


def closure(lines: list[str]) -> dict[str, importlib.metadata.Distribution]:
    """The installed distributions those requirements need, recursively, by normalised name."""
    found: dict[str, importlib.metadata.Distribution] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(Requirement(line), frozenset[str]()) for line in lines]
    while todo:
        requirement, extras = todo.pop()
        markers = requirement.marker
        if markers is not None and not any(
            markers.evaluate({"extra": extra}) for extra in (extras or {""})
        ):
            continue
        dist = importlib.metadata.distribution(requirement.name)
        key = dist.metadata["Name"].lower().replace("_", "-")
        assert requirement.specifier.contains(dist.version, prereleases=True), (key, dist.version)
        wanted = frozenset(requirement.extras)
        if (key, wanted) in seen:
            continue
        seen.add((key, wanted))
        found[key] = dist
        todo += [(Requirement(line), wanted) for line in dist.requires or []]
    return found


def link_into(site: Path, dist: importlib.metadata.Distribution) -> None:
    """Make ``dist`` importable in ``site`` by linking its top-level packages and metadata."""
    assert dist.files is not None, f"{dist.metadata['Name']} lists no files"
    tops = {f.parts[0] for f in dist.files if f.parts[0] not in {"..", "__pycache__"}}
    for top in sorted(tops):
        link, target = site / top, Path(str(dist.locate_file(top)))
        if target.exists() and not link.exists():
            link.symlink_to(target, target_is_directory=target.is_dir())


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the wheel and its dependencies only; returns the venv's folder."""
    env_dir = tmp_path_factory.mktemp("env") / "venv"
    venv.create(env_dir, system_site_packages=False, with_pip=False, symlinks=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        check=True,
    )  # fmt: skip
    site = Path(
        subprocess.run(
            [python, "-I", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    for dist in closure(requirements(wheel)).values():
        link_into(site, dist)
    return env_dir


def run_in(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a program of the venv with none of the variables that would widen its path."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    return subprocess.run(
        [*map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def test_wheel_contains_specs_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for spec_id in SHIPPED:
        assert f"clusterforms/specs/{spec_id}.toml" in names
    assert "clusterforms/py.typed" in names


def test_the_venv_sees_nothing_but_the_wheel_and_its_dependencies(
    installed: Path, tmp_path: Path
) -> None:
    script = (
        "import importlib.util, sys;"
        "print(sys.prefix != sys.base_prefix, *(importlib.util.find_spec(m) is None"
        " for m in ('pytest', 'hypothesis', 'hatchling')))"
    )
    result = run_in(installed / "bin" / "python", "-I", "-c", script, cwd=tmp_path)
    assert result.stdout.split() == ["True", "True", "True", "True"], result.stderr


def test_installed_wheel_loads_every_spec(installed: Path, tmp_path: Path) -> None:
    script = (
        "import clusterforms, pathlib, sys;"
        "here = pathlib.Path(clusterforms.__file__).resolve();"
        "assert here.is_relative_to(pathlib.Path(sys.prefix).resolve()), here;"
        "print(' '.join(s.id for s in map(clusterforms.load_spec, clusterforms.list_specs())))"
    )
    result = run_in(installed / "bin" / "python", "-I", "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == list(SHIPPED)
    shown = run_in(installed / "bin" / "clusterforms", "show", "national-2023", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "一、基本情况" in shown.stdout


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "json-schema"])
def test_installed_wheel_renders_with_its_declared_dependencies(
    installed: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"form.{fmt}"
    cli = installed / "bin" / "clusterforms"
    result = run_in(cli, "render", "national-2023", "-f", fmt, "-o", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000
