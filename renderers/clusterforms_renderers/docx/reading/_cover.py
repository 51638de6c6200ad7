"""The cover lines: 集群名称：__, 所属地区：__省（区、市）__市（区）__县（市、区）, 申报时间：__ ….

A cover line's value is what follows its label, the underlined blanks'
spaces not counted.  Words printed between blanks are taken away and the
pieces joined back as :mod:`clusterforms_renderers.docx._blanks` says, once
the whole document is read (船山 becomes 船山区 from the cluster's name).  A
date typed with dots or dashes on the 申报时间 line (2023.7.6) is written
the way the forms write dates (2023年7月6日), as a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from clusterforms import CoverLine
from clusterforms_renderers.docx._blanks import join_parts
from clusterforms_renderers.docx.reading._outcome import Outcome
from clusterforms_renderers.docx.reading._places import Place
from clusterforms_renderers.docx.reading._text import Spans, find_all, norm, one_line, typed_pieces
from clusterforms_renderers.docx.reading._units import Line

COVER: Final = "封面"
_DATE: Final = re.compile(r"^(\d{4})\s*[.．\-/／。]\s*(\d{1,2})\s*[.．\-/／。]\s*(\d{1,2})\s*日?$")


def read_cover(lines: Sequence[Line], cover_lines: Sequence[CoverLine], out: Outcome) -> None:
    """Each cover line's value, in order, from the paragraphs before the form's first part."""
    at = 0
    for cover in cover_lines:
        key = norm(cover.label)
        found = next(
            (i for i in range(at, len(lines)) if norm(lines[i].text).startswith(key)), None
        )
        if found is None:
            continue
        line = lines[found]
        at = found + 1
        out.claim([line.paragraph])
        where = line.place(COVER)
        out.spot(cover.id, None, where)
        spans = Spans(line.text)
        rest = spans.after(len(key))
        parts = _parts(rest, cover.suffixes)
        if parts is None:  # the printed words are not all there: the line holds what was typed
            value = one_line(" ".join(typed_pieces(rest)))
            _set(out, cover, value, where)
        elif any(parts):
            out.last.append(_joiner(out, cover, parts, where))


def _parts(rest: str, suffixes: Sequence[str]) -> list[str] | None:
    """The pieces typed in the blanks between the printed words; None if those are not all there."""
    if not suffixes:
        return None
    spans = Spans(rest)
    normal = spans.normal
    parts = []
    at = 0
    for suffix in suffixes:
        starts = find_all(normal[at:], norm(suffix))
        if not starts:
            return None
        start = at + starts[0]
        parts.append(one_line(spans.original(at, start)))
        at = start + len(norm(suffix))
    return parts


def _joiner(out: Outcome, cover: CoverLine, parts: list[str], where: Place) -> Callable[[], None]:
    def join() -> None:
        names = [v for k, v in out.values.items() if k != cover.id and isinstance(v, str)]
        value, guessed = join_parts(parts, cover.suffixes, names)
        _set(out, cover, value, where)
        if guessed:
            out.guess(
                cover.id,
                where,
                f"the blanks hold {' / '.join(parts)}; read as {value} "
                f"(the ending of {'、'.join(guessed)} is not on the page)",
                " / ".join(parts),
            )

    return join


def _set(out: Outcome, cover: CoverLine, value: str, where: Place) -> None:
    if not value:
        return
    match = _DATE.match(value) if ("时间" in cover.label or "日期" in cover.label) else None
    if match is not None:
        year, month, day = match.groups()
        dated = f"{year}年{int(month)}月{int(day)}日"
        out.guess(cover.id, where, f"the date {value} read as {dated}", value)
        value = dated
    out.value(cover.id, value, where, value)
