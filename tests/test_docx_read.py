"""Reading filled Word forms back: the official-layout templates filled by hand, and the API.

The fixtures of :mod:`tests.wordforms` are the world's documents — the ministry's and the
provinces' templates as a county official fills them in Word or WPS, never our renderer's
output.  Read with the spec named, each gives the application a careful person transcribes
(:func:`tests.wordforms.expected`), reports each planted ambiguity as a guess or as typed text
of no field, and leaves no typed text unreported.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from clusterforms_renderers.docx.reading import Spot, locate
from clusterforms_renderers.docx.reading._text import Spans, typed_pieces

import clusterforms
from clusterforms.testing import sample_application
from tests import wordforms
from tests.wordforms.plaintext import paragraphs

FORMS = wordforms.FORMS
TICKS = "☑■√✓✔☒□☐\uf052\uf0a3"


def _spec(form: str) -> clusterforms.FormSpec:
    return clusterforms.load_spec(form)


def _read(form: str, *, filled: bool = True) -> clusterforms.Reading:
    return clusterforms.read(wordforms.build(form, filled=filled), spec=_spec(form), name=form)


def _canonical(spec: clusterforms.FormSpec, document: dict[str, Any]) -> dict[str, Any]:
    return clusterforms.read_application(spec, document).to_document()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _expected(form: str) -> dict[str, Any]:
    """expected(form), except that two boxes ticked in one choice are both kept.

    The fixtures' expected() decides for one of the two; the reader keeps both (a list), so
    that validate reports multiple_choices, and says so in a guess (see the test below).
    """
    data = wordforms.expected(form)
    spec = _spec(form)
    for guess in wordforms.planted_guesses(form):
        if guess["kind"] == "two_ticks":
            item = spec.find(guess["field"])
            order = [o.id for o in item.options]  # type: ignore[union-attr]
            data["values"][guess["field"]] = sorted(guess["options"], key=order.index)
    return _canonical(spec, data)


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize("form", FORMS)
def test_a_form_filled_by_hand_reads_as_a_careful_person_transcribes_it(form: str) -> None:
    reading = _read(form)
    assert reading.spec.id == form
    assert reading.format == "docx"
    assert reading.document == _expected(form)


@pytest.mark.parametrize("form", FORMS)
def test_two_ticks_in_a_single_choice_are_kept_for_validate_to_report(form: str) -> None:
    reading = _read(form)
    report = clusterforms.validate(reading.spec, reading.document)
    planted = [g["field"] for g in wordforms.planted_guesses(form) if g["kind"] == "two_ticks"]
    flagged = {f.field for f in report.findings if f.code == "multiple_choices"}
    assert flagged == set(planted)
    assert {f.code for f in report.errors} == {"multiple_choices"}


@pytest.mark.parametrize("form", FORMS)
def test_a_blank_template_reads_to_no_values_and_no_problems(form: str) -> None:
    reading = _read(form, filled=False)
    assert reading.document == {"spec": form, "values": {}}
    assert reading.problems == ()


def test_the_national_annex_reads_as_the_summary_table() -> None:
    spec = clusterforms.load_spec("summary-2023")
    reading = clusterforms.read(wordforms.build("national-2023", filled=True), spec=spec)
    expected = wordforms.expected_summary("national-2023")
    assert expected is not None
    # expected_summary() writes 序号 as the text "1" (its _strings() turns every int into text);
    # the roster's 序号 is a number on the page and in the summary summarize writes, so it is
    # compared as one.
    for row in expected["values"]["summary.clusters"]:
        row["seq"] = Decimal(row["seq"])
    assert reading.document == _canonical(spec, expected)
    notice = [n for n in reading.problems if n.kind == "notice" and "not part of" in n.message]
    assert len(notice) == 1  # 附件1 before it: one notice, not a note per paragraph


# --------------------------------------------------------------------------- the report


def _section_title(spec: clusterforms.FormSpec, near: str) -> str:
    if near == "cover":
        return "封面"
    for section in spec.sections:
        if section.id == near.split(".", maxsplit=1)[0] or section.title.startswith(near):
            return section.title
    raise AssertionError(near)


@pytest.mark.parametrize("form", FORMS)
def test_every_planted_ambiguity_is_reported_at_its_field(form: str) -> None:
    reading = _read(form)
    spec = _spec(form)
    for guess in wordforms.planted_guesses(form):
        pieces = [_squash(p) for p in guess["text"].split(" / ")]
        if guess["kind"] == "unmapped_text":
            title = _section_title(spec, guess["near"])
            notes = [n for n in reading.problems if n.kind == "unmapped"]
            assert any(
                _squash(guess["text"]) in _squash(n.text) and n.place.startswith(title)
                for n in notes
            ), guess
        else:
            notes = [n for n in reading.problems if n.kind == "guess" and n.field == guess["field"]]
            assert any(all(p in _squash(n.text) for p in pieces) for n in notes), (guess, notes)


@pytest.mark.parametrize("form", FORMS)
def test_every_field_found_is_noted_with_its_place(form: str) -> None:
    reading = _read(form)
    found = {n.field for n in reading.notes if n.kind == "found"}
    assert set(reading.document["values"]) <= found
    place = next(n.place for n in reading.notes if n.field == "basic.area" and n.kind == "found")
    assert place == "一、基本情况 · 表1 · 第6行 · 第2格"
    assert not [n for n in reading.problems if n.kind == "not_found"]


def _haystack(reading: clusterforms.Reading) -> str:
    """Everything the reading holds as text: its values and its notes."""

    def texts(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [t for v in value.values() for t in texts(v)]
        if isinstance(value, list):
            return [t for v in value for t in texts(v)]
        return [str(value)]

    return _squash("".join(texts(reading.document["values"]) + [n.text for n in reading.notes]))


@pytest.mark.parametrize("form", FORMS)
def test_nothing_typed_is_left_unreported(form: str) -> None:
    """Each paragraph the filled form adds to the template is in a value or in a note.

    The paragraphs come from an lxml read of the files independent of the reader; what the
    template prints (its paragraphs, and the option words of ticked boxes) is taken away,
    and every stretch left must appear in the reading's values or notes.
    """
    blank = {_squash(p) for p in paragraphs(wordforms.build(form, filled=False))}
    spec = _spec(form)
    lines = {_squash(x) for line in clusterforms.iter_text(spec) for x in line.split("\n")}
    lines |= {_squash(w) for line in spec.cover.lines for w in (line.label, *line.suffixes)}
    lines |= {_squash(o.label) for _, item in spec.walk() for o in getattr(item, "options", ())}
    printed = sorted(lines | blank, key=len, reverse=True)
    haystack = _haystack(_read(form))
    missing = []
    for paragraph in paragraphs(wordforms.build(form, filled=True)):
        rest = _squash(paragraph)
        if not rest or rest in blank:
            continue
        for line in printed:
            if line and line in rest:
                rest = rest.replace(line, "\x00")
        for typed in re.split("[\x00" + TICKS + "]+", rest):
            piece = typed.strip("：:，。（）()、 ")
            figure = re.fullmatch(r"([\d.,]+)(%|亿元|万元|人|个)", piece)  # 50% read as 50
            if figure is not None:
                piece = figure.group(1)
            if piece and piece not in haystack:
                missing.append((paragraph[:60], piece))
    assert missing == []


@pytest.mark.parametrize("form", FORMS)
def test_tracked_changes_are_read_accepted_and_said(form: str) -> None:
    reading = _read(form)
    notices = [n.message for n in reading.problems if n.kind == "notice"]
    assert any("tracked changes" in m and "accepted" in m for m in notices)


def test_places_name_the_part_table_row_and_cell() -> None:
    reading = _read("national-2023")
    by_field = {n.field: n.place for n in reading.notes if n.kind == "found"}
    assert by_field["industry.total_output"] == "二、主导产业情况 · 表1 · 第2行 · 第1格"
    assert by_field["cover.cluster_name"].startswith("封面 · 第")
    assert by_field["plan.targets"].startswith("八、未来三年中小企业特色产业集群发展规划 · 表1")
    guesses = {n.field: n.place for n in reading.problems if n.kind == "guess"}
    assert guesses["industry.innovative_smes"] == "二、主导产业情况 · 表1 · 第13行 · 第2格"


def test_a_guessed_number_from_an_unprinted_unit_says_so() -> None:
    reading = _read("jiangsu-2024")
    notes = [n for n in reading.problems if n.field == "plan.targets" and n.kind == "guess"]
    assert any("2.13亿元" in n.text and "亿元" in n.message for n in notes)
    assert any("内表1" in n.place for n in notes)  # the target table is nested in the plan cell


# --------------------------------------------------------------------------- spots


def test_locate_gives_the_cell_of_every_value_blank_or_filled() -> None:
    spec = _spec("national-2023")
    for filled in (False, True):
        spots = locate(wordforms.build("national-2023", filled=filled), spec)
        fields = {s.field for s in spots}
        values = wordforms.expected("national-2023")["values"]
        assert set(values) <= fields, sorted(set(values) - fields)
    by_key = {(s.field, s.key): s for s in spots}
    area = by_key["basic.area", None]
    assert isinstance(area, Spot)
    assert (area.place.table.path, area.place.row, area.place.column) == ((0,), 5, 1)  # type: ignore[union-attr]
    year = by_key["industry.total_output", "2022"]
    assert (year.place.row, year.place.column) == (1, 3)
    assert by_key["basic.industry_type", "secondary"].place.describe().startswith("一、基本情况")
    target = by_key["plan.targets", "rows/plan.targets.co2/baseline"].place
    assert target.table is not None
    assert len(target.table.path) == 2  # nested in the plan cell


# --------------------------------------------------------------------------- which spec


def test_a_form_filled_by_hand_needs_its_spec_named() -> None:
    with pytest.raises(clusterforms.ReadError, match=r"national-2023\.docx: .*name the spec"):
        clusterforms.read(wordforms.build("national-2023", filled=True), name="national-2023.docx")


def test_our_document_names_its_spec_and_version() -> None:
    spec = _spec("guangxi-2025")
    data = clusterforms.render(spec, "docx", sample_application(spec))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        custom = zf.read("docProps/custom.xml").decode()
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("_rels/.rels").decode()
    assert "clusterforms.spec" in custom
    assert "guangxi-2025" in custom
    assert clusterforms.spec_digest(spec) in custom
    assert clusterforms.__version__ in custom
    assert "custom-properties+xml" in types
    assert "custom-properties" in rels
    reading = clusterforms.read(data)  # no spec named: the document says it
    assert reading.spec.id == "guangxi-2025"


def _with_properties(data: bytes, spec_id: str, digest: str = "sha256:0") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == "docProps/custom.xml":
                body = re.sub(rb"guangxi-2025", spec_id.encode(), body)
                body = re.sub(rb"sha256:[0-9a-f]+", digest.encode(), body)
            zout.writestr(info, body)
    return out.getvalue()


@pytest.mark.parametrize("spec_id", ["/dev/zero", "../../etc/passwd", "specs/national-2023.toml"])
def test_a_spec_the_document_names_is_an_id_never_a_path(spec_id: str) -> None:
    spec = _spec("guangxi-2025")
    data = _with_properties(clusterforms.render(spec, "docx"), spec_id)
    with pytest.raises(clusterforms.ReadError, match="no spec with id"):
        clusterforms.read(data, name="x.docx")


def test_a_document_made_from_another_version_of_its_spec_is_read_with_a_notice() -> None:
    spec = _spec("guangxi-2025")
    data = _with_properties(clusterforms.render(spec, "docx"), "guangxi-2025", "sha256:00")
    reading = clusterforms.read(data)
    assert any("another version" in n.message for n in reading.problems)


def test_the_spec_named_wins_over_the_one_the_document_names_with_a_notice() -> None:
    data = clusterforms.render(_spec("national-2023"), "docx")
    reading = clusterforms.read(data, spec=_spec("guangxi-2025"))
    assert reading.spec.id == "guangxi-2025"
    assert any("national-2023" in n.message for n in reading.problems if n.kind == "notice")


def test_the_renderer_reads_word_suffixes_and_sniffs_word_files() -> None:
    renderer = clusterforms.get_renderer("docx", capability="read")
    assert set(renderer.read_suffixes) == {".docx", ".doc", ".wps", ".odt", ".rtf"}
    assert renderer.sniff(clusterforms.render(_spec("national-2023"), "docx")[:65536])
    assert renderer.sniff(b"{\\rtf1\\ansi")
    assert not renderer.sniff(b"not a word file")
    xlsx = clusterforms.render(_spec("national-2023"), "xlsx")
    assert not renderer.sniff(xlsx[:65536])
    assert (
        clusterforms.renderer_for_file(wordforms.build("national-2023", filled=True)).name == "docx"
    )


def test_an_ellipsis_typed_in_a_cell_is_kept_as_typed() -> None:
    # norm() makes "…" three dots: the original positions follow, so pieces cut right.
    assert typed_pieces("见附件…") == ["见附件…"]
    assert typed_pieces("略……", ("略",)) == []
    assert typed_pieces("单位：万元…… 12", printed=["单位：万元"]) == ["…… 12"]
    spans = Spans("a…b")
    assert len(spans.index) == len(spans.normal) == 5
    assert spans.original(4, 5) == "b"
