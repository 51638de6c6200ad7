"""``import clusterforms`` against the import of the dependencies it cannot avoid.

Run: ``python benchmarks/bench_import.py [--rounds N]``.  Exits 1 above the aim.

Each round starts fresh interpreters, in alternating order, and each times
only its import statement (interpreter start-up is the same for both and
left out): ``import clusterforms`` against ``import attrs, cattrs, tomllib,
decimal, json`` — what any use of the library needs.  The ratio of the two
medians is the package's own import cost; the aim is at most 1.5.  The time
to the first loaded spec is printed for scale: it is where the model and the
spec converter are built, on first use.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

AIM = 1.5
DEPENDENCIES = "import attrs, cattrs, tomllib, decimal, json"
PACKAGE = "import clusterforms"
FIRST_SPEC = "import clusterforms; clusterforms.load_spec('national-2023')"


def timed(statement: str) -> float:
    """Seconds ``statement`` takes in a fresh interpreter, measured inside it."""
    code = (
        "import time\n"
        "start = time.perf_counter()\n"
        f"{statement}\n"
        "print(time.perf_counter() - start)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout)


def main() -> None:
    """Time the imports, interleaved, and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="fresh interpreters per statement")
    args = parser.parse_args()
    statements = (DEPENDENCIES, PACKAGE, FIRST_SPEC)
    times: dict[str, list[float]] = {s: [] for s in statements}
    for n in range(args.rounds):
        order = statements if n % 2 == 0 else statements[::-1]
        for statement in order:
            times[statement].append(timed(statement))
    medians = {s: statistics.median(t) for s, t in times.items()}
    floor = medians[DEPENDENCIES]
    print(f"{args.rounds} fresh interpreters each, medians:")
    for label, statement in (
        ("dependencies", DEPENDENCIES),
        ("clusterforms", PACKAGE),
        ("first spec", FIRST_SPEC),
    ):
        ratio = medians[statement] / floor
        print(f"  {label:<13} {medians[statement] * 1000:7.1f} ms  {ratio:5.2f}x   {statement}")
    ratio = medians[PACKAGE] / floor
    verdict = "meets" if ratio <= AIM else "misses"
    print(f"import clusterforms / dependencies = {ratio:.2f}x ({verdict} the {AIM}x aim)")
    if ratio > AIM:
        sys.exit(1)


if __name__ == "__main__":
    main()
