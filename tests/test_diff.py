"""diff(a, b): typed changes, their classes, the year shift, label matching and the reports."""

from __future__ import annotations

import io
import itertools
import json
import re
from decimal import Decimal
from html.parser import HTMLParser

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms import Change, DiffFormatError, SpecDiff, diff, diff_report, item_matrix
from clusterforms.diff.match import ids_aligned
from clusterforms.diff.text import char_segments, normalise_label, similarity
from tests.test_patch import edit_items, replace_item

SPEC_IDS = cf.list_specs()
PAIRS = list(itertools.permutations(SPEC_IDS, 2))


@pytest.fixture(scope="module")
def national() -> cf.FormSpec:
    return cf.load_spec("national-2023")


@pytest.fixture(scope="module")
def guangxi() -> cf.FormSpec:
    return cf.load_spec("guangxi-2025")


@pytest.fixture(scope="module")
def n2g(national: cf.FormSpec, guangxi: cf.FormSpec) -> SpecDiff:
    return diff(national, guangxi)


def changes_of(d: SpecDiff, subject: str, code: str | None = None) -> list[Change]:
    return [c for c in d.changes if c.subject == subject and (code is None or c.code == code)]


def only_change(d: SpecDiff, subject: str, code: str) -> Change:
    found = changes_of(d, subject, code)
    assert len(found) == 1, [c.code for c in changes_of(d, subject)]
    return found[0]


# --------------------------------------------------- national → guangxi
def test_year_window_shift_is_reported_once(n2g: SpecDiff) -> None:
    shifts = [c for c in n2g.changes if c.code == "years_shifted"]
    assert len(shifts) == 1
    shift = shifts[0]
    assert shift.impact == "breaking"
    assert "2020–2022" in (shift.old or "")
    assert "2022–2024" in (shift.new or "")
    assert "2022→2025" in (shift.old or "")
    assert "2024→2027" in (shift.new or "")
    assert any("declaration year 2023 → 2025" in d for d in shift.details)
    # 未注明填报年度的，请填写截止到2022年底的数据 → …2024年底: folded into the shift
    assert any("instructions[6]" in d for d in shift.details)
    assert not changes_of(n2g, "instructions[6]")


def test_no_per_year_item_reports_the_shift(n2g: SpecDiff) -> None:
    for change in n2g.changes:
        if change.code != "years_shifted":
            assert not (change.old or "").startswith("data years")
    yearly = [c for c in n2g.changes if c.subject == "industry.total_output"]
    assert yearly == []


def test_unaffected_paragraph_with_another_year_is_not_changed(n2g: SpecDiff) -> None:
    # instruction 9 cites 财税〔2015〕119号: not a form year, and the text is unchanged
    assert not changes_of(n2g, "instructions[9]")


def test_opposite_questions_are_added_and_removed_not_paired(n2g: SpecDiff) -> None:
    assert not n2g.label_matching
    added = only_change(n2g, "basic.restricted", "item_added")
    removed = only_change(n2g, "basic.not_restricted", "item_removed")
    assert added.impact == removed.impact == "breaking"


def test_kind_change_is_breaking(n2g: SpecDiff) -> None:
    change = only_change(n2g, "industry.innovative_smes", "kind_changed")
    assert (change.old, change.new, change.impact) == ("count", "yearly", "breaking")
    assert only_change(n2g, "green.system", "kind_changed").old == "counts"


def test_label_change_carries_a_character_diff(n2g: SpecDiff) -> None:
    change = only_change(n2g, "basic.energy_efficiency", "label_changed")
    assert change.impact == "wording"
    assert change.old == "属于高耗能行业的集群，能效水平高于行业基准值"
    assert change.new == "属于高耗能行业的集群，能效水平是否达到行业基准值"
    assert "".join(s.old for s in change.segments) == change.old
    assert "".join(s.new for s in change.segments) == change.new
    replaced = [(s.old, s.new) for s in change.segments if s.op != "equal"]
    assert replaced == [("高于", "是否达到")]


def test_target_rule_change_from_about_45_to_industry_average(n2g: SpecDiff) -> None:
    change = only_change(n2g, "plan.rules.iip_penetration", "target_rule_changed")
    assert change.impact == "breaking"
    assert change.group == "plan"
    assert "工业互联网普及率达到45%左右" in (change.old or "")
    assert "about_value 45" in (change.old or "")
    assert "不低于行业平均水平" in (change.new or "")
    assert "not_below_average" in (change.new or "")


def test_wording_only_rule_change_is_wording(n2g: SpecDiff) -> None:
    change = only_change(n2g, "plan.rules.output_growth", "target_rule_changed")
    assert change.impact == "wording"


def test_option_needing_explanation_is_breaking(n2g: SpecDiff) -> None:
    relabel = only_change(n2g, "basic.major_accident[yes]", "option_relabelled")
    assert (relabel.old, relabel.new, relabel.impact) == ("是", "是（需附情况说明）", "wording")
    assert only_change(n2g, "basic.major_accident[yes]", "option_changed").impact == "breaking"


def test_new_required_items_are_breaking_and_listed_under_their_section(n2g: SpecDiff) -> None:
    change = only_change(n2g, "industry.fdi", "item_added")
    assert change.impact == "breaking"
    assert change.group == "industry"


def test_appendix_and_rules_and_criteria(n2g: SpecDiff) -> None:
    assert only_change(n2g, "summary", "appendix_removed").group == "#appendices"
    # a rule over new fields only comes with them; one over old fields can fail old data
    assert only_change(n2g, "industry.fdi_growth_formula", "rule_added").impact == "additive"
    assert (
        only_change(n2g, "innovation.patents_per_10k_formula", "rule_changed").impact == "breaking"
    )
    assert only_change(n2g, "compliance.industry", "criterion_changed").impact == "breaking"


def test_declaration_text_change(n2g: SpecDiff) -> None:
    change = only_change(n2g, "declaration.recommendation", "text_changed")
    assert change.attribute == "title"
    assert (change.old, change.new) == (
        "省级中小企业主管部门推荐意见",
        "市级中小企业主管部门推荐意见",
    )


def test_counts_and_groups_in_report_order(n2g: SpecDiff) -> None:
    counts = n2g.counts()
    assert (
        counts["total"]
        == len(n2g.changes)
        == sum(counts[i] for i in ("breaking", "additive", "wording"))
    )
    groups = [g for g, _, _ in n2g.groups()]
    assert groups[0] == "#form"
    assert groups.index("basic") < groups.index("industry") < groups.index("#rules")
    assert groups[-1] == "#appendices"


def test_item_moved_between_sections_is_reported_as_a_move() -> None:
    d = diff(cf.load_spec("guangxi-2025"), cf.load_spec("shanghai-2023"))
    move = only_change(d, "industry.fdi_growth", "item_moved")
    assert (move.attribute, move.old, move.new) == ("section", "industry", "open")
    assert move.group == "open"
    assert move.impact == "wording"
    assert not changes_of(d, "industry.fdi_growth", "item_added")


# ------------------------------------------------------- classification
def _one(a: cf.FormSpec, b: cf.FormSpec) -> list[tuple[str, str]]:
    return [(c.code, c.impact) for c in diff(a, b).changes]


def test_unit_change_is_breaking(guangxi: cf.FormSpec) -> None:
    item = guangxi.find("industry.total_output")
    b = replace_item(guangxi, item.id, attrs.evolve(item, unit="万元"))
    assert _one(guangxi, b) == [("unit_changed", "breaking")]


def test_limits_tighter_is_breaking_looser_is_additive(guangxi: cf.FormSpec) -> None:
    item = guangxi.find("industry.chain_narrative")
    assert isinstance(item, cf.NarrativeItem)
    assert item.max_chars is not None
    tighter = replace_item(guangxi, item.id, attrs.evolve(item, max_chars=item.max_chars - 50))
    looser = replace_item(guangxi, item.id, attrs.evolve(item, max_chars=None))
    assert _one(guangxi, tighter) == [("max_chars_changed", "breaking")]
    assert _one(guangxi, looser) == [("max_chars_changed", "additive")]
    optional = replace_item(guangxi, item.id, attrs.evolve(item, required=False))
    assert _one(guangxi, optional) == [("required_changed", "additive")]
    assert _one(optional, guangxi) == [("required_changed", "breaking")]


def test_decimals_and_range(guangxi: cf.FormSpec) -> None:
    item = guangxi.find("basic.area")
    assert isinstance(item, cf.NumberItem)
    fewer = replace_item(guangxi, item.id, attrs.evolve(item, decimals=1, maximum=Decimal(100)))
    assert sorted(_one(guangxi, fewer)) == [
        ("decimals_changed", "breaking"),
        ("range_changed", "breaking"),
    ]
    assert sorted(_one(fewer, guangxi)) == [
        ("decimals_changed", "additive"),
        ("range_changed", "additive"),
    ]
    takes_none = replace_item(guangxi, item.id, attrs.evolve(item, allows_none=True))
    assert _one(guangxi, takes_none) == [("none_changed", "additive")]
    assert _one(takes_none, guangxi) == [("none_changed", "breaking")]


def test_options_added_removed_relabelled_reordered(national: cf.FormSpec) -> None:
    item = national.find("basic.industry_type")
    assert isinstance(item, cf.ChoiceItem)
    primary, secondary, tertiary = item.options
    cases = {
        (secondary, tertiary): [("option_removed", "breaking")],
        (*item.options, cf.Option(id="fourth", label="第四产业")): [("option_added", "additive")],
        (attrs.evolve(primary, label="一产"), secondary, tertiary): [
            ("option_relabelled", "wording")
        ],
        (tertiary, primary, secondary): [("options_reordered", "wording")],
    }
    for options, expected in cases.items():
        b = replace_item(national, item.id, attrs.evolve(item, options=options))
        assert _one(national, b) == expected


def test_checklist_evidence_requirement(national: cf.FormSpec) -> None:
    item = national.find("industry.chain_work")
    assert isinstance(item, cf.ChecklistItem)
    b = replace_item(national, item.id, attrs.evolve(item, evidence=not item.evidence))
    code, impact = _one(national, b)[0]
    assert code == "evidence_changed"
    assert impact == ("breaking" if not item.evidence else "additive")


def test_optional_item_added_is_additive_layout_is_wording(national: cf.FormSpec) -> None:
    section = national.sections[0]
    extra = (
        cf.TextItem(id="basic.website", label="集群网站", required=False),
        cf.StaticItem(id="basic.hint", lines=("（说明）",), style="note"),
    )
    b = attrs.evolve(
        national,
        sections=(attrs.evolve(section, items=section.items + extra), *national.sections[1:]),
    )
    assert _one(national, b) == [("item_added", "additive"), ("item_added", "wording")]


def test_section_retitled_moved_removed(national: cf.FormSpec) -> None:
    sections = list(national.sections)
    sections[1] = attrs.evolve(sections[1], title="二、主导产业")
    b = attrs.evolve(national, sections=tuple(sections))
    assert _one(national, b) == [("section_retitled", "wording")]
    swapped = attrs.evolve(national, sections=(sections[1], sections[0], *sections[2:]))
    codes = [c.code for c in diff(national, swapped).changes]
    assert codes.count("section_moved") == 1
    dropped = attrs.evolve(national, sections=national.sections[:-1])
    change = next(c for c in diff(national, dropped).changes if c.code == "section_removed")
    assert change.subject == "declaration"


def test_years_shift_without_text_changes(national: cf.FormSpec) -> None:
    b = attrs.evolve(national, data_years=(2021, 2022, 2023), baseline_year=2023, target_year=2026)
    d = diff(national, b)
    assert [c.code for c in d.changes if c.code != "instruction_changed"] == ["years_shifted"]


# ------------------------------------------------------- label matching
def _renamed(spec: cf.FormSpec) -> cf.FormSpec:
    """The spec as someone might write it without the id catalogue."""

    def rename(item: cf.Item) -> cf.Item:
        if isinstance(item, cf.PairItem):
            fields = tuple(attrs.evolve(f, id="z" + f.id) for f in item.fields)
            return attrs.evolve(item, id="z" + item.id, fields=fields)
        if isinstance(item, cf.YearlyItem) and item.summary is not None:
            summary = attrs.evolve(item.summary, id="z" + item.summary.id)
            return attrs.evolve(item, id="z" + item.id, summary=summary)
        if isinstance(item, cf.TargetsItem):
            return item
        return attrs.evolve(item, id="z" + item.id)

    return edit_items(spec, rename)


def test_fallback_pairs_items_by_label_with_a_score(national: cf.FormSpec) -> None:
    renamed = _renamed(national)
    d = diff(national, renamed)
    assert d.label_matching
    matched = [c for c in d.changes if c.code == "item_matched"]
    assert len(matched) > 50
    assert all(c.score is not None and c.score >= d.threshold for c in matched)
    pair = only_change(d, "zindustry.total_output", "item_matched")
    assert (pair.old, pair.new, pair.score) == (
        "industry.total_output",
        "zindustry.total_output",
        1.0,
    )
    assert not [c for c in d.changes if c.code == "item_added" and c.impact == "breaking"]


def test_fallback_tolerates_unit_and_punctuation_changes(national: cf.FormSpec) -> None:
    renamed = _renamed(national)
    item = renamed.find("zindustry.total_output")
    relabelled = replace_item(
        renamed, item.id, attrs.evolve(item, label="集群总产值 (万元)", unit="万元")
    )
    d = diff(national, relabelled)
    assert only_change(d, "zindustry.total_output", "item_matched").score == 1.0
    assert only_change(d, "zindustry.total_output", "unit_changed").impact == "breaking"


def test_fallback_can_be_forced_off_and_on(national: cf.FormSpec, guangxi: cf.FormSpec) -> None:
    off = diff(national, _renamed(national), match_labels=False)
    assert not off.label_matching
    assert not [c for c in off.changes if c.code == "item_matched"]
    on = diff(national, guangxi, match_labels=True)
    assert on.label_matching
    pair = only_change(on, "basic.restricted", "item_matched")
    assert pair.old == "basic.not_restricted"
    assert pair.score is not None
    assert pair.score >= on.threshold


def test_ids_aligned() -> None:
    assert ids_aligned({"a", "b", "c"}, {"a", "b", "d"})
    assert not ids_aligned({"a", "b", "c"}, {"x", "y", "a"})


def test_normalise_label_strips_units_spaces_and_punctuation() -> None:
    assert normalise_label("集群总产值（亿元）") == "集群总产值"
    assert normalise_label(" 集群总产值 (万元) ") == "集群总产值"
    assert normalise_label("企业上云比例（%）") == "企业上云比例"
    assert normalise_label("一、基本情况") == "基本情况"
    assert similarity("集群总产值（亿元）", "集群总产值（万元）") == 1.0


@given(
    st.text(alphabet="集群产值增速年度（）%-2035ab", max_size=30),
    st.text(alphabet="集群产值增速年度（）%-2035ab", max_size=30),
)
def test_char_segments_always_rebuild_both_texts(old: str, new: str) -> None:
    segments = char_segments(old, new)
    assert "".join(s.old for s in segments) == old
    assert "".join(s.new for s in segments) == new
    assert all(s.old == s.new for s in segments if s.op == "equal")


def test_char_segments_rebuild_both_texts() -> None:
    segments = char_segments("二氧化碳排放量降低", "二氧化碳排放量下降率")
    assert "".join(s.old for s in segments) == "二氧化碳排放量降低"
    assert "".join(s.new for s in segments) == "二氧化碳排放量下降率"


# ------------------------------------------------------- serialisation
def test_json_is_stable_and_documented_shape(n2g: SpecDiff) -> None:
    data = json.loads(n2g.to_json())
    assert list(data)[:3] == ["format", "counts", "old"]
    assert data["format"] == "clusterforms-diff/1"
    assert data["old"]["id"] == "national-2023"
    assert data["old"]["digest"].startswith("sha256:")
    change = data["changes"][0]
    assert set(change) == {
        "code", "impact", "group", "subject", "summary", "attribute", "old", "new",
        "segments", "score", "details", "message", "params",
    }  # fmt: skip
    assert (
        n2g.to_json() == diff(cf.load_spec("national-2023"), cf.load_spec("guangxi-2025")).to_json()
    )


def test_from_json_rejects_what_is_not_a_diff() -> None:
    for text in ("not json", "[]", '{"format": "other"}', '{"format": "clusterforms-diff/1"}'):
        with pytest.raises(DiffFormatError):
            SpecDiff.from_json(text)


def test_only_filters_changes_but_keeps_edits(n2g: SpecDiff) -> None:
    breaking = n2g.only(["breaking"])
    assert breaking.changes
    assert {c.impact for c in breaking.changes} == {"breaking"}
    assert breaking.edits == n2g.edits
    with pytest.raises(DiffFormatError, match="unknown change class"):
        n2g.only(["cosmetic"])


# ---------------------------------------------------------------- reports
class _Checker(HTMLParser):
    """Checks that every opened element is closed in order (void elements aside)."""

    VOID = frozenset({"meta", "col", "input", "br", "link", "img"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        for name, value in attrs_:
            if name in {"src", "href"} and value:
                self.external.append(value)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def assert_self_contained_html(text: str) -> None:
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    assert checker.external == []
    assert "http://" not in text
    assert "https://" not in text
    assert text.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_pair_renders_in_all_four_formats(old: str, new: str) -> None:
    d = diff(cf.load_spec(old), cf.load_spec(new))
    text = diff_report(d)
    assert text.splitlines()[0].startswith(f"{old} → {new}：共 {len(d.changes)} 处变化")
    english = diff_report(d, lang="en")
    assert english.splitlines()[0].startswith(f"{old} → {new}: {len(d.changes)} changes")
    assert "\x1b[" not in text
    md = diff_report(d, "md")
    assert md.startswith(f"# {old} → {new}")
    assert_self_contained_html(diff_report(d, "html"))
    assert SpecDiff.from_json(d.to_json()) == d


def test_text_report_colours_only_when_asked(n2g: SpecDiff) -> None:
    assert "\x1b[31m" in diff_report(n2g, color=True)
    plain = diff_report(n2g)
    assert "能效水平高于行业基准值 → 属于高耗能行业的集群，能效水平是否达到行业基准值" in plain
    assert "数据准确、详实{+，并提供必要的数据清单及佐证材料+}。" in plain


def test_reports_filter_on_class(n2g: SpecDiff) -> None:
    text = diff_report(n2g, only={"breaking"})
    assert "（只列出不兼容）" in text
    assert "(showing breaking only)" in diff_report(n2g, only={"breaking"}, lang="en")
    assert not re.search(r"^  ~ ", text, re.MULTILINE)
    md = diff_report(n2g, "md", only={"wording", "additive"})
    assert "**不兼容**" not in md
    assert "**新增**" in md
    html = diff_report(n2g, "html", only={"breaking"})
    assert 'value="breaking" checked' in html
    assert 'value="wording">' in html


def test_html_shows_changed_characters(n2g: SpecDiff) -> None:
    html = diff_report(n2g, "html")
    assert "<del>高于</del>" in html
    assert "<ins>是否达到</ins>" in html
    assert "<script>" in html
    assert 'type="checkbox"' in html


def test_md_marks_changed_characters(n2g: SpecDiff) -> None:
    md = diff_report(n2g, "md")
    assert "数据准确、详实**，并提供必要的数据清单及佐证材料**。" in md
    assert "能效水平高于行业基准值 → 属于高耗能行业的集群，能效水平是否达到行业基准值" in md


def test_html_escapes_text(national: cf.FormSpec) -> None:
    b = attrs.evolve(national, title="<script>alert(1)</script>")
    html = diff_report(diff(national, b), "html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


# ----------------------------------------------------------------- matrix
def test_matrix_rows_cover_every_item_once() -> None:
    specs = [cf.load_spec(s) for s in SPEC_IDS]
    matrix = item_matrix(specs)
    ids = [r.id for r in matrix.rows]
    assert len(ids) == len(set(ids))
    every = {i.id for s in specs for _, i in s.walk()} | {
        line.id for s in specs for line in s.cover.lines
    }
    assert set(ids) == every
    rows = {r.id: dict(zip(matrix.specs, r.cells, strict=True)) for r in matrix.rows}
    assert rows["industry.fdi_growth"]["national-2023"].state == "absent"
    assert rows["industry.fdi_growth"]["guangxi-2025"].state in {"present", "label_differs"}
    innovative = rows["industry.innovative_smes"]
    assert innovative["national-2023"].state == "kind_differs"
    assert innovative["national-2023"].kind == "count"
    assert rows["basic.area"]["shanghai-2023"].state == "present"


def test_matrix_outputs() -> None:
    matrix = item_matrix([cf.load_spec(s) for s in SPEC_IDS])
    text = matrix.to_text()
    assert "industry.fdi_growth" in text
    assert_self_contained_html(matrix.to_html())
    book = openpyxl.load_workbook(io.BytesIO(cf.render_table(matrix.to_table(), "xlsx")))
    sheet = book["栏目对照表"]
    assert [c.value for c in sheet[1]] == ["编号", "部分", *SPEC_IDS]
    english = cf.render_table(matrix.to_table("en"), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(english))["matrix"]
    assert [c.value for c in sheet[1]] == ["id", "section", *SPEC_IDS]
    assert sheet.max_row == len(matrix.rows) + 1


def test_matrix_as_a_table_keeps_its_tones_and_legend() -> None:
    matrix = item_matrix([cf.load_spec(s) for s in SPEC_IDS])
    table = matrix.to_table("en")
    assert table.header == ("id", "section", *SPEC_IDS)
    assert len(table.rows) == len(matrix.rows)
    assert repr(matrix) == f"<Matrix {', '.join(SPEC_IDS)}: {len(matrix.rows)} items>"
    book = openpyxl.load_workbook(io.BytesIO(cf.render_table(table, "xlsx")))
    sheet = book["matrix"]
    assert sheet.freeze_panes == "C2"
    row = next(
        r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "industry.fdi_growth"
    )
    absent = sheet.cell(row, 3 + SPEC_IDS.index("national-2023"))
    assert absent.value == "—"
    assert absent.fill.fgColor.rgb[-6:] == cf.TONE_COLOURS["muted"]
    legend = book["legend"]
    assert [legend.cell(r, 1).value for r in range(1, 5)] == ["✓", "—", "≠", "K"]
    assert legend.cell(1, 2).value == "present"


def test_a_table_cell_is_text_whatever_it_starts_with() -> None:
    table = cf.Table(
        title="a/b:c",
        header=("=HYPERLINK(1)", "b"),
        rows=((cf.TableCell(text="=1+1", tone="bad", note="why"), cf.TableCell(text="@x")),),
    )
    sheet = openpyxl.load_workbook(io.BytesIO(cf.render_table(table, "xlsx"))).worksheets[0]
    assert sheet.title == "a_b_c"
    assert (sheet["A1"].value, sheet["A2"].value, sheet["B2"].value) == (
        "=HYPERLINK(1)",
        "=1+1",
        "@x",
    )
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].comment.text == "why"
    with pytest.raises(ValueError, match="row 1 has 1 cells; the header has 2"):
        cf.Table(title="t", header=("a", "b"), rows=((cf.TableCell(text="x"),),))


def test_further_tables_are_sheets_of_their_own_and_links_lead_to_their_rows() -> None:
    cell = cf.TableCell
    findings = cf.Table(title="a'b", header=("x",), rows=((cell(text="1"),), (cell(text="2"),)))
    twin = cf.Table(title="a'b", header=("y",))  # the same name: the workbook numbers it
    table = cf.Table(
        title="apps",
        header=("to", "back"),
        rows=((cell(text="second", link=(1, 1)), cell(text="self", link=(0, 0))),),
        more=(findings, twin),
    )
    book = openpyxl.load_workbook(io.BytesIO(cf.render_table(table, "xlsx")))
    assert [s.title for s in book.worksheets] == ["apps", "a'b", "a'b1"]
    apps = book["apps"]
    assert apps["A2"].hyperlink.location == "'a''b'!A3"  # row 1 from 0: under the header, second
    assert apps["B2"].hyperlink.location == "'apps'!A2"
    assert book["a'b"]["A3"].value == "2"


def test_a_diff_is_a_sequence_of_its_changes(n2g: SpecDiff, national: cf.FormSpec) -> None:
    assert len(n2g) == len(n2g.changes) == 99
    assert list(n2g) == list(n2g.changes)
    assert n2g
    assert repr(n2g) == "<SpecDiff national-2023→guangxi-2025: 99 changes, 43 breaking>"
    same = diff(national, national)
    assert not same
    assert repr(same) == "<SpecDiff national-2023→national-2023: 0 changes, 0 breaking>"
    assert bool(n2g.only(["additive"])) == (n2g.counts()["additive"] > 0)
    assert len(n2g.only(["additive"])) == n2g.counts()["additive"]


def test_diff_report_json_and_unknown_formats(n2g: SpecDiff) -> None:
    assert SpecDiff.from_json(diff_report(n2g, "json")) == n2g
    only = SpecDiff.from_json(diff_report(n2g, "json", only={"breaking"}))
    assert {c.impact for c in only} == {"breaking"}
    with pytest.raises(DiffFormatError, match="unknown report format 'pdf'"):
        diff_report(n2g, "pdf")  # type: ignore[arg-type]
    with pytest.raises(DiffFormatError, match="unknown change class"):
        diff_report(n2g, "json", only={"cosmetic"})
