"""The Word form's print layout (issue 17): what a reader of the printed pages would notice.

Groups kept with their label, the year header only over rows in its columns,
label columns sized from their text, cover values that fit their line, the
承诺函 filled from the application, no letter-spaced lines, and tables whose
grid, table and cell widths agree (WPS lays tables out from the grid).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from clusterforms_renderers.docx import DocxRenderer
from clusterforms_renderers.docx._cover import _fit
from clusterforms_renderers.docx._justify import stretched
from clusterforms_renderers.docx._sections import _in_year_columns
from clusterforms_renderers.docx._widths import (
    MAX_SPLIT,
    MIN_ROOM,
    MIN_SPLIT,
    fits,
    label_split,
    label_text,
    line_count,
    room_of,
)

import clusterforms

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLES = Path(__file__).parent.parent / "examples"
SPEC_IDS = ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023", "summary-2023")
FORMS = ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023")
TEXT_WIDTH = 9639  # twips between the portrait margins


def _render(spec_id: str, *, filled: bool) -> bytes:
    data = clusterforms.load_application(EXAMPLES / f"{spec_id}.json") if filled else None
    return DocxRenderer().render(clusterforms.load_spec(spec_id), data)


@pytest.fixture(scope="module", params=[(s, f) for s in SPEC_IDS for f in (False, True)])
def rendered(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    spec_id, filled = request.param
    return spec_id, _render(spec_id, filled=filled)


def _body(document: bytes):
    return docx.Document(io.BytesIO(document)).element.body


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _cell_text(tc) -> str:
    return "\n".join(_text(p) for p in tc.findall(f"{W}p"))


def _width(tc) -> int:
    return int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w"))


def _merge(tc) -> str | None:
    node = tc.find(f"{W}tcPr/{W}vMerge")
    return None if node is None else node.get(f"{W}val", "continue")


# ------------------------------------------------------------ item 7: pages


def _merged_blocks(tbl) -> Iterator[list]:
    """Runs of rows whose first cell is one label merged down (restart, continue, …)."""
    block: list = []
    for tr in tbl.findall(f"{W}tr"):
        merge = _merge(tr.find(f"{W}tc"))
        if merge == "continue" and block:
            block.append(tr)
            continue
        if len(block) > 1:
            yield block
        block = [tr] if merge == "restart" else []
    if len(block) > 1:
        yield block


def test_a_group_stays_on_one_page_with_its_label(rendered: tuple[str, bytes]) -> None:
    _, document = rendered
    blocks = [b for tbl in _body(document).iter(f"{W}tbl") for b in _merged_blocks(tbl)]
    for block in blocks:
        for tr in block[:-1]:  # every paragraph keeps with the next row …
            assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p"))
        for tr in block:  # … and no row breaks across a page
            assert tr.find(f"{W}trPr/{W}cantSplit") is not None


def test_the_forms_have_groups_to_keep_together() -> None:
    body = _body(_render("national-2023", filled=False))
    assert sum(1 for tbl in body.iter(f"{W}tbl") for _ in _merged_blocks(tbl)) >= 5


def _header_tables(body, labels: set[str]) -> list:
    """The tables opening with a repeated 年度 row (its label may be the part's: 主导产业情况)."""
    return [
        tbl
        for tbl in body.iter(f"{W}tbl")
        if (first := tbl.find(f"{W}tr")) is not None
        and first.find(f"{W}trPr/{W}tblHeader") is not None
        and _text(first.find(f"{W}tc")) in labels
    ]


@pytest.mark.parametrize("spec_id", FORMS)
@pytest.mark.parametrize("filled", [False, True])
def test_the_year_header_repeats_only_over_rows_in_its_columns(spec_id: str, filled: bool) -> None:
    spec = clusterforms.load_spec(spec_id)
    body = _body(_render(spec_id, filled=filled))
    year_parts = [s for s in spec.sections if s.items and s.items[0].kind == "year_header"]
    headed = _header_tables(body, {label_text(part.items[0]) or "" for part in year_parts})
    assert len(headed) == len(year_parts)
    for part, tbl in zip(year_parts, headed, strict=True):
        last = max(i for i, item in enumerate(part.items) if _in_year_columns(item))
        after = {label_text(item) for item in part.items[last + 1 :]} - {None}
        labels = {_cell_text(tr.find(f"{W}tc")) for tr in tbl.findall(f"{W}tr")}
        assert not labels & after, part.id  # those rows are in a table with no header
        rest = {_cell_text(tc) for tc in body.iter(f"{W}tc")}
        assert after <= rest
        later = [tr for t in body.iter(f"{W}tbl") if t is not tbl for tr in t.findall(f"{W}tr")]
        for tr in later:
            if _cell_text(tr.find(f"{W}tc")) in after:
                assert tr.find(f"{W}trPr/{W}tblHeader") is None


def test_national_industry_table_ends_with_its_last_year_row() -> None:
    body = _body(_render("national-2023", filled=False))
    industry = _header_tables(body, {"年度"})[0]
    last = industry.findall(f"{W}tr")[-1]
    assert _text(last.find(f"{W}tc")) == "主导产业相关的国家级高新技术企业数量"


# ------------------------------------------------------------ item 11: label columns


def _item(label: str, n: int) -> clusterforms.TextItem:
    return clusterforms.TextItem(kind="text", id=f"x.t{n}", label=label)


def test_one_column_width_serves_every_label_of_a_part() -> None:
    # Alone, the long label fits 13 ems (13 + 13); but 13 ems would leave the
    # short one an orphan (13 + 1): the column must suit both.
    long, short = "一" * 26, "二" * 14
    split = label_split([_item(long, 1), _item(short, 2)], TEXT_WIDTH, 3)
    room = room_of(split * TEXT_WIDTH)
    assert fits(long, room)
    assert fits(short, room)
    assert MIN_SPLIT <= split <= MAX_SPLIT


def test_a_label_too_long_for_two_lines_takes_no_room_it_cannot_use() -> None:
    label = "一" * 60  # four lines even in the widest column
    split = label_split([_item(label, 1)], TEXT_WIDTH, 3)
    assert split < MAX_SPLIT
    assert line_count(label, room_of(split * TEXT_WIDTH)) == 4
    assert line_count(label, room_of(MAX_SPLIT * TEXT_WIDTH)) == 4


@pytest.mark.parametrize("spec_id", FORMS)
def test_label_columns_are_sized_within_limits_and_used(spec_id: str) -> None:
    spec = clusterforms.load_spec(spec_id)
    body = _body(_render(spec_id, filled=False))
    widths = {}
    for tc in body.iter(f"{W}tc"):
        widths.setdefault(_cell_text(tc), _width(tc))
    for part in spec.sections:
        split = label_split(part.items, TEXT_WIDTH, len(spec.data_years))
        assert MIN_SPLIT <= split <= MAX_SPLIT
        for item in part.items:
            text = label_text(item)
            if text is not None and item.kind != "year_header" and text in widths:
                assert widths[text] == pytest.approx(float(split * TEXT_WIDTH), abs=2), text


def test_most_labels_print_in_two_lines_without_orphans() -> None:
    """Across the four forms, a label rarely wraps badly (it did for about one in six)."""
    total = bad = 0
    for spec_id in FORMS:
        spec = clusterforms.load_spec(spec_id)
        widths = {}
        for tc in _body(_render(spec_id, filled=False)).iter(f"{W}tc"):
            widths.setdefault(_cell_text(tc), _width(tc))
        for part in spec.sections:
            for item in part.items:
                text = label_text(item)
                if text is None or text not in widths:
                    continue
                total += 1
                bad += not fits(text, room_of(widths[text]))
    assert total > 150
    assert bad / total < 0.12


def test_the_sub_labels_of_a_group_get_room_for_words() -> None:
    # Guangxi's 绿色制造体系 rows once had a column three characters wide.
    body = _body(_render("guangxi-2025", filled=False))
    narrowest = min(
        room_of(_width(tc))
        for tc in body.iter(f"{W}tc")
        if len(_cell_text(tc)) > 3 and _merge(tc) is None and not _small(tc)
    )
    assert narrowest >= MIN_ROOM


def _small(tc) -> bool:
    """Whether the cell is in the standards matrix's 9 pt text (its own, narrower ems)."""
    return any(sz.get(f"{W}val") == "18" for sz in tc.iter(f"{W}sz"))


# ------------------------------------------------------------ item 8: the cover

LINE = 8731  # twips of a cover line (the page's text width less 0.8 cm each side)


def _cover_paragraph(document: bytes, label: str):
    return next(p for p in _body(document).iter(f"{W}p") if _text(p).startswith(label))


def test_a_short_cover_value_keeps_the_cover_size() -> None:
    assert _fit("集群名称：", "微特电机产业集群") == (16.0, 1)


def test_a_long_cover_value_is_set_smaller_to_stay_on_its_line() -> None:
    label, value = "集群运营管理机构：", "常州武进智能电机产业园运营管理有限公司"
    size, lines = _fit(label, value)
    assert (size, lines) == (13.0, 1)
    # label at 16 pt, the value and a blank of an em on each side at its size
    assert 9 * 16 * 20 + (len(value) + 2) * size * 20 <= LINE
    document = _render("jiangsu-2024", filled=True)
    runs = _cover_paragraph(document, label).findall(f"{W}r")
    value_run = next(r for r in runs if value in _text(r))
    assert value_run.find(f"{W}rPr/{W}sz").get(f"{W}val") == "26"  # half-points
    assert value_run.find(f"{W}rPr/{W}u") is not None


def test_a_value_too_long_for_one_line_wraps_without_an_orphan() -> None:
    label = "集群运营管理机构："
    value = "某某省某某市某某县某某新区智能装备产业园运营管理服务有限公司联合体"
    size, lines = _fit(label, value)
    assert lines == 2
    hang = 9 * 16 * 20
    first = (LINE - hang) / (size * 20)  # ems on the label's line
    last = len(value) + 1 - first  # ems left for the wrapped line (with the blank)
    assert 2 < last <= (LINE - hang) / (size * 20) - 1  # not 有限公/司, nor an empty blank


def test_filled_cover_values_take_at_most_two_lines() -> None:
    for spec_id in FORMS:
        spec = clusterforms.load_spec(spec_id)
        values = clusterforms.load_application(EXAMPLES / f"{spec_id}.json")["values"]
        for line in spec.cover.lines:
            value = values.get(line.id)
            if isinstance(value, str) and value and not line.suffixes:
                size, lines = _fit(line.label, value)
                assert lines <= 2, (spec_id, line.id, size)


# ------------------------------------------------------------ item 9: the 承诺函

LETTER = "我市本次申报的"


def _letter(document: bytes) -> list[str]:
    texts = [_text(p) for p in _body(document).iter(f"{W}p")]
    start = texts.index("承诺函")
    return texts[start:]


def test_a_blank_letter_keeps_its_placeholders() -> None:
    letter = _letter(_render("jiangsu-2024", filled=False))
    assert any(t.startswith(f"{LETTER}XXX集群主导产业") for t in letter)
    assert "XXX市工业和信息化局" in letter


def test_a_filled_letter_names_the_cluster_and_the_city() -> None:
    letter = _letter(_render("jiangsu-2024", filled=True))
    assert any(t.startswith(f"{LETTER}常州市武进区微特电机产业集群主导产业") for t in letter)
    assert "常州市工业和信息化局" in letter
    assert not any("XXX" in t for t in letter)


def test_the_filled_letter_reads_back_with_nothing_unplaced() -> None:
    spec = clusterforms.load_spec("jiangsu-2024")
    application = clusterforms.load_application(EXAMPLES / "jiangsu-2024.json")
    reading = DocxRenderer().read(DocxRenderer().render(spec, application))
    assert not [n for n in reading.problems if n.kind == "unmapped"]
    assert reading.document["values"]["cover.cluster_name"] == "常州市武进区微特电机产业"


# ------------------------------------------------------------ item 12: no spaced-out lines


def test_a_paragraph_that_would_print_a_spaced_out_line_is_flush_left() -> None:
    body = _body(_render("shanghai-2023", filled=False))
    notes = {
        _text(p): p.find(f"{W}pPr/{W}jc")
        for p in body.iter(f"{W}p")
        if _text(p)[:2] in {f"{n}." for n in range(1, 10)}
    }
    seventh = next(t for t in notes if t.startswith("7.集群内中小企业按照"))
    assert notes[seventh] is not None
    assert notes[seventh].get(f"{W}val") == "left"
    justified = [t for t, jc in notes.items() if jc is None]
    assert len(justified) >= 5  # the others stay justified, as the style says


def test_stretched_finds_a_line_ended_early_by_an_unbreakable_number() -> None:
    text = "7.集群内中小企业按照《中小企业划型标准规定》（工信部联企业〔2011〕300号）执行。"
    assert stretched(text, 34.4, 2)
    assert not stretched("集群应如实填报所附各表。" * 4, 34.4, 2)


# ------------------------------------------------------------ item 14: WPS reads the grid


def test_every_table_has_grid_table_and_cell_widths_that_agree(
    rendered: tuple[str, bytes],
) -> None:
    spec_id, document = rendered
    tables = list(_body(document).iter(f"{W}tbl"))
    assert tables
    for n, tbl in enumerate(tables):
        props = tbl.find(f"{W}tblPr")
        assert props.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
        grid = [int(g.get(f"{W}w")) for g in tbl.iter(f"{W}gridCol")]
        table_width = props.find(f"{W}tblW")
        assert table_width.get(f"{W}type") == "dxa"
        assert sum(grid) == int(table_width.get(f"{W}w")), (spec_id, n)
        for tr in tbl.findall(f"{W}tr"):
            column = 0
            for tc in tr.findall(f"{W}tc"):
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                count = int(span.get(f"{W}val")) if span is not None else 1
                assert tc.find(f"{W}tcPr/{W}tcW").get(f"{W}type") == "dxa"
                assert _width(tc) == sum(grid[column : column + count]), (spec_id, n)
                column += count
            assert column == len(grid)


def test_the_only_field_is_the_page_number(rendered: tuple[str, bytes]) -> None:
    _, document = rendered
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        parts = [package.read(n).decode() for n in package.namelist() if n.endswith(".xml")]
    xml = "".join(parts)
    assert "fldSimple" not in xml  # WPS and older Word may not update simple fields
    instructions = [
        chunk.split("</w:instrText>")[0].split(">", 1)[1].strip()
        for chunk in xml.split("<w:instrText")[1:]
    ]
    assert instructions == ["PAGE"]
