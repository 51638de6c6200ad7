"""Untrusted workbooks: every hostile file is refused with a clear ReadError, fast and small."""

from __future__ import annotations

import io
import re
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from clusterforms_renderers.xlsx import XlsxRenderer
from clusterforms_renderers.xlsx._guard import MAX_MEMBERS, Package
from clusterforms_renderers.xlsx._ooxml import MAX_ROWS, read_book
from clusterforms_renderers.xlsx._plan import META_SHEET

import clusterforms as cf
from clusterforms import annotate_xlsx, read_xlsx
from clusterforms.cli import main
from clusterforms.errors import ReadError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "national-2023.json"
#: Every refusal must come within this many seconds …
SECONDS = 5.0
#: … and without allocating more than this (the hostile files would need gigabytes).
PEAK_BYTES = 80 * 1024 * 1024


@pytest.fixture(scope="module")
def workbook() -> bytes:
    spec = cf.load_spec("national-2023")
    return XlsxRenderer().render(spec, cf.load_application(EXAMPLE))


def refused(source: bytes | Path, match: str, read: Callable[[Any], Any] = read_xlsx) -> ReadError:
    """Reading ``source`` raises a ReadError matching ``match``, quickly and in little memory."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ReadError, match=match) as caught:
            read(source)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < SECONDS, f"took {elapsed:.1f}s"
    assert peak < PEAK_BYTES, f"peaked at {peak // 1024 // 1024} MiB"
    return caught.value


def rewrite(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """The package with some members replaced (and some added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def sheet_path(data: bytes, name: str) -> str:
    book = read_book(Package(data))
    info = book.sheet(name)
    assert info is not None
    return info.path


def edit_meta(data: bytes, edit: Callable[[Any], None]) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    edit(workbook[META_SHEET])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ not a workbook


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "not an xlsx"),
        (b"hello, I am a text file", "not an xlsx"),
        (b"%PDF-1.7 not a workbook", "not an xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, r"\.xls"),
        (b"PK\x03\x04 garbage that only looks like a zip", "end record is missing"),
    ],
)
def test_not_a_workbook(content: bytes, match: str) -> None:
    refused(content, match)


def test_a_missing_file_and_a_directory(tmp_path: Path) -> None:
    refused(tmp_path / "nope.xlsx", "no such file")
    refused(tmp_path, "directory")


def test_truncated_files(workbook: bytes) -> None:
    for size in (len(workbook) // 2, len(workbook) - 10, 100):
        refused(workbook[:size], "truncated|damaged")


def test_a_damaged_member(workbook: bytes) -> None:
    path = sheet_path(workbook, META_SHEET)
    info = zipfile.ZipFile(io.BytesIO(workbook)).getinfo(path)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    damaged = bytearray(workbook)
    for at in range(middle, middle + 64):
        damaged[at] ^= 0x5A
    refused(bytes(damaged), "damaged|not well-formed")


def test_a_zip_that_is_not_a_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    refused(buffer.getvalue(), "no xl/workbook.xml")


def test_a_plain_workbook_not_made_by_clusterforms() -> None:
    plain = openpyxl.Workbook()
    plain.active["A1"] = "集群名称"
    buffer = io.BytesIO()
    plain.save(buffer)
    refused(buffer.getvalue(), "not a clusterforms workbook")


# ------------------------------------------------------------------ zip bombs


def test_a_member_compressed_a_thousandfold(workbook: bytes) -> None:
    path = sheet_path(workbook, "一、基本情况")
    bomb = rewrite(workbook, {path: b"<" + b"\0" * (20 * 1024 * 1024)})
    refused(bomb, "zip bomb")


def test_a_member_declaring_gigabytes(workbook: bytes) -> None:
    buffer = io.BytesIO(workbook)
    chunk = b" " * (1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/huge.xml", "w", force_zip64=True) as handle,
    ):
        for _ in range(100):
            handle.write(chunk)
    refused(buffer.getvalue(), "more than")


def _patch_size(data: bytes, name: str, size: int) -> bytes:
    """Make ``name``'s headers claim ``size`` bytes uncompressed (a lying zip)."""
    patched = bytearray(data)
    encoded = name.encode()
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = 0
        while (at := patched.find(signature, at)) >= 0:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if patched[name_at : name_at + len(encoded)] == encoded:
                struct.pack_into("<I", patched, at + offset, size)
            at += 4
    return bytes(patched)


def test_a_member_lying_about_its_size(workbook: bytes) -> None:
    path = sheet_path(workbook, META_SHEET)
    big = rewrite(workbook, {path: b"<a>" + b"x" * (20 * 1024 * 1024) + b"</a>"})
    refused(_patch_size(big, path, 1000), "damaged|not well-formed|zip bomb")


def test_a_package_of_many_members(workbook: bytes) -> None:
    crowded = rewrite(workbook, {}, {f"junk/{n}.bin": b"" for n in range(MAX_MEMBERS + 10)})
    refused(crowded, "members")


# ------------------------------------------------------------------ huge sheets


def _sheet(rows: str, dimension: str = "") -> bytes:
    head = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{head}<sheetData>{rows}</sheetData></worksheet>"
    ).encode()


def test_a_sheet_claiming_a_million_rows(workbook: bytes) -> None:
    path = sheet_path(workbook, "一、基本情况")
    refused(rewrite(workbook, {path: _sheet("", "A1:XFD1048576")}), "claims 1048576 rows")


def test_a_sheet_holding_hundreds_of_thousands_of_rows(workbook: bytes) -> None:
    path = sheet_path(workbook, "一、基本情况")
    rows = "".join(f'<row r="{n}"/>' for n in range(1, 300_001))
    refused(
        rewrite(workbook, {path: _sheet(rows)}), f"more than {MAX_ROWS} rows|row {MAX_ROWS + 1}"
    )
    unnumbered = "".join(f"<row><c><v>{n}</v></c></row>" for n in range(300_000))
    refused(rewrite(workbook, {path: _sheet(unnumbered)}), f"more than {MAX_ROWS} rows")
    huge = "".join(f'<row r="{n % 999 + 1}"><c r="A1"><v>{n}</v></c></row>' for n in range(700_000))
    refused(rewrite(workbook, {path: _sheet(huge)}), "bytes uncompressed; more than")


def test_a_sheet_with_a_row_numbered_a_million(workbook: bytes) -> None:
    path = sheet_path(workbook, "一、基本情况")
    refused(rewrite(workbook, {path: _sheet('<row r="1048576"/>')}), "row 1048576")


# ------------------------------------------------------------------ XML tricks

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(2, 10))
    + ']><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheets>&lol9;</sheets></workbook>"
).replace("&lol1;", "&lol;")
XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    "</sheetData></worksheet>"
)


def test_entity_expansion_in_the_workbook_part(workbook: bytes) -> None:
    refused(rewrite(workbook, {"xl/workbook.xml": BILLION_LAUGHS.encode()}), "DTD")


def test_an_external_entity_in_the_metadata_sheet(workbook: bytes) -> None:
    path = sheet_path(workbook, META_SHEET)
    refused(rewrite(workbook, {path: XXE.encode()}), "DTD")


def test_an_external_entity_in_shared_strings(workbook: bytes) -> None:
    path = sheet_path(workbook, META_SHEET)
    xml = zipfile.ZipFile(io.BytesIO(workbook)).read(path).decode()
    xml = xml.replace('t="inlineStr"><is><t>clusterforms-xlsx</t></is>', 't="s"><v>0</v>', 1)
    strings = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>&xxe;</t></si></sst>"
    )
    rels = zipfile.ZipFile(io.BytesIO(workbook)).read("xl/_rels/workbook.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    hostile = rewrite(
        workbook,
        {path: xml.encode(), "xl/_rels/workbook.xml.rels": rels.encode()},
        {"xl/sharedStrings.xml": strings.encode()},
    )
    refused(hostile, "DTD")


def test_absurdly_deep_nesting(workbook: bytes) -> None:
    path = sheet_path(workbook, META_SHEET)
    deep = "<a>" * 100_000 + "</a>" * 100_000
    refused(rewrite(workbook, {path: deep.encode()}), "nests elements")


def test_xml_that_is_not_well_formed(workbook: bytes) -> None:
    refused(rewrite(workbook, {"xl/workbook.xml": b"<workbook><sheets>"}), "not well-formed")


# ------------------------------------------------------------------ the metadata


def test_a_workbook_for_an_unknown_spec(workbook: bytes) -> None:
    def retarget(ws: Any) -> None:
        ws["B2"] = "nope-2099"

    refused(
        edit_meta(workbook, retarget), "spec 'nope-2099', which this clusterforms does not know"
    )


def test_a_spec_id_that_is_a_path_is_never_loaded(workbook: bytes) -> None:
    def retarget(ws: Any) -> None:
        ws["B2"] = "../../specs/national-2023.toml"

    refused(edit_meta(workbook, retarget), "does not know")


def test_a_newer_metadata_format(workbook: bytes) -> None:
    def bump(ws: Any) -> None:
        ws["B1"] = "99"

    refused(edit_meta(workbook, bump), "format '99'")


@pytest.mark.parametrize(
    ("part", "value", "match"),
    [
        (0, "Robert'); DROP TABLE", "bad field id"),
        (3, "formula", "bad kind"),
        (4, "B5:D5", "bad cell"),
        (1, "20x0", "bad year"),
        (5, "cf.a\tcf.b", "7 parts where a cell has 6"),
    ],
)
def test_a_damaged_map(workbook: bytes, part: int, value: str, match: str) -> None:
    def damage(ws: Any) -> None:
        row = next(r for r in ws.iter_rows() if r[0].value == "cells")
        lines = [line.split("\t") for line in row[2].value.split("\n")]
        lines[1][part] = value
        row[2].value = "\n".join("\t".join(line) for line in lines)

    refused(edit_meta(workbook, damage), f"line 2: {match}")


def test_a_map_onto_a_missing_sheet(workbook: bytes) -> None:
    def damage(ws: Any) -> None:
        row = next(r for r in ws.iter_rows() if r[0].value == "cells")
        row[1].value = "已删除"
        lines = [line.split("\t")[:5] for line in row[2].value.split("\n")]
        row[2].value = "\n".join("\t".join([*line, ""]) for line in lines)  # no defined names

    refused(edit_meta(workbook, damage), "no sheet '已删除'")


def test_a_defined_name_onto_the_metadata_itself(workbook: bytes) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    book.defined_names["cf.basic.area"].attr_text = f"'{META_SHEET}'!$A$1"
    buffer = io.BytesIO()
    book.save(buffer)
    refused(buffer.getvalue(), "onto itself")


def test_a_defined_name_onto_a_missing_sheet_falls_back_to_the_map(workbook: bytes) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    book.defined_names["cf.basic.area"].attr_text = "'不存在'!$A$1"
    buffer = io.BytesIO()
    book.save(buffer)
    assert str(read_xlsx(buffer.getvalue())["values"]["basic.area"]) == "12.5"


# ------------------------------------------------------------------ the other doors


def test_annotate_refuses_the_same_files(workbook: bytes) -> None:
    report = cf.Report(spec="national-2023")
    refused(b"not a zip", "not an xlsx", lambda s: annotate_xlsx(s, report))
    laughs = rewrite(workbook, {"docProps/app.xml": BILLION_LAUGHS.encode()})
    refused(laughs, "DTD", lambda s: annotate_xlsx(s, report))


def test_extract_exits_2_on_a_hostile_file(
    tmp_path: Path, workbook: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.xlsx"
    path = sheet_path(workbook, "一、基本情况")
    bomb.write_bytes(rewrite(workbook, {path: b"<" + b"\0" * (20 * 1024 * 1024)}))
    assert main(["extract", str(bomb)]) == 2
    err = capsys.readouterr().err
    assert re.search(r"bomb\.xlsx: .*zip bomb", err)
    assert "Traceback" not in err
