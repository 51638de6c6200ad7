"""The hidden metadata sheet: which spec a workbook is for, and where every value lives.

The sheet (``_cf_meta``, very hidden: Excel's menus cannot unhide it) is a
list of records, one per row, the first column naming the record:

====================  ==========================================================
``clusterforms-xlsx`` the format version (``1``)
``spec``              the spec id
``spec_sha256``       a fingerprint of the spec the workbook was made from
``generator``         ``clusterforms <version>``
``meta``              key, value: the application's ``meta`` strings
``option``            field id, option id, label: what each drop-down label means
``cell``              field id, year, part, kind, sheet, cell, defined name
====================  ==========================================================

The reader trusts none of it: every record is checked for shape and size,
and cells are looked up through the defined names first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

import attrs

from clusterforms import FormSpec, __version__, spec_digest
from clusterforms.errors import ReadError
from clusterforms_renderers.xlsx._keys import FIELD_RE, KINDS, PART_RE, CellKey

FORMAT: Final = "clusterforms-xlsx"
VERSION: Final = "1"
NOTE: Final = "此工作表由 clusterforms 生成，记录各单元格对应的填报项，用于读回数据，请勿修改。"
_COORD: Final = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")
_MAX_RECORDS: Final = 50_000


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
    for located in cells:
        cell_key = located.key
        year = "" if cell_key.year is None else str(cell_key.year)
        yield (
            "cell",
            cell_key.field,
            year,
            cell_key.part,
            cell_key.kind,
            located.sheet,
            located.cell,
            located.name,
        )


def _damaged(why: str) -> ReadError:
    return ReadError(f"the workbook's metadata sheet is damaged: {why}")


def parse(rows: Sequence[Sequence[str]]) -> Metadata:
    """Read the metadata rows back; raises :class:`ReadError` on anything malformed."""
    if not rows or not rows[0] or rows[0][0] != FORMAT:
        raise ReadError("not a clusterforms workbook: its metadata sheet is missing or foreign")
    version = rows[0][1] if len(rows[0]) > 1 else ""
    if version != VERSION:
        msg = (
            f"the workbook uses metadata format {version!r}; this clusterforms reads format "
            f"{VERSION!r} — upgrade clusterforms"
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
        elif kind == "cell":
            self.cells.append(_cell(n, cols))
        elif kind:
            msg = f"row {n}: unknown record {kind[:40]!r}"
            raise _damaged(msg)


def _cell(n: int, cols: list[str]) -> Located:
    field, year, part, kind, sheet, cell, name = cols[:7]
    if not FIELD_RE.fullmatch(field):
        msg = f"row {n}: bad field id {field[:40]!r}"
        raise _damaged(msg)
    if year and not (year.isdigit() and len(year) == 4):
        msg = f"row {n}: bad year {year[:10]!r}"
        raise _damaged(msg)
    if part and not PART_RE.fullmatch(part):
        msg = f"row {n}: bad part {part[:60]!r}"
        raise _damaged(msg)
    if kind not in KINDS:
        msg = f"row {n}: bad kind {kind[:20]!r}"
        raise _damaged(msg)
    if not _COORD.fullmatch(cell) or not sheet or len(sheet) > 31:
        msg = f"row {n}: bad cell {sheet[:31]!r}!{cell[:12]!r}"
        raise _damaged(msg)
    key = CellKey(field, int(year) if year else None, part, kind)  # type: ignore[arg-type]
    return Located(key=key, sheet=sheet, cell=cell, name=name[:255])
