"""What a document carries besides the printed form: its spec, and the application's ``meta``.

The core properties say what the file is to a file manager and to a PDF made
from it: the form's title, the spec id as subject, ``clusterforms <version>``
as its creator and the time it was written (python-docx's template would
leave "python-docx" and 2013).

The spec id, digest and generator version are custom document properties
(``docProps/custom.xml``); the application's ``meta`` strings (集群简介 among
them, which the form does not print) are a custom XML part, because Word cuts
property values at 255 characters.  Word, WPS and LibreOffice keep both through
a save (LibreOffice's ``--convert-to docx`` is tested to), so a filled-in copy
still says which spec drew it and keeps what only the data had.  The reader uses
them to name the spec and to restore ``meta``; it never needs them to find a
value, which it finds by the printed form.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final
from xml.sax.saxutils import escape

import clusterforms
from clusterforms_renderers.docx._xml import xml_text

if TYPE_CHECKING:
    from docx.document import Document

#: The property names, and what each holds.
SPEC_PROPERTY: Final = "clusterforms.spec"
DIGEST_PROPERTY: Final = "clusterforms.spec_digest"
VERSION_PROPERTY: Final = "clusterforms.version"

_PART: Final = "/docProps/custom.xml"
_CONTENT_TYPE: Final = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every user-defined property carries (FMTID_UserDefinedProperties).
_FMTID: Final = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: The namespace of the custom XML part holding ``meta``: ``<meta><entry key="…">…</entry></meta>``.
META_NAMESPACE: Final = "urn:clusterforms:application-meta:1"
_META_PART: Final = "/customXml/clusterforms-meta.xml"
_CUSTOM_XML_RELATIONSHIP: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
)
#: What XML would normalise away: a carriage return in text; also quotes and white space in keys.
_TEXT: Final = {"\r": "&#13;"}
_ATTRIBUTE: Final = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}


def custom_properties_xml(spec: clusterforms.FormSpec) -> bytes:
    """The custom properties part naming ``spec``, its digest and the generator's version."""
    values = (
        (SPEC_PROPERTY, spec.id),
        (DIGEST_PROPERTY, clusterforms.spec_digest(spec)),
        (VERSION_PROPERTY, clusterforms.__version__),
    )
    properties = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{name}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values, start=2)  # pids start at 2
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_NS}" xmlns:vt="{_VT}">{properties}</Properties>'
    ).encode()


def meta_xml(meta: Mapping[str, str]) -> bytes:
    """The custom XML part holding ``meta``, one ``entry`` per key, in the document's order."""
    entries = "".join(
        f'<entry key="{escape(key, _ATTRIBUTE)}">{escape(value, _TEXT)}</entry>'
        for key, value in meta.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<meta xmlns="{META_NAMESPACE}">{entries}</meta>'
    ).encode()


def add_meta(document: Document, meta: Mapping[str, str]) -> None:
    """Add ``meta`` as a custom XML part of the main document (nothing when it is empty)."""
    if not meta:
        return
    from docx.opc.packuri import PackURI  # noqa: PLC0415 - python-docx on use
    from docx.opc.part import Part  # noqa: PLC0415

    part = Part(PackURI(_META_PART), "application/xml", meta_xml(meta), document.part.package)
    document.part.relate_to(part, _CUSTOM_XML_RELATIONSHIP)


def add_custom_properties(document: Document, spec: clusterforms.FormSpec) -> None:
    """Add the custom properties part, its content type and its package relationship."""
    from docx.opc.constants import RELATIONSHIP_TYPE  # noqa: PLC0415 - python-docx on use
    from docx.opc.packuri import PackURI  # noqa: PLC0415
    from docx.opc.part import Part  # noqa: PLC0415

    package = document.part.package
    part = Part(PackURI(_PART), _CONTENT_TYPE, custom_properties_xml(spec), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


def set_core_properties(document: Document, spec: clusterforms.FormSpec) -> None:
    """Title, subject, creator and dates of the document, replacing the template's."""
    props = document.core_properties
    props.title = xml_text(spec.title)
    props.subject = xml_text(spec.id)
    props.author = props.last_modified_by = f"clusterforms {clusterforms.__version__}"
    props.comments = props.keywords = props.category = ""
    props.revision = 1
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
