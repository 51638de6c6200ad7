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
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import clusterforms as cf
from clusterforms.cli import main
from clusterforms.testing import check_renderer, sample_application
from tests.strategies import specs

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
box = "cf_upper:BoxRenderer"

[tool.hatch.build.targets.wheel]
only-include = ["cf_upper.py", "cf_broken.py"]
"""

PLUGIN_MODULE = '''\
"""Renderers written against the public API only, as a third party would."""

import json
from decimal import Decimal
from pathlib import Path

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

# A renderer with every capability, as a third party would write one: its files
# hold the application as JSON behind a mark; it reads them back, annotates them
# and writes tables as tab-separated text.
MARK = b"cf-box/1\\n"


def _encode(value):
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {"$decimal"}:
            return Decimal(value["$decimal"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


class BoxRenderer(clusterforms.Renderer):
    name = "box"
    media_type = "application/x-cf-box"
    extension = ".box"
    can_fill = True
    can_read = True
    read_suffixes = (".box",)
    can_annotate = True
    can_table = True

    def render(self, spec, data=None):
        document = None if data is None else data.to_document()
        body = {"spec": spec.id, "document": _encode(document)}
        return MARK + json.dumps(body, ensure_ascii=False).encode("utf-8")

    def sniff(self, head):
        return head.startswith(MARK)

    def _open(self, source, name):
        where = name or ("<box>" if isinstance(source, bytes) else str(source))
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        if not data.startswith(MARK):
            raise clusterforms.ReadError(f"{where}: not a box file")
        try:
            return where, json.loads(data[len(MARK):])
        except ValueError as exc:
            raise clusterforms.ReadError(f"{where}: damaged box file ({exc})") from None

    def read(self, source, *, spec=None, name=None):
        where, body = self._open(source, name)
        try:
            spec = clusterforms.find_spec(body.get("spec"), spec)
        except clusterforms.SpecNotFoundError as exc:
            raise clusterforms.ReadError(f"{where}: {exc}") from None
        document = _decode(body.get("document")) or {"spec": spec.id, "values": {}}
        note = clusterforms.ReadingNote(kind="notice", place="line 1", message="a box file")
        return clusterforms.Reading(
            document=document, spec=spec, source=where, format="box", notes=(note,)
        )

    def annotate(self, source, report, *, name=None):
        _, body = self._open(source, name)
        body["findings"] = [f.code for f in report.findings]
        return MARK + json.dumps(body, ensure_ascii=False).encode("utf-8")

    def render_table(self, table):
        lines = ["\\t".join(table.header)]
        lines += ["\\t".join(cell.text for cell in row) for row in table.rows]
        return ("\\n".join(lines) + "\\n").encode("utf-8")
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


#: The columns of ``clusterforms renderers`` between the extension and the package.
CAPABILITIES = ["fills", "reads", "annotates", "tables", "imports"]


def test_renderers_lists_the_plugin_next_to_the_built_in_ones(plugin_path: Path) -> None:
    result = run("renderers", path=plugin_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()}
    assert rows["name"] == ["name", "extension", *CAPABILITIES, "package"]
    nothing = ["-"] * len(CAPABILITIES)  # draws blank forms, and that is all
    assert rows["upper"] == ["upper", ".txt", *nothing, "cf-upper"]
    assert rows["box"] == ["box", ".box", "yes", ".box", "yes", "yes", "-", "cf-upper"]
    assert rows["json-schema"] == ["json-schema", ".schema.json", *nothing, "clusterforms"]
    assert rows["xlsx"][2:7] == ["yes", ".xlsx,.xlsm", "yes", "yes", "-"]
    assert rows["docx"][2:7] == ["yes", ".docx,.doc,.wps,.odt,.rtf", "yes", "-", "yes"]
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
        from clusterforms import *  # every public name, imported
        names = [info.name for info in clusterforms.available_renderers()]
        heavy = sorted(
            m for m in sys.modules
            if m.split(".")[0]
            in {"openpyxl", "docx", "jsonschema", "fastjsonschema", "lxml", "defusedxml"}
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


def test_output_is_written_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "national-2023.schema.json"
    assert main(["render", "national-2023", "-f", "json-schema", "-o", str(out)]) == 0
    rendered = cf.render(cf.load_spec("national-2023"), "json-schema")
    assert out.read_bytes() == rendered
    out.write_bytes(b"previous")

    def fail(_: int) -> None:
        msg = "disk full"
        raise OSError(msg)

    monkeypatch.setattr(os, "fsync", fail)  # the write fails after the temp file has bytes
    assert main(["render", "national-2023", "-f", "json-schema", "-o", str(out)]) == 2
    assert "cannot be written (disk full)" in capsys.readouterr().err
    assert out.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [out]  # the temporary file is gone too


# ------------------------------------------------- reading, annotating, tables


def python(code: str, path: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(path)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=cwd,
    )


def test_the_plugins_pass_the_renderer_contract(plugin_path: Path) -> None:
    result = python(
        """
        from clusterforms.testing import check_renderer
        from cf_upper import BoxRenderer, UpperRenderer
        check_renderer(UpperRenderer())
        check_renderer(BoxRenderer())
        print("ok")
        """,
        plugin_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"


def test_a_third_party_reader_is_found_by_suffix_and_by_sniffing(
    plugin_path: Path, tmp_path: Path
) -> None:
    result = python(
        """
        import json, pathlib
        import clusterforms as cf
        from clusterforms.testing import sample_application
        spec = cf.load_spec("guangxi-2025")
        data = sample_application(spec)
        out = cf.render(spec, "box", data)
        pathlib.Path("form.box").write_bytes(out)
        pathlib.Path("form.dat").write_bytes(out)
        readings = [cf.read("form.box"), cf.read("form.dat"), cf.read(out)]
        assert all(r.document == data and r.format == "box" for r in readings)
        assert [n.kind for n in readings[0].problems] == ["notice"]
        report = cf.validate(spec, data)
        cf.annotate("form.box", report, "copy.box")
        assert cf.read("copy.box").document == data
        info = next(i for i in cf.available_renderers() if i.name == "box")
        print(json.dumps([info.can_read, info.read_suffixes, info.can_annotate, info.can_table]))
        """,
        plugin_path,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, [".box"], True, True]


def test_the_command_line_reads_through_a_third_party_reader(
    plugin_path: Path, tmp_path: Path
) -> None:
    spec = cf.load_spec("national-2023")
    data = sample_application(spec)
    form = tmp_path / "form.box"
    form.write_bytes(BoxRenderer().render(spec, cf.read_application(spec, data)))
    result = run("extract", str(form), path=plugin_path)
    assert result.returncode == 0, result.stderr
    extracted = cf.read_application(spec, cf.parse_application(result.stdout))
    assert extracted.to_document() == data
    assert result.stderr == f"{form}: line 1: 读取 [notice] a box file\n"
    copy = tmp_path / "copy.box"
    result = run("validate", str(form), "--annotate", str(copy), path=plugin_path)
    assert result.returncode == 0, result.stderr
    assert copy.read_bytes().startswith(b"cf-box/1\n")
    table = tmp_path / "matrix.box"
    result = run("matrix", "national-2023", "guangxi-2025", "-o", str(table), path=plugin_path)
    assert result.returncode == 0, result.stderr
    assert table.read_text(encoding="utf-8").startswith("编号\t部分\tnational-2023\tguangxi-2025\n")
    result = run("matrix", "national-2023", "-o", str(tmp_path / "m.csv"), path=plugin_path)
    assert result.returncode == 2
    assert ".box or .xlsx or .html, not .csv" in result.stderr


def load_box() -> type[cf.Renderer]:
    namespace: dict[str, object] = {}
    exec(compile(PLUGIN_MODULE, "cf_upper.py", "exec"), namespace)  # noqa: S102 - our own text
    box = namespace["BoxRenderer"]
    assert isinstance(box, type)
    assert issubclass(box, cf.Renderer)
    return box


BoxRenderer = load_box()


class TestCheckRenderer:
    """check_renderer fails a renderer that breaks the contract, saying how."""

    def test_the_built_in_renderers_pass(self) -> None:
        for name in ("xlsx", "docx", "json-schema"):
            check_renderer(cf.get_renderer(name))

    def test_the_pdf_renderer_passes_on_one_spec(self) -> None:
        check_renderer(cf.get_renderer("pdf"), [cf.load_spec("summary-2023")])

    def test_a_reader_that_loses_a_value_fails(self) -> None:
        class Lossy(BoxRenderer):  # type: ignore[misc, valid-type]
            def read(self, source, *, spec=None, name=None):
                reading = super().read(source, spec=spec, name=name)
                values = dict(reading.document["values"])
                values.pop(min(values))
                return attrs.evolve(reading, document={**reading.document, "values": values})

        with pytest.raises(
            AssertionError, match=r"does not read back as it was filled: \$\.values"
        ):
            check_renderer(Lossy(), [cf.load_spec("national-2023")])

    def test_a_renderer_raising_something_else_than_render_error_fails(self) -> None:
        class Fragile(BoxRenderer):  # type: ignore[misc, valid-type]
            def render(self, spec, data=None):
                if data is not None and "no.such_field" in data.unknown_fields:
                    raise KeyError("no.such_field")
                return super().render(spec, data)

        with pytest.raises(AssertionError, match=r"raised KeyError.*must raise RenderError"):
            check_renderer(Fragile(), [cf.load_spec("national-2023")])

    def test_a_reader_that_accepts_anything_fails(self) -> None:
        class Gullible(BoxRenderer):  # type: ignore[misc, valid-type]
            def read(self, source, *, spec=None, name=None):
                if source == b"not a file of this format":
                    return super().read(self.render(cf.load_spec("national-2023")))
                return super().read(source, spec=spec, name=name)

        with pytest.raises(AssertionError, match="expected ReadError, but nothing was raised"):
            check_renderer(Gullible(), [cf.load_spec("national-2023")])

    def test_a_reader_without_suffixes_fails(self) -> None:
        class Nameless(BoxRenderer):  # type: ignore[misc, valid-type]
            read_suffixes = ()

        with pytest.raises(AssertionError, match="reads but has no read_suffixes"):
            check_renderer(Nameless(), [])


class TestSampleApplication:
    """sample_application fills every field of any spec, validly and the same every time."""

    @pytest.mark.parametrize("spec_id", cf.list_specs())
    def test_shipped_specs_validate_clean(self, spec_id: str) -> None:
        spec = cf.load_spec(spec_id)
        data = sample_application(spec)
        assert cf.validate(spec, data).findings == ()
        fields = {line.id for line in spec.cover.lines} | {
            item.id
            for _, item in spec.walk()
            if item.kind not in {"group", "pair", "year_header", "static"}
            and not (item.kind == "signoff" and not getattr(item, "opinion", False))
        }
        assert set(data["values"]) == fields
        assert sample_application(spec) == data

    @given(specs())
    def test_generated_specs_validate_without_errors(self, spec: cf.FormSpec) -> None:
        data = sample_application(spec)
        # Generated bounds may leave no value of the item's decimals: only those stay empty.
        impossible = {
            item.id
            for _, item in spec.walk()
            if isinstance(item, cf.NumberItem | cf.YearlyItem)
            and item.minimum is not None
            and item.maximum is not None
            and item.minimum.quantize(Decimal(1).scaleb(-item.decimals), ROUND_CEILING)
            > item.maximum
        }
        errors = cf.validate(spec, data).errors
        assert [f for f in errors if not (f.code == "required" and f.field in impossible)] == []
        assert set(data["values"]).isdisjoint(impossible)
        assert sample_application(spec) == data


@pytest.fixture(scope="module")
def workbook() -> bytes:
    spec = cf.load_spec("national-2023")
    return cf.render(spec, "xlsx", sample_application(spec))


class TestFindingTheRenderer:
    """read, annotate and render_table find their renderer through the registry, as for plugins."""

    def test_by_suffix_by_sniffing_and_by_name(self, workbook: bytes, tmp_path: Path) -> None:
        named, unnamed = tmp_path / "form.XLSX", tmp_path / "form"
        named.write_bytes(workbook)
        unnamed.write_bytes(workbook)
        readings = [
            cf.read(named),
            cf.read(unnamed),
            cf.read(workbook),
            cf.read(named, format="xlsx"),
        ]
        assert {r.format for r in readings} == {"xlsx"}
        assert [r.source for r in readings] == [str(named), str(unnamed), "<workbook>", str(named)]
        assert all(r.document == readings[0].document for r in readings)
        assert cf.read_xlsx(workbook) == readings[0].document
        assert cf.renderer_for_file(unnamed).name == "xlsx"
        assert cf.renderer_for_output(tmp_path / "m.xlsx", capability="table").name == "xlsx"

    def test_a_file_no_renderer_takes_is_a_read_error_naming_it(self, tmp_path: Path) -> None:
        notes = tmp_path / "notes.txt"
        notes.write_text("这不是申报表", encoding="utf-8")
        with pytest.raises(
            cf.ReadError, match=r"notes\.txt: no installed renderer can read files .*\.xlsx"
        ):
            cf.read(notes)
        with pytest.raises(cf.ReadError, match=r"<bytes>: no installed renderer can annotate"):
            cf.annotate(b"PK\x03\x04 but no workbook", cf.Report(spec="national-2023"))

    def test_a_renderer_without_the_capability_is_named(self, workbook: bytes) -> None:
        with pytest.raises(
            cf.RendererNotFoundError,
            match=r"the json-schema renderer cannot read files \(renderers that can: docx, xlsx",
        ):
            cf.read(workbook, format="json-schema")
        with pytest.raises(
            cf.RendererNotFoundError, match="the json-schema renderer cannot write tables"
        ):
            cf.render_table(cf.Table(title="t", header=("a",)), "json-schema")
        with pytest.raises(
            cf.RendererNotFoundError, match=r"m\.csv: no installed renderer can write tables"
        ):
            cf.renderer_for_output("m.csv", capability="table")

    def test_a_pipe_or_a_folder_is_refused_before_it_is_opened(self, tmp_path: Path) -> None:
        pipe = tmp_path / "form.xlsx"
        os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
        for read in (
            cf.read,
            cf.read_xlsx,
            lambda p: cf.annotate(p, cf.Report(spec="national-2023")),
        ):
            with pytest.raises(cf.ReadError, match="not a regular file"):
                read(pipe)
            with pytest.raises(cf.ReadError, match="is a directory, not a file"):
                read(tmp_path)
            with pytest.raises(cf.ReadError, match="no such file"):
                read(tmp_path / "missing.xlsx")

    def test_annotate_writes_its_output_atomically_or_says_why_not(
        self, workbook: bytes, tmp_path: Path
    ) -> None:
        report = cf.validate(cf.load_spec("national-2023"), cf.read_xlsx(workbook))
        out = tmp_path / "copy.xlsx"
        data = cf.annotate(workbook, report, out)
        assert out.read_bytes() == data
        assert cf.read(out).document == cf.read(workbook).document
        with pytest.raises(cf.OutputError, match="cannot be written"):
            cf.annotate(workbook, report, tmp_path / "no-such-folder" / "copy.xlsx")
