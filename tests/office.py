"""LibreOffice from the tests: the real client that opens, saves and prints what we write.

``.ci/run`` installs it, so a test that needs it fails without it rather than
skip: a skipped check would hide a missing feature.  Each run gets a profile of
its own, so conversions never share LibreOffice's user directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path


def soffice() -> str:
    """The LibreOffice command (``$CLUSTERFORMS_SOFFICE`` if set, as the library honours it)."""
    found = shutil.which(os.environ.get("CLUSTERFORMS_SOFFICE") or "soffice") or shutil.which(
        "libreoffice"
    )
    assert found is not None, "LibreOffice (soffice) is needed: .ci/run installs it"
    return found


def convert(
    sources: Path | Iterable[Path], target: str, outdir: Path, *, timeout: float = 600
) -> list[Path]:
    """Open ``sources`` in one LibreOffice run and save each as ``target`` in ``outdir``.

    ``target`` is what ``--convert-to`` takes (``pdf``, ``doc``,
    ``xlsx:Calc MS Excel 2007 XML``…); the files written are returned in order.
    """
    files = [sources] if isinstance(sources, Path) else list(sources)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        result = subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    suffix = target.split(":", maxsplit=1)[0]
    written = [outdir / f"{source.stem}.{suffix}" for source in files]
    missing = [path.name for path in written if not path.exists()]
    assert not missing, f"LibreOffice did not write {missing}: {result.stdout}{result.stderr}"
    return written
