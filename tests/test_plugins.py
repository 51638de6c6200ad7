"""A third-party renderer plugs in through entry points, without touching the core.

A tiny package (``cf-upper``) is built with the installed build backend and
pip-installed into a temporary folder; subprocesses see it through
``PYTHONPATH``, exactly as they would see a package installed by a user.  The
running environment is never modified.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import clusterforms as cf
from clusterforms.cli import main

PLUGIN_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "cf-upper"
version = "0.1.0"
description = "A third-party clusterforms renderer, for the tests"
requires-python = ">=3.11"

[project.entry-points."clusterforms.renderers"]
upper = "cf_upper:UpperRenderer"
failing = "cf_upper:FailingRenderer"
not-a-renderer = "cf_upper:NOT_A_RENDERER"
broken = "cf_broken:BrokenRenderer"

[tool.hatch.build.targets.wheel]
only-include = ["cf_upper.py", "cf_broken.py"]
"""

PLUGIN_MODULE = '''\
"""The spec's outline in capitals: a renderer written against the public API only."""

import clusterforms


class UpperRenderer(clusterforms.Renderer):
    name = "upper"
    media_type = "text/plain"
    extension = ".txt"
    text = True

    def render(self, spec, data=None):
        lines = [f"{spec.id.upper()} {spec.title}"]
        lines += [f"{section.id.upper()} {section.title}" for section in spec.sections]
        return ("\\n".join(lines) + "\\n").encode("utf-8")


class FailingRenderer(clusterforms.Renderer):
    name = "failing"
    media_type = "text/plain"
    extension = ".txt"
    text = True

    def render(self, spec, data=None):
        raise clusterforms.RenderError("the failing renderer always fails")


NOT_A_RENDERER = "just a string"
'''

BROKEN_MODULE = '''\
"""A renderer whose dependency is not installed: importing it fails."""

import cf_dependency_that_is_not_installed  # noqa: F401


class BrokenRenderer:
    pass
'''


def expected_upper(spec_id: str) -> str:
    spec = cf.load_spec(spec_id)
    lines = [f"{spec.id.upper()} {spec.title}"]
    lines += [f"{section.id.upper()} {section.title}" for section in spec.sections]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the plugin package was pip-installed into (with its .dist-info)."""
    root = tmp_path_factory.mktemp("plugin")
    source = root / "cf-upper"
    source.mkdir()
    (source / "pyproject.toml").write_text(PLUGIN_PYPROJECT, encoding="utf-8")
    (source / "cf_upper.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    (source / "cf_broken.py").write_text(BROKEN_MODULE, encoding="utf-8")
    target = root / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-index", "--no-deps", "--no-build-isolation", "--target", str(target),
         str(source)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert list(target.glob("cf_upper-0.1.0.dist-info/entry_points.txt"))
    return target


def run(
    *args: str, path: Path | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "clusterforms", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=cwd,
    )


def test_renderers_lists_the_plugin_next_to_the_built_in_ones(plugin_path: Path) -> None:
    result = run("renderers", path=plugin_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()}
    assert rows["upper"] == ["upper", ".txt", "blank", "cf-upper"]
    assert rows["json-schema"] == ["json-schema", ".schema.json", "blank", "clusterforms"]
    assert "failing" in rows  # it loads; it only fails when rendering
    assert "broken" not in rows  # its module cannot be imported: skipped, not fatal
    assert "not-a-renderer" not in rows
    assert result.stderr == ""


def test_render_uses_the_plugin(plugin_path: Path, tmp_path: Path) -> None:
    result = run("render", "national-2023", "--format", "upper", path=plugin_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected_upper("national-2023")
    out = tmp_path / "outline.txt"
    result = run("render", "jiangsu-2024", "-f", "upper", "-o", str(out), path=plugin_path)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, out.read_text(encoding="utf-8")) == ("", expected_upper("jiangsu-2024"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outline.txt"]


def test_the_plugin_through_the_python_api(plugin_path: Path) -> None:
    code = textwrap.dedent(
        """
        import clusterforms as cf
        names = [i.name for i in cf.available_renderers()]
        out = cf.render(cf.load_spec("guangxi-2025"), "upper")
        print(names.index("upper") >= 0, out.decode().splitlines()[0])
        """
    )
    env = {**os.environ, "PYTHONPATH": str(plugin_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True GUANGXI-2025 " + cf.load_spec("guangxi-2025").title


def test_unknown_format_exits_2_naming_the_available_ones(plugin_path: Path) -> None:
    result = run("render", "national-2023", "--format", "pdf-a", path=plugin_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "no renderer named 'pdf-a'" in result.stderr
    available = result.stderr.split("available:", 1)[1]
    for name in ("json-schema", "upper"):
        assert name in available
    assert "Traceback" not in result.stderr


def test_a_renderer_that_fails_to_import_is_reported_clearly(plugin_path: Path) -> None:
    result = run("render", "national-2023", "--format", "broken", path=plugin_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "renderer 'broken' (cf_broken:BrokenRenderer) failed to load" in result.stderr
    assert "cf_dependency_that_is_not_installed" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("render", "national-2023", "--format", "not-a-renderer", path=plugin_path)
    assert result.returncode == 2
    assert "is not a clusterforms.Renderer subclass" in result.stderr


def test_importing_clusterforms_and_listing_renderers_stays_light(plugin_path: Path) -> None:
    code = textwrap.dedent(
        """
        import json, sys
        import clusterforms
        names = [info.name for info in clusterforms.available_renderers()]
        heavy = sorted(
            m for m in sys.modules
            if m.split(".")[0] in {"openpyxl", "docx", "jsonschema", "fastjsonschema", "lxml"}
        )
        print(json.dumps({"names": names, "heavy": heavy}))
        """
    )
    for extra in (None, plugin_path):
        env = dict(os.environ)
        if extra is not None:
            env["PYTHONPATH"] = str(extra)
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert "json-schema" in report["names"]
        assert report["heavy"] == []


def test_a_failed_render_writes_nothing_and_keeps_the_old_file(
    plugin_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "form.txt"
    result = run("render", "national-2023", "-f", "failing", "-o", str(out), path=plugin_path)
    assert result.returncode == 2
    assert "the failing renderer always fails" in result.stderr
    assert list(tmp_path.iterdir()) == []
    out.write_text("the previous version\n", encoding="utf-8")
    result = run("render", "national-2023", "-f", "failing", "-o", str(out), path=plugin_path)
    assert result.returncode == 2
    assert out.read_text(encoding="utf-8") == "the previous version\n"
    assert list(tmp_path.iterdir()) == [out]


def test_output_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "national-2023.schema.json"
    assert main(["render", "national-2023", "-f", "json-schema", "-o", str(out)]) == 0
    rendered = cf.render(cf.load_spec("national-2023"), "json-schema")
    assert out.read_bytes() == rendered
    out.write_bytes(b"previous")

    def fail(_: int) -> None:
        msg = "disk full"
        raise OSError(msg)

    monkeypatch.setattr(os, "fsync", fail)  # the write fails after the temp file has bytes
    with pytest.raises(OSError, match="disk full"):
        main(["render", "national-2023", "-f", "json-schema", "-o", str(out)])
    assert out.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [out]  # the temporary file is gone too
