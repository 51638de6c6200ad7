"""The placeholders of a letter filled from the application (我市本次申报的XXX集群…).

A blank form keeps them for the applicant to write over.  Filled in, the
letter names the cluster (from the cover's 集群名称) and its city (from the
cover's 所属地区, the part before 市): 常州市武进区微特电机产业集群,
常州市工业和信息化局.  A placeholder with nothing to fill it stays as printed.
The Word reader takes the lines filled this way for printed text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from clusterforms import FormSpec
from clusterforms_renderers.docx._blanks import split_at_words
from clusterforms_renderers.docx._values import Values

CLUSTER = "cover.cluster_name"
REGION = "cover.region"
_PLACEHOLDER = re.compile(r"X{2,}(?=集群|市)")
_CITY = re.compile(r"^(?:.+?省)?(.+?)市")


def has_placeholder(text: str) -> bool:
    """Whether ``text`` holds a placeholder an application fills."""
    return _PLACEHOLDER.search(text) is not None


def placeholders(spec: FormSpec, values: Values) -> dict[str, str]:
    """The names of this application's placeholders (nothing for a blank form)."""
    if not values.filled:
        return {}
    cluster = values.text(CLUSTER, values.field(CLUSTER))
    region = values.text(REGION, values.field(REGION))
    return placeholder_names(spec, cluster, region)


def placeholder_names(spec: FormSpec, cluster: object, region: object) -> dict[str, str]:
    """What comes before each placeholder's word (集群, 市), from the cover's values."""
    out = {}
    if isinstance(cluster, str) and cluster.strip():
        out["集群"] = cluster.strip().removesuffix("集群")
    if isinstance(region, str) and region.strip():
        city = _city(spec, region.strip())
        if city:
            out["市"] = city
    return out


def _city(spec: FormSpec, region: str) -> str | None:
    line = next((line for line in spec.cover.lines if line.id == REGION), None)
    suffixes = line.suffixes if line else ()
    parts = split_at_words(region, suffixes) if suffixes else None
    for part, suffix in zip(parts or (), suffixes, strict=False):
        if suffix.startswith("市") and part:
            return part
    match = _CITY.match(region)
    return match.group(1) if match else None


def fill(text: str, names: Mapping[str, str]) -> str:
    """``text`` with each XXX before a known word replaced by the application's name."""
    if not names:
        return text

    def one(match: re.Match[str]) -> str:
        word = "集群" if text.startswith("集群", match.end()) else "市"
        return names.get(word, match.group())

    return _PLACEHOLDER.sub(one, text)
