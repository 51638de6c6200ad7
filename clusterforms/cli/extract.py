"""``clusterforms extract``, and the reading side of ``validate`` and ``summarize``.

``extract FILLED [--spec SPEC] [-o APP.json]`` reads a filled file back into
an application document through :func:`clusterforms.read`: whichever
installed renderer reads that kind of file (``.xlsx`` today), exactly as a
third-party reader would.  :func:`is_readable`, :func:`read_application` and
:func:`annotate` are what ``validate`` and ``summarize`` call for such files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clusterforms import FormSpec, ReadingNote, Report, available_renderers, load_spec, read
from clusterforms import annotate as annotate_file
from clusterforms.application.documents import dumps_application
from clusterforms.cli.outputs import check_outputs, spec_inputs, write_output
from clusterforms.cli.terminal import json_printable, printable


def add_parsers(verbs: Any) -> None:
    """Register the ``extract`` verb."""
    extract = verbs.add_parser(
        "extract", help="read a filled form (.xlsx) back into an application (JSON)"
    )
    extract.add_argument("source", type=Path, metavar="FILLED.xlsx")
    extract.add_argument(
        "--spec",
        metavar="SPEC",
        help="the spec the file fills (default: the one the file names)",
    )
    extract.add_argument(
        "-o", "--output", type=Path, metavar="APP.json", help="the file to write (default: stdout)"
    )
    extract.set_defaults(run=run_extract)


def is_readable(path: Path) -> bool:
    """Whether ``path`` is a kind of file an installed renderer reads, by its suffix.

    ``validate`` and ``summarize`` read such files through the renderer and
    everything else as a JSON application.
    """
    name = path.name.lower()
    return any(name.endswith(s) for info in available_renderers() for s in info.read_suffixes)


def read_application(path: Path, spec: FormSpec | None = None) -> dict[str, Any]:
    """The application in a filled file; raises ``ReadError`` (exit 2) when unreadable.

    ``spec`` is needed only for a file made from a spec file that is not shipped
    (``validate --spec my.toml``); shipped specs are recognised from the file.
    Reading problems go to stderr, one line each.
    """
    reading = read(path, spec=spec)
    _print_problems(reading.source, reading.problems)
    return reading.document


def annotate(path: Path, report: Report, output: Path) -> None:
    """Write a copy of the filled file at ``path`` with ``report``'s findings on it."""
    check_outputs([output], [path])
    annotate_file(path, report, output)


def _print_problems(source: str, problems: tuple[ReadingNote, ...]) -> None:
    for note in problems:
        print(printable(f"{source}: {note.place}: {note.message}"), file=sys.stderr)


def run_extract(args: argparse.Namespace) -> int:
    """Read the file; write the application JSON to ``-o`` (atomically) or stdout."""
    check_outputs([args.output], [args.source, *spec_inputs(args.spec)])
    spec = load_spec(args.spec) if args.spec else None
    text = json_printable(dumps_application(read_application(args.source, spec)))
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_output(args.output, text.encode("utf-8"))
    return 0
