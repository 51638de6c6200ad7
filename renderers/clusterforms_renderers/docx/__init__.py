"""The official form as a Word document (.docx), blank or filled in.

python-docx is imported only inside :meth:`DocxRenderer.render`, so listing
the installed renderers does not load it.  The layout rules are described
in docs/word.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from clusterforms.renderer import Renderer

if TYPE_CHECKING:  # annotations only: listing renderers loads this module and no more
    from clusterforms import Application, FormSpec


class DocxRenderer(Renderer):
    """The form as the authorities print it: cover, 填报说明, parts 一 to 九, appendices."""

    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    extension: ClassVar[str] = ".docx"
    can_fill: ClassVar[bool] = True

    def render(self, spec: FormSpec, data: Application | None = None) -> bytes:
        """The .docx bytes; a value Word cannot hold raises RenderError naming its field."""
        from clusterforms_renderers.docx._build import build  # noqa: PLC0415 - keep listing light

        return build(spec, data)


__all__ = ["DocxRenderer"]
