"""The Word reader's body model: text as printed, tables as one grid with spans, lists, parts."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from clusterforms_renderers.wordml import Paragraph, Table, read_docx, read_word
from clusterforms_renderers.wordml._counting import format_number
from clusterforms_renderers.wordml._grid import CellSpec, RowSpec, build_table
from hypothesis import given
from hypothesis import strategies as st

import clusterforms
from clusterforms.errors import ReadError
from tests import office
from tests.wordml_docs import docx, font, p, r, tbl, tc, tr

EXAMPLES = Path(__file__).parent.parent / "examples"
NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"


def body(xml: str, **kwargs) -> tuple:
    return read_docx(docx(xml, **kwargs)).body


def text(xml: str, **kwargs) -> str:
    (paragraph,) = body(xml, **kwargs)
    return paragraph.text


# ------------------------------------------------------------------ text as printed


class TestText:
    """Runs join into the text Word prints, whatever Word put between them."""

    def test_runs_split_by_proofing_marks_bookmarks_and_font_changes_join(self) -> None:
        xml = p(
            r("联"),
            '<w:proofErr w:type="spellStart"/>',
            r("系", font("宋体")),
            '<w:bookmarkStart w:id="0" w:name="a"/>',
            r(" 人", '<w:lang w:val="en-US"/>'),
            '<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>',
            "<w:smartTag w:uri='u' w:element='e'>" + r("：") + "</w:smartTag>",
            '<w:hyperlink r:id="rId9">' + r("张三") + "</w:hyperlink>",
        )
        assert text(xml) == "联系 人：张三"

    def test_full_width_spaces_and_spaces_are_kept(self) -> None:
        assert text(p(r("联　系　人"), r("  "), r("x "))) == "联　系　人  x "

    def test_tabs_breaks_and_hyphens(self) -> None:
        xml = p(
            "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t>"
            "<w:ptab w:relativeTo='margin' w:alignment='right' w:leader='none'/>"
            "<w:noBreakHyphen/><w:br w:type='page'/><w:t>e</w:t></w:r>",
            ppr="<w:tabs><w:tab w:val='left' w:pos='420'/></w:tabs>",
        )
        assert text(xml) == "a\tb\nc\nd\t-e"

    def test_a_field_shows_its_result_not_its_code(self) -> None:
        xml = p(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> MERGEFIELD 集群名称 </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            r("某某产业集群"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            '<w:fldSimple w:instr=" PAGE ">' + r("3") + "</w:fldSimple>",
        )
        assert text(xml) == "某某产业集群3"

    def test_legacy_check_box_fields_read_as_boxes(self) -> None:
        def box(state: str) -> str:
            return (
                '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>'
                f"{state}</w:checkBox></w:ffData></w:fldChar></w:r>"
                "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            )

        xml = p(
            box('<w:default w:val="0"/><w:checked/>'),
            r("是"),
            box('<w:default w:val="0"/>'),
            r("否"),
            box('<w:default w:val="1"/><w:checked w:val="0"/>'),
        )
        assert text(xml) == "☑是□否□"

    def test_content_controls_are_opened_at_every_level(self) -> None:
        inline = (
            "<w:sdt><w:sdtPr><w:alias w:val='名称'/></w:sdtPr><w:sdtContent>"
            + r("乙")
            + "</w:sdtContent></w:sdt>"
        )
        block = "<w:sdt><w:sdtPr/><w:sdtContent>" + p(r("甲"), inline) + "</w:sdtContent></w:sdt>"
        row = "<w:sdt><w:sdtContent>" + tr(tc(p(r("丙")))) + "</w:sdtContent></w:sdt>"
        cell = "<w:sdt><w:sdtContent>" + tc(p(r("丁"))) + "</w:sdtContent></w:sdt>"
        blocks = body(block + tbl(row, tr(cell), grid=1) + p(r("戊")))
        assert blocks[0].text == "甲乙"
        assert [c.text for c in blocks[1].cells] == ["丙", "丁"]
        assert blocks[2].text == "戊"

    def test_a_text_box_is_read_once_as_blocks_of_its_own(self) -> None:
        box = p(r("框内"))
        xml = p(
            r("前"),
            "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx>"
            f"<w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
            "<mc:Fallback><w:pict><v:shape><v:textbox>"
            f"<w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>",
            r("后"),
        )
        (paragraph,) = body(xml)
        assert paragraph.text == "前后"
        assert [[b.text for b in box] for box in paragraph.textboxes] == [["框内"]]

    def test_ruby_text_is_not_part_of_the_line(self) -> None:
        ruby = (
            "<w:r><w:ruby><w:rt>"
            + r("zhōng")
            + "</w:rt><w:rubyBase>"
            + r("中")
            + "</w:rubyBase></w:ruby></w:r>"
        )
        assert text(p(ruby, r("国"))) == "中国"


# ------------------------------------------------------------------ ticks and boxes


class TestSymbols:
    """Symbol-font boxes and ticks read as the glyphs they draw."""

    @pytest.mark.parametrize(
        ("sym", "glyph"),
        [
            ('w:font="Wingdings 2" w:char="F052"', "☑"),
            ('w:font="Wingdings 2" w:char="F0A3"', "□"),
            ('w:font="Wingdings 2" w:char="0054"', "☒"),
            ('w:font="Wingdings 2" w:char="F050"', "✓"),
            ('w:font="Wingdings" w:char="F0FE"', "☑"),
            ('w:font="Wingdings" w:char="F0A8"', "□"),
            ('w:font="Wingdings" w:char="F0FC"', "✓"),
            ('w:font="Wingdings" w:char="F06F"', "□"),
            ('w:font="Wingdings 3" w:char="F075"', "▶"),
            ('w:font="Symbol" w:char="F0D6"', "√"),
            ('w:font="Wingdings 2" w:char="F041"', "\uf041"),  # not a mark: kept as stored
            ('w:font="宋体" w:char="2611"', "☑"),  # an ordinary font: a Unicode character
            ('w:font="Wingdings" w:char="nonsense"', ""),
            ('w:font="宋体" w:char="0007"', ""),
        ],
    )
    def test_w_sym(self, sym: str, glyph: str) -> None:
        assert text(p(f"<w:r><w:sym {sym}/></w:r>", r("是"))) == glyph + "是"

    def test_private_use_characters_in_a_wingdings_run_as_libreoffice_saves_them(self) -> None:
        xml = p(
            r("\uf052", '<w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/>'),
            r("是　"),
            r("\uf0a3", font("Wingdings 2")),
            r("否"),
        )
        assert text(xml) == "☑是　□否"

    def test_a_letter_set_in_wingdings_2_draws_its_glyph(self) -> None:
        assert text(p(r("R", font("Wingdings 2")), r("R"))) == "☑R"

    def test_private_use_characters_in_an_ordinary_font_are_kept(self) -> None:
        assert text(p(r("\uf052", font("宋体")))) == "\uf052"

    def test_fonts_of_an_old_revision_do_not_count(self) -> None:
        old = (
            f"<w:rPrChange w:id='1' w:author='a'><w:rPr>{font('Wingdings 2')}</w:rPr></w:rPrChange>"
        )
        assert text(p(r("R", font("宋体") + old))) == "R"


# ------------------------------------------------------------------ tracked changes


class TestTrackedChanges:
    """Changes are read as printed with every change accepted, and the document says so."""

    def test_insertions_kept_deletions_dropped(self) -> None:
        xml = p(
            r("集群"),
            '<w:ins w:id="1" w:author="张">' + r("总") + "</w:ins>",
            '<w:del w:id="2" w:author="张"><w:r><w:delText>营业</w:delText></w:r></w:del>',
            r("产值"),
            '<w:moveFrom w:id="3" w:author="张">' + r("旧处") + "</w:moveFrom>",
            '<w:moveTo w:id="4" w:author="张">' + r("（亿元）") + "</w:moveTo>",
        )
        document = read_docx(docx(xml))
        assert document.body[0].text == "集群总产值（亿元）"
        assert document.tracked_changes

    def test_a_deleted_row_is_gone_an_inserted_one_kept(self) -> None:
        rows = [
            tr(tc(p(r("一")))),
            tr(tc(p(r("删")), p(r("掉"))), trpr='<w:del w:id="1" w:author="a"/>'),
            tr(tc(p(r("二"))), trpr='<w:ins w:id="2" w:author="a"/>'),
        ]
        document = read_docx(docx(tbl(*rows, grid=1)))
        (table,) = document.body
        assert [c.text for c in table.cells] == ["一", "二"]
        assert document.tracked_changes

    def test_no_changes_no_flag(self) -> None:
        assert not read_docx(docx(p(r("x")))).tracked_changes


# ------------------------------------------------------------------ tables


class TestTables:
    """One grid with spans, built from the w:tc elements."""

    def test_horizontal_and_vertical_merges(self) -> None:
        xml = tbl(
            tr(tc(p(r("名称")), vmerge="restart"), tc(p(r("甲")), span=2)),
            tr(tc(vmerge="continue"), tc(p(r("乙"))), tc(p(r("丙")))),
            tr(tc(vmerge="continue"), tc(p(r("丁")), span=2, vmerge="restart")),
            tr(tc(p(r("末"))), tc(span=2, vmerge="continue")),
            grid=3,
        )
        (table,) = body(xml)
        assert (table.rows, table.columns) == (4, 3)
        shape = [(c.text, c.row, c.column, c.row_span, c.column_span) for c in table.cells]
        assert shape == [
            ("名称", 0, 0, 3, 1),
            ("甲", 0, 1, 1, 2),
            ("乙", 1, 1, 1, 1),
            ("丙", 1, 2, 1, 1),
            ("丁", 2, 1, 2, 2),
            ("末", 3, 0, 1, 1),
        ]
        assert table.cell(2, 0).text == "名称"
        assert table.cell(3, 2).text == "丁"
        assert [c.text for c in table.row(1)] == ["名称", "乙", "丙"]
        assert table.cell(9, 9) is None

    def test_grid_before_and_after_leave_gaps(self) -> None:
        xml = tbl(
            tr(tc(p(r("a"))), tc(p(r("b"))), tc(p(r("c")))),
            tr(tc(p(r("x"))), trpr='<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>'),
            grid=3,
        )
        (table,) = body(xml)
        assert table.cell(1, 0) is None
        assert table.cell(1, 1).text == "x"
        assert table.cell(1, 2) is None
        assert table.grid[1] == (-1, 3, -1)

    def test_text_typed_into_a_continued_cell_is_kept(self) -> None:
        xml = tbl(
            tr(tc(p(r("上")), vmerge="restart")), tr(tc(p(r("下")), vmerge="continue")), grid=1
        )
        (table,) = body(xml)
        (cell,) = table.cells
        assert (cell.row_span, cell.text) == (2, "上\n下")

    def test_a_continuation_with_nothing_above_is_a_cell_of_its_own(self) -> None:
        xml = tbl(tr(tc(p(r("a"))), tc(p(r("b")), vmerge="continue")), grid=2)
        (table,) = body(xml)
        assert [(c.text, c.row_span) for c in table.cells] == [("a", 1), ("b", 1)]

    def test_legacy_horizontal_merge(self) -> None:
        xml = tbl(
            tr(
                tc(p(r("左")), extra='<w:hMerge w:val="restart"/>'),
                tc(p(r("")), extra="<w:hMerge/>"),
                tc(p(r("右"))),
            ),
            grid=3,
        )
        (table,) = body(xml)
        assert [(c.text, c.column, c.column_span) for c in table.cells] == [
            ("左", 0, 2),
            ("右", 2, 1),
        ]

    def test_nested_tables(self) -> None:
        inner = tbl(tr(tc(p(r("内1"))), tc(p(r("内2")))), grid=2)
        xml = tbl(tr(tc(p(r("外")), inner, p()), tc(p(r("旁")))), grid=2) + p(r("后"))
        document = read_docx(docx(xml))
        outer, after = document.body
        first = outer.cell(0, 0)
        assert first.text == "外\n"
        (nested,) = first.tables
        assert [c.text for c in nested.cells] == ["内1", "内2"]
        assert after.text == "后"
        assert [b.text for b in document.walk() if isinstance(b, Paragraph)] == [
            "外",
            "内1",
            "内2",
            "",
            "旁",
            "后",
        ]

    def test_a_grid_wider_than_tbl_grid_widens_the_table(self) -> None:
        (table,) = body(tbl(tr(tc(p(r("a")), span=2), tc(p(r("b")))), grid=1))
        assert table.columns == 3


def layouts() -> st.SearchStrategy[list[list[tuple[int, str | None]]]]:
    cell = st.tuples(st.integers(1, 3), st.sampled_from([None, "restart", "continue"]))
    return st.lists(st.lists(cell, max_size=5), min_size=1, max_size=6)


class TestGridProperties:
    """Any span layout gives a consistent grid."""

    @given(layouts(), st.lists(st.integers(0, 2), min_size=6, max_size=6), st.integers(0, 8))
    def test_every_position_is_covered_by_at_most_one_cell_and_cells_are_rectangles(
        self, layout, befores, grid_columns
    ) -> None:
        rows = [
            RowSpec(before, tuple(CellSpec(span, merge, ()) for span, merge in cells))
            for before, cells in zip(befores, layout, strict=False)
        ]
        table = build_table(rows, grid_columns, None, ReadError)
        assert table.rows == len(rows)
        assert table.columns >= grid_columns
        covered = 0
        for index, cell in enumerate(table.cells):
            for row in range(cell.row, cell.row + cell.row_span):
                for column in range(cell.column, cell.column + cell.column_span):
                    assert table.grid[row][column] == index
            covered += cell.row_span * cell.column_span
        assert covered == sum(1 for row in table.grid for i in row if i >= 0)
        assert [(c.row, c.column) for c in table.cells] == sorted(
            (c.row, c.column) for c in table.cells
        )
        for r_index, row in enumerate(rows):
            widths = row.before + sum(c.span for c in row.cells)
            assert sum(1 for i in table.grid[r_index] if i >= 0) == widths - row.before

    @given(layouts())
    def test_the_same_layout_read_from_xml_gives_the_same_grid(self, layout) -> None:
        rows = [
            RowSpec(0, tuple(CellSpec(span, merge, ()) for span, merge in cells))
            for cells in layout
        ]
        expected = build_table(rows, 0, None, ReadError)
        xml = tbl(
            *(tr(*(tc(span=span, vmerge=merge) for span, merge in cells)) for cells in layout)
        )
        (table,) = body(xml)
        assert table.grid == expected.grid
        assert [(c.row, c.column, c.row_span, c.column_span) for c in table.cells] == [
            (c.row, c.column, c.row_span, c.column_span) for c in expected.cells
        ]


XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=40,
)


class TestTextProperties:
    """Text split anywhere into runs joins back into the same paragraph text."""

    @given(XML_TEXT, st.lists(st.integers(0, 40), max_size=8), st.data())
    def test_split_runs_join_back(self, value: str, cuts: list[int], data) -> None:
        points = sorted({min(c, len(value)) for c in cuts})
        pieces = [value[a:b] for a, b in zip([0, *points], [*points, len(value)], strict=True)]
        between = st.sampled_from(
            [
                "",
                '<w:proofErr w:type="spellStart"/>',
                '<w:bookmarkStart w:id="1" w:name="b"/><w:bookmarkEnd w:id="1"/>',
                "<w:r><w:rPr><w:lang w:val='en-US'/></w:rPr></w:r>",
                '<w:del w:id="5" w:author="a"><w:r><w:delText>删</w:delText></w:r></w:del>',
            ]
        )
        runs = [
            data.draw(between) + r(piece, data.draw(st.sampled_from(["", font("宋体"), "<w:b/>"])))
            for piece in pieces
        ]
        assert text(p(*runs)) == value


# ------------------------------------------------------------------ numbering


def numbering(*, abstract: str, nums: str) -> dict:
    part = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">{abstract}{nums}</w:numbering>'
    return {
        "parts": {"word/numbering.xml": part},
        "rels": [("rIdNum", "numbering", "numbering.xml")],
        "types": {"/word/numbering.xml": NUMBERING},
    }


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numbered(content: str, num: int, level: int = 0) -> str:
    return p(
        r(content), ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    )


class TestNumbering:
    """The list numbers Word would show, counted in reading order."""

    def test_parts_and_questions_numbered_as_the_forms_are(self) -> None:
        abstract = (
            '<w:abstractNum w:abstractNumId="0">'
            + lvl(0, "chineseCounting", "%1、")
            + lvl(1, "chineseCounting", "（%2）")
            + lvl(2, "decimal", "%3.")
            + "</w:abstractNum>"
        )
        nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        xml = "".join(
            [
                numbered("基本情况", 1),
                numbered("集群概况", 1, 1),
                numbered("产值", 1, 2),
                numbered("增速", 1, 2),
                numbered("主导产业", 1, 1),
                numbered("产值", 1, 2),
                numbered("发展质效", 1),
                numbered("创新", 1, 1),
                p(r("不编号")),
            ]
        )
        labels = [
            b.number.label if b.number else None
            for b in body(xml, **numbering(abstract=abstract, nums=nums))
        ]
        assert labels == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）", None]

    def test_lists_sharing_a_definition_continue_and_a_start_override_restarts(self) -> None:
        abstract = (
            '<w:abstractNum w:abstractNumId="3">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>"
        )
        nums = (
            '<w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="3"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
        xml = (
            numbered("a", 1)
            + numbered("b", 2)
            + numbered("c", 1)
            + numbered("d", 3)
            + numbered("e", 3)
        )
        labels = [b.number.label for b in body(xml, **numbering(abstract=abstract, nums=nums))]
        assert labels == ["1.", "2.", "3.", "1.", "2."]

    def test_bullets_in_a_symbol_font_and_no_number(self) -> None:
        abstract = (
            '<w:abstractNum w:abstractNumId="0">'
            + lvl(0, "bullet", "\uf0b7", extra=f"<w:rPr>{font('Symbol')}</w:rPr>")
            + lvl(1, "none", "")
            + "</w:abstractNum>"
        )
        nums = '<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>'
        first, second, third = body(
            numbered("x", 4) + numbered("y", 4, 1) + numbered("z", 0),
            **numbering(abstract=abstract, nums=nums),
        )
        assert (first.number.label, first.number.format) == ("•", "bullet")
        assert (second.number.label, second.number.format) == ("", "none")
        assert third.number is None

    def test_a_list_numbering_xml_does_not_define(self) -> None:
        (paragraph,) = body(numbered("x", 7))
        assert (paragraph.number.num_id, paragraph.number.label, paragraph.number.format) == (
            7,
            "",
            "",
        )

    def test_numbering_through_a_style_when_styles_are_read(self) -> None:
        abstract = (
            '<w:abstractNum w:abstractNumId="0">'
            + lvl(0, "chineseCounting", "%1、")
            + "</w:abstractNum>"
        )
        nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        styles = (
            f'<?xml version="1.0"?><w:styles xmlns:w="{W}">'
            '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
            '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="CFPart"><w:name w:val="CF Part"/>'
            '<w:basedOn w:val="1"/></w:style></w:styles>'
        )
        spec = numbering(abstract=abstract, nums=nums)
        spec["parts"]["word/styles.xml"] = styles
        spec["rels"].append(("rIdStyles", "styles", "styles.xml"))
        xml = p(r("基本情况"), ppr='<w:pStyle w:val="1"/>') + p(
            r("发展质效"), ppr='<w:pStyle w:val="CFPart"/>'
        )
        document = read_docx(docx(xml, **spec), styles=True)
        assert [b.number.label for b in document.body] == ["一、", "二、"]
        assert document.styles["1"].name == "heading 1"
        assert document.styles["CFPart"].based_on == "1"
        plain = read_docx(docx(xml, **spec))
        assert [b.number for b in plain.body] == [None, None]
        assert [b.style for b in plain.body] == ["1", "CFPart"]
        assert plain.styles == {}


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (99, "chineseCounting", "九十九"),
        (100, "chineseCounting", "一〇〇"),
        (15, "chineseCountingThousand", "十五"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (1001, "chineseCountingThousand", "一千零一"),
        (23, "chineseLegalSimplified", "贰拾叁"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "甲"),
        (2, "ideographZodiac", "丑"),
        (3, "decimalEnclosedCircle", "③"),
        (12, "decimalFullWidth", "１２"),
        (4, "upperRoman", "IV"),
        (1994, "lowerRoman", "mcmxciv"),
        (28, "lowerLetter", "bb"),
        (3, "upperLetter", "C"),
        (7, "decimalZero", "07"),
        (5, "someFormatNobodyUses", "5"),
    ],
)
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


# ------------------------------------------------------------------ the other parts


def test_comments_and_the_paragraphs_they_are_anchored_in() -> None:
    comments = (
        f'<?xml version="1.0"?><w:comments xmlns:w="{W}">'
        '<w:comment w:id="0" w:author="审核" w:initials="SH" w:date="2024-05-01T00:00:00Z">'
        + p(r("数字有误"))
        + p(r("请核对"))
        + "</w:comment></w:comments>"
    )
    xml = p(
        '<w:commentRangeStart w:id="0"/>',
        r("152.3"),
        '<w:commentRangeEnd w:id="0"/>',
        '<w:r><w:commentReference w:id="0"/></w:r>',
    )
    document = read_docx(
        docx(
            xml, parts={"word/comments.xml": comments}, rels=[("rIdC", "comments", "comments.xml")]
        )
    )
    assert document.body[0].comments == ("0",)
    (comment,) = document.comments
    assert (comment.id, comment.author, comment.initials, comment.text) == (
        "0",
        "审核",
        "SH",
        "数字有误\n请核对",
    )


def test_custom_properties_and_custom_xml_as_plain_data() -> None:
    custom = (
        '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="clusterforms.spec"><vt:lpwstr>national-2023</vt:lpwstr></property>'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="n"><vt:i4>7</vt:i4></property>'
        "</Properties>"
    )
    item = '<?xml version="1.0"?><cf:form xmlns:cf="urn:clusterforms"><cf:spec>national-2023</cf:spec></cf:form>'
    document = read_docx(
        docx(
            p(r("x")),
            parts={"docProps/custom.xml": custom, "customXml/item1.xml": item},
            package_rels=[("rIdP", "custom-properties", "docProps/custom.xml")],
            rels=[("rIdX", "customXml", "../customXml/item1.xml")],
        )
    )
    assert document.properties == {"clusterforms.spec": "national-2023", "n": "7"}
    (part,) = document.custom_xml
    assert (part.part, part.namespace, part.root) == (
        "customXml/item1.xml",
        "urn:clusterforms",
        "form",
    )
    assert part.xml == item.encode()


def test_headers_and_footers_only_when_asked() -> None:
    footer = (
        f'<?xml version="1.0"?><w:ftr xmlns:w="{W}">' + p(r("第"), r("1"), r("页")) + "</w:ftr>"
    )
    header = (
        f'<?xml version="1.0"?><w:hdr xmlns:w="{W}">'
        + tbl(tr(tc(p(r("附件1")))), grid=1)
        + "</w:hdr>"
    )
    package = docx(
        p(r("x")),
        parts={"word/footer1.xml": footer, "word/header1.xml": header},
        rels=[("rIdF", "footer", "footer1.xml"), ("rIdH", "header", "header1.xml")],
    )
    assert read_docx(package).headers_footers == ()
    stories = read_docx(package, headers_and_footers=True).headers_footers
    assert [(s.kind, s.part) for s in stories] == [
        ("footer", "word/footer1.xml"),
        ("header", "word/header1.xml"),
    ]
    assert stories[0].blocks[0].text == "第1页"
    assert stories[1].blocks[0].cells[0].text == "附件1"


def test_imported_chunks_and_sub_documents_are_named_not_read() -> None:
    xml = p(r("x")) + '<w:altChunk r:id="rIdA"/>' + p('<w:subDoc r:id="rIdS"/>')
    document = read_docx(
        docx(
            xml,
            parts={"word/afchunk.mht": b"MIME-Version: 1.0\r\n\r\n<html>secret</html>"},
            rels=[
                ("rIdA", "aFChunk", "afchunk.mht"),
                ("rIdS", "subDocument", "external:file:///etc/passwd"),
            ],
        )
    )
    assert [b.text for b in document.body] == ["x", ""]
    assert any("w:altChunk rIdA" in line for line in document.unread)
    assert any("sub-document" in line for line in document.unread)
    assert "secret" not in repr(document)


# ------------------------------------------------------------------ real documents


@pytest.fixture(scope="module")
def national() -> bytes:
    spec = clusterforms.load_spec("national-2023")
    return clusterforms.render(
        spec, "docx", clusterforms.load_application(EXAMPLES / "national-2023.json")
    )


def _shape(document) -> list:
    def cells(table: Table) -> list:
        return [
            (c.row, c.column, c.row_span, c.column_span, " ".join(c.text.split()))
            for c in table.cells
        ]

    return [(t.rows, t.columns, cells(t)) for t in document.walk() if isinstance(t, Table)]


def test_our_rendered_form_reads_as_it_was_written(national: bytes) -> None:
    document = read_docx(national)
    texts = [b.text for b in document.walk() if isinstance(b, Paragraph)]
    assert "中小企业特色产业集群申报表" in texts
    assert any("四川省成都市郫都区川菜调味品产业" in t for t in texts)
    assert any(t.startswith("☑") for t in texts)
    first = document.tables[0]
    assert (first.cell(0, 0).text, first.cell(0, 1).column_span) == ("集群名称：", 3)
    assert any(c.row_span > 1 for t in document.walk() if isinstance(t, Table) for c in t.cells)
    numbered_lines = [
        b.number.label for b in document.walk() if isinstance(b, Paragraph) and b.number
    ]
    assert numbered_lines[:3] == ["1.", "2.", "3."]


def test_the_grid_and_text_survive_a_libreoffice_save(national: bytes, tmp_path: Path) -> None:
    source = tmp_path / "national.docx"
    source.write_bytes(national)
    (saved,) = office.convert(source, "docx:MS Word 2007 XML", tmp_path / "out")
    ours, theirs = read_docx(national), read_docx(saved)
    assert _shape(theirs) == _shape(ours)

    def words(document) -> list[str]:
        return [
            " ".join(b.text.split())
            for b in document.walk()
            if isinstance(b, Paragraph) and b.text.strip()
        ]

    assert words(theirs) == words(ours)


def test_a_doc_file_is_read_through_libreoffice(national: bytes, tmp_path: Path) -> None:
    source = tmp_path / "national.docx"
    source.write_bytes(national)
    (doc,) = office.convert(source, "doc", tmp_path / "out")
    assert doc.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    document = read_word(doc)
    assert document.source_format == "doc"
    assert document.name == str(doc)
    assert [(t.rows, t.columns) for t in document.tables] == [
        (t.rows, t.columns) for t in read_docx(national).tables
    ]
    assert any(
        "四川省成都市郫都区川菜调味品产业" in b.text
        for b in document.walk()
        if isinstance(b, Paragraph)
    )
    with pytest.raises(ReadError, match="OLE file"):
        read_docx(doc)
    wps = read_word(doc.read_bytes(), name="表.wps")  # Kingsoft WPS saves Word 97 inside
    assert (wps.source_format, len(wps.tables)) == ("wps", len(document.tables))


@pytest.mark.parametrize("target", ["odt", "rtf"])
def test_odt_and_rtf_are_read_through_libreoffice(
    national: bytes, tmp_path: Path, target: str
) -> None:
    source = tmp_path / "national.docx"
    source.write_bytes(national)
    (converted,) = office.convert(source, target, tmp_path / "out")
    document = read_word(converted.read_bytes(), name=f"form.{target}")
    assert document.source_format == target
    assert len(document.tables) == len(read_docx(national).tables)


def test_read_word_reads_a_docx_directly(national: bytes) -> None:
    assert read_word(national).source_format == "docx"
    assert _shape(read_word(national)) == _shape(read_docx(national))


class TestWithoutLibreOffice:
    """Without LibreOffice a .doc is refused with one line saying what to install."""

    def test_none_installed(self, monkeypatch) -> None:
        from clusterforms_renderers.wordml import _convert  # noqa: PLC0415

        monkeypatch.setattr(_convert, "find_soffice", lambda: None)
        with pytest.raises(ReadError) as caught:
            read_word(b"{\\rtf1 hello}", name="表.rtf")
        message = str(caught.value)
        assert message.startswith("表.rtf: reading a .rtf file needs LibreOffice")
        assert "apt-get install libreoffice-writer-nogui" in message
        assert "\n" not in message

    def test_the_override_names_a_missing_program(self, monkeypatch, tmp_path: Path) -> None:
        monkeypatch.setenv("CLUSTERFORMS_SOFFICE", str(tmp_path / "no-soffice"))
        with pytest.raises(ReadError, match=r"^表\.rtf: cannot run LibreOffice .*Install it"):
            read_word(b"{\\rtf1 hello}", name="表.rtf")

    def test_in_a_subprocess_with_an_empty_path(self, tmp_path: Path) -> None:
        script = (
            "import sys\n"
            "from clusterforms_renderers.wordml import read_word\n"
            "from clusterforms.errors import ReadError\n"
            "try:\n    read_word(b'{\\\\rtf1 x}', name='a.rtf')\n"
            "except ReadError as e:\n    print(e)\n"
        )
        env = {k: v for k, v in os.environ.items() if k != "CLUSTERFORMS_SOFFICE"}
        env["PATH"] = str(tmp_path)
        import sys  # noqa: PLC0415

        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        )
        if sys.platform.startswith("linux"):
            assert out.stdout.startswith("a.rtf: reading a .rtf file needs LibreOffice (soffice)")


# ------------------------------------------------------------------ the official-layout fixtures


def _fixture_shape(table) -> tuple:
    """A fixture table's rows, grid columns, cell count and nested tables, from its own model."""
    from tests.wordforms.ooxml import Table as FixtureTable  # noqa: PLC0415

    cells = [c for row in table.rows for c in row.cells if c.vmerge != "continue"]
    nested = [
        _fixture_shape(b)
        for row in table.rows
        for c in row.cells
        for b in c.content
        if isinstance(b, FixtureTable)
    ]
    return (len(table.rows), len(table.widths), len(cells), nested)


def _read_shape(table: Table) -> tuple:
    nested = [_read_shape(t) for c in table.cells for t in c.tables]
    return (table.rows, table.columns, len(table.cells), nested)


@pytest.mark.parametrize("filled", [False, True], ids=["blank", "filled"])
@pytest.mark.parametrize("form", ["national-2023", "jiangsu-2024", "guangxi-2025", "shanghai-2023"])
def test_every_official_layout_fixture_parses_with_its_tables_shape(
    form: str, filled: bool
) -> None:
    from tests import wordforms  # noqa: PLC0415
    from tests.wordforms.ooxml import Table as FixtureTable  # noqa: PLC0415

    fill = wordforms._FILL[form]
    props = fill.PROPS if filled else wordforms._TEMPLATE_PROPS[form]
    doc = wordforms._LAYOUT[form](fill.fill() if filled else wordforms.Fill(), props)
    expected = [
        _fixture_shape(b) for s in doc._sections for b in s.blocks if isinstance(b, FixtureTable)
    ]
    document = read_docx(wordforms.build(form, filled=filled), name=f"{form}.docx")
    assert [_read_shape(t) for t in document.tables] == expected
    assert all(i >= 0 for t in document.tables for row in t.grid for i in row)
    if filled:
        assert document.tracked_changes == ("Ins(" in repr(doc) or "Del(" in repr(doc))
