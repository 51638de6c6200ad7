"""The HTML batch report in a real browser: Debian's chromium, headless, driven by playwright.

Fails (never skips) when chromium or playwright is missing: ``.ci/run``
installs both.  The page is loaded from a file:// URL, as a reviewer opens it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

import clusterforms
from clusterforms import load_application, load_spec
from clusterforms.cli.main import main
from tests.review_batch import SCRIPT_NAME, write_batch

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ROWS = 32


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def batch_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report on 30 generated applications (two filled workbooks), a Word form, a broken file."""
    folder = tmp_path_factory.mktemp("browser")
    files = write_batch(folder, 30, xlsx_every=15)
    data = load_application(EXAMPLES / "national-2023.json")
    data["values"]["basic.area"] = "约十二平方公里"  # type: ignore[index]
    word = folder / "word.docx"
    word.write_bytes(clusterforms.render(load_spec("national-2023"), "docx", data))
    broken = folder / "broken.json"
    broken.write_text('{"spec": "national-2023",', encoding="utf-8")
    report = folder / "审核报告.html"
    assert main(["validate", *map(str, [*files, word, broken]), "--report", str(report)]) == 1
    return report


@pytest.fixture
def page(browser: Browser, batch_page: Path) -> Iterator[Page]:
    opened = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("request", lambda request: requests.append(request.url))
    opened.goto(batch_page.as_uri())
    yield opened
    opened.close()
    assert errors == []
    assert requests == [batch_page.as_uri()]  # self-contained: no script, font or image fetched


#: Each row's errors, as the column sorts them (an unreadable file: more than any count).
ERRORS = "rows => rows.map(r => Number(r.cells[4].dataset.sort || r.cells[4].textContent))"


def numbers(page: Page) -> list[str]:
    """The 序号 of the rows shown, top to bottom."""
    return page.eval_on_selector_all(
        "#apps tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.number)"
    )


def test_every_application_is_a_row_and_a_script_name_is_text(page: Page) -> None:
    assert len(numbers(page)) == ROWS
    assert page.locator("#shown").inner_text() == f"{ROWS} / {ROWS}"
    assert page.locator("#apps tbody tr", has_text=SCRIPT_NAME).count() == 1


def test_clicking_a_column_head_sorts_by_it(page: Page) -> None:
    errors_head = page.locator("#apps th", has_text="errors")
    errors_head.click()
    shown = page.eval_on_selector_all("#apps tbody tr", ERRORS)
    assert shown == sorted(shown)
    assert shown[0] < shown[-1]
    assert errors_head.get_attribute("aria-sort") == "ascending"
    errors_head.click()
    shown = page.eval_on_selector_all("#apps tbody tr", ERRORS)
    assert shown == sorted(shown, reverse=True)
    assert (
        page.locator("#apps tbody tr").first.inner_text().count("broken.json") == 2
    )  # unreadable first


def test_an_unreadable_file_is_a_row_saying_why(page: Page) -> None:
    row = page.locator("#apps tbody tr", has_text="broken.json")
    assert "无法读取 unreadable" in row.inner_text()
    row.click()
    assert "broken.json" in page.locator("#detail").inner_text()


def test_the_filter_box_keeps_the_matching_rows(page: Page) -> None:
    page.fill("#filter", "广西")
    shown = numbers(page)
    assert 0 < len(shown) < ROWS
    for number in shown:
        assert "广西" in page.locator(f'#apps tr[data-number="{number}"]').inner_text()
    page.fill("#filter", "")
    assert len(numbers(page)) == ROWS


def test_clicking_a_row_shows_its_findings_with_places(page: Page) -> None:
    detail = page.locator("#detail")
    assert detail.is_hidden()
    page.click("#apps tbody tr:nth-last-child(2)")  # the Word form
    assert detail.is_visible()
    text = detail.inner_text()
    assert "word.docx" in text
    assert "一、基本情况 · 表1 · 第6行 · 第2格" in text
    assert "wrong_type" in text
    assert "应填写数值" in text


def test_a_dot_on_a_chart_opens_its_application(page: Page) -> None:
    page.click('svg[data-criterion="core.output"] circle[data-number="1"]', force=True)
    assert "app0000.json" in page.locator("#detail").inner_text()
