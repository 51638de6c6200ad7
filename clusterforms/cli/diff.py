"""``clusterforms diff``, ``matrix`` and ``migrate``: comparing forms and carrying data over.

Thin: each verb loads its inputs, calls the library and writes the result to
stdout or, with ``-o``, atomically to a file.  Every failure a user can cause
is a :class:`~clusterforms.errors.ClusterformsError`, which the CLI's main()
turns into one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from clusterforms._files import write_atomic
from clusterforms.application.documents import load_application
from clusterforms.diff.compare import THRESHOLD, diff
from clusterforms.diff.matrix import item_matrix, matrix_html, matrix_text, matrix_xlsx
from clusterforms.diff.model import IMPACTS
from clusterforms.diff.reports.html import render_html
from clusterforms.diff.reports.markdown import render_md
from clusterforms.diff.reports.text import render_text
from clusterforms.errors import ClusterformsError
from clusterforms.migrate.migration import dumps_application, migrate
from clusterforms.model.loading import load_spec

EXIT_OK = 0


class OutputError(ClusterformsError, ValueError):
    """An output file cannot be written, or its type is not one the verb makes."""


def add_parsers(verbs: Any) -> None:
    """Register the ``diff``, ``matrix`` and ``migrate`` verbs."""
    spec_help = "a spec id (see `clusterforms specs`) or a .toml spec file"
    parser = verbs.add_parser("diff", help="what changed between two forms")
    parser.add_argument("old", metavar="A", help=spec_help)
    parser.add_argument("new", metavar="B", help=spec_help)
    parser.add_argument("--format", choices=("text", "json", "md", "html"), default="text")
    parser.add_argument(
        "--only",
        type=_impacts,
        metavar="CLASSES",
        help="list only these change classes, comma-separated: breaking,additive,wording",
    )
    parser.add_argument(
        "--match-labels",
        choices=("auto", "always", "never"),
        default="auto",
        help="pair items whose ids differ by label similarity (auto: when ids do not line up)",
    )
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help=argparse.SUPPRESS)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    parser.set_defaults(run=run_diff)

    parser = verbs.add_parser("matrix", help="which forms have which items: one row per item id")
    parser.add_argument("specs", nargs="+", metavar="SPEC", help=spec_help)
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE.xlsx|FILE.html", help="write to FILE"
    )
    parser.set_defaults(run=run_matrix)

    parser = verbs.add_parser(
        "migrate", help="carry an application over to another form, reporting what was lost"
    )
    parser.add_argument("application", metavar="APP.json", type=Path)
    parser.add_argument("--to", required=True, metavar="SPEC", help="the form to migrate to")
    parser.add_argument(
        "--from",
        dest="from_spec",
        metavar="SPEC",
        help="the form APP.json fills (default: its 'spec')",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT.json", help="write the draft")
    parser.add_argument(
        "--report", type=Path, metavar="FILE.json", help="write the report as JSON to FILE"
    )
    parser.set_defaults(run=run_migrate)


def _impacts(text: str) -> frozenset[str]:
    wanted = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = wanted - set(IMPACTS)
    if not wanted or unknown:
        msg = f"expected a comma-separated list of {', '.join(IMPACTS)}"
        raise argparse.ArgumentTypeError(msg)
    return wanted


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        msg = f"{path}: cannot write: {exc.strerror or exc}"
        raise OutputError(msg) from None


def run_diff(args: argparse.Namespace) -> int:
    """Diff two specs and print or write the report."""
    labels = {"auto": None, "always": True, "never": False}[args.match_labels]
    d = diff(
        load_spec(args.old), load_spec(args.new), match_labels=labels, threshold=args.threshold
    )
    if args.format == "json":
        text = (d if args.only is None else d.only(args.only)).to_json() + "\n"
    elif args.format == "md":
        text = render_md(d, only=args.only)
    elif args.format == "html":
        text = render_html(d, only=args.only)
    else:
        color = args.output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = render_text(d, color=color, only=args.only)
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write(args.output, text.encode("utf-8"))
        counts = d.counts()
        print(f"wrote {args.output} ({counts['total']} changes)", file=sys.stderr)
    return EXIT_OK


def run_matrix(args: argparse.Namespace) -> int:
    """Tabulate the items of several specs, to stdout or an .xlsx / .html file."""
    matrix = item_matrix([load_spec(name) for name in args.specs])
    if args.output is None:
        sys.stdout.write(matrix_text(matrix))
        return EXIT_OK
    suffix = args.output.suffix.lower()
    if suffix == ".xlsx":
        data = matrix_xlsx(matrix)
    elif suffix in {".html", ".htm"}:
        data = matrix_html(matrix).encode("utf-8")
    else:
        msg = f"{args.output}: the matrix is written as .xlsx or .html, not {suffix or 'no suffix'}"
        raise OutputError(msg)
    _write(args.output, data)
    print(
        f"wrote {args.output} ({len(matrix.rows)} items × {len(matrix.specs)} specs)",
        file=sys.stderr,
    )
    return EXIT_OK


def run_migrate(args: argparse.Namespace) -> int:
    """Migrate one application; the draft to stdout or -o, the report to stderr or --report."""
    data = load_application(args.application)
    from_spec = load_spec(args.from_spec) if args.from_spec else None
    draft, report = migrate(data, load_spec(args.to), from_spec)
    text = dumps_application(draft)
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write(args.output, text.encode("utf-8"))
    if args.report is None:
        sys.stderr.write("\n".join(report.lines()) + "\n")
    else:
        body = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        _write(args.report, body.encode("utf-8"))
        sys.stderr.write(report.lines()[0] + f" (report: {args.report})\n")
    return EXIT_OK
