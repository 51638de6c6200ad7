"""``clusterforms extract``, and the xlsx side of ``clusterforms validate``.

``extract FILLED.xlsx [-o APP.json]`` reads a filled workbook back into an
application document.  :func:`load_workbook_application` and :func:`annotate`
are what ``validate`` calls for ``.xlsx`` inputs and ``--annotate OUT.xlsx``.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from clusterforms._files import write_atomic
from clusterforms._xlsx import annotate_xlsx, read_xlsx
from clusterforms.model.spec import FormSpec
from clusterforms.validation.findings import Report

XLSX_SUFFIXES = (".xlsx", ".xlsm")


def add_parsers(verbs: Any) -> None:
    """Register the ``extract`` verb."""
    extract = verbs.add_parser(
        "extract", help="read a filled workbook (.xlsx) back into an application (JSON)"
    )
    extract.add_argument("workbook", type=Path, metavar="FILLED.xlsx")
    extract.add_argument(
        "-o", "--output", type=Path, metavar="APP.json", help="the file to write (default: stdout)"
    )
    extract.set_defaults(run=run_extract)


def is_workbook(path: Path) -> bool:
    """Whether ``validate`` should read ``path`` as a workbook rather than as JSON."""
    return path.suffix.lower() in XLSX_SUFFIXES


def load_workbook_application(path: Path, spec: FormSpec | None = None) -> dict[str, Any]:
    """The application in a filled workbook; raises ``ReadError`` (exit 2) when unreadable.

    ``spec`` is needed only for a workbook made from a spec file that is not shipped
    (``validate --spec my.toml``); shipped specs are recognised from the workbook.
    """
    return read_xlsx(path, spec=spec)


def annotate(path: Path, report: Report, output: Path) -> None:
    """Write a copy of the workbook at ``path`` with ``report``'s findings on the cells."""
    annotate_xlsx(path, report, output)


def _json_ready(value: Any) -> Any:
    """Decimals as the examples write them: whole numbers as JSON numbers, others as strings."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= 0:
            return int(value)
        return format(value, "f")
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value


def application_json(document: dict[str, Any]) -> str:
    """The application as JSON text, exactly (no number passes through float)."""
    return json.dumps(_json_ready(document), ensure_ascii=False, indent=2) + "\n"


def run_extract(args: argparse.Namespace) -> int:
    """Read the workbook; write the application JSON to ``-o`` (atomically) or stdout."""
    text = application_json(read_xlsx(args.workbook))
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(args.output, text.encode("utf-8"))
    return 0
