"""The Excel workbook as people see and print it: long texts, ticked boxes, the 附件2 table.

Issue 17 items 16, 18 and 19: a 3000-字 plan is readable on screen and on paper
(several rows, each within Excel's 409-point limit, no page cutting a cell),
the options printed beside a drop-down tick the chosen box, and the national
附件2 table is numbered and bordered like the printed one.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from clusterforms_renderers.xlsx import XlsxRenderer
from clusterforms_renderers.xlsx._blocks import BLOCK_LINES, chunks
from clusterforms_renderers.xlsx._boxes import literal
from clusterforms_renderers.xlsx._measure import LINE_HEIGHT, MAX_HEIGHT
from clusterforms_renderers.xlsx._plan import META_SHEET
from hypothesis import given
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms import read_xlsx
from tests import office

ROOT = Path(__file__).resolve().parent.parent
RENDERER = XlsxRenderer()
PLAN = "八、未来三年中小企业特色产业集群发展规划"


def example(spec_id: str) -> dict[str, Any]:
    data: dict[str, Any] = cf.load_application(ROOT / "examples" / f"{spec_id}.json")
    return data


def sentences(count: int, *, breaks: int = 0) -> str:
    """Numbered CJK sentences (第0句 …), a line break after every ``breaks``-th one."""
    parts = []
    for n in range(count):
        parts.append(f"第{n}句：集群围绕主导产业链开展延链补链强链，推动数字化转型和绿色发展。")
        if breaks and n % breaks == breaks - 1:
            parts.append("\n")
    return "".join(parts)


def long_texts() -> dict[str, str]:
    plain = sentences(200)[:3000]
    return {
        "3000 characters, no break": plain,
        "paragraphs": sentences(120, breaks=4)[:3000],
        "every line a break": "\n".join(plain[i : i + 7] for i in range(0, 2800, 7)),
        "blank lines and spaces": "  开头有空格\n" + "\n" * 40 + plain[:1500] + "  \n\n",
        "emoji and latin": ("Smart制造🚀 数字化 " * 200)[:3000],
    }


def mapped(workbook: openpyxl.Workbook) -> list[tuple[str, str, str, str, str]]:
    """(field, year, part, kind, sheet!cell) of every mapped input cell."""
    found = []
    for row in workbook[META_SHEET].iter_rows(values_only=True):
        if row[0] == "cells":
            for line in str(row[2]).split("\n"):
                field, year, part, kind, cell, _ = line.split("\t")
                found.append((field, year, part, kind, f"{row[1]}!{cell}"))
    return found


def cells_of(workbook: openpyxl.Workbook, field: str, year: str = "") -> list[tuple[Any, float]]:
    """The cells of ``field`` (its first, then its continued ones) with their row heights."""
    shown = []
    for f, y, _, kind, where in mapped(workbook):
        if f == field and y == year and kind in {"text", "continued"}:
            sheet, ref = where.split("!")
            ws = workbook[sheet]
            cell = ws[ref]
            shown.append((cell, ws.row_dimensions[cell.row].height or 15.0))
    return shown


@pytest.mark.parametrize("name", list(long_texts()))
def test_a_long_plan_takes_rows_that_show_it_whole_and_reads_back(name: str) -> None:
    text = long_texts()[name]
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    app["values"]["plan.text"] = text
    data = RENDERER.render(spec, app)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    shown = cells_of(workbook, "plan.text")
    assert len(shown) > 1
    assert "".join(str(cell.value) for cell, _ in shown) == text
    rows = [cell.row for cell, _ in shown]
    assert rows == list(range(rows[0], rows[0] + len(rows)))  # one under the other
    for cell, height in shown:
        assert str(cell.value).strip()  # no piece a reader would take for an empty cell
        assert height <= BLOCK_LINES * LINE_HEIGHT + 8 < MAX_HEIGHT
        assert cell.alignment.wrap_text
        assert cell.alignment.vertical == "top"
    assert read_xlsx(data)["values"]["plan.text"] == text


def test_pieces_hold_at_most_a_block_of_wrapped_lines() -> None:
    from clusterforms_renderers.xlsx._measure import line_count  # noqa: PLC0415

    for text in long_texts().values():
        pieces = chunks(text, 65.0)
        assert "".join(pieces) == text
        assert all(line_count(p.rstrip("\n"), 65.0) <= BLOCK_LINES for p in pieces if p.strip())
    assert chunks("短文本", 65.0) == ["短文本"]
    assert chunks("第一段\n" * 30, 65.0) == ["第一段\n" * 15, "第一段\n" * 15]  # cut after a break


@given(
    text=st.text(
        alphabet=st.sampled_from(["字", "a", " ", "\n", "\r", "🚀", "，", "_"]),
        min_size=1,
        max_size=1500,
    ),
    width=st.floats(min_value=3, max_value=120),
)
def test_any_text_cuts_into_pieces_that_join_back(text: str, width: float) -> None:
    from clusterforms_renderers.xlsx._measure import line_count  # noqa: PLC0415

    pieces = chunks(text, width)
    assert "".join(pieces) == text
    if text.strip():
        assert all(piece.strip() for piece in pieces)  # a reader keeps every piece
        # each fits its cell (blank lines a piece ends with need no room; the first
        # piece also holds any blank lines the text starts with)
        assert all(line_count(piece.rstrip(), width) <= BLOCK_LINES for piece in pieces[1:])


def test_long_stages_and_opinions_take_rows_too() -> None:
    spec = cf.load_spec("jiangsu-2024")
    app = example("jiangsu-2024")
    year = str(spec.plan_years[1])
    app["values"]["plan.stages"][year] = sentences(80)
    app["values"]["declaration.recommendation"] = sentences(60, breaks=3)
    data = RENDERER.render(spec, app)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert len(cells_of(workbook, "plan.stages", year)) > 1
    assert len(cells_of(workbook, "declaration.recommendation")) > 1
    values = read_xlsx(data)["values"]
    assert values["plan.stages"][year] == sentences(80)
    assert values["declaration.recommendation"] == sentences(60, breaks=3)
    assert (
        values["plan.stages"]
        == cf.read_application(spec, app).to_document()["values"]["plan.stages"]
    )


def test_the_blank_plan_has_rows_to_write_its_3000_characters_in() -> None:
    spec = cf.load_spec("national-2023")
    blank = RENDERER.render(spec)
    workbook = openpyxl.load_workbook(io.BytesIO(blank))
    shown = cells_of(workbook, "plan.text")
    assert len(shown) >= 3
    assert sum(height for _, height in shown) > 3 * MAX_HEIGHT  # room for 3000 字
    # Text typed into the first cell and on into the next ones reads back joined.
    first, second = shown[0][0], shown[1][0]
    first.value, second.value = "上一格写满了，", "接着写。"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_xlsx(buffer.getvalue())["values"]["plan.text"] == "上一格写满了，接着写。"


def test_chosen_options_tick_their_box_by_a_formula_of_the_renderer() -> None:
    spec = cf.load_spec("national-2023")
    workbook = openpyxl.load_workbook(io.BytesIO(RENDERER.render(spec, example("national-2023"))))
    boxes = [
        cell
        for ws in workbook.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=IF($")
    ]
    assert len(boxes) > 20
    pattern = re.compile(r'=IF\((\$[A-Z]+\$[0-9]+)="","□[^"]*",IF\(\1="[^"]*","☑","□"\)')
    for cell in boxes:
        assert pattern.match(cell.value), cell.value
    industry = next(c for c in boxes if "第二产业" in c.value)
    assert '"□第一产业\u3000□第二产业\u3000□第三产业"' in industry.value  # as printed, blank
    assert industry.value.count('"☑"') == 3  # one per option of 第一/二/三产业


def test_literals_are_quoted_and_split_to_fit_excel() -> None:
    assert literal('说"明"') == '"说""明"""'
    assert literal("两行\n文字") == '"两行"&CHAR(10)&"文字"'
    long = literal("字" * 450)
    assert long.count("&") == 2
    assert all(len(piece) <= 257 for piece in long.split("&"))
    assert literal("") == '""'


def test_national_summary_appendix_is_numbered_and_bordered() -> None:
    spec = cf.load_spec("national-2023")
    appendix = spec.appendices[-1]
    assert appendix.table is not None
    workbook = openpyxl.load_workbook(io.BytesIO(RENDERER.render(spec)))
    ws = workbook.worksheets[[s.title for s in workbook.worksheets].index(_appendix_sheet(spec))]
    header = next(r for r in ws.iter_rows() if r[0].value == "序号")
    rows = list(ws.iter_rows(min_row=header[0].row + 1, max_row=header[0].row + 3))
    assert [row[0].value for row in rows] == ["1", "2", "3"]
    for row in rows:
        for cell in row[: len(appendix.table.columns)]:
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert all(side.style == "thin" for side in sides), cell.coordinate
    assert rows[0][len(appendix.table.columns) - 1].value.startswith("集群主导产业链条描述")


def _appendix_sheet(spec: cf.FormSpec) -> str:
    appendix = spec.appendices[-1]
    return ((appendix.heading or "") + appendix.title)[:31]


# ------------------------------------------------------------------ LibreOffice


def _soffice(tmp_path: Path, name: str, data: bytes, target: str) -> Path:
    source = tmp_path / f"{name}.xlsx"
    source.write_bytes(data)
    (converted,) = office.convert(source, target, tmp_path / "out")
    return converted


def _pdf_text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("poppler (pdftotext) is not installed")
    return subprocess.run(
        [tool, str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_libreoffice_prints_every_sentence_of_a_long_plan_and_the_ticked_boxes(
    tmp_path: Path,
) -> None:
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    text = sentences(120, breaks=5)[:3000]
    app["values"]["plan.text"] = text
    printed = re.sub(
        r"\s+", "", _pdf_text(_soffice(tmp_path, "long", RENDERER.render(spec, app), "pdf"))
    )
    last = int(re.findall(r"第([0-9]+)句", text)[-1])
    for n in range(last + 1):
        assert f"第{n}句" in printed, f"sentence {n} of the plan is not printed"
    assert "☑第二产业□第三产业" in printed  # the chosen option's box, computed on load
    assert "☑" not in re.sub(
        r"\s+", "", _pdf_text(_soffice(tmp_path, "blank", RENDERER.render(spec), "pdf"))
    )


def test_a_long_plan_survives_a_libreoffice_save(tmp_path: Path) -> None:
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    app["values"]["plan.text"] = long_texts()["paragraphs"]
    resaved = _soffice(tmp_path, "long", RENDERER.render(spec, app), "xlsx:Calc MS Excel 2007 XML")
    assert read_xlsx(resaved)["values"]["plan.text"] == long_texts()["paragraphs"]


# ------------------------------------------------------------------ 问题清单 and the terminal


def _broken() -> tuple[cf.FormSpec, bytes, cf.Report]:
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    app["values"]["basic.area"] = "-5"
    app["values"]["industry.chain_work"][0] = "chain_map"  # no evidence: a warning
    data = RENDERER.render(spec, app)
    return spec, data, cf.validate(spec, read_xlsx(data))


def test_problems_sheet_shows_labels_and_cells_bordered_and_top_aligned() -> None:
    _, data, report = _broken()
    workbook = openpyxl.load_workbook(io.BytesIO(cf.annotate_xlsx(data, report)))
    ws = workbook["问题清单"]
    assert [c.value for c in ws[3]] == ["序号", "类别", "填报项", "单元格", "说明", "代码"]
    rows = list(ws.iter_rows(min_row=4))
    assert len(rows) == len(report.findings)
    area = next(r for r in rows if str(r[5].value).endswith("\nbasic.area"))
    assert area[2].value == "集群占地面积（平方公里）"  # the label people see, not basic.area
    where = {f: w for f, y, p, k, w in mapped(workbook) if (f, y, p) == ("basic.area", "", "")}
    assert area[3].value == where["basic.area"]
    assert area[3].hyperlink.location == "'{}'!{}".format(*where["basic.area"].split("!"))
    chain = next(r for r in rows if str(r[5].value).startswith("evidence_missing"))
    assert " · " in chain[2].value  # the option's label after the item's
    for row in [ws[3], *rows]:
        for cell in row:
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert all(side.style == "thin" for side in sides), cell.coordinate
            assert cell.alignment.vertical == "top"
            assert cell.alignment.wrap_text


def test_validate_in_the_terminal_names_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from clusterforms.cli import main  # noqa: PLC0415

    _, data, _ = _broken()
    path = tmp_path / "filled.xlsx"
    path.write_bytes(data)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    where = next(w for f, y, p, k, w in mapped(workbook) if f == "basic.area")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"basic.area ({where}): " in out
    assert re.search(
        r"industry\.chain_work\.chain_map \(二、[^!]+![A-Z]+[0-9]+:[A-Z]+[0-9]+\)", out
    )


def test_reading_says_where_each_field_is() -> None:
    spec = cf.load_spec("national-2023")
    data = RENDERER.render(spec, example("national-2023"))
    reading = RENDERER.read(data)
    places = {n.field: n.place for n in reading.notes if n.kind == "found"}
    assert reading.problems == ()
    cells = {f: w for f, y, p, k, w in mapped(openpyxl.load_workbook(io.BytesIO(data)))}
    assert places["basic.area"] == cells["basic.area"]  # one cell
    assert re.fullmatch(r"二、.+![A-Z]+[0-9]+:[A-Z]+[0-9]+", places["industry.total_output"])
    assert places["plan.targets.patents"].startswith(places["plan.targets"].split(":")[0][:6])


# ------------------------------------------------------------------ what an editor may change


def _edited(
    data: bytes, *, unhide: bool = False, unlock: bool = False, drop_lists: bool = False
) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    if unhide:
        for name in (META_SHEET, "_cf_lists"):
            if name in workbook.sheetnames:
                workbook[name].sheet_state = "visible"
    if unlock:
        workbook.security = None
        for ws in workbook.worksheets:
            ws.protection.sheet = False
    if drop_lists:
        workbook.remove(workbook["_cf_lists"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_reading_needs_neither_the_hidden_state_nor_the_locks(tmp_path: Path) -> None:
    spec = cf.load_spec("jiangsu-2024")
    app = example("jiangsu-2024")
    app["values"]["plan.text"] = long_texts()["paragraphs"]
    data = RENDERER.render(spec, app)
    expected = read_xlsx(data)
    resaved = _soffice(tmp_path, "filled", data, "xlsx:Calc MS Excel 2007 XML").read_bytes()
    saved = openpyxl.load_workbook(io.BytesIO(resaved))
    # What LibreOffice does to the helper sheets and the structure lock (issue 17, item 20).
    assert saved[META_SHEET].sheet_state == "hidden"
    assert read_xlsx(resaved) == expected
    for source in (data, resaved):
        edited = _edited(source, unhide=True, unlock=True, drop_lists=True)
        book = openpyxl.load_workbook(io.BytesIO(edited))
        assert "_cf_lists" not in book.sheetnames
        assert book[META_SHEET].sheet_state == "visible"
        assert not (book.security and book.security.lockStructure)
        assert read_xlsx(edited) == expected


def test_a_deleted_metadata_sheet_is_named_in_one_clear_line() -> None:
    spec = cf.load_spec("national-2023")
    workbook = openpyxl.load_workbook(io.BytesIO(RENDERER.render(spec, example("national-2023"))))
    workbook.remove(workbook[META_SHEET])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(cf.ReadError, match=f"hidden sheet {META_SHEET}.*was deleted") as caught:
        read_xlsx(buffer.getvalue())
    assert "\n" not in str(caught.value)


def test_a_renamed_section_sheet_is_found_through_the_names() -> None:
    """Excel and LibreOffice rename the sheet in the defined names; openpyxl does not, so we do."""
    spec = cf.load_spec("national-2023")
    data = RENDERER.render(spec, example("national-2023"))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    old = "一、基本情况"
    workbook[old].title = "基本情况（改名）"
    for name in workbook.defined_names.values():
        name.attr_text = name.attr_text.replace(f"'{old}'!", "'基本情况（改名）'!")
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_xlsx(buffer.getvalue()) == read_xlsx(data)
