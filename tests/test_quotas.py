"""The notice's quotas in ``summarize``: counted by the cover's region, never dropping a row."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import clusterforms as cf
from clusterforms import Region, Summary, SummaryEntry, check_quotas, region_of, summarize
from clusterforms.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FORMS = ("national-2023", "jiangsu-2024", "guangxi-2025", "shanghai-2023")


def example(form: str) -> dict[str, Any]:
    return cf.load_application(EXAMPLES / f"{form}.json")


def test_the_regions_of_the_real_forms() -> None:
    regions = [e.region for e in summarize((f, example(f)) for f in FORMS).entries]
    assert regions == [
        Region("四川省", "成都市"),  # 四川省成都市郫都区
        Region("江苏省", "常州市"),  # 常州市武进区: the province is the spec's
        Region("广西壮族自治区", "柳州市"),  # 柳州市柳江区, 广西… in the name
        Region("上海市", "闵行区"),  # a 直辖市's next level is its 区
    ]


@pytest.mark.parametrize(
    ("region", "name", "expected"),
    [
        ("山东省青岛市黄岛区", "", Region("青岛市", "青岛市")),  # 计划单列市: a unit of its own
        ("深圳市宝安区", "", Region("深圳市", "深圳市")),
        ("新疆生产建设兵团第八师石河子市", "", Region("新疆生产建设兵团", "第八师")),
        ("湖北省恩施土家族苗族自治州恩施市", "", Region("湖北省", "恩施土家族苗族自治州")),
        ("内蒙古阿拉善盟", "", Region("内蒙古自治区", "阿拉善盟")),
        ("重庆市 璧山区", "", Region("重庆市", "璧山区")),
        ("郫都区", "四川成都郫都区调味品产业", Region("四川省", "")),
        ("", "", Region("", "")),
    ],
)
def test_regions_as_written(region: str, name: str, expected: Region) -> None:
    assert region_of(region, name) == expected


def entries(*regions: Region) -> Summary:
    summary = Summary()
    for n, region in enumerate(regions):
        summary.entries.append(SummaryEntry(source=f"{n}.json", row={}, region=region))
    return summary


def test_every_excess_lists_every_application() -> None:
    summary = entries(
        Region("四川省", "成都市"),
        Region("四川省", "成都市"),
        Region("四川省", "绵阳市"),
        Region("江苏省", "常州市"),
        Region("青岛市", "青岛市"),
        Region("青岛市", "青岛市"),
    )
    report = check_quotas(summary, per_province=2, per_city=1, per_listed=1)
    shown = [(e.level, e.unit, e.limit, e.sources) for e in report.excesses]
    assert shown == [
        ("province", "四川省", 2, ("0.json", "1.json", "2.json")),
        ("province", "青岛市", 1, ("4.json", "5.json")),
        ("city", "四川省成都市", 1, ("0.json", "1.json")),
        ("city", "青岛市", 1, ("4.json", "5.json")),
    ]
    assert report.unplaced == ()
    # 计划单列市 take the province's quota when none of their own is given
    assert [e.unit for e in check_quotas(summary, per_province=2).excesses] == ["四川省"]


def test_a_region_that_cannot_be_told_is_listed_not_guessed() -> None:
    summary = entries(Region("四川省", ""), Region("", ""))
    assert check_quotas(summary).unplaced == ()
    assert check_quotas(summary, per_province=8).unplaced == ("1.json",)
    assert check_quotas(summary, per_city=3).unplaced == ("0.json", "1.json")


def in_chengdu(n: int) -> dict[str, Any]:
    data = copy.deepcopy(example("national-2023"))
    name = f"四川省成都市郫都区第{n}号调味品产业"
    data["values"]["cover.cluster_name"] = data["values"]["basic.cluster_name"] = name
    data["values"]["cover.region"] = "四川省成都市郫都区" if n < 3 else "四川省绵阳市涪城区"
    data["values"]["basic.operator"] = f"郫都第{n}运营管理有限公司"
    return data


def batch(folder: Path) -> list[str]:
    paths = []
    for n in range(4):
        path = folder / f"app{n}.json"
        path.write_text(cf.dumps_application(in_chengdu(n)), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_summarize_reports_an_excess_and_drops_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = batch(tmp_path)
    out, report = tmp_path / "汇总.json", tmp_path / "审核.json"
    argv = ["summarize", *paths, "-o", str(out), "--max-per-city", "2", "--report", str(report)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    [line] = [x for x in err.splitlines() if x.startswith("clusterforms: quota exceeded")]
    assert "四川省成都市: 3 recommended, at most 2 (--max-per-city)" in line
    assert all(p in line for p in paths[:3])
    assert paths[3] not in line
    rows = json.loads(out.read_text(encoding="utf-8"))["values"]["summary.clusters"]
    assert len(rows) == 4  # nothing dropped: the reviewer chooses
    [excess] = json.loads(report.read_text(encoding="utf-8"))["quota_excesses"]
    assert excess == {
        "level": "city",
        "unit": "四川省成都市",
        "limit": 2,
        "count": 3,
        "files": paths[:3],
    }


def test_summarize_within_its_quotas_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = batch(tmp_path)
    argv = ["summarize", *paths, "-o", str(tmp_path / "t.xlsx"), "--max-per-province", "4"]
    assert main(argv) == 0
    assert "quota" not in capsys.readouterr().err


def test_a_quota_must_be_a_whole_number(tmp_path: Path) -> None:
    argv = ["summarize", "a.json", "-o", str(tmp_path / "t.xlsx"), "--max-per-city", "-1"]
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_a_listed_city_over_its_own_quota_names_its_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for n in range(3):
        data = in_chengdu(n)
        data["values"]["cover.region"] = "山东省青岛市黄岛区"
        path = tmp_path / f"qd{n}.json"
        path.write_text(cf.dumps_application(data), encoding="utf-8")
        paths.append(str(path))
    out = str(tmp_path / "t.xlsx")
    argv = ["summarize", *paths, "-o", out, "--max-per-province", "8", "--max-per-listed", "2"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "quota exceeded: 青岛市: 3 recommended, at most 2 (--max-per-listed)" in err
    assert "3 clusters in the table, 1 quota exceeded" in err
