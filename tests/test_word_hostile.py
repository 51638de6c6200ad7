"""Untrusted Word files: each hostile one is refused with one clear ReadError line, fast and small."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clusterforms_renderers._package import MAX_MEMBERS
from clusterforms_renderers.wordml import read_docx, read_word
from clusterforms_renderers.wordml._grid import MAX_COLUMNS
from clusterforms_renderers.wordml._walk import MAX_CELLS, MAX_NESTING, MAX_PARAGRAPHS, MAX_ROWS

from clusterforms.errors import ReadError
from tests.wordml_docs import DECL, NS, docx, ole, p, r, tbl, tc, tr

#: Every refusal must come within this many seconds …
SECONDS = 1.0
#: … and peak below this much traced memory (the hostile files would need gigabytes).
PEAK_BYTES = 16 * 1024 * 1024
#: What each refusal cost, for the report at the end of the module.
MEASURED: list[tuple[str, float, int]] = []


def refused(source: bytes | Path, match: str, read: Callable[[Any], Any] = read_docx) -> str:
    """Reading ``source`` raises one ReadError line matching ``match``, quickly and in little memory."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ReadError, match=match) as caught:
            read(source)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    MEASURED.append((match, elapsed, peak))
    assert elapsed < SECONDS, f"took {elapsed:.2f}s"
    assert peak < PEAK_BYTES, f"peaked at {peak / 2**20:.1f} MiB"
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


def rewrite(data: bytes, replace: dict[str, bytes | str], stored: bool = False) -> bytes:
    """The package with some members replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as target:
        names = [i.filename for i in source.infolist()]
        for name in names:
            target.writestr(name, replace.get(name, source.read(name)))
        for name, content in replace.items():
            if name not in names:
                target.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def plain() -> bytes:
    return docx(p(r("集群名称：某某产业集群")))


def test_the_plain_document_reads(plain: bytes) -> None:
    assert read_docx(plain).body[0].text == "集群名称：某某产业集群"


# ------------------------------------------------------------------ not a Word document


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "not a Word .docx document"),
        (b"hello, I am a text file", "not a Word .docx document"),
        (b"%PDF-1.7 not a document", "not a Word .docx document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, r"an OLE file — a \.doc or \.wps"),
        (b"PK\x03\x04 garbage that only looks like a zip", "end record is missing"),
    ],
)
def test_not_a_docx(content: bytes, match: str) -> None:
    message = refused(content, match)
    assert message.startswith("<Word document>: ")


def test_a_missing_file_and_a_directory_named_in_the_message(tmp_path: Path) -> None:
    assert refused(tmp_path / "没有.docx", "no such file").startswith(str(tmp_path / "没有.docx"))
    refused(tmp_path, "is a directory, not a Word document")


def test_truncated_files(plain: bytes) -> None:
    for size in (len(plain) // 2, len(plain) - 10, 100):
        refused(plain[:size], "truncated|damaged")


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    refused(buffer.getvalue(), r"no \[Content_Types\]\.xml")


def test_a_package_without_a_main_part(plain: bytes) -> None:
    refused(
        rewrite(
            plain,
            {
                "_rels/.rels": "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'/>"
            },
        ),
        "no main document part",
    )


def test_a_workbook_named_docx() -> None:
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    refused(docx(main_type=sheet), r"an Excel workbook \(\.xlsx\), not a Word document")


def test_a_strict_open_xml_document() -> None:
    strict = f'{DECL}<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    refused(docx(document=strict), "Strict Open XML")


def test_a_main_part_that_is_not_wordprocessingml() -> None:
    refused(docx(document=f"{DECL}<html><body/></html>"), "has no document body")


# ------------------------------------------------------------------ macros


def test_a_macro_enabled_document_by_content_type() -> None:
    refused(
        docx(p(r("x")), main_type="application/vnd.ms-word.document.macroEnabled.main+xml"),
        "macro-enabled",
    )


def test_a_vba_project_part_anywhere(plain: bytes) -> None:
    refused(rewrite(plain, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"}), "macro-enabled")


def test_a_vba_project_declared_in_the_content_types() -> None:
    refused(
        docx(p(r("x")), types={"/word/x.bin": "application/vnd.ms-office.vbaProject"}),
        "macro-enabled",
    )


# ------------------------------------------------------------------ zip bombs


def test_a_member_compressed_a_thousandfold(plain: bytes) -> None:
    refused(rewrite(plain, {"word/document.xml": b"<" + b"\0" * (20 * 1024 * 1024)}), "zip bomb")


def test_a_member_declaring_gigabytes(plain: bytes) -> None:
    buffer = io.BytesIO(plain)
    chunk = b" " * (1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/huge.bin", "w", force_zip64=True) as handle,
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


def test_a_member_lying_about_its_size(plain: bytes) -> None:
    big = rewrite(plain, {"word/document.xml": b"<a>" + b"x" * (20 * 1024 * 1024) + b"</a>"})
    refused(_patch_size(big, "word/document.xml", 1000), "damaged|not well-formed|zip bomb")


def test_a_package_of_many_members(plain: bytes) -> None:
    refused(rewrite(plain, {f"junk/{n}.bin": b"" for n in range(MAX_MEMBERS + 10)}), "members")


# ------------------------------------------------------------------ XML tricks

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(2, 10))
    + f"]><w:document {NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
).replace("&lol1;", "&lol;")
XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


def test_entity_expansion_in_the_document(plain: bytes) -> None:
    refused(
        rewrite(plain, {"word/document.xml": BILLION_LAUGHS}), r"word/document\.xml declares a DTD"
    )


def test_an_external_entity_in_the_document(plain: bytes) -> None:
    message = refused(rewrite(plain, {"word/document.xml": XXE}), "declares a DTD")
    assert "root:" not in message


def test_an_external_entity_in_the_relationships() -> None:
    rels = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="&xxe;" Type="t" Target="x"/></Relationships>'
    )
    refused(docx(p(r("x")), parts={"_rels/.rels": rels}), r"_rels/\.rels declares a DTD")


def test_an_entity_in_a_custom_xml_part() -> None:
    item = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'
    package = docx(
        p(r("x")),
        parts={"customXml/item1.xml": item},
        rels=[("rIdX", "customXml", "../customXml/item1.xml")],
    )
    refused(package, r"customXml/item1\.xml declares a DTD")


def test_absurdly_deep_nesting(plain: bytes) -> None:
    deep = f"{DECL}<w:document {NS}><w:body>" + "<w:sdt><w:sdtContent>" * 20_000
    refused(rewrite(plain, {"word/document.xml": deep}), "nests elements more than 256 deep")


def test_xml_that_is_not_well_formed(plain: bytes) -> None:
    refused(rewrite(plain, {"word/document.xml": "<w:document><w:body>"}), "not well-formed")


# ------------------------------------------------------------------ absurd sizes


def test_a_table_with_too_many_rows() -> None:
    rows = "<w:tr><w:tc><w:p/></w:tc></w:tr>" * (MAX_ROWS + 1)
    refused(
        docx(f"<w:tbl>{rows}</w:tbl>", compression=zipfile.ZIP_STORED),
        f"table 1 has more than {MAX_ROWS} rows",
    )


def test_a_cell_spanning_a_million_columns() -> None:
    xml = tbl(tr(tc(p(r("x")), span=1_000_000)), grid=1)
    refused(docx(xml), f"table 1 has 1000000 columns; more than {MAX_COLUMNS}")


def test_rows_starting_a_billion_columns_in() -> None:
    xml = tbl(tr(tc(), trpr='<w:gridBefore w:val="1000000000"/>'), grid=1)
    refused(docx(xml), "columns; more than")


def test_tables_nested_too_deep() -> None:
    xml = "<w:p/>"
    for _ in range(MAX_NESTING + 1):
        xml = tbl(tr(tc(xml)))
    refused(docx(xml), f"nested more than {MAX_NESTING} tables deep")


def test_too_many_paragraphs() -> None:
    many = docx("<w:p/>" * (MAX_PARAGRAPHS + 1), compression=zipfile.ZIP_STORED)
    refused(many, f"{MAX_PARAGRAPHS + 1} paragraphs; more than {MAX_PARAGRAPHS} is refused")


def test_too_many_cells() -> None:
    row = tr(*("<w:tc/>" for _ in range(100)))
    many = docx(tbl(*([row] * (MAX_CELLS // 100 + 1))), compression=zipfile.ZIP_STORED)
    refused(many, f"table cells; more than {MAX_CELLS} is refused")


def test_too_many_positions_in_one_table() -> None:
    row = tr(tc(span=101))
    refused(docx(tbl(*([row] * 2000)), compression=zipfile.ZIP_STORED), r"2000 × 101 positions")


# ------------------------------------------------------------------ never followed


def test_external_relationships_and_altchunks_are_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    xml = (
        p(r("x"))
        + '<w:altChunk r:id="rIdChunk"/>'
        + p(
            '<w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:link="rIdPic"/></w:drawing></w:r>'
        )
    )
    package = docx(
        xml,
        rels=[
            ("rIdChunk", "aFChunk", f"external:{secret.as_uri()}"),
            ("rIdPic", "image", f"external:{secret.as_uri()}"),
            ("rIdUp", "customXml", "../../../../../../etc/passwd"),
            ("rIdCom", "comments", f"external:{secret.as_uri()}"),
        ],
    )
    document = read_docx(package)
    assert "SECRET" not in repr(document)
    assert document.custom_xml == ()
    assert document.comments == ()
    assert any("imported chunk" in line for line in document.unread)


# ------------------------------------------------------------------ the other formats


def test_read_word_refuses_what_it_does_not_know() -> None:
    refused(b"%PDF-1.7", r"not a Word document \(\.docx, \.doc, \.wps, \.odt or \.rtf\)", read_word)
    refused(b"\xef\xbb\xbf<html><body>x</body></html>", "web page", read_word)
    refused(b"MIME-Version: 1.0\r\n\r\n", "web page", read_word)


def test_read_word_refuses_ole_files_it_must_not_convert() -> None:
    refused(ole(["EncryptionInfo", "EncryptedPackage"]), "password-protected", read_word)
    refused(ole(["WordDocument", "1Table"], word_flags=0x0100), "password-protected", read_word)
    refused(ole(["WordDocument", "1Table", "Macros"]), "with macros", read_word)
    refused(ole(["Workbook"]), r"an Excel workbook \(\.xls\)", read_word)
    refused(ole(["Something"]), "an OLE file, not a Word document", read_word)
    refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600, "damaged OLE", read_word)


def test_read_word_refuses_a_hostile_docx_like_read_docx(plain: bytes) -> None:
    refused(rewrite(plain, {"word/document.xml": BILLION_LAUGHS}), "declares a DTD", read_word)


def test_an_ods_named_odt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    refused(buffer.getvalue(), "not a text document", read_word)


def test_a_conversion_that_hangs_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("CLUSTERFORMS_SOFFICE", str(script))
    started = time.perf_counter()
    with pytest.raises(
        ReadError,
        match=r"^表\.rtf: LibreOffice did not finish converting the \.rtf file to \.docx within 0\.5 s$",
    ):
        read_word(b"{\\rtf1 x}", name="表.rtf", timeout=0.5)
    assert time.perf_counter() - started < 5


def test_the_measurements(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the slowest and largest refusals of this module (run with -s to see them)."""
    assert MEASURED
    slowest = max(MEASURED, key=lambda m: m[1])
    largest = max(MEASURED, key=lambda m: m[2])
    with capsys.disabled():
        print(  # noqa: T201 - the measurements are what the -s run reports
            f"\n{len(MEASURED)} refusals; slowest {slowest[1] * 1000:.0f} ms ({slowest[0]!r}); "
            f"largest peak {largest[2] / 2**20:.1f} MiB ({largest[0]!r})"
        )
