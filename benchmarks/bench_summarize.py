"""Summarising a province's applications: time and peak memory at 100 and 1,000 of them.

Generates N applications from the national example, varied deterministically
(names, regions, figures, narratives; one in 20 has an error, one in 50 is a
filled workbook rather than JSON), writes them to a temporary folder, and runs
``clusterforms summarize … --intro-from-data`` to .xlsx and to .docx.

Reported per N: wall time of each command; tracemalloc peaks of the reading
phase alone (read, validate, reduce to a row, one file at a time) and of each
whole command; and what the reading phase keeps (the rows and the look-alike
fingerprints).  Aim: the reading peak is flat in N — one document at a time,
only rows kept — so only the rows and the output itself grow with the batch.

Look-alikes: each application's 计划 text starts with 400 characters of its
own; one in 100 copies 250 of them from the one before (the pairs to find).
``find_lookalikes`` over the batch is timed against a floor measured in the
same run: hashing every 50-character window of the same texts once, the least
any shingling does.  Aim: within a few times the floor, and linear in N.

Run: python benchmarks/bench_summarize.py [N …]     (default: 100 1000)
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import clusterforms
from clusterforms import Fingerprint, find_lookalikes, summarize
from clusterforms.application.documents import dumps_application
from clusterforms.cli import main as cli
from clusterforms.cli.summarize import _sources

ROOT = Path(__file__).resolve().parent.parent
CITIES = ["成都市", "绵阳市", "德阳市", "宜宾市", "泸州市", "南充市", "乐山市", "自贡市"]
DISTRICTS = ["郫都区", "高新区", "经开区", "旌阳区", "翠屏区", "江阳区", "顺庆区", "市中区"]
INDUSTRIES = ["川菜调味品", "电子信息", "装备制造", "新材料", "食品饮料", "生物医药", "汽车零部件"]
MIB = 1024 * 1024
POOL = "集群产业链中小企业创新数字化绿色低碳转型合作治理服务平台建设发展质量品牌培育市场主体"
OWN = 400  # characters of each application's own text


def _scaled(value: Any, factor: Decimal, *, whole: bool) -> Any:
    if isinstance(value, dict):
        return {k: _scaled(v, factor, whole=whole) for k, v in value.items()}
    number = Decimal(value) * factor
    return int(number) if whole else format(number.quantize(Decimal("0.01")), "f")


def application(base: dict[str, Any], n: int) -> dict[str, Any]:
    """The national example with the n-th cluster's name, region and figures."""
    data = copy.deepcopy(base)
    city, district = CITIES[n % len(CITIES)], DISTRICTS[(n // 3) % len(DISTRICTS)]
    industry = INDUSTRIES[n % len(INDUSTRIES)]
    name = f"四川省{city}{district}{industry}第{n}产业"
    values = data["values"]
    values["cover.cluster_name"] = values["basic.cluster_name"] = name
    values["cover.region"] = f"四川省{city}{district}"
    values["basic.operator"] = f"{city}{district}{industry}产业园运营管理有限公司（{n}）"
    factor = Decimal(100 + n % 37) / 100
    values["industry.total_output"] = _scaled(values["industry.total_output"], factor, whole=False)
    for field in ("industry.enterprises", "industry.smes", "industry.specialized_smes"):
        values[field] = _scaled(values[field], Decimal(1), whole=True)
    values["industry.chain_narrative"] = f"集群第{n}号：" + values["industry.chain_narrative"][:180]
    own = prose(n)
    if n % 100 == 50:  # a look-alike: 250 characters copied from the application before
        own = prose(n - 1)[100:350] + own[250:]
    values["plan.text"] = own + values["plan.text"][: 3000 - OWN]
    if n % 20 == 19:  # an application with an error: left out of the table
        values["basic.area"] = "12.505"
    data["meta"] = {"cluster_name": name, "founded": f"{2000 + n % 20}年"}
    return data


def prose(n: int) -> str:
    """The n-th application's own words: a linear congruential sequence over POOL."""
    chars, state = [], n + 1
    for _ in range(OWN):
        state = (state * 1103515245 + 12345) % 2**31
        chars.append(POOL[(state >> 16) % len(POOL)])
    return "".join(chars)


def window_floor(prints: list[Fingerprint]) -> None:
    """Hash every 50-character window of every narrative once."""
    for p in prints:
        for _, text in p.texts:
            for pos in range(len(text) - 49):
                hash(text[pos : pos + 50])


def median_time(fn: Callable[[], object], runs: int = 3) -> float:
    return statistics.median(timed(fn) for _ in range(runs))


def generate(folder: Path, count: int) -> list[Path]:
    base = clusterforms.load_application(ROOT / "examples" / "national-2023.json")
    spec = clusterforms.load_spec("national-2023")
    paths = []
    for n in range(count):
        data = application(base, n)
        if n % 50 == 49:
            path = folder / f"app{n:04d}.xlsx"
            path.write_bytes(clusterforms.render(spec, "xlsx", data))
        else:
            path = folder / f"app{n:04d}.json"
            path.write_text(dumps_application(data), encoding="utf-8")
        paths.append(path)
    return paths


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak(fn: Callable[[], object]) -> tuple[float, float]:
    """(peak, still allocated afterwards) in MiB, as tracemalloc sees them."""
    tracemalloc.start()
    result = fn()
    current, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return top / MIB, current / MIB


def command(paths: list[Path], output: Path) -> Callable[[], int]:
    argv = ["summarize", *map(str, paths), "-o", str(output), "--intro-from-data"]

    def run() -> int:
        with contextlib.redirect_stderr(io.StringIO()):
            return cli(argv)

    return run


def reading(paths: list[Path]) -> Callable[[], object]:
    def run() -> object:
        with contextlib.redirect_stderr(io.StringIO()):
            return summarize(_sources(paths), intro_from_data=True)

    return run


def measure(folder: Path, count: int) -> dict[str, float]:
    paths = generate(folder, count)
    out = {}
    for fmt in ("xlsx", "docx"):
        target = folder / f"汇总表.{fmt}"
        run = command(paths, target)
        out[f"time {fmt}"] = timed(run)
        out[f"peak {fmt}"], _ = peak(run)
        out[f"size {fmt}"] = target.stat().st_size / MIB
    out["time reading"] = timed(reading(paths))
    out["peak reading"], out["kept reading"] = peak(reading(paths))
    summary = reading(paths)()
    out["rows"] = len(summary.entries)  # type: ignore[attr-defined]
    out["left out"] = len(summary.rejected)  # type: ignore[attr-defined]
    prints = summary.fingerprints  # type: ignore[attr-defined]
    out["time lookalikes"] = median_time(lambda: find_lookalikes(prints))
    out["time floor"] = median_time(lambda: window_floor(prints))
    out["lookalikes"] = len(find_lookalikes(prints))
    out["planted"] = len([n for n in range(count) if n % 100 == 50])
    return out


def sizes() -> Iterator[int]:
    yield from (int(a) for a in sys.argv[1:]) if len(sys.argv) > 1 else (100, 1000)


def main() -> None:
    results = {}
    for count in sizes():
        with tempfile.TemporaryDirectory() as tmp:
            results[count] = measure(Path(tmp), count)
        r = results[count]
        print(
            f"N={count}: {r['rows']:.0f} rows, {r['left out']:.0f} left out; "
            f"reading {r['time reading']:.2f} s; "
            f"summarize → xlsx {r['time xlsx']:.2f} s ({r['size xlsx'] * 1024:.0f} KiB), "
            f"→ docx {r['time docx']:.2f} s ({r['size docx'] * 1024:.0f} KiB)"
        )
        working = r["peak reading"] - r["kept reading"]
        print(
            f"       peak memory (tracemalloc): reading {r['peak reading']:.2f} MiB "
            f"= {r['kept reading']:.2f} MiB of rows kept + {working:.2f} MiB working; "
            f"whole xlsx run {r['peak xlsx']:.1f} MiB, whole docx run {r['peak docx']:.1f} MiB"
        )
        print(
            f"       look-alikes: {r['lookalikes']:.0f} pair(s) found ({r['planted']:.0f} planted) "
            f"in {r['time lookalikes'] * 1000:.0f} ms = "
            f"{r['time lookalikes'] / r['time floor']:.2f}x the floor (hashing every window once, "
            f"{r['time floor'] * 1000:.0f} ms)"
        )
    if len(results) > 1:
        small, large = min(results), max(results)

        def working(r: dict[str, float]) -> float:
            return r["peak reading"] - r["kept reading"]

        ratio = working(results[large]) / working(results[small])
        growth = large / small
        per_row = (results[large]["kept reading"] - results[small]["kept reading"]) / (
            large - small
        )
        print(
            f"working memory while reading: {ratio:.2f}x at N={large} vs N={small} for "
            f"{growth:.0f}x the applications ({'flat' if ratio < 1.5 else 'NOT flat'}); "
            f"only the rows grow, {per_row * 1024:.1f} KiB each"
        )
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS (everything above, setup included): {maxrss:.0f} MiB")
    json.dumps(results)  # plain numbers, if someone wants to log them


if __name__ == "__main__":
    main()
