"""``clusterforms summarize``: many applications into the 推荐集群汇总表, as Excel or Word.

Files are read one at a time (JSON applications, filled workbooks and Word
forms alike), each validated against its own spec and reduced to its row; a
Word form filled by hand names no spec, so ``--input-spec`` names it (files
that name their own keep it).  The table is the
summary spec (``summary-2023``) filled in and rendered by the same renderer
plugins as any form, chosen by the output's suffix, and written atomically.

Exit codes: 0 the table is written and every application is in it; 1 the
table is written but some applications were left out (errors, or unreadable:
they are listed on the sheet / page 未纳入汇总的申报 and on stderr); 2 nothing
was written (no input could be read, a bad option, or the output cannot be
rendered or written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from clusterforms import (
    SUMMARY_COLUMNS,
    ClusterformsError,
    FormSpec,
    ReadError,
    Reading,
    Summary,
    Unreadable,
    dumps_application,
    load_application,
    load_spec,
    render,
    summarize,
    summary_document,
    summary_intro_limit,
)
from clusterforms.cli import extract
from clusterforms.cli.outputs import check_outputs, spec_inputs, write_output
from clusterforms.cli.terminal import json_printable, printable, progress

EXIT_OK, EXIT_LEFT_OUT, EXIT_FAILED = 0, 1, 2
DEFAULT_SPEC: Final = "summary-2023"
_SHOWN_NOTES: Final = 20
#: Output suffix → renderer (``.json`` writes the summary application itself).
FORMATS: Final = {".xlsx": "xlsx", ".docx": "docx", ".pdf": "pdf", ".json": "json"}


def add_parser(verbs: Any) -> None:
    """Register the ``summarize`` verb."""
    parser = verbs.add_parser(
        "summarize",
        help="collect applications into the 推荐集群汇总表 (附件2), as .xlsx or .docx",
    )
    parser.add_argument("files", nargs="+", metavar="APP.json|FILLED.xlsx|.docx", type=Path)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="汇总表.xlsx|.docx",
        help="the table to write: .xlsx or .docx (also .pdf with LibreOffice, .json)",
    )
    parser.add_argument(
        "--intro-from-data",
        action="store_true",
        help="compose 集群简介 from each application's figures and narrative "
        "(default: meta.intro of the application)",
    )
    parser.add_argument(
        "--sort",
        metavar="COLUMN",
        choices=[c for c in SUMMARY_COLUMNS if c != "intro"],
        help="order the rows by a column (default: as the files are given)",
    )
    parser.add_argument(
        "--spec", default=DEFAULT_SPEC, help=f"the summary table's spec (default: {DEFAULT_SPEC})"
    )
    parser.add_argument(
        "--input-spec",
        metavar="SPEC",
        help="the spec of input files that name none (Word forms filled by hand), "
        "an id or a .toml file",
    )
    parser.set_defaults(run=run)


def _read(path: Path, input_spec: FormSpec | None) -> Any:
    """One application from a JSON file, a filled workbook or Word form, or why it cannot be read.

    Only the library's own errors say a file is unreadable; anything else is a
    bug, and is not passed off as a fault of the file.  The reading's problems
    go to stderr, one line each.
    """
    try:
        if extract.is_readable(path):
            reading = _read_filled(path, input_spec)
            sys.stderr.writelines(
                f"clusterforms: note: {extract.problem_line(reading.source, note)}\n"
                for note in reading.problems
            )
            return reading.document
        return load_application(path)
    except ClusterformsError as exc:
        return Unreadable(problem=str(exc))


def _read_filled(path: Path, input_spec: FormSpec | None) -> Reading:
    """The file read by the spec it names; one that names none, by ``input_spec``."""
    try:
        return extract.read_filled(path)
    except ReadError:
        if input_spec is None:
            raise
        return extract.read_filled(path, input_spec)


def _sources(
    files: Sequence[Path], input_spec: FormSpec | None = None
) -> Iterator[tuple[str, Any]]:
    """``(file name, document)`` one file at a time, with a progress bar on a terminal."""
    show = len(files) > 1 and sys.stderr.isatty()
    for n, path in enumerate(files, start=1):
        if show:
            progress(n, len(files), sys.stderr)
        yield str(path), _read(path, input_spec)
    if show:
        sys.stderr.write("\n")


def _fail(message: str) -> int:
    print(f"clusterforms: error: {printable(message)}", file=sys.stderr)
    return EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    """Summarise, render by the output's suffix, write atomically; see the module for exit codes."""
    output: Path = args.output
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        return _fail(f"{output}: write the table as .xlsx or .docx (or .pdf, .json)")
    check_outputs([output], [*args.files, *spec_inputs(args.spec, args.input_spec)])
    spec = load_spec(args.spec)
    input_spec = load_spec(args.input_spec) if args.input_spec else None
    try:  # the spec holds the table, and the sort works
        summary_document(spec, Summary(), sort=args.sort)
    except ClusterformsError as exc:
        return _fail(f"{exc} (--spec names the table's spec; the forms' spec goes in --input-spec)")
    summary = summarize(
        _sources(args.files, input_spec),
        intro_from_data=args.intro_from_data,
        intro_limit=summary_intro_limit(spec),
        specs=input_spec,
    )
    _report(summary)
    if not summary.entries and all(r.errors is None for r in summary.rejected):
        return _fail("no application could be read; nothing written")
    document = summary_document(spec, summary, sort=args.sort)
    if fmt == "json":
        data = json_printable(dumps_application(document)).encode("utf-8")
    else:
        data = render(spec, fmt, document)
    write_output(output, data)
    left_out = len(summary.rejected)
    tail = ""
    if left_out:
        plural = "s" if left_out > 1 else ""
        tail = f", {left_out} application{plural} left out (see 未纳入汇总的申报)"
    count = len(summary.entries)
    done = f"{output}: {count} cluster{'' if count == 1 else 's'} in the table{tail}"
    print(printable(done), file=sys.stderr)
    return EXIT_LEFT_OUT if left_out else EXIT_OK


def _report(summary: Summary) -> None:
    """One line on stderr per application left out, and per remark."""
    for rejected in summary.rejected:
        if rejected.errors is None:
            problem = rejected.problem
            if not problem.startswith(rejected.source):
                problem = f"{rejected.source}: {problem}"
            print(f"clusterforms: left out: {printable(problem)}", file=sys.stderr)
        else:
            line = (
                f"{rejected.source}: {rejected.errors} error{'' if rejected.errors == 1 else 's'} "
                f"(first: {rejected.problem}); "
                f"run `clusterforms validate {rejected.source}`"
            )
            print(f"clusterforms: left out: {printable(line)}", file=sys.stderr)
    for note in summary.notes[:_SHOWN_NOTES]:
        print(f"clusterforms: note: {printable(note)}", file=sys.stderr)
    if len(summary.notes) > _SHOWN_NOTES:
        more = len(summary.notes) - _SHOWN_NOTES
        print(f"clusterforms: note: … and {more} more notes", file=sys.stderr)
