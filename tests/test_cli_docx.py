"""Filled Word forms through the command line: ``extract``, ``validate`` and ``summarize`` on .docx.

Two kinds of input: a form we rendered (it names its spec) and the official layout filled by
hand (:mod:`tests.wordforms`; it names none, so ``--spec`` / ``--input-spec`` names it).  What
the reading had to guess or could not place is never lost: ``extract`` prints it to stderr,
``validate`` beside its findings and in its report, ``summarize`` as notes; each line names
the file and the place.  A hostile file is one line and exit 2, and a batch goes on past it.
"""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import clusterforms as cf
from clusterforms.cli import main
from tests import office, wordforms
from tests.wordforms import _FILL, _LAYOUT

FORMS = wordforms.FORMS
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _canonical(spec: cf.FormSpec, document: dict[str, Any]) -> dict[str, Any]:
    return cf.read_application(spec, document).to_document()


def _expected(form: str) -> dict[str, Any]:
    """expected(form) with both options of a two-tick choice kept, as the reader keeps them."""
    spec = cf.load_spec(form)
    data = wordforms.expected(form)
    for guess in wordforms.planted_guesses(form):
        if guess["kind"] == "two_ticks":
            order = [o.id for o in spec.find(guess["field"]).options]  # type: ignore[union-attr]
            data["values"][guess["field"]] = sorted(guess["options"], key=order.index)
    return _canonical(spec, data)


def _one_tick(form: str) -> bytes:
    """The hand-filled form with the planted second tick of a single choice left out."""
    spec = cf.load_spec(form)
    fill = _FILL[form].fill()
    ticks = dict(fill.ticks)
    for guess in wordforms.planted_guesses(form):
        if guess["kind"] == "two_ticks":
            options = spec.find(guess["field"]).options  # type: ignore[union-attr]
            label = next(o.label for o in options if o.id == guess["expected"])
            ticks[guess["field"]] = {label: ticks[guess["field"]][label]}
    return _LAYOUT[form](dataclasses.replace(fill, ticks=ticks), _FILL[form].PROPS).to_bytes()


def _ours(form: str) -> bytes:
    """Our own Word form filled with what a careful person reads from the hand-filled one."""
    return cf.render(cf.load_spec(form), "docx", wordforms.expected(form))


def _docm(docx: bytes) -> bytes:
    """``docx`` made macro-enabled: the macro content type and a VBA project part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                )
            zout.writestr(info, body)
        zout.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(512))
    return out.getvalue()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every input the tests run on, written once."""
    root = tmp_path_factory.mktemp("docx-cli")
    national = cf.load_spec("national-2023")
    example = json.loads((EXAMPLES / "national-2023.json").read_text(encoding="utf-8"))
    made = {
        "app.json": (EXAMPLES / "national-2023.json").read_bytes(),
        "app.xlsx": cf.render(national, "xlsx", example),
        "ours.docx": _ours("national-2023"),
        "jiangsu-ours.docx": _ours("jiangsu-2024"),
        "one-tick.docx": _one_tick("national-2023"),
        "not-word.docx": b'{"spec": "national-2023", "values": {}}',
        "truncated.docx": _ours("national-2023")[:4000],
        "macros.docm": _docm(_ours("national-2023")),
    }
    made |= {f"{form}.docx": wordforms.build(form, filled=True) for form in FORMS}
    paths = {}
    for name, data in made.items():
        paths[name] = root / name
        paths[name].write_bytes(data)
    return paths


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


# --------------------------------------------------------------------------- extract


def test_extract_reads_our_docx_without_naming_its_spec(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "app.json"
    assert main(["extract", str(files["ours.docx"]), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""  # our own form: nothing guessed, nothing left over
    spec = cf.load_spec("national-2023")
    got = cf.read_application(spec, cf.load_application(out)).to_document()
    assert got == _canonical(spec, wordforms.expected("national-2023"))


def test_extract_of_a_form_filled_by_hand_asks_for_its_spec(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(files["national-2023.docx"])]) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1
    assert err[0].startswith(f"clusterforms: error: {files['national-2023.docx']}: ")
    assert "--spec national-2023" in err[0]


@pytest.mark.parametrize("form", FORMS)
def test_extract_of_a_form_filled_by_hand_gives_the_application_and_its_problems(
    form: str, files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = files[f"{form}.docx"], tmp_path / "app.json"
    assert main(["extract", str(source), "--spec", form, "-o", str(out)]) == 0
    spec = cf.load_spec(form)
    assert cf.read_application(spec, cf.load_application(out)).to_document() == _expected(form)
    err = _lines(capsys.readouterr().err)
    problems = cf.read(source, spec=spec).problems
    assert len(err) == len(problems)
    for line, note in zip(err, problems, strict=True):
        assert line.startswith(f"{source}: {note.place}: 读取 [{note.kind}] {note.message}")
    guessed = {g["field"] for g in wordforms.planted_guesses(form) if g["field"]}
    assert guessed <= {n.field for n in problems if n.kind == "guess"}
    unmapped = [line for line in err if "[unmapped]" in line]
    assert unmapped
    assert all(": “" in line for line in unmapped)


def test_extract_prints_the_guessed_number_with_its_place(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(files["national-2023.docx"]), "--spec", "national-2023"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["values"]["industry.innovative_smes"] == 150
    place = "二、主导产业情况 · 表1 · 第13行 · 第2格"
    assert f"{files['national-2023.docx']}: {place}: 读取 [guess] read 150 from '150左右'" in (
        captured.err
    )


def test_extract_reads_the_national_annex_as_the_summary_table(
    files: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "annex.json"
    source = files["national-2023.docx"]
    assert main(["extract", str(source), "--spec", "summary-2023", "-o", str(out)]) == 0
    spec = cf.load_spec("summary-2023")
    expected = wordforms.expected_summary("national-2023")
    assert expected is not None
    for row in expected["values"]["summary.clusters"]:
        row["seq"] = Decimal(row["seq"])  # a number on the page, text in expected_summary()
    got = cf.read_application(spec, cf.load_application(out)).to_document()
    assert got == _canonical(spec, expected)


def test_extract_reads_a_doc_through_libreoffice(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (doc,) = office.convert(files["national-2023.docx"], "doc", tmp_path)
    out = tmp_path / "app.json"
    assert main(["extract", str(doc), "--spec", "national-2023", "-o", str(out)]) == 0
    spec = cf.load_spec("national-2023")
    assert cf.read_application(spec, cf.load_application(out)).to_document() == _expected(
        "national-2023"
    )
    assert f"{doc}: 文件: 读取 [notice] a .doc file" in capsys.readouterr().err


# --------------------------------------------------------------------------- validate


def test_validate_shows_reading_problems_beside_the_findings(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    source = files["national-2023.docx"]
    assert main(["validate", str(source), "--spec", "national-2023"]) == 1
    captured = capsys.readouterr()
    out = _lines(captured.out)
    problems = cf.read(source, spec=cf.load_spec("national-2023")).problems
    reading = [line for line in out if "读取 [" in line]
    assert len(reading) == len(problems)
    assert out[: len(problems)] == reading  # the reading first, then the findings
    solid = "五、绿色化转型情况 · 表1 · 第8行 · 第2格: 读取 [guess] 2 boxes ticked"
    assert any(line.startswith(f"{source}: {solid}") for line in reading)
    assert any("错误 [multiple_choices]" in line for line in out)
    header, row = out[-2].split(), out[-1].split()
    assert header[-2:] == ["读取", "reading"]
    assert row[0] == str(source)
    assert row[-1] == str(len(problems))
    assert captured.err == ""  # everything is in the output, not also on stderr


def test_validate_in_english_marks_reading_problems_so(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    source = files["national-2023.docx"]
    assert main(["validate", str(source), "--spec", "national-2023", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "reading [guess] read 150 from '150左右'" in out
    assert "error [multiple_choices]" in out


def test_validate_report_holds_the_reading_problems_with_their_places(
    files: dict[str, Path], tmp_path: Path
) -> None:
    source, report = files["national-2023.docx"], tmp_path / "report.json"
    args = ["validate", str(source), "--spec", "national-2023", "--report", str(report)]
    assert main(args) == 1
    (document,) = json.loads(report.read_text(encoding="utf-8"))
    problems = cf.read(source, spec=cf.load_spec("national-2023")).problems
    assert [(p["kind"], p["place"], p["message"]) for p in document["reading_problems"]] == [
        (n.kind, n.place, n.message) for n in problems
    ]
    guess = next(p for p in document["reading_problems"] if p.get("text") == "150左右")
    assert guess["field"] == "industry.innovative_smes"
    assert guess["place"] == "二、主导产业情况 · 表1 · 第13行 · 第2格"
    assert {f["code"] for f in document["findings"] if f["severity"] == "error"} == {
        "multiple_choices"
    }


def test_validate_of_our_clean_docx_exits_0(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(files["ours.docx"]), "--format", "json"]) == 0
    (document,) = json.loads(capsys.readouterr().out)
    assert document["ok"] is True
    assert document["reading_problems"] == []


def test_a_batch_of_json_xlsx_docx_and_a_broken_docx(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["app.json", "app.xlsx", "ours.docx", "one-tick.docx", "truncated.docx"]
    report = tmp_path / "report.json"
    args = [str(files[n]) for n in names]
    assert main(["validate", *args, "--spec", "national-2023", "--report", str(report)]) == 1
    captured = capsys.readouterr()
    err = _lines(captured.err)
    assert len(err) == 1
    assert err[0].startswith(f"clusterforms: error: {files['truncated.docx']}: ")
    rows = {line.split()[0]: line.split()[1:] for line in _lines(captured.out)[1:]}
    assert rows[str(files["truncated.docx"])] == ["unreadable"]
    for name in names[:4]:
        assert rows[str(files[name])][1] == "0", name  # no errors
    documents = {d["file"]: d for d in json.loads(report.read_text(encoding="utf-8"))}
    assert "reading_problems" not in documents[str(files["app.json"])]
    assert documents[str(files["app.xlsx"])]["reading_problems"] == []
    one_tick = documents[str(files["one-tick.docx"])]
    assert one_tick["ok"] is True
    assert {p["kind"] for p in one_tick["reading_problems"]} >= {"guess", "unmapped"}
    assert documents[str(files["truncated.docx"])]["readable"] is False


def test_a_json_only_batch_keeps_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "national-2023.json")]) == 0
    assert "读取" not in capsys.readouterr().out


# --------------------------------------------------------------------------- summarize


def _summary(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = cf.load_application(path)["values"]["summary.clusters"]
    return rows


def test_summarize_word_forms_with_the_spec_of_those_filled_by_hand(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "汇总表.json"
    inputs = [str(files[n]) for n in ("one-tick.docx", "jiangsu-ours.docx")]
    args = ["summarize", *inputs, "--input-spec", "national-2023", "--intro-from-data"]
    assert main([*args, "-o", str(out)]) == 0
    national, jiangsu = _summary(out)
    expected = wordforms.expected_summary("national-2023")
    assert expected is not None
    annex = expected["values"]["summary.clusters"][0]
    # What the form itself holds; 成立时间 and the hand-written 简介 are only in its 附件2.
    for column in ("cluster_name", "operator", "location", "leading_industry"):
        assert national[column] == annex[column], column
    assert "152.3亿元" in national["intro"]
    # The jiangsu form names its own spec: --input-spec does not override it.
    assert (
        jiangsu["cluster_name"]
        == wordforms.expected("jiangsu-2024")["values"]["cover.cluster_name"]
    )
    err = _lines(capsys.readouterr().err)
    source = files["one-tick.docx"]
    kinds = Counter(n.kind for n in cf.read(source, spec=cf.load_spec("national-2023")).problems)
    counted = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
    assert f"clusterforms: note: {source}: reading problems ({counted}); " in "\n".join(err)
    assert f"`clusterforms validate {source} --spec national-2023` lists each" in "\n".join(err)
    assert not [line for line in err if str(files["jiangsu-ours.docx"]) in line]  # read as itself


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_summarize_word_forms_into_excel_and_word(
    suffix: str, files: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / f"汇总表{suffix}"
    args = ["summarize", str(files["one-tick.docx"]), str(files["ours.docx"])]
    assert main([*args, "--input-spec", "national-2023", "-o", str(out)]) == 0
    table = cf.read(out).document["values"]["summary.clusters"]  # our table names its spec
    assert [row["cluster_name"] for row in table] == ["四川省遂宁市船山区电子电路产业"] * 2


def test_summarize_leaves_out_a_form_filled_by_hand_without_its_spec(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "汇总表.json"
    args = ["summarize", str(files["ours.docx"]), str(files["one-tick.docx"]), "-o", str(out)]
    assert main(args) == 1
    assert len(_summary(out)) == 1
    err = capsys.readouterr().err
    assert f"clusterforms: left out: {files['one-tick.docx']}: " in err
    assert "name it with --input-spec SPEC" in err


def test_summarize_leaves_out_a_form_with_two_ticks_in_a_single_choice(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "汇总表.json"
    args = ["summarize", str(files["ours.docx"]), str(files["national-2023.docx"])]
    assert main([*args, "--input-spec", "national-2023", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    source = files["national-2023.docx"]
    assert f"left out: {source}: 1 error (first: 「是否高于行业平均水平」只能选择一项" in err
    assert f"run `clusterforms validate {source} --spec national-2023`" in err


def test_summarize_says_which_option_names_the_forms_spec(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "汇总表.xlsx"
    args = ["summarize", str(files["one-tick.docx"]), "--spec", "national-2023", "-o", str(out)]
    assert main(args) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1
    assert "--input-spec" in err[0]
    assert not out.exists()


# --------------------------------------------------------------------------- hostile


HOSTILE = {
    "not-word.docx": "not a Word document",
    "truncated.docx": "truncated",
    "macros.docm": "macro-enabled",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_extract_refuses_a_hostile_word_file_in_one_line(
    name: str, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(files[name]), "--spec", "national-2023"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = _lines(captured.err)
    assert line.startswith(f"clusterforms: error: {files[name]}: ")
    assert HOSTILE[name] in line


@pytest.mark.parametrize("name", HOSTILE)
def test_validate_and_summarize_go_on_past_a_hostile_word_file(
    name: str, files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = str(files["ours.docx"]), str(files[name])
    assert main(["validate", bad]) == 2  # nothing could be checked
    (line,) = _lines(capsys.readouterr().err)
    assert line.startswith(f"clusterforms: error: {bad}: ")
    assert HOSTILE[name] in line
    assert main(["validate", bad, good]) == 1
    captured = capsys.readouterr()
    assert len(_lines(captured.err)) == 1
    assert any(row.split()[0] == good for row in _lines(captured.out)[1:])
    out = tmp_path / "汇总表.json"
    assert main(["summarize", bad, good, "-o", str(out)]) == 1
    assert len(_summary(out)) == 1
    assert f"clusterforms: left out: {bad}: " in capsys.readouterr().err


def test_a_word_file_under_another_name_is_read_as_word_and_json_as_json(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed, text = tmp_path / "申报表.bak", tmp_path / "app.txt"
    renamed.write_bytes(files["ours.docx"].read_bytes())
    text.write_bytes(files["app.json"].read_bytes())
    assert main(["validate", str(renamed), str(text), "--format", "json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["ok"] for d in documents] == [True, True]
    assert documents[0]["reading_problems"] == []  # read by the Word reader
    assert "reading_problems" not in documents[1]  # read as JSON
