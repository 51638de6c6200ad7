"""Section 八's outline numbering, and 重点任务 / 保障措施 as narratives of their own (issue 17).

The seeds lost Word's automatic numbering: "存在的问题" sits between 二、 and 四、, so
the specs print "三、存在的问题"; documents print either form (Word draws the number, a
person types it, an older rendering left it out), and readers take both alike.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

import clusterforms as cf
from tests import wordforms

#: The specs whose plan outline lost a number between 二、 and 四、.
NUMBERED = ("national-2023", "jiangsu-2024", "guangxi-2025")


def _document_xml(data: bytes, change: object) -> bytes:
    """``data`` with its ``word/document.xml`` passed through ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                body = change(body.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            target.writestr(info, body)
    return out.getvalue()


def _heading(numbered: str, heading: str = "存在的问题") -> object:
    """A change of the ``heading`` paragraph: its Word number dropped, or typed as ``numbered``."""

    def change(xml: str) -> str:
        paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL)
        [target] = [p for p in paragraphs if f">{heading}<" in p]
        plain = re.sub(r"<w:numPr>.*?</w:numPr>", "", target, flags=re.DOTALL)
        plain = plain.replace(f">{heading}<", f">{numbered}{heading}<")
        return xml.replace(target, plain)

    return change


@pytest.mark.parametrize("spec_id", NUMBERED)
def test_the_outline_restores_the_lost_number_between_two_and_four(spec_id: str) -> None:
    outline = next(i for _, i in cf.load_spec(spec_id).walk() if i.id == "plan.text").outline
    numbered = [line for line in outline if re.match(r"^[一二三四五六七八九十]+、", line)]
    assert [line.split("、")[0] for line in numbered] == ["一", "二", "三", "四"]
    assert "三、存在的问题" in outline
    assert "总体思路" in outline  # no seed proves how the sub-levels were numbered


@pytest.mark.parametrize("numbered", ["", "三、", "（三）"])
def test_a_blank_template_reads_empty_whichever_way_it_numbers_the_heading(
    numbered: str,
) -> None:
    spec = cf.load_spec("national-2023")
    data = _document_xml(wordforms.build("national-2023", filled=False), _heading(numbered))
    # Unrecognised, the printed heading would read back as text the applicant wrote.
    assert "plan.text" not in cf.read(data, spec=spec, format="docx").document["values"]


@pytest.mark.parametrize("numbered", ["", "三、"])
def test_a_filled_template_keeps_the_heading_as_it_prints_it(numbered: str) -> None:
    spec = cf.load_spec("national-2023")
    data = _document_xml(wordforms.build("national-2023", filled=True), _heading(numbered))
    text = cf.read(data, spec=spec, format="docx").document["values"]["plan.text"]
    lines = text.split("\n")
    assert lines.index("二、发展成效") < lines.index(f"{numbered}存在的问题")


@pytest.mark.parametrize("spec_id", NUMBERED)
def test_importing_a_template_keeps_words_numbers_and_aligns_with_the_spec(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    blank = wordforms.build(spec_id, filled=False)
    raw = cf.import_spec(blank, name=f"{spec_id}.docx")
    [outline] = [i.outline for _, i in raw.spec.walk() if getattr(i, "outline", ())]
    assert "三、存在的问题" in outline  # as Word draws it
    aligned = cf.import_spec(blank, like=spec, name=f"{spec_id}.docx")
    assert "outline" not in {c.attribute for c in cf.diff(spec, aligned.spec).changes}


# ------------------------------------------------------------ 重点任务 / 保障措施

#: The specs that print 重点任务 and 保障措施 as headings after the stages (Shanghai prints
#: them as lines of its one outline, so they stay inside its plan text).
HEADED = NUMBERED
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _example(spec_id: str) -> dict[str, object]:
    return cf.load_application(EXAMPLES / f"{spec_id}.json")


def _values(data: bytes, spec: cf.FormSpec, fmt: str) -> dict[str, object]:
    return cf.read(data, spec=spec, format=fmt).document["values"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("spec_id", HEADED)
def test_tasks_and_measures_are_required_narratives_sharing_the_plan_limit(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    items = {i.id: i for _, i in spec.walk()}
    assert "plan.tail" not in items
    for field, label in (("plan.tasks", "重点任务"), ("plan.measures", "保障措施")):
        item = items[field]
        assert isinstance(item, cf.NarrativeItem)
        assert (item.label, item.layout, item.required) == (label, "heading", True)
        assert item.counts_toward == "plan.text"
    shanghai = {i.id for _, i in cf.load_spec("shanghai-2023").walk()}
    assert "plan.tasks" not in shanghai


def test_the_3000_characters_count_the_whole_plan_once() -> None:
    spec = cf.load_spec("national-2023")
    values = dict(_example("national-2023")["values"])  # type: ignore[call-overload]
    values["plan.text"] = "甲" * 2000
    values["plan.tasks"] = "乙" * 600
    values["plan.measures"] = "丙" * 400
    document = {"spec": spec.id, "values": values}
    assert [f for f in cf.validate(spec, document).findings if f.code == "too_long"] == []
    values["plan.measures"] = "丙" * 401
    [found] = [f for f in cf.validate(spec, document).findings if f.code.startswith("too_long")]
    assert (found.code, found.field) == ("too_long_together", "plan.text")
    assert "「重点任务」、「保障措施」合计限3000字以内，填报了3001字" in found.message
    values["plan.text"] = "甲" * 3001  # over on its own: the schema sees that one too
    codes = [f.code for f in cf.validate(spec, document).findings if f.code.startswith("too")]
    assert codes == ["too_long"]
    values["plan.text"] = "甲" * 2000
    del values["plan.tasks"]
    [missing] = [f for f in cf.validate(spec, document).findings if f.code == "required"]
    assert missing.field == "plan.tasks"


def test_a_spec_sharing_a_limit_names_a_narrative_that_has_one(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parent.parent / "specs" / "national-2023.toml").read_text(
        encoding="utf-8"
    )
    path = tmp_path / "bad.toml"
    path.write_text(
        text.replace('counts_toward = "plan.text"', 'counts_toward = "plan.stages"', 1),
        encoding="utf-8",
    )
    with pytest.raises(cf.SpecError, match="counts_toward"):
        cf.load_spec(path)


@pytest.mark.parametrize("spec_id", HEADED)
def test_word_prints_each_heading_with_a_row_to_write_in(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    with zipfile.ZipFile(io.BytesIO(cf.render(spec, "docx"))) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, flags=re.DOTALL)
    for label in ("重点任务", "保障措施"):
        [at] = [n for n, row in enumerate(rows) if f">{label}<" in row]
        assert "<w:b/>" in rows[at]
        assert re.search(r"<w:trHeight [^>]*w:val=\"\d+\"", rows[at + 1])  # room to write
        assert not re.search(r"<w:t[ >]", rows[at + 1])  # blank: nothing printed in it


@pytest.mark.parametrize("spec_id", HEADED)
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_filled_form_prints_them_in_their_places_and_reads_them_back(
    spec_id: str, fmt: str
) -> None:
    spec, example = cf.load_spec(spec_id), _example(spec_id)
    values = _values(cf.render(spec, fmt, example), spec, fmt)
    for field in ("plan.text", "plan.tasks", "plan.measures"):
        assert values[field] == example["values"][field]  # type: ignore[index]
    assert "重点任务" not in str(values["plan.text"])
    blank = _values(cf.render(spec, fmt), spec, fmt)
    assert {"plan.tasks", "plan.measures"}.isdisjoint(blank)


@pytest.mark.parametrize("spec_id", HEADED)
@pytest.mark.parametrize("numbers", [("（三）", "（四）"), ("3.", "4.")])
def test_a_heading_whose_number_was_typed_by_hand_is_still_the_heading(
    spec_id: str, numbers: tuple[str, str]
) -> None:
    # A person retyping the template types the outline numbers Word would draw.
    spec, data = cf.load_spec(spec_id), wordforms.build(spec_id, filled=True)
    as_drawn = cf.read(data, spec=spec, format="docx")
    for number, heading in zip(numbers, ("重点任务", "保障措施"), strict=True):
        data = _document_xml(data, _heading(number, heading))
    reading = cf.read(data, spec=spec, format="docx")
    expected = wordforms.expected(spec_id)["values"]
    for field in ("plan.stages", "plan.tasks", "plan.measures"):
        assert reading.document["values"][field] == expected[field], field
    assert reading.document == as_drawn.document
    problems = {"not_found", "unmapped", "guess"}
    assert [n for n in reading.notes if n.kind in problems] == [
        n for n in as_drawn.notes if n.kind in problems
    ]


def test_the_workbook_has_an_input_cell_for_each() -> None:
    spec = cf.load_spec("national-2023")
    with zipfile.ZipFile(io.BytesIO(cf.render(spec, "xlsx"))) as package:
        meta = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.startswith("xl/")
        )
    for field in ("plan.tasks", "plan.measures"):
        assert re.search(rf"{re.escape(field)}\t\t\ttext\t[A-Z]+\d+", meta), field


@pytest.mark.parametrize("spec_id", HEADED)
def test_a_template_imports_them_as_headed_narratives_sharing_its_limit(spec_id: str) -> None:
    draft = cf.import_spec(wordforms.build(spec_id, filled=False), name=f"{spec_id}.docx")
    items = [i for _, i in draft.spec.walk() if isinstance(i, cf.NarrativeItem)]
    [plan] = [i for i in items if i.outline]
    headed = [i for i in items if i.layout == "heading"]
    assert [i.label for i in headed] == ["重点任务", "保障措施"]
    assert {i.counts_toward for i in headed} == {plan.id}


def _previous(spec_id: str, tmp_path: Path) -> cf.FormSpec:
    """The spec as it was before 重点任务 / 保障措施 had fields: plain headings."""
    text = (Path(__file__).resolve().parent.parent / "specs" / f"{spec_id}.toml").read_text(
        encoding="utf-8"
    )
    start = text.index('[[sections.items]]\nkind = "narrative"\nid = "plan.tasks"')
    end = text.index("# ---", start)
    old = '[[sections.items]]\nkind = "static"\nid = "plan.tail"\n'
    old += 'lines = ["重点任务", "保障措施"]\nstyle = "heading"\n\n'
    path = tmp_path / f"{spec_id}.toml"
    path.write_text(text[:start] + old + text[end:], encoding="utf-8")
    return cf.load_spec(path)


def test_diff_reports_the_headings_become_required_fields(tmp_path: Path) -> None:
    old, new = _previous("national-2023", tmp_path), cf.load_spec("national-2023")
    changes = {(c.code, c.subject) for c in cf.diff(old, new).changes}
    assert changes == {
        ("item_added", "plan.tasks"),
        ("item_added", "plan.measures"),
        ("item_removed", "plan.tail"),
    }
    impacts = {c.subject: c.impact for c in cf.diff(old, new).changes}
    assert impacts["plan.tasks"] == "breaking"
    assert impacts["plan.tail"] != "breaking"


@pytest.mark.parametrize("spec_id", HEADED)
def test_migrate_splits_an_old_plan_text_at_the_headings(spec_id: str, tmp_path: Path) -> None:
    new, example = cf.load_spec(spec_id), _example(spec_id)
    values = dict(example["values"])  # type: ignore[call-overload]
    tasks, measures = values.pop("plan.tasks"), values.pop("plan.measures")
    # As the old spec had it: the whole plan in plan.text, under the applicant's headings.
    values["plan.text"] += f"\n（三）重点任务\n{tasks}\n（四）保障措施\n{measures}"
    old_app = {"spec": spec_id, "values": values}
    draft, report = cf.migrate(old_app, new, _previous(spec_id, tmp_path))
    assert draft["values"] == example["values"]
    assert [(e.field, e.action) for e in report.moved] == [
        ("plan.tasks", "moved"),
        ("plan.measures", "moved"),
    ]
    assert report.missing == ()
    assert any("“（三）重点任务”" in line for line in report.lines())


def test_migrate_leaves_fields_the_old_form_had_empty_and_lists_them() -> None:
    national = cf.load_spec("national-2023")
    values = dict(_example("national-2023")["values"])  # type: ignore[call-overload]
    del values["plan.tasks"], values["plan.measures"]
    draft, report = cf.migrate(
        {"spec": "jiangsu-2024", "values": values}, national, cf.load_spec("jiangsu-2024")
    )
    assert {f.field for f in report.missing} >= {"plan.tasks", "plan.measures"}
    assert "plan.tasks" not in draft["values"]


def test_migrate_takes_shanghais_outline_headings_into_the_fields() -> None:
    shanghai = _example("shanghai-2023")
    draft, report = cf.migrate(shanghai, cf.load_spec("national-2023"))
    text = str(shanghai["values"]["plan.text"])  # type: ignore[index]
    assert draft["values"]["plan.tasks"] in text
    assert "重点任务" not in draft["values"]["plan.text"]
    assert draft["values"]["plan.measures"].startswith("加强组织领导")
    assert {e.field for e in report.moved} == {"plan.tasks", "plan.measures"}
