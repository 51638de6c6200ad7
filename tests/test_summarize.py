"""``clusterforms summarize``: many applications into the 推荐集群汇总表, as Excel and Word."""

from __future__ import annotations

import copy
import gc
import io
import json
import re
import weakref
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms import Summary, Unreadable, summarize, summary_document
from clusterforms.cli import main
from clusterforms.cli.summarize import _sources
from clusterforms.summarize.intro import compose_intro, narrative_start
from clusterforms.summarize.rows import leading_industry, location
from clusterforms.validation.cells import count_chars
from tests.test_patch import replace_item

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FORMS = ("national-2023", "jiangsu-2024", "guangxi-2025", "shanghai-2023")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SUMMARY = cf.load_spec("summary-2023")

#: What each example's row says (集群简介 aside), in the order the files are given.
EXPECTED = [
    {
        "cluster_name": "四川省成都市郫都区川菜调味品产业",
        "operator": "成都郫都川味调味品产业园运营管理有限公司",
        "location": "成都市郫都区",
        "leading_industry": "川菜调味品",
        "founded": "2012年",
    },
    {
        "cluster_name": "常州市武进区微特电机产业",
        "operator": "常州武进智能电机产业园运营管理有限公司",
        "location": "常州市武进区",
        "leading_industry": "微特电机",
        "founded": "2008年",
    },
    {
        "cluster_name": "广西柳州市柳江区汽车零部件产业",
        "operator": "柳州柳江汽车零部件产业园运营管理有限公司",
        "location": "柳州市柳江区",
        "leading_industry": "汽车零部件",
        "founded": "2016年",
    },
    {
        "cluster_name": "上海市闵行区智能终端产业",
        "operator": "上海闵行智能终端产业园发展有限公司",
        "location": "闵行区",
        "leading_industry": "智能终端",
        "founded": "2014年",
    },
]


def example(name: str) -> Any:
    return cf.load_application(EXAMPLES / f"{name}.json")


def files(*names: str) -> list[str]:
    return [str(EXAMPLES / f"{name}.json") for name in names]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["summarize", *argv])
    return code, capsys.readouterr().err


def docx_texts(data: bytes) -> list[str]:
    body = docx.Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


# ------------------------------------------------------------ the four examples


def test_four_examples_make_a_correct_excel_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "汇总表.xlsx"
    code, err = run(capsys, *files(*FORMS), "-o", str(out), "--intro-from-data")
    assert code == 0, err
    assert "4 clusters in the table" in err
    back = cf.read_xlsx(out)
    assert back["spec"] == "summary-2023"
    rows = back["values"]["summary.clusters"]
    assert [r["seq"] for r in rows] == [1, 2, 3, 4]
    for row, expected in zip(rows, EXPECTED, strict=True):
        assert {k: row[k] for k in expected} == expected
        assert 0 < count_chars(row["intro"]) <= 300
    assert rows[0]["intro"].startswith("集群围绕豆瓣酱")
    assert "2022年，集群总产值64.12亿元，中小企业343家" in rows[0]["intro"]
    assert "2024年，集群总产值86.37亿元" in rows[2]["intro"]  # Guangxi's latest year
    assert "rejected.applications" not in back["values"]
    assert cf.validate(SUMMARY, back).ok


def test_four_examples_make_a_correct_landscape_word_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "汇总表.docx"
    code, err = run(capsys, *files(*FORMS), "-o", str(out), "--intro-from-data")
    assert code == 0, err
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert document.sections[0].orientation == 1  # WD_ORIENT.LANDSCAPE
    assert document.sections[0].page_width > document.sections[0].page_height
    table = document.tables[0]
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert [c.text for c in table.rows[0].cells] == [c.label for c in _table_columns()]
    assert len(table.rows) == 1 + len(EXPECTED)
    for n, (row, expected) in enumerate(zip(table.rows[1:], EXPECTED, strict=True), start=1):
        cells = [c.text for c in row.cells]
        assert cells[:6] == [str(n), *(expected[k] for k in list(expected)[:5])]
        assert count_chars(cells[6]) <= 300
    texts = docx_texts(out.read_bytes())
    assert texts[:2] == ["附件2", "推荐集群汇总表"]


def _table_columns() -> tuple[cf.RosterColumn, ...]:
    table = SUMMARY.find("summary.clusters")
    assert isinstance(table, cf.RosterItem)
    return table.columns


def test_filled_workbooks_are_read_like_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "郫都.xlsx"
    national = cf.load_spec("national-2023")
    workbook.write_bytes(cf.render(national, "xlsx", example("national-2023")))
    from_json, from_xlsx = tmp_path / "a.json", tmp_path / "b.json"
    assert run(capsys, *files("national-2023"), "-o", str(from_json), "--intro-from-data")[0] == 0
    assert run(capsys, str(workbook), "-o", str(from_xlsx), "--intro-from-data")[0] == 0
    assert json.loads(from_json.read_text()) == json.loads(from_xlsx.read_text())


def test_the_summary_example_is_what_summarize_makes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.json"
    names = (*FORMS, "national-2023.broken")
    code, _ = run(capsys, *files(*names), "-o", str(out), "--intro-from-data")
    assert code == 1
    made = json.loads(out.read_text(encoding="utf-8"))["values"]
    shipped = json.loads((EXAMPLES / "summary-2023.json").read_text(encoding="utf-8"))["values"]
    assert made == shipped


# ------------------------------------------------------------ bad inputs


def test_bad_inputs_are_listed_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken_json = tmp_path / "坏.json"
    broken_json.write_text('{"spec": "national-2023", "values": {', encoding="utf-8")
    hostile = tmp_path / "hostile.xlsx"
    hostile.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    text_as_xlsx = tmp_path / "notes.xlsx"
    text_as_xlsx.write_text("这不是工作簿", encoding="utf-8")
    missing = tmp_path / "missing.json"
    not_a_form = tmp_path / "list.json"
    not_a_form.write_text("[1, 2]", encoding="utf-8")
    out = tmp_path / "汇总表.xlsx"
    inputs = [
        *files("national-2023"),
        str(broken_json),
        *files("national-2023.broken"),
        str(hostile),
        str(text_as_xlsx),
        str(missing),
        str(not_a_form),
        *files("shanghai-2023"),
    ]
    report = tmp_path / "report.json"
    code, err = run(capsys, *inputs, "-o", str(out), "--intro-from-data", "--report", str(report))
    assert code == 1
    assert "2 clusters in the table, 6 applications left out" in err
    for path in (broken_json, hostile, text_as_xlsx, missing, not_a_form):
        assert f"left out: {path}" in err
    assert "national-2023.broken.json: 11 errors" in err
    assert "Traceback" not in err
    values = cf.read_xlsx(out)["values"]
    assert [r["cluster_name"] for r in values["summary.clusters"]] == [
        EXPECTED[0]["cluster_name"],
        EXPECTED[3]["cluster_name"],
    ]
    assert set(values) == {"summary.clusters"}  # the official table only
    left_out = json.loads(report.read_text(encoding="utf-8"))["left_out"]
    assert [r["file"] for r in left_out] == inputs[1:-1]
    broken = left_out[1]
    assert broken["errors"] == 11
    assert broken["cluster_name"] == EXPECTED[0]["cluster_name"]
    assert [r["errors"] for r in left_out if r is not broken] == [None] * 5
    assert "invalid JSON" in left_out[0]["problem"]


def test_the_word_table_holds_only_the_official_annex(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "汇总表.docx"
    code, err = run(capsys, *files("jiangsu-2024", "national-2023.broken"), "-o", str(out))
    assert code == 1
    assert "national-2023.broken.json: 11 errors" in err
    texts = docx_texts(out.read_bytes())
    assert "未纳入汇总的申报" not in texts
    assert not any("clusterforms" in t or "national-2023.broken" in t for t in texts)
    assert [t for t in texts if t][:2] == ["附件2", "推荐集群汇总表"]


def test_nothing_readable_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    out = tmp_path / "汇总表.xlsx"
    code, err = run(capsys, str(bad), str(tmp_path / "missing.xlsx"), "-o", str(out))
    assert code == 2
    assert "no application could be read" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("no/such/folder/汇总表.xlsx", "does not exist"),
        ("汇总表.txt", "write the table as .xlsx or .docx"),
        ("a-folder.xlsx", "cannot be written"),
    ],
)
def test_unwritable_output_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    (tmp_path / "a-folder.xlsx").mkdir()
    code, err = run(capsys, *files("national-2023"), "-o", str(tmp_path / output))
    assert code == 2
    assert message in err
    assert not list(tmp_path.glob("*.tmp"))
    assert not list(tmp_path.glob(".*.tmp"))


def test_unknown_summary_spec_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    code, err = run(capsys, *files("national-2023"), "-o", str(out), "--spec", "national-2023")
    assert code == 2
    assert "has no roster 'summary.clusters'" in err


def test_unknown_sort_column_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["summarize", *files("national-2023"), "-o", str(tmp_path / "x.xlsx"), "--sort", "x"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# ------------------------------------------------------------ order


def test_sort_by_a_column_and_stable_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.json"
    names = ("shanghai-2023", "national-2023", "guangxi-2025", "jiangsu-2024")
    assert run(capsys, *files(*names), "-o", str(out), "--sort", "location")[0] == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["values"]["summary.clusters"]
    # GB18030 order is pinyin order for common characters: chang, cheng, liu, min.
    assert [r["location"] for r in rows] == [
        "常州市武进区",
        "成都市郫都区",
        "柳州市柳江区",
        "闵行区",
    ]
    assert [r["seq"] for r in rows] == [1, 2, 3, 4]
    assert run(capsys, *files(*names), "-o", str(out))[0] == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["values"]["summary.clusters"]
    assert [r["location"] for r in rows] == [
        "闵行区",
        "成都市郫都区",
        "柳州市柳江区",
        "常州市武进区",
    ]


def test_sort_keeps_ties_in_the_order_given() -> None:
    app = example("national-2023")
    names = ["第三", "第一", "第二"]
    sources = []
    for name in names:
        doc = copy.deepcopy(app)
        doc["values"]["cover.cluster_name"] = name
        sources.append((name, doc))
    summary = summarize(sources, intro_from_data=True)
    rows = summary_document(SUMMARY, summary, sort="founded")["values"]["summary.clusters"]
    assert [r["cluster_name"] for r in rows] == names  # one founding year: as given


# ------------------------------------------------------------ 集群简介


def test_intro_from_meta_is_used_and_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = example("national-2023")
    app["meta"]["intro"] = "集群以豆瓣酱为主导产品。"
    short = tmp_path / "short.json"
    short.write_text(json.dumps(app, ensure_ascii=False, default=str), encoding="utf-8")
    app["meta"]["intro"] = "长" * 301
    long = tmp_path / "long.json"
    long.write_text(json.dumps(app, ensure_ascii=False, default=str), encoding="utf-8")
    out = tmp_path / "s.json"
    code, err = run(capsys, str(short), str(long), *files("jiangsu-2024"), "-o", str(out))
    assert code == 1
    values = json.loads(out.read_text(encoding="utf-8"))["values"]
    rows = values["summary.clusters"]
    assert rows[0]["intro"] == "集群以豆瓣酱为主导产品。"
    assert "intro" not in rows[1]  # Jiangsu's example has no meta.intro: left blank
    assert "no intro" not in err
    assert "没有集群简介（meta.intro）" in err
    assert "long.json: 1 error (first: 集群简介（meta.intro）限300字以内，填写了301字)" in err


def test_the_same_cluster_twice_is_noted() -> None:
    app = example("national-2023")
    summary = summarize([("a.json", app), ("b.xlsx", app)], intro_from_data=True)
    assert len(summary.entries) == 2
    assert summary.notes == [
        "b.xlsx: 集群名称“四川省成都市郫都区川菜调味品产业”与 a.json 相同（重复申报？）"
    ]


def test_a_spaced_out_intro_is_counted_like_the_validator() -> None:
    app = example("national-2023")
    app["meta"]["intro"] = "字 " * 300 + "\n"
    summary = summarize([("a", app)])
    assert len(summary.entries) == 1  # whitespace does not count towards 300字


def test_composed_intros_of_the_examples_use_their_latest_year() -> None:
    for spec_id in FORMS:
        spec = cf.load_spec(spec_id)
        intro = compose_intro(spec, example(spec_id))
        assert count_chars(intro) <= 300
        assert f"{spec.data_years[-1]}年，集群总产值" in intro
        assert "万人发明专利拥有量" in intro


def test_missing_figures_are_left_out_not_invented() -> None:
    app = example("national-2023")
    values = app["values"]
    del values["industry.smes"]
    values["industry.little_giants"] = {"2020": 1, "2021": 2}  # no 2022 figure
    values["innovation.standards"]["2021"].pop("industry")
    del values["innovation.patents_per_10k"]
    intro = compose_intro(cf.load_spec("national-2023"), app)
    assert "中小企业343家" not in intro
    assert "小巨人" not in intro
    assert "标准" not in intro
    assert "万人" not in intro
    assert "2022年，集群总产值64.12亿元，专精特新中小企业31家、制造业单项冠军企业1家。" in intro
    assert "中小企业有效发明专利214件。" in intro


def test_narrative_is_cut_at_a_sentence_or_with_an_ellipsis() -> None:
    text = "第一句讲产业链。第二句讲协同；第三句很长很长很长很长。"
    assert narrative_start(text, 100) == text
    assert narrative_start(text, 15) == "第一句讲产业链。第二句讲协同。"
    assert narrative_start(text, 7) == "第一句讲产业…"
    assert narrative_start("配套率由58%提升至71%", 8) == "配套率由…"  # never half a figure
    assert narrative_start("无", 100) == ""
    assert narrative_start("增长12\n2021年起", 100) == "增长12 2021年起。"  # figures stay apart
    assert narrative_start("第一段。\n第二段", 100) == "第一段。第二段。"
    assert narrative_start(None, 100) == ""


def test_location_and_leading_industry_are_derived_never_guessed() -> None:
    assert location("四川省成都市郫都区") == "成都市郫都区"
    assert location("广西壮族自治区柳州市柳江区") == "柳州市柳江区"
    assert location("闵行区") == "闵行区"
    assert (
        leading_industry("四川省成都市郫都区川菜调味品产业", "四川省成都市郫都区") == "川菜调味品"
    )
    assert leading_industry("广西柳州市柳江区汽车零部件产业", "柳州市柳江区") == "汽车零部件"
    assert leading_industry("某某智能装备产业集群", "成都市") == ""  # region not in the name


NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
NARRATIVE = st.text(
    alphabet=st.sampled_from("集群产业链强链补链协同创新0123456789.%，、；。！？ \n（）"),
    max_size=900,
)


def _numbers(node: Any) -> set[Decimal]:
    if isinstance(node, dict):
        return set().union(*(_numbers(v) for v in node.values()), *(_numbers(k) for k in node))
    if isinstance(node, list):
        return set().union(*(_numbers(v) for v in node))
    if isinstance(node, Decimal | int) and not isinstance(node, bool):
        return {Decimal(node)}
    if isinstance(node, str) and re.fullmatch(r"\s*-?[0-9]+(?:\.[0-9]+)?\s*", node):
        return {Decimal(node.strip())}
    return set()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    output=st.decimals(min_value=0, max_value=10**12, places=2),
    counts=st.lists(st.integers(0, 10**9), min_size=4, max_size=4),
    leads=st.lists(st.integers(0, 500), min_size=6, max_size=6),
    per_10k=st.decimals(min_value=0, max_value=10**6, places=2) | st.none(),
    narrative=NARRATIVE,
    limit=st.sampled_from([300, 300, 120, 60]),
)
def test_composed_intro_fits_and_only_states_real_figures(  # noqa: PLR0917
    output: Decimal,
    counts: list[int],
    leads: list[int],
    per_10k: Decimal | None,
    narrative: str,
    limit: int,
) -> None:
    spec = cf.load_spec("national-2023")
    app = example("national-2023")
    values = app["values"]
    values["industry.total_output"]["2022"] = output
    for field, count in zip(
        ("industry.smes", "industry.specialized_smes", "industry.little_giants"),
        counts,
        strict=False,
    ):
        values[field]["2022"] = Decimal(count)
    values["innovation.patents"] = Decimal(counts[3])
    for (year, category), led in zip(
        [(y, c) for y in ("2020", "2021", "2022") for c in ("national", "industry")],
        leads,
        strict=True,
    ):
        values["innovation.standards"][year][category]["lead"] = Decimal(led)
    if per_10k is None:
        del values["innovation.patents_per_10k"]
    else:
        values["innovation.patents_per_10k"] = per_10k
    values["industry.chain_narrative"] = narrative
    intro = compose_intro(spec, app, limit)
    assert count_chars(intro) <= limit
    real = _numbers(values) | {Decimal(sum(leads)), Decimal(2022)}
    narrative_tokens = set(NUMBER.findall(narrative))  # whitespace keeps figures apart
    for token in NUMBER.findall(intro):
        assert token in narrative_tokens or Decimal(token) in real, (token, intro)
    if limit == 300 and count_chars(intro) < 200:  # all seven clauses fit
        assert f"集群总产值{format(output, 'f')}亿元" in intro
        assert f"国家和行业标准{sum(leads)}项" in intro


# ------------------------------------------------------------ streaming


class _Doc(dict[str, Any]):
    """A document that can be watched with a weak reference."""


def test_documents_are_not_kept_while_summarising() -> None:
    base = example("national-2023")
    alive: list[weakref.ref[_Doc]] = []

    def sources() -> Iterator[tuple[str, Any]]:
        for n in range(30):
            gc.collect()
            assert sum(ref() is not None for ref in alive) <= 1, "documents are being kept"
            doc = _Doc(copy.deepcopy(base))
            doc["values"]["cover.cluster_name"] = f"集群{n}"
            alive.append(weakref.ref(doc))
            yield f"app{n}.json", doc
            del doc

    summary = summarize(sources(), intro_from_data=True)
    assert len(summary.entries) == 30


def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [EXAMPLES / "national-2023.json", EXAMPLES / "jiangsu-2024.json"]
    assert len(list(_sources(paths))) == 2
    assert capsys.readouterr().err == ""
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert [name for name, _ in _sources(paths)] == [str(p) for p in paths]
    assert "2/2" in capsys.readouterr().err


def test_unreadable_sources_and_odd_documents_become_left_out_rows() -> None:
    summary = summarize(
        [
            ("a", Unreadable(problem="a: invalid JSON")),
            ("b", [1, 2]),
            ("c", {"spec": "no-such-spec", "values": {}}),
            ("d", {"spec": "summary-2023", "values": {}}),
        ]
    )
    assert summary.entries == []
    assert [r.source for r in summary.rejected] == ["a", "b", "c", "d"]
    assert summary.rejected[3].errors == 2  # summary.clusters is required; no 集群名称
    document = summary_document(SUMMARY, summary)
    assert document["values"] == {"summary.clusters": []}


def test_an_empty_summary_renders() -> None:
    document = summary_document(SUMMARY, Summary())
    assert cf.render(SUMMARY, "docx", document)[:2] == b"PK"
    assert cf.render(SUMMARY, "xlsx", document)[:2] == b"PK"


# ------------------------------------------------------------ the roster kind elsewhere


def _variant(**changes: Any) -> cf.FormSpec:
    """summary-2023 with its table's columns changed."""
    table = SUMMARY.find("summary.clusters")
    assert isinstance(table, cf.RosterItem)
    return replace_item(SUMMARY, table.id, attrs.evolve(table, **changes))


def test_diff_classes_column_changes_and_patch_rebuilds() -> None:
    columns = _table_columns()
    tighter = attrs.evolve(columns[-1], max_chars=200)
    new = _variant(columns=(*columns[:5], tighter, cf.RosterColumn(id="remark", label="备注")))
    new = attrs.evolve(
        new, sections=(attrs.evolve(new.sections[0], orientation="portrait"), *new.sections[1:])
    )
    d = cf.diff(SUMMARY, new)
    found = {(c.code, c.impact, c.subject) for c in d.changes}
    assert ("column_removed", "breaking", "summary.clusters[founded]") in found
    assert ("column_added", "additive", "summary.clusters[remark]") in found
    assert ("max_chars_changed", "breaking", "summary.clusters[intro]") in found
    assert ("layout_changed", "wording", "summary") in found
    assert cf.patch(SUMMARY, d) == new


def test_migrating_a_summary_drops_cells_of_removed_columns() -> None:
    columns = tuple(c for c in _table_columns() if c.id != "founded")
    new = _variant(columns=columns)
    draft, report = cf.migrate(example("summary-2023"), new, from_spec=SUMMARY)
    rows = draft["values"]["summary.clusters"]
    assert all("founded" not in row for row in rows)
    assert [r["cluster_name"] for r in rows] == [e["cluster_name"] for e in EXPECTED]
    dropped = [e for e in report.entries if e.field == "summary.clusters"]
    assert [e.option for e in dropped] == ["1/founded", "2/founded", "3/founded", "4/founded"]


def test_annotating_a_summary_workbook_marks_the_cell(tmp_path: Path) -> None:
    broken = example("summary-2023.broken")
    del broken["values"]["summary.contact"]  # no cell for it: would not render
    broken["values"]["summary.clusters"][1].pop("remark")
    workbook = cf.render(SUMMARY, "xlsx", broken)
    report = cf.validate(SUMMARY, cf.read_xlsx(workbook))
    assert [(f.code, f.location) for f in report.findings] == [
        ("too_long", "summary.clusters.1/intro")
    ]
    out = tmp_path / "标注.xlsx"
    cf.annotate_xlsx(workbook, report, out)
    book = openpyxl.load_workbook(out)
    marked = [
        (ws.title, c.coordinate)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.comment is not None
    ]
    assert len(marked) == 1
    sheet, ref = marked[0]
    assert book[sheet][ref].value == broken["values"]["summary.clusters"][0]["intro"]
