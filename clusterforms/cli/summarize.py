"""``clusterforms summarize``: many applications into the 推荐集群汇总表, as Excel or Word.

Files are read one at a time (JSON applications, filled workbooks and Word
forms alike), each validated against its own spec and reduced to its row; a
Word form filled by hand names no spec, so ``--input-spec`` names it (a file
that names a known spec keeps it).  The table is the summary spec
(``summary-2023``) filled in and rendered by the same renderer plugins as any
form, chosen by the output's suffix, and written atomically.

Exit codes: 0 the table is written and every application is in it; 1 the
table is written but some applications were left out (errors, or unreadable:
they are listed on the sheet / page 未纳入汇总的申报 and on stderr); 2 nothing
was written (no input could be read, a bad option, or the output cannot be
rendered or written).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections import Counter
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


class _Reader:
    """Reads each input, keeping what the readings noted for the report at the end.

    Notes wait for the end so that a progress bar is not broken by them, and are
    one line per file (how many of each kind, and the command that lists them):
    a batch of hundreds of forms stays readable.
    """

    def __init__(self, input_spec: FormSpec | None = None, named: str = "") -> None:
        self.input_spec = input_spec
        #: ``--input-spec`` as given (an id, or a spec file's path).
        self.named = named
        #: The validate command that shows a file's findings, by file name.
        self.commands: dict[str, str] = {}
        self.notes: list[str] = []
        self.filled_unreadable = False

    def __call__(self, path: Path) -> Any:
        """One application from a JSON file, a filled workbook or Word form, or why not.

        Only the library's own errors say a file is unreadable; anything else is
        a bug, and is not passed off as a fault of the file.
        """
        filled = extract.is_readable(path)
        try:
            if not filled:
                return load_application(path)
            reading = self._read_filled(path)
        except ClusterformsError as exc:
            self.filled_unreadable |= filled
            return Unreadable(problem=str(exc))
        if reading.problems:
            kinds = Counter(note.kind for note in reading.problems)
            counted = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
            self.notes.append(
                f"{path}: reading problems ({counted}); "
                f"`{self.command(str(path))}` lists each with its place"
            )
        return reading.document

    def _read_filled(self, path: Path) -> Reading:
        """The file read by the spec it names; one that names none, by ``input_spec``."""
        try:
            return extract.read_filled(path)
        except ReadError:
            if self.input_spec is None:
                raise
            reading = extract.read_filled(path, self.input_spec)
            self.commands[str(path)] = f"{self.command(str(path))} --spec {shlex.quote(self.named)}"
            return reading

    def command(self, source: str) -> str:
        """How to see one file's findings and reading problems."""
        return self.commands.get(source, f"clusterforms validate {shlex.quote(source)}")


def _sources(files: Sequence[Path], read: _Reader | None = None) -> Iterator[tuple[str, Any]]:
    """``(file name, document)`` one file at a time, with a progress bar on a terminal."""
    read = read or _Reader()
    show = len(files) > 1 and sys.stderr.isatty()
    for n, path in enumerate(files, start=1):
        if show:
            progress(n, len(files), sys.stderr)
        yield str(path), read(path)
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
    reader = _Reader(input_spec, args.input_spec or "")
    summary = summarize(
        _sources(args.files, reader),
        intro_from_data=args.intro_from_data,
        intro_limit=summary_intro_limit(spec),
        specs=input_spec,
    )
    _report(summary, reader)
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


def _report(summary: Summary, reader: _Reader) -> None:
    """One line on stderr per application left out, per file read with problems, per remark."""
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
                f"run `{reader.command(rejected.source)}`"
            )
            print(f"clusterforms: left out: {printable(line)}", file=sys.stderr)
    if reader.filled_unreadable and reader.input_spec is None:
        hint = "a Word form filled by hand names no spec: name it with --input-spec SPEC"
        print(f"clusterforms: note: {hint}", file=sys.stderr)
    for note in reader.notes:
        print(f"clusterforms: note: {printable(note)}", file=sys.stderr)
    for note in summary.notes[:_SHOWN_NOTES]:
        print(f"clusterforms: note: {printable(note)}", file=sys.stderr)
    if len(summary.notes) > _SHOWN_NOTES:
        more = len(summary.notes) - _SHOWN_NOTES
        print(f"clusterforms: note: … and {more} more notes", file=sys.stderr)
