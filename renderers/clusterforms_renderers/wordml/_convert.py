"""``read_word``: any Word file — .docx, or .doc/.wps/.odt/.rtf converted by LibreOffice first.

The format is told from the bytes, never from the name: a .doc named .docx
is still read, a PDF named .doc is refused.  What LibreOffice is given is
checked first, so it never sees a password-protected or macro-carrying file;
it converts a private copy with the hardened profile and time limit of
:mod:`clusterforms_renderers._soffice`, and its .docx output goes through
every guard of :func:`read_docx`.  Without LibreOffice the refusal says what
to install.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Final

import attrs

from clusterforms.errors import ReadError
from clusterforms_renderers._package import MAX_FILE, OLE_MAGIC, load_bytes
from clusterforms_renderers._soffice import TIMEOUT, convert, find_soffice, install_hint
from clusterforms_renderers.wordml._model import WordDocument
from clusterforms_renderers.wordml._ole import read_directory
from clusterforms_renderers.wordml._reader import read_docx

#: LibreOffice's filter for Word 2007–365 documents.
_DOCX_FILTER: Final = "docx:MS Word 2007 XML"
_ODF_TEXT: Final = b"application/vnd.oasis.opendocument.text"


def sniff(data: bytes, name: str) -> str:
    """The format of ``data``: "docx", "doc", "wps", "odt" or "rtf".

    Raises:
        ReadError: not a Word document, or one that must not be converted
            (password-protected, with macros, a web page saved as .doc).

    """
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"PK"):
        if data[30:38] == b"mimetype":
            if data[38 : 38 + len(_ODF_TEXT)] == _ODF_TEXT:
                return "odt"
            msg = f"{name}: an OpenDocument file that is not a text document; not a Word document"
            raise ReadError(msg)
        return "docx"
    if data.startswith(OLE_MAGIC):
        return _ole_format(data, name)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"<html", b"<!doctype html", b"mime-version:", b"<?xml")):
        msg = (
            f"{name}: a web page (HTML/MHT) or XML file saved with a Word name, which is "
            "not read (it can fetch pictures from anywhere); open it in Word or WPS and "
            "save it as a .docx"
        )
        raise ReadError(msg)
    msg = f"{name}: not a Word document (.docx, .doc, .wps, .odt or .rtf)"
    raise ReadError(msg)


def _ole_format(data: bytes, name: str) -> str:
    directory = read_directory(data, name)
    names = directory.names
    if "EncryptedPackage" in names or directory.word_encrypted:
        msg = f"{name}: a password-protected document; remove the password and save it as a .docx"
        raise ReadError(msg)
    if names & {"Macros", "_VBA_PROJECT", "VBA", "_VBA_PROJECT_CUR"}:
        msg = (
            f"{name}: a document with macros (a VBA project); macros are never run or read "
            "here — save it as a plain Word document (.docx) and send that"
        )
        raise ReadError(msg)
    if "WordDocument" not in names:
        kind = "an Excel workbook (.xls)" if names & {"Workbook", "Book"} else "an OLE file"
        msg = f"{name}: {kind}, not a Word document"
        raise ReadError(msg)
    return "wps" if name.lower().endswith(".wps") else "doc"


def read_word(  # noqa: PLR0913 - the options of read_docx, and a timeout
    source: str | Path | bytes,
    name: str | None = None,
    *,
    styles: bool = False,
    headers_and_footers: bool = False,
    skip_controls: Collection[str] = (),
    timeout: float = TIMEOUT,
) -> WordDocument:
    """The document any Word file holds; .doc, .wps, .odt and .rtf are converted first.

    Args:
        source: the file's path, or its bytes.
        name: how to name the file in messages (default: the path).
        styles: see :func:`read_docx`.
        headers_and_footers: see :func:`read_docx`.
        skip_controls: see :func:`read_docx`.
        timeout: seconds LibreOffice may take to convert a file.

    Raises:
        ReadError: what :func:`read_docx` refuses; a file that is none of these
            formats, or must not be converted; LibreOffice missing (the message
            says how to install it), failing or too slow.

    """
    data, label = load_bytes(source, name, "Word document")
    kind = sniff(data, label)
    if kind == "docx":
        return read_docx(
            data,
            label,
            styles=styles,
            headers_and_footers=headers_and_footers,
            skip_controls=skip_controls,
        )
    converted = to_docx(data, label, kind, "reading", timeout=timeout)
    document = read_docx(
        converted,
        label,
        styles=styles,
        headers_and_footers=headers_and_footers,
        skip_controls=skip_controls,
    )
    return attrs.evolve(document, source_format=kind)


def to_docx(data: bytes, label: str, kind: str, doing: str, *, timeout: float = TIMEOUT) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a ``kind`` file :func:`sniff` named, not docx).

    ``doing`` names what needs the conversion in the message when LibreOffice is
    missing ("reading", "annotating").
    """
    hint = install_hint(f"{doing} a .{kind} file needs LibreOffice (soffice) to convert it")
    soffice = find_soffice()
    if soffice is None:
        msg = f"{label}: {hint}"
        raise ReadError(msg)

    def error(message: str) -> ReadError:
        return ReadError(f"{label}: {message}")

    return convert(
        data,
        soffice,
        # A Kingsoft .wps is Word 97 inside; named .wps, LibreOffice would try MS Works.
        suffix=".doc" if kind == "wps" else f".{kind}",
        target=_DOCX_FILTER,
        what=f"the .{kind} file to .docx",
        error=error,
        hint=hint,
        timeout=timeout,
        limit=MAX_FILE,
    )
