"""A generated batch of applications with errors and look-alikes, for the batch report.

Built from the examples (national, Guangxi, Shanghai, Jiangsu) with seeded
variations, so every run gives the same batch: each application its own name,
operator, region and narratives; 集群总产值 and 主导产业占比 scaled
about their thresholds (the same factor each year, so growth rates still agree) (near-misses and outliers); one in seven with an error;
one in fifty sharing a cluster name with the one before and one in fifty a long
passage; one named ``<script>…`` (the report must show it as text).  Some are
written as filled workbooks (``xlsx_every``), so the batch mixes formats.
"""

from __future__ import annotations

import copy
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import clusterforms
from clusterforms import RenderError, dumps_application, load_application, load_spec

ROOT = Path(__file__).resolve().parent.parent
BASES = ("national-2023", "guangxi-2025", "shanghai-2023", "jiangsu-2024")
PLACES = {
    "national-2023": ("四川省", ["成都市郫都区", "绵阳市涪城区", "德阳市旌阳区", "宜宾市翠屏区"]),
    "guangxi-2025": ("广西", ["柳州市柳江区", "南宁市武鸣区", "桂林市临桂区", "玉林市玉州区"]),
    "shanghai-2023": ("上海市", ["闵行区", "嘉定区", "松江区", "浦东新区"]),
    "jiangsu-2024": ("江苏省", ["常州市武进区", "苏州市吴江区", "无锡市江阴市", "南通市海门区"]),
}
INDUSTRIES = ("汽车零部件", "电子信息", "装备制造", "新材料", "食品饮料", "生物医药", "纺织服装")
POOL = "集群产业链中小企业创新数字化绿色低碳转型合作治理服务平台建设发展质量品牌培育市场主体"
#: How long a narrative must be to hold a look-alike passage.
MIN_RUN = 200
SCRIPT_NAME = "<script>alert('x')</script>集群"
#: The application (by number, from 0) named like a script.
SCRIPT_AT = 7


def prose(n: int, size: int = 300) -> str:
    """The n-th application's own words: a linear congruential sequence over POOL."""
    chars, state = [], n + 1
    for _ in range(size):
        state = (state * 1103515245 + 12345) % 2**31
        chars.append(POOL[(state >> 16) % len(POOL)])
    return "".join(chars)


def application(bases: dict[str, dict[str, Any]], n: int, seed: int = 16) -> dict[str, Any]:
    """The n-th application of the batch, as a JSON document."""
    rng = random.Random(seed * 100_003 + n)  # noqa: S311 - seeded variations, not secrets
    spec_id = BASES[n % len(BASES)]
    data = copy.deepcopy(bases[spec_id])
    values = data["values"]
    province, places = PLACES[spec_id]
    place = places[n // len(BASES) % len(places)]
    name = f"{province}{place}{INDUSTRIES[n % len(INDUSTRIES)]}产业集群（{n}）"
    if n == SCRIPT_AT:
        name = SCRIPT_NAME
    if n % 50 == 11:  # the same name as the application before
        name = application(bases, n - 1, seed)["values"]["cover.cluster_name"]
    for field in ("cover.cluster_name", "basic.cluster_name"):
        if field in values:
            values[field] = name
    if isinstance(data.get("meta"), dict) and "cluster_name" in data["meta"]:
        data["meta"]["cluster_name"] = name
    values["cover.region"] = place if spec_id != "national-2023" else f"{province}{place}"
    values["basic.operator"] = f"{place}{INDUSTRIES[n % len(INDUSTRIES)]}产业园运营中心（{n}）"
    factor = Decimal(rng.randint(55, 150)) / 100
    values["industry.total_output"] = {
        year: str((Decimal(v) * factor).quantize(Decimal("0.01")))
        for year, v in values["industry.total_output"].items()
    }
    share = Decimal(rng.randint(78, 106)) / 100  # the same factor each year keeps the growth
    values["industry.leading_share"] = {
        year: str(min(Decimal(v) * share, Decimal(99)).quantize(Decimal("0.01")))
        for year, v in values["industry.leading_share"].items()
    }
    narrative = _narrative(values)
    for k, field in enumerate(sorted(values)):  # every long narrative in its own words
        text = values[field]
        if isinstance(text, str) and len(text) >= MIN_RUN:
            values[field] = prose(n * 1009 + k, len(text))
    if n % 50 == 23:  # a look-alike: 250 characters copied from the application before
        before = application(bases, n - 1, seed)["values"][narrative]
        values[narrative] = before[20:270] + values[narrative][250:]
    if n % 7 == 3:  # an error: the area as words
        values["basic.area"] = "约十二平方公里"
    return data


def _narrative(values: dict[str, Any]) -> str:
    """The longest narrative of the application: where copied passages are put."""
    texts = [(len(v), k) for k, v in values.items() if isinstance(v, str)]
    return max(texts)[1]


def write_batch(folder: Path, count: int = 300, *, xlsx_every: int = 0) -> list[Path]:
    """Write ``count`` applications into ``folder``; every ``xlsx_every``-th as a workbook."""
    bases = {spec: load_application(ROOT / "examples" / f"{spec}.json") for spec in BASES}
    paths = []
    for n in range(count):
        data = application(bases, n)
        path = folder / f"app{n:04d}.json"
        if xlsx_every and n % xlsx_every == xlsx_every - 1:
            try:
                filled = clusterforms.render(load_spec(data["spec"]), "xlsx", data)
            except RenderError:
                filled = None
            if filled is not None:
                path = path.with_suffix(".xlsx")
                path.write_bytes(filled)
                paths.append(path)
                continue
        path.write_text(dumps_application(data), encoding="utf-8")
        paths.append(path)
    return paths
