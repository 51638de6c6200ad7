"""Putting the document together: cover, 填报说明, parts 一 to 九, appendices.

Body XML is collected as strings and parsed in one go per page orientation;
a change of orientation (the landscape 附件2) closes the section before it.
A spec with nothing on its cover (the 汇总表) has no cover page: its first
part starts the first page, in that part's orientation.  An application
with values leaves out the appendix tables (the national 附件2 推荐集群汇总表):
the recommending department fills those for many applications, so a blank
copy at the end of one application is a page to throw away.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from clusterforms import Application, FormSpec, Orientation, read_application
from clusterforms.errors import ApplicationError, RenderError
from clusterforms_renderers.docx._appendices import appendix
from clusterforms_renderers.docx._attachments import attachments_part
from clusterforms_renderers.docx._cover import cover, instructions
from clusterforms_renderers.docx._placeholders import placeholders
from clusterforms_renderers.docx._properties import (
    add_custom_properties,
    add_meta,
    set_core_properties,
)
from clusterforms_renderers.docx._sections import section
from clusterforms_renderers.docx._setup import (
    LANDSCAPE_WIDTH,
    PORTRAIT_WIDTH,
    append_body,
    break_section,
    new_document,
)
from clusterforms_renderers.docx._values import Values
from clusterforms_renderers.docx._xml import body

if TYPE_CHECKING:
    from docx.document import Document


class _Pages:
    """The body as it is written: chunks of XML, one Word section per orientation."""

    def __init__(self, document: Document, orientation: Orientation) -> None:
        self.document = document
        self.orientation = orientation
        self.chunks: list[str] = []
        self.started = False  # anything on the first page yet

    @property
    def width(self) -> int:
        return PORTRAIT_WIDTH if self.orientation == "portrait" else LANDSCAPE_WIDTH

    def turn(self, orientation: Orientation, *, new_page: bool) -> bool:
        """Continue in ``orientation``; whether the next part still needs a page break."""
        if orientation == self.orientation:
            return new_page and self.started
        append_body(self.document, body(self.chunks))
        self.chunks = []
        break_section(self.document, orientation)
        self.orientation = orientation
        return False

    def add(self, chunks: list[str]) -> None:
        self.chunks += chunks
        self.started = self.started or bool(chunks)

    def finish(self) -> bytes:
        self.chunks.append("<w:p/>")  # a document (and a section) ends with a paragraph
        append_body(self.document, body(self.chunks))
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _application(spec: FormSpec, data: object) -> Application:
    try:
        return read_application(spec, data)
    except ApplicationError as exc:
        raise RenderError(exc.message) from None


def build(spec: FormSpec, data: object = None) -> bytes:
    """The .docx bytes of ``spec``, filled with ``data`` when given.

    ``data`` is the typed application (or a document, which is read first).
    """
    if not spec.data_years:
        msg = f"spec {spec.id!r} has no data_years: a form needs the years its tables ask for"
        raise RenderError(msg)
    application = None if data is None else _application(spec, data)
    values = Values(application)
    first: Orientation = "portrait"
    if not spec.has_cover and not spec.instructions and spec.sections:
        first = spec.sections[0].orientation
    document = new_document(first, cover_page=spec.has_cover)
    add_custom_properties(document, spec)
    set_core_properties(document, spec)
    if application is not None:
        add_meta(document, application.meta)
    pages = _Pages(document, first)
    if spec.has_cover:
        pages.add(cover(spec, values))
    pages.add(instructions(spec, new_page=pages.started))
    for i, part in enumerate(spec.sections):
        new_page = pages.turn(part.orientation, new_page=part.new_page or i == 0)
        pages.add(section(part, spec, values, pages.width, new_page=new_page))
    names = placeholders(spec, values)
    for item in spec.appendices:
        if item.table is not None and application is not None and application.values:
            continue  # the recommending city's 汇总表: nothing of an application goes there
        new_page = pages.turn(item.orientation, new_page=True)
        pages.add(appendix(item, pages.width, new_page=new_page, names=names))
    if values.attachments:
        new_page = pages.turn("portrait", new_page=True)
        pages.add(attachments_part(values.attachments, pages.width, new_page=new_page))
    return pages.finish()
