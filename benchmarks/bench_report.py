"""The batch report (``validate … --report``): time to write each format for 300 and 1,000 files.

Generates N applications with errors and look-alikes (``tests/review_batch.py``),
validates them once as ``validate`` does, then times building the review and
writing it as HTML, JSON, xlsx and csv.  Each is set against a floor measured
in the same run: validating the same applications again (the work every
``validate`` run does before any report).  Aim: a report costs a fraction of
the validation for HTML, JSON and csv (xlsx pays for openpyxl), linear in N.

Run: python benchmarks/bench_report.py [N …]     (default: 300 1000)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the generated batch lives with the tests

from clusterforms import (  # noqa: E402
    REVIEW_FORMATS,
    ReviewInput,
    document_spec,
    find_lookalikes,
    fingerprint,
    load_application,
    read_application,
    review_batch,
    review_report,
    validate,
)
from tests.review_batch import write_batch  # noqa: E402


def median_time(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(folder: Path, count: int) -> dict[str, float]:
    inputs, prints = [], []
    for path in write_batch(folder, count):
        data = load_application(path)
        spec = document_spec(data, source=str(path))
        application = read_application(spec, data)
        report = validate(spec, application)
        inputs.append(
            ReviewInput(source=str(path), spec=spec, report=report, application=application)
        )
        prints.append(fingerprint(str(path), application))
    pairs = find_lookalikes(prints)
    out = {
        "floor": median_time(lambda: [validate(i.spec, i.application) for i in inputs]),
        "review": median_time(lambda: review_batch(inputs, pairs)),
    }
    review = review_batch(inputs, pairs)
    for fmt in REVIEW_FORMATS:
        out[fmt] = median_time(lambda fmt=fmt: review_report(review, fmt))  # type: ignore[misc]
        out[f"size {fmt}"] = len(review_report(review, fmt)) / 1024
    out["findings"] = len(review.findings)
    out["pairs"] = len(pairs)
    return out


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [300, 1000]
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            r = measure(Path(tmp), count)
        print(
            f"N={count}: {r['findings']:.0f} findings, {r['pairs']:.0f} look-alike pairs; "
            f"floor (validating them) {r['floor'] * 1000:.0f} ms; "
            f"building the review {r['review'] * 1000:.0f} ms"
        )
        for fmt in REVIEW_FORMATS:
            total = r["review"] + r[fmt]
            print(
                f"       {fmt:<4} {total * 1000:6.0f} ms = {total / r['floor']:5.1f}x the floor "
                f"({r[f'size {fmt}']:.0f} KiB)"
            )


if __name__ == "__main__":
    main()
