"""Applications and workbooks from strangers: no file can crash, hang, probe or take a batch down.

Every case runs the real command in a subprocess with a time limit and a cap
on its address space, so a regression fails fast instead of filling memory or
hanging the suite.  The promise checked throughout: one clear line naming the
file, exit 2 when nothing usable came out, 1 for findings (or some files left
out), never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import clusterforms as cf
from clusterforms.cli import main
from clusterforms.cli import summarize as summarize_cli
from clusterforms.cli import validate as validate_cli
from clusterforms.cli.terminal import json_printable, printable
from tests.test_xlsx_hostile import edit_meta, rewrite, sheet_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOOD = EXAMPLES / "national-2023.json"
OTHER = EXAMPLES / "jiangsu-2024.json"
#: No case may take longer than this …
SECONDS = 60
#: … or reserve more address space than this (a regression dies of MemoryError instead).
ADDRESS_SPACE = 3 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``clusterforms ARGS`` in a subprocess, bounded in time and memory."""
    return subprocess.run(
        [sys.executable, "-m", "clusterforms", *map(str, args)],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        cwd=cwd,
        timeout=SECONDS,
        preexec_fn=_limit_memory,
        check=False,
    )


def one_line(result: subprocess.CompletedProcess[str], *names: str) -> str:
    """The single error line of a run that exited 2, which names each of ``names``."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def variant(tmp_path: Path, name: str, old: str, new: str, source: Path = GOOD) -> Path:
    """A copy of an example application with one piece of its JSON text replaced."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def with_spec(tmp_path: Path, name: str, spec: str) -> Path:
    """The national example naming ``spec`` (JSON-escaped) as the form it fills."""
    return variant(tmp_path, name, '"spec": "national-2023"', f'"spec": {json.dumps(spec)}')


# ----------------------------------------------------------- §2 "spec" is data


class TestSpecIsData:
    """A document's ``spec`` names a known spec; it is never opened as a path."""

    @pytest.fixture
    def fifo(self, tmp_path: Path) -> Path:
        path = tmp_path / "pipe.toml"
        os.mkfifo(path)
        return path

    @pytest.fixture
    def spec_file(self, tmp_path: Path) -> Path:
        """A valid spec file: even that is not loaded because a document names it."""
        path = tmp_path / "real.toml"
        path.write_bytes((cf.model.loading.spec_dir() / "national-2023.toml").read_bytes())
        return path

    def test_a_path_is_not_found_not_opened(
        self, tmp_path: Path, fifo: Path, spec_file: Path
    ) -> None:
        for n, spec in enumerate(
            ["/dev/zero", "../../../etc/passwd", str(fifo), str(spec_file), "national-2023.toml"]
        ):
            app = with_spec(tmp_path, f"app{n}.json", spec)
            line = one_line(cli("validate", app), str(app), "'spec': no spec with id")
            assert "invalid TOML" not in line
            assert "known: guangxi-2025, jiangsu-2024, national-2023" in line

    def test_summarize_lists_it_and_goes_on(self, tmp_path: Path, fifo: Path) -> None:
        apps = [
            with_spec(tmp_path, "zero.json", "/dev/zero"),
            GOOD,
            with_spec(tmp_path, "fifo.json", str(fifo)),
        ]
        out, report = tmp_path / "汇总表.json", tmp_path / "report.json"
        result = cli("summarize", *apps, "-o", out, "--report", report)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        values = cf.load_application(out)["values"]
        assert len(values["summary.clusters"]) == 1
        left_out = json.loads(report.read_text(encoding="utf-8"))["left_out"]
        assert [row["file"] for row in left_out] == [str(apps[0]), str(apps[2])]
        assert all("no spec with id" in row["problem"] for row in left_out)

    def test_migrate_names_the_document(self, tmp_path: Path) -> None:
        app = with_spec(tmp_path, "zero.json", "/dev/zero")
        one_line(
            cli("migrate", app, "--to", "guangxi-2025"), str(app), "no spec with id '/dev/zero'"
        )

    def test_a_long_id_is_quoted_short(self, tmp_path: Path) -> None:
        app = with_spec(tmp_path, "long.json", "../" * 50_000)
        line = one_line(cli("validate", app), str(app), "no spec with id '../../")
        assert len(line) < 400

    @pytest.mark.parametrize(
        ("document", "message"),
        [
            ([1, 2], "not an application: expected a JSON object, not an array"),
            ({"values": {}}, "no 'spec'"),
            ({"spec": 3, "values": {}}, "'spec' must be a spec id (a string), not a number"),
            ({"spec": "/etc/passwd"}, "'spec': no spec with id '/etc/passwd'"),
        ],
    )
    def test_document_spec_is_an_application_error(self, document: object, message: str) -> None:
        with pytest.raises(cf.ApplicationError, match=re.escape(message)) as info:
            cf.document_spec(document, source="doc.json")
        assert str(info.value).startswith("doc.json: ")

    def test_find_spec_looks_up_ids_only(self, spec_file: Path) -> None:
        assert cf.find_spec("national-2023") is cf.load_spec("national-2023")
        for name in (str(spec_file), "specs/national-2023.toml", "/dev/zero", None, 3):
            with pytest.raises(cf.SpecNotFoundError, match="no spec with id"):
                cf.find_spec(name)

    def test_find_spec_knows_the_specs_the_caller_passes(self, tmp_path: Path) -> None:
        text = (cf.model.loading.spec_dir() / "national-2023.toml").read_text(encoding="utf-8")
        path = tmp_path / "custom.toml"
        path.write_text(
            text.replace('id = "national-2023"', 'id = "custom-2023"', 1), encoding="utf-8"
        )
        custom = cf.load_spec(path)
        assert cf.find_spec("custom-2023", custom) is custom
        assert cf.find_spec("custom-2023", [cf.load_spec("guangxi-2025"), custom]) is custom
        assert cf.find_spec("national-2023", {"x": custom}.values()) is cf.load_spec(
            "national-2023"
        )
        with pytest.raises(cf.SpecNotFoundError, match="known: custom-2023, guangxi-2025"):
            cf.find_spec("custom-2023x", custom)

    def test_migrate_and_summarize_look_up_ids_only(self) -> None:
        data = {"spec": "/dev/zero", "values": {}}
        with pytest.raises(cf.SpecNotFoundError, match="no spec with id '/dev/zero'"):
            cf.migrate(data, cf.load_spec("guangxi-2025"))
        summary = cf.summarize([("a.json", data)])
        (rejected,) = summary.rejected
        assert "no spec with id '/dev/zero'" in rejected.problem

    @pytest.mark.parametrize("spec", ["/dev/zero", "fifo", "../../../etc/passwd"])
    def test_a_workbook_naming_a_path_is_not_opened(
        self, tmp_path: Path, fifo: Path, spec: str
    ) -> None:
        named = str(fifo) if spec == "fifo" else spec
        filled = cf.render(cf.load_spec("national-2023"), "xlsx", cf.load_application(GOOD))

        def retarget(sheet: Any) -> None:
            sheet["B2"] = named

        book = tmp_path / "filled.xlsx"
        book.write_bytes(edit_meta(filled, retarget))
        quoted = f"the workbook is for spec {named[:60]!r}"  # a long one is cut short
        known = "which this clusterforms does not know (known: guangxi-2025"
        for verb in ("extract", "validate"):
            one_line(cli(verb, book), str(book), quoted, known)
        table, report = tmp_path / "汇总表.json", tmp_path / "report.json"
        result = cli("summarize", book, GOOD, "-o", table, "--report", report)
        assert result.returncode == 1, result.stderr
        assert f"left out: {book}: {quoted}" in result.stderr
        (left_out,) = json.loads(report.read_text(encoding="utf-8"))["left_out"]
        assert left_out["file"] == str(book)

    def test_spec_option_still_takes_a_file(self, tmp_path: Path) -> None:
        text = (cf.model.loading.spec_dir() / "national-2023.toml").read_text(encoding="utf-8")
        spec = tmp_path / "custom.toml"
        spec.write_text(
            text.replace('id = "national-2023"', 'id = "custom-2023"', 1), encoding="utf-8"
        )
        app = with_spec(tmp_path, "custom.json", "custom-2023")
        assert cli("validate", app, "--spec", spec).returncode == 0
        one_line(cli("validate", app), "no spec with id 'custom-2023'")


# ----------------------------------------------------- §3 one bad file, not all


def run_main(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestBatches:
    """Each file of a batch is handled on its own; a bad one is listed, the rest processed."""

    def test_an_unreadable_file_among_good_ones_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text("{", encoding="utf-8")
        code, out, err = run_main(capsys, "validate", GOOD, bad, OTHER)
        assert code == 1
        rows = out.splitlines()[1:]
        assert [row.split()[0] for row in rows] == [str(GOOD), str(bad), str(OTHER)]
        assert rows[1].split()[1] == "unreadable"
        assert err.count("\n") == 1
        assert f"{bad}:1:2: invalid JSON" in err

    def test_nothing_checkable_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text("{", encoding="utf-8")
        code, _, err = run_main(capsys, "validate", bad, tmp_path / "missing.json")
        assert code == 2
        assert err.count("\n") == 2

    def test_a_device_a_fifo_or_a_folder_among_the_files_is_never_read(
        self, tmp_path: Path
    ) -> None:
        """``validate uploads/*`` must not hang on a pipe nor fill memory from ``/dev/zero``."""
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        folder = tmp_path / "folder.json"
        folder.mkdir()
        odd = [Path("/dev/zero"), fifo, tmp_path / "book-pipe.xlsx", folder]
        os.mkfifo(odd[2])
        result = cli("validate", GOOD, *odd, OTHER)
        assert result.returncode == 1, result.stderr
        assert result.stdout.count("unreadable") == len(odd)
        lines = result.stderr.splitlines()
        assert [line.split(": ")[2] for line in lines] == [str(path) for path in odd]
        assert all("not a regular file" in line for line in lines[:3]), lines
        assert lines[3].endswith("it is a folder")
        table, report = tmp_path / "汇总表.json", tmp_path / "report.json"
        result = cli("summarize", GOOD, *odd, OTHER, "-o", table, "--report", report)
        assert result.returncode == 1, result.stderr
        rejected = json.loads(report.read_text(encoding="utf-8"))["left_out"]
        assert [row["file"] for row in rejected] == [str(path) for path in odd]

    def test_a_bug_while_reading_is_not_passed_off_as_a_bad_file(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Only the library's own errors make a file unreadable; a bug surfaces as a bug."""

        def buggy(_path: Path) -> object:
            raise ArithmeticError("a bug in the reader")

        monkeypatch.setattr(summarize_cli, "load_application", buggy)
        with pytest.raises(ArithmeticError, match="a bug in the reader"):
            main(["summarize", str(GOOD), "-o", str(tmp_path / "汇总表.json")])
        assert list(tmp_path.iterdir()) == []

    def test_a_file_that_breaks_the_checker_is_listed_not_fatal(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        real = validate_cli.validate

        def fragile(spec: cf.FormSpec, data: object, **options: object) -> cf.Report:
            if spec.id == "jiangsu-2024":
                raise ArithmeticError("a bug the file found")
            return real(spec, data, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(validate_cli, "validate", fragile)
        report = tmp_path / "report.json"
        code, out, err = run_main(capsys, "validate", GOOD, OTHER, "--report", report)
        assert code == 1
        assert f"{OTHER}: cannot be checked (ArithmeticError: a bug the file found)" in err
        assert [d["readable"] for d in json.loads(report.read_text(encoding="utf-8"))] == [
            True,
            False,
        ]
        assert out.splitlines()[1].split()[-2:] == ["0", "0"]

    @pytest.mark.parametrize(
        ("old", "new"),
        [
            ('"industry.innovative_smes": 56', '"industry.innovative_smes": 1e999'),
            ('"industry.innovative_smes": 56', '"industry.innovative_smes": 1e-999999999'),
            ('"industry.innovative_smes": 56', '"industry.innovative_smes": 1e999999999999'),
            ('"industry.innovative_smes": 56', '"industry.innovative_smes": ' + "9" * 5000),
            ('"basic.area": "12.50"', '"basic.area": "1e999"'),
            ('"founded": "2012年"', '"founded": "a\\ud800b"'),
            ('"founded": "2012年"', '"founded": "a\\u0000b"'),
            ('"cluster_name": "', '"cluster_name": "\\udc80'),
        ],
        ids=[
            "1e999",
            "1e-999999999",
            "1e999999999999",
            "5000 nines",
            "text 1e999",
            "surrogate",
            "NUL",
            "low surrogate",
        ],
    )
    def test_a_hostile_value_is_one_file_of_the_batch(
        self, tmp_path: Path, old: str, new: str
    ) -> None:
        bad = variant(tmp_path, "bad.json", old, new)
        report = tmp_path / "report.json"
        result = cli("validate", GOOD, bad, OTHER, "--report", report)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        documents = json.loads(report.read_text(encoding="utf-8"))
        assert [d["file"] for d in documents] == [str(GOOD), str(bad), str(OTHER)]
        assert documents[0]["ok"]
        assert documents[2]["ok"]
        assert not documents[1].get("ok")
        for out in ("汇总表.xlsx", "汇总表.docx"):
            table = tmp_path / out
            result = cli("summarize", GOOD, bad, OTHER, "-o", table)
            assert result.returncode == 1, result.stderr
            assert "Traceback" not in result.stderr
            assert f"left out: {bad}" in result.stderr
            assert "2 clusters in the table, 1 application left out" in result.stderr
            assert table.stat().st_size > 1000

    def test_a_hostile_number_in_a_workbook_is_one_file_of_the_batch(self, tmp_path: Path) -> None:
        filled = cf.render(cf.load_spec("national-2023"), "xlsx", cf.load_application(GOOD))
        path = sheet_path(filled, "三、创新能力情况")
        source = zipfile.ZipFile(io.BytesIO(filled)).read(path)
        assert b"<v>18650</v>" in source
        bad = tmp_path / "bad.xlsx"
        bad.write_bytes(
            rewrite(filled, {path: source.replace(b"<v>18650</v>", b"<v>1e999</v>", 1)})
        )
        report = tmp_path / "report.json"
        result = cli("validate", GOOD, bad, OTHER, "--report", report)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        documents = json.loads(report.read_text(encoding="utf-8"))
        assert [d["ok"] for d in documents] == [True, False, True]
        # The per-10,000 figure divides by the unusable cell: it says it cannot be checked.
        assert [(f["code"], f["severity"]) for f in documents[1]["findings"]] == [
            ("too_many_digits", "error"),
            ("formula_unchecked", "warning"),
        ]
        table = tmp_path / "汇总表.xlsx"
        result = cli("summarize", GOOD, bad, OTHER, "-o", table)
        assert result.returncode == 1, result.stderr
        assert f"left out: {bad}" in result.stderr


#: Numbers beyond a cell's bounds, as typed in the JSON → as every writer shows them.
OUT_OF_BOUNDS = {
    "1e-999999999": "1E-999999999",
    "1e999999999999": "1E+999999999999",
    "9" * 5000: "9" * 5000,
}


class TestWhatTheWritersShow:
    """A value validate rejects is written as it was typed, never as another number; a
    character a document cannot hold stops the file at once, naming where it is."""

    @pytest.mark.parametrize("typed", OUT_OF_BOUNDS, ids=["tiny", "huge", "5000 nines"])
    def test_an_out_of_bounds_number_is_shown_as_typed(self, tmp_path: Path, typed: str) -> None:
        shown = OUT_OF_BOUNDS[typed]
        bad = variant(
            tmp_path,
            "bad.json",
            '"industry.innovative_smes": 56',
            f'"industry.innovative_smes": {typed}',
        )
        xlsx, docx, draft = tmp_path / "out.xlsx", tmp_path / "out.docx", tmp_path / "draft.json"
        for args in (
            ("render", "national-2023", "-f", "xlsx", "--data", bad, "-o", xlsx),
            ("render", "national-2023", "-f", "docx", "--data", bad, "-o", docx),
            ("migrate", bad, "--to", "guangxi-2025", "-o", draft),
        ):
            result = cli(*args)
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr
        texts = [
            cell
            for sheet in openpyxl.load_workbook(xlsx).worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if isinstance(cell, str)
        ]
        assert shown in texts
        assert not [text for text in texts if text.startswith("0.000000000")]
        assert shown in zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
        carried = cf.load_application(draft)["values"]["industry.innovative_smes"]
        assert carried == {"2022": shown}

    @pytest.mark.parametrize(
        ("escaped", "what"),
        [
            ("a\\ud800b", "an unpaired surrogate U+D800"),
            ("a\\u0000b", "a control character U+0000"),
        ],
        ids=["surrogate", "NUL"],
    )
    def test_a_character_no_document_holds_is_one_line(
        self, tmp_path: Path, escaped: str, what: str
    ) -> None:
        bad = variant(tmp_path, "bad.json", '"founded": "2012年"', f'"founded": "{escaped}"')
        out = tmp_path / "out.xlsx"
        expected = f"{bad}: $.meta.founded: contains {what}, which an application cannot hold"
        for args in (
            ("render", "national-2023", "-f", "xlsx", "--data", bad, "-o", out),
            ("validate", bad),
            ("migrate", bad, "--to", "guangxi-2025"),
        ):
            assert one_line(cli(*args)).endswith(expected)
        assert not out.exists()

    @pytest.mark.parametrize(
        ("stored", "what"),
        [
            ("a_xD800_b", "an unpaired surrogate U+D800"),
            ("a_x0000_b", "a control character U+0000"),
            ("_x001B_[2J", "a control character U+001B"),
        ],
        ids=["surrogate", "NUL", "ESC"],
    )
    def test_a_workbook_cell_holding_one_is_one_line(
        self, tmp_path: Path, stored: str, what: str
    ) -> None:
        filled = cf.render(cf.load_spec("national-2023"), "xlsx", cf.load_application(GOOD))
        path = sheet_path(filled, "封面及填报说明")
        cover = zipfile.ZipFile(io.BytesIO(filled)).read(path)
        name = "".join(f"&#{ord(c)};" for c in "四川省成都市郫都区川菜调味品产业").encode()
        assert name in cover
        book = tmp_path / "filled.xlsx"
        book.write_bytes(rewrite(filled, {path: cover.replace(name, stored.encode(), 1)}))
        out = tmp_path / "app.json"
        expected = f"{book}: '封面及填报说明'!B4: holds {what}, which an application cannot hold"
        assert one_line(cli("extract", book, "-o", out)).endswith(expected)
        assert not out.exists()
        table = tmp_path / "汇总表.docx"
        result = cli("summarize", book, GOOD, "-o", table)
        assert result.returncode == 1, result.stderr
        assert f"left out: {expected}" in result.stderr
        assert table.stat().st_size > 1000


# ------------------------------------------------------ §5 what reaches the terminal


class TestTerminal:
    """Nothing a file holds can drive the terminal: escapes are shown, never sent."""

    def test_printable_escapes_what_a_terminal_acts_on(self) -> None:
        text = "a\x1b[2Jb\x1b]0;title\x07\u009b31m\u202eevil\r\nline\ud800\x00中文\tz"
        shown = printable(text)
        assert shown == (
            "a\\x1b[2Jb\\x1b]0;title\\x07\\x9b31m\\u202eevil\\r\\nline\\ud800\\x00中文\\tz"
        )
        assert shown.isprintable()

    def test_json_printable_reads_back_the_same(self) -> None:
        value = {"a": "\x1b[2J\u009b\u202e\ud800\u2028中文"}
        text = json_printable(json.dumps(value, ensure_ascii=False))
        assert text.isprintable()
        assert json.loads(text) == value

    def test_findings_and_names_are_escaped(self, capsys: pytest.CaptureFixture[str]) -> None:
        finding = cf.Finding(
            code="wrong_type",
            severity="error",
            message="填报为 \x1b[2J\x1b]0;OK\x07",
            field="basic.area",
        )
        review = cf.ReviewInput(
            source="x\u202e.json",
            report=cf.Report(spec="national-2023", findings=(finding,)),
            cluster_name="名\x1b[8m",
        )
        checked = validate_cli.Checked(Path("x\u202e.json"), review)
        validate_cli._print_text([checked], sys.stdout)
        out = capsys.readouterr().out
        assert "\x1b" not in out
        assert "\u202e" not in out
        assert "填报为 \\x1b[2J\\x1b]0;OK\\x07" in out
        assert "x\\u202e.json" in out
        assert "名\\x1b[8m" in out

    def test_a_file_name_cannot_clear_the_screen(self, tmp_path: Path) -> None:
        bad = tmp_path / "\x1b[2J\x1b[1;1Hall clean.json"
        bad.write_text("{", encoding="utf-8")
        for args in (("validate", GOOD, bad), ("summarize", GOOD, bad, "-o", tmp_path / "t.json")):
            result = cli(*args)
            assert result.returncode == 1, result.stderr
            assert "\x1b" not in result.stdout + result.stderr
            assert "\\x1b[2J\\x1b[1;1Hall clean.json" in result.stdout + result.stderr

    def test_a_spec_file_name_in_an_error_is_escaped(self, tmp_path: Path) -> None:
        line = one_line(cli("show", tmp_path / "\x1b]0;pwned\x07.toml"))
        assert "\x1b" not in line
        assert "\\x1b]0;pwned\\x07.toml: no such spec file" in line

    def test_json_output_cannot_drive_the_terminal(self, tmp_path: Path) -> None:
        app = variant(tmp_path, "c1.json", '"founded": "2012年"', '"founded": "\\u009b2J\\u202e"')
        result = cli("validate", app, "--format", "json")
        assert "\u009b" not in result.stdout
        assert "\u202e" not in result.stdout
        json.loads(result.stdout)

    @pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
    def test_a_terminal_that_cannot_show_chinese_gets_escapes(self, encoding: str) -> None:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "clusterforms",
                "validate",
                EXAMPLES / "national-2023.broken.json",
            ],
            capture_output=True,
            text=True,
            encoding=encoding,
            env={**os.environ, "PYTHONIOENCODING": encoding},
            timeout=SECONDS,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert "\\u6587\\u4ef6 file" in result.stdout  # 文件 file, the summary's first column

    def test_decimal_values_are_not_touched(self) -> None:
        assert printable(str(Decimal("12.50"))) == "12.50"
