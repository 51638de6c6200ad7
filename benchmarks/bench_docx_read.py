"""Time reading a filled national Word form into the body model, against an unzip-and-parse floor.

Run:  python3 benchmarks/bench_docx_read.py [--rounds N]

The document is ``examples/national-2023.json`` rendered by
``clusterforms.render(spec, "docx", data)``.  Both sides are timed in the same
run, interleaved, and the medians compared:

- the floor: open the zip, read ``word/document.xml`` and parse it with a plain
  ``lxml.etree.fromstring`` — what any reader must at least do;
- ``read_docx``: the guarded package (sizes, ratios, content types,
  relationships), the safe parse of every part it reads (document, numbering,
  custom properties and XML, comments), and the walk into paragraphs and
  tables with spans.

The ratio printed is read_docx / floor; the aim for this layer is ~1.5 (the
whole Word reader's aim, field mapping included, is 2).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from clusterforms_renderers.wordml import Paragraph, Table, read_docx
from lxml import etree

import clusterforms

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "national-2023.json"
AIM = 1.5


def floor(document: bytes) -> None:
    """Unzip the main part and parse it, nothing else."""
    etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml"))


def _time(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    """Time both, interleaved, and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    spec = clusterforms.load_spec("national-2023")
    document = clusterforms.render(spec, "docx", clusterforms.load_application(EXAMPLE))
    model = read_docx(document)
    blocks = list(model.walk())
    tables = [b for b in blocks if isinstance(b, Table)]
    print(
        f"filled national-2023: {len(document)} bytes, "
        f"{sum(isinstance(b, Paragraph) for b in blocks)} paragraphs, {len(tables)} tables, "
        f"{sum(len(t.cells) for t in tables)} cells"
    )
    floor(document)  # warm up both: imports, caches
    read_docx(document)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(args.rounds):
        theirs.append(_time(lambda: floor(document)))
        ours.append(_time(lambda: read_docx(document)))
    median_ours, median_floor = statistics.median(ours), statistics.median(theirs)
    print(f"floor: unzip + lxml.etree.fromstring : median {median_floor * 1000:7.2f} ms")
    print(f"read_docx (body model)              : median {median_ours * 1000:7.2f} ms")
    ratio = median_ours / median_floor
    verdict = "within" if ratio <= AIM else "ABOVE"
    print(f"ratio                               : {ratio:.2f}x ({verdict} the {AIM}x aim)")


if __name__ == "__main__":
    main()
