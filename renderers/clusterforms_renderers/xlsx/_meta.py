"""The hidden metadata sheet: which spec a workbook is for, and where every value lives.

The sheet (``_cf_meta``, very hidden: Excel's menus cannot unhide it) is a
list of records, one per row, the first column naming the record:

====================  ==========================================================
``clusterforms-xlsx`` the format version (``3``; ``2`` had no ``continued`` cells)
``spec``              the spec id
``spec_sha256``       a fingerprint of the spec the workbook was made from
``generator``         ``clusterforms <version>``
``meta``              key, value: the application's ``meta`` strings
``option``            field id, option id, label: what each drop-down label means
``cells``             a sheet name, then the input cells on it, one per line:
                      field id, year, part, kind, cell, defined name, tab-separated
====================  ==========================================================

Format ``1`` (the first release) had a row per input cell instead of the
``cells`` rows — ``cell``: field id, year, part, kind, sheet, cell, defined
name — a dozen XML elements per input cell, which made the map most of the
cost of reading a workbook.  Both are read.

The reader trusts none of it: every record is checked for shape and size,
and cells are looked up through the defined names first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import Final

import attrs

from clusterforms import FormSpec, __version__, spec_digest
from clusterforms.errors import ReadError
from clusterforms_renderers.xlsx._codec import escape_text
from clusterforms_renderers.xlsx._keys import FIELD_RE, KINDS, PART_RE, CellKey

FORMAT: Final = "clusterforms-xlsx"
VERSION: Final = "3"
#: Every format this release reads.
READS: Final = frozenset({"1", "2", VERSION})
NOTE: Final = "此工作表由 clusterforms 生成，记录各单元格对应的填报项，用于读回数据，请勿修改。"
_COORD: Final = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")
_MAX_RECORDS: Final = 50_000
#: The characters of one ``cells`` record's lines, well under Excel's 32 767 a cell.
_PACKED: Final = 30_000
_CELL_PARTS: Final = 6
#: One well-formed line of a ``cells`` record, as :func:`_record` checks it.
_LINE: Final = (
    rf"(?:{FIELD_RE.pattern})\t(?:[0-9]{{4}})?\t(?:{PART_RE.pattern})?"
    rf"\t(?:{'|'.join(sorted(KINDS))})\t{_COORD.pattern}\t[^\t\n]*"
)
#: A ``cells`` record whose every line is well formed: checked at once, in C.
_WELL_FORMED: Final = re.compile(rf"{_LINE}(?:\n{_LINE})*")


@attrs.frozen(kw_only=True)
class Located:
    """An input cell's key and where it is."""

    key: CellKey
    sheet: str
    cell: str
    name: str = ""


@attrs.frozen(kw_only=True)
class Metadata:
    """What the metadata sheet says."""

    spec_id: str
    spec_sha256: str = ""
    generator: str = ""
    meta: dict[str, str] = attrs.field(factory=dict)
    options: dict[str, dict[str, str]] = attrs.field(factory=dict)  # field -> label -> id
    cells: tuple[Located, ...] = ()


def fingerprint(spec: FormSpec) -> str:
    """A SHA-256 of the spec's data: tells whether a workbook was made from this very spec."""
    return spec_digest(spec).removeprefix("sha256:")


def records(
    spec: FormSpec,
    meta: dict[str, str],
    options: Iterable[tuple[str, str, str]],
    cells: Iterable[Located],
) -> Iterator[tuple[str, ...]]:
    """The rows of the metadata sheet."""
    yield (FORMAT, VERSION, NOTE)
    yield ("spec", spec.id)
    yield ("spec_sha256", fingerprint(spec))
    yield ("generator", f"clusterforms {__version__}")
    for key, value in meta.items():
        yield ("meta", key, value)
    for field, option_id, label in options:
        yield ("option", field, option_id, label)
    for sheet, located in groupby(cells, key=lambda item: item.sheet):
        for packed in _pack(_line(item) for item in located):
            yield ("cells", sheet, packed)


def _line(located: Located) -> str:
    key = located.key
    year = "" if key.year is None else str(key.year)
    return f"{key.field}\t{year}\t{key.part}\t{key.kind}\t{located.cell}\t{located.name}"


def _pack(lines: Iterable[str]) -> Iterator[str]:
    """The lines joined by line breaks, as few cells as fit (escaped) in :data:`_PACKED`."""
    chunk: list[str] = []
    size = 0
    for line in lines:
        length = len(escape_text(line)) + 1
        if chunk and size + length > _PACKED:
            yield "\n".join(chunk)
            chunk, size = [], 0
        chunk.append(line)
        size += length
    if chunk:
        yield "\n".join(chunk)


def _damaged(why: str) -> ReadError:
    return ReadError(f"the workbook's metadata sheet is damaged: {why}")


def parse(rows: Sequence[Sequence[str]]) -> Metadata:
    """Read the metadata rows back (either format); raises :class:`ReadError` if malformed."""
    if not rows or not rows[0] or rows[0][0] != FORMAT:
        raise ReadError("not a clusterforms workbook: its metadata sheet is missing or foreign")
    version = rows[0][1] if len(rows[0]) > 1 else ""
    if version not in READS:
        msg = (
            f"the workbook uses metadata format {version!r}; this clusterforms reads format "
            f"{' and '.join(sorted(READS))} — upgrade clusterforms"
        )
        raise ReadError(msg)
    if len(rows) > _MAX_RECORDS:
        msg = f"more than {_MAX_RECORDS} records"
        raise _damaged(msg)
    found = _Records()
    for n, row in enumerate(rows[1:], start=2):
        found.add(n, row[0] if row else "", [*row[1:], "", "", "", "", "", "", ""])
    spec_id = found.fields.get("spec", "")
    if not spec_id:
        raise _damaged("no spec id")
    return Metadata(
        spec_id=spec_id,
        spec_sha256=found.fields.get("spec_sha256", ""),
        generator=found.fields.get("generator", ""),
        meta=found.meta,
        options=found.options,
        cells=tuple(found.cells),
    )


@attrs.define
class _Records:
    """The records of the metadata sheet as they are read."""

    fields: dict[str, str] = attrs.Factory(dict)
    meta: dict[str, str] = attrs.Factory(dict)
    options: dict[str, dict[str, str]] = attrs.Factory(dict)
    cells: list[Located] = attrs.Factory(list)

    def add(self, n: int, kind: str, cols: list[str]) -> None:
        if kind in {"spec", "spec_sha256", "generator"}:
            self.fields[kind] = cols[0]
        elif kind == "meta":
            self.meta[cols[0]] = cols[1]
        elif kind == "option":
            if not FIELD_RE.fullmatch(cols[0]):
                msg = f"row {n}: bad field id {cols[0][:40]!r}"
                raise _damaged(msg)
            self.options.setdefault(cols[0], {})[cols[2]] = cols[1]
        elif kind == "cells":
            self._packed(n, cols[0], cols[1])
        elif kind == "cell":  # format 1: one row per cell, the sheet in the fifth column
            field, year, part, cell_kind, sheet, cell, name = cols[:7]
            self._cell(sheet, [field, year, part, cell_kind, cell, name], n)
        elif kind:
            msg = f"row {n}: unknown record {kind[:40]!r}"
            raise _damaged(msg)

    def _packed(self, n: int, sheet: str, packed: str) -> None:
        lines = packed.split("\n")
        if len(self.cells) + len(lines) > _MAX_RECORDS:
            msg = f"more than {_MAX_RECORDS} records"
            raise _damaged(msg)
        if sheet and len(sheet) <= 31 and _WELL_FORMED.fullmatch(packed):
            self.cells.extend(_located(sheet, line.split("\t")) for line in lines)  # all checked
            return
        for m, line in enumerate(lines, start=1):
            self._cell(sheet, line.split("\t"), n, m)

    def _cell(self, sheet: str, cols: list[str], row: int, line_number: int = 0) -> None:
        try:
            self.cells.append(_record(sheet, cols))
        except _RecordError as exc:
            where = f"row {row}, line {line_number}" if line_number else f"row {row}"
            msg = f"{where}: {exc}"
            raise _damaged(msg) from None


class _RecordError(ValueError):
    """What is wrong with one cell record (the caller says where it is)."""


def _record(sheet: str, cols: list[str]) -> Located:
    """The cell record ``cols`` (field id, year, part, kind, cell, name) on ``sheet``, checked."""
    if len(cols) != _CELL_PARTS:
        msg = f"{len(cols)} parts where a cell has {_CELL_PARTS}"
        raise _RecordError(msg)
    field, year, part, kind, cell, _ = cols
    if not FIELD_RE.fullmatch(field):
        msg = f"bad field id {field[:40]!r}"
        raise _RecordError(msg)
    if year and not (year.isdigit() and len(year) == 4):
        msg = f"bad year {year[:10]!r}"
        raise _RecordError(msg)
    if part and not PART_RE.fullmatch(part):
        msg = f"bad part {part[:60]!r}"
        raise _RecordError(msg)
    if kind not in KINDS:
        msg = f"bad kind {kind[:20]!r}"
        raise _RecordError(msg)
    if not _COORD.fullmatch(cell) or not sheet or len(sheet) > 31:
        msg = f"bad cell {sheet[:31]!r}!{cell[:12]!r}"
        raise _RecordError(msg)
    return _located(sheet, cols)


def _located(sheet: str, cols: list[str]) -> Located:
    """The cell record ``cols``, already checked."""
    field, year, part, kind, cell, name = cols
    key = CellKey(field, int(year) if year else None, part, kind)  # type: ignore[arg-type]
    return Located(key=key, sheet=sheet, cell=cell, name=name[:255])
