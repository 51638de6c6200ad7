"""Diff, matrix and migration reports speak Chinese by default and English on request."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import pytest

import clusterforms as cf
from clusterforms.cli.main import main
from clusterforms.diff.messages import MESSAGES
from clusterforms.model.converter import get_converter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PROVINCES = ("guangxi-2025", "jiangsu-2024", "shanghai-2023")
#: A code: anything with an underscore, a dot, a digit, an @ or a hyphen in it.
_CODE = re.compile(r"[A-Za-z0-9_.\-\[\]/@]*[_.0-9@\-][A-Za-z0-9_.\-\[\]/@]*")
_WORD = re.compile(r"[A-Za-z]{3,}")
_TAG = re.compile(r"<[^>]*>|&[a-z]+;")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    for code, (zh, en) in MESSAGES.items():
        assert zh, code
        assert en, code
        assert fields(zh) == fields(en), code


def form_words(*specs: cf.FormSpec) -> set[str]:
    """Latin words inside the forms' own (Chinese) text, such as XX: quoted, not prose."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str) and _CJK.search(value):
            found.update(_WORD.findall(_CODE.sub(" ", value)))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    for spec in specs:
        walk(get_converter().unstructure(spec))
    return found


def check_words(*specs: cf.FormSpec) -> set[str]:
    """The parts of target-rule check names (codes, diffed per character like any text)."""
    return {
        part
        for spec in specs
        for _, item in spec.walk()
        if isinstance(item, cf.TargetsItem)
        for rule in item.rules
        for part in (rule.check or "").split("_")
    }


def english_words(text: str, allowed: set[str]) -> set[str]:
    """Latin words in ``text`` that are neither codes nor quoted from the forms."""
    text = re.sub(r"<(style|script)>.*?</\1>", " ", text, flags=re.DOTALL)
    text = re.sub(r"\[#[a-z]+\]", " ", text)  # a group that is not a section
    text = re.sub(r"<code[^>]*>.*?</code>|`[^`]*`|\[[a-z]+(?:[_.][a-z_.]+)+\]", " ", text)
    text = re.sub(r"</?(del|ins)>|~~|\*\*|\[-|-\]|\{\+|\+\}", "", text)
    text = _TAG.sub(" ", text).replace("\\", "")
    text = re.sub(r"[a-z_0-9]+\(", " ", text)  # a formula's function: a code
    return set(_WORD.findall(_CODE.sub(" ", text))) - allowed - {"clusterforms", "diff"}


@pytest.mark.parametrize("province", PROVINCES)
def test_no_english_prose_in_a_chinese_diff(province: str) -> None:
    old, new = cf.load_spec("national-2023"), cf.load_spec(province)
    d = cf.diff(old, new)
    ids = {w for c in d for w in (c.subject, c.group, c.code, c.attribute or "")}
    ids.update(w for c in d for w in re.findall(r"\[([a-z_]+)\]", c.subject))
    allowed = form_words(old, new) | ids | {s.id for s in d.sections} | {"cover"}
    allowed |= check_words(old, new)
    for fmt in ("text", "md", "html"):
        assert english_words(cf.diff_report(d, fmt), allowed) == set(), fmt
    matrix = cf.item_matrix([old, new])
    table = matrix.to_table()
    for text in (matrix.to_text(), matrix.to_html(), *table.notes, *table.header[:2]):
        assert english_words(text, allowed) == set()
    assert english_words(" ".join(str(cell.note) for cell in table.legend), allowed) == set()


def test_english_prose_is_what_the_check_finds() -> None:
    """The check above would catch an English report (so it can fail)."""
    d = cf.diff(cf.load_spec("national-2023"), cf.load_spec("guangxi-2025"))
    found = english_words(cf.diff_report(d, lang="en"), set())
    assert {"changes", "breaking", "window"} <= found


def test_no_english_prose_in_a_chinese_migration() -> None:
    data = cf.load_application(EXAMPLES / "national-2023.json")
    old, new = cf.load_spec("national-2023"), cf.load_spec("guangxi-2025")
    _, report = cf.migrate(data, new)
    text = "\n".join(report.lines())
    values = " ".join(f"{e.old} {e.new} {e.option}" for e in report.entries)
    assert english_words(text, form_words(old, new) | set(_WORD.findall(values))) == set()
    english = "\n".join(report.lines("en"))
    assert "is not one of the new form's years" in english


def test_flags_are_words_not_character_diffs() -> None:
    d = cf.diff(cf.load_spec("national-2023"), cf.load_spec("guangxi-2025"))
    text = cf.diff_report(d)
    assert "选项改为需附情况说明 [option_changed]: 不需要说明 → 需附情况说明" in text
    assert "explanation needed" in cf.diff_report(d, lang="en")
    html = cf.diff_report(d, "html")
    assert "<del>不需要说明</del>" not in html
    assert "fals" not in html


def test_change_classes_have_chinese_names_and_explanations() -> None:
    d = cf.diff(cf.load_spec("national-2023"), cf.load_spec("guangxi-2025"))
    md = cf.diff_report(d, "md")
    assert "*不兼容* (`breaking`): 按旧表填报的数据不能原样沿用" in md
    assert "*新增* (`additive`)" in md
    assert "*文字* (`wording`)" in md


def test_json_is_the_same_in_both_languages_apart_from_added_fields() -> None:
    d = cf.diff(cf.load_spec("national-2023"), cf.load_spec("guangxi-2025"))
    zh, en = cf.diff_report(d, "json"), cf.diff_report(d, "json", lang="en")
    assert zh == en
    change = json.loads(zh)["changes"][0]
    assert change["summary"] == (
        "year window shifted: per-year values outside the overlap cannot carry over"
    )
    assert change["message"] == "years_shifted"
    assert cf.SpecDiff.from_json(zh) == d


def test_cli_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "national-2023", "guangxi-2025", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("national-2023 → guangxi-2025: 99 changes — 43 breaking")
    assert main(["diff", "national-2023", "guangxi-2025"]) == 0
    assert "不兼容 43" in capsys.readouterr().out
    assert main(["matrix", "national-2023", "guangxi-2025", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("✓ present")
    app = str(EXAMPLES / "national-2023.json")
    assert main(["migrate", app, "--to", "guangxi-2025", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("migrated national-2023")
    assert "is required" in err


def test_a_diff_written_before_the_catalogue_still_reads_and_renders() -> None:
    d = cf.diff(cf.load_spec("national-2023"), cf.load_spec("guangxi-2025"))
    data = json.loads(d.to_json())
    for change in data["changes"]:
        del change["message"], change["params"]
    old = cf.SpecDiff.from_dict(data)
    assert cf.patch(cf.load_spec("national-2023"), old) == cf.load_spec("guangxi-2025")
    assert "option now needs an explanation [option_changed]" in cf.diff_report(old)
