"""Rendering the blank national workbook vs. a minimal direct openpyxl script writing the same.

Run: ``python benchmarks/bench_xlsx.py [--rounds N] [--spec SPEC]``.  Not a test.

The direct script is what a person would write by hand with openpyxl to
produce the very same workbook: the same sheets, cells, merges, named styles,
row heights, column widths, data validations, conditional formats, print
setup, protection, hidden sheets and defined names, but without any layout
logic — every coordinate and value is precomputed (read once, outside the
timing, from a rendered workbook).  The ratio of the two medians is the
renderer's overhead over openpyxl itself; the aim is at most 1.3.
"""

from __future__ import annotations

import argparse
import copy
import io
import statistics
import time
from collections.abc import Callable
from typing import Any

import openpyxl
from clusterforms_renderers.xlsx import XlsxRenderer
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

import clusterforms


def recipe(data: bytes) -> dict[str, Any]:
    """Everything the direct script writes, as plain precomputed data."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    styles = [copy.copy(style) for style in wb._named_styles]  # noqa: SLF001
    sheets = []
    for ws in wb.worksheets:
        cells = [
            (c.row, c.column, c.value, c.data_type, c.style)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None or c.style != "Normal"
        ]
        sheets.append(
            {
                "title": ws.title,
                "state": ws.sheet_state,
                "widths": {k: d.width for k, d in ws.column_dimensions.items()},
                "heights": {
                    k: d.height for k, d in ws.row_dimensions.items() if d.height is not None
                },
                "merged": [str(r) for r in ws.merged_cells.ranges],
                "cells": cells,
                "validations": [
                    {
                        "type": dv.type,
                        "operator": dv.operator,
                        "formula1": dv.formula1,
                        "formula2": dv.formula2,
                        "sqref": str(dv.sqref),
                        "promptTitle": dv.promptTitle,
                        "prompt": dv.prompt,
                        "errorTitle": dv.errorTitle,
                        "error": dv.error,
                        "errorStyle": dv.errorStyle,
                    }
                    for dv in ws.data_validations.dataValidation
                ],
                "conditional": [
                    (str(rng.sqref), rule)
                    for rng in ws.conditional_formatting
                    for rule in rng.rules
                ],
                "landscape": ws.page_setup.orientation == "landscape",
                "titles": ws.print_title_rows,
            }
        )
    names = [(name, dn.attr_text) for name, dn in wb.defined_names.items()]
    return {"styles": styles, "sheets": sheets, "names": names}


def direct(plan: dict[str, Any]) -> bytes:
    """A plain openpyxl script writing the recipe."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for style in plan["styles"]:
        if style.name not in wb.named_styles:
            wb.add_named_style(copy.copy(style))
    for sheet in plan["sheets"]:
        _direct_sheet(wb, sheet)
    for name, ref in plan["names"]:
        wb.defined_names.add(DefinedName(name, attr_text=ref))
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _direct_sheet(wb: openpyxl.Workbook, sheet: dict[str, Any]) -> None:
    ws = wb.create_sheet(sheet["title"])
    ws.sheet_state = sheet["state"]
    for key, width in sheet["widths"].items():
        ws.column_dimensions[key].width = width
    for merged in sheet["merged"]:
        ws.merge_cells(merged)
    for row, col, value, data_type, style in sheet["cells"]:
        cell = ws.cell(row, col)
        cell.style = style
        if value is not None:
            cell.value = value
            cell.data_type = data_type
    for row, height in sheet["heights"].items():
        ws.row_dimensions[row].height = height
    for spec in sheet["validations"]:
        dv = DataValidation(
            type=spec["type"],
            operator=spec["operator"],
            formula1=spec["formula1"],
            formula2=spec["formula2"],
            allow_blank=True,
            showInputMessage=True,
            promptTitle=spec["promptTitle"],
            prompt=spec["prompt"],
            showErrorMessage=spec["type"] is not None,
            errorTitle=spec["errorTitle"],
            error=spec["error"],
            errorStyle=spec["errorStyle"],
        )
        dv.sqref = MultiCellRange(spec["sqref"])
        ws.add_data_validation(dv)
    for sqref, rule in sheet["conditional"]:
        ws.conditional_formatting.add(sqref, rule)
    ws.sheet_view.showGridLines = False
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = "landscape" if sheet["landscape"] else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if sheet["titles"]:
        ws.print_title_rows = sheet["titles"]
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _time(function: Callable[[], bytes]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    """Time both, interleaved, and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--spec", default="national-2023")
    args = parser.parse_args()
    spec = clusterforms.load_spec(args.spec)
    renderer = XlsxRenderer()
    plan = recipe(renderer.render(spec))
    cells = sum(len(s["cells"]) for s in plan["sheets"])
    validations = sum(len(s["validations"]) for s in plan["sheets"])
    renderer.render(spec)  # warm up both: imports, caches
    direct(plan)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(args.rounds):
        ours.append(_time(lambda: renderer.render(spec)))
        theirs.append(_time(lambda: direct(plan)))
    median_ours, median_direct = statistics.median(ours), statistics.median(theirs)
    print(
        f"blank {args.spec}: {len(plan['sheets'])} sheets, {cells} styled cells, "
        f"{validations} data validations, {len(plan['names'])} defined names"
    )
    print(f"clusterforms XlsxRenderer : median {median_ours * 1000:7.1f} ms")
    print(f"direct openpyxl script    : median {median_direct * 1000:7.1f} ms")
    ratio = median_ours / median_direct
    verdict = "within" if ratio <= 1.3 else "ABOVE"
    print(f"ratio                     : {ratio:.2f}x ({verdict} the 1.3x aim)")


if __name__ == "__main__":
    main()
