"""The timing loop the benchmarks against a floor share: CPU time, interleaved runs, medians.

Reading is CPU-bound, and wall time on a shared machine carries other work's
noise, so each run is timed in CPU seconds.  The runs are interleaved, in
reverse order every other round, so that a slow spell of the machine or a
warm cache favours none of them; the median of each is what is compared.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def cpu_time(run: Callable[[], object]) -> float:
    """CPU seconds of one call of ``run``."""
    started = time.process_time()
    run()
    return time.process_time() - started


def medians(runs: Sequence[Callable[[], object]], rounds: int) -> list[float]:
    """The median CPU seconds of each of ``runs``, timed ``rounds`` times each, interleaved."""
    times: list[list[float]] = [[] for _ in runs]
    order = list(range(len(runs)))
    for n in range(rounds):
        for i in order if n % 2 == 0 else order[::-1]:
            times[i].append(cpu_time(runs[i]))
    return [statistics.median(t) for t in times]
