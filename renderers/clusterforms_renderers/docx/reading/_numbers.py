"""Numbers as people type them into a Word form, read through the one number reading.

:func:`clusterforms.parse_number_text` decides (full-width digits, thousands
separators, the field's own unit).  Two more ways of writing a figure are
read as a careful transcriber would, each reported as a guess so that a
reviewer sees it:

- an approximate figure: 约150, 大约150, 近150, 150左右, 150上下, 150多, 150余,
  150以上 → 150;
- a unit the form does not print beside a field that has none: 17860人 in
  集群内中小企业从业人员数量, 2.13亿元 in 研发经费投入 → the number (a unit
  different from the one the form prints is never dropped: 152.3万元 in a
  亿元 field stays text).

Anything else that is not a number stays text, as typed, for ``validate`` to
report: never a different number.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from clusterforms import parse_number_text

_APPROXIMATE_BEFORE: Final = re.compile(r"^(?:大约|约为|将近|约|近)\s*")
_APPROXIMATE_AFTER: Final = re.compile(r"\s*(?:左右|上下|以上|多|余)$")
#: Units typed after a figure where the form prints none, and counting words.
_UNITS: Final = (
    "平方公里",
    "吨标准煤",
    "万千瓦时",
    "千瓦时",
    "亿元",
    "万元",
    "万吨",
    "元",
    "吨",
    "%",
    "％",
    "个",
    "家",
    "人",
    "名",
    "件",
    "项",
    "所",
    "座",
    "条",
    "台",
    "套",
    "次",
    "种",
    "户",
    "位",
)


def read_figure(text: str, unit: str | None) -> tuple[Decimal | str | None, str | None]:
    """The number ``text`` writes (or the text, when it is none) and, if guessed, why.

    ``unit`` is the unit the form prints for the field.  Returns ``(None, None)``
    for blank text.
    """
    stripped = text.strip()
    if not stripped:
        return None, None
    number = parse_number_text(stripped, unit)
    if number is not None:
        return number, None
    rest, approximate, dropped = _loosen(stripped, unit)
    number = parse_number_text(rest, unit) if rest != stripped else None
    if number is None:
        return stripped, None
    why = []
    if approximate:
        why.append("an approximate figure")
    if dropped:
        why.append(f"the unit {dropped} is typed where the form prints none")
    return number, f"read {number} from {stripped!r}: " + " and ".join(why)


def _loosen(text: str, unit: str | None) -> tuple[str, bool, str]:
    """``text`` without 约 / 左右 and (where the form prints no unit) a unit; what went."""
    rest, approximate, dropped = text, False, ""
    for _ in range(3):
        before = rest
        rest, n = _APPROXIMATE_BEFORE.subn("", rest)
        rest, m = _APPROXIMATE_AFTER.subn("", rest)
        approximate = approximate or bool(n or m)
        if not unit:
            word = next((w for w in _UNITS if rest.endswith(w) and len(rest) > len(w)), "")
            rest, dropped = (rest[: -len(word)].rstrip() if word else rest), dropped or word
        if rest == before:
            break
    return rest, approximate, dropped


def read_plain_number(text: str) -> Decimal | str | None:
    """A cell that takes text or a number: the number when the text is exactly one."""
    stripped = text.strip()
    if not stripped:
        return None
    number = parse_number_text(stripped)
    return number if number is not None else stripped
