"""The Word fixtures of tests/wordforms: real-looking .docx files of the official forms, blank and filled.

They open in python-docx and as zip packages, the blank ones say exactly what the seeds say, the
filled ones say what :func:`tests.wordforms.expected` says, the expected applications validate,
every kind of hand-filling mess is somewhere, and the bytes are the same on every run.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

import clusterforms
from tests import office, wordforms
from tests.fidelity import normalize, seed_lines
from tests.wordforms import guangxi_fill, jiangsu_fill, national_fill, shanghai_fill
from tests.wordforms.markup import plain
from tests.wordforms.plaintext import paragraphs

FORMS = wordforms.FORMS
FILLS = {
    "national-2023": national_fill,
    "jiangsu-2024": jiangsu_fill,
    "guangxi-2025": guangxi_fill,
    "shanghai-2023": shanghai_fill,
}
BOTH = [(form, filled) for form in FORMS for filled in (False, True)]

#: Lines a blank document has that its seed lacks, each with the reason.
ADDED_LINES: dict[str, tuple[str, ...]] = {
    # The extraction lost the Shanghai cover title; the form's own appendix names it.
    "shanghai-2023": ("上海市中小企业特色产业集群申报表",),
}

#: Values a careful reader puts together rather than copies (the cover's 所属地区 is typed in
#: pieces around 省／市／县; Shanghai's date is typed "2023.7.6").
INFERRED: dict[str, frozenset[str]] = {
    "national-2023": frozenset({"cover.region"}),
    "jiangsu-2024": frozenset({"cover.region", "cover.cluster_name"}),
    "guangxi-2025": frozenset({"cover.region"}),
    "shanghai-2023": frozenset({"cover.date"}),
}

PARTS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
    "word/document.xml",
    "word/styles.xml",
    "word/settings.xml",
    "word/numbering.xml",
    "word/fontTable.xml",
    "docProps/core.xml",
    "docProps/app.xml",
)


def _build(form: str, *, filled: bool) -> bytes:
    return wordforms.build(form, filled=filled)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _doc_lines(data: bytes) -> list[str]:
    """The document's text as the fidelity check compares it: normalised, blanks and numbers out."""
    lines = (normalize(x) for text in paragraphs(data) for x in text.split("\n"))
    return [x for x in lines if x and not x.isdigit()]


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


# --------------------------------------------------------------------------- packages


@pytest.mark.parametrize(("form", "filled"), BOTH)
def test_opens_with_python_docx(form: str, filled: bool) -> None:
    document = docx.Document(io.BytesIO(_build(form, filled=filled)))
    assert len(document.tables) >= 9  # sections 一 to 九, each one table
    assert any("一、基本情况" in q.text for q in document.paragraphs)
    assert document.core_properties.title
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("集群占地面积（平方公里）" in c for c in cells)


@pytest.mark.parametrize(("form", "filled"), BOTH)
def test_is_a_well_formed_word_package(form: str, filled: bool) -> None:
    with zipfile.ZipFile(io.BytesIO(_build(form, filled=filled))) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        assert names[0] == "[Content_Types].xml"
        assert set(PARTS) <= set(names)
        for name in names:
            etree.fromstring(zf.read(name))  # every part parses as XML
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        xml = zf.read("word/document.xml").decode("utf-8")
    for needle in (
        "<w:tblGrid>",
        "<w:gridCol ",
        "<w:tblW ",
        "<w:tcW ",
        "<w:gridSpan ",
        '<w:vMerge w:val="restart"/>',
        "<w:vMerge/>",
        "<w:tblBorders>",
    ):
        assert needle in xml, needle
    # Shanghai types its numbers ("1.集群应…", "（1） 总体思路"); the other templates number automatically.
    assert ("<w:numPr>" in xml) == (form != "shanghai-2023")


@pytest.mark.parametrize(("form", "filled"), BOTH)
def test_same_bytes_every_run(form: str, filled: bool) -> None:
    assert _build(form, filled=filled) == _build(form, filled=filled)


def test_blank_and_filled_differ() -> None:
    for form in FORMS:
        assert _build(form, filled=False) != _build(form, filled=True)


# --------------------------------------------------------------------------- fidelity


@pytest.mark.parametrize("form", FORMS)
def test_blank_document_says_what_the_seed_says(form: str) -> None:
    """Both ways: every seed line is in the document, in order, and the document adds nothing."""
    seed = seed_lines(form)
    added = ADDED_LINES.get(form, ())
    doc = [x for x in _doc_lines(_build(form, filled=False)) if x not in added]
    diff = list(difflib.unified_diff(seed, doc, "seed", "document", lineterm="", n=1))
    assert diff == [], "\n".join(diff)


@pytest.mark.parametrize("form", FORMS)
def test_blank_document_has_no_filled_in_values(form: str) -> None:
    text = "".join(paragraphs(_build(form, filled=False)))
    for mark in ("☑", "■", "√", "✓", "✔", "☒", "\uf052"):
        assert mark not in text


# --------------------------------------------------------------------------- expected data


@pytest.mark.parametrize("form", FORMS)
def test_expected_application_validates(form: str) -> None:
    data = wordforms.expected(form)
    assert data["spec"] == form
    report = clusterforms.validate(clusterforms.load_spec(form), _parsed(data))
    assert report.ok, report.errors
    # The Word form has nowhere to cite attachments per ticked box, so those warnings stay.
    assert set(report.codes) <= {"evidence_missing"}


def test_expected_summary_validates() -> None:
    data = wordforms.expected_summary("national-2023")
    assert data is not None
    assert len(data["values"]["summary.clusters"]) == 4  # the template's three rows and one added
    report = clusterforms.validate(clusterforms.load_spec("summary-2023"), _parsed(data))
    assert report.ok, report.errors
    assert not report.warnings
    assert all(wordforms.expected_summary(f) is None for f in FORMS if f != "national-2023")


def _parsed(data: dict[str, Any]) -> Any:
    return clusterforms.parse_application(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("form", FORMS)
def test_expected_fills_every_field(form: str) -> None:
    spec = clusterforms.load_spec(form)
    values = wordforms.expected(form)["values"]
    no_value = {"year_header", "static", "group", "pair"}
    fields = {it.id for _, it in spec.walk() if it.kind not in no_value}
    fields -= {it.id for _, it in spec.walk() if it.kind == "signoff" and not it.opinion}
    assert sorted(fields - set(values)) == []


@pytest.mark.parametrize("form", FORMS)
def test_expected_numbers_are_strings(form: str) -> None:
    def leaves(value: Any) -> list[Any]:
        if isinstance(value, dict):
            return [x for v in value.values() for x in leaves(v)]
        if isinstance(value, list):
            return [x for v in value for x in leaves(v)]
        return [value]

    assert all(isinstance(x, str) for x in leaves(wordforms.expected(form)))


@pytest.mark.parametrize("form", FORMS)
def test_ticks_agree_with_expected_choices(form: str) -> None:
    """The boxes ticked in the document are the option ids the expected application lists."""
    spec = clusterforms.load_spec(form)
    values = wordforms.expected(form)["values"]
    planted = {
        g["field"]: g
        for g in wordforms.planted_guesses(form)
        if g["kind"] in ("two_ticks", "ambiguous_tick")
    }
    ticks = FILLS[form].TICKS
    for _, item in spec.walk():
        if item.kind not in ("choice", "checklist"):
            continue
        chosen = values[item.id]
        chosen_ids = (
            {chosen}
            if isinstance(chosen, str)
            else {
                x if isinstance(x, str) else x["option"]
                for x in ([chosen] if isinstance(chosen, dict) else chosen)
            }
        )
        ticked = {_option_id(item, label.rstrip("+")) for label in ticks.get(item.id, {})}
        if item.id in planted:
            guess = planted[item.id]
            doubtful = set(guess["options"])
            assert guess["expected"] in chosen_ids
            assert chosen_ids - doubtful == ticked - doubtful, item.id
            assert ticked & doubtful <= doubtful
        else:
            assert ticked == chosen_ids, item.id


def _option_id(item: Any, label: str) -> str:
    for option in item.options:
        if label in (option.label, option.label.split("（")[0]):
            return str(option.id)
    msg = f"{item.id}: no option {label!r}"
    raise AssertionError(msg)


@pytest.mark.parametrize("form", FORMS)
def test_filled_document_says_what_expected_says(form: str) -> None:
    """Every text the expected application holds is typed somewhere in the filled document."""
    spec = clusterforms.load_spec(form)
    kinds = {it.id: it.kind for _, it in spec.walk()}
    text = _squash("".join(paragraphs(_build(form, filled=True))))
    missing = []
    for fid, value in wordforms.expected(form)["values"].items():
        if fid in INFERRED[form]:
            continue
        for piece in _texts(kinds.get(fid, "text"), value):
            for line in piece.split("\n"):
                bare = re.sub(r"^（[一二三四]）|^三、", "", line)  # auto-numbered headings
                if _squash(bare) not in text:
                    missing.append(f"{fid}: {line[:40]}")
    assert missing == []


def _texts(kind: str, value: Any) -> list[str]:
    if kind == "choice":
        return [value["text"]] if isinstance(value, dict) else []
    if kind == "checklist":
        return [x["text"] for x in value if isinstance(x, dict) and "text" in x]
    if isinstance(value, dict):  # a target table's added row names its direction by id
        return [x for k, v in value.items() if k != "direction" for x in _texts(kind, v)]
    if isinstance(value, list):
        return [x for v in value for x in _texts(kind, v)]
    if isinstance(value, str) and not re.fullmatch(r"-?\d+(\.\d+)?", value):
        return [value]
    return []


# --------------------------------------------------------------------------- the mess


@pytest.mark.parametrize("form", FORMS)
def test_planted_guesses_are_in_the_document(form: str) -> None:
    guesses = wordforms.planted_guesses(form)
    assert {g["kind"] for g in guesses} == {
        "approximate_number",
        "two_ticks",
        "ambiguous_tick",
        "unmapped_text",
    }
    text = _squash("".join(paragraphs(_build(form, filled=True))))
    for guess in guesses:
        for piece in guess["text"].split(" / "):
            assert _squash(piece) in text, guess


def _mess(form: str) -> set[str]:
    """The kinds of hand-filling mess the filled document shows."""
    blank, data = _build(form, filled=False), _build(form, filled=True)
    xml, text = _document_xml(data), "\n".join(paragraphs(data))
    fill = FILLS[form].fill()
    checks = {
        "value beside label": True,
        "value after the label's colon": any(
            f"：{_squash(plain(fill.text(s) or ''))}" in _squash(text) for s in fill.in_label
        ),
        "split runs (rsid)": "w:rsidR=" in xml,
        "proofErr": "<w:proofErr " in xml,
        "bookmark": "<w:bookmarkStart " in xml,
        "lang change": 'w:lang w:val="en-US"' in xml,
        "full-width space in label": "\u3000" in text,
        "tick ☑": "☑" in re.sub("\uf052", "", text) and "☑" in xml,
        "tick ■": "■" in text,
        "tick √/✓/✔": any(c in text for c in "√✓✔"),
        "tick ☒": "☒" in text,
        "mark before box": bool(re.search("[√✓]□", text)),
        "Wingdings sym tick": 'w:char="F052"' in xml,
        "Wingdings sym box": 'w:char="F0A3"' in xml,
        "LibreOffice PUA tick": "\uf052" in xml,
        "unit typed with number": bool(re.search(r"\d(亿元|%|平方公里|人)", text)),
        "thousands separator": bool(re.search(r"\d,\d{3}", text)),
        "full-width digits": bool(re.search("[０-９]", text)),
        "emoji": any(ord(c) >= 0x1F000 for c in text),
        "line break in a cell": "<w:br/>" in xml,
        "row added to a table": xml.count("<w:tr ") > _document_xml(blank).count("<w:tr "),
        "tracked insertion": "<w:ins " in xml,
        "tracked deletion": "<w:delText" in xml,
    }
    return {name for name, ok in checks.items() if ok}


MESS = (
    "value beside label",
    "value after the label's colon",
    "split runs (rsid)",
    "proofErr",
    "bookmark",
    "lang change",
    "full-width space in label",
    "tick ☑",
    "tick ■",
    "tick √/✓/✔",
    "tick ☒",
    "mark before box",
    "Wingdings sym tick",
    "Wingdings sym box",
    "LibreOffice PUA tick",
    "unit typed with number",
    "thousands separator",
    "full-width digits",
    "emoji",
    "line break in a cell",
    "row added to a table",
    "tracked insertion",
    "tracked deletion",
)


def test_every_kind_of_mess_appears_somewhere() -> None:
    seen = {form: _mess(form) for form in FORMS}
    assert [m for m in MESS if not any(m in s for s in seen.values())] == []
    for form, kinds in seen.items():  # and each form has most of them
        assert len(kinds) >= len(MESS) * 2 // 3, (form, sorted(set(MESS) - kinds))


# --------------------------------------------------------------------------- LibreOffice


def test_libreoffice_converts_each_filled_form_to_pdf(tmp_path: Path) -> None:
    files = []
    for form in FORMS:
        path = tmp_path / f"{form}-filled.docx"
        path.write_bytes(_build(form, filled=True))
        files.append(path)
    office.convert(files, "pdf", tmp_path)
    for form in FORMS:
        pdf = (tmp_path / f"{form}-filled.pdf").read_bytes()
        assert pdf.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 10, form
