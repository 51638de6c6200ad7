"""What the walker collects for each open paragraph, cell, row, table or story.

The walker meets elements in document order; each structural element opens a
frame that collects what follows, and becomes a frozen block when it closes.
"""

from __future__ import annotations

from lxml import etree

from clusterforms_renderers.wordml._grid import CellSpec, RowSpec
from clusterforms_renderers.wordml._model import Block
from clusterforms_renderers.wordml._names import (
    W_GRID_AFTER,
    W_GRID_BEFORE,
    W_GRID_COL,
    W_GRID_SPAN,
    W_HMERGE,
    W_TBL_STYLE,
    W_VAL,
    W_VMERGE,
)


class Story:
    """An open container of blocks: the body, a cell, a text box, a comment, a header."""

    __slots__ = ("blocks", "element")

    def __init__(self, element: etree._Element) -> None:
        self.element = element
        self.blocks: list[Block] = []

    def note(self, tag: object, element: etree._Element) -> None:
        """Take a property element found in the frame's own properties (none for a story)."""


class ParagraphFrame:
    """An open paragraph: its text so far, properties, comment marks and text boxes."""

    __slots__ = ("boxes", "comments", "element", "level", "num_id", "parts", "style")

    def __init__(self, element: etree._Element) -> None:
        self.element = element
        self.parts: list[str] = []
        self.style: str | None = None
        self.num_id: etree._Element | None = None
        self.level: etree._Element | None = None
        self.comments: list[str] = []
        self.boxes: list[tuple[Block, ...]] = []


class CellFrame(Story):
    """An open ``w:tc``: its blocks, span and merge marks."""

    __slots__ = ("continues_left", "merge", "span")

    def __init__(self, element: etree._Element) -> None:
        self.element = element  # what Story.__init__ does, without the call: one per cell
        self.blocks: list[Block] = []
        self.span: etree._Element | None = None
        self.merge: str | None = None
        self.continues_left = False

    def note(self, tag: object, element: etree._Element) -> None:
        """Take ``w:gridSpan``, ``w:vMerge`` or ``w:hMerge`` from the cell's ``w:tcPr``."""
        if tag == W_GRID_SPAN:
            self.span = self.span if self.span is not None else element
        elif tag == W_VMERGE:
            self.merge = "restart" if element.get(W_VAL) == "restart" else "continue"
        elif tag == W_HMERGE:
            self.continues_left = element.get(W_VAL) != "restart"


class RowFrame:
    """An open ``w:tr``: its cells so far, skipped columns, whether it was deleted."""

    __slots__ = ("after", "before", "cells", "deleted", "element", "story")

    def __init__(self, element: etree._Element, story: Story) -> None:
        self.element = element
        self.story = story
        self.cells: list[CellSpec] = []
        self.before: etree._Element | None = None
        self.after: etree._Element | None = None
        self.deleted = False

    def note(self, tag: object, element: etree._Element) -> None:
        """Take ``w:gridBefore`` or ``w:gridAfter`` from the row's ``w:trPr``."""
        if tag == W_GRID_BEFORE:
            self.before = element
        elif tag == W_GRID_AFTER:
            self.after = element


class TableFrame:
    """An open ``w:tbl``: its rows so far, grid columns, style and place in the part."""

    __slots__ = ("element", "grid_columns", "place", "rows", "story", "style")

    def __init__(self, element: etree._Element, place: str, story: Story) -> None:
        self.element = element
        self.story = story
        self.place = place
        self.rows: list[RowSpec] = []
        self.grid_columns = 0
        self.style: str | None = None

    def note(self, tag: object, element: etree._Element) -> None:
        """Count a ``w:gridCol`` of the table's grid; take its ``w:tblStyle``."""
        if tag == W_GRID_COL:
            self.grid_columns += 1
        elif tag == W_TBL_STYLE:
            self.style = self.style or element.get(W_VAL)


#: What the walker's stack holds (paragraphs never nest, so they are not on it).
Frame = Story | RowFrame | TableFrame


def story_of(frame: Frame) -> Story:
    """The container of blocks ``frame`` is, or sits in."""
    return frame if isinstance(frame, Story) else frame.story
