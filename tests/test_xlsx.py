"""The Excel renderer: blank templates, filled workbooks, reading back, annotating, LibreOffice."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from clusterforms_renderers.xlsx import XlsxRenderer
from clusterforms_renderers.xlsx._keys import ATTACHMENTS
from clusterforms_renderers.xlsx._plan import META_SHEET
from clusterforms_renderers.xlsx._targets import has_average
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

import clusterforms as cf
from clusterforms import annotate_xlsx, formulas, read_xlsx
from clusterforms.cli import main
from clusterforms.errors import ReadError, RenderError
from clusterforms.model.rules import FieldRef, FormulaRule
from clusterforms.model.spec import iter_nested
from clusterforms.model.text import iter_text
from tests import office

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SPECS = cf.list_specs()
RENDERER = XlsxRenderer()


@pytest.fixture(scope="module")
def blanks() -> dict[str, bytes]:
    return {spec_id: RENDERER.render(cf.load_spec(spec_id)) for spec_id in SPECS}


@pytest.fixture(scope="module")
def filled() -> dict[str, bytes]:
    return {spec_id: RENDERER.render(cf.load_spec(spec_id), example(spec_id)) for spec_id in SPECS}


def example(spec_id: str) -> dict[str, Any]:
    data: dict[str, Any] = cf.load_application(EXAMPLES / f"{spec_id}.json")
    return data


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def cell_map(workbook: openpyxl.Workbook) -> dict[tuple[str, int | None, str], tuple[str, str]]:
    """(field, year, part) -> (sheet, cell), from the hidden metadata sheet.

    Format 2 packs a sheet's cells into ``cells`` records (sheet, then one
    tab-separated line per cell); format 1 had a ``cell`` row per cell.
    """
    found = {}
    for row in workbook[META_SHEET].iter_rows(values_only=True):
        if row[0] == "cells":
            for line in str(row[2]).split("\n"):
                field, year, part, _kind, cell, _name = line.split("\t")
                found[field, int(year) if year else None, part] = (str(row[1]), cell)
        elif row[0] == "cell":
            field, year, part, _kind, sheet, cell = row[1:7]
            found[field, int(year) if year else None, part or ""] = (sheet, cell)
    return found


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------ canonical applications


def _field_index(spec: cf.FormSpec) -> dict[str, Any]:
    index: dict[str, Any] = {line.id: line for line in spec.cover.lines}
    for _, item in spec.walk():
        for nested in iter_nested(item):
            index[nested.id] = nested
    return index


def canonical(spec: cf.FormSpec, app: dict[str, Any]) -> dict[str, Any]:
    """The application as a workbook gives it back: the canonical form of its typed reading."""
    return cf.read_application(spec, app).to_document()


# ------------------------------------------------------------------ hypothesis applications

SPECIAL_TEXT = st.sampled_from(
    [
        "无",
        "=SUM(A1:A9)",
        '=HYPERLINK("http://example.com","x")',
        "+86 138 0000 0000",
        "-12",
        "@cmd",
        "_x000D_ literal escape",
        "a\r\nb\rc\nd",
        "  leading and trailing  ",
        "emoji 😀🇨🇳 and 𠀋",
        "tab\tinside",
        "'quoted",
        "0012345",
        "12.50",
    ]
)
#: What a document cannot hold (docs/data-format.md, "Characters"): refused, not round-tripped.
UNHOLDABLE = "".join(map(chr, [*range(9), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))
PLAIN_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs",), exclude_characters=UNHOLDABLE
    ),
    min_size=1,
    max_size=40,
)
CJK_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=30
)
LONG_TEXT = st.text(
    alphabet=st.sampled_from("集群产业链强链补链，。\n ABCabc0123😀"), min_size=300, max_size=3000
)
TEXTS = st.one_of(PLAIN_TEXT, CJK_TEXT, SPECIAL_TEXT, LONG_TEXT)
NUMBERS = st.integers(0, 2).flatmap(
    lambda places: st.decimals(
        min_value=-(10**9), max_value=10**9, places=places, allow_nan=False, allow_infinity=False
    )
)
NUMBER_VALUES = st.one_of(NUMBERS, NUMBERS.map(str), st.just("无"))
COUNTS = st.one_of(st.integers(0, 10**7), st.integers(0, 10**6).map(str), st.just("无"))


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(st.one_of(st.none(), strategy))


@st.composite
def applications(draw: st.DrawFn, spec: cf.FormSpec) -> dict[str, Any]:
    attachment_ids = [f"A{n}" for n in range(1, draw(st.integers(0, 4)) + 1)]
    values: dict[str, Any] = {}
    index = _field_index(spec)
    years = [str(y) for y in spec.data_years]
    for field, item in index.items():
        if not draw(st.booleans()) and draw(st.booleans()):
            continue  # about a quarter of the fields stay empty
        kind = getattr(item, "kind", "text")
        value: Any = None
        if isinstance(item, cf.CoverLine) or kind in {"text", "narrative"}:
            value = draw(TEXTS)
        elif kind == "signoff":
            if not item.opinion:
                continue  # a sign-off without an opinion is no field
            value = draw(TEXTS)
        elif kind == "number":
            value = draw(NUMBER_VALUES)
        elif kind == "count":
            value = draw(COUNTS)
        elif kind == "yearly":
            cells = COUNTS if item.value == "count" else NUMBER_VALUES
            value = {y: draw(cells) for y in years if draw(st.booleans())}
        elif kind == "stages":
            value = {str(y): draw(TEXTS) for y in spec.plan_years if draw(st.booleans())}
        elif kind == "named_count":
            value = {"count": _maybe(draw, COUNTS), "names": _maybe(draw, TEXTS)}
        elif kind == "counts":
            value = {p.id: draw(COUNTS) for p in item.parts if draw(st.booleans())}
        elif kind == "standards":
            value = {
                y: {c.id: {r.id: draw(COUNTS) for r in item.roles} for c in item.categories}
                for y in years
                if draw(st.booleans())
            }
        elif kind == "choice":
            option = draw(st.sampled_from(item.options))
            if (option.free_text or option.explain) and draw(st.booleans()):
                value = {"option": option.id, "text": draw(TEXTS)}
            else:
                value = option.id
        elif kind == "checklist":
            chosen = draw(st.lists(st.sampled_from(item.options), unique_by=lambda o: o.id))
            value = []
            for option in chosen:
                entry: dict[str, Any] = {"option": option.id}
                if (option.free_text or option.explain) and draw(st.booleans()):
                    entry["text"] = draw(TEXTS)
                if attachment_ids and draw(st.booleans()):
                    entry["evidence"] = draw(
                        st.lists(st.sampled_from(attachment_ids), min_size=1, max_size=3)
                    )
                value.append(entry if len(entry) > 1 or draw(st.booleans()) else option.id)
        elif kind == "targets":
            parts = ["baseline", "target"] + (["industry_average"] if has_average(item) else [])
            rows = {}
            for direction in item.directions:
                for row in direction.rows:
                    if draw(st.booleans()):
                        cell = TEXTS if row.value == "text" else NUMBER_VALUES
                        rows[row.id] = {
                            p: draw(NUMBER_VALUES if p == "industry_average" else cell)
                            for p in parts
                            if draw(st.booleans())
                        }
            open_directions = [d.id for d in item.directions if d.open]
            extra = [
                {
                    "direction": draw(st.sampled_from(open_directions)),
                    "indicator": draw(TEXTS),
                    "baseline": draw(st.one_of(NUMBER_VALUES, TEXTS)),
                    "target": draw(st.one_of(NUMBER_VALUES, TEXTS)),
                }
                for _ in range(draw(st.integers(0, 4)) if open_directions else 0)
            ]
            value = {"rows": rows, "extra": extra}
        elif kind == "roster":
            value = [
                {
                    c.id: draw(
                        st.one_of(TEXTS, COUNTS, NUMBERS)
                        if c.numbered or draw(st.booleans())
                        else TEXTS
                    )
                    for c in item.columns
                    if draw(st.booleans())
                }
                for _ in range(draw(st.integers(0, 5)))
            ]
        else:
            continue
        values[field] = value
    document: dict[str, Any] = {"spec": spec.id, "values": values}
    if draw(st.booleans()):
        document["meta"] = draw(st.dictionaries(PLAIN_TEXT, TEXTS, max_size=3))
    if attachment_ids:
        document["attachments"] = [
            {"id": a, "title": draw(TEXTS), "file": draw(PLAIN_TEXT)} for a in attachment_ids
        ]
    return document


@pytest.mark.parametrize("spec_id", SPECS)
@settings(
    max_examples=int(os.environ.get("XLSX_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_any_valid_application_round_trips(spec_id: str, data: st.DataObject) -> None:
    """Render filled -> read back gives the same application, whatever the text and numbers."""
    spec = cf.load_spec(spec_id)
    app = data.draw(applications(spec))
    workbook = RENDERER.render(spec, app)
    back = read_xlsx(workbook)
    assert back == canonical(spec, app)
    assert canonical(spec, back) == back  # the canonical form is read back as itself


# ------------------------------------------------------------------ the blank template


def test_renderer_metadata() -> None:
    renderer = cf.get_renderer("xlsx")
    assert isinstance(renderer, XlsxRenderer)
    assert renderer.name == "xlsx"
    assert renderer.extension == ".xlsx"
    assert renderer.can_fill
    assert (
        renderer.media_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def visible_text(workbook: openpyxl.Workbook) -> str:
    parts = []
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows(values_only=True):
            parts.extend(str(v) for v in row if v is not None)
    return squash("".join(parts))


@pytest.mark.parametrize("spec_id", SPECS)
def test_blank_holds_every_printed_line_in_order(spec_id: str, blanks: dict[str, bytes]) -> None:
    text = visible_text(load(blanks[spec_id]))
    at = 0
    for line in iter_text(cf.load_spec(spec_id)):
        wanted = squash(line)
        found = text.find(wanted, at)
        assert found >= 0, f"{line!r} missing after position {at}: …{text[at : at + 80]}…"
        at = found + len(wanted)


@pytest.mark.parametrize("spec_id", SPECS)
def test_sheets_follow_the_form(spec_id: str, blanks: dict[str, bytes]) -> None:
    spec = cf.load_spec(spec_id)
    workbook = load(blanks[spec_id])
    visible = [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"]
    cover = ["封面及填报说明"] if spec.has_cover else []  # the 汇总表 has none
    evidence = any(isinstance(i, cf.ChecklistItem) for _, i in spec.walk())
    assert visible[: len(cover)] == cover
    sections = [s.title for s in spec.sections]
    assert visible[len(cover) : len(cover) + len(sections)] == sections
    assert ("佐证材料清单" in visible) is evidence
    assert len(visible) == len(cover) + len(sections) + evidence + len(spec.appendices)
    for name in workbook.sheetnames:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
    assert workbook[META_SHEET].sheet_state == "veryHidden"
    assert workbook.active.title == visible[0]


def test_summary_table_sheet_is_landscape_with_a_repeating_header(
    blanks: dict[str, bytes], filled: dict[str, bytes]
) -> None:
    workbook = load(blanks["summary-2023"])
    sheet = workbook["推荐集群汇总表"]
    assert sheet.page_setup.orientation == "landscape"
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert rows[:3] == [
        ["附件2"],
        ["推荐集群汇总表"],
        [
            "序号",
            "集群名称",
            "集群运营机构",
            "所在市（县、区）",
            "主导产业",
            "集群成立时间",
            "集群简介",
        ],
    ]
    assert sheet.print_title_rows == "$3:$3"
    assert len(cell_map(workbook)) == 7 * 3 + 0  # 3 blank rows; the left-out list has none
    data = read_xlsx(filled["summary-2023"])
    assert [r["cluster_name"] for r in data["values"]["summary.clusters"]] == [
        r["cluster_name"] for r in example("summary-2023")["values"]["summary.clusters"]
    ]
    assert data["values"]["summary.clusters"][0]["seq"] == Decimal(1)


def test_national_has_its_summary_table_and_section_titles(blanks: dict[str, bytes]) -> None:
    workbook = load(blanks["national-2023"])
    assert "一、基本情况" in workbook.sheetnames
    assert "九、真实性声明及推荐意见" in workbook.sheetnames
    assert "附件2推荐集群汇总表" in workbook.sheetnames
    summary = workbook["附件2推荐集群汇总表"]
    assert summary.page_setup.orientation == "landscape"


@pytest.mark.parametrize("spec_id", SPECS)
def test_inputs_unlocked_and_shaded_labels_locked_sheets_protected(
    spec_id: str, blanks: dict[str, bytes]
) -> None:
    workbook = load(blanks[spec_id])
    inputs = {(sheet, cell) for sheet, cell in cell_map(workbook).values()}
    assert inputs
    for sheet, cell in inputs:
        c = workbook[sheet][cell]
        assert c.protection.locked is False
        assert c.fill.fgColor.rgb.endswith("FFF2CC")
    for ws in workbook.worksheets:
        assert ws.protection.sheet
        assert not ws.protection.password
        assert ws.protection.formatColumns is False  # widening columns stays possible
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and (ws.title, c.coordinate) not in inputs:
                    assert c.protection.locked, (ws.title, c.coordinate)
    appendices = [s.title for s in cf.load_spec(spec_id).appendices]
    for ws in workbook.worksheets:
        if any(ws.title.endswith(t.replace("\n", "")[:20]) for t in appendices):
            assert not any(s == ws.title for s, _ in inputs)


def validation_of(ws: Worksheet, cell: str) -> Any:
    for dv in ws.data_validations.dataValidation:
        if cell in dv.sqref:
            return dv
    msg = f"no validation on {ws.title}!{cell}"
    raise AssertionError(msg)


def test_data_validation_of_national(blanks: dict[str, bytes]) -> None:
    workbook = load(blanks["national-2023"])
    where = cell_map(workbook)

    def at(field: str, year: int | None = None, part: str = "") -> tuple[Worksheet, str]:
        sheet, cell = where[field, year, part]
        return workbook[sheet], cell

    ws, cell = at("basic.industry_type")
    dv = validation_of(ws, cell)
    assert dv.type == "list"
    lists = workbook["_cf_lists"]
    ref = dv.formula1.split("!")[1].replace("$", "")
    labels = [c.value for row in lists[ref] for c in row]
    assert labels == ["第一产业", "第二产业", "第三产业"]
    assert dv.errorTitle
    assert dv.error
    ws, cell = at("basic.energy_efficiency")
    ref = validation_of(ws, cell).formula1.split("!")[1].replace("$", "")
    assert [c.value for row in lists[ref] for c in row] == ["是", "否", "非高耗能行业，不适用"]

    ws, cell = at("industry.chain_work", part="chain_map")
    dv = validation_of(ws, cell)
    assert dv.type == "list"
    assert dv.formula1 == '"是,否"'
    assert "佐证材料" in dv.prompt

    # A number cell takes 无 or a number in its range, by a formula on the cell itself.
    ws, cell = at("basic.area")
    dv = validation_of(ws, cell)
    assert dv.type == "custom"
    assert ws[cell].number_format == "0.00"
    assert dv.formula1.startswith(f'OR(TRIM({cell})="无",AND(ISNUMBER({cell}),{cell}>=0,')
    assert "“无”" in dv.prompt

    ws, cell = at("industry.sme_output_share", 2021)
    dv = validation_of(ws, cell)
    assert str(dv.sqref) == cell
    assert dv.formula1 == f'OR(TRIM({cell})="无",AND(ISNUMBER({cell}),{cell}>=0,{cell}<=100))'

    ws, cell = at("industry.enterprises", 2020)
    dv = validation_of(ws, cell)
    assert dv.formula1.endswith(f",{cell}=INT({cell})))")
    assert ws[cell].number_format == "0"

    ws, cell = at("industry.chain_narrative")
    dv = validation_of(ws, cell)
    assert dv.type == "textLength"
    assert dv.formula1 == "200"

    ws, cell = at("innovation.patents")
    assert "需提供清单及佐证材料" in validation_of(ws, cell).prompt
    ws, cell = at("green.carbon_monitoring")
    assert "如涉及，需提供佐证材料" in validation_of(ws, cell).prompt

    for dv_ws in workbook.worksheets:
        for dv in dv_ws.data_validations.dataValidation:
            assert len(dv.promptTitle or "") <= 32
            assert len(dv.prompt or "") <= 255
            assert len(dv.error or "") <= 255


def test_year_columns_print_setup_and_font(blanks: dict[str, bytes]) -> None:
    workbook = load(blanks["national-2023"])
    ws = workbook["二、主导产业情况"]
    header = [c.value for c in ws[2] if c.value]
    assert header == ["年度", "2020年", "2021年", "2022年"]
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert ws["A2"].font.name == "宋体"
    guangxi = load(RENDERER.render(cf.load_spec("guangxi-2025")))
    assert "2024年" in visible_text(guangxi)


# ------------------------------------------------------------------ check formulas


def _decimal_value(app_values: dict[str, Any], field: str, year: int | None) -> Decimal | None:
    value = app_values.get(field)
    if isinstance(value, dict):
        value = value.get(str(year)) if year is not None else None
    return None if value is None else Decimal(str(value))


def _evaluate(formula: str, values: dict[str, Decimal]) -> Decimal | None:
    """Evaluate one of our check formulas on Decimals (the templates are plain arithmetic)."""
    inner = re.fullmatch(r'=IF\(COUNT\((.*?)\)<\d+,"",IFERROR\(ROUND\((.*),2\),""\)\)', formula)
    assert inner, formula
    refs, expression = inner.groups()
    for ref in refs.split(","):
        if ref not in values:
            return None
    python = expression
    tokens = {}
    for n, (ref, value) in enumerate(values.items()):
        token = "v" + "".join(chr(97 + int(d)) for d in str(n))
        tokens[token] = value
        python = python.replace(ref, token)
    python = re.sub(r"\d+(?:\.\d+)?", lambda m: f"D('{m.group(0)}')", python)
    for token, value in tokens.items():
        python = python.replace(token, f"D('{value}')")
    python = python.replace("^", "**")
    assert re.fullmatch(r"[\sD()'0-9.+\-*/]*", python), python
    return Decimal(eval(python, {"D": Decimal}))  # noqa: S307 - our own arithmetic templates


@pytest.mark.parametrize("spec_id", SPECS)
def test_check_formulas_compute_the_spec_formulas(spec_id: str, filled: dict[str, bytes]) -> None:
    """Every check formula, evaluated on the example, gives what clusterforms.formulas gives."""
    spec = cf.load_spec(spec_id)
    workbook = load(filled[spec_id])
    app = example(spec_id)["values"]
    where = cell_map(workbook)
    by_cell = {
        (sheet, cell): (field, year)
        for (field, year, part), (sheet, cell) in where.items()
        if not part
    }
    by_ref = {}
    for (sheet, cell), key in by_cell.items():
        col = cell.rstrip("0123456789")
        by_ref["'" + sheet.replace("'", "''") + f"'!${col}${cell[len(col) :]}"] = key
    rules = {FieldRef.parse(r.result).field: r for r in spec.rules if isinstance(r, FormulaRule)}
    checks = 0
    for ws in workbook.worksheets:
        for rng in ws.conditional_formatting:
            for cf_rule in rng.rules:
                pair = re.search(r"ABS\(\$([A-Z]+)\$(\d+)-\$([A-Z]+)\$(\d+)\)", cf_rule.formula[0])
                if pair is None or f"{pair.group(1)}{pair.group(2)}" not in rng.sqref:
                    continue
                reported = f"{pair.group(1)}{pair.group(2)}"
                check = ws[f"{pair.group(3)}{pair.group(4)}"].value
                field, year = by_cell[ws.title, reported]
                refs = re.findall(r"'[^']+'!\$[A-Z]+\$\d+", check)
                values = {ref: _decimal_value(app, *by_ref[ref]) for ref in refs}
                computed = _evaluate(check, {k: v for k, v in values.items() if v is not None})
                expected = _spec_formula(rules[field], app, spec, year)
                assert computed is not None, (field, year)
                assert abs(computed - formulas.round2(expected)) <= Decimal("0.01"), (field, year)
                checks += 1
    expected_checks = sum(
        (len(spec.data_years) - any("@prev" in a for a in r.args)) if r.per_year else 1
        for r in rules.values()
    )
    assert checks == expected_checks


def _spec_formula(
    rule: FormulaRule, app: dict[str, Any], spec: cf.FormSpec, year: int | None
) -> Any:
    years = spec.data_years
    inputs = []
    for arg in rule.args:
        ref = FieldRef.parse(arg)
        value = app.get(ref.field)
        if not isinstance(value, dict):
            inputs.append(Decimal(str(value)))
            continue
        series = [Decimal(str(value[str(y)])) for y in years]
        pick = {
            "all": series,
            "first": series[0],
            "last": series[-1],
            "prev": series[years.index(year) - 1] if year is not None else None,
            "": series[years.index(year)] if year is not None else None,
        }
        inputs.append(pick[ref.selector])
    return formulas.FORMULAS[rule.formula](*inputs)


def test_check_cell_sits_beside_the_reported_cell_and_turns_red(filled: dict[str, bytes]) -> None:
    workbook = load(filled["national-2023"])
    sheet, cell = cell_map(workbook)["industry.leading_cagr", None, ""]
    ws = workbook[sheet]
    row = ws[cell].row
    check = next(c for c in ws[row] if isinstance(c.value, str) and c.value.startswith("=IF("))
    assert check.column > ws[cell].column
    assert "mean_growth" not in check.value
    assert "(1+" in check.value
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any(cell.rstrip("0123456789") in r.formula[0] and "ABS(" in r.formula[0] for r in rules)
    assert any("ISNUMBER" in r.formula[0] and ">" in r.formula[0] for r in rules)


# ------------------------------------------------------------------ filled workbooks


@pytest.mark.parametrize("spec_id", SPECS)
def test_example_round_trips_and_validates_clean(spec_id: str, filled: dict[str, bytes]) -> None:
    spec = cf.load_spec(spec_id)
    back = read_xlsx(filled[spec_id])
    assert back == canonical(spec, example(spec_id))
    assert cf.validate(spec, back).ok


def test_numbers_are_numbers_and_text_is_never_a_formula() -> None:
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    app["values"]["basic.cluster_name"] = '=HYPERLINK("http://evil","click")'
    app["values"]["basic.authority"] = "@SUM(1)"
    app["values"]["basic.operator"] = "+1-1"
    data = RENDERER.render(spec, app)
    workbook = load(data)
    where = cell_map(workbook)
    sheet, cell = where["basic.area", None, ""]
    assert workbook[sheet][cell].data_type == "n"
    assert workbook[sheet][cell].value == 12.5
    assert workbook[sheet][cell].number_format == "0.00"
    sheet, cell = where["basic.cluster_name", None, ""]
    assert workbook[sheet][cell].data_type == "s"
    raw = zipfile.ZipFile(io.BytesIO(data))
    formulas_in_xml = [
        m
        for name in raw.namelist()
        if name.startswith("xl/worksheets/")
        for m in re.findall(rb"<f>(.*?)</f>", raw.read(name))
    ]
    assert formulas_in_xml
    # the check formulas, and the printed options ticking the chosen box (☑是 □否)
    assert all(f.startswith((b"IF(COUNT(", b"IF($")) for f in formulas_in_xml)
    assert not any(b"evil" in f or b"SUM" in f for f in formulas_in_xml)
    back = read_xlsx(data)
    assert back["values"]["basic.cluster_name"] == app["values"]["basic.cluster_name"]
    assert back["values"]["basic.area"] == Decimal("12.50")


def test_checked_options_are_marked(filled: dict[str, bytes]) -> None:
    workbook = load(filled["national-2023"])
    where = cell_map(workbook)
    sheet, cell = where["industry.chain_work", None, "chain_map"]
    assert workbook[sheet][cell].value == "是"
    sheet, cell = where["industry.chain_work", None, "chain_map/evidence"]
    assert workbook[sheet][cell].value == "A1"
    sheet, cell = where["basic.industry_type", None, ""]
    assert workbook[sheet][cell].value == "第二产业"


def test_render_refuses_values_without_a_cell() -> None:
    spec = cf.load_spec("national-2023")
    broken = cf.load_application(EXAMPLES / "national-2023.broken.json")
    with pytest.raises(RenderError, match=r"industry\.total_profit.*validate"):
        RENDERER.render(spec, broken)
    with pytest.raises(RenderError, match="float"):
        RENDERER.render(spec, {"spec": spec.id, "values": {"basic.area": 1.5}})


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x00", "\ud800", "\uffff"])
def test_characters_a_workbook_cannot_hold_are_refused_naming_the_field(char: str) -> None:
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    app["values"]["industry.chain_narrative"] = f"集群{char}绘制"
    with pytest.raises(RenderError, match=r"industry\.chain_narrative: contains .* U\+"):
        RENDERER.render(spec, app)


def test_a_control_character_stored_in_a_cell_is_refused_naming_the_cell(
    blanks: dict[str, bytes],
) -> None:
    def type_in(workbook: openpyxl.Workbook, where: dict[Any, Any]) -> None:
        sheet, cell = where["basic.cluster_name", None, ""]
        workbook[sheet][cell] = "某某_x001B_集群"  # stored as typed: the escape of ESC
        workbook[sheet][cell].data_type = "str"

    with pytest.raises(ReadError, match=r"holds a control character U\+001B"):
        read_xlsx(_edit(blanks["national-2023"], type_in))


def test_reads_by_defined_name_after_columns_widen_and_cells_move(filled: dict[str, bytes]) -> None:
    workbook = load(filled["national-2023"])
    for ws in workbook.worksheets:
        for letter in "ABCDEF":
            ws.column_dimensions[letter].width = 60
    sheet, cell = cell_map(workbook)["basic.area", None, ""]
    ws = workbook[sheet]
    ws["H40"] = 99.5
    ws[cell] = None
    name = workbook.defined_names["cf.basic.area"]
    name.attr_text = f"'{sheet}'!$H$40"
    buffer = io.BytesIO()
    workbook.save(buffer)
    back = read_xlsx(buffer.getvalue())
    assert back["values"]["basic.area"] == Decimal("99.5")
    assert (
        back["values"]["basic.cluster_name"]
        == example("national-2023")["values"]["basic.cluster_name"]
    )


def _edit(data: bytes, edit: Any) -> bytes:
    workbook = load(data)
    edit(workbook, cell_map(workbook))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_values_typed_in_excel_read_back(blanks: dict[str, bytes]) -> None:
    def type_in(workbook: openpyxl.Workbook, where: dict[Any, Any]) -> None:
        for key, value in {
            ("basic.area", None, ""): 12.5,
            ("industry.total_output", 2020, ""): 64.12,
            ("industry.enterprises", 2021, ""): 338,
            ("basic.industry_type", None, ""): "第三产业",
            ("industry.chain_work", None, "chain_map"): "是",
            ("industry.chain_work", None, "tech_list"): "否",
            ("industry.chain_work", None, "chain_map/evidence"): "A1，A2 、A3",
            ("basic.cluster_name", None, ""): "某某集群",
            ("innovation.platforms.national", None, "count"): "3",
        }.items():
            sheet, cell = where[key]
            workbook[sheet][cell] = value

    back = read_xlsx(_edit(blanks["national-2023"], type_in))
    values = back["values"]
    assert values["basic.area"] == Decimal("12.5")
    assert values["industry.total_output"] == {"2020": Decimal("64.12")}
    assert values["industry.enterprises"] == {"2021": Decimal(338)}
    assert values["basic.industry_type"] == "tertiary"
    assert values["industry.chain_work"] == [
        {"option": "chain_map", "evidence": ["A1", "A2", "A3"]}
    ]
    assert values["innovation.platforms.national"] == {"count": Decimal(3)}


def test_float_noise_in_stored_numbers_is_rounded_to_15_digits(blanks: dict[str, bytes]) -> None:
    def type_in(workbook: openpyxl.Workbook, where: dict[Any, Any]) -> None:
        sheet, cell = where["basic.area", None, ""]
        workbook[sheet][cell].value = "64.120000000000005"
        workbook[sheet][cell].data_type = "n"

    assert read_xlsx(_edit(blanks["national-2023"], type_in))["values"]["basic.area"] == Decimal(
        "64.12"
    )


def test_formula_typed_into_an_input_cell_is_refused_not_evaluated(
    blanks: dict[str, bytes],
) -> None:
    def type_in(workbook: openpyxl.Workbook, where: dict[Any, Any]) -> None:
        sheet, cell = where["industry.total_output", 2021, ""]
        workbook[sheet][cell] = "=1+1"

    with pytest.raises(
        ReadError, match=r"formulas.*never evaluated.*industry\.total_output\[2021\].*=1\+1"
    ):
        read_xlsx(_edit(blanks["national-2023"], type_in))


def test_a_mark_that_is_neither_yes_nor_no_is_refused(blanks: dict[str, bytes]) -> None:
    def type_in(workbook: openpyxl.Workbook, where: dict[Any, Any]) -> None:
        sheet, cell = where["industry.chain_work", None, "chain_map"]
        workbook[sheet][cell] = "可能"

    with pytest.raises(ReadError, match="neither"):
        read_xlsx(_edit(blanks["national-2023"], type_in))


def test_evidence_without_the_mark_is_refused(blanks: dict[str, bytes]) -> None:
    def type_in(workbook: openpyxl.Workbook, where: dict[Any, Any]) -> None:
        sheet, cell = where["industry.chain_work", None, "chain_map/evidence"]
        workbook[sheet][cell] = "A1"

    with pytest.raises(ReadError, match="not marked"):
        read_xlsx(_edit(blanks["national-2023"], type_in))


def test_unknown_label_passes_through_for_validation(blanks: dict[str, bytes]) -> None:
    def type_in(workbook: openpyxl.Workbook, where: dict[Any, Any]) -> None:
        sheet, cell = where["basic.industry_type", None, ""]
        workbook[sheet][cell] = "第四产业"
        sheet, cell = where["basic.area", None, ""]
        workbook[sheet][cell] = "约十二"

    back = read_xlsx(_edit(blanks["national-2023"], type_in))
    report = cf.validate(cf.load_spec("national-2023"), back)
    codes = {(f.code, f.field) for f in report.findings}
    assert ("unknown_option", "basic.industry_type") in codes
    assert ("wrong_type", "basic.area") in codes


def test_blank_template_reads_back_empty(blanks: dict[str, bytes]) -> None:
    for spec_id, data in blanks.items():
        assert read_xlsx(data) == {"spec": spec_id, "values": {}}


GOLDEN_V1 = ROOT / "tests" / "golden" / "xlsx-v1"


@pytest.mark.parametrize(
    "name", sorted(path.stem for path in GOLDEN_V1.glob("*.xlsx")), ids=lambda name: name
)
def test_workbooks_of_metadata_format_1_still_read(name: str) -> None:
    """Workbooks made before the packed ``cells`` records read back exactly as they did then."""
    workbook = (GOLDEN_V1 / f"{name}.xlsx").read_bytes()
    meta = load(workbook)[META_SHEET]
    assert (meta["A1"].value, meta["B1"].value) == ("clusterforms-xlsx", "1")
    assert cf.dumps_application(read_xlsx(workbook)) == (GOLDEN_V1 / f"{name}.json").read_text()


def test_the_map_is_packed_one_record_per_sheet(filled: dict[str, bytes]) -> None:
    """Format 2 (and 3) write a sheet's cells as lines of one ``cells`` record, not a row each."""
    meta = load(filled["national-2023"])[META_SHEET]
    kinds = [row[0] for row in meta.iter_rows(values_only=True)]
    assert (meta["A1"].value, meta["B1"].value) == ("clusterforms-xlsx", "3")
    assert "cell" not in kinds
    packed = [row for row in meta.iter_rows(values_only=True) if row[0] == "cells"]
    lines = sum(len(str(row[2]).split("\n")) for row in packed)
    assert lines == len(cell_map(load(filled["national-2023"]))) > 10 * len(packed)


# ------------------------------------------------------------------ annotate


def _annotatable() -> tuple[cf.FormSpec, bytes, cf.Report]:
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    app["values"]["basic.area"] = "12.505"
    app["values"]["industry.leading_cagr"] = "11.05"
    app["values"]["basic.operator_contact.name"] = ""
    app["values"]["industry.chain_work"][0] = "chain_map"  # no evidence: a warning
    data = RENDERER.render(spec, app)
    report = cf.validate(spec, read_xlsx(data))
    return spec, data, report


def test_annotate_marks_cells_and_lists_problems(tmp_path: Path) -> None:
    spec, data, report = _annotatable()
    assert {f.code for f in report.findings} >= {
        "decimals",
        "formula_mismatch",
        "required",
        "evidence_missing",
    }
    out = tmp_path / "annotated.xlsx"
    annotate_xlsx(data, report, out)
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames[0] == "问题清单"
    problems = workbook["问题清单"]
    rows = list(problems.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(report.findings)
    where = cell_map(workbook)
    sheet, cell = where["basic.area", None, ""]
    target = workbook[sheet][cell]
    assert target.fill.fgColor.rgb.endswith("FFC7CE")
    assert "小数点后2位" in target.comment.text
    sheet, cell = where["industry.chain_work", None, "chain_map/evidence"]
    assert workbook[sheet][cell].fill.fgColor.rgb.endswith("FFEB9C")
    links = [c.hyperlink.location for c in problems["D"] if c.hyperlink is not None]
    assert f"'{where['basic.area', None, ''][0]}'!{where['basic.area', None, ''][1]}" in links
    assert read_xlsx(out) == read_xlsx(data)
    again = annotate_xlsx(out, cf.Report(spec=spec.id))
    workbook = load(again)
    assert list(workbook["问题清单"].iter_rows(min_row=4, values_only=True)) == []
    sheet, cell = where["basic.area", None, ""]
    assert workbook[sheet][cell].comment is None
    assert workbook[sheet][cell].fill.fgColor.rgb.endswith("FFF2CC")


def test_annotate_lists_findings_without_a_cell() -> None:
    spec = cf.load_spec("national-2023")
    data = RENDERER.render(spec, example("national-2023"))
    report = cf.validate(spec, cf.load_application(EXAMPLES / "national-2023.broken.json"))
    workbook = load(annotate_xlsx(data, report))
    rows = list(workbook["问题清单"].iter_rows(min_row=4, values_only=True))
    unknown = next(r for r in rows if str(r[5]).startswith("unknown_field\n"))
    assert unknown[3] == "（表内无对应单元格）"
    with pytest.raises(ReadError, match="report is for spec"):
        annotate_xlsx(data, cf.Report(spec="jiangsu-2024"))


# ------------------------------------------------------------------ command line and imports


def test_extract_writes_the_application(
    tmp_path: Path, filled: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "filled.xlsx"
    workbook.write_bytes(filled["national-2023"])
    out = tmp_path / "app.json"
    assert main(["extract", str(workbook), "-o", str(out)]) == 0
    document = cf.load_application(out)
    spec = cf.load_spec("national-2023")
    assert canonical(spec, document) == canonical(spec, example("national-2023"))
    assert main(["extract", str(workbook)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["values"]["basic.area"] == "12.50"
    assert printed["values"]["industry.enterprises"]["2020"] == 312


def test_extract_refuses_a_non_workbook_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "not.xlsx"
    bad.write_text("hello", encoding="utf-8")
    assert main(["extract", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not an xlsx" in err
    assert "Traceback" not in err


def test_cli_validate_helpers(tmp_path: Path, filled: dict[str, bytes]) -> None:
    from clusterforms.cli import extract  # noqa: PLC0415

    workbook = tmp_path / "filled.xlsx"
    workbook.write_bytes(filled["national-2023"])
    assert extract.is_readable(workbook)
    reading = extract.read_filled(workbook)
    spec = cf.load_spec("national-2023")
    assert reading.spec.id == spec.id
    report = cf.validate(spec, reading.document)
    assert report.ok, report.errors
    out = tmp_path / "out.xlsx"
    extract.annotate(workbook, report, out)
    assert openpyxl.load_workbook(out).sheetnames[0] == "问题清单"


def test_importing_clusterforms_does_not_import_openpyxl() -> None:
    code = (
        "import sys, clusterforms, clusterforms.cli.extract, "
        "clusterforms_renderers.xlsx; "
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported'; "
        "assert 'defusedxml' not in sys.modules, 'defusedxml imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ------------------------------------------------------------------ LibreOffice


def _convert(tmp_path: Path, name: str, data: bytes) -> Path:
    source = tmp_path / f"{name}.xlsx"
    source.write_bytes(data)
    (pdf,) = office.convert(source, "pdf", tmp_path)
    assert pdf.stat().st_size > 10_000
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def _pdf_text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        return ""
    return subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


@pytest.mark.parametrize("spec_id", SPECS)
def test_libreoffice_converts_blank_and_filled(
    spec_id: str, tmp_path: Path, blanks: dict[str, bytes], filled: dict[str, bytes]
) -> None:
    blank_pdf = _convert(tmp_path, f"{spec_id}-blank", blanks[spec_id])
    filled_pdf = _convert(tmp_path, f"{spec_id}-filled", filled[spec_id])
    text = _pdf_text(blank_pdf)
    if text:
        assert cf.load_spec(spec_id).sections[0].title in text
    text = _pdf_text(filled_pdf)
    if text and spec_id == "national-2023":
        # LibreOffice evaluates the check formulas: the reported 114.75 and its recomputation.
        assert text.count("114.75") >= 2


def test_a_workbook_saved_again_by_libreoffice_reads_back(
    tmp_path: Path, filled: dict[str, bytes]
) -> None:
    """A real client rewrites the file (shared strings, its own XML); the values survive."""
    source = tmp_path / "filled.xlsx"
    source.write_bytes(filled["national-2023"])
    (resaved,) = office.convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path / "resaved")
    assert resaved.read_bytes() != filled["national-2023"]
    spec = cf.load_spec("national-2023")
    assert read_xlsx(resaved) == canonical(spec, example("national-2023"))


def test_attachments_sheet_is_where_attachments_go(filled: dict[str, bytes]) -> None:
    workbook = load(filled["national-2023"])
    where = cell_map(workbook)
    sheet, cell = where[ATTACHMENTS, None, "1/id"]
    assert sheet == "佐证材料清单"
    assert workbook[sheet][cell].value == "A1"
