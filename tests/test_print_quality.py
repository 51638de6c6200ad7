"""Print quality (issue 17): what a reviewer sees on the printed pages, checked in the XML."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import openpyxl
import pytest
from clusterforms_renderers.docx import DocxRenderer
from clusterforms_renderers.xlsx import XlsxRenderer

import clusterforms

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _docx(spec_id: str, *, filled: bool = True) -> bytes:
    spec = clusterforms.load_spec(spec_id)
    data = clusterforms.load_application(EXAMPLES / f"{spec_id}.json") if filled else None
    return DocxRenderer().render(spec, data)


@pytest.fixture(scope="module")
def national() -> bytes:
    return _docx("national-2023")


@pytest.fixture(scope="module")
def guangxi() -> bytes:
    return _docx("guangxi-2025")


# ----------------------------------------------------------------- 13. document properties


def test_core_properties_name_the_form_and_the_generator(national: bytes) -> None:
    props = docx.Document(io.BytesIO(national)).core_properties
    spec = clusterforms.load_spec("national-2023")
    assert props.title == spec.title
    assert props.subject == "national-2023"
    assert props.author == f"clusterforms {clusterforms.__version__}"
    assert props.last_modified_by == props.author
    now = datetime.now(UTC).replace(tzinfo=None)
    for stamp in (props.created, props.modified):
        assert stamp is not None
        assert (
            now - timedelta(minutes=10) < stamp.replace(tzinfo=None) <= now + timedelta(minutes=1)
        )


# ----------------------------------------------------------------- the plan-targets table


def _target_table(document: bytes):
    """The table whose first row is 方向 | 指标 | 基准值 | 目标值."""
    body = docx.Document(io.BytesIO(document)).element.body
    for tbl in body.iter(f"{W}tbl"):
        first = tbl.find(f"{W}tr")
        texts = ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in first.iter(f"{W}tc")]
        if texts[:2] == ["方向", "指标"]:
            return tbl
    raise AssertionError("no target table")


def _row_texts(tr) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.findall(f"{W}tc")]


def _kept(tr) -> bool:
    paragraphs = list(tr.iter(f"{W}p"))
    kept = [p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs]
    assert len(set(kept)) == 1, "all of a row's paragraphs keep with the next row, or none"
    return kept[0]


@pytest.mark.parametrize("filled", [True, False])
def test_target_header_repeats_and_directions_stay_together(filled: bool) -> None:
    tbl = _target_table(_docx("national-2023", filled=filled))
    rows = tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows)
    assert _kept(rows[0])  # the header stays with the first 方向
    directions: list[list] = []
    for tr in rows[1:]:
        merge = tr.find(f"{W}tc/{W}tcPr/{W}vMerge")
        if merge is None or merge.get(f"{W}val") == "restart":
            directions.append([])
        directions[-1].append(tr)
    labels = [_row_texts(group[0])[0] for group in directions]
    assert labels == ["主导产业", "创新", "数字化", "绿色化", "开放合作", "治理和服务", "其它"]
    for group in directions:
        assert [_kept(tr) for tr in group] == [True] * (len(group) - 1) + [False]
    # The table ends with the last 方向: the header never repeats over the 备注 or 阶段性目标.
    assert "备注" not in "".join(_row_texts(rows[-1]))


def _target_cells(document: bytes) -> dict[str, list[str]]:
    """Each indicator's row as 指标 | 基准值 | 目标值 texts (paragraphs joined by '|')."""
    out = {}
    for tr in _target_table(document).findall(f"{W}tr")[1:]:
        cells = [
            "|".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.iter(f"{W}p"))
            for tc in tr.findall(f"{W}tc")
        ]
        out[cells[-3]] = cells[-2:]
    return out


def test_industry_average_is_in_the_unit_of_what_it_averages(guangxi: bytes) -> None:
    cells = _target_cells(guangxi)
    # 下降率不低于行业平均水平: the average is a reduction rate, whatever the row's unit.
    assert cells["单位工业产值能耗"] == [
        "0.18 吨标准煤/万元",
        "0.15 吨标准煤/万元|行业平均水平：13.50%",
    ]
    assert cells["二氧化碳排放量"] == ["0.54", "0.45|行业平均水平：15.00%"]
    # 普及率不低于行业平均水平: the same unit as the row.
    assert cells["工业互联网普及率"] == ["38.94%", "46.00%|行业平均水平：42.00%"]


def test_targets_print_two_decimals_and_counts_whole() -> None:
    spec = clusterforms.load_spec("national-2023")
    data = clusterforms.load_application(EXAMPLES / "national-2023.json")
    rows = data["values"]["plan.targets"]["rows"]
    rows["plan.targets.output_growth"]["target"] = "12"
    rows["plan.targets.rd_expense"]["target"] = "2"
    rows["plan.targets.quality_smes"]["target"] = "140.00"
    data["values"]["plan.targets"]["extra"][0]["target"] = "88"
    cells = _target_cells(DocxRenderer().render(spec, data))
    assert cells["集群产值年均增速"] == ["12.05%", "12.00%"]
    assert cells["研发经费投入"] == ["1.31", "2.00"]
    assert cells["优质中小企业数量"] == ["91", "140"]
    assert cells["有效发明专利数量"] == ["214", "330"]
    assert cells["集群总产值（亿元）"] == ["64.12", "88.00"]
    assert cells["“郫县豆瓣”地理标志授权使用企业数量（家）"] == ["76", "110"]


# ----------------------------------------------------------------- 4. check boxes


@pytest.mark.parametrize("spec_id", ["national-2023", "jiangsu-2024", "shanghai-2023"])
def test_every_check_box_prints_in_one_cjk_font(spec_id: str) -> None:
    boxes = 0
    for filled in (False, True):
        body = docx.Document(io.BytesIO(_docx(spec_id, filled=filled))).element.body
        for r in body.iter(f"{W}r"):
            text = "".join(t.text or "" for t in r.iter(f"{W}t"))
            if not set(text) & set("□☑■"):
                continue
            boxes += 1
            assert set(text) <= set("□☐☑☒■"), f"a box shares its run: {text!r}"
            fonts = r.find(f"{W}rPr/{W}rFonts")
            assert fonts is not None, text
            assert fonts.get(f"{W}hint") == "eastAsia"
            assert {fonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "eastAsia")} == {"宋体"}
    assert boxes > 20


# ----------------------------------------------------------------- 15. the workbook's target table


def _plan_sheet():
    spec = clusterforms.load_spec("national-2023")
    data = clusterforms.load_application(EXAMPLES / "national-2023.json")
    book = openpyxl.load_workbook(io.BytesIO(XlsxRenderer().render(spec, data)))
    return next(ws for ws in book.worksheets if ws.title.startswith("八"))


def _row_of(ws, text: str) -> int:
    return next(c.row for row in ws.iter_rows() for c in row if c.value == text)


def test_workbook_target_table_starts_a_page_and_counts_print_whole() -> None:
    ws = _plan_sheet()
    heading = _row_of(ws, "1.三年总体目标")
    # A manual break before the heading: the whole table prints on one page,
    # no merged 方向 label cut in two.
    assert [b.id for b in ws.row_breaks.brk] == [heading - 1]
    header = _row_of(ws, "方向")
    last = max(r.max_row for r in ws.merged_cells.ranges if r.min_col == 1 and r.min_row > header)
    assert last - heading < 40
    cells = {}
    for row in ws.iter_rows(min_row=header + 1, max_row=last):
        label = next((c.value for c in row[1:3] if isinstance(c.value, str)), None)
        figures = [c for c in row if c.value is not None and not isinstance(c.value, str)]
        if label and figures:
            cells[label] = figures
    for label in ("优质中小企业数量", "有效发明专利数量"):
        assert {c.number_format for c in cells[label]} == {"0"}, label
    assert {c.number_format for c in cells["集群产值年均增速（%）"]} == {"0.00"}
    assert {c.number_format for c in cells["集群总产值（亿元）"]} == {"0.00"}  # added
    assert {c.number_format for c in cells["“郫县豆瓣”地理标志授权使用企业数量（家）"]} == {"0"}
    # An added indicator's figures are aligned like the form's own: to the right.
    aligns = {c.alignment.horizontal for figures in cells.values() for c in figures}
    assert aligns == {"right"}
    assert "集群总产值（亿元）" in cells


def test_workbook_boxes_print_in_the_cjk_font_of_their_cell() -> None:
    spec = clusterforms.load_spec("national-2023")
    book = openpyxl.load_workbook(io.BytesIO(XlsxRenderer().render(spec)))
    fonts = {
        cell.font.name
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and set(cell.value) & set("□☑■")
    }
    assert fonts == {"宋体"}
