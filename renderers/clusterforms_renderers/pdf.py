"""The form as PDF: the Word rendering converted by LibreOffice, headless.

The authorities ask for the form as an editable Word file *and* a PDF; the
PDF is that same document as LibreOffice lays it out, so the two never
disagree.  Each conversion runs with a throw-away LibreOffice profile, so
conversions can run side by side and never touch the user's settings.

On Linux the Chinese fonts the document names (宋体, 仿宋, 黑体) are rarely
installed; the conversion then maps them to the CJK fonts that are (Noto /
Source Han, fonts-noto-cjk) through the profile's font replacement table,
keeping serif faces serif and 黑体 sans-serif.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from clusterforms import FormSpec
from clusterforms.errors import RenderError
from clusterforms.renderer import Renderer

#: Seconds a conversion may take before it is stopped.
TIMEOUT = 120

#: Set to the path of ``soffice`` to use a LibreOffice that is not on PATH.
SOFFICE_ENV = "CLUSTERFORMS_SOFFICE"

INSTALL_HINT = (
    "the pdf renderer needs LibreOffice (soffice) to convert the Word form, and it is not "
    "installed or not on PATH. Install it: Debian/Ubuntu: sudo apt-get install "
    "libreoffice-writer-nogui fonts-noto-cjk; Fedora: sudo dnf install libreoffice-writer "
    "google-noto-sans-cjk-fonts; macOS: brew install --cask libreoffice; Windows: "
    "winget install TheDocumentFoundation.LibreOffice (or the installer from "
    f"libreoffice.org). Or set {SOFFICE_ENV} to the soffice program."
)

_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "AR PL UMing CN")
_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Zen Hei")
#: The document's Chinese font names, and the kind of face each stands for.
_REPLACED = {
    **dict.fromkeys(("宋体", "SimSun", "仿宋", "FangSong", "仿宋_GB2312"), _SERIF),
    **dict.fromkeys(("黑体", "SimHei"), _SANS),
}


def find_soffice() -> str | None:
    """The LibreOffice program to run, or ``None`` when none is installed."""
    override = os.environ.get(SOFFICE_ENV)
    if override:
        return override
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = {
        "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
        "win32": [
            r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        ],
    }.get(sys.platform, [])
    return next((c for c in candidates if Path(c).is_file()), None)


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


def _font_replacements(profile: Path) -> None:
    """Seed a fresh LibreOffice profile with a font replacement table.

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
        return
    nodes = "".join(
        f'<node oor:name="_{i}" oor:op="replace">'
        '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{name}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{substitute}</value></prop>'
        "</node>"
        for i, (name, substitute) in enumerate(pairs)
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>'
        f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">{nodes}</item>'
        "</oor:items>",
        encoding="utf-8",
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a conversion that ran too long, with the helper processes it started."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows
        process.kill()
    process.wait()


def convert_docx(document: bytes, soffice: str, timeout: float = TIMEOUT) -> bytes:
    """Convert Word bytes to PDF bytes with LibreOffice.

    Raises:
        RenderError: LibreOffice failed, produced nothing, or ran past ``timeout``.

    """
    with tempfile.TemporaryDirectory(prefix="clusterforms-pdf-") as tmp:
        work = Path(tmp)
        source = work / "form.docx"
        source.write_bytes(document)
        profile = work / "profile"
        _font_replacements(profile)
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except OSError as exc:
            msg = f"cannot run LibreOffice ({soffice}): {exc.strerror or exc}. {INSTALL_HINT}"
            raise RenderError(msg) from exc
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            msg = f"LibreOffice did not finish converting the form to PDF within {timeout:g} s"
            raise RenderError(msg) from None
        result = work / "form.pdf"
        if process.returncode != 0 or not result.is_file():
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            msg = (
                f"LibreOffice could not convert the form to PDF (exit code {process.returncode})"
                + (f": {' / '.join(detail)}" if detail else "")
            )
            raise RenderError(msg)
        return result.read_bytes()


class PdfRenderer(Renderer):
    """The Word form converted to PDF by LibreOffice, for reading and printing."""

    name: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"
    extension: ClassVar[str] = ".pdf"
    can_fill: ClassVar[bool] = True

    def render(self, spec: FormSpec, data: Mapping[str, Any] | None = None) -> bytes:
        """The PDF bytes; RenderError says how to install LibreOffice when it is missing."""
        soffice = find_soffice()
        if soffice is None:
            raise RenderError(INSTALL_HINT)
        from clusterforms_renderers.docx import DocxRenderer  # noqa: PLC0415 - loads python-docx

        return convert_docx(DocxRenderer().render(spec, data), soffice)
