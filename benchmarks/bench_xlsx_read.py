"""Time reading a filled national workbook back, against an unzip-and-parse floor.

Run:  python benchmarks/bench_xlsx_read.py [--rounds N]

The workbook is ``examples/national-2023.json`` rendered by
``clusterforms.render(spec, "xlsx", data)``.  Both sides are timed in the same
run, interleaved, and the medians compared:

- the floor: open the zip, read every part the reader reads (the package and
  workbook relationships, ``workbook.xml``, the hidden metadata sheet, each
  sheet holding a mapped cell, the shared strings when there are any) and
  parse each with a plain ``lxml.etree.fromstring`` — what any reader must at
  least do.  The parts are the very members the reader asked the package for,
  recorded during a warm-up read, so the floor parses no less than it;
- ``clusterforms.read_xlsx``: the guarded package (sizes, ratios, the zip's
  directory), the safe parse of those parts, the checks of every metadata
  record, the cells found by defined name, and the application document.

The ratio printed is read_xlsx / floor; the aim is at most 2 (issue 13 §6).
Exits 1 when the ratio is above the aim.  The timing loop is :mod:`_timing`'s,
shared with the other read benchmarks.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from _timing import medians
from clusterforms_renderers import _package
from lxml import etree

import clusterforms

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "national-2023.json"
AIM = 2.0


@contextmanager
def recording(parts: list[str]) -> Iterator[None]:
    """Record the members the guarded package is asked for while the block runs."""
    original = _package.Package.read

    def read(self: _package.Package, member: str, limit: int = _package.MAX_MEMBER) -> bytes:
        if member not in parts:
            parts.append(member)
        return original(self, member, limit)

    _package.Package.read = read  # type: ignore[method-assign]
    try:
        yield
    finally:
        _package.Package.read = original  # type: ignore[method-assign]


def floor(workbook: bytes, parts: list[str]) -> None:
    """Unzip the parts the reader reads and parse each, nothing else."""
    archive = zipfile.ZipFile(io.BytesIO(workbook))
    for part in parts:
        etree.fromstring(archive.read(part))


def main() -> None:
    """Time both, interleaved, and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    spec = clusterforms.load_spec("national-2023")
    data = clusterforms.load_application(EXAMPLE)
    workbook = clusterforms.render(spec, "xlsx", data)
    parts: list[str] = []
    with recording(parts):  # the warm-up read: imports, caches, and which parts it reads
        document = clusterforms.read_xlsx(workbook)
    floor(workbook, parts)
    sizes = {
        info.filename: info.file_size for info in zipfile.ZipFile(io.BytesIO(workbook)).infolist()
    }
    print(
        f"filled national-2023: {len(workbook)} bytes, {len(document['values'])} values; "
        f"the reader reads {len(parts)} parts, {sum(sizes[p] for p in parts)} bytes of XML"
    )
    median_floor, median_ours = medians(
        [lambda: floor(workbook, parts), lambda: clusterforms.read_xlsx(workbook)], args.rounds
    )
    print(f"floor: unzip + lxml.etree.fromstring : median {median_floor * 1000:7.2f} ms")
    print(f"clusterforms.read_xlsx              : median {median_ours * 1000:7.2f} ms")
    ratio = median_ours / median_floor
    verdict = "within" if ratio <= AIM else "ABOVE"
    print(f"ratio                               : {ratio:.2f}x ({verdict} the {AIM}x aim)")
    if ratio > AIM:
        sys.exit(1)


if __name__ == "__main__":
    main()
