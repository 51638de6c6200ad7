"""``clusterforms validate``: check application files and summarise the results."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from clusterforms._application import load_application
from clusterforms._atomic import write_atomic
from clusterforms._findings import Report
from clusterforms._loading import load_spec
from clusterforms._validate import validate
from clusterforms.errors import ClusterformsError

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def add_parser(verbs: Any) -> None:
    """Register the ``validate`` verb."""
    parser = verbs.add_parser(
        "validate", help="check filled applications (JSON) against their spec"
    )
    parser.add_argument("files", nargs="+", metavar="APP.json", type=Path)
    parser.add_argument(
        "--spec", help="the spec to check against (default: each file's own 'spec')"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument(
        "--report", type=Path, metavar="FILE.json", help="also write the full report"
    )
    parser.set_defaults(run=run)


def _check_one(path: Path, args: argparse.Namespace) -> tuple[Report | None, str | None]:
    """The report for one file, or the one-line reason it could not be read."""
    try:
        data = load_application(path)
        spec_id = args.spec or (data.get("spec") if isinstance(data, dict) else None)
        if not isinstance(spec_id, str):
            return None, f"{path}: no 'spec' in the document; name one with --spec"
        spec = load_spec(spec_id)
    except ClusterformsError as exc:
        return None, str(exc)
    return validate(spec, data, lang=args.lang), None


def _cluster_name(path: Path) -> str:
    try:
        data = load_application(path)
        meta = data.get("meta", {}) if isinstance(data, dict) else {}
        values = data.get("values", {}) if isinstance(data, dict) else {}
        name = meta.get("cluster_name") or values.get("cover.cluster_name") or ""
    except (ClusterformsError, AttributeError):
        return ""
    return str(name)


def run(args: argparse.Namespace) -> int:
    """Validate every file; exit 0 clean, 1 if any has errors, 2 if any is unreadable."""
    results: list[tuple[Path, Report | None, str | None]] = []
    show_progress = len(args.files) > 1 and sys.stderr.isatty()
    for n, path in enumerate(args.files, start=1):
        if show_progress:
            _progress(n, len(args.files), sys.stderr)
        report, problem = _check_one(path, args)
        results.append((path, report, problem))
    if show_progress:
        sys.stderr.write("\n")
    for _, _, problem in results:
        if problem:
            print(f"clusterforms: error: {problem}", file=sys.stderr)
    documents = [_document(path, report, problem) for path, report, problem in results]
    if args.format == "json":
        print(json.dumps(documents, ensure_ascii=False, indent=2))
    else:
        _print_text(results, sys.stdout)
    if args.report:
        text = json.dumps(documents, ensure_ascii=False, indent=2) + "\n"
        write_atomic(args.report, text.encode("utf-8"))
    if any(problem for *_, problem in results):
        return EXIT_UNREADABLE
    if any(report is not None and not report.ok for _, report, _ in results):
        return EXIT_INVALID
    return EXIT_OK


def _document(path: Path, report: Report | None, problem: str | None) -> dict[str, Any]:
    if report is None:
        return {"file": str(path), "readable": False, "problem": problem}
    return {"file": str(path), "readable": True, **report.to_dict()}


def _print_text(results: list[tuple[Path, Report | None, str | None]], out: TextIO) -> None:
    single = len(results) == 1
    for path, report, _ in results:
        if report is None or not report.findings or not single:
            continue
        for finding in report.findings:
            mark = "错误" if finding.severity == "error" else "提示"
            out.write(f"{path}: {finding.location}: {mark} [{finding.code}] {finding.message}\n")
    rows = [("文件 file", "集群 cluster", "错误 errors", "提示 warnings")]
    for path, report, _ in results:
        if report is None:
            rows.append((str(path), "", "unreadable", ""))
        else:
            rows.append(
                (str(path), _cluster_name(path), str(len(report.errors)), str(len(report.warnings)))
            )
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)]
        out.write("  ".join(cells).rstrip() + "\n")


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _progress(done: int, total: int, err: TextIO) -> None:
    filled = done * 30 // total
    err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
    err.flush()
