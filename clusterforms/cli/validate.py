"""``clusterforms validate``: check application files and summarise the results.

Each file is handled on its own: one that cannot be read, or names no known
spec, is listed as unreadable in the summary and the others are still checked.
A filled form (.xlsx, .docx …) is read back first; what the reading had to
guess or could not place is shown beside the findings, marked ``读取``, and in
the report as ``reading_problems``, without changing the exit code.  In a
batch, look-alike applications (a shared name, operator, long passage or
yearly figures) are a line each after the table and ``lookalikes`` of each
file in the report; they do not change the exit code either.  ``--report``
writes the batch report (:func:`clusterforms.review_report`) in the format its
name ends in: ``.html``, ``.json``, ``.xlsx`` or ``.csv``.
Exit codes: 0 every file is clean; 1 some file has errors or could not be
read; 2 no file could be checked at all, or the options are unusable
(``--spec``, ``--report``, ``--annotate``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from clusterforms import (
    REVIEW_FORMATS,
    Application,
    BatchReview,
    ClusterformsError,
    Fingerprint,
    FormSpec,
    Lang,
    Lookalike,
    OutputError,
    ReadingNote,
    Report,
    ReviewFormat,
    ReviewInput,
    document_spec,
    find_lookalikes,
    fingerprint,
    load_application,
    load_spec,
    read_application,
    review_batch,
    review_documents,
    review_report,
    validate,
)
from clusterforms.cli import extract
from clusterforms.cli.outputs import check_outputs, spec_inputs, write_output
from clusterforms.cli.summarize import lookalike_line
from clusterforms.cli.terminal import display_width, json_printable, pad, printable, progress

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
#: How much of an unexpected error's text a file's summary line quotes.
_SHOWN_CHARS = 200


def add_parser(verbs: Any) -> None:
    """Register the ``validate`` verb."""
    parser = verbs.add_parser(
        "validate", help="check filled applications (JSON) against their spec"
    )
    parser.add_argument("files", nargs="+", metavar="APP.json|FILLED.xlsx|.docx", type=Path)
    parser.add_argument(
        "--spec",
        metavar="SPEC",
        help="the spec to check against, an id or a .toml file (default: each file's own "
        "'spec', which must name a shipped spec; a Word form filled by hand names none)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="REPORT.html|.json|.xlsx|.csv",
        help="also write the batch report, in the format its name ends in: a page to sort "
        "and filter (.html), the full report (.json), applications and findings for Excel "
        "(.xlsx), or the findings one per line (.csv)",
    )
    parser.add_argument(
        "--annotate",
        type=Path,
        metavar="OUT",
        help="with one .xlsx or .docx input: write a copy with every finding on its cell",
    )
    parser.set_defaults(run=run)


class Checked(NamedTuple):
    """One input file after validation (``review``: its report, or why it could not be read).

    ``facts`` are what look-alikes are found on, for a file that could be read.
    """

    path: Path
    review: ReviewInput
    facts: Fingerprint | None = None

    @property
    def report(self) -> Report | None:
        """The file's report; None when it could not be checked."""
        return self.review.report

    @property
    def reading(self) -> tuple[ReadingNote, ...] | None:
        """None for a JSON application, else the problems reading the filled file back noted."""
        notes = self.review.notes
        return None if notes is None else tuple(n for n in notes if n.kind != "found")


def _load(path: Path, spec: FormSpec | None) -> tuple[Any, tuple[ReadingNote, ...] | None]:
    """An application from a JSON file or a filled form, with all the reading's notes."""
    if extract.is_readable(path):
        reading = extract.read_filled(path, spec)
        return reading.document, reading.notes
    return load_application(path), None


def _check_one(path: Path, spec: FormSpec | None, lang: Lang) -> Checked:
    """Read, recognise and validate one file; never raises for anything in the file."""
    try:
        data, notes = _load(path, spec)
        form = spec or document_spec(data, source=str(path))
        read = _typed(form, data)
        report = validate(form, data if read is None else read, lang=lang)
        facts = None if read is None else fingerprint(str(path), read)
    except ClusterformsError as exc:
        return _unreadable(path, str(exc))
    except Exception as exc:  # noqa: BLE001 - one odd file must never stop the batch
        text = f"{type(exc).__name__}: {exc}"[:_SHOWN_CHARS]
        return _unreadable(path, f"{path}: cannot be checked ({text}); please report this")
    review = ReviewInput(
        source=str(path),
        spec=form,
        report=report,
        application=read,
        notes=notes,
        cluster_name=_cluster_name(data),
    )
    return Checked(path, review, facts)


def _unreadable(path: Path, problem: str) -> Checked:
    return Checked(path, ReviewInput(source=str(path), problem=problem))


def _typed(spec: FormSpec, data: object) -> Application | None:
    """The document read once, for the validator and the look-alikes; None if no application."""
    try:
        return read_application(spec, data)
    except ClusterformsError:
        return None


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
    """Validate every file; see the module for the exit codes."""
    if args.annotate and (len(args.files) != 1 or not extract.is_readable(args.files[0])):
        print("clusterforms: error: --annotate needs one .xlsx or .docx file", file=sys.stderr)
        return EXIT_UNREADABLE
    check_outputs([args.annotate, args.report], [*args.files, *spec_inputs(args.spec)])
    if args.report is not None:
        report_format(args.report)
    spec = load_spec(args.spec) if args.spec else None
    results = _check_all(args, spec)
    for checked in results:
        if checked.review.problem:
            print(f"clusterforms: error: {printable(checked.review.problem)}", file=sys.stderr)
    lookalikes = find_lookalikes(c.facts for c in results if c.facts is not None)
    _write_outputs(args, results, lookalikes)
    if all(checked.report is None for checked in results):
        return EXIT_UNREADABLE
    if any(checked.report is None or not checked.report.ok for checked in results):
        return EXIT_INVALID
    return EXIT_OK


def _check_all(args: argparse.Namespace, spec: FormSpec | None) -> list[Checked]:
    """Each file's report or problem, with a progress bar on a terminal for many files."""
    results: list[Checked] = []
    show_progress = len(args.files) > 1 and sys.stderr.isatty()
    for n, path in enumerate(args.files, start=1):
        if show_progress:
            progress(n, len(args.files), sys.stderr)
        results.append(_check_one(path, spec, args.lang))
    if show_progress:
        sys.stderr.write("\n")
    return results


def _write_outputs(
    args: argparse.Namespace, results: list[Checked], lookalikes: list[Lookalike]
) -> None:
    """Stdout in the chosen format, then the annotated workbook and the report file."""
    review = review_batch((c.review for c in results), lookalikes)
    if args.format == "json":
        sys.stdout.write(_json(review))
    else:
        _print_text(results, sys.stdout, args.lang)
        for pair in lookalikes:  # after the table, a line per pair
            print(f"相似申报 look-alike: {printable(lookalike_line(pair))}")
    first = results[0]
    if args.annotate and first.report is not None:
        extract.annotate(first.path, first.report, args.annotate)
    if args.report:
        fmt = report_format(args.report)
        data = _json(review).encode() if fmt == "json" else review_report(review, fmt)
        write_output(args.report, data)


def report_format(path: Path) -> ReviewFormat:
    """The report's format, from the end of its name; an OutputError (exit 2) for any other."""
    suffix = path.suffix.lower().lstrip(".")
    for fmt in REVIEW_FORMATS:
        if suffix == fmt:
            return fmt
    names = ", ".join(f".{f}" for f in REVIEW_FORMATS)
    msg = f"{path}: cannot write a report of that kind; name a {names} file"
    raise OutputError(msg)


def _json(review: BatchReview) -> str:
    """Each file's document (see :func:`clusterforms.review_documents`), in batch order."""
    documents = review_documents(review)
    return json_printable(json.dumps(documents, ensure_ascii=False, indent=2)) + "\n"


_MARKS = {
    "zh": {"error": "错误", "warning": "提示"},
    "en": {"error": "error", "warning": "warning"},
}


def _print_text(results: list[Checked], out: TextIO, lang: str = "zh") -> None:
    """With one file, each reading problem and finding on a line; then the table of files.

    The table has a 读取 reading column (problems reading each filled form back)
    only when some file was a filled form.
    """
    if len(results) == 1 and results[0].report is not None:
        _print_findings(results[0], results[0].report, out, lang)
    read_back = any(checked.reading is not None for checked in results)
    header = ("文件 file", "集群 cluster", "错误 errors", "提示 warnings")
    rows: list[tuple[str, ...]] = [(*header, "读取 reading") if read_back else header]
    for checked in results:
        name = printable(str(checked.path))
        row: tuple[str, ...]
        if checked.report is None:
            row = (name, "", "unreadable", "")
        else:
            counts = (str(len(checked.report.errors)), str(len(checked.report.warnings)))
            row = (name, printable(checked.review.cluster_name), *counts)
        if read_back:
            row = (*row, "" if checked.reading is None else str(len(checked.reading)))
        rows.append(row)
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [pad(cell, widths[i]) for i, cell in enumerate(row)]
        out.write("  ".join(cells).rstrip() + "\n")


def _print_findings(checked: Checked, report: Report, out: TextIO, lang: str) -> None:
    """The reading's problems, then the findings, one line each (with the cell, when read)."""
    source = str(checked.path)
    out.writelines(extract.problem_line(source, n, lang) + "\n" for n in checked.reading or ())
    places = checked.review.places
    for finding in report.findings:
        mark = _MARKS[lang][finding.severity]
        place = places.get(finding.field or "")
        where = f"{finding.location} ({place})" if place else finding.location
        line = f"{source}: {where}: {mark} [{finding.code}] {finding.message}"
        out.write(printable(line) + "\n")
