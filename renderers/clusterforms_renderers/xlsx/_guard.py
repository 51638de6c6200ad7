"""Opening an untrusted xlsx package: the shared zip guard, with messages about workbooks.

The checks themselves (size, zip directory, member sizes, compression ratio,
reads stopped at the limit) live in :mod:`clusterforms_renderers._package`,
shared with the Word reader; this module only says how a workbook is named.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from clusterforms_renderers import _package
from clusterforms_renderers._package import MAX_MEMBER, MAX_MEMBERS, PackageKind

__all__ = ["MAX_MEMBER", "MAX_MEMBERS", "WORKBOOK", "Package"]

WORKBOOK: Final = PackageKind(
    noun="workbook",
    format="xlsx",
    described="an xlsx workbook",
    ole=(
        "an .xls (Excel 97–2003) or password-protected workbook; "
        "save it as an unprotected .xlsx workbook"
    ),
)


class Package(_package.Package):
    """A checked xlsx package; members are read with a size limit."""

    def __init__(self, source: str | Path | bytes, name: str | None = None) -> None:
        super().__init__(source, name, WORKBOOK)
