"""``clusterforms extract``, and the reading side of ``validate`` and ``summarize``.

``extract FILLED [--spec SPEC] [-o APP.json]`` reads a filled file back into
an application document through :func:`clusterforms.read`: whichever
installed renderer reads that kind of file (``.xlsx``, ``.docx`` and the Word
formats LibreOffice converts), exactly as a third-party reader would.
:func:`is_readable`, :func:`read_filled`, :func:`problem_line` and
:func:`annotate` are what ``validate`` and ``summarize`` call for such files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final, TextIO

from clusterforms import (
    FormSpec,
    ReadError,
    Reading,
    ReadingNote,
    Report,
    available_renderers,
    dumps_application,
    load_spec,
    read,
    renderer_for_file,
)
from clusterforms import annotate as annotate_file
from clusterforms.cli.outputs import check_outputs, spec_inputs, write_output
from clusterforms.cli.terminal import json_printable, printable

#: How much of a note's typed text a line quotes.
_QUOTED_CHARS: Final = 60
#: What marks a reading problem beside validation findings, by language.
READING_MARK: Final = {"zh": "读取", "en": "reading"}


def add_parsers(verbs: Any) -> None:
    """Register the ``extract`` verb."""
    extract = verbs.add_parser(
        "extract",
        help="read a filled form (.xlsx, .docx, .doc …) back into an application (JSON)",
    )
    extract.add_argument("source", type=Path, metavar="FILLED.xlsx|.docx")
    extract.add_argument(
        "--spec",
        metavar="SPEC",
        help="the spec the file fills (default: the one the file names; "
        "a Word form filled by hand names none)",
    )
    extract.add_argument(
        "-o", "--output", type=Path, metavar="APP.json", help="the file to write (default: stdout)"
    )
    extract.set_defaults(run=run_extract)


def is_readable(path: Path) -> bool:
    """Whether an installed renderer reads ``path``: by its suffix, else by its first bytes.

    ``validate`` and ``summarize`` read such files through the renderer and
    everything else as a JSON application.  A ``.json`` file is always JSON; a
    file of another name is shown to the renderers, so that a Word file named
    ``.docm`` (or ``.DOCX.bak``) gets the Word reader's verdict, not a JSON error.
    """
    name = path.name.lower()
    if any(name.endswith(s) for info in available_renderers() for s in info.read_suffixes):
        return True
    if name.endswith(".json"):
        return False
    try:
        renderer_for_file(path, capability="read")
    except ReadError:
        return False
    return True


def read_filled(path: Path, spec: FormSpec | None = None) -> Reading:
    """The filled file read back; raises ``ReadError`` (exit 2) when unreadable.

    ``spec`` is needed for a Word form filled by hand (it names no spec) and for
    a file made from a spec file that is not shipped (``validate --spec my.toml``);
    every other file names its spec.
    """
    return read(path, spec=spec)


def problem_line(source: str, note: ReadingNote, lang: str = "zh") -> str:
    """One reading problem as a line: file, place, ``读取 [kind]``, message, the typed text."""
    line = f"{source}: {note.place}: {READING_MARK[lang]} [{note.kind}] {note.message}"
    if note.text and note.text not in note.message:
        quoted = " ".join(note.text.split())
        if len(quoted) > _QUOTED_CHARS:
            quoted = quoted[: _QUOTED_CHARS - 1] + "…"
        line += f": “{quoted}”"
    return printable(line)


def print_problems(reading: Reading, out: TextIO) -> None:
    """Each of the reading's problems on a line of its own."""
    out.writelines(problem_line(reading.source, note) + "\n" for note in reading.problems)


def annotate(path: Path, report: Report, output: Path) -> None:
    """Write a copy of the filled file at ``path`` with ``report``'s findings on it."""
    check_outputs([output], [path])
    annotate_file(path, report, output)


def run_extract(args: argparse.Namespace) -> int:
    """Read the file; write the application JSON to ``-o`` (atomically) or stdout.

    The reading's problems (guesses, fields not found, typed text of no field)
    go to stderr; they do not change the exit code.
    """
    check_outputs([args.output], [args.source, *spec_inputs(args.spec)])
    spec = load_spec(args.spec) if args.spec else None
    reading = read_filled(args.source, spec)
    print_problems(reading, sys.stderr)
    text = json_printable(dumps_application(reading.document))
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_output(args.output, text.encode("utf-8"))
    return 0
