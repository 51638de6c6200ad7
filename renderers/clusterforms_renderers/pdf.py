"""The form as PDF: the Word rendering converted by LibreOffice, headless.

The authorities ask for the form as an editable Word file *and* a PDF; the
PDF is that same document as LibreOffice lays it out, so the two never
disagree.  Running LibreOffice (private copy, throw-away profile, time limit)
is :mod:`clusterforms_renderers._soffice`, shared with the Word reader.

On Linux the Chinese fonts the document names (宋体, 仿宋, 黑体) are rarely
installed; the conversion then maps them to the CJK fonts that are (Noto /
Source Han, fonts-noto-cjk) through the profile's font replacement table,
keeping serif faces serif and 黑体 sans-serif.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import ClassVar

from clusterforms import Application, FormSpec
from clusterforms.errors import RenderError
from clusterforms.renderer import Renderer
from clusterforms_renderers._soffice import (
    SOFFICE_ENV,
    TIMEOUT,
    convert,
    find_soffice,
    install_hint,
    xcu_item,
)

__all__ = ["INSTALL_HINT", "SOFFICE_ENV", "PdfRenderer", "convert_docx", "find_soffice"]

INSTALL_HINT = install_hint("the pdf renderer needs LibreOffice (soffice) to convert the Word form")

_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "AR PL UMing CN")
_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Zen Hei")
#: The document's Chinese font names, and the kind of face each stands for.
_REPLACED = {
    **dict.fromkeys(("宋体", "SimSun", "仿宋", "FangSong", "仿宋_GB2312"), _SERIF),
    **dict.fromkeys(("黑体", "SimHei"), _SANS),
}


def _installed_families() -> set[str]:
    """Font families fontconfig knows (empty where there is no fontconfig)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return set()
    try:
        listing = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [fc_list, ":", "family"], capture_output=True, timeout=30, check=False, text=True
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {name.strip() for line in listing.splitlines() for name in line.split(",")}


def _font_replacements() -> list[str]:
    """Profile items replacing the document's Chinese fonts that are not installed.

    Each Chinese font name of the document that is not installed is replaced
    by the first installed CJK face of its kind (serif for 宋体 and 仿宋, sans
    for 黑体); without it LibreOffice falls back to its interface font.  Only
    missing fonts get a pair, so "always replace" (the one setting LibreOffice
    honours in a conversion) never overrides an installed font.
    """
    installed = _installed_families()
    pairs = []
    for name, candidates in _REPLACED.items():
        if name in installed:
            continue
        substitute = next((c for c in candidates if c in installed), None)
        if substitute is not None:
            pairs.append((name, substitute))
    if not pairs:
        return []
    nodes = "".join(
        f'<node oor:name="_{i}" oor:op="replace">'
        '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{name}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{substitute}</value></prop>'
        "</node>"
        for i, (name, substitute) in enumerate(pairs)
    )
    pairs_item = (
        f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">{nodes}</item>'
    )
    return [
        xcu_item("/org.openoffice.Office.Common/Font/Substitution", "Replacement", "true"),
        pairs_item,
    ]


def convert_docx(document: bytes, soffice: str, timeout: float = TIMEOUT) -> bytes:
    """Convert Word bytes to PDF bytes with LibreOffice.

    Raises:
        RenderError: LibreOffice failed, produced nothing, or ran past ``timeout``.

    """
    return convert(
        document,
        soffice,
        suffix=".docx",
        target="pdf",
        what="the form to PDF",
        error=RenderError,
        hint=INSTALL_HINT,
        timeout=timeout,
        profile_items=_font_replacements(),
    )


class PdfRenderer(Renderer):
    """The Word form converted to PDF by LibreOffice, for reading and printing."""

    name: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"
    extension: ClassVar[str] = ".pdf"
    can_fill: ClassVar[bool] = True

    def render(self, spec: FormSpec, data: Application | None = None) -> bytes:
        """The PDF bytes; RenderError says how to install LibreOffice when it is missing."""
        soffice = find_soffice()
        if soffice is None:
            raise RenderError(INSTALL_HINT)
        from clusterforms_renderers.docx import DocxRenderer  # noqa: PLC0415 - loads python-docx

        return convert_docx(DocxRenderer().render(spec, data), soffice)
