"""The content of a WordprocessingML document as plain data, serialised as Word 2016 writes it.

Standard library only; :mod:`tests.wordforms.package` builds documents of it and writes the .docx
package.

* inline: :class:`Run` (text; ``"\\n"`` in it is a ``w:br``, ``"\\t"`` a ``w:tab``), :class:`Sym`
  (``w:sym``), :class:`ProofErr`, :class:`Bookmark`, :class:`Ins` / :class:`Del` (tracked
  changes), :class:`PageBreak`;
* block: :class:`Para` (optionally auto-numbered through ``w:numPr``) and :class:`Table` of
  :class:`Row` of :class:`Cell` (``w:gridSpan``, ``w:vMerge``; a cell may hold a nested table);

"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
DOC_NS = (
    f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="{R_NS}" '
    f'xmlns:w="{W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"'
)

A4 = (11906, 16838)
#: Text width of an A4 page with Word's Chinese default margins (1800 twips left and right).
TEXT_WIDTH = 8306
TEXT_WIDTH_LANDSCAPE = 13958

# --------------------------------------------------------------------------- inline


class Ids:
    """Counters for the ids a document numbers in order: paragraphs, bookmarks, revisions."""

    def __init__(self) -> None:
        self.para = count(0x10000001)
        self.mark = count(0)
        self.revision = count(1)


@dataclass(frozen=True)
class Run:
    """A run of text with its properties (sizes in points, fonts by name)."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None
    font: str | None = None  # east-Asian font
    latin: str | None = None  # ascii / hAnsi font
    lang: str | None = None  # w:lang w:val, e.g. "en-US"
    hint: bool = False  # w:rFonts w:hint="eastAsia", as Word writes on CJK runs
    rsid: str | None = None

    def xml(self, ids: Ids) -> str:  # noqa: ARG002
        return f"<w:r{_rsid(self.rsid)}>{_rpr(self)}{_text_xml(self.text)}</w:r>"


@dataclass(frozen=True)
class Sym:
    """A symbol-font character (``w:sym``), e.g. Wingdings 2 ``F0A3`` □ or ``F052`` ☑."""

    char: str
    font: str = "Wingdings 2"
    size: float | None = None

    def xml(self, ids: Ids) -> str:  # noqa: ARG002
        rpr = _rpr(Run(size=self.size, hint=True))
        return (
            f"<w:r>{rpr}<w:sym w:font={quoteattr(self.font)} w:char={quoteattr(self.char)}/></w:r>"
        )


@dataclass(frozen=True)
class ProofErr:
    """A spelling or grammar mark between runs: spellStart, spellEnd, gramStart, gramEnd."""

    kind: str = "spellStart"

    def xml(self, ids: Ids) -> str:  # noqa: ARG002
        return f"<w:proofErr w:type={quoteattr(self.kind)}/>"


@dataclass(frozen=True)
class Bookmark:
    """A bookmark around ``inlines`` (empty for a point bookmark such as ``_GoBack``)."""

    name: str
    inlines: tuple[Inline, ...] = ()

    def xml(self, ids: Ids) -> str:
        ident = next(ids.mark)
        inner = "".join(x.xml(ids) for x in self.inlines)
        return (
            f'<w:bookmarkStart w:id="{ident}" w:name={quoteattr(self.name)}/>{inner}'
            f'<w:bookmarkEnd w:id="{ident}"/>'
        )


@dataclass(frozen=True)
class Ins:
    """Inserted text of a tracked change (to be read)."""

    inlines: tuple[Run, ...]
    author: str = "Administrator"
    date: str = "2023-07-10T09:12:00Z"

    def xml(self, ids: Ids) -> str:
        inner = "".join(x.xml(ids) for x in self.inlines)
        return f'<w:ins w:id="{next(ids.revision)}" {_who(self.author, self.date)}>{inner}</w:ins>'


@dataclass(frozen=True)
class Del:
    """Deleted text of a tracked change (``w:delText``, not to be read)."""

    inlines: tuple[Run, ...]
    author: str = "Administrator"
    date: str = "2023-07-10T09:12:00Z"

    def xml(self, ids: Ids) -> str:
        runs = "".join(
            f"<w:r{_rsid(r.rsid)}>{_rpr(r)}<w:delText{_space(r.text)}>{escape(r.text)}"
            "</w:delText></w:r>"
            for r in self.inlines
        )
        return f'<w:del w:id="{next(ids.revision)}" {_who(self.author, self.date)}>{runs}</w:del>'


@dataclass(frozen=True)
class PageBreak:
    """A hard page break inside a paragraph."""

    def xml(self, ids: Ids) -> str:  # noqa: ARG002
        return '<w:r><w:br w:type="page"/></w:r>'


Inline = Run | Sym | ProofErr | Bookmark | Ins | Del | PageBreak

# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Para:
    """A paragraph: inline content and paragraph properties (spacing in twips)."""

    inlines: tuple[Inline, ...] = ()
    align: str | None = None  # left, center, right, both, distribute
    num: int | None = None  # numId from Doc.numbering
    level: int = 0
    before: int | None = None
    after: int | None = None
    line: int | None = None  # 240 = single; with line_exact an exact height
    line_exact: bool = False
    first_line_chars: int | None = None  # first-line indent in 1/100 characters
    left: int | None = None
    keep_next: bool = False
    mark_size: float | None = None  # size of the paragraph mark (height of an empty line)
    rsid: str | None = None

    def xml(self, ids: Ids) -> str:
        ppr = []
        if self.keep_next:
            ppr.append("<w:keepNext/>")
        if self.num is not None:
            ppr.append(
                f'<w:numPr><w:ilvl w:val="{self.level}"/><w:numId w:val="{self.num}"/></w:numPr>'
            )
        spacing = ""
        if self.before is not None:
            spacing += f' w:before="{self.before}"'
        if self.after is not None:
            spacing += f' w:after="{self.after}"'
        if self.line is not None:
            rule = "exact" if self.line_exact else "auto"
            spacing += f' w:line="{self.line}" w:lineRule="{rule}"'
        if spacing:
            ppr.append(f"<w:spacing{spacing}/>")
        ind = ""
        if self.left is not None:
            ind += f' w:left="{self.left}"'
        if self.first_line_chars is not None:
            ind += f' w:firstLineChars="{self.first_line_chars}" w:firstLine="{self.first_line_chars * 21 // 10}"'
        if ind:
            ppr.append(f"<w:ind{ind}/>")
        if self.align:
            ppr.append(f'<w:jc w:val="{self.align}"/>')
        if self.mark_size is not None:
            ppr.append(_rpr(Run(size=self.mark_size, hint=True)))
        body = "".join(x.xml(ids) for x in self.inlines)
        pid = next(ids.para)
        attrs = f' w14:paraId="{pid:08X}" w14:textId="77777777"{_rsid(self.rsid, "R")}'
        return f"<w:p{attrs}><w:pPr>{''.join(ppr)}</w:pPr>{body}</w:p>"


@dataclass(frozen=True)
class Cell:
    """A table cell: paragraphs (or nested tables, which must be followed by a paragraph)."""

    content: tuple[Para | Table, ...] = ()
    span: int = 1
    vmerge: str | None = None  # "restart" or "continue"
    valign: str = "center"
    shade: str | None = None


@dataclass(frozen=True)
class Row:
    """A table row; ``height`` is a minimum in twips (``exact`` makes it fixed)."""

    cells: tuple[Cell, ...]
    height: int | None = None
    exact: bool = False
    header: bool = False
    cant_split: bool = False


@dataclass(frozen=True)
class Table:
    """A bordered table on a fixed grid of column widths (twips)."""

    rows: tuple[Row, ...]
    widths: tuple[int, ...]
    align: str = "center"
    border: int = 4  # eighths of a point; 0 for none

    def xml(self, ids: Ids) -> str:
        total = sum(self.widths)
        borders = ""
        if self.border:
            sides = ("top", "left", "bottom", "right", "insideH", "insideV")
            borders = (
                "<w:tblBorders>"
                + "".join(
                    f'<w:{s} w:val="single" w:sz="{self.border}" w:space="0" w:color="auto"/>'
                    for s in sides
                )
                + "</w:tblBorders>"
            )
        tblpr = (
            f'<w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="{self.align}"/>{borders}'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        )
        grid = (
            "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in self.widths) + "</w:tblGrid>"
        )
        rows = "".join(self._row(r, i, ids) for i, r in enumerate(self.rows))
        return f"<w:tbl>{tblpr}{grid}{rows}</w:tbl>"

    def _row(self, row: Row, index: int, ids: Ids) -> str:
        spans = sum(c.span for c in row.cells)
        if spans != len(self.widths):
            msg = f"row {index} spans {spans} grid columns, the table has {len(self.widths)}"
            raise ValueError(msg)
        trpr = ""
        if row.cant_split:
            trpr += "<w:cantSplit/>"
        if row.height is not None:
            rule = ' w:hRule="exact"' if row.exact else ""
            trpr += f'<w:trHeight w:val="{row.height}"{rule}/>'
        if row.header:
            trpr += "<w:tblHeader/>"
        cells = []
        col = 0
        for c in row.cells:
            width = sum(self.widths[col : col + c.span])
            col += c.span
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if c.span > 1:
                tcpr += f'<w:gridSpan w:val="{c.span}"/>'
            if c.vmerge == "restart":
                tcpr += '<w:vMerge w:val="restart"/>'
            elif c.vmerge == "continue":
                tcpr += "<w:vMerge/>"
            if c.shade:
                tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{c.shade}"/>'
            tcpr += f'<w:vAlign w:val="{c.valign}"/>'
            content = list(c.content) or [Para()]
            if isinstance(content[-1], Table):
                content.append(Para())
            body = "".join(b.xml(ids) for b in content)
            cells.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>")
        return f'<w:tr w:rsidR="00B12C4D"><w:trPr>{trpr}</w:trPr>{"".join(cells)}</w:tr>'


Block = Para | Table

# --------------------------------------------------------------------------- xml pieces


def _rsid(rsid: str | None, what: str = "R") -> str:
    return f' w:rsid{what}="{rsid}"' if rsid else ""


def _who(author: str, date: str) -> str:
    return f"w:author={quoteattr(author)} w:date={quoteattr(date)}"


def _space(text: str) -> str:
    return ' xml:space="preserve"' if text != text.strip() or "  " in text else ""


def fonts_only(font: str | None) -> str:
    if not font:
        return ""
    f = quoteattr(font)
    return f"<w:rFonts w:ascii={f} w:eastAsia={f} w:hAnsi={f} w:cs={f}/>"


def _rpr(run: Run) -> str:
    out = []
    fonts = ""
    if run.hint:
        fonts += ' w:hint="eastAsia"'
    if run.latin:
        fonts += f" w:ascii={quoteattr(run.latin)} w:hAnsi={quoteattr(run.latin)}"
    if run.font:
        fonts += f" w:eastAsia={quoteattr(run.font)}"
        if not run.latin:
            fonts += f" w:ascii={quoteattr(run.font)} w:hAnsi={quoteattr(run.font)}"
    if fonts:
        out.append(f"<w:rFonts{fonts}/>")
    if run.bold:
        out.append("<w:b/><w:bCs/>")
    if run.italic:
        out.append("<w:i/>")
    if run.size is not None:
        half = round(run.size * 2)
        out.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if run.underline:
        out.append('<w:u w:val="single"/>')
    if run.lang:
        out.append(f'<w:lang w:val="{run.lang}" w:eastAsia="zh-CN"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def _text_xml(text: str) -> str:
    out = []
    buf = ""
    for ch in text:
        if ch in "\n\t":
            if buf:
                out.append(f"<w:t{_space(buf)}>{escape(buf)}</w:t>")
                buf = ""
            out.append("<w:br/>" if ch == "\n" else "<w:tab/>")
        else:
            buf += ch
    if buf:
        out.append(f"<w:t{_space(buf)}>{escape(buf)}</w:t>")
    return "".join(out)


#: Revision-save ids, as Word lists them in settings.xml and stamps them on edited runs.
RSIDS = ("00B12C4D", "001F3A72", "003E5C19", "0062D8A4", "007A41B3", "00C90E57")
