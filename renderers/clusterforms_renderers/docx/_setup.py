"""The empty document: A4 pages, the form's fonts as styles, list numbering, page numbers.

Fonts are set per style with ``w:eastAsia``, the slot Word and WPS use for
Chinese text: 仿宋 for running text, 黑体 for the part headings, 宋体 in the
tables, as the official forms print them.  Latin text and digits use Times
New Roman.  Sizes follow the Chinese point sizes of the forms: 二号 (22 pt)
title, 三号 (16 pt) headings and cover, 四号 (14 pt) text, 五号 (10.5 pt)
tables.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Literal

from clusterforms_renderers.docx._xml import W_NS, cm

if TYPE_CHECKING:
    from docx.document import Document

Orientation = Literal["portrait", "landscape"]

A4 = (cm(21.0), cm(29.7))
MARGIN_TOP = cm(2.54)
MARGIN_BOTTOM = cm(2.3)
MARGIN_SIDE = cm(2.0)

#: Usable width of a portrait and a landscape page, in twips.
PORTRAIT_WIDTH = A4[0] - 2 * MARGIN_SIDE
LANDSCAPE_WIDTH = A4[1] - 2 * MARGIN_SIDE

LATIN = "Times New Roman"
SONG = "宋体"
FANGSONG = "仿宋"
HEI = "黑体"

#: The numbering instance of the 填报说明 list (1. 2. 3. …).
LIST_NUM_ID = 90
_ABSTRACT_ID = 90

# style id -> (name, east-asian font, size pt, bold, paragraph properties)
_STYLES: dict[str, tuple[str, str, float, bool, str]] = {
    "CFBody": (
        "CF Body",
        FANGSONG,
        14,
        False,
        (
            '<w:spacing w:before="0" w:after="0" w:line="480" w:lineRule="exact"/>'
            '<w:ind w:firstLineChars="200" w:firstLine="560"/><w:jc w:val="both"/>'
        ),
    ),
    "CFList": (
        "CF List",
        FANGSONG,
        14,
        False,
        '<w:spacing w:before="0" w:after="0" w:line="480" w:lineRule="exact"/><w:jc w:val="both"/>',
    ),
    "CFHeading": (
        "CF Heading",
        HEI,
        16,
        False,
        (
            '<w:keepNext/><w:spacing w:before="0" w:after="160" w:line="360" w:lineRule="auto"/>'
            '<w:outlineLvl w:val="0"/>'
        ),
    ),
    "CFTitle": (
        "CF Title",
        SONG,
        22,
        True,
        (
            '<w:keepNext/><w:spacing w:before="0" w:after="240" w:line="360" w:lineRule="auto"/>'
            '<w:jc w:val="center"/>'
        ),
    ),
    "CFCover": (
        "CF Cover",
        FANGSONG,
        16,
        False,
        '<w:spacing w:before="0" w:after="0" w:line="720" w:lineRule="exact"/>',
    ),
    "CFSmall": ("CF Small", SONG, 9, False, '<w:spacing w:before="0" w:after="0"/>'),
}


def new_document(orientation: Orientation = "portrait", *, cover_page: bool = True) -> Document:
    """A blank python-docx document set up as the form's A4 page with its styles.

    ``orientation`` is the first page's; a ``cover_page`` gets no page number.
    """
    import docx  # noqa: PLC0415 - python-docx is loaded only when a document is rendered

    document = docx.Document()
    _defaults(document)
    _numbering(document)
    section = document.sections[0]
    sect = section._sectPr  # noqa: SLF001 - python-docx keeps the sectPr private
    _page(sect, orientation)
    section.different_first_page_header_footer = cover_page  # no page number on the cover
    footer = section.footer.paragraphs[0]
    page_number = "".join(
        _field_run(inner)
        for inner in (
            '<w:fldChar w:fldCharType="begin"/>',
            '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>1</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        )
    )
    footer_xml = f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="center"/></w:pPr>{page_number}</w:p>'
    footer._p.addprevious(_parse(footer_xml))  # noqa: SLF001
    footer._p.getparent().remove(footer._p)  # noqa: SLF001
    return document


def _field_run(inner: str) -> str:
    """One run of the footer's page number field.

    A complex field (begin, instruction, separate, result, end) rather than
    ``w:fldSimple``: Word, LibreOffice and WPS all update it.
    """
    return f'<w:r><w:rPr><w:sz w:val="21"/></w:rPr>{inner}</w:r>'


def _parse(xml: str) -> Any:
    from docx.oxml.parser import parse_xml  # noqa: PLC0415

    return parse_xml(xml)


def _defaults(document: Document) -> None:
    styles = document.styles.element
    defaults = styles.find(f"{{{W_NS}}}docDefaults")
    if defaults is not None:
        styles.remove(defaults)
    styles.insert(
        0,
        _parse(
            f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{SONG}" w:cs="{LATIN}"/>'
            '<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
            '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )
    normal = document.styles["Normal"].element
    for child in list(normal):
        if child.tag in {f"{{{W_NS}}}rPr", f"{{{W_NS}}}pPr"}:
            normal.remove(child)
    for style_id, (name, font, size, bold, ppr) in _STYLES.items():
        half = round(size * 2)
        styles.append(
            _parse(
                f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" '
                f'w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
                f"<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>"
                f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{font}"/>'
                f"{'<w:b/><w:bCs/>' if bold else ''}"
                f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr></w:style>'
            )
        )


def _numbering(document: Document) -> None:
    numbering = document.part.numbering_part.element
    abstract = _parse(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{_ABSTRACT_ID}">'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="560"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}"/></w:rPr>'
        "</w:lvl></w:abstractNum>"
    )
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        _parse(
            f'<w:num xmlns:w="{W_NS}" w:numId="{LIST_NUM_ID}">'
            f'<w:abstractNumId w:val="{_ABSTRACT_ID}"/></w:num>'
        )
    )


def _page(sect: Any, orientation: Orientation) -> None:
    """Set A4 size, orientation and margins on a ``w:sectPr``."""
    width, height = A4 if orientation == "portrait" else (A4[1], A4[0])
    for tag in ("pgSz", "pgMar"):
        old = sect.find(f"{{{W_NS}}}{tag}")
        if old is not None:
            sect.remove(old)
    orient = ' w:orient="landscape"' if orientation == "landscape" else ""
    size = _parse(f'<w:pgSz xmlns:w="{W_NS}" w:w="{width}" w:h="{height}"{orient}/>')
    margins = _parse(
        f'<w:pgMar xmlns:w="{W_NS}" w:top="{MARGIN_TOP}" w:right="{MARGIN_SIDE}" '
        f'w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_SIDE}" w:header="851" w:footer="850" '
        'w:gutter="0"/>'
    )
    # pgSz and pgMar follow the header/footer references and w:type, before the rest.
    anchor = None
    for child in sect:
        local = child.tag.rsplit("}", 1)[-1]
        if local not in {"headerReference", "footerReference", "footnotePr", "endnotePr", "type"}:
            anchor = child
            break
    if anchor is None:
        sect.append(size)
        sect.append(margins)
    else:
        anchor.addprevious(size)
        anchor.addprevious(margins)


def append_body(document: Document, xml: str) -> None:
    """Parse body XML (see :func:`._xml.body`) and add its children before the final sectPr."""
    sect = document.element.body[-1]
    for child in list(_parse(xml)):
        sect.addprevious(child)


def break_section(document: Document, orientation: Orientation) -> None:
    """End the current section here; what follows is laid out in ``orientation``.

    The section that ends keeps the settings it had so far (including the
    first-page rule and page-number footer); the new one inherits the footer.
    """
    sect = document.element.body[-1]
    closing = copy.deepcopy(sect)
    paragraph = _parse(f'<w:p xmlns:w="{W_NS}"><w:pPr/></w:p>')
    paragraph[0].append(closing)
    sect.addprevious(paragraph)
    for child in list(sect):
        local = child.tag.rsplit("}", 1)[-1]
        if local in {"headerReference", "footerReference", "titlePg"}:
            sect.remove(child)
    kind = sect.find(f"{{{W_NS}}}type")
    if kind is None:
        sect.insert(0, _parse(f'<w:type xmlns:w="{W_NS}" w:val="nextPage"/>'))
    _page(sect, orientation)
