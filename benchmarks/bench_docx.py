"""Time the Word renderer against a minimal direct python-docx build of the same document.

Run:  python3 benchmarks/bench_docx.py [SPEC] [--repeat N]

Both sides are timed in the same run on the blank form of SPEC (default
national-2023).  The baseline is the fast way to use python-docx directly:
the paragraphs and tables of the renderer's own output are read back (before
timing) and rebuilt with ``add_paragraph`` / ``add_table`` — rows created up
front, cells reached through their row (``row.cells``), never
``table.cell(r, c)`` in a loop — and the same cells merged with
``_Cell.merge()``; then saved.  It sets no fonts, borders or row
properties, so it does less than the renderer; the ratio printed is
renderer time / baseline time (the issue asks for at most 1.2).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from typing import Any

import docx
from clusterforms_renderers.docx import DocxRenderer
from docx.enum.section import WD_ORIENT

import clusterforms

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Plan = list[tuple[Any, ...]]


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _table_step(element: Any) -> tuple[Any, ...]:
    """A table's size, cell texts (row, grid column, text) and merged regions."""
    columns = len(element.findall(f"{W}tblGrid/{W}gridCol"))
    texts: list[tuple[int, int, str]] = []
    merges: list[tuple[int, int, int, int]] = []
    down: dict[int, list[int]] = {}  # vertical merges still open, by grid column
    rows = element.findall(f"{W}tr")
    for r, tr in enumerate(rows):
        col = 0
        for tc in tr.findall(f"{W}tc"):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = int(span_el.get(f"{W}val")) if span_el is not None else 1
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            if vmerge is not None and vmerge.get(f"{W}val") != "restart":
                down[col][2] = r
            else:
                if col in down:
                    r0, c0, r1, c1 = down.pop(col)
                    merges.append((r0, c0, r1, c1))
                if vmerge is not None:
                    down[col] = [r, col, r, col + span - 1]
                elif span > 1:
                    merges.append((r, col, r, col + span - 1))
                if text := _text(tc):
                    texts.append((r, col, text))
            col += span
    merges += [(r0, c0, r1, c1) for r0, c0, r1, c1 in down.values()]
    return ("table", len(rows), columns, texts, merges)


def plan_of(document: bytes) -> Plan:
    """The paragraphs and tables of a rendered document, as plain build steps."""
    steps: Plan = []
    for element in docx.Document(io.BytesIO(document)).element.body:
        if element.tag == f"{W}p":
            landscape = element.find(f"{W}pPr/{W}sectPr") is not None
            steps.append(("section",) if landscape else ("paragraph", _text(element)))
        elif element.tag == f"{W}tbl":
            steps.append(_table_step(element))
    return steps


def build_directly(plan: Plan) -> bytes:
    """The plan built with python-docx's public API, the fast way."""
    document = docx.Document()
    for step in plan:
        if step[0] == "paragraph":
            document.add_paragraph(step[1])
        elif step[0] == "section":
            section = document.add_section()
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        else:
            _, nrows, ncols, texts, merges = step
            table = document.add_table(rows=nrows, cols=ncols)
            table.style = "Table Grid"
            rows = table.rows
            by_row: dict[int, list[tuple[int, str]]] = {}
            for r, c, text in texts:
                by_row.setdefault(r, []).append((c, text))
            for r, entries in by_row.items():
                cells = rows[r].cells
                for c, text in entries:
                    cells[c].text = text
            for r0, c0, r1, c1 in merges:
                rows[r0].cells[c0].merge(rows[r1].cells[c1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(run: Callable[[], bytes], repeat: int) -> float:
    """The median wall time of ``repeat`` runs, after one warm-up."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", default="national-2023")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    spec = clusterforms.load_spec(args.spec)
    renderer = DocxRenderer()
    plan = plan_of(renderer.render(spec))
    tables = [s for s in plan if s[0] == "table"]
    print(
        f"{args.spec}: {len(plan) - len(tables)} paragraphs, {len(tables)} tables, "
        f"{sum(s[1] for s in tables)} rows, {sum(len(s[4]) for s in tables)} merges"
    )
    ours = timed(lambda: renderer.render(spec), args.repeat)
    direct = timed(lambda: build_directly(plan), args.repeat)
    print(f"DocxRenderer (blank)          {ours * 1000:8.1f} ms")
    print(f"direct python-docx, fast way  {direct * 1000:8.1f} ms")
    print(f"ratio renderer / direct       {ours / direct:8.2f}x  (aim: at most 1.2x)")


if __name__ == "__main__":
    main()
