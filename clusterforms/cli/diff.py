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

from clusterforms import (
    IMPACTS,
    OutputError,
    Renderer,
    RendererNotFoundError,
    available_renderers,
    diff,
    diff_report,
    document_spec,
    dumps_application,
    item_matrix,
    load_application,
    load_spec,
    migrate,
    renderer_for_output,
)
from clusterforms.cli.importing import load_forms, template_inputs
from clusterforms.cli.outputs import check_outputs, spec_inputs, write_output
from clusterforms.cli.terminal import json_printable, printable, printable_lines

EXIT_OK = 0


def add_parsers(verbs: Any) -> None:
    """Register the ``diff``, ``matrix`` and ``migrate`` verbs."""
    spec_help = "a spec id (see `clusterforms specs`), a .toml spec file or a Word template"
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
    parser.add_argument("--threshold", type=float, help=argparse.SUPPRESS)
    _add_lang(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    parser.set_defaults(run=run_diff)

    parser = verbs.add_parser("matrix", help="which forms have which items: one row per item id")
    parser.add_argument("specs", nargs="+", metavar="SPEC", help=spec_help)
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE.xlsx|FILE.html", help="write to FILE"
    )
    _add_lang(parser)
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
    _add_lang(parser)
    parser.set_defaults(run=run_migrate)


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="the report's language (default: zh)"
    )


def _impacts(text: str) -> frozenset[str]:
    wanted = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = wanted - set(IMPACTS)
    if not wanted or unknown:
        msg = f"expected a comma-separated list of {', '.join(IMPACTS)}"
        raise argparse.ArgumentTypeError(msg)
    return wanted


def run_diff(args: argparse.Namespace) -> int:
    """Diff two specs and print or write the report."""
    check_outputs([args.output], template_inputs(args.old, args.new))
    labels = {"auto": None, "always": True, "never": False}[args.match_labels]
    tuning = {} if args.threshold is None else {"threshold": args.threshold}
    old, new = load_forms([args.old, args.new])
    d = diff(old, new, match_labels=labels, **tuning)
    color = args.output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    text = diff_report(d, args.format, only=args.only, color=color, lang=args.lang)
    if args.output is None:
        sys.stdout.write(_for_terminal(text, args.format, color=color))
    else:
        write_output(args.output, text.encode("utf-8"))
        counts = d.counts()
        print(printable(f"wrote {args.output} ({counts['total']} changes)"), file=sys.stderr)
    return EXIT_OK


def _for_terminal(text: str, fmt: str, *, color: bool) -> str:
    """The report with the specs' own control characters escaped (the colours are ours)."""
    if fmt == "json":
        return json_printable(text)
    return text if color else printable_lines(text)


def run_matrix(args: argparse.Namespace) -> int:
    """Tabulate the items of several specs, to stdout or an .xlsx / .html file."""
    suffix = args.output.suffix.lower() if args.output is not None else None
    table = None if suffix in {None, ".html", ".htm"} else _table_renderer(args.output)
    check_outputs([args.output], template_inputs(*args.specs))
    matrix = item_matrix(load_forms(args.specs))
    if args.output is None:
        sys.stdout.write(printable_lines(matrix.to_text(args.lang)))
        return EXIT_OK
    if table is None:
        data = matrix.to_html(args.lang).encode("utf-8")
    else:
        data = table.render_table(matrix.to_table(args.lang))
    write_output(args.output, data)
    shape = f"{len(matrix.rows)} items × {len(matrix.specs)} specs"
    print(printable(f"wrote {args.output} ({shape})"), file=sys.stderr)
    return EXIT_OK


def _table_renderer(output: Path) -> Renderer:
    """The renderer that writes tables as files like ``output`` (xlsx for ``.xlsx``)."""
    try:
        return renderer_for_output(output, capability="table")
    except RendererNotFoundError:
        made = sorted({info.extension for info in available_renderers() if info.can_table})
        suffix = output.suffix.lower() or "no suffix"
        msg = f"{output}: the matrix is written as {' or '.join([*made, '.html'])}, not {suffix}"
        raise OutputError(msg) from None


def run_migrate(args: argparse.Namespace) -> int:
    """Migrate one application; the draft to stdout or -o, the report to stderr or --report."""
    check_outputs(
        [args.output, args.report],
        [args.application, *spec_inputs(args.to, args.from_spec)],
    )
    data = load_application(args.application)
    to_spec = load_spec(args.to)
    if args.from_spec:
        from_spec = load_spec(args.from_spec)
    else:
        from_spec = document_spec(data, source=str(args.application))
    draft, report = migrate(data, to_spec, from_spec, lang=args.lang)
    text = json_printable(dumps_application(draft))
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_output(args.output, text.encode("utf-8"))
    if args.report is None:
        sys.stderr.write("\n".join(map(printable, report.lines())) + "\n")
    else:
        body = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        write_output(args.report, json_printable(body).encode("utf-8"))
        sys.stderr.write(printable(f"{report.lines()[0]} → {args.report}") + "\n")
    return EXIT_OK
