"""Opening an untrusted Office (zip) package: refuse what is not one, or is built to hurt.

Workbooks and Word forms come from outside, by email, from hundreds of
applicants.  Before any XML is parsed the package is checked with fixed
limits, the same for every format:

- the input is at most :data:`MAX_FILE` bytes and is a zip (an OLE file — an
  ``.xls``/``.doc``/``.wps`` or a password-protected file — is named as such);
- the zip's end record is read by hand first, so a directory of millions of
  entries is refused before :mod:`zipfile` builds objects for them;
- every member's declared size is at most :data:`MAX_MEMBER`, all together at
  most :data:`MAX_TOTAL`, and no large member is compressed more than
  :data:`MAX_RATIO` times (a zip bomb);
- reading a member stops at the limit whatever the header claimed, and a
  damaged (e.g. truncated) member is a :class:`ReadError`, not a traceback.

What differs between formats is only how a file is named in messages: a
:class:`PackageKind`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Final

import attrs

from clusterforms.errors import ReadError

MAX_FILE: Final = 50 * 1024 * 1024
MAX_MEMBERS: Final = 5_000
MAX_MEMBER: Final = 32 * 1024 * 1024
MAX_TOTAL: Final = 200 * 1024 * 1024
MAX_RATIO: Final = 100
#: Members smaller than this may compress as well as they like.
_RATIO_FLOOR: Final = 1024 * 1024
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EOCD: Final = b"PK\x05\x06"
_EOCD64_LOCATOR: Final = b"PK\x06\x07"
_EOCD64: Final = b"PK\x06\x06"
_EOCD_SIZE: Final = 22
_MAX_COMMENT: Final = 0xFFFF


@attrs.frozen
class PackageKind:
    """How messages name one format's files.

    Attributes:
        noun: the file as a person calls it ("workbook", "Word document").
        format: the short format name ("xlsx", "docx").
        described: the format with its article ("an xlsx workbook").
        ole: what to say about an OLE file given where this format was expected.

    """

    noun: str
    format: str
    described: str
    ole: str


class Package:
    """A checked zip package; members are read with a size limit."""

    def __init__(self, source: str | Path | bytes, name: str | None, kind: PackageKind) -> None:
        self.kind = kind
        data, self.name = _load(source, name, kind)
        self.data = data
        _check_directory(data, self.name, kind)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
            msg = f"damaged zip package ({exc})"
            raise self.error(msg) from None
        self.members = {info.filename: info for info in self.zip.infolist()}
        _check_members(self)

    def error(self, message: str) -> ReadError:
        """A ReadError naming this file."""
        return ReadError(f"{self.name}: {message}")

    def has(self, member: str) -> bool:
        """Whether the package holds ``member``."""
        return member in self.members

    def read(self, member: str, limit: int = MAX_MEMBER) -> bytes:
        """The bytes of ``member``; refuses more than ``limit`` bytes whatever the header says."""
        info = self.members.get(member)
        if info is None:
            msg = f"not a {self.kind.noun}: the package has no {member}"
            raise self.error(msg)
        if info.file_size > limit:
            msg = f"{member} is {info.file_size} bytes uncompressed; more than the {limit} allowed"
            raise self.error(msg)
        try:
            with self.zip.open(info) as handle:
                # Never ask for more than the header declared: zipfile inflates at most
                # that much, so a header lying low costs nothing but a CRC error.
                data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            msg = f"damaged member {member} ({exc}); is the file truncated?"
            raise self.error(msg) from None
        except NotImplementedError as exc:
            msg = f"{member} uses an unsupported compression ({exc})"
            raise self.error(msg) from None
        except RuntimeError as exc:  # an encrypted member asks for a password
            msg = f"{member} cannot be read ({exc})"
            raise self.error(msg) from None
        if len(data) > limit:
            msg = f"{member} inflates to more than {limit} bytes"
            raise self.error(msg)
        return data


def load_bytes(source: str | Path | bytes, name: str | None, noun: str) -> tuple[bytes, str]:
    """The bytes of ``source`` (at most :data:`MAX_FILE`) and how to name it in messages."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or f"<{noun}>"
    else:
        path = Path(source)
        label = name or str(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE:
                msg = f"{label}: {size} bytes; a {noun} larger than {MAX_FILE} bytes is refused"
                raise ReadError(msg)
            data = path.read_bytes()
        except FileNotFoundError:
            msg = f"{label}: no such file"
            raise ReadError(msg) from None
        except IsADirectoryError:
            msg = f"{label}: is a directory, not a {noun}"
            raise ReadError(msg) from None
        except OSError as exc:
            msg = f"{label}: cannot read file: {exc.strerror}"
            raise ReadError(msg) from None
    if len(data) > MAX_FILE:
        msg = f"{label}: {len(data)} bytes; a {noun} larger than {MAX_FILE} bytes is refused"
        raise ReadError(msg)
    return data, label


def _load(source: str | Path | bytes, name: str | None, kind: PackageKind) -> tuple[bytes, str]:
    data, label = load_bytes(source, name, kind.noun)
    if data.startswith(OLE_MAGIC):
        msg = f"{label}: {kind.ole}"
        raise ReadError(msg)
    if not data.startswith(b"PK"):
        msg = f"{label}: not {kind.described} (not a zip package)"
        raise ReadError(msg)
    return data, label


def _check_directory(data: bytes, name: str, kind: PackageKind) -> None:
    """Read the zip's end record and refuse absurd entry counts before zipfile parses them."""
    tail_start = max(0, len(data) - _EOCD_SIZE - _MAX_COMMENT)
    at = data.rfind(_EOCD, tail_start)
    if at < 0 or len(data) - at < _EOCD_SIZE:
        msg = (
            f"{name}: damaged {kind.format}: the zip's end record is missing "
            "(is the file truncated?)"
        )
        raise ReadError(msg)
    entries = struct.unpack_from("<H", data, at + 10)[0]
    if entries == 0xFFFF:
        locator = at - 20
        if locator >= 0 and data[locator : locator + 4] == _EOCD64_LOCATOR:
            offset = struct.unpack_from("<Q", data, locator + 8)[0]
            if 0 <= offset <= len(data) - 56 and data[offset : offset + 4] == _EOCD64:
                entries = struct.unpack_from("<Q", data, offset + 32)[0]
    if entries > MAX_MEMBERS:
        msg = f"{name}: the package lists {entries} members; more than {MAX_MEMBERS} is refused"
        raise ReadError(msg)


def _check_members(package: Package) -> None:
    infos = list(package.members.values())
    if len(infos) > MAX_MEMBERS:
        msg = f"the package has {len(infos)} members; more than {MAX_MEMBERS}"
        raise package.error(msg)
    total = 0
    for info in infos:
        if info.file_size > MAX_MEMBER:
            msg = f"{info.filename} is {info.file_size} bytes uncompressed; more than {MAX_MEMBER}"
            raise package.error(msg)
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            msg = f"{info.filename} is compressed {ratio}:1 (a zip bomb?); refused"
            raise package.error(msg)
        total += info.file_size
    if total > MAX_TOTAL:
        msg = f"the package inflates to {total} bytes; more than {MAX_TOTAL}"
        raise package.error(msg)
