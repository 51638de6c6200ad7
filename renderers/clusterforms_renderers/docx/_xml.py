"""WordprocessingML written as text: runs, paragraphs and breaks.

The document is built as XML strings and parsed once per chunk instead of
through python-docx's object API: a form has a few thousand runs, and the
object API (one lxml element and several property lookups per call) is most
of the time of a naive build.  Every string that reaches this module from an
application has already been checked for characters XML cannot hold (by
:func:`clusterforms.read_application`; :mod:`._values` refuses them); here it
is only escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal
from xml.sax.saxutils import escape

import attrs

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Twentieths of a point per centimetre (Word's length unit).
TWIPS_PER_CM = 567

Align = Literal["left", "center", "right", "both"]

# Characters XML 1.0 cannot hold.  Application text is refused with a clear
# error before it gets here (:func:`._values.refused`); what is left to drop is
# spec text, which has no business holding them either.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _NOT_XML.sub("", text)


def cm(value: float) -> int:
    """``value`` centimetres in twips."""
    return round(value * TWIPS_PER_CM)


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


@attrs.frozen(kw_only=True)
class Font:
    """Direct run formatting; ``None`` leaves the paragraph style's value."""

    bold: bool = False
    underline: bool = False
    size: float | None = None  # points
    color: str | None = None  # RRGGBB
    east_asia: str | None = None  # an East Asian font name, e.g. 黑体


PLAIN = Font()
BOLD = Font(bold=True)
UNDERLINE = Font(underline=True)


#: The check boxes of the form, and the font every one of them prints in.  Word
#: and LibreOffice take □ for Latin text at the start of a paragraph (a small
#: box from Times New Roman) and for Chinese after Chinese text: a run of its
#: own, in a CJK font in every slot with the East Asian hint, gives one size.
BOXES = re.compile("([□☐☑☒■]+)")
BOX_FONT = "宋体"
_BOX_FONTS = (
    f'<w:rFonts w:ascii="{BOX_FONT}" w:hAnsi="{BOX_FONT}" w:eastAsia="{BOX_FONT}"'
    ' w:hint="eastAsia"/>'
)


def _rpr(font: Font, *, box: bool = False) -> str:
    parts = []
    if box:
        parts.append(_BOX_FONTS)
    elif font.east_asia:
        parts.append(f'<w:rFonts w:eastAsia="{_attr(font.east_asia)}"/>')
    if font.bold:
        parts.append("<w:b/><w:bCs/>")
    if font.color:
        parts.append(f'<w:color w:val="{font.color}"/>')
    if font.size is not None:
        half = round(font.size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if font.underline:
        parts.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, font: Font = PLAIN) -> str:
    r"""Runs of ``text``; ``\t`` becomes a tab, ``\n`` a line break inside the paragraph.

    Check boxes get runs of their own in :data:`BOX_FONT`.
    """
    text = xml_text(text)
    if not text:
        return ""
    if BOXES.search(text) is None:
        return _run(text, font)
    pieces = BOXES.split(text)  # text, boxes, text, boxes, …
    return "".join(_run(piece, font, box=i % 2 == 1) for i, piece in enumerate(pieces) if piece)


def _run(text: str, font: Font, *, box: bool = False) -> str:
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{_rpr(font, box=box)}{''.join(pieces)}</w:r>"


def page_break_run() -> str:
    """A run holding a hard page break."""
    return '<w:r><w:br w:type="page"/></w:r>'


@attrs.frozen(kw_only=True)
class Para:
    """Paragraph properties; lengths in twips."""

    style: str | None = None
    align: Align | None = None
    page_break_before: bool = False
    keep_next: bool | None = None  # None: as the style says
    before: int | None = None
    after: int | None = None
    line: int | None = None  # 240ths of a line (auto spacing)
    left: int | None = None
    hanging: int | None = None
    first_line: int | None = None  # twips; 2 characters of 10.5 pt are 420
    tabs: tuple[tuple[str, int], ...] = ()  # (kind, position): "left"/"right"/"center"
    numbering: int | None = None  # a w:numId


def _spacing(props: Para) -> str:
    spacing = []
    if props.before is not None:
        spacing.append(f'w:before="{props.before}"')
    if props.after is not None:
        spacing.append(f'w:after="{props.after}"')
    if props.line is not None:
        spacing.append(f'w:line="{props.line}" w:lineRule="auto"')
    return f"<w:spacing {' '.join(spacing)}/>" if spacing else ""


def _indent(props: Para) -> str:
    indent = []
    if props.left is not None:
        indent.append(f'w:left="{props.left}"')
    if props.hanging is not None:
        indent.append(f'w:hanging="{props.hanging}"')
    if props.first_line is not None:
        indent.append(f'w:firstLine="{props.first_line}" w:firstLineChars="0"')
    return f"<w:ind {' '.join(indent)}/>" if indent else ""


def _ppr(props: Para) -> str:
    """``w:pPr`` with its children in the order the schema requires."""
    parts = []
    if props.style:
        parts.append(f'<w:pStyle w:val="{props.style}"/>')
    if props.keep_next is not None:
        parts.append("<w:keepNext/>" if props.keep_next else '<w:keepNext w:val="0"/>')
    if props.page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if props.numbering is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{props.numbering}"/></w:numPr>')
    if props.tabs:
        stops = "".join(f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in props.tabs)
        parts.append(f"<w:tabs>{stops}</w:tabs>")
    parts += [_spacing(props), _indent(props)]
    if props.align:
        parts.append(f'<w:jc w:val="{props.align}"/>')
    body = "".join(parts)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


_PARAGRAPH_START = re.compile(r"<w:p(?=[/>])(/?)>(<w:pPr>(<w:pStyle [^>]*/>)?)?")


def kept_with_next(xml: str) -> str:
    """``xml``'s paragraphs, each kept on the page of the paragraph after it."""

    def keep(match: re.Match[str]) -> str:
        empty, ppr, style = match.group(1), match.group(2), match.group(3) or ""
        props = f"<w:pPr>{style}<w:keepNext/>" + ("" if ppr else "</w:pPr>")
        return f"<w:p>{props}</w:p>" if empty else f"<w:p>{props}"

    return _PARAGRAPH_START.sub(keep, xml)


def paragraph(runs: str | Iterable[str] = "", props: Para | None = None) -> str:
    """A paragraph of already-built runs (or one plain text run when given a str)."""
    body = run(runs) if isinstance(runs, str) else "".join(runs)
    return f"<w:p>{_ppr(props) if props else ''}{body}</w:p>"


def text_paragraph(text: str, props: Para | None = None, font: Font = PLAIN) -> str:
    """A paragraph of one run of ``text``."""
    return paragraph([run(text, font)], props)


def paragraphs(lines: Sequence[str], props: Para | None = None, font: Font = PLAIN) -> list[str]:
    """One paragraph per line."""
    return [text_paragraph(line, props, font) for line in lines]


def body(chunks: Iterable[str]) -> str:
    """Chunks of body XML wrapped so that they parse as one element."""
    return f'<w:body xmlns:w="{W_NS}">{"".join(chunks)}</w:body>'
