"""The stream names of an OLE (Compound File) document, read with fixed bounds.

A .doc, a Kingsoft .wps, an .xls and a password-protected .docx are all OLE
files; what tells them apart — and tells a file with macros or a password —
is the names in the file's directory (``WordDocument``, ``Workbook``,
``EncryptedPackage``, ``Macros``/``_VBA_PROJECT``) and one flag of a Word
file's header.  Only the directory is read: the header's sector size, the
FAT sectors it lists, and the directory's chain, each step bounded by the
file's own size so a looping or lying chain ends.
"""

from __future__ import annotations

import struct
from typing import Final

import attrs

from clusterforms.errors import ReadError

_HEADER: Final = 512
_END_OF_CHAIN: Final = 0xFFFFFFFE
_ENTRY: Final = 128
_MINI_CUTOFF: Final = 4096
_STREAM: Final = 2


@attrs.frozen
class OleDirectory:
    """The names of an OLE file's storages and streams, and whether Word says it is encrypted."""

    names: frozenset[str]
    word_encrypted: bool


def read_directory(data: bytes, name: str) -> OleDirectory:
    """The directory of the OLE file ``data``.

    Raises:
        ReadError: the header or directory is damaged.

    """
    try:
        return _read(data)
    except (struct.error, ValueError, IndexError):
        msg = f"{name}: a damaged OLE (.doc/.wps) file: its directory cannot be read"
        raise ReadError(msg) from None


class _Sectors:
    """The file's sectors and its FAT, read where needed, never built whole."""

    def __init__(self, data: bytes) -> None:
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise ValueError(shift)
        self.data = data
        self.size = 1 << shift
        self.count = max(0, (len(data) - _HEADER) // self.size)
        self.per_sector = self.size // 4
        self.fat = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < self.count]
        difat = struct.unpack_from("<I", data, 0x44)[0]
        for _ in range(self.count):  # more FAT sectors, listed in a chain, for large files
            if difat >= self.count or len(self.fat) * self.per_sector >= self.count:
                break
            entries = struct.unpack(f"<{self.per_sector}I", self.sector(difat))
            self.fat += [s for s in entries[:-1] if s < self.count]
            difat = entries[-1]

    def sector(self, index: int) -> bytes:
        if not 0 <= index < self.count:
            raise ValueError(index)
        start = (index + 1) * self.size
        return self.data[start : start + self.size]

    def next(self, index: int) -> int:
        holder = self.fat[index // self.per_sector]
        offset = (holder + 1) * self.size + (index % self.per_sector) * 4
        return int(struct.unpack_from("<I", self.data, offset)[0])


def _read(data: bytes) -> OleDirectory:
    sectors = _Sectors(data)
    names: set[str] = set()
    word_encrypted = False
    current = struct.unpack_from("<I", data, 0x30)[0]
    for _ in range(sectors.count):  # a chain longer than the file loops
        if current == _END_OF_CHAIN or current >= sectors.count:
            break
        block = sectors.sector(current)
        for at in range(0, sectors.size, _ENTRY):
            length, kind = struct.unpack_from("<HB", block, at + 0x40)
            if kind == 0 or not 2 <= length <= 64:
                continue
            entry_name = block[at : at + length - 2].decode("utf-16-le", "replace")
            names.add(entry_name)
            if entry_name == "WordDocument" and kind == _STREAM:
                start, stream_size = struct.unpack_from("<II", block, at + 0x74)
                if stream_size >= _MINI_CUTOFF and start < sectors.count:
                    # FIB flag fEncrypted: bit 8 of the flags word at 0x0A.
                    word_encrypted = bool(sectors.sector(start)[0x0B] & 0x01)
        current = sectors.next(current)
    return OleDirectory(frozenset(names), word_encrypted)
