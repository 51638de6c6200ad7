"""Putting the document together: cover, 填报说明, parts 一 to 九, appendices.

Body XML is collected as strings and parsed in one go per page orientation;
a change of orientation (the landscape 附件2) closes the section before it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from clusterforms._spec import FormSpec
from clusterforms.errors import RenderError
from clusterforms_renderers.docx._appendices import appendix
from clusterforms_renderers.docx._cover import cover, instructions
from clusterforms_renderers.docx._sections import section
from clusterforms_renderers.docx._setup import (
    LANDSCAPE_WIDTH,
    PORTRAIT_WIDTH,
    Orientation,
    append_body,
    break_section,
    new_document,
)
from clusterforms_renderers.docx._values import Values
from clusterforms_renderers.docx._xml import body


def build(spec: FormSpec, data: Mapping[str, Any] | None = None) -> bytes:
    """The .docx bytes of ``spec``, filled with ``data`` when given."""
    if not spec.data_years:
        msg = f"spec {spec.id!r} has no data_years: a form needs the years its tables ask for"
        raise RenderError(msg)
    values = Values(data)
    chunks = cover(spec, values) + instructions(spec)
    for i, part in enumerate(spec.sections):
        chunks += section(part, spec, values, PORTRAIT_WIDTH, new_page=part.new_page or i == 0)
    document = new_document()
    orientation: Orientation = "portrait"
    for item in spec.appendices:
        new_page = True
        if item.orientation != orientation:
            append_body(document, body(chunks))
            chunks = []
            break_section(document, item.orientation)
            orientation = item.orientation
            new_page = False
        width = PORTRAIT_WIDTH if orientation == "portrait" else LANDSCAPE_WIDTH
        chunks += appendix(item, width, new_page=new_page)
    chunks.append("<w:p/>")  # a document (and a section) ends with a paragraph, never a table
    append_body(document, body(chunks))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
