"""Importing official Word templates as draft specs, aligning them, diffing against them.

The templates are those of :mod:`tests.wordforms` — built from the seed texts the way the
ministry and the provinces build theirs (one table per section, merged cells, split runs,
Wingdings boxes, lost auto-numbering), never by our renderer.  The measured shares below
are the ones docs/spec-format.md quotes; each test records its share as the JUnit property
``share`` (``pytest --junitxml``).
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import clusterforms as cf
from clusterforms.diff.text import normalise_label
from clusterforms.drafts.align import words
from clusterforms.drafts.pairing import label_score, pair
from clusterforms.model.checks import check_spec
from tests import office, wordforms
from tests.strategies import specs
from tests.wordforms.plaintext import paragraphs

FORMS = wordforms.FORMS
#: The share of base items that must come out with the right id and kind.
AIM = 0.95


def _blank(form: str) -> bytes:
    return wordforms.build(form, filled=False)


def _draft(form: str, like: cf.FormSpec | None = None) -> cf.SpecDraft:
    return cf.import_spec(_blank(form), like=like, name=f"{form}.docx")


def _cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clusterforms", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _labels(spec: cf.FormSpec) -> Iterator[str]:
    """Every piece of the draft's text that the template printed."""
    yield from (s.title for s in spec.sections)
    yield from (line.label for line in spec.cover.lines)
    for _, item in spec.walk():
        for name in ("label", "title", "indicator"):
            value = getattr(item, name, None)
            if isinstance(value, str):
                yield value
        yield from getattr(item, "lines", ())
        for option in (*getattr(item, "options", ()), *getattr(item, "parts", ())):
            yield option.label
        for direction in getattr(item, "directions", ()):
            yield direction.label
            yield from (row.indicator for row in direction.rows)
        if isinstance(item, cf.RosterItem):
            yield from (column.label for column in item.columns)
    yield from (a.title for a in spec.appendices)


def share_right(draft: cf.SpecDraft, truth: cf.FormSpec) -> tuple[float, list[str]]:
    """The share of ``truth``'s items found in the draft with their id, kind and label."""
    got = {item.id: item for _, item in draft.spec.walk()}
    misses = []
    for _, item in truth.walk():
        found = got.get(item.id)
        if not (
            found is not None
            and found.kind == item.kind
            and normalise_label(words(found)) == normalise_label(words(item))
        ):
            misses.append(item.id)
    total = sum(1 for _ in truth.walk())
    return (total - len(misses)) / total, misses


@pytest.mark.parametrize("form", FORMS)
def test_a_template_imports_as_a_spec_that_loads_and_renders(form: str, tmp_path: Path) -> None:
    draft = _draft(form)
    assert [s.id for s in draft.spec.sections] == [f"section_{n}" for n in range(1, 10)]
    path = tmp_path / "draft.toml"
    path.write_text(draft.dumps(), encoding="utf-8")
    assert cf.load_spec(path) == draft.spec
    for fmt in ("docx", "xlsx", "json-schema"):
        assert cf.render(draft.spec, fmt)
    assert draft.dumps().startswith("# Draft imported from ")


@pytest.mark.parametrize("form", FORMS)
def test_every_label_of_the_draft_is_text_of_the_template(form: str) -> None:
    document = _squash("".join(paragraphs(_blank(form))))
    draft = _draft(form, like=cf.load_spec("national-2023"))
    for label in _labels(draft.spec):
        for line in label.split("\n"):
            assert _squash(line) in document, (form, line)


#: Measured: national-2023, jiangsu-2024, guangxi-2025 1.0; shanghai-2023 0.974 (its
#: 数字化新模式新业态推广情况 group holding one checklist is printed as one checklist: the
#: checklist keeps its id under the group's label, the group is reported dropped).
@pytest.mark.parametrize("form", FORMS)
def test_aligned_like_its_own_spec_items_get_their_ids_and_kinds(
    form: str, record_property: Callable[[str, object], None]
) -> None:
    truth = cf.load_spec(form)
    draft = _draft(form, like=truth)
    share, misses = share_right(draft, truth)
    record_property("share", round(share, 3))
    assert share >= AIM, misses
    reported = {n.entry for n in draft.notes if n.kind in {"new", "match", "guess"}}
    dropped = " ".join(n.message for n in draft.notes if n.kind == "dropped")
    for miss in misses:  # every miss is in the report: dropped from the base, or noted
        assert miss in dropped or miss in reported
    assert draft.spec.rules == truth.rules
    assert draft.spec.criteria == truth.criteria


#: Every template like every other form.  Measured: 1.0 for national, jiangsu and guangxi
#: like one another; 0.974–0.987 for shanghai-2023 either way round (its 申报单位 and
#: 主导产业所属产业领域 are other questions in the catalogue than 集群运营管理机构 and
#: 主导产业所属产业类型, which no label tells), and the group it wraps one checklist in.
CROSS = list(itertools.permutations(FORMS, 2))


@pytest.mark.parametrize(("form", "like"), CROSS)
def test_aligned_like_another_form_items_get_the_bases_ids_or_new_ones(
    form: str, like: str, record_property: Callable[[str, object], None]
) -> None:
    truth, base = cf.load_spec(form), cf.load_spec(like)
    own = _draft(form, like=truth)
    draft = _draft(form, like=base)
    base_ids = {item.id for _, item in base.walk()}
    kinds = {item.id: item.kind for _, item in truth.walk()}
    pairs = list(
        zip((i for _, i in own.spec.walk()), (i for _, i in draft.spec.walk()), strict=True)
    )
    right = 0
    for mine, got in pairs:
        wanted = mine.id if mine.id in base_ids else None
        id_right = got.id == wanted if wanted else got.id not in base_ids
        right += id_right and got.kind == kinds.get(mine.id, mine.kind)
    share = right / len(pairs)
    record_property("share", round(share, 3))
    assert share >= AIM
    items = {item.id for _, item in draft.spec.walk()}
    new = [n for n in draft.notes if n.kind == "new" and n.entry in items]
    assert new
    assert all(n.entry and ".new_" in n.entry and "「" in n.message for n in new)


def test_a_diff_against_a_template_reports_the_changes_of_its_spec(
    record_property: Callable[[str, object], None],
) -> None:
    national = cf.load_spec("national-2023")
    draft = _draft("guangxi-2025", like=national)
    assert (draft.spec.issuer, draft.spec.region) == (
        "广西壮族自治区工业和信息化厅",
        "广西壮族自治区",
    )
    shipped = cf.diff(national, cf.load_spec("guangxi-2025"))
    imported = cf.diff(national, draft.spec)

    # A new item is reported under its new id: compare them by what they print.
    def seen(d: cf.SpecDiff) -> set[tuple[str, str]]:
        return {(c.code, c.new or c.old or c.subject) for c in d.changes if c.group[0] != "#"}

    want, got = seen(shipped), seen(imported)
    share = len(want & got) / len(want)
    record_property("share", round(share, 3))
    assert share >= 0.9
    codes = {c.code for c in imported.changes}
    assert {"item_added", "item_removed"} <= codes
    assert any(
        c.subject == "basic.restricted" or "是否属于" in (c.new or "") for c in imported.changes
    )


@pytest.mark.parametrize("spec_id", cf.list_specs())
def test_our_own_blank_form_imports_back_to_its_spec(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    draft = cf.import_spec(cf.render(spec, "docx"), like=spec, name=f"{spec_id}.docx")
    changes = cf.diff(spec, draft.spec).changes
    # What is not the form's: the source line (the file's name instead); and what the
    # importer reads as a guess the base does not share: a bound from the label's wording
    # (0 for a 降低率 in %), or whether a field is required.
    allowed = {"metadata_changed", "range_changed", "required_changed"}
    assert {c.code for c in changes} <= allowed, [(c.code, c.subject) for c in changes]
    assert [c.attribute for c in changes if c.code == "metadata_changed"] == ["source"]
    assert len(changes) <= 2


@pytest.fixture(scope="module")
def doc_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four templates saved as .doc by LibreOffice, as many issuers send them."""
    folder = tmp_path_factory.mktemp("doc")
    sources = []
    for form in FORMS:
        sources.append(folder / f"{form}.docx")
        sources[-1].write_bytes(_blank(form))
    office.convert(sources, "doc", folder)
    return folder


@pytest.mark.parametrize("form", FORMS)
def test_a_doc_template_is_converted_by_libreoffice_and_imported(
    form: str, doc_templates: Path, record_property: Callable[[str, object], None]
) -> None:
    truth = cf.load_spec(form)
    draft = cf.import_spec(doc_templates / f"{form}.doc", like=truth)
    assert draft.format == "doc"
    assert any(".doc file" in n.message for n in draft.notes if n.kind == "notice")
    share, misses = share_right(draft, truth)
    record_property("share", round(share, 3))
    assert share >= AIM, misses


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"not a Word file at all", "not"),
        (b"PK\x03\x04" + b"\0" * 64, "damaged|not"),
    ],
)
def test_what_is_not_a_template_is_refused(data: bytes, why: str) -> None:
    with pytest.raises(cf.ReadError, match=why):
        cf.get_renderer("docx", capability="import").import_spec(data, name="junk.docx")


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_blank("national-2023"))) as zin,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = b"<" + b"\0" * (20 * 1024 * 1024)
            zout.writestr(info.filename, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_in_one_line_with_exit_2(tmp_path: Path) -> None:
    with pytest.raises(cf.ReadError, match="zip bomb"):
        cf.import_spec(_bomb(), name="bomb.docx")
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb())
    result = _cli("import", path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(path) in result.stderr
    assert "zip bomb" in result.stderr


def test_the_import_verb_writes_the_draft_and_its_report(tmp_path: Path) -> None:
    template = tmp_path / "guangxi-2025.docx"
    template.write_bytes(_blank("guangxi-2025"))
    out, report = tmp_path / "draft.toml", tmp_path / "report.json"
    result = _cli("import", template, "--like", "national-2023", "-o", out, "--report", report)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "imported like national-2023: 106 items" in result.stderr
    spec = cf.load_spec(out)
    assert spec.find("basic.cluster_name").kind == "text"
    text = out.read_text(encoding="utf-8")
    assert re.search(r"# new: not in national-2023: 「[^」]+」 has a new id", text)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["base"] == "national-2023"
    assert data["counts"]["new"] == sum(1 for n in data["notes"] if n["kind"] == "new") > 0
    for fmt, suffix in (("docx", ".docx"), ("xlsx", ".xlsx"), ("json-schema", ".json")):
        rendered = _cli("render", out, "--format", fmt, "-o", tmp_path / f"r{suffix}")
        assert rendered.returncode == 0, rendered.stderr


def test_the_import_verb_prints_to_stdout_and_never_overwrites_its_input(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(_blank("jiangsu-2024"))
    result = _cli("import", template)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Draft imported from ")
    assert result.stderr.splitlines()[0].startswith(f"{template}: imported: 78 items")
    refused = _cli("import", template, "-o", template)
    assert refused.returncode == 2
    assert "it is the input" in refused.stderr
    assert template.read_bytes() == _blank("jiangsu-2024")
    missing = _cli("import", tmp_path / "nowhere.docx")
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1


def test_diff_and_matrix_take_word_templates(tmp_path: Path) -> None:
    template = tmp_path / "guangxi-2025.docx"
    template.write_bytes(_blank("guangxi-2025"))
    other = tmp_path / "national-2023.docx"
    other.write_bytes(_blank("national-2023"))
    result = _cli("diff", "national-2023", template, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["changes"]
    assert "imported like national-2023" in result.stderr
    both = _cli("diff", other, template, "--format", "json")
    assert both.returncode == 0, both.stderr
    assert "item_added" in {c["code"] for c in json.loads(both.stdout)["changes"]}
    matrix = _cli("matrix", "national-2023", template)
    assert matrix.returncode == 0, matrix.stderr
    assert "basic.cluster_name" in matrix.stdout


@pytest.mark.parametrize("spec_id", cf.list_specs())
def test_every_shipped_spec_dumps_and_loads_back(spec_id: str, tmp_path: Path) -> None:
    spec = cf.load_spec(spec_id)
    path = tmp_path / "spec.toml"
    path.write_text(cf.dumps_spec(spec), encoding="utf-8")
    assert cf.load_spec(path) == spec


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=specs())
def test_any_spec_dumps_and_loads_back(spec: cf.FormSpec, tmp_path: Path) -> None:
    path = tmp_path / "spec.toml"
    path.write_text(cf.dumps_spec(spec, {"": ["a head"], spec.sections[0].id: ["x\n# y"]}), "utf-8")
    assert cf.load_spec(path) == spec


def test_labels_printed_twice_pair_by_position_and_a_negation_is_another_question() -> None:
    left = [
        "大宗工业固废综合利用率（%）",
        "是否高于行业平均水平",
        "工业用水重复利用率（%）",
        "是否高于行业平均水平",
    ]
    right = [
        "大宗工业固废综合利用率（%）",
        "是否高于行业平均水平",
        "工业用水重复利用率",
        "是否高于行业平均水平",
    ]
    assert [(i, j) for i, j, _ in pair(left, right, label_score)] == [
        (0, 0),
        (1, 1),
        (2, 2),
        (3, 3),
    ]
    assert (
        label_score(
            "集群主导产业不属于国家规定的禁止类产业", "集群主导产业是否属于国家规定的禁止类产业"
        )
        < 0.5
    )
    assert (
        label_score("近三年外商直接投资额累计增长率（%）", "近三年外商直接投资额增长率（%）") < 0.5
    )
    assert label_score("集群总产值（亿元）", "集群总产值（万元）") == 1.0


def test_only_a_renderer_that_imports_is_asked_to(tmp_path: Path) -> None:
    with pytest.raises(
        cf.RendererNotFoundError,
        match=r"the xlsx renderer cannot import templates \(renderers that can: docx",
    ):
        cf.import_spec(_blank("national-2023"), format="xlsx")
    workbook = tmp_path / "form.xlsx"
    workbook.write_bytes(cf.render(cf.load_spec("national-2023"), "xlsx"))
    with pytest.raises(
        cf.ReadError, match=r"form\.xlsx: no installed renderer can import templates"
    ):
        cf.import_spec(workbook)

    class Plain(cf.Renderer):
        name = "plain"
        media_type = "text/plain"
        extension = ".txt"

        def render(self, spec: cf.FormSpec, data: cf.Application | None = None) -> bytes:
            del data
            return spec.id.encode()

    assert not Plain.can_import
    with pytest.raises(cf.ReadError, match="the plain renderer does not import templates"):
        Plain().import_spec(b"x")
    assert [i.name for i in cf.available_renderers() if i.can_import] == ["docx"]


def test_aligning_carries_the_bases_rules_that_fit_and_lists_the_rest() -> None:
    guangxi = cf.load_spec("guangxi-2025")
    draft = cf.align_draft(_draft("national-2023"), guangxi)
    assert draft.base == "guangxi-2025"
    carried = {r.id for r in draft.spec.rules}
    dropped = [
        n.message for n in draft.notes if n.kind == "dropped" and n.message.startswith("rule ")
    ]
    assert carried
    assert carried | {m.split()[1] for m in dropped} == {r.id for r in guangxi.rules}
    assert check_spec(draft.spec) == []  # every rule carried names a field of the draft
    assert repr(draft).startswith("<SpecDraft national-2023.docx like guangxi-2025: ")


def test_a_pipe_named_like_a_template_is_refused_unread(tmp_path: Path) -> None:
    pipe = tmp_path / "template.docx"
    os.mkfifo(pipe)  # reading it would wait for a writer forever
    for args in (("import", pipe), ("diff", "national-2023", pipe), ("matrix", pipe)):
        result = _cli(*args)
        assert result.returncode == 2, args
        assert (
            result.stderr
            == f"clusterforms: error: {pipe}: not a regular file (a pipe or a device is never read)\n"
        )
