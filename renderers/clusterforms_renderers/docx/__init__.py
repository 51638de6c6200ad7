"""The official form as a Word document (.docx), blank or filled in, read back and annotated.

python-docx is imported only inside :meth:`DocxRenderer.render`, and lxml only
inside :meth:`DocxRenderer.read` (:mod:`.reading`) and :meth:`DocxRenderer.annotate`
(:mod:`._annotate`), so listing the installed renderers loads neither.  The layout
rules are described in docs/word.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from clusterforms.renderer import Renderer

if TYPE_CHECKING:  # annotations only: listing renderers loads this module and no more
    from clusterforms import Application, FormSpec, Reading, Report, SpecDraft


class DocxRenderer(Renderer):
    """The form as the authorities print it: cover, 填报说明, parts 一 to 九, appendices."""

    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    extension: ClassVar[str] = ".docx"
    can_fill: ClassVar[bool] = True
    can_read: ClassVar[bool] = True
    read_suffixes: ClassVar[tuple[str, ...]] = (".docx", ".doc", ".wps", ".odt", ".rtf")
    can_import: ClassVar[bool] = True
    can_annotate: ClassVar[bool] = True

    def render(self, spec: FormSpec, data: Application | None = None) -> bytes:
        """The .docx bytes; a value Word cannot hold raises RenderError naming its field."""
        from clusterforms_renderers.docx._build import build  # noqa: PLC0415 - keep listing light

        return build(spec, data)

    def sniff(self, head: bytes) -> bool:
        """A zip holding Word's ``word/`` parts, an OLE file (.doc, .wps) or an RTF file."""
        if head.startswith((b"{\\rtf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
            return True
        return head.startswith(b"PK") and b"word/" in head

    def read(
        self, source: str | Path | bytes, *, spec: FormSpec | None = None, name: str | None = None
    ) -> Reading:
        """The application a filled Word form holds: one we rendered, or a template filled in.

        The spec comes from the document's properties, or ``spec`` (which a form
        filled by hand, having none, needs).  Values are found by the printed
        form; the reading's notes say what was found, missed and guessed, and
        every piece of typed text that belongs to no field (docs/word.md).

        Raises:
            clusterforms.ReadError: not a Word file, damaged or hostile, for an
                unknown spec, or without a spec named by either.

        """
        from clusterforms_renderers.docx.reading import read_filled  # noqa: PLC0415 - on use

        return read_filled(source, spec=spec, name=name)

    def annotate(
        self, source: str | Path | bytes, report: Report, *, name: str | None = None
    ) -> bytes:
        """A copy of the document: a comment on every problem's cell, a list of problems on top."""
        from clusterforms_renderers.docx._annotate import annotate_document  # noqa: PLC0415

        return annotate_document(source, report, name=name)

    def import_spec(self, source: str | Path | bytes, *, name: str | None = None) -> SpecDraft:
        """The draft spec a blank official template prints, its guesses as notes (docs/word.md).

        Raises:
            clusterforms.ReadError: not a Word file, damaged or hostile, or a .doc/.wps
                without LibreOffice to convert it.

        """
        from clusterforms_renderers.docx.importing import import_template  # noqa: PLC0415

        return import_template(source, name=name)


__all__ = ["DocxRenderer"]
