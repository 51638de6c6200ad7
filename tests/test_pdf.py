"""The PDF renderer: LibreOffice converts the Word form; a missing LibreOffice is explained.

The conversions need LibreOffice and poppler-utils (pdftotext, pdfinfo).  On a
developer machine without them these tests skip; in CI (``CI`` set), where
``.ci/run`` installs them, a missing tool fails the run instead.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from clusterforms_renderers import pdf
from clusterforms_renderers.pdf import INSTALL_HINT, PdfRenderer, convert_docx, find_soffice

import clusterforms

EXAMPLES = Path(__file__).parent.parent / "examples"
CASES = [
    ("national-2023", False),
    ("national-2023", True),
    ("shanghai-2023", False),
    ("shanghai-2023", True),
    ("jiangsu-2024", True),
]


def _require(available: bool, what: str) -> None:
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI must convert to PDF (.ci/run installs it)")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def tools() -> None:
    _require(find_soffice() is not None, "LibreOffice (soffice)")
    _require(bool(shutil.which("pdftotext") and shutil.which("pdfinfo")), "poppler-utils")


@pytest.fixture(
    scope="module", params=CASES, ids=lambda c: f"{c[0]}-{'filled' if c[1] else 'blank'}"
)
def converted(request, tmp_path_factory) -> tuple[str, bool, Path]:
    request.getfixturevalue("tools")
    spec_id, filled = request.param
    data = clusterforms.load_application(EXAMPLES / f"{spec_id}.json") if filled else None
    output = PdfRenderer().render(clusterforms.load_spec(spec_id), data)
    path = tmp_path_factory.mktemp("pdf") / f"{spec_id}.pdf"
    path.write_bytes(output)
    return spec_id, filled, path


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found is not None, name
    return found


def pages(path: Path) -> int:
    info = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


def text(path: Path) -> str:
    out = subprocess.run(
        [_tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s", "", out.stdout)


def test_renderer_metadata() -> None:
    renderer = clusterforms.get_renderer("pdf")
    assert isinstance(renderer, PdfRenderer)
    assert (renderer.name, renderer.media_type, renderer.extension) == (
        "pdf",
        "application/pdf",
        ".pdf",
    )
    assert renderer.can_fill


def test_pdf_has_a_sensible_page_count_and_every_section_title(converted) -> None:
    spec_id, filled, path = converted
    assert path.read_bytes().startswith(b"%PDF-")
    assert 8 <= pages(path) <= 40
    found = text(path)
    spec = clusterforms.load_spec(spec_id)
    for title in [spec.cover.title or spec.title, *(s.title for s in spec.sections)]:
        assert re.sub(r"\s", "", title) in found
    if filled:
        assert "☑" in found


@pytest.mark.usefixtures("tools")
def test_national_summary_page_is_landscape(tmp_path: Path) -> None:
    path = tmp_path / "national.pdf"
    path.write_bytes(PdfRenderer().render(clusterforms.load_spec("national-2023")))
    last = pages(path)
    info = subprocess.run(
        [_tool("pdfinfo"), "-f", str(last), "-l", str(last), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    width, height = map(float, re.search(r"size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height
    assert "推荐集群汇总表" in text(path)


def test_missing_libreoffice_says_how_to_install_it(monkeypatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(clusterforms.RenderError) as caught:
        PdfRenderer().render(clusterforms.load_spec("national-2023"))
    message = str(caught.value)
    assert message == INSTALL_HINT
    assert "apt-get install libreoffice-writer-nogui fonts-noto-cjk" in message
    assert "brew install --cask libreoffice" in message
    assert "Windows" in message


def test_find_soffice_honours_the_override(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "soffice"))
    assert find_soffice() == str(tmp_path / "soffice")
    monkeypatch.delenv(pdf.SOFFICE_ENV)
    monkeypatch.setenv("PATH", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert find_soffice() is None


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stand-ins")
def test_a_conversion_that_hangs_is_stopped(tmp_path: Path) -> None:
    soffice = _fake_soffice(tmp_path, "sleep 30")
    with pytest.raises(clusterforms.RenderError, match=r"did not finish .* within 0\.5 s"):
        convert_docx(b"PK", soffice, timeout=0.5)


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stand-ins")
def test_a_failed_conversion_is_reported(tmp_path: Path) -> None:
    soffice = _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    with pytest.raises(clusterforms.RenderError, match=r"exit code 1.*could not be loaded"):
        convert_docx(b"PK", soffice)


def test_an_unrunnable_soffice_is_reported(tmp_path: Path) -> None:
    with pytest.raises(clusterforms.RenderError, match="cannot run LibreOffice"):
        convert_docx(b"PK", str(tmp_path / "no-such-soffice"))
