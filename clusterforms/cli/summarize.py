"""``clusterforms summarize``: many applications into the 推荐集群汇总表, as Excel or Word.

Files are read one at a time (JSON applications, filled workbooks and Word
forms alike), each validated against its own spec and reduced to its row; a
Word form filled by hand names no spec, so ``--input-spec`` names it (a file
that names a known spec keeps it).  The table is the summary spec
(``summary-2023``) filled in and rendered by the same renderer plugins as any
form, chosen by the output's suffix, and written atomically.

The reviewer's own report goes to stderr (and, with ``--report``, to a JSON
file), never into the official table: every application left out of it,
every excess of the notice's quotas (``--max-per-province``,
``--max-per-city``) and every pair of look-alike applications, with what
they share.

Exit codes: 0 the table is written and every application is in it; 1 the
table is written but some applications were left out (errors, or unreadable:
they are listed on stderr and in ``--report``) or a quota
is exceeded (nothing is dropped: the reviewer chooses); 2 nothing
was written (no input could be read, a bad option, or the output cannot be
rendered or written).
"""

from __future__ import annotations

import argparse
import json
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
    Lookalike,
    QuotaReport,
    ReadError,
    Reading,
    Region,
    Summary,
    Unreadable,
    check_quotas,
    dumps_application,
    find_lookalikes,
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
    for option, what in (
        ("--max-per-province", "province (自治区、直辖市)"),
        ("--max-per-city", "city (设区市; the 区/县 of a 直辖市)"),
        ("--max-per-listed", "计划单列市 and the 兵团 (default: --max-per-province)"),
    ):
        parser.add_argument(
            option,
            type=_count,
            metavar="N",
            help=f"the notice's quota: at most N recommended clusters per {what}; "
            "every excess is reported (exit 1), nothing is dropped",
        )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE.json",
        help="also write the reviewer's report: quota excesses and look-alike applications",
    )
    parser.set_defaults(run=run)


def _count(text: str) -> int:
    """A quota: a whole number, zero or more."""
    if not text.isdigit():
        msg = f"not a whole number: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


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
    check_outputs([output, args.report], [*args.files, *spec_inputs(args.spec, args.input_spec)])
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
    quotas = check_quotas(
        summary,
        per_province=args.max_per_province,
        per_city=args.max_per_city,
        per_listed=args.max_per_listed,
    )
    lookalikes = find_lookalikes(summary.fingerprints)
    _review(quotas, lookalikes, listed=args.max_per_listed is not None)
    if args.report:
        report = _review_json(summary, quotas, lookalikes)
        write_output(args.report, report.encode("utf-8"))
    left_out = len(summary.rejected)
    tail = ""
    if left_out:
        plural = "s" if left_out > 1 else ""
        tail = f", {left_out} application{plural} left out (listed above)"
    if quotas.excesses:
        tail += f", {len(quotas.excesses)} quota{'' if len(quotas.excesses) == 1 else 's'} exceeded"
    count = len(summary.entries)
    done = f"{output}: {count} cluster{'' if count == 1 else 's'} in the table{tail}"
    print(printable(done), file=sys.stderr)
    return EXIT_LEFT_OUT if left_out or quotas.excesses else EXIT_OK


_LEVELS: Final = {"province": "--max-per-province", "city": "--max-per-city"}
_KINDS: Final = {
    "cluster_name": "same 集群名称",
    "operator": "same 集群运营机构",
    "passage": "same passage",
    "yearly_rows": "same yearly figures",
}


def _review(quotas: QuotaReport, lookalikes: list[Lookalike], *, listed: bool) -> None:
    """The reviewer's lines on stderr: each quota excess with every file, each look-alike pair.

    ``listed`` says ``--max-per-listed`` was given (it caps 计划单列市 and the 兵团).
    """
    for excess in quotas.excesses:
        count = len(excess.sources)
        option = _LEVELS[excess.level]
        if listed and excess.level == "province" and Region(excess.unit).listed:
            option = "--max-per-listed"
        line = (
            f"{excess.unit}: {count} recommended, at most {excess.limit} ({option}); "
            f"choose which to keep: {', '.join(excess.sources)}"
        )
        print(f"clusterforms: quota exceeded: {printable(line)}", file=sys.stderr)
    for source in quotas.unplaced:
        line = f"{source}: 所属地区 names no province or city; not counted for the quotas"
        print(f"clusterforms: note: {printable(line)}", file=sys.stderr)
    for pair in lookalikes:
        print(f"clusterforms: look-alike: {printable(lookalike_line(pair))}", file=sys.stderr)


def lookalike_line(pair: Lookalike) -> str:
    """Two look-alike applications and what they share, on one line."""
    parts = []
    for match in pair.matches:
        if match.kind == "passage":
            first, second = match.fields
            where = first if first == second else f"{first} / {second}"
            parts.append(f"same passage of {match.size} characters in {where}: “{match.shared}”")
        elif match.kind == "yearly_rows":
            parts.append(f"same yearly figures in {match.size} rows: {match.shared}")
        else:
            parts.append(f"{_KINDS[match.kind]} “{match.shared}”")
    return f"{pair.first} ~ {pair.second}: " + "; ".join(parts)


def _review_json(summary: Summary, quotas: QuotaReport, lookalikes: list[Lookalike]) -> str:
    document = {
        "left_out": [
            {
                "file": r.source,
                "cluster_name": r.cluster_name,
                "errors": r.errors,  # null: the file could not be read
                "problem": r.problem,
            }
            for r in summary.rejected
        ],
        "quota_excesses": [
            {
                "level": e.level,
                "unit": e.unit,
                "limit": e.limit,
                "count": len(e.sources),
                "files": list(e.sources),
            }
            for e in quotas.excesses
        ],
        "unplaced": list(quotas.unplaced),
        "lookalikes": [pair.to_document() for pair in lookalikes],
    }
    return json_printable(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


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
