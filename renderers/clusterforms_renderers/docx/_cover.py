"""The cover page and the 填报说明 page.

Cover lines are a label followed by an underlined blank (the value, when
filled) running to a right tab stop at the line's end; lines with words
between the blanks (所属地区：__省（区、市）__市（区）__县（市、区）) get
blanks of underlined spaces sized so the whole line fits the page.
"""

from __future__ import annotations

from clusterforms import CoverLine, FormSpec
from clusterforms_renderers.docx._blanks import join_parts, split_at_words
from clusterforms_renderers.docx._layout import TAB_BLANK
from clusterforms_renderers.docx._setup import LIST_NUM_ID, PORTRAIT_WIDTH
from clusterforms_renderers.docx._values import Values
from clusterforms_renderers.docx._widths import ems
from clusterforms_renderers.docx._xml import (
    UNDERLINE,
    Font,
    Para,
    cm,
    paragraph,
    run,
    text_paragraph,
)

_INDENT = cm(0.8)
_RIGHT = PORTRAIT_WIDTH - cm(0.8)
_COVER_PT = 16
_LINE_TWIPS = 720  # the cover lines' exact line height (36 pt, CF Cover)
_GAP = cm(3.2)  # under the title, and above the issuer line
_SPACE = "\u3000"  # an ideographic space: one character wide in any CJK font
_SIZES = (16.0, 15.0, 14.0, 13.0, 12.0)  # a long value's sizes, largest first: 三号 to 小四
_ORPHAN = 2  # ems: a shorter last line of a wrapped value is an orphan


def cover(spec: FormSpec, values: Values) -> list[str]:
    """The cover page, top to bottom: 附件1, the title, the lines, the issuer line."""
    page = spec.cover
    out = []
    if page.heading:
        out.append(text_paragraph(page.heading, Para(style="CFHeading")))
    # Long filled-in values wrap; the space around the title gives way so the
    # issuer line stays on the cover.
    extra = sum(_wrapped_lines(line, values) for line in page.lines) * _LINE_TWIPS * 5 // 4
    issuer_gap = max(cm(0.6), _GAP - extra)
    title_gap = max(cm(1.0), _GAP - max(0, extra - (_GAP - issuer_gap)))
    title = page.title or spec.title
    out.append(
        text_paragraph(
            title,
            Para(style="CFTitle", before=cm(2.8) if page.heading else cm(3.8), after=title_gap),
            Font(size=26),
        )
    )
    for line in page.lines:
        out.append(_line(line, values))
        if line.hint:
            out.append(
                text_paragraph(line.hint, Para(style="CFCover", align="center"), Font(size=14))
            )
    if page.issuer_line:
        out.append(
            text_paragraph(
                page.issuer_line, Para(style="CFCover", align="center", before=issuer_gap)
            )
        )
    return out


def _wrapped_lines(line: CoverLine, values: Values) -> int:
    """How many lines more than one the filled-in ``line`` takes on the page."""
    value = values.text(line.id, values.field(line.id))
    if not value:
        return 0
    if not line.suffixes:
        return _fit(line.label, value)[1] - 1
    room = (_RIGHT - _INDENT) / (_COVER_PT * 20) - 1
    used = ems(line.label) + ems(value) + sum(ems(s) for s in line.suffixes) + 1
    return max(0, -int(-used // room) - 1)


def _fit(label: str, value: str) -> tuple[float, int]:
    """The size (pt) and number of lines of a long value after its label on a cover line.

    The largest size that holds the value (with a blank of an em after it, so
    the underlined blank never wraps to a line of its own) on the label's
    line; else the cover size wrapped under itself, or a smaller one when
    that would leave a last line of one or two characters (有限公/司) or of
    nothing but the blank.
    """
    text = ems(value) + 1  # the spaces around the value
    room = _RIGHT - _INDENT - _hang(label)  # twips, on every line (wrapped lines hang)
    first = _RIGHT - _INDENT - ems(label) * _COVER_PT * 20
    for size in _SIZES:
        if (text + 1) * size * 20 <= first:
            return size, 1
    fallback = None
    for size in _SIZES:
        rest = text - first / (size * 20)
        per_line = room / (size * 20)
        lines = 1 + -int(-rest // per_line)
        last = rest - (lines - 2) * per_line
        if _ORPHAN < last <= per_line - 1:
            return size, lines
        fallback = fallback or (size, lines + (last > per_line - 1))
    return fallback or (_COVER_PT, 1)


def _hang(label: str) -> int:
    """Where a wrapped value's lines start: under the value, or mid-line after a long label."""
    return min(round(ems(label) * _COVER_PT * 20), (_RIGHT - _INDENT) // 2)


def _line(line: CoverLine, values: Values) -> str:
    value = values.text(line.id, values.field(line.id))
    parts = _split(value, line.suffixes) if value else ["" for _ in line.suffixes]
    if value and parts is not None:
        joined, _ = join_parts(parts, line.suffixes, values.names(line.id))
        if joined != value.strip():  # a reader could not tell 船山区 from 船山县: print it whole
            parts = None
    if not line.suffixes or parts is None:
        # One blank to the line's end; a long value wraps to start under itself.
        # (Blank, no hanging indent: its implicit tab stop would swallow the blank.)
        hang = _hang(line.label) if value else 0
        props = Para(style="CFCover", left=_INDENT + hang, hanging=hang, tabs=(("right", _RIGHT),))
        size = _fit(line.label, value)[0] if value else _COVER_PT
        font = Font(underline=True, size=None if size == _COVER_PT else size)
        blank = [run(f" {value} " if value else "", font), run(TAB_BLANK, UNDERLINE)]
        return paragraph([run(line.label), *blank], props)
    used = ems(line.label) + sum(ems(s) for s in line.suffixes)
    room = (_RIGHT - _INDENT) / (_COVER_PT * 20) - used - 1
    blank_em = max(2, int(room / len(line.suffixes)))
    runs = [run(line.label)]
    for part, suffix in zip(parts, line.suffixes, strict=True):
        pad = max(0, round(blank_em - ems(part)))
        left = pad // 2
        shown = f" {part} " if part else ""
        runs.append(run(_SPACE * left + shown + _SPACE * (pad - left), UNDERLINE))
        runs.append(run(suffix))
    return paragraph(runs, Para(style="CFCover", left=_INDENT))


def _split(value: str, suffixes: tuple[str, ...]) -> list[str] | None:
    """``value`` cut at the printed words, one part per blank (see :mod:`._blanks`)."""
    return split_at_words(value, suffixes)


def instructions(spec: FormSpec, *, new_page: bool = True) -> list[str]:
    """The 填报说明 page: its title and the numbered list."""
    if not spec.instructions:
        return []
    out = [
        text_paragraph(
            spec.instructions_title,
            Para(style="CFHeading", align="center", page_break_before=new_page, after=cm(0.4)),
        )
    ]
    out.extend(
        text_paragraph(item, Para(style="CFList", numbering=LIST_NUM_ID))
        for item in spec.instructions
    )
    return out
