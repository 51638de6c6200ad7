"""Errors on the page: a copy of a filled Word form with a comment on each problem and a list on top.

Every shipped spec is rendered filled with errors planted; the hand-filled official layouts
of tests/wordforms are annotated with what validating them finds (and a few findings made up
for fields of every shape).  The copy reads back to the same application, holds one comment
by clusterforms per finding the form has a place for, in the cell the reader reads that
field from, and starts with the list.  LibreOffice's PDF export shows the comments.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clusterforms_renderers.docx import DocxRenderer
from clusterforms_renderers.docx.reading import locate
from clusterforms_renderers.docx.reading._form import flat
from clusterforms_renderers.wordml import Cell, Paragraph, Table, WordDocument, read_docx

import clusterforms as cf
from clusterforms.cli.main import main
from clusterforms.errors import ReadError
from tests import office, wordforms
from tests.test_word_hostile import BILLION_LAUGHS, refused, rewrite

EXAMPLES = Path(__file__).parent.parent / "examples"
RENDERER = DocxRenderer()
AUTHOR = "clusterforms"
#: Blocks the list at the top adds when there is nothing to list: a blank line, heading, note,
#: and the paragraph ending its section.
LIST_BLOCKS = 4


def _annotate(source: bytes | Path, report: cf.Report) -> bytes:
    return cf.annotate(source, report, format="docx")


# ------------------------------------------------------------------ where comments are


def _cells(blocks: tuple[Any, ...]) -> Iterator[tuple[Table | None, Cell | None, Paragraph]]:
    """Every paragraph with the table and cell it is in (None, None for the body)."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield None, None, block
            continue
        for cell in block.cells:
            for inner in cell.blocks:
                if isinstance(inner, Paragraph):
                    yield block, cell, inner
                else:
                    yield from _cells((inner,))


def anchors(word: WordDocument) -> dict[str, tuple[Any, Cell | None, Paragraph]]:
    """Our comments' ids → the (table, cell, paragraph) each starts in."""
    ours = {c.id for c in word.comments if c.author == AUTHOR}
    found: dict[str, tuple[Any, Cell | None, Paragraph]] = {}
    for table, cell, paragraph in _cells(word.body):
        for ident in paragraph.comments:
            if ident in ours and ident not in found:
                found[ident] = (table, cell, paragraph)
    return found


def listed(word: WordDocument) -> list[str]:
    """The lines of the list at the top: its heading, its note, one line per finding."""
    lines: list[str] = []
    for block in word.body:
        if not isinstance(block, Paragraph) or (lines and not block.text):
            break
        if block.text:
            lines.append(block.text)
    return lines


def spot_cells(word: WordDocument, spec: cf.FormSpec, field: str) -> dict[str | None, list[Any]]:
    """Where the reader finds ``field`` in ``word``: cell (or body paragraph) by spot key."""
    out: dict[str | None, list[Any]] = {}
    for spot in locate(word, spec):
        steps = (spot.key or "").split("/")
        if spot.field != field and not (len(steps) == 3 and steps[1] == field):
            continue
        place = spot.place
        if place.table is not None and place.row is not None and place.column is not None:
            target: Any = place.table.table.cell(place.row, place.column)
        elif place.paragraph is not None:
            target = word.body[place.paragraph]
        else:
            continue
        out.setdefault(spot.key, []).append(target)
    return out


def check_annotated(
    original: bytes, annotated: bytes, spec: cf.FormSpec, report: cf.Report
) -> tuple[WordDocument, dict[str, tuple[Any, Cell | None, Paragraph]]]:
    """What every annotated copy must be; the copy as read, and our comments' anchors by id."""
    again, before = RENDERER.read(annotated, spec=spec), RENDERER.read(original, spec=spec)
    assert again.document == before.document
    # The list on top is not the form: reading the copy reports what reading the original did.
    assert [n.message for n in again.problems] == [n.message for n in before.problems]
    word = read_docx(annotated)
    texts = {c.id: c.text for c in word.comments if c.author == AUTHOR}
    where = anchors(word)
    assert set(where) == set(texts), "every comment of ours is anchored in the body"
    lines = listed(word)
    errors = len(report.errors)
    assert lines[0] == f"校验结果：{errors} 个错误，{len(report) - errors} 个警告"
    assert "clusterforms" in lines[1]
    assert "不属于申报表" in lines[1]
    rows = lines[2:]
    assert len(rows) == len(report)
    located = 0
    for n, (finding, row) in enumerate(zip(report, rows, strict=True), start=1):
        tag = f"【{'错误' if finding.severity == 'error' else '警告'} {finding.code}】"
        assert row.startswith(f"{n}. {tag}{finding.message}")
        if not row.endswith("（表内无对应位置）"):
            located += 1
            assert f"{tag}{finding.message}" in texts.values()
    assert len(texts) == located, "one comment per finding with a place"
    for ident, (_, cell, _paragraph) in where.items():
        text = texts[ident]
        finding = next(f for f in report if text.endswith(f.message) and f.code in text)
        cells = spot_cells(word, spec, finding.field or "")
        targets = [t for ts in cells.values() for t in ts]
        assert any(t is cell or t is _paragraph for t in targets), (text, finding)
    return word, where


# ------------------------------------------------------------------ every shipped spec


def _planted(spec: cf.FormSpec) -> dict[str, Any]:
    """The spec's example with a required text blanked, a figure made negative, a roster cell emptied."""
    app: dict[str, Any] = json.loads((EXAMPLES / f"{spec.id}.json").read_text(encoding="utf-8"))
    values = app["values"]
    items = [item for section in spec.sections for item in section.items]
    text = next((i for i in items if i.kind == "text" and i.id in values), None)
    if text is not None:
        values[text.id] = ""
    yearly = next((i for i in items if i.kind == "yearly" and values.get(i.id)), None)
    if yearly is not None:
        values[yearly.id][min(values[yearly.id])] = "-5"
    roster = next((i for i in items if i.kind == "roster" and values.get(i.id)), None)
    if roster is not None:
        limit, column = next((c.max_chars, c.id) for c in roster.columns if c.max_chars)
        values[roster.id][-1][column] = "过长" * limit
    return app


@pytest.fixture(scope="module", params=cf.list_specs())
def planted(request: pytest.FixtureRequest) -> tuple[cf.FormSpec, bytes, cf.Report]:
    spec = cf.load_spec(request.param)
    data = RENDERER.render(spec, cf.read_application(spec, _planted(spec)))
    report = cf.validate(spec, RENDERER.read(data).document)
    assert report.errors, "an error was planted"
    return spec, data, report


def test_every_spec_gets_a_comment_on_each_planted_error(
    planted: tuple[cf.FormSpec, bytes, cf.Report],
) -> None:
    spec, data, report = planted
    codes = {f.code for f in report}
    annotated = _annotate(data, report)
    word, where = check_annotated(data, annotated, spec, report)
    assert len(where) == len(report), "our own form has a place for every finding"
    texts = {c.id: c.text for c in word.comments}
    for finding in report:
        ident = next(i for i, t in texts.items() if t.endswith(finding.message))
        _, cell, paragraph = where[ident]
        cells = spot_cells(word, spec, finding.field or "")
        key = str(finding.year) if finding.year is not None else None
        if finding.code == "required" and finding.option is None:
            assert any(t is cell or t is paragraph for t in cells[key])
        if finding.code == "negative":
            assert cells[key] == [cell], "the comment is on the year's own cell"
        if finding.code == "too_long":  # a roster cell: rows count from 1, spots from 0
            row, column = (finding.option or "").split("/")
            assert cells[f"{int(row) - 1}/{column}"] == [cell], "on the row's own cell"
    assert {"required", "negative"} <= codes or "too_long" in codes


def test_the_comment_sits_beside_its_label() -> None:
    spec = cf.load_spec("national-2023")
    app = json.loads((EXAMPLES / "national-2023.json").read_text(encoding="utf-8"))
    app["values"]["basic.operator_contact.name"] = ""
    app["values"]["industry.leading_cagr"] = "11.05"
    data = RENDERER.render(spec, cf.read_application(spec, app))
    report = cf.validate(spec, RENDERER.read(data).document)
    assert {f.code for f in report} == {"required", "formula_mismatch"}
    word = read_docx(_annotate(data, report))
    texts = {c.id: c.text for c in word.comments}
    for ident, (table, cell, _) in anchors(word).items():
        assert cell is not None
        label = table.row(cell.row)[0].text
        if "formula_mismatch" in texts[ident]:
            assert texts[ident].startswith("【错误 formula_mismatch】")
            assert "年均增速" in label
        else:
            assert texts[ident].startswith("【错误 required】「联系人」")
            assert label == "联系人"
            assert table.row(cell.row - 1)[0].text == "集群运营管理机构"
    assert {c.author for c in word.comments} == {AUTHOR}


# ------------------------------------------------------------------ forms filled by hand


def _made_up(spec: cf.FormSpec, document: dict[str, Any]) -> list[cf.Finding]:
    """Findings on a cover line, a text field, a year of a yearly row, and a field not on the form."""
    items = [item for section in spec.sections for item in section.items]
    text = next(i for i in items if i.kind == "text")
    yearly = next(i for i in items if i.kind == "yearly" and document["values"].get(i.id))
    year = int(max(document["values"][yearly.id]))
    cover = spec.cover.lines[0]
    return [
        cf.Finding(code="required", severity="error", message="封面需核对", field=cover.id),
        cf.Finding(
            code="required", severity="error", message=f"「{text.label}」需核对", field=text.id
        ),
        cf.Finding(
            code="negative", severity="error", message="该年数值需核对", field=yearly.id, year=year
        ),
        cf.Finding(code="unknown_field", severity="warning", message="未知栏目 x.y", field="x.y"),
    ]


@pytest.mark.parametrize("form", wordforms.FORMS)
def test_hand_filled_forms(form: str) -> None:
    spec = cf.load_spec(form)
    data = wordforms.build(form, filled=True)
    reading = RENDERER.read(data, spec=spec)
    found = cf.validate(spec, reading.document)
    report = cf.Report(spec=form, findings=(*found, *_made_up(spec, reading.document)))
    annotated = _annotate(data, report)
    word, where = check_annotated(data, annotated, spec, report)
    assert len(where) == len(report) - 1, "all but the unknown field have a place"
    assert listed(word)[-1].endswith("（表内无对应位置）")
    texts = {c.id: c.text for c in word.comments}
    on_cover = next(where[i] for i, t in texts.items() if t.endswith("封面需核对"))
    assert on_cover[1] is None, "a cover line is a paragraph of the body"
    assert on_cover[2].text.replace(" ", "").startswith(spec.cover.lines[0].label.replace(" ", ""))
    for finding in report:
        if finding.option is None or finding.code != "evidence_missing":
            continue
        option = next(
            o
            for s in spec.sections
            for i in flat(s.items)
            if i.id == finding.field
            for o in getattr(i, "options", ())
            if o.id == finding.option
        )
        ident = next(i for i, t in texts.items() if t.endswith(finding.message))
        assert option.label[:6] in where[ident][2].text, "on the option's own line"


# ------------------------------------------------------------------ the package


def test_nothing_else_changes_and_a_second_annotation_replaces_the_first() -> None:
    spec = cf.load_spec("national-2023")
    data = wordforms.build("national-2023", filled=True)
    report = cf.validate(spec, RENDERER.read(data, spec=spec).document)
    first = _annotate(data, report)
    before, after = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(first))
    changed = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels"}
    changed.add("[Content_Types].xml")
    assert set(after.namelist()) == set(before.namelist()) | {"word/comments.xml"}
    for name in before.namelist():
        if name not in changed:
            assert after.read(name) == before.read(name), name
    types = after.read("[Content_Types].xml").decode()
    assert "wordprocessingml.comments+xml" in types
    assert "relationships/comments" in after.read("word/_rels/document.xml.rels").decode()
    # Someone answers in the copy: their comment stays when it is annotated again.
    comments = after.read("word/comments.xml").decode()
    theirs = rewrite(first, {"word/comments.xml": comments.replace(AUTHOR, "张三", 1)})
    clean = _annotate(theirs, cf.Report(spec=spec.id))
    word = read_docx(clean)
    assert [c.author for c in word.comments] == ["张三"]
    assert listed(word) == [listed(word)[0], listed(word)[1]]
    assert listed(word)[0] == "校验结果：未发现问题"
    original = read_docx(data).body
    assert len(word.body) == len(original) + LIST_BLOCKS
    stripped = [_without_comments(b) for b in word.body[LIST_BLOCKS:]]
    assert stripped == list(original), "the body is the original's, comment marks aside"


def _without_comments(block: Any) -> Any:
    if isinstance(block, Paragraph):
        return Paragraph(block.text, block.style, block.number, (), block.textboxes)
    cells = tuple(
        Cell(c.row, c.column, c.row_span, c.column_span, tuple(map(_without_comments, c.blocks)))
        for c in block.cells
    )
    return Table(block.rows, block.columns, cells, block.grid, block.style)


def test_a_report_for_another_spec_or_an_unknown_one_is_refused() -> None:
    spec = cf.load_spec("national-2023")
    data = RENDERER.render(spec, cf.read_application(spec, _planted(spec)))
    with pytest.raises(ReadError, match="report is for spec 'jiangsu-2024'"):
        _annotate(data, cf.Report(spec="jiangsu-2024"))
    hand = wordforms.build("guangxi-2025", filled=True)
    with pytest.raises(ReadError, match="no spec with id"):
        _annotate(hand, cf.Report(spec="guangxi-2099"))


def test_hostile_documents_are_refused_as_reading_refuses_them() -> None:
    plain = wordforms.build("national-2023", filled=False)
    report = cf.Report(spec="national-2023")

    def annotate(source: bytes) -> bytes:
        return RENDERER.annotate(source, report)

    refused(b"hello", "not a Word document", annotate)
    refused(plain[: len(plain) // 2], "truncated|damaged", annotate)
    bomb = rewrite(plain, {"word/document.xml": BILLION_LAUGHS})
    refused(bomb, r"word/document\.xml declares a DTD", annotate)
    macros = rewrite(plain, {"word/vbaProject.bin": b"\0" * 16})
    refused(macros, "macro", annotate)


# ------------------------------------------------------------------ command line


def test_validate_annotate_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = cf.load_spec("jiangsu-2024")
    filled = tmp_path / "filled.docx"
    filled.write_bytes(RENDERER.render(spec, cf.read_application(spec, _planted(spec))))
    out = tmp_path / "annotated.docx"
    assert main(["validate", str(filled), "--annotate", str(out)]) == 1
    word = read_docx(out)
    assert any(c.author == AUTHOR for c in word.comments)
    assert listed(word)[0].startswith("校验结果：")
    capsys.readouterr()
    before = filled.read_bytes()
    assert main(["validate", str(filled), "--annotate", str(filled)]) == 2
    assert "is the input" in capsys.readouterr().err
    assert filled.read_bytes() == before


def test_a_doc_file_is_annotated_as_a_converted_docx(tmp_path: Path) -> None:
    spec = cf.load_spec("shanghai-2023")
    data = wordforms.build("shanghai-2023", filled=True)
    source = tmp_path / "filled.docx"
    source.write_bytes(data)
    (doc,) = office.convert(source, "doc", tmp_path)
    reading = RENDERER.read(doc, spec=spec)
    report = cf.validate(spec, reading.document)
    annotated = _annotate(doc, report)
    assert annotated.startswith(b"PK")
    assert RENDERER.read(annotated, spec=spec).document == reading.document
    assert len(anchors(read_docx(annotated))) == len(report)


# ------------------------------------------------------------------ LibreOffice shows them

_PDF_WITH_COMMENTS = (
    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
    '"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
)


def _pdf_comments(pdf: bytes) -> list[str]:
    """The text of the PDF's comment annotations (LibreOffice writes them uncompressed)."""
    return [
        bytes.fromhex(m.group(1).decode()).decode("utf-16")
        for m in re.finditer(rb"/Contents\s*<([0-9A-Fa-f]+)>", pdf)
    ]


def test_libreoffice_exports_the_comments_to_pdf(tmp_path: Path) -> None:
    spec = cf.load_spec("national-2023")
    data = RENDERER.render(spec, cf.read_application(spec, _planted(spec)))
    report = cf.validate(spec, RENDERER.read(data).document)
    annotated = tmp_path / "annotated.docx"
    annotated.write_bytes(_annotate(data, report))
    (printed,) = office.convert(annotated, _PDF_WITH_COMMENTS, tmp_path)
    pdf = printed.read_bytes()
    text = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-layout", str(tmp_path / "annotated.pdf"), "-"],
        check=True, capture_output=True, timeout=60,
    ).stdout.decode()  # fmt: skip
    first = report.findings[0]
    comment = f"【错误 {first.code}】{first.message}"
    # LibreOffice 7.5 and later draw comments in the margin (pdftotext sees them there);
    # 7.4 ignores ExportNotesInMargin and exports them as PDF comment annotations.
    # Once in the list on top, once more in the margin (wrapped there: white space ignored).
    flat = re.sub(r"\s", "", text)
    in_margin = flat.count(re.sub(r"\s", "", first.message[:8])) > 1
    assert in_margin or comment in _pdf_comments(pdf)
    assert text.lstrip().startswith("校验结果")
    assert first.code in text.split("\f")[0], "the list on the first page names the problem"
