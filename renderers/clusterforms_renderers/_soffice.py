"""Running LibreOffice headless to convert one file, safely, with a time limit.

Used both ways: the pdf renderer converts our own Word form to PDF, and the
Word reader converts an untrusted ``.doc``/``.wps``/``.odt``/``.rtf`` to
``.docx``.  Every conversion:

- works on a copy in a private temporary directory (mode 0700), which is
  removed afterwards with everything LibreOffice wrote there;
- runs with a throw-away profile, so conversions can run side by side and
  never touch the user's settings; the profile turns off what a hostile file
  could use — macros (never run, VBA never loaded), links and fields updated
  on load (``INCLUDETEXT`` of a local file), linked images from anywhere;
- is stopped, with every helper process it started, after ``timeout`` seconds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from clusterforms.errors import ClusterformsError

#: Seconds a conversion may take before it is stopped.
TIMEOUT: Final = 120

#: Set to the path of ``soffice`` to use a LibreOffice that is not on PATH.
SOFFICE_ENV: Final = "CLUSTERFORMS_SOFFICE"

_SCRIPTING: Final = "/org.openoffice.Office.Common/Security/Scripting"
_UPDATE: Final = "/org.openoffice.Office.Writer/Content/Update"
_VBA: Final = "/org.openoffice.Office.Writer/Filter/Import/VBA"
#: Registry settings of every conversion profile: (path, property, value).  Macros:
#: very high security, never run; links and fields: never updated on load (0 is
#: "never"); linked images: blocked; VBA: neither loaded nor made executable.
_HARDENED: Final = (
    (_SCRIPTING, "MacroSecurityLevel", "3"),
    (_SCRIPTING, "DisableMacrosExecution", "true"),
    (_SCRIPTING, "BlockUntrustedRefererLinks", "true"),
    (_UPDATE, "Link", "0"),
    (_UPDATE, "Field", "false"),
    (_VBA, "Load", "false"),
    (_VBA, "Executable", "false"),
)


def install_hint(needs: str) -> str:
    """How to install LibreOffice, after saying what ``needs`` it."""
    return (
        f"{needs}, and it is not installed or not on PATH. Install it: Debian/Ubuntu: "
        "sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk; Fedora: sudo dnf "
        "install libreoffice-writer google-noto-sans-cjk-fonts; macOS: brew install --cask "
        "libreoffice; Windows: winget install TheDocumentFoundation.LibreOffice (or the "
        f"installer from libreoffice.org). Or set {SOFFICE_ENV} to the soffice program."
    )


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


def xcu_item(path: str, prop: str, value: str) -> str:
    """One registry setting, as a ``registrymodifications.xcu`` item."""
    return (
        f'<item oor:path="{path}"><prop oor:name="{prop}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>"
    )


def _write_profile(profile: Path, extra: Iterable[str]) -> None:
    """A fresh LibreOffice profile holding the hardened settings and ``extra`` items."""
    items = "".join(xcu_item(*setting) for setting in _HARDENED) + "".join(extra)
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{items}</oor:items>',
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


def convert(  # noqa: PLR0913 - one call says everything about a conversion
    document: bytes,
    soffice: str,
    *,
    suffix: str,
    target: str,
    what: str,
    error: Callable[[str], ClusterformsError],
    hint: str,
    timeout: float = TIMEOUT,
    profile_items: Iterable[str] = (),
    limit: int | None = None,
) -> bytes:
    """``document`` (a ``suffix`` file) converted by LibreOffice to ``target`` (e.g. "pdf").

    Args:
        document: the file's bytes; written to a private copy, never to its own path.
        soffice: the LibreOffice program.
        suffix: the extension the copy gets (".docx", ".doc"), which LibreOffice reads.
        target: LibreOffice's ``--convert-to`` argument; its part before ``:`` is the
            result's extension.
        what: what is converted, for messages ("the form to PDF").
        error: makes the exception to raise from a message.
        hint: how to install LibreOffice, for when it cannot be run.
        timeout: seconds before the conversion is stopped.
        profile_items: more registry items for the profile (e.g. font replacements).
        limit: the most bytes the result may have; a larger one is an error, never read.

    Raises:
        ClusterformsError: what ``error`` makes, when LibreOffice cannot be run, fails,
            produces nothing, or runs past ``timeout``.

    """
    extension = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="clusterforms-soffice-") as tmp:
        work = Path(tmp)
        source = work / f"document{suffix}"
        source.write_bytes(document)
        profile = work / "profile"
        _write_profile(profile, profile_items)
        outdir = work / "out"
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ]
        try:
            process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=work,
                start_new_session=True,
            )
        except OSError as exc:
            msg = f"cannot run LibreOffice ({soffice}): {exc.strerror or exc}. {hint}"
            raise error(msg) from None
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            msg = f"LibreOffice did not finish converting {what} within {timeout:g} s"
            raise error(msg) from None
        result = outdir / f"document.{extension}"
        if process.returncode != 0 or not result.is_file():
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            msg = f"LibreOffice could not convert {what} (exit code {process.returncode})" + (
                f": {' / '.join(detail)}" if detail else ""
            )
            raise error(msg)
        size = result.stat().st_size
        if limit is not None and size > limit:
            msg = f"LibreOffice converted {what} into {size} bytes; more than {limit}"
            raise error(msg)
        return result.read_bytes()
