"""Walking a story (body, cell, comment, header) into blocks: paragraphs and tables, in order.

A paragraph's text is what Word prints:

- runs are joined whatever lies between them — proofing marks, bookmarks,
  language or font changes, smart tags, hyperlinks, content controls, field
  boundaries (a field's code is left out, its result kept);
- ``w:tab``/``w:ptab`` → tab, ``w:br``/``w:cr`` → line break (a page or column
  break → nothing), ``w:sym`` and
  symbol-font runs → the glyph drawn (:mod:`._glyphs`), a legacy check-box
  form field → ☑ or □;
- tracked changes are accepted: inserted and moved-to text kept, deleted and
  moved-from text dropped, deleted table rows dropped; the walker notes that
  the document had changes;
- text boxes are read as blocks of their own, once (their VML fallback copy
  and ruby annotations are not text of the paragraph).

Content controls (``w:sdt``) and custom XML wrappers are opened at every
level.  The document's size is bounded: paragraphs, cells, rows, nesting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from lxml import etree

from clusterforms.errors import ReadError
from clusterforms_renderers.wordml._frames import (
    CellFrame,
    Frame,
    ParagraphFrame,
    RowFrame,
    Story,
    TableFrame,
    story_of,
)
from clusterforms_renderers.wordml._glyphs import in_symbol_font, symbol_char, symbol_table
from clusterforms_renderers.wordml._grid import CellSpec, RowSpec, build_table, has_content
from clusterforms_renderers.wordml._model import Block, ListNumber, Paragraph, Style
from clusterforms_renderers.wordml._names import (
    MC_FALLBACK,
    R_ID,
    W_ALT_CHUNK,
    W_BR,
    W_CHAR,
    W_CHECKBOX,
    W_CHECKED,
    W_COMMENT_REFERENCE,
    W_COMMENT_START,
    W_CR,
    W_DEFAULT,
    W_DEL,
    W_FONT,
    W_GRID_AFTER,
    W_GRID_BEFORE,
    W_GRID_COL,
    W_GRID_SPAN,
    W_HMERGE,
    W_ID,
    W_ILVL,
    W_INS,
    W_MOVE_FROM,
    W_MOVE_TO,
    W_NO_BREAK_HYPHEN,
    W_NS,
    W_NUM_ID,
    W_P,
    W_PSTYLE,
    W_PTAB,
    W_R,
    W_RFONTS,
    W_RT,
    W_SDT_PR,
    W_SDT_TAG,
    W_SUB_DOC,
    W_SYM,
    W_T,
    W_TAB,
    W_TABS,
    W_TBL,
    W_TBL_STYLE,
    W_TC,
    W_TR,
    W_TXBX_CONTENT,
    W_TYPE,
    W_VAL,
    W_VMERGE,
)
from clusterforms_renderers.wordml._numbering import LEVELS, Numbering, int_value
from clusterforms_renderers.wordml._styles import style_numbering

MAX_PARAGRAPHS: Final = 50_000
MAX_CELLS: Final = 50_000
MAX_ROWS: Final = 5_000
MAX_NESTING: Final = 16

#: Every element the walker looks at; all others are passed over in C.
_TAGS: Final = (
    W_P,
    W_TBL,
    W_TR,
    W_TC,
    W_T,
    W_RFONTS,
    W_TAB,
    W_PTAB,
    W_BR,
    W_CR,
    W_SYM,
    W_NO_BREAK_HYPHEN,
    W_CHECKBOX,
    W_COMMENT_START,
    W_COMMENT_REFERENCE,
    W_INS,
    W_DEL,
    W_MOVE_FROM,
    W_MOVE_TO,
    W_TXBX_CONTENT,
    MC_FALLBACK,
    W_RT,
    W_SUB_DOC,
    W_ALT_CHUNK,
    W_PSTYLE,
    W_NUM_ID,
    W_ILVL,
    W_TBL_STYLE,
    W_GRID_COL,
    W_GRID_BEFORE,
    W_GRID_AFTER,
    W_GRID_SPAN,
    W_VMERGE,
    W_HMERGE,
    W_SDT_TAG,
)
#: Elements whose text is not printed text of the paragraph.
_NOT_TEXT: Final = frozenset({W_DEL, W_MOVE_FROM, MC_FALLBACK, W_RT})
_CHANGES: Final = frozenset({W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO})
_BREAKS: Final = frozenset({W_BR, W_CR})
#: A page or column break prints no character, so it is no text.
_PAGE_BREAKS: Final = frozenset({"page", "column"})
_COMMENT_MARKS: Final = frozenset({W_COMMENT_START, W_COMMENT_REFERENCE})
#: Counted in C, before anything is built.
_COUNT_PARAGRAPHS: Final = etree.XPath("count(//w:p)", namespaces={"w": W_NS})
_COUNT_CELLS: Final = etree.XPath("count(//w:tc)", namespaces={"w": W_NS})
#: The fewest bytes an element can be written in: ``<p/>``.
_SMALLEST_ELEMENT: Final = 4
_ROW_CHANGES: Final = frozenset({W_DEL, W_INS})
_STRUCTURE: Final = frozenset({W_P, W_TC, W_TR, W_TBL})
_PARAGRAPH_MARKS: Final = frozenset({W_PSTYLE, W_NUM_ID, W_ILVL})
_OFF: Final = frozenset({"0", "false", "off"})
#: Builds a CellSpec or RowSpec from a tuple in C, a third of the cost of calling the class.
_new: Final = tuple.__new__


def _checked(box: etree._Element) -> bool:
    """Whether a legacy check-box form field is ticked (``w:checked``, else ``w:default``)."""
    for child in box:
        if child.tag == W_CHECKED:
            return child.get(W_VAL) not in _OFF
    for child in box:
        if child.tag == W_DEFAULT:
            return (child.get(W_VAL) or "0") not in _OFF
    return False


def _grandparent(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    return parent.getparent() if parent is not None else None


def _hide(hidden: set[etree._Element] | None, element: etree._Element) -> set[etree._Element]:
    """``hidden`` with every element of interest inside ``element`` added."""
    found = hidden if hidden is not None else set()
    found.update(element.iter(*_TAGS))
    return found


class Walker:
    """Reads the stories of one part into blocks, keeping the part's counts and notes.

    One pass over the elements of interest, in document order (lxml filters
    the rest in C).  Tables, rows and cells open frames on a stack; a new
    structural element closes the frames it is not inside of.  Paragraphs never
    nest (a text box is walked on its own), so the open paragraph is simply the
    last one met.
    """

    def __init__(
        self,
        part: str,
        error: Callable[[str], ReadError],
        numbering: Callable[[], Numbering | None],
        styles: dict[str, Style],
        skip_controls: frozenset[str] = frozenset(),
    ) -> None:
        self.part = part
        self._skip_controls = skip_controls
        self._error = error
        self._numbering = numbering
        self._styles = styles
        self.tracked_changes = False
        self.unread: list[str] = []
        self._tables = 0
        self._nesting = 0

    def refuse(self, message: str) -> ReadError:
        """A ReadError naming the file and this part."""
        return self._error(f"{self.part}: {message}")

    def check_size(self, root: etree._Element, size: int | None = None) -> None:
        """Refuse a part with more paragraphs or cells than any form has, before walking it.

        ``size`` is the part's length in bytes, if known: every element takes at
        least :data:`_SMALLEST_ELEMENT` bytes (``<p/>``), so a part too short to
        hold more than the limits is not counted.
        """
        if size is not None and size <= _SMALLEST_ELEMENT * min(MAX_PARAGRAPHS, MAX_CELLS):
            return
        for counter, limit, what in (
            (_COUNT_PARAGRAPHS, MAX_PARAGRAPHS, "paragraphs"),
            (_COUNT_CELLS, MAX_CELLS, "table cells"),
        ):
            found = counter(root)
            if isinstance(found, float) and found > limit:
                msg = f"{int(found)} {what}; more than {limit} is refused"
                raise self.refuse(msg)

    def blocks(self, container: etree._Element) -> tuple[Block, ...]:  # noqa: C901, PLR0912, PLR0915 - one dispatch over the elements, in document order
        """The paragraphs and tables inside ``container``, in reading order."""
        root = Story(container)
        stack: list[Frame] = [root]
        opened: dict[etree._Element, Frame] = {container: root}
        skip: set[etree._Element] | None = None
        paragraph: ParagraphFrame | None = None
        text_sink: list[str] = []  # where stray text outside any paragraph goes
        symbols: dict[int, str] | None = None
        symbol_run: etree._Element | None = None
        make_paragraph = self._paragraph
        w_t, w_p, structure = W_T, W_P, _STRUCTURE  # the most met, looked up once
        for element in container.iter(*_TAGS):
            if skip is not None and element in skip:
                continue
            tag = element.tag
            if tag == w_t:
                text = element.text
                if text:
                    if symbols is not None and element.getparent() is symbol_run:
                        text = in_symbol_font(text, symbols)
                    text_sink.append(text)
            elif tag in structure:
                top = stack[-1]
                if paragraph is not None:
                    story = top if isinstance(top, Story) else top.story
                    story.blocks.append(make_paragraph(paragraph))
                    paragraph = None
                parent = element.getparent()
                if parent is not top.element:
                    self._close_outside(parent, stack, opened)
                if tag == w_p:
                    paragraph = ParagraphFrame(element)
                    text_sink = paragraph.parts
                else:
                    frame = self._open(element, tag, stack[-1])
                    stack.append(frame)
                    opened[element] = frame
                    text_sink = []
            elif tag == W_SDT_TAG:
                control = _grandparent(element)  # w:tag → w:sdtPr → w:sdt
                parent = element.getparent()
                if (
                    control is not None
                    and parent is not None
                    and parent.tag == W_SDT_PR
                    and element.get(W_VAL) in self._skip_controls
                ):
                    skip = _hide(skip, control)
            elif tag == W_ALT_CHUNK:
                target = element.get(R_ID) or ""
                self.unread.append(
                    f"{self.part}: an imported chunk (w:altChunk {target[:40]}) is not read"
                )
            elif paragraph is None:
                if _grandparent(element) is stack[-1].element:
                    stack[-1].note(tag, element)
                if tag in _ROW_CHANGES:
                    self.tracked_changes = True
                    top = stack[-1]
                    if tag == W_DEL and isinstance(top, RowFrame) and not top.deleted:
                        top.deleted = True
                        skip = _hide(skip, top.element)
            elif tag == W_RFONTS:
                run = _grandparent(element)
                if run is not None and run.tag == W_R:
                    found = next((t for t in map(symbol_table, element.values()) if t), None)
                    if found is not None:
                        symbols, symbol_run = found, run
            elif tag == W_TAB:
                parent = element.getparent()
                if parent is None or parent.tag != W_TABS:
                    text_sink.append("\t")
            elif tag in _BREAKS:
                if element.get(W_TYPE) not in _PAGE_BREAKS:
                    text_sink.append("\n")
            elif tag == W_SYM:
                text_sink.append(symbol_char(element.get(W_FONT), element.get(W_CHAR)))
            elif tag in _PARAGRAPH_MARKS:
                self._paragraph_property(element, tag, paragraph)
            elif tag in _CHANGES:
                self.tracked_changes = True
                if tag in _NOT_TEXT:
                    skip = _hide(skip, element)
            elif tag in _COMMENT_MARKS:
                paragraph.comments.append(element.get(W_ID) or "")
            elif tag == W_TXBX_CONTENT:
                paragraph.boxes.append(self.blocks(element))
                skip = _hide(skip, element)
            elif tag in _NOT_TEXT:
                skip = _hide(skip, element)
            elif tag == W_PTAB:
                text_sink.append("\t")
            elif tag == W_NO_BREAK_HYPHEN:
                text_sink.append("-")
            elif tag == W_CHECKBOX:
                text_sink.append("☑" if _checked(element) else "□")
            elif tag == W_SUB_DOC:
                self.unread.append(f"{self.part}: a linked sub-document (w:subDoc) is not followed")
        if paragraph is not None:
            story_of(stack[-1]).blocks.append(self._paragraph(paragraph))
        while len(stack) > 1:
            self._close(stack, opened)
        return tuple(root.blocks)

    def _open(self, element: etree._Element, tag: object, top: Frame) -> Frame:
        """A frame for a table, row or cell starting at ``element``."""
        if tag == W_TC:
            return CellFrame(element)
        if tag == W_TR:
            return RowFrame(element, story_of(top))
        self._tables += 1
        table = TableFrame(element, f"table {self._tables}", story_of(top))
        if self._nesting >= MAX_NESTING:
            msg = f"{table.place} is nested more than {MAX_NESTING} tables deep; refused"
            raise self.refuse(msg)
        self._nesting += 1
        return table

    def _paragraph_property(
        self, element: etree._Element, tag: object, paragraph: ParagraphFrame
    ) -> None:
        """Note the paragraph's style or list, when ``element`` is in its own ``w:pPr``."""
        if tag == W_PSTYLE:
            if paragraph.style is None and _grandparent(element) is paragraph.element:
                paragraph.style = element.get(W_VAL)
            return
        properties = _grandparent(element)  # w:numId → w:numPr → w:pPr
        if properties is None or properties.getparent() is not paragraph.element:
            return
        if tag == W_NUM_ID and paragraph.num_id is None:
            paragraph.num_id = element
        elif tag == W_ILVL and paragraph.level is None:
            paragraph.level = element

    def _close_outside(
        self,
        parent: etree._Element | None,
        stack: list[Frame],
        opened: dict[etree._Element, Frame],
    ) -> None:
        """Close the frames an element whose parent is ``parent`` is not inside of."""
        while parent is not None and parent not in opened:
            parent = parent.getparent()
        while len(stack) > 1 and stack[-1].element is not parent:
            self._close(stack, opened)

    def _close(self, stack: list[Frame], opened: dict[etree._Element, Frame]) -> None:
        """Close the innermost frame, handing what it made to the frame around it."""
        frame = stack.pop()
        del opened[frame.element]
        top = stack[-1]
        if isinstance(frame, CellFrame):
            blocks = tuple(frame.blocks)
            if not isinstance(top, RowFrame):  # a cell outside any row: keep what it holds
                story_of(top).blocks.extend(blocks)
                return
            span = int_value(frame.span, 1, 1, 10**6)
            if frame.continues_left and top.cells:
                left = top.cells[-1]
                kept = left.blocks + tuple(b for b in blocks if has_content(b))
                top.cells[-1] = _new(CellSpec, (left.span + span, left.merge, kept))
            else:
                top.cells.append(_new(CellSpec, (span, frame.merge, blocks)))
        elif isinstance(frame, RowFrame):
            if frame.deleted:
                return
            if not isinstance(top, TableFrame):  # a row outside any table: keep what it holds
                frame.story.blocks.extend(b for cell in frame.cells for b in cell.blocks)
                return
            if len(top.rows) >= MAX_ROWS:
                msg = f"{top.place} has more than {MAX_ROWS} rows; refused"
                raise self.refuse(msg)
            before = int_value(frame.before, 0, 0, 10**6)
            after = int_value(frame.after, 0, 0, 10**6)
            top.rows.append(_new(RowSpec, (before, tuple(frame.cells), after)))
        elif isinstance(frame, TableFrame):
            self._nesting -= 1
            place = frame.place
            table = build_table(
                frame.rows, frame.grid_columns, frame.style, lambda m: self.refuse(f"{place} {m}")
            )
            frame.story.blocks.append(table)

    def _paragraph(self, frame: ParagraphFrame) -> Paragraph:
        style = frame.style
        comments, boxes = frame.comments, frame.boxes
        if frame.num_id is None and not (style and self._styles) and not comments and not boxes:
            return Paragraph("".join(frame.parts), style)  # the usual paragraph
        return Paragraph(
            "".join(frame.parts),
            style,
            self._number(frame) if frame.num_id is not None or (style and self._styles) else None,
            tuple(dict.fromkeys(comments)) if comments else (),
            tuple(boxes) if boxes else (),
        )

    def _number(self, frame: ParagraphFrame) -> ListNumber | None:
        """The paragraph's list number: its own ``w:numPr``, else its style's."""
        style = frame.style
        num_id = int_value(frame.num_id, 0, 0, 2**31) if frame.num_id is not None else None
        level = int_value(frame.level, 0, 0, LEVELS - 1) if frame.level is not None else None
        if style is not None and self._styles and (num_id is None or level is None):
            style_num, style_level = style_numbering(self._styles, style)
            num_id = style_num if num_id is None else num_id
            level = style_level if level is None else level
        if not num_id:  # absent, or 0: "not numbered", which overrides the style
            return None
        numbering = self._numbering()
        if level is None and numbering is not None and style is not None:
            level = numbering.level_for_style(num_id, style)
        level = level or 0
        if numbering is None:
            return ListNumber(num_id=num_id, level=level, label="", format="")
        return numbering.number(num_id, level)
