"""Loading specs: the shipped ones, walking and lookup, and every way a spec file can be broken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import clusterforms
from clusterforms import SpecError, SpecNotFoundError

SHIPPED = ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023", "summary-2023")
#: The application forms themselves (summary-2023 is the table that collects them).
FORMS = ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023")

MINIMAL = """\
id = "mini"
title = "测试表"
issuer = "测试厅"
region = "测试省"
declaration_year = 2024
data_years = [2021, 2022, 2023]
baseline_year = 2023
target_year = 2026

[[sections]]
id = "basic"
title = "一、基本情况"

[[sections.items]]
kind = "text"
id = "basic.cluster_name"
label = "集群名称："

[[sections.items]]
kind = "yearly"
id = "industry.total_output"
label = "集群总产值（亿元）"
unit = "亿元"
"""


def write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestShipped:
    """The specs of the seed forms (four forms and the 汇总表) ship and load."""

    def test_all_are_listed(self) -> None:
        assert clusterforms.list_specs() == SHIPPED

    @pytest.mark.parametrize("spec_id", SHIPPED)
    def test_loads_with_its_own_id_and_years(self, spec_id: str) -> None:
        spec = clusterforms.load_spec(spec_id)
        assert spec.id == spec_id
        assert len(spec.data_years) == 3
        assert spec.target_year - spec.baseline_year == 3
        assert spec.data_years[-1] == spec.baseline_year

    @pytest.mark.parametrize("spec_id", FORMS)
    def test_every_item_is_found_by_its_id(self, spec_id: str) -> None:
        spec = clusterforms.load_spec(spec_id)
        walked = [item for _, item in spec.walk()]
        assert len(walked) > 50
        for item in walked:
            assert spec.find(item.id) is item

    def test_shared_indicators_have_the_same_id_in_every_form(self) -> None:
        shared = (
            "industry.total_output",
            "industry.smes",
            "innovation.standards",
            "green.co2_intensity",
        )
        for spec_id in FORMS:
            spec = clusterforms.load_spec(spec_id)
            for item_id in shared:
                spec.find(item_id)

    def test_shanghai_total_output_keeps_its_own_label(self) -> None:
        national = clusterforms.load_spec("national-2023").find("industry.total_output")
        shanghai = clusterforms.load_spec("shanghai-2023").find("industry.total_output")
        assert national.label == "集群总产值（亿元）"  # type: ignore[union-attr]
        assert shanghai.label == "集群总产值（营业收入）（亿元）"  # type: ignore[union-attr]

    def test_summary_table_is_a_landscape_roster_with_the_annex_wording(self) -> None:
        spec = clusterforms.load_spec("summary-2023")
        table = spec.find("summary.clusters")
        assert isinstance(table, clusterforms.RosterItem)
        assert [c.label for c in table.columns] == [
            "序号", "集群名称", "集群运营机构", "所在市（县、区）", "主导产业", "集群成立时间", "集群简介",
        ]  # fmt: skip
        assert table.columns[-1].max_chars == 300
        assert table.columns[0].numbered
        assert spec.sections[0].heading == "附件2"
        assert spec.sections[0].orientation == "landscape"
        assert not spec.has_cover

    def test_roster_columns_are_checked(self, tmp_path: Path) -> None:
        body = (
            '[[sections]]\nid = "s"\ntitle = "T"\n[[sections.items]]\nkind = "roster"\n'
            'id = "s.table"\ncolumns = [{ id = "name", label = "名称" }, '
            '{ id = "name", label = "又一个" }]\n'
        )
        with pytest.raises(SpecError, match="duplicate column id 'name'"):
            clusterforms.load_spec(write(tmp_path, MINIMAL + body))
        bad_id = body.replace('"name", label = "又一个"', '"Bad Id", label = "又一个"')
        with pytest.raises(SpecError, match="column id 'Bad Id'"):
            clusterforms.load_spec(write(tmp_path, MINIMAL + bad_id))

    def test_load_by_path_equals_load_by_id(self) -> None:
        path = clusterforms.model.loading.spec_dir() / "national-2023.toml"
        assert clusterforms.load_spec(path) == clusterforms.load_spec("national-2023")

    def test_find_unknown_id_raises_key_error(self) -> None:
        with pytest.raises(KeyError, match=r"no\.such"):
            clusterforms.load_spec("national-2023").find("no.such")


class TestBrokenSpecs:
    """A broken spec raises SpecError naming file, line and item path."""

    def test_minimal_spec_loads(self, tmp_path: Path) -> None:
        spec = clusterforms.load_spec(write(tmp_path, MINIMAL))
        assert spec.find("industry.total_output").kind == "yearly"

    def test_unknown_spec_id_lists_the_shipped_ones(self) -> None:
        with pytest.raises(SpecNotFoundError, match=r"national-2023"):
            clusterforms.load_spec("hubei-2030")

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(SpecNotFoundError, match=r"nothere\.toml: no such spec file"):
            clusterforms.load_spec(tmp_path / "nothere.toml")

    def test_toml_syntax_error_gives_line_and_column(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL.replace('label = "集群名称："', 'label = "集群名称：'))
        with pytest.raises(SpecError) as info:
            clusterforms.load_spec(path)
        assert info.value.line == 17
        assert str(info.value).startswith(f"{path}:17: invalid TOML, column")

    def test_unknown_key_names_item_path_and_line(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL.replace('unit = "亿元"', 'unit = "亿元"\nunits = "x"'))
        with pytest.raises(SpecError) as info:
            clusterforms.load_spec(path)
        assert info.value.path == "$.sections[0].items[1]"
        assert info.value.line == 24
        assert "unknown key(s): units" in str(info.value)

    def test_wrong_type(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL.replace('label = "集群名称："', "label = 3"))
        with pytest.raises(
            SpecError,
            match=r"mini\.toml:17: \$\.sections\[0\]\.items\[0\]\.label: expected a string",
        ):
            clusterforms.load_spec(path)

    def test_unknown_kind_lists_known_kinds(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL.replace('kind = "text"', 'kind = "txt"'))
        with pytest.raises(
            SpecError, match=r"unknown item kind 'txt' \(known kinds: checklist, choice"
        ):
            clusterforms.load_spec(path)

    def test_missing_required_key(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL.replace('issuer = "测试厅"\n', ""))
        with pytest.raises(SpecError, match=r"\$\.issuer: required key is missing"):
            clusterforms.load_spec(path)

    def test_float_where_decimal_expected_is_read_as_decimal(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL + "maximum = 100.5\n")
        item = clusterforms.load_spec(path).find("industry.total_output")
        assert str(item.maximum) == "100.5"  # type: ignore[union-attr]

    def test_duplicate_id(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, MINIMAL.replace('id = "industry.total_output"', 'id = "basic.cluster_name"')
        )
        with pytest.raises(SpecError) as info:
            clusterforms.load_spec(path)
        assert info.value.path == "$.sections[0].items[1].id"
        assert "duplicate id 'basic.cluster_name' (first used at $.sections[0].items[0])" in str(
            info.value
        )

    def test_non_ascii_id(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL.replace('id = "basic.cluster_name"', 'id = "基本.名称"'))
        with pytest.raises(SpecError, match="must be lower-case ASCII"):
            clusterforms.load_spec(path)

    def test_rule_naming_a_missing_row(self, tmp_path: Path) -> None:
        targets = """
[[sections.items]]
kind = "targets"
id = "plan.targets"
label = "1.三年总体目标"

[[sections.items.directions]]
id = "plan.targets.leading"
label = "主导产业"
rows = [{ id = "plan.targets.output_growth", indicator = "集群产值年均增速" }]

[[sections.items.rules]]
id = "plan.rules.patents"
text = "有效发明专利数年均增长不低于15%"
row = "plan.targets.patents"
check = "min_growth"
threshold = 15
"""
        with pytest.raises(SpecError) as info:
            clusterforms.load_spec(write(tmp_path, MINIMAL + targets))
        assert info.value.path == "$.sections[0].items[2].rules[0].row"
        assert "'plan.targets.patents', which this table does not have" in str(info.value)

    def test_years_must_increase(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL.replace("[2021, 2022, 2023]", "[2023, 2022, 2021]"))
        with pytest.raises(SpecError, match=r"\$\.data_years: data_years must be increasing"):
            clusterforms.load_spec(path)

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "gbk.toml"
        path.write_bytes(MINIMAL.encode("gbk"))
        with pytest.raises(SpecError, match="cannot read spec file"):
            clusterforms.load_spec(path)

    def test_spec_error_is_a_value_error(self, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="invalid TOML"):
            clusterforms.load_spec(write(tmp_path, "id = "))


class TestExtends:
    """A variant extends a base spec and overrides parts; the result is one whole spec."""

    def test_override_section_by_id_and_metadata(self, tmp_path: Path) -> None:
        write(tmp_path, MINIMAL, "base.toml")
        child = """\
extends = "base.toml"
id = "child"
data_years = [2022, 2023, 2024]
baseline_year = 2024
target_year = 2027

[[sections]]
id = "basic"
title = "一、基本情况（修订）"

[[sections.items]]
kind = "text"
id = "basic.cluster_name"
label = "集群名称"

[[sections]]
id = "extra"
title = "十、其他"
items = []
"""
        spec = clusterforms.load_spec(write(tmp_path, child, "child.toml"))
        assert spec.id == "child"
        assert spec.issuer == "测试厅"
        assert [s.title for s in spec.sections] == ["一、基本情况（修订）", "十、其他"]
        assert spec.data_years == (2022, 2023, 2024)

    def test_drop_sections(self, tmp_path: Path) -> None:
        write(tmp_path, MINIMAL, "base.toml")
        child = 'extends = "base.toml"\nid = "child"\ndrop_sections = ["basic"]\n'
        assert clusterforms.load_spec(write(tmp_path, child, "child.toml")).sections == ()

    def test_extends_a_shipped_spec(self, tmp_path: Path) -> None:
        child = 'extends = "national-2023"\nid = "sichuan-2023"\nregion = "四川省"\n'
        spec = clusterforms.load_spec(write(tmp_path, child, "sichuan.toml"))
        national = clusterforms.load_spec("national-2023")
        assert spec.region == "四川省"
        assert spec.sections == national.sections

    def test_cycle_is_reported(self, tmp_path: Path) -> None:
        write(tmp_path, 'extends = "b.toml"\n', "a.toml")
        write(tmp_path, 'extends = "a.toml"\n', "b.toml")
        with pytest.raises(SpecError, match="'extends' chain is longer than"):
            clusterforms.load_spec(tmp_path / "a.toml")


class TestHostileSpecFiles:
    """A spec file built to break the loader is a SpecError, quickly; nothing else escapes."""

    def test_nesting_five_thousand_deep(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL + "extra = " + "[" * 5000 + "]" * 5000 + "\n")
        with pytest.raises(SpecError, match="nested too deeply"):
            clusterforms.load_spec(path)

    def test_a_five_thousand_digit_integer(self, tmp_path: Path) -> None:
        path = write(tmp_path, MINIMAL + "maximum = " + "9" * 5000 + "\n")
        with pytest.raises(SpecError, match="invalid TOML: a number is too long") as info:
            clusterforms.load_spec(path)
        assert info.value.line == MINIMAL.count("\n") + 1
        assert "set_int_max_str_digits" not in str(info.value)  # Python's advice is not ours

    @pytest.mark.parametrize(
        "number", ["4" * 4000, "1e999999999", "1e-999999999", "0e-999999", "nan", "inf"]
    )
    def test_a_number_no_spec_needs(self, tmp_path: Path, number: str) -> None:
        path = write(tmp_path, MINIMAL + f"maximum = {number}\n")
        with pytest.raises(SpecError, match="is out of range for a spec") as info:
            clusterforms.load_spec(path)
        assert info.value.path == "$.sections[0].items[1].maximum"
        assert info.value.line == MINIMAL.count("\n") + 1
        assert len(str(info.value)) < 300

    def test_a_byte_order_mark_is_accepted(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.toml"
        path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
        assert clusterforms.load_spec(path).id == "mini"
        broken = tmp_path / "bom-broken.toml"
        broken.write_bytes(
            b"\xef\xbb\xbf" + MINIMAL.replace('title = "测试表"', "title = ").encode()
        )
        with pytest.raises(SpecError) as info:
            clusterforms.load_spec(broken)
        assert info.value.line == 2  # lines are counted as without the mark

    def test_each_file_is_read_once(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        write(tmp_path, MINIMAL, "base.toml")
        child = write(tmp_path, 'extends = "base.toml"\nid = "child"\n', "child.toml")
        opened: list[str] = []
        real_open, real_read_text = os.open, Path.read_text

        def counting(path: str | Path, *args: int) -> int:
            opened.append(Path(path).name)
            return real_open(path, *args)

        def read_text(self: Path, *args: str, **kwargs: str) -> str:
            opened.append(self.name)
            return real_read_text(self, *args, **kwargs)

        monkeypatch.setattr(os, "open", counting)
        monkeypatch.setattr(Path, "read_text", read_text)
        clusterforms.load_spec(child)
        assert sorted(n for n in opened if n.endswith(".toml")) == ["base.toml", "child.toml"]

    @pytest.mark.parametrize("name", ["/dev/zero", "/dev/null", "fifo"])
    def test_a_device_or_fifo_is_not_read(self, tmp_path: Path, name: str) -> None:
        path = Path(name) if name.startswith("/") else tmp_path / "fifo.toml"
        if name == "fifo":
            os.mkfifo(path)  # no writer: a blocking open would wait for ever
        with pytest.raises(SpecError, match="not a regular file"):
            clusterforms.load_spec(path)

    def test_an_oversized_file(self, tmp_path: Path) -> None:
        path = tmp_path / "big.toml"
        with path.open("wb") as handle:
            handle.truncate(clusterforms.model.loading.MAX_SPEC_BYTES + 1)
        with pytest.raises(SpecError, match="larger than 8 MiB"):
            clusterforms.load_spec(path)
