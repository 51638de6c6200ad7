"""Time reading a filled national Word form back, against an unzip-and-parse floor.

Run:  python3 benchmarks/bench_docx_read.py [--rounds N]

The document is ``examples/national-2023.json`` rendered by
``clusterforms.render(spec, "docx", data)`` and written to a file.  All three
are timed in the same run, interleaved, and the medians compared:

- the floor: open the file's zip, read ``word/document.xml`` and parse it with
  a plain ``lxml.etree.fromstring`` — what any reader must at least do;
- ``read_docx``: the body model alone — the guarded package (sizes, ratios,
  content types, relationships), the safe parse of every part it reads
  (document, numbering, custom properties and XML, comments), and the walk
  into paragraphs and tables with spans;
- ``clusterforms.read``: the whole reader — the body model, the spec named by
  the document's properties, every field found by the printed form (labels,
  boxes, year rows, tables) with its notes, and typed text of no field.

The ratios printed are each over the floor; the aim is 1.5 for the body model
and 2 for the whole reader (issue 13 §6).  Exits 1 when a ratio is above its aim.
The timing loop is :mod:`_timing`'s, shared with the other read benchmarks.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

from _timing import medians
from clusterforms_renderers.wordml import Paragraph, Table, read_docx
from lxml import etree

import clusterforms

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "national-2023.json"
BODY_AIM = 1.5
AIM = 2.0


def floor(path: Path) -> None:
    """Unzip the main part and parse it, nothing else."""
    with zipfile.ZipFile(path) as archive:
        etree.fromstring(archive.read("word/document.xml"))


def main() -> None:
    """Time the three, interleaved, and print the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    spec = clusterforms.load_spec("national-2023")
    document = clusterforms.render(spec, "docx", clusterforms.load_application(EXAMPLE))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national-2023.docx"
        path.write_bytes(document)
        blocks = list(read_docx(path).walk())  # and the warm-up: imports, caches
        reading = clusterforms.read(path)
        floor(path)
        tables = [b for b in blocks if isinstance(b, Table)]
        print(
            f"filled national-2023: {len(document)} bytes, "
            f"{sum(isinstance(b, Paragraph) for b in blocks)} paragraphs, {len(tables)} tables, "
            f"{sum(len(t.cells) for t in tables)} cells; read back: "
            f"{len(reading.document['values'])} values, {len(reading.notes)} notes"
        )
        median_floor, median_body, median_whole = medians(
            [lambda: floor(path), lambda: read_docx(path), lambda: clusterforms.read(path)],
            args.rounds,
        )
    print(f"floor: unzip + lxml.etree.fromstring : median {median_floor * 1000:7.2f} ms")
    print(f"read_docx (body model)              : median {median_body * 1000:7.2f} ms")
    print(f"clusterforms.read (whole reader)    : median {median_whole * 1000:7.2f} ms")
    above = False
    for what, median, aim in (("body model", median_body, BODY_AIM), ("whole", median_whole, AIM)):
        ratio = median / median_floor
        verdict = "within" if ratio <= aim else "ABOVE"
        above = above or ratio > aim
        print(f"ratio, {what:<29}: {ratio:.2f}x ({verdict} the {aim}x aim)")
    if above:
        sys.exit(1)


if __name__ == "__main__":
    main()
