"""The Word renderer: the official form's text and layout, blank and filled, and clear errors."""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from clusterforms_renderers.docx import DocxRenderer
from clusterforms_renderers.docx._cover import _split
from clusterforms_renderers.docx._values import count_text, fixed, plain, with_unit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusterforms
from tests.fidelity import SLICES, missing_in_order, normalize, seed_lines
from tests.strategies import specs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLES = Path(__file__).parent.parent / "examples"
SPEC_IDS = sorted(SLICES)


def render(spec_id: str, data: dict | None = None) -> bytes:
    return DocxRenderer().render(clusterforms.load_spec(spec_id), data)


def example(spec_id: str, suffix: str = "") -> dict:
    return clusterforms.load_application(EXAMPLES / f"{spec_id}{suffix}.json")


def body_of(document: bytes):
    return docx.Document(io.BytesIO(document)).element.body


def paragraph_texts(document: bytes) -> list[str]:
    """Every paragraph's text in document order, table cells included (tabs/breaks as spaces)."""
    texts = []
    for p in body_of(document).iter(f"{W}p"):
        parts = [  # runs only: a paragraph's tab *stops* are w:tab too
            node.text or "" if node.tag == f"{W}t" else " "
            for r in p.iter(f"{W}r")
            for node in r.iter(f"{W}t", f"{W}tab", f"{W}br")
        ]
        texts.append("".join(parts))
    return texts


def document_text(document: bytes) -> str:
    """The document's text as the fidelity test compares it: normalised paragraph by paragraph."""
    return "".join(normalize(t) for t in paragraph_texts(document))


@pytest.fixture(scope="module", params=SPEC_IDS)
def blank(request) -> tuple[str, bytes]:
    return request.param, render(request.param)


@pytest.fixture(scope="module", params=SPEC_IDS)
def filled(request) -> tuple[str, bytes]:
    return request.param, render(request.param, example(request.param))


# ---------------------------------------------------------------- the plugin


def test_renderer_metadata_and_registry() -> None:
    renderer = clusterforms.get_renderer("docx")
    assert isinstance(renderer, DocxRenderer)
    assert renderer.name == "docx"
    assert renderer.extension == ".docx"
    assert renderer.media_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert renderer.can_fill
    assert not renderer.text


def test_listing_renderers_does_not_load_python_docx() -> None:
    code = (
        "import sys, clusterforms; clusterforms.available_renderers(); "
        "import clusterforms_renderers.docx; assert 'docx' not in sys.modules, 'python-docx loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_command_line_renders_docx(tmp_path: Path) -> None:
    out = tmp_path / "申报表.docx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "clusterforms",
            "render",
            "national-2023",
            "--format",
            "docx",
            "-o",
            str(out),
            "--data",
            str(EXAMPLES / "national-2023.json"),
        ],
        check=True,
    )
    assert "☑" in "".join(paragraph_texts(out.read_bytes()))


# ---------------------------------------------------------------- fidelity


def test_blank_form_holds_every_seed_line_in_order(blank: tuple[str, bytes]) -> None:
    spec_id, document = blank
    assert missing_in_order(seed_lines(spec_id), document_text(document)) == []


def test_filled_form_keeps_titles_and_labels_in_order(filled: tuple[str, bytes]) -> None:
    spec_id, document = filled
    spec = clusterforms.load_spec(spec_id)
    needles = []
    for section in spec.sections:
        needles.append(normalize(section.title))
        needles += [normalize(item.label) for item in section.items if getattr(item, "label", "")]
    assert missing_in_order(needles, document_text(document).replace("☑", "□")) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=specs())
def test_any_spec_renders_blank_with_all_its_text_in_order(spec: clusterforms.FormSpec) -> None:
    document = DocxRenderer().render(spec)
    invalid = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|\\s")
    haystack = invalid.sub("", "".join(paragraph_texts(document)))
    needles = [invalid.sub("", line) for line in clusterforms.iter_text(spec)]
    assert missing_in_order([n for n in needles if n], haystack) == []


# ---------------------------------------------------------------- layout


def test_page_is_a4_with_sensible_margins(blank: tuple[str, bytes]) -> None:
    _, document = blank
    section = docx.Document(io.BytesIO(document)).sections[0]
    size = sorted((section.page_width.mm, section.page_height.mm))  # the 汇总表 is landscape
    assert size == pytest.approx([210, 297], abs=0.5)
    for margin in (
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    ):
        assert 15 <= margin.mm <= 30


def test_parts_one_to_nine_each_start_on_a_new_page(blank: tuple[str, bytes]) -> None:
    spec_id, document = blank
    spec = clusterforms.load_spec(spec_id)
    # A part starts with its heading (附件2) if it has one; a form without a cover
    # page (the 汇总表) starts with its first part on page 1.
    firsts = {s.heading or s.title for s in spec.sections}
    if not spec.has_cover and not spec.instructions:
        firsts.discard(spec.sections[0].heading or spec.sections[0].title)
    breaking = set()
    for p in body_of(document).iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text in firsts and p.find(f"{W}pPr/{W}pageBreakBefore") is not None:
            breaking.add(text)
    assert breaking == firsts


def test_section_tables_are_bordered_fixed_grids_with_rows_that_do_not_split(
    blank: tuple[str, bytes],
) -> None:
    spec_id, document = blank
    tables = list(body_of(document).iter(f"{W}tbl"))
    assert len(tables) >= len(clusterforms.load_spec(spec_id).sections)
    for tbl in tables:
        borders = tbl.find(f"{W}tblPr/{W}tblBorders")
        assert {b.tag.split("}")[1] for b in borders} >= {
            "top",
            "bottom",
            "left",
            "right",
            "insideH",
            "insideV",
        }
        assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
        columns = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        rows = tbl.findall(f"{W}tr")
        unsplit = sum(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        assert unsplit >= len(rows) - 3  # only long writing cells may break across pages
        for row in rows:  # every row fills the grid exactly
            spans = [
                int(tc.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val"))
                if tc.find(f"{W}tcPr/{W}gridSpan") is not None
                else 1
                for tc in row.findall(f"{W}tc")
            ]
            assert sum(spans) == columns


def test_year_tables_repeat_their_header_row_and_merge_cells() -> None:
    document = render("national-2023")
    tables = list(body_of(document).iter(f"{W}tbl"))
    industry = tables[1]
    first = industry.find(f"{W}tr")
    assert first.find(f"{W}trPr/{W}tblHeader") is not None
    assert ["".join(t.text for t in tc.iter(f"{W}t")) for tc in first.findall(f"{W}tc")] == [
        "年度",
        "2020年",
        "2021年",
        "2022年",
    ]
    xml = docx.Document(io.BytesIO(document)).element.xml
    assert 'w:vMerge w:val="restart"' in xml
    assert "<w:gridSpan" in xml


def test_standards_matrix_has_category_and_role_headers_per_year() -> None:
    texts = paragraph_texts(render("national-2023"))
    start = texts.index(
        "集群中小企业近三年主持（起草单位排名前三位）或参与制修订标准数量情况（需提供清单）"
    )
    assert texts[start + 1 : start + 10] == ["类别", "主持数量", "参与数量"] * 3
    assert texts[start + 10 : start + 14] == ["", "国际", "", ""]  # the merged label, then 国际


def test_fonts_are_set_for_east_asian_text() -> None:
    document = docx.Document(io.BytesIO(render("national-2023")))
    fonts = {
        s.style_id: s.element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia")
        for s in document.styles
        if s.style_id.startswith("CF")
    }
    assert fonts["CFBody"] == "仿宋"
    assert fonts["CFHeading"] == "黑体"
    assert fonts["CFTitle"] == "宋体"
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == "宋体"
    assert defaults.find(f"{W}sz").get(f"{W}val") == "21"  # 10.5 pt in the tables


def test_summary_table_is_on_a_landscape_page() -> None:
    document = docx.Document(io.BytesIO(render("national-2023")))
    first, last = document.sections[0], document.sections[-1]
    assert first.page_width < first.page_height
    assert last.page_width > last.page_height
    assert last.orientation == 1  # WD_ORIENT.LANDSCAPE
    assert document.tables[-1].rows[0].cells[0].text == "序号"


def test_summary_table_starts_on_a_landscape_first_page_with_a_repeating_header() -> None:
    document = docx.Document(io.BytesIO(render("summary-2023", example("summary-2023"))))
    assert all(s.orientation == 1 for s in document.sections)  # WD_ORIENT.LANDSCAPE
    assert [p.text for p in document.paragraphs][:2] == ["附件2", "推荐集群汇总表"]
    table = document.tables[0]
    header = table.rows[0]
    assert header._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert header.cells[0].text == "序号"
    rows = example("summary-2023")["values"]["summary.clusters"]
    assert len(table.rows) == 1 + len(rows)
    assert [r.cells[1].text for r in table.rows[1:]] == [r["cluster_name"] for r in rows]
    assert table.rows[1].cells[6].text.startswith("集群围绕豆瓣酱")


def test_instructions_are_a_numbered_list() -> None:
    body = body_of(render("national-2023"))
    numbered = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert len(numbered) == len(clusterforms.load_spec("national-2023").instructions)


def test_commitment_letter_closes_flush_right() -> None:
    document = docx.Document(io.BytesIO(render("jiangsu-2024")))
    closing = [p for p in document.paragraphs if p.text in {"XXX市工业和信息化局", "（公章）"}]
    assert len(closing) == 2
    assert all(p.paragraph_format.alignment == 2 for p in closing)  # RIGHT


# ---------------------------------------------------------------- filled in


def test_filled_values_checks_and_narratives() -> None:
    texts = paragraph_texts(render("national-2023", example("national-2023")))
    joined = "\n".join(texts)
    assert "12.50" in texts  # basic.area, as written
    assert texts.count("☑第二产业") == 1
    assert "□第一产业" in texts
    assert any(t.startswith("☑绘制产业链图谱，开展产业链培育") for t in texts)  # （佐证材料：…）
    assert "□建有产业链上下游产供销一体化协同协作机制" in texts
    assert "52.31" in texts
    assert "361" in texts
    assert "同意推荐" in joined
    assert any(t.startswith("集群围绕豆瓣酱") for t in texts)
    assert "12.05%" in texts  # a target with its unit
    assert "集群总产值（亿元）" in texts  # an extra target row


def test_a_float_is_refused_naming_its_field() -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"]["basic.area"] = 0.1 + 0.2  # a float from a careless caller: inexact
    with pytest.raises(
        clusterforms.RenderError, match=r"^basic\.area: expected a number, got float"
    ):
        render("national-2023", data)


def test_numbers_are_rounded_decimals() -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"]["basic.area"] = "０．３"  # full-width, as an input method types it
    data["values"]["industry.total_output"] = {
        "2020": Decimal("52.315"),
        "2021": "58.1",
        "2022": 64,
    }
    data["values"]["innovation.rd_staff_share"] = "  7  "
    texts = paragraph_texts(render("national-2023", data))
    assert "0.30" in texts
    assert [t for t in texts if t in {"52.32", "58.10", "64.00"}] == ["52.32", "58.10", "64.00"]
    assert "7.00" in texts


def test_free_text_and_explanations_follow_their_option() -> None:
    texts = paragraph_texts(render("shanghai-2023", example("shanghai-2023")))
    assert any("☑新赛道：" in t and "智能终端" in t for t in texts)
    assert any(t.startswith("☑其他：") for t in texts)
    assert any("☑引进了国际领先技术" in t and "引进德国柔性传感器" in t for t in texts)
    data = copy.deepcopy(example("guangxi-2025"))
    data["values"]["basic.major_accident"] = {"option": "yes", "text": "2022年3月一般事故已整改"}
    texts = paragraph_texts(render("guangxi-2025", data))
    assert "☑是（需附情况说明）：2022年3月一般事故已整改" in texts


def test_cover_values_fill_the_blanks() -> None:
    texts = paragraph_texts(render("national-2023", example("national-2023")))
    region = next(t for t in texts if t.startswith("所属地区："))
    assert re.sub(r"\s", "", region) == "所属地区：四川省（区、市）成都市（区）郫都县（市、区）"
    assert "集群名称： 四川省成都市郫都区川菜调味品产业  \u200b" in texts


@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_broken_examples_still_render(spec_id: str) -> None:
    assert render(spec_id, example(spec_id, ".broken"))[:2] == b"PK"


@pytest.mark.parametrize(
    ("char", "what"),
    [
        ("\x07", "a control character U+0007"),
        ("\x00", "a control character U+0000"),
        ("\x0b", "a control character U+000B"),
        ("\ud800", "an unpaired surrogate U+D800"),
        ("\ufffe", "a non-character U+FFFE"),
    ],
)
def test_characters_word_cannot_hold_are_refused_naming_the_field(char: str, what: str) -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"]["industry.chain_narrative"] = f"集群{char}绘制"
    with pytest.raises(clusterforms.RenderError) as caught:
        render("national-2023", data)
    assert str(caught.value) == (
        f"industry.chain_narrative: contains {what} that Word documents cannot hold"
    )


def test_control_characters_deep_in_a_value_name_their_place() -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"]["plan.targets"]["rows"]["plan.targets.open_text"]["target"] = "出口\x1b"
    with pytest.raises(
        clusterforms.RenderError, match=r"^plan\.targets\.open_text\.target: contains"
    ):
        render("national-2023", data)


def test_tabs_and_line_breaks_are_kept() -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"]["industry.chain_narrative"] = "第一段\r\n第二段\t续"
    texts = paragraph_texts(render("national-2023", data))
    assert "第一段" in texts
    assert "第二段 续" in texts


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("basic.area", ["12"]),
        ("industry.total_output", "52"),
        ("industry.chain_work", "chain_map"),
        ("basic.industry_type", 2),
        ("plan.targets", [1]),
        ("innovation.standards", {"2020": 3}),
        ("green.system", "3"),
        ("industry.enterprises", {"2020": {"n": 1}}),
        ("plan.stages", ["x"]),
    ],
)
def test_values_of_the_wrong_shape_are_refused_naming_the_field(field: str, value: object) -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"][field] = value
    with pytest.raises(clusterforms.RenderError, match=rf"^{re.escape(field)}"):
        render("national-2023", data)


@pytest.mark.parametrize("direction", [["plan.targets.leading"], {"x": 1}, None, "no.such"])
def test_an_extra_target_row_with_an_odd_direction_goes_under_the_last_open_one(direction) -> None:
    data = copy.deepcopy(example("national-2023"))
    extra = {"direction": direction, "indicator": "新增指标", "baseline": "1", "target": "2"}
    data["values"]["plan.targets"]["extra"] = [extra]
    texts = paragraph_texts(render("national-2023", data))
    assert texts.index("新增指标") > texts.index("其它")


def test_unparsable_numbers_print_as_written_and_unknown_options_are_skipped() -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"]["basic.area"] = "约12"
    data["values"]["industry.chain_work"] = ["no_such_option", "chain_map"]
    data["values"]["industry.total_output"]["1999"] = 1
    texts = paragraph_texts(render("national-2023", data))
    assert "约12" in texts
    assert "☑绘制产业链图谱，开展产业链培育" in texts


@pytest.mark.parametrize("data", [[], "x", {"values": []}, {"values": "x"}])
def test_an_application_that_is_not_an_object_is_refused(data: object) -> None:
    with pytest.raises(clusterforms.RenderError):
        DocxRenderer().render(clusterforms.load_spec("national-2023"), data)  # type: ignore[arg-type]


def test_empty_values_render_the_blank_form() -> None:
    text = document_text(render("national-2023", {"spec": "national-2023", "values": {}}))
    assert missing_in_order(seed_lines("national-2023"), text) == []


json_values = st.recursive(
    st.none() | st.booleans() | st.decimals(allow_nan=True) | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
NATIONAL_FIELDS = sorted(
    json.loads((EXAMPLES / "national-2023.json").read_text(encoding="utf-8"))["values"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(NATIONAL_FIELDS), value=json_values)
def test_any_value_renders_or_is_refused_clearly(field: str, value: object) -> None:
    data = copy.deepcopy(example("national-2023"))
    data["values"][field] = value
    try:
        document = render("national-2023", data)
    except clusterforms.RenderError as exc:
        message = str(exc)
    else:
        message = field if document[:2] == b"PK" else "not a zip"
    assert message.startswith(field)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, (*prefix, i))


NATIONAL_PATHS = [p for p in _paths(example("national-2023")["values"]) if len(p) > 1]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(NATIONAL_PATHS), value=json_values)
def test_any_nested_value_renders_or_is_refused_clearly(path: tuple, value: object) -> None:
    data = copy.deepcopy(example("national-2023"))
    target = data["values"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        render("national-2023", data)
    except clusterforms.RenderError as exc:
        assert str(exc).startswith(path[0])  # noqa: PT017 - the message must name the field


# ---------------------------------------------------------------- formatting


def test_number_formatting() -> None:
    assert fixed(Decimal("12.505"), 2) == "12.51"  # half up, not banker's
    assert fixed(Decimal("1E+3"), 2) == "1000.00"
    assert fixed(Decimal("NaN"), 2) == "NaN"
    assert fixed(Decimal("-0.004"), 2) == "0.00"
    assert fixed(Decimal("1E+999999999"), 2) == "1E+999999999"  # not a billion digits
    assert plain(Decimal(140)) == "140"
    assert plain(Decimal("12.00")) == "12.00"
    assert plain(Decimal("0.065")) == "0.07"
    assert count_text(Decimal("12.0")) == "12"
    assert count_text(Decimal("1.5")) == "1.5"
    assert with_unit("12.50", "平方公里", "集群占地面积（平方公里）") == "12.50"
    assert with_unit("45", "%", "工业互联网普及率") == "45%"
    assert with_unit("3", "吨", "排放量") == "3 吨"


def test_cover_values_are_cut_at_the_printed_words() -> None:
    assert _split("四川省成都市郫都区", ("省（区、市）", "市（区）", "县（市、区）")) == [
        "四川",
        "成都",
        "郫都",
    ]
    assert _split("常州市武进区", ("市", "县（市、区）")) == ["常州", "武进"]
    assert _split("上海", ("市", "县（市、区）")) is None
