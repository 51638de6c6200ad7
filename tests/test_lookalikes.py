"""Look-alike applications: shared names, operators, long passages and yearly figures."""

from __future__ import annotations

import copy
import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import clusterforms as cf
from clusterforms import Fingerprint, find_lookalikes, fingerprint
from clusterforms.cli import main
from clusterforms.summarize.lookalikes import WINDOW

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NATIONAL = cf.load_spec("national-2023")
BASE = cf.load_application(EXAMPLES / "national-2023.json")
#: Characters the generated narratives are drawn from.
POOL = "集群产业链中小企业创新数字化绿色低碳转型合作治理服务平台建设发展质量品牌培育市场主体"


def prose(n: int, length: int = 600) -> str:
    """A narrative of its own for application n: no run of 50 characters is another's."""
    chars = []
    state = n + 1
    for _ in range(length):  # a linear congruential sequence: the same text on every run
        state = (state * 1103515245 + 12345) % 2**31
        chars.append(POOL[(state >> 16) % len(POOL)])
    return "".join(chars)


def _figure(value: object) -> bool:
    """A yearly cell: a whole number (read as Decimal) or a decimal written as text."""
    return isinstance(value, Decimal) or (
        isinstance(value, str) and value.replace(".", "", 1).isdigit()
    )


def varied(n: int) -> dict[str, Any]:
    """The national example as the n-th cluster: its own names, narrative and figures."""
    data = copy.deepcopy(BASE)
    values = data["values"]
    name = f"四川省成都市郫都区第{n}号调味品产业"
    values["cover.cluster_name"] = values["basic.cluster_name"] = name
    values["basic.operator"] = values["cover.operator"] = f"郫都第{n}运营管理有限公司"
    values["plan.text"] = prose(n)
    values["plan.tasks"] = prose(1000 + n, 300)  # 重点任务 / 保障措施 are narratives of their own
    values["plan.measures"] = prose(2000 + n, 200)
    for field, value in values.items():
        if isinstance(value, dict) and all(map(_figure, value.values())):
            values[field] = {
                k: v + n if isinstance(v, Decimal) else str(Decimal(v) + n)
                for k, v in value.items()
            }
    data["meta"] = {"cluster_name": name}
    return data


def facts(source: str, data: dict[str, Any]) -> Fingerprint:
    return fingerprint(source, cf.read_application(NATIONAL, data))


def test_distinct_applications_do_not_look_alike() -> None:
    assert find_lookalikes([facts("a", varied(1)), facts("b", varied(2))]) == []


def test_a_copied_250_character_passage_is_flagged_and_shown() -> None:
    a, b = varied(1), varied(2)
    passage = a["values"]["plan.text"][100:350]
    b["values"]["plan.text"] = "甲" + passage + "乙" + b["values"]["plan.text"]
    [pair] = find_lookalikes([facts("a.json", a), facts("b.json", b)])
    assert (pair.first, pair.second) == ("a.json", "b.json")
    [match] = pair.matches
    assert match.kind == "passage"
    assert match.fields == ("plan.text", "plan.text")
    assert match.size == 250
    assert match.shared == passage[:30] + "…"


def test_a_passage_found_across_fields_and_whitespace() -> None:
    a, b = varied(1), varied(2)
    passage = a["values"]["plan.text"][:240]
    spaced = "\n".join(passage[i : i + 60] for i in range(0, 240, 60))
    b["values"]["governance.narrative"] = spaced
    [pair] = find_lookalikes([facts("a", a), facts("b", b)])
    assert [(m.fields, m.size) for m in pair.matches] == [
        (("plan.text", "governance.narrative"), 240)
    ]


def test_a_150_character_copy_is_not_flagged() -> None:
    a, b = varied(1), varied(2)
    b["values"]["plan.text"] = a["values"]["plan.text"][100:250] + b["values"]["plan.text"]
    assert find_lookalikes([facts("a", a), facts("b", b)]) == []


def test_identical_yearly_rows_are_flagged_from_three() -> None:
    a, b = varied(1), varied(2)
    rows = ["industry.total_output", "industry.enterprises", "industry.smes"]
    for field in rows[:2]:
        b["values"][field] = a["values"][field]
    assert find_lookalikes([facts("a", a), facts("b", b)]) == []
    b["values"][rows[2]] = a["values"][rows[2]]
    [pair] = find_lookalikes([facts("a", a), facts("b", b)])
    [match] = pair.matches
    assert (match.kind, match.size) == ("yearly_rows", 3)
    assert match.shared == "、".join(rows)


def test_the_same_operator_and_the_same_name() -> None:
    a, b = varied(1), varied(2)
    b["values"]["basic.operator"] = a["values"]["basic.operator"]
    [pair] = find_lookalikes([facts("a", a), facts("b", b)])
    assert [(m.kind, m.shared) for m in pair.matches] == [("operator", "郫都第1运营管理有限公司")]
    b["values"]["cover.cluster_name"] = a["values"]["cover.cluster_name"]
    [pair] = find_lookalikes([facts("a", a), facts("b", b)])
    assert [m.kind for m in pair.matches] == ["cluster_name", "operator"]


def test_wording_shared_by_more_than_common_applications_pairs_none() -> None:
    batch = [varied(n) for n in range(6)]
    for data in batch:
        data["values"]["plan.text"] = BASE["values"]["plan.text"]
    prints = [facts(str(n), d) for n, d in enumerate(batch)]
    assert len(find_lookalikes(prints)) == 15  # every pair of 6
    assert find_lookalikes(prints, common=5) == []


def test_the_real_examples_pair_only_with_their_own_broken_copies() -> None:
    pairs = []
    prints = []
    for path in sorted(EXAMPLES.glob("*.json")):
        data = cf.load_application(path)
        if data["spec"] != "summary-2023":
            prints.append(
                fingerprint(path.name, cf.read_application(cf.load_spec(data["spec"]), data))
            )
    pairs = [(p.first, p.second) for p in find_lookalikes(prints)]
    assert pairs == [
        (f"{form}.broken.json", f"{form}.json")
        for form in ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023")
    ]


def batch_of_300(folder: Path) -> list[Path]:
    """300 applications: every 30th copies a passage of the one before, every 50th its figures."""
    paths = []
    texts: dict[int, str] = {}
    for n in range(300):
        data = varied(n)
        texts[n] = data["values"]["plan.text"]
        if n % 30 == 29:
            data["values"]["plan.text"] = texts[n - 1][200:460] + data["values"]["plan.text"]
        if n % 50 == 49:
            previous = varied(n - 1)["values"]
            for field in ("industry.total_output", "industry.smes", "innovation.rd_intensity"):
                data["values"][field] = previous[field]
        if n % 20 == 7:
            data["values"]["basic.area"] = "12.505"  # an error: left out, still compared
        path = folder / f"app{n:03d}.json"
        path.write_text(cf.dumps_application(data), encoding="utf-8")
        paths.append(path)
    return paths


EXPECTED_300 = sorted(
    {
        (f"app{n - 1:03d}.json", f"app{n:03d}.json")
        for n in range(300)
        if n % 30 == 29 or n % 50 == 49
    }
)


def test_a_batch_of_300_in_summarize(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = batch_of_300(tmp_path)
    report = tmp_path / "审核.json"
    code = main(
        ["summarize", *map(str, paths), "-o", str(tmp_path / "t.json"), "--report", str(report)]
    )
    assert code == 1  # the applications with errors are left out
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "look-alike" in line]
    assert len(lines) == len(EXPECTED_300)
    assert "same passage of 260 characters in plan.text" in lines[0]
    found = json.loads(report.read_text(encoding="utf-8"))["lookalikes"]
    names = sorted((Path(p["first"]).name, Path(p["second"]).name) for p in found)
    assert names == EXPECTED_300
    kinds = {m["kind"] for p in found for m in p["matches"]}
    assert kinds == {"passage", "yearly_rows"}


def test_a_batch_of_300_in_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = batch_of_300(tmp_path)
    report = tmp_path / "report.json"
    assert main(["validate", *map(str, paths), "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert sum("look-alike" in line for line in out.splitlines()) == len(EXPECTED_300)
    documents = json.loads(report.read_text(encoding="utf-8"))
    pairs = {(p["first"], p["second"]) for d in documents for p in d.get("lookalikes", [])}
    assert sorted(pairs) == [(str(tmp_path / a), str(tmp_path / b)) for a, b in EXPECTED_300]
    by_file = {Path(d["file"]).name: d for d in documents}
    assert "lookalikes" not in by_file["app000.json"]
    assert by_file["app029.json"]["lookalikes"][0]["matches"][0]["size"] == 260


def test_common_wording_next_to_a_copy_does_not_count_towards_it() -> None:
    batch = [varied(n) for n in range(6)]
    for data in batch:
        data["values"]["plan.text"] += BASE["values"]["plan.text"]  # the template's text
    copied = batch[0]["values"]["plan.text"][350:600]  # 250 characters, then the template
    batch[1]["values"]["plan.text"] = copied + BASE["values"]["plan.text"]
    pairs = find_lookalikes([facts(str(n), d) for n, d in enumerate(batch)], common=5)
    [(first, second, [size])] = [(p.first, p.second, [m.size for m in p.matches]) for p in pairs]
    assert (first, second) == ("0", "1")
    # a window across the seam is not common: up to 49 characters of it may count
    assert 250 <= size < 250 + WINDOW


def test_a_text_repeating_itself_is_one_run_quickly() -> None:
    a, b = varied(1), varied(2)
    # 30 times the same 100 characters: 100 distinct windows, each at 30 places
    a["values"]["plan.text"] = b["values"]["plan.text"] = prose(7, 100) * 30
    started = time.perf_counter()
    [pair] = find_lookalikes([facts("a", a), facts("b", b)])
    assert time.perf_counter() - started < 1  # not 3,000² window pairs
    assert [(m.kind, m.size) for m in pair.matches] == [("passage", 3000)]


def test_an_operator_more_than_common_applications_give_is_a_placeholder() -> None:
    batch = [varied(n) for n in range(4)]
    for data in batch:
        data["values"]["basic.operator"] = "无"
    prints = [facts(str(n), d) for n, d in enumerate(batch)]
    assert len(find_lookalikes(prints)) == 6
    assert find_lookalikes(prints, common=3) == []
