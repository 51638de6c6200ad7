"""Validate, the Word form, the workbook and the summary table read every odd value alike.

Each odd input goes into five number cells of one application (a plain number
in 平方公里, a % share, a 亿元 series, a count, a number without a unit); the
application is then validated, rendered as .docx and .xlsx (the cells read
back from the files) and put to the summary table's figures.  A value validate
reads as a number is shown as that number everywhere; one it refuses is never
shown as a different number: it is shown as typed, or refused outright.
"""

from __future__ import annotations

import copy
import functools
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

import clusterforms as cf
from clusterforms.summarize.intro import intro_figures
from tests.test_docx import paragraph_texts
from tests.test_xlsx import cell_map, load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SPEC = cf.load_spec("national-2023")
#: The cells each odd value goes into, and their kind (yearly: the same value every year).
FIELDS = {
    "basic.area": "number",  # 平方公里, 2 decimals
    "digital.cloud_share": "number",  # %, 0 to 100
    "industry.total_output": "yearly",  # 亿元; in the summary table's 集群简介
    "innovation.pct_applications": "count",
    "innovation.patents_per_10k": "number",  # no unit; in the summary table's 集群简介
}
#: Codes that say validate could not read a cell as a number at all.
UNREAD = frozenset({"wrong_type", "too_many_digits", "invalid_character"})
SENTINEL = "哨兵值"

D = Decimal
#: (case id, the value, what validate reads it as: a Decimal, None for refused, or per field).
CASES: list[tuple[str, object, Any]] = [
    ("plain", "12.5", D("12.5")),
    ("json-number", D("12.50"), D("12.50")),
    ("json-exponent", D("1E+2"), D(100)),
    ("full-width", "１２．５", D("12.5")),
    ("full-width-minus", "－３", D(-3)),
    ("u2212-minus", "\u22123", D(-3)),
    ("ideographic-stop", "12。5", D("12.5")),
    ("grouped", "1,234,567.5", D("1234567.5")),
    ("full-width-grouped", "１，２３４", D(1234)),
    ("bad-group", "12,5", None),
    ("bad-groups", "1,23,456", None),
    ("exponent-text", "1e2", None),
    ("exponent-text-upper", "1E+2", None),
    ("percent", "45%", {"digital.cloud_share": D(45)}),
    ("full-width-percent", "45％", {"digital.cloud_share": D(45)}),
    ("yi-yuan", "152.3亿元", {"industry.total_output": D("152.3")}),
    ("wan-yuan-in-yi", "152.3万元", None),
    ("nan-text", "NaN", None),
    ("infinity-text", "Infinity", None),
    ("minus-infinity-text", "-Infinity", None),
    ("huge-exponent", D("1E+999"), None),
    ("tiny-exponent", D("1E-999999999"), None),
    ("giant-exponent", D("1E+999999999999"), None),
    ("five-thousand-nines", D("9" * 5000), None),
    ("nineteen-digits", "1234567890123456789", None),
    ("thirteen-places", "0.1234567890123", None),
    ("negative-zero", "-0", D(0)),
    ("negative-zero-json", D("-0.00"), D("0.00")),
    ("leading-plus", "+12", D(12)),
    ("spaces", "  12  ", D(12)),
    ("ideographic-spaces", "\u300012\u3000", D(12)),
    ("inner-space", "1 234", None),
    ("as-typed", "约12", None),
    ("wu-with-stop", "无。", None),  # only 无 itself is the explicit none
    ("mei-you", "没有", None),
    ("superscript", "1²", None),
    ("arabic-indic", "١٢", None),
    ("circled", "①", None),
    ("float", 12.5, None),
    ("bool", True, None),
    ("nan-decimal", D("NaN"), None),
    ("surrogate", "a\ud800b", None),
    ("nul", "1\x00", None),
    ("escape", "\x1b[2J", None),
]


def expected(case: Any, field: str) -> Decimal | None:
    return case.get(field) if isinstance(case, dict) else case


def document(value: object) -> dict[str, Any]:
    data = copy.deepcopy(cf.load_application(EXAMPLES / "national-2023.json"))
    for field, kind in FIELDS.items():
        years = {str(y): value for y in SPEC.data_years}
        data["values"][field] = years if kind == "yearly" else value
    return data


def as_typed(value: object) -> str:
    return value if isinstance(value, str) else str(value)


def places(field: str) -> int:
    return getattr(SPEC.find(field), "decimals", 0)


def printed(number: Decimal, field: str) -> Decimal:
    """The number as the Word form prints it: rounded half-up to the field's places."""
    if FIELDS[field] == "count":
        return number
    return number.quantize(Decimal(1).scaleb(-places(field)), ROUND_HALF_UP)


# ---------------------------------------------------------------- reading the outputs back


@functools.cache
def sentinel_positions() -> dict[str, list[tuple[int, str, str]]]:
    """Where each field's value is printed in the Word form: paragraph, text before and after."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    for field, kind in FIELDS.items():  # one field at a time holds the sentinel
        data = copy.deepcopy(cf.load_application(EXAMPLES / "national-2023.json"))
        data["values"][field] = (
            {str(y): SENTINEL for y in SPEC.data_years} if kind == "yearly" else SENTINEL
        )
        shown = paragraph_texts(cf.render(SPEC, "docx", data))
        found[field] = [
            (n, *text.split(SENTINEL, 1)) for n, text in enumerate(shown) if SENTINEL in text
        ]
    assert all(found.values())
    return found


def docx_shown(value: object) -> dict[str, list[str]] | cf.RenderError:
    """Each field's printed texts in the Word form, or the refusal."""
    try:
        texts = paragraph_texts(cf.render(SPEC, "docx", document(value)))
    except cf.RenderError as exc:
        return exc
    return {
        field: [texts[n][len(before) : len(texts[n]) - len(after)] for n, before, after in spots]
        for field, spots in sentinel_positions().items()
    }


def xlsx_cells(value: object) -> dict[str, list[tuple[str, object]]] | cf.RenderError:
    """Each field's cells in the workbook as (data type, value), or the refusal."""
    try:
        workbook = load(cf.render(SPEC, "xlsx", document(value)))
    except cf.RenderError as exc:
        return exc
    where = cell_map(workbook)
    cells: dict[str, list[tuple[str, object]]] = {}
    for field, kind in FIELDS.items():
        keys = (
            [(field, y, "") for y in SPEC.data_years] if kind == "yearly" else [(field, None, "")]
        )
        cells[field] = [
            (workbook[sheet][ref].data_type, workbook[sheet][ref].value)
            for sheet, ref in (where[key] for key in keys)
        ]
    return cells


def summary_figures(value: object) -> dict[str, str]:
    """The 集群简介 clauses of the two figures the summary table quotes from these fields."""
    clauses = [text for _, text in intro_figures(SPEC, document(value))]
    return {
        "industry.total_output": next((c for c in clauses if c.startswith("集群总产值")), ""),
        "innovation.patents_per_10k": next((c for c in clauses if c.startswith("万人")), ""),
    }


# ---------------------------------------------------------------- the agreement


@pytest.mark.parametrize(("case_id", "value", "reads"), CASES, ids=[c[0] for c in CASES])
def test_every_reader_agrees(case_id: str, value: object, reads: Any) -> None:
    report = cf.validate(SPEC, document(value))
    shown = docx_shown(value)
    cells = xlsx_cells(value)
    figures = summary_figures(value)
    for field in FIELDS:
        number = expected(reads, field)
        unread = {f.code for f in report.findings if f.field == field} & UNREAD
        assert bool(unread) == (number is None), (case_id, field, unread)
        if number is not None:
            _shown_as(number, field, shown, cells, figures)
        else:
            _never_another_number(value, field, shown, cells, figures)


def _shown_as(number: Decimal, field: str, shown: Any, cells: Any, figures: dict[str, str]) -> None:
    """Validate read ``number``: every output shows that very number."""
    assert not isinstance(shown, cf.RenderError), shown
    assert all(Decimal(text) == printed(number, field) for text in shown[field]), shown[field]
    assert shown[field]
    assert not isinstance(cells, cf.RenderError), cells
    for data_type, cell in cells[field]:
        assert data_type == "n"
        assert Decimal(repr(cell)) == number
    if field in figures:
        assert figures[field].endswith(("亿元", "件"))
        digits = figures[field].removeprefix("集群总产值").removeprefix("万人发明专利拥有量")
        assert Decimal(digits.removesuffix("亿元").removesuffix("件")) == number


def _never_another_number(
    value: object, field: str, shown: Any, cells: Any, figures: dict[str, str]
) -> None:
    """Validate refused the value: it is shown as typed, or refused, never as a number."""
    if not isinstance(shown, cf.RenderError):
        assert shown[field]
        assert all(text == as_typed(value) for text in shown[field])
    if not isinstance(cells, cf.RenderError):
        assert all(cell == (("s", as_typed(value))) for cell in cells[field])
    if field in figures:
        assert figures[field] == ""


@pytest.mark.parametrize("value", ["无", " 无 ", "\u3000无"])
def test_every_reader_shows_wu_as_wu(value: str) -> None:
    """ "无" is the form's explicit none: 无 in every output, never a number, never blank."""
    report = cf.validate(SPEC, document(value))
    shown, cells, figures = docx_shown(value), xlsx_cells(value), summary_figures(value)
    assert not isinstance(shown, cf.RenderError)
    assert not isinstance(cells, cf.RenderError)
    for field in FIELDS:
        assert not {f.code for f in report.findings if f.field == field} & UNREAD, field
        assert shown[field]
        assert all(text == "无" for text in shown[field]), (field, shown[field])
        assert all(cell == ("s", "无") for cell in cells[field]), (field, cells[field])
    refused = {f.field for f in report.findings if f.code == "none_not_allowed"}
    assert refused == {"basic.area", "industry.total_output"}  # every cluster has them
    assert figures == {
        "industry.total_output": "",
        "innovation.patents_per_10k": "万人发明专利拥有量无",
    }


@pytest.mark.parametrize(
    ("case_id", "value"),
    [
        ("float", 12.5),
        ("bool", True),
        ("nan-decimal", D("NaN")),
        ("surrogate", "a\ud800b"),
        ("nul", "1\x00"),
        ("escape", "\x1b[2J"),
    ],
)
def test_what_no_cell_can_show_is_refused_by_both_renderers(case_id: str, value: object) -> None:
    del case_id
    for fmt in ("docx", "xlsx"):
        with pytest.raises(cf.RenderError, match=r"basic\.area"):
            cf.render(SPEC, fmt, document(value))


@pytest.mark.parametrize("escaped", [r"a\ud800b", r"1\u0000", r"\u001b[2J", r"\uffff"])
def test_characters_no_document_can_hold_never_get_past_the_loader(escaped: str) -> None:
    text = '{"spec": "national-2023", "values": {"basic.area": "%s"}}' % escaped  # noqa: UP031
    with pytest.raises(cf.ApplicationError, match=r'\$\.values\["basic\.area"\]: contains'):
        cf.parse_application(text)


def test_every_case_goes_through_json_when_json_can_hold_it() -> None:
    """The same readings come from a JSON file: the document is data, not Python values."""
    for case_id, value, reads in CASES:
        if isinstance(value, float | bool) or (
            isinstance(value, Decimal) and not value.is_finite()
        ):
            continue
        if isinstance(value, str) and any(ord(c) < 32 or 0xD800 <= ord(c) < 0xE000 for c in value):
            continue
        text = cf.dumps_application({"spec": SPEC.id, "values": {"basic.area": value}})
        again = cf.parse_application(text)
        unread = {f.code for f in cf.validate(SPEC, again).findings if f.field == "basic.area"}
        assert bool(unread & UNREAD) == (expected(reads, "basic.area") is None), case_id
