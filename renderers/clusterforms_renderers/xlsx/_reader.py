"""Reading a filled workbook back into an application document.

The workbook says which spec it is for and where each value lives (the
hidden metadata sheet and the ``cf.*`` defined names, see :mod:`._meta`);
only those cells are read, found by name first, so widened columns or
wrapped text change nothing.  Values come back as the application format
has them (``docs/data-format.md``): numbers as :class:`~decimal.Decimal`
(see :mod:`._codec` for the 15-digit rule), text exactly as typed, options as
their ids.  What the reader cannot trust — a formula typed into an input
cell, a checklist mark that is neither 是 nor 否, a damaged map — is a
:class:`~clusterforms.ReadError` naming the sheet and cell; a formula is
reported, never evaluated.  Anything else odd (text in a number cell, a label
that is not an option) is passed through for :func:`clusterforms.validate`
to report in the form's own words.
"""

from __future__ import annotations

import functools
import re
import struct
from pathlib import Path
from typing import Final

from clusterforms import (
    FormSpec,
    Reading,
    ReadingNote,
    SpecNotFoundError,
    find_spec,
    list_specs,
)
from clusterforms_renderers.xlsx._assemble import assemble
from clusterforms_renderers.xlsx._guard import Package
from clusterforms_renderers.xlsx._locate import Cells, locate, read_metadata
from clusterforms_renderers.xlsx._meta import Located, Metadata
from clusterforms_renderers.xlsx._ooxml import read_book
from clusterforms_renderers.xlsx._plan import column_letter

_LOCAL_HEADER: Final = re.compile(rb"PK\x03\x04")
#: The cells that hold a field's value (not its 补充填写 or 佐证材料编号 beside it).
_VALUE_KINDS: Final = frozenset(
    {"text", "number", "any", "choice", "mark", "extra", "roster", "continued"}
)
_NAME_AT: Final = 26


def looks_like_workbook(head: bytes) -> bool:
    """Whether the first bytes of a file are a zip whose members include ``xl/`` parts."""
    if not head.startswith(b"PK\x03\x04"):
        return False
    for match in _LOCAL_HEADER.finditer(head):
        start = match.start() + _NAME_AT
        if start + 4 > len(head):
            break
        length = struct.unpack_from("<H", head, start)[0]
        if head[start + 4 : start + 4 + length].startswith(b"xl/"):
            return True
    return False


def read_workbook(
    source: str | Path | bytes, *, spec: FormSpec | None = None, name: str | None = None
) -> Reading:
    """The application a filled workbook holds, and the spec it fills.

    Args:
        source: the workbook's path, or its bytes.
        spec: the spec to expect; by default the workbook must be for a shipped spec.
        name: how to name the workbook in messages (default: the path).

    Raises:
        ReadError: not an xlsx, damaged, hostile, not made by clusterforms, for an
            unknown spec, or holding a formula or an unreadable mark in an input cell.

    """
    package = Package(source, name)
    book = read_book(package)
    cells = Cells(package, book)
    metadata = read_metadata(package, book, cells)
    spec = _spec_of(package, metadata, spec)
    located = locate(package, book, metadata)
    by_sheet: dict[str, set[str]] = {}
    for _, sheet, ref in located:
        by_sheet.setdefault(sheet, set()).add(ref)
    for sheet, wanted in by_sheet.items():
        cells.load(sheet, wanted)
    document = assemble(package, cells, metadata, located)
    return Reading(
        document=document,
        spec=spec,
        source=package.name,
        format="xlsx",
        notes=found_notes(located),
    )


def _spec_of(package: Package, metadata: Metadata, spec: FormSpec | None) -> FormSpec:
    """The spec the workbook is for: ``spec`` if it is that one, else a shipped spec by id."""
    if spec is not None:
        if metadata.spec_id != spec.id:
            msg = f"the workbook is for spec {metadata.spec_id!r}, not {spec.id!r}"
            raise package.error(msg)
        return spec
    try:
        return shipped(metadata.spec_id)
    except SpecNotFoundError:
        msg = (
            f"the workbook is for spec {metadata.spec_id[:60]!r}, which this clusterforms "
            f"does not know (known: {', '.join(list_specs())})"
        )
        raise package.error(msg) from None


@functools.lru_cache(maxsize=64)
def shipped(spec_id: str) -> FormSpec:
    """The shipped spec ``spec_id``, by id only, never a path the workbook names.

    Cached: shipped specs never change, and finding one lists the spec folder,
    a twentieth of reading a workbook.  An id not found raises and is not cached.
    """
    return find_spec(spec_id)


def found_notes(located: list[tuple[Located, str, str]]) -> tuple[ReadingNote, ...]:
    """Where each field is: a ``found`` note per field (and per target-table row).

    The place is the field's cell on the sheet it starts on (``一、基本情况!C5``), or
    the range its cells cover (``二、主导产业情况!C12:E12``), so the command line and
    the batch report can say where a finding is.
    """
    spans: dict[str, tuple[str, int, int, int, int]] = {}
    for item, sheet, ref in located:
        if item.key.kind not in _VALUE_KINDS:
            continue
        row, col = _split(ref)
        steps = item.key.part.split("/")
        fields = [item.key.field]
        if len(steps) == 3 and steps[0] == "rows":  # a target row's findings name the row
            fields.append(steps[1])
        for field in fields:
            span = spans.get(field)
            if span is None:
                spans[field] = (sheet, row, col, row, col)
            elif span[0] == sheet:
                spans[field] = (
                    sheet,
                    min(span[1], row),
                    min(span[2], col),
                    max(span[3], row),
                    max(span[4], col),
                )
    return tuple(
        ReadingNote(kind="found", place=_place(*span), message="read", field=field)
        for field, span in spans.items()
    )


def _split(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(ref[len(letters) :]), col


def _place(sheet: str, top: int, left: int, bottom: int, right: int) -> str:
    first = f"{column_letter(left)}{top}"
    if (top, left) == (bottom, right):
        return f"{sheet}!{first}"
    return f"{sheet}!{first}:{column_letter(right)}{bottom}"
