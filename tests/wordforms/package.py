"""Writing documents: the builders (:func:`p`, :func:`cell`, :class:`Numbering`, :class:`Doc`) and the package.

:class:`Doc` collects :mod:`tests.wordforms.ooxml` content and writes a .docx package with the
parts Word 2016 and WPS write:

``[Content_Types].xml``, ``_rels/.rels``, ``word/_rels/document.xml.rels``, ``word/document.xml``,
``word/footer1.xml``, ``word/settings.xml``, ``word/styles.xml``, ``word/fontTable.xml``,
``docProps/core.xml``, ``word/numbering.xml``, ``docProps/app.xml`` and, for WPS,
``docProps/custom.xml`` — in Word's order, with fixed zip timestamps, so the same document is the
same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tests.wordforms.ooxml import (
    A4,
    DECL,
    DOC_NS,
    Block,
    Cell,
    Ids,
    Inline,
    PageBreak,
    Para,
    Row,
    Run,
    Table,
    fonts_only,
)
from tests.wordforms.parts import FONT_TABLE, FOOTER, settings, styles

#: Word's zip entries carry no real time; 1980-01-01 is the earliest a zip can hold.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Style:
    """Run properties given to the strings of :func:`p` (``size`` also sizes the paragraph mark)."""

    bold: bool = False
    underline: bool = False
    size: float | None = None
    font: str | None = None
    latin: str | None = None

    def run(self, text: str) -> Run:
        return Run(
            text,
            bold=self.bold,
            underline=self.underline,
            size=self.size,
            font=self.font,
            latin=self.latin,
        )


def p(
    *parts: str | Inline,
    style: Style | None = None,
    bold: bool = False,
    size: float | None = None,
    font: str | None = None,
    align: str | None = None,
    num: int | None = None,
    before: int | None = None,
    after: int | None = None,
    line: int | None = None,
    first_line_chars: int | None = None,
    left: int | None = None,
    keep_next: bool = False,
) -> Para:
    """A paragraph of ``parts``; strings become runs in ``style`` (or ``bold``/``size``/``font``)."""
    st = style or Style(bold=bold, size=size, font=font)
    inlines = tuple(st.run(x) if isinstance(x, str) else x for x in parts)
    return Para(
        inlines,
        align=align,
        num=num,
        before=before,
        after=after,
        line=line,
        first_line_chars=first_line_chars,
        left=left,
        keep_next=keep_next,
        mark_size=st.size,
    )


def cell(
    *content: str | Para | Table,
    span: int = 1,
    vmerge: str | None = None,
    valign: str = "center",
    align: str | None = None,
    style: Style | None = None,
) -> Cell:
    """A cell of paragraphs; strings become paragraphs in ``style`` aligned ``align``."""
    blocks = tuple(p(x, style=style, align=align) if isinstance(x, str) else x for x in content)
    return Cell(blocks, span=span, vmerge=vmerge, valign=valign)


@dataclass(frozen=True)
class Numbering:
    """One list definition: ``fmt`` (decimal, chineseCounting …) and ``text`` such as ``"%1."``."""

    fmt: str
    text: str
    start: int = 1
    left: int = 0
    hanging: int = 0
    first_line: int = 0
    font: str | None = None

    def xml(self, ident: int) -> str:
        ind = (
            f'<w:ind w:left="{self.left}" w:hanging="{self.hanging}"/>'
            if self.hanging
            else f'<w:ind w:left="{self.left}" w:firstLine="{self.first_line}"/>'
        )
        rpr = (
            f'<w:rPr><w:rFonts w:hint="eastAsia"/>{fonts_only(self.font)}</w:rPr>'
            if self.font
            else ""
        )
        return (
            f'<w:abstractNum w:abstractNumId="{ident}" w15:restartNumberingAfterBreak="0">'
            f'<w:nsid w:val="{0x1A2B0000 + ident:08X}"/><w:multiLevelType w:val="singleLevel"/>'
            f'<w:tmpl w:val="{0x0C3E0000 + ident:08X}"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="{self.start}"/><w:numFmt w:val="{self.fmt}"/>'
            f'<w:lvlText w:val={quoteattr(self.text)}/><w:lvlJc w:val="left"/><w:pPr>{ind}</w:pPr>'
            f"{rpr}</w:lvl></w:abstractNum>"
        )


# --------------------------------------------------------------------------- document


@dataclass
class Props:
    """docProps: who wrote the document and with what."""

    title: str = ""
    creator: str = "Administrator"
    last_modified_by: str = "Administrator"
    created: str = "2023-06-28T02:15:00Z"
    modified: str = "2023-07-05T08:30:00Z"
    revision: int = 3
    application: str = "Microsoft Office Word"
    app_version: str = "16.0000"
    company: str = ""
    #: WPS writes docProps/custom.xml with its build number (KSOProductBuildVer).
    wps_build: str | None = None


@dataclass
class _Section:
    blocks: list[Block]
    landscape: bool


@dataclass
class Doc:
    """A document under construction; :meth:`to_bytes` writes the .docx package."""

    props: Props = field(default_factory=Props)
    font: str = "宋体"
    latin: str = "Times New Roman"
    size: float = 10.5
    footer: bool = True
    _sections: list[_Section] = field(default_factory=lambda: [_Section([], landscape=False)])
    _numbering: list[Numbering] = field(default_factory=list)

    # -- content
    def add(self, *blocks: Block) -> Doc:
        """Append blocks to the current section."""
        self._sections[-1].blocks.extend(blocks)
        return self

    def para(self, *parts: str | Inline, **props: Any) -> Doc:
        """Append a paragraph (see :func:`p` for ``props``)."""
        return self.add(p(*parts, **props))

    def table(self, rows: Iterable[Row], widths: Sequence[int], *, border: int = 4) -> Doc:
        """Append a table on a grid of ``widths`` (twips)."""
        return self.add(Table(tuple(rows), tuple(widths), border=border))

    def page_break(self) -> Doc:
        """Append a paragraph holding only a page break."""
        return self.add(Para((PageBreak(),)))

    def section(self, *, landscape: bool) -> Doc:
        """End the current section; what follows is on pages of the given orientation."""
        self._sections.append(_Section([], landscape=landscape))
        return self

    def numbering(self, numbering: Numbering) -> int:
        """Define a list; returns its numId for :class:`Para` ``num``."""
        self._numbering.append(numbering)
        return len(self._numbering)

    # -- output
    def to_bytes(self) -> bytes:
        """The .docx package, byte for byte the same for the same content."""
        parts = self._parts()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for name, text in parts:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                zf.writestr(info, text.encode("utf-8"))
        return buf.getvalue()

    def _parts(self) -> list[tuple[str, str]]:
        parts = [
            ("[Content_Types].xml", self._content_types()),
            ("_rels/.rels", self._package_rels()),
            ("word/_rels/document.xml.rels", self._document_rels()),
            ("word/document.xml", self._document()),
        ]
        if self.footer:
            parts.append(("word/footer1.xml", FOOTER))
        parts += [
            ("word/settings.xml", settings()),
            ("word/styles.xml", styles(self.font, self.latin, self.size)),
            ("word/fontTable.xml", FONT_TABLE),
            ("docProps/core.xml", self._core()),
            ("word/numbering.xml", self._numbering_xml()),
            ("docProps/app.xml", self._app()),
        ]
        if self.props.wps_build:
            parts.append(("docProps/custom.xml", self._custom()))
        return parts

    def _document(self) -> str:
        ids = Ids()
        body = []
        last = len(self._sections) - 1
        for i, sec in enumerate(self._sections):
            blocks = [b.xml(ids) for b in sec.blocks]
            if i < last:
                # A section ends with a paragraph whose properties hold its sectPr.
                sect = self._sect_pr(sec.landscape, next_page=True)
                blocks.append(f"<w:p><w:pPr>{sect}</w:pPr></w:p>")
            body.extend(blocks)
        body.append(self._sect_pr(self._sections[-1].landscape, next_page=True))
        return f"{DECL}<w:document {DOC_NS}><w:body>{''.join(body)}</w:body></w:document>"

    def _sect_pr(self, landscape: bool, *, next_page: bool) -> str:
        w, h = A4
        size = (
            f'<w:pgSz w:w="{h}" w:h="{w}" w:orient="landscape"/>'
            if landscape
            else f'<w:pgSz w:w="{w}" w:h="{h}"/>'
        )
        margins = (
            '<w:pgMar w:top="1800" w:right="1440" w:bottom="1800" w:left="1440" w:header="851" '
            'w:footer="992" w:gutter="0"/>'
            if landscape
            else '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" '
            'w:header="851" w:footer="992" w:gutter="0"/>'
        )
        footer = '<w:footerReference w:type="default" r:id="rId5"/>' if self.footer else ""
        kind = '<w:type w:val="nextPage"/>' if next_page else ""
        return (
            f'<w:sectPr w:rsidR="00B12C4D">{footer}{kind}{size}{margins}<w:cols w:space="425"/>'
            '<w:docGrid w:linePitch="312"/></w:sectPr>'
        )

    def _content_types(self) -> str:
        ov = [
            ("/word/document.xml", "wordprocessingml.document.main+xml"),
            ("/word/numbering.xml", "wordprocessingml.numbering+xml"),
            ("/word/styles.xml", "wordprocessingml.styles+xml"),
            ("/word/settings.xml", "wordprocessingml.settings+xml"),
            ("/word/fontTable.xml", "wordprocessingml.fontTable+xml"),
        ]
        if self.footer:
            ov.append(("/word/footer1.xml", "wordprocessingml.footer+xml"))
        overrides = "".join(
            f'<Override PartName="{name}" ContentType="application/vnd.openxmlformats-officedocument.{t}"/>'
            for name, t in ov
        )
        overrides += (
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        )
        if self.props.wps_build:
            overrides += (
                '<Override PartName="/docProps/custom.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
            )
        return (
            f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>"
        )

    def _package_rels(self) -> str:
        base = "http://schemas.openxmlformats.org"
        rels = [
            (
                "rId3",
                f"{base}/officeDocument/2006/relationships/extended-properties",
                "docProps/app.xml",
            ),
            (
                "rId2",
                f"{base}/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            (
                "rId1",
                f"{base}/officeDocument/2006/relationships/officeDocument",
                "word/document.xml",
            ),
        ]
        if self.props.wps_build:
            rels.append(
                (
                    "rId4",
                    f"{base}/officeDocument/2006/relationships/custom-properties",
                    "docProps/custom.xml",
                )
            )
        return _rels(rels)

    def _document_rels(self) -> str:
        base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        rels = [
            ("rId1", f"{base}/numbering", "numbering.xml"),
            ("rId2", f"{base}/styles", "styles.xml"),
            ("rId3", f"{base}/settings", "settings.xml"),
            ("rId4", f"{base}/fontTable", "fontTable.xml"),
        ]
        if self.footer:
            rels.append(("rId5", f"{base}/footer", "footer1.xml"))
        return _rels(rels)

    def _numbering_xml(self) -> str:
        abstract = "".join(n.xml(i) for i, n in enumerate(self._numbering))
        nums = "".join(
            f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>'
            for i in range(len(self._numbering))
        )
        return f"{DECL}<w:numbering {DOC_NS}>{abstract}{nums}</w:numbering>"

    def _core(self) -> str:
        pr = self.props
        return (
            f"{DECL}<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(pr.title)}</dc:title><dc:creator>{escape(pr.creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(pr.last_modified_by)}</cp:lastModifiedBy>"
            f"<cp:revision>{pr.revision}</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{pr.created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{pr.modified}</dcterms:modified>'
            "</cp:coreProperties>"
        )

    def _app(self) -> str:
        pr = self.props
        return (
            f"{DECL}<Properties "
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Template>Normal.dotm</Template><TotalTime>38</TotalTime><Pages>12</Pages>"
            f"<Application>{escape(pr.application)}</Application><DocSecurity>0</DocSecurity>"
            f"<ScaleCrop>false</ScaleCrop><Company>{escape(pr.company)}</Company>"
            "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            f"<HyperlinksChanged>false</HyperlinksChanged><AppVersion>{pr.app_version}</AppVersion>"
            "</Properties>"
        )

    def _custom(self) -> str:
        return (
            f"{DECL}<Properties "
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
            f"<vt:lpwstr>{escape(self.props.wps_build or '')}</vt:lpwstr></property>"
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV">'
            "<vt:lpwstr>6F1C2D3E4B5A49788C0D1E2F3A4B5C6D_13</vt:lpwstr></property></Properties>"
        )


def _rels(rels: Sequence[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels
    )
    return f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
