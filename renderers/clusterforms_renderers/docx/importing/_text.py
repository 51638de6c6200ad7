"""Reading the printed words of a template: labels, units, limits, blanks and boxes.

Templates are typed by hand: a label may carry full-width spaces between its
characters (联　系　人), empty paragraphs between its lines, a blank typed
as a run of spaces or underscores.  These helpers turn that into the words a
spec holds, verbatim otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

#: Characters a template prints for an empty box (a Wingdings box is read as □).
BOXES: Final = "□☐❑❒▢"
#: Characters that mark a ticked box (a template should have none; read them as boxes).
TICKS: Final = "☑☒■✓✔√⊠"
_ANY_BOX = re.compile(f"[{BOXES}{TICKS}]")
#: What a typed blank is made of: spaces, ideographic spaces, tabs, underscores, zero widths.
BLANK_CHARS: Final = " \u3000\t_\u200b\u00a0＿"
_BLANK_RUN = re.compile(f"[{BLANK_CHARS}]+")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACED = re.compile(f"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}])")
_LIMIT = re.compile(r"[（(]\s*(?:限)?\s*(\d{2,5})\s*字以内")
_BRACKETS = re.compile(r"[（(]([^（）()]*)[）)]")
_UNIT = re.compile(r"^(?:%|％|[^，、。：:]{0,12}(?:元|公里|吨|/|亩|人|户|家|项|件|次))$")
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*$")
_NOTE = re.compile(r"^[（(]?\s*(?:注|备注)\s*[：:]|^[（(].*(?:需提供|佐证材料|如涉及).*[）)]$")
_DATE = re.compile(
    r"^\s*(?:\d{4}|[ \u3000]*)?\s*年"
    r"[ \u3000]*(?:\d{1,2})?[ \u3000]*月"
    r"[ \u3000]*(?:\d{1,2})?[ \u3000]*日\s*$"
)
_ENUMERATED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])"
)
_TYPED_NUMBER = re.compile(r"^\s*\d+\s*[.、．]\s*")


def clean(text: str) -> str:
    """A paragraph's text without the blanks around it."""
    return text.strip(BLANK_CHARS + "\r\n")


def label_of(lines: Iterable[str]) -> str:
    r"""A label cell's text: its non-empty lines joined by ``\n``, letters no longer spaced."""
    kept = [_SPACED.sub("", clean(line)) for line in lines]
    return "\n".join(line for line in kept if line)


def lines_of(text: str) -> list[str]:
    """The non-empty lines of a cell or paragraph text, each cleaned."""
    return [c for c in (clean(x) for x in text.split("\n")) if c]


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing but blanks (an input cell of the template)."""
    return not _BLANK_RUN.sub("", text).strip()


def blank_runs(text: str) -> list[str]:
    """The words of ``text`` between its blanks (所属地区：__省__市 → [所属地区：, 省, 市])."""
    return [part for part in _BLANK_RUN.split(text) if part.strip()]


def has_boxes(text: str) -> bool:
    """Whether ``text`` prints a box (□) or a tick where a box stood."""
    return bool(_ANY_BOX.search(text))


def split_boxes(text: str) -> list[str]:
    """``text`` cut before each box: the text before the first box, then one piece per box."""
    return _ANY_BOX.split(text)


def char_limit(text: str) -> int | None:
    """The character limit a label or prompt prints: （200字以内） → 200."""
    found = _LIMIT.search(text)
    return int(found.group(1)) if found else None


def unit_of(label: str) -> str | None:
    """The unit a label prints in brackets: 集群总产值（亿元） → 亿元; 比例（%） → %."""
    for content in _BRACKETS.findall(label):
        inner = content.strip()
        if inner and _UNIT.match(inner) and "字" not in inner and "需" not in inner:
            return "%" if inner == "％" else inner
    return None


def year_of(text: str) -> int | None:
    """The year a header cell prints (2022年 → 2022), or None."""
    found = _YEAR.match(text)
    return int(found.group(1)) if found else None


def is_note(text: str) -> bool:
    """Whether a line is a printed note: （注：…）, 注：…, （需提供清单及佐证材料）."""
    return bool(_NOTE.search(clean(text)))


def is_bracketed(text: str) -> bool:
    """Whether a line is one bracketed remark: （…）."""
    stripped = clean(text)
    return stripped.startswith(("（", "(")) and stripped.endswith(("）", ")"))


def is_date_line(text: str) -> bool:
    """Whether a line is the date of a signature: 年    月    日."""
    return bool(_DATE.match(text))


def is_enumerated(text: str) -> bool:
    """Whether a line starts with an enumerator (一、 1. （一）), typed or not."""
    return bool(_ENUMERATED.match(text))


def drop_typed_number(text: str) -> str:
    """A list paragraph without the number typed before it ("1.集群应…" → "集群应…")."""
    return _TYPED_NUMBER.sub("", text, count=1)


def compact(text: str) -> str:
    """``text`` without any blank, for comparing words typed with odd spacing."""
    return _BLANK_RUN.sub("", text)
