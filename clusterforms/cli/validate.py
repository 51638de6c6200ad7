"""``clusterforms validate``: check application files and summarise the results."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from clusterforms._files import write_atomic
from clusterforms.application.documents import load_application
from clusterforms.cli import extract
from clusterforms.cli.terminal import display_width, pad
from clusterforms.errors import ClusterformsError
from clusterforms.model.loading import load_spec
from clusterforms.model.spec import FormSpec
from clusterforms.validation.findings import Report
from clusterforms.validation.validator import validate

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def add_parser(verbs: Any) -> None:
    """Register the ``validate`` verb."""
    parser = verbs.add_parser(
        "validate", help="check filled applications (JSON) against their spec"
    )
    parser.add_argument("files", nargs="+", metavar="APP.json|FILLED.xlsx", type=Path)
    parser.add_argument(
        "--spec", help="the spec to check against (default: each file's own 'spec')"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument(
        "--report", type=Path, metavar="FILE.json", help="also write the full report"
    )
    parser.add_argument(
        "--annotate",
        type=Path,
        metavar="OUT.xlsx",
        help="with one .xlsx input: write a copy with every finding on its cell",
    )
    parser.set_defaults(run=run)


def _load(path: Path, spec: FormSpec | None = None) -> Any:
    """An application from a JSON file or a filled workbook."""
    if extract.is_workbook(path):
        return extract.load_workbook_application(path, spec)
    return load_application(path)


class Checked(NamedTuple):
    """One input file after validation: its report, or why it could not be read."""

    path: Path
    report: Report | None
    problem: str | None = None
    cluster: str = ""


def _check_one(path: Path, args: argparse.Namespace) -> Checked:
    """Read, recognise and validate one file; never raises for bad input."""
    try:
        data = _load(path, load_spec(args.spec) if args.spec else None)
        spec_id = args.spec or (data.get("spec") if isinstance(data, dict) else None)
        if not isinstance(spec_id, str):
            return Checked(path, None, f"{path}: no 'spec' in the document; name one with --spec")
        spec = load_spec(spec_id)
    except ClusterformsError as exc:
        return Checked(path, None, str(exc))
    return Checked(path, validate(spec, data, lang=args.lang), None, _cluster_name(data))


def _cluster_name(data: object) -> str:
    """The cluster's name as the document gives it, for the summary table."""
    if not isinstance(data, dict):
        return ""
    meta, values = data.get("meta"), data.get("values")
    name = meta.get("cluster_name") if isinstance(meta, dict) else None
    if not name and isinstance(values, dict):
        name = values.get("cover.cluster_name")
    return name if isinstance(name, str) else ""


def run(args: argparse.Namespace) -> int:
    """Validate every file; exit 0 clean, 1 if any has errors, 2 if any is unreadable."""
    if args.annotate and (len(args.files) != 1 or not extract.is_workbook(args.files[0])):
        print("clusterforms: error: --annotate needs exactly one .xlsx workbook", file=sys.stderr)
        return EXIT_UNREADABLE
    results = _check_all(args)
    for checked in results:
        if checked.problem:
            print(f"clusterforms: error: {checked.problem}", file=sys.stderr)
    _write_outputs(args, results)
    if any(checked.problem for checked in results):
        return EXIT_UNREADABLE
    if any(checked.report is not None and not checked.report.ok for checked in results):
        return EXIT_INVALID
    return EXIT_OK


def _check_all(args: argparse.Namespace) -> list[Checked]:
    """Each file's report or problem, with a progress bar on a terminal for many files."""
    results: list[Checked] = []
    show_progress = len(args.files) > 1 and sys.stderr.isatty()
    for n, path in enumerate(args.files, start=1):
        if show_progress:
            _progress(n, len(args.files), sys.stderr)
        results.append(_check_one(path, args))
    if show_progress:
        sys.stderr.write("\n")
    return results


def _write_outputs(args: argparse.Namespace, results: list[Checked]) -> None:
    """Stdout in the chosen format, then the annotated workbook and the report file."""
    documents = [_document(checked) for checked in results]
    if args.format == "json":
        print(json.dumps(documents, ensure_ascii=False, indent=2))
    else:
        _print_text(results, sys.stdout, args.lang)
    first = results[0]
    if args.annotate and first.report is not None:
        extract.annotate(first.path, first.report, args.annotate)
    if args.report:
        text = json.dumps(documents, ensure_ascii=False, indent=2) + "\n"
        write_atomic(args.report, text.encode("utf-8"))


def _document(checked: Checked) -> dict[str, Any]:
    if checked.report is None:
        return {"file": str(checked.path), "readable": False, "problem": checked.problem}
    return {"file": str(checked.path), "readable": True, **checked.report.to_dict()}


_MARKS = {
    "zh": {"error": "错误", "warning": "提示"},
    "en": {"error": "error", "warning": "warning"},
}


def _print_text(results: list[Checked], out: TextIO, lang: str = "zh") -> None:
    single = len(results) == 1
    for path, report, *_ in results:
        if report is None or not report.findings or not single:
            continue
        for finding in report.findings:
            mark = _MARKS[lang][finding.severity]
            out.write(f"{path}: {finding.location}: {mark} [{finding.code}] {finding.message}\n")
    rows = [("文件 file", "集群 cluster", "错误 errors", "提示 warnings")]
    for path, report, _, cluster in results:
        if report is None:
            rows.append((str(path), "", "unreadable", ""))
        else:
            rows.append((str(path), cluster, str(len(report.errors)), str(len(report.warnings))))
    widths = [max(display_width(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [pad(cell, widths[i]) for i, cell in enumerate(row)]
        out.write("  ".join(cells).rstrip() + "\n")


def _progress(done: int, total: int, err: TextIO) -> None:
    filled = done * 30 // total
    err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
    err.flush()
