"""The notice's quotas: how many recommended clusters each province and city may send.

National notices cap the clusters per province (计划单列市 and 新疆生产建设兵团
have their own, smaller cap and do not count towards their province); a
province caps its cities (设区市).  Counting reads the region of each row in
the table; nothing is dropped: which ones to keep is the reviewer's decision.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Final, Literal

import attrs

if TYPE_CHECKING:
    from clusterforms.summarize.rows import Summary

#: The 直辖市: their next level (区、县) is what a per-city quota counts.
MUNICIPALITIES: Final = ("北京市", "天津市", "上海市", "重庆市")
PROVINCES: Final = (
    *MUNICIPALITIES,
    *("河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省"),
    *("福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省"),
    *("四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省"),
    *("内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"),
)
#: 计划单列市 and the 兵团: quota units of their own, beside the provinces.
LISTED_CITIES: Final = ("大连市", "青岛市", "宁波市", "厦门市", "深圳市")
CORPS: Final = "新疆生产建设兵团"
_SHORT = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|省|市)$")
_CITY = re.compile(r"^.+?(?:自治州|地区|盟|市)")
_DISTRICT = re.compile(r"^.+?(?:区|县|师)")

Level = Literal["province", "city"]


@attrs.frozen
class Region:
    """Where a cluster is: its province-level unit and its city (either may be blank)."""

    province: str = ""
    city: str = ""

    @property
    def listed(self) -> bool:
        """A 计划单列市 or the 兵团: capped on its own, not with its province."""
        return self.province in LISTED_CITIES or self.province == CORPS


def _flat(text: object) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()) if isinstance(text, str) else ""


def _province_prefix(text: str) -> tuple[str, str] | None:
    """(full province name, rest) when ``text`` starts with a province, short or full."""
    if text.startswith(CORPS):
        return CORPS, text[len(CORPS) :]
    for name in PROVINCES:
        for prefix in (name, _SHORT.sub("", name)):
            if text.startswith(prefix):
                return name, text[len(prefix) :]
    return None


def region_of(region: object, cluster_name: object = "", spec_region: str = "") -> Region:
    """The province and city of a cover's region line (所属地区).

    A region written without its province (江苏 and 广西 forms ask for 市 and
    县 only; Shanghai's for the 区) takes it from the cluster name
    (广西柳州市… → 广西壮族自治区), else from the spec's own region.
    """
    text = _flat(region)
    found = _province_prefix(text)
    if found is None:
        named = _province_prefix(_flat(cluster_name))
        province = named[0] if named else (spec_region if spec_region in PROVINCES else "")
        rest = text
    else:
        province, rest = found
    for listed in LISTED_CITIES:
        if rest.startswith((listed, listed.removesuffix("市"))):
            return Region(listed, listed)
    pattern = _DISTRICT if province in (*MUNICIPALITIES, CORPS) else _CITY
    match = pattern.match(rest)
    return Region(province, match.group(0) if match else "")


@attrs.frozen(kw_only=True)
class QuotaExcess:
    """A province or city with more recommended clusters than its quota, and which ones."""

    level: Level
    unit: str
    limit: int
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True)
class QuotaReport:
    """Every excess, and the rows whose province or city could not be told."""

    excesses: tuple[QuotaExcess, ...] = ()
    unplaced: tuple[str, ...] = ()


def check_quotas(
    summary: Summary,
    *,
    per_province: int | None = None,
    per_city: int | None = None,
    per_listed: int | None = None,
) -> QuotaReport:
    """Count the table's rows by province and by city against the quotas given.

    ``per_listed`` caps each 计划单列市 and the 兵团 (default: ``per_province``);
    a city is named with its province (四川省成都市).  A row whose region cannot
    be told is listed in ``unplaced`` rather than guessed.
    """
    provinces: dict[str, list[str]] = {}
    cities: dict[str, list[str]] = {}
    unplaced: list[str] = []
    for entry in summary.entries:
        region = entry.region
        counted = per_province is not None or per_listed is not None
        if (counted and not region.province) or (per_city is not None and not region.city):
            unplaced.append(entry.source)
        if region.province:
            provinces.setdefault(region.province, []).append(entry.source)
            if region.city:
                listed = region.city == region.province
                unit = region.city if listed else region.province + region.city
                cities.setdefault(unit, []).append(entry.source)
    excesses: list[QuotaExcess] = []
    listed_limit = per_listed if per_listed is not None else per_province
    for unit, sources in provinces.items():
        limit = listed_limit if Region(unit).listed else per_province
        if limit is not None and len(sources) > limit:
            excesses.append(
                QuotaExcess(level="province", unit=unit, limit=limit, sources=tuple(sources))
            )
    if per_city is not None:
        excesses += [
            QuotaExcess(level="city", unit=unit, limit=per_city, sources=tuple(sources))
            for unit, sources in cities.items()
            if len(sources) > per_city
        ]
    return QuotaReport(excesses=tuple(excesses), unplaced=tuple(unplaced))
