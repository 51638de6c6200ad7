"""The ``clusterforms`` command: a thin layer over the public API.

Every failure the user can cause ends in one line on stderr and exit code 2;
no traceback reaches the terminal.  SIGTERM ends a run as Ctrl-C does (exit
143 and 130): unwinding, so no temporary file is left behind.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from clusterforms import (
    ClusterformsError,
    __version__,
    list_specs,
    load_spec,
    outline_data,
    outline_lines,
    spec_file_schema,
)
from clusterforms.cli import diff, extract, importing, render, summarize, validate
from clusterforms.cli.outputs import check_outputs, write_output
from clusterforms.cli.terminal import display_width, json_printable, pad, printable

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM


def _cmd_specs(_: argparse.Namespace) -> int:
    specs = [load_spec(spec_id) for spec_id in list_specs()]
    id_width = max((len(s.id) for s in specs), default=0)
    region_width = max((display_width(s.region) for s in specs), default=0)
    for spec in specs:
        region = pad(spec.region, region_width)
        print(printable(f"{spec.id:<{id_width}}  {region}  {spec.declaration_year}  {spec.title}"))
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    spec = load_spec(args.spec)
    if args.format == "json":
        print(json_printable(json.dumps(outline_data(spec), ensure_ascii=False, indent=2)))
    else:
        for line in outline_lines(spec):
            print(printable(line))
    return EXIT_OK


def _cmd_spec_schema(args: argparse.Namespace) -> int:
    check_outputs([args.output], [])
    text = json.dumps(spec_file_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_output(args.output, text.encode("utf-8"))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one sub-command per verb."""
    parser = argparse.ArgumentParser(
        prog="clusterforms",
        description="中小企业特色产业集群申报表 as typed specs.",
    )
    parser.add_argument("--version", action="version", version=f"clusterforms {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="COMMAND")

    specs = verbs.add_parser("specs", help="list the shipped specs")
    specs.set_defaults(run=_cmd_specs)

    show = verbs.add_parser("show", help="print a spec's outline: sections and items")
    show.add_argument(
        "spec", metavar="SPEC", help="a spec id (see `clusterforms specs`) or a .toml file"
    )
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(run=_cmd_show)

    schema = verbs.add_parser(
        "spec-schema", help="print a JSON Schema for spec files, for editors to check and complete"
    )
    schema.add_argument("-o", "--output", type=Path, metavar="FILE", help="write it to FILE")
    schema.set_defaults(run=_cmd_spec_schema)

    validate.add_parser(verbs)
    render.add_parsers(verbs)
    extract.add_parsers(verbs)
    diff.add_parsers(verbs)
    importing.add_parser(verbs)
    summarize.add_parser(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    with _unencodable_escaped():
        args = build_parser().parse_args(argv)
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        with _terminate_unwinds():
            code: int = args.run(args)
    except ClusterformsError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a file the verb did not foresee failing; still one line
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return code


def _fail(message: str) -> int:
    print(f"clusterforms: error: {printable(message)}", file=sys.stderr)
    return EXIT_USAGE


@contextlib.contextmanager
def _unencodable_escaped() -> Iterator[None]:
    r"""While running, what the terminal's encoding cannot show is printed as ``\u4e2d``.

    A terminal set to ASCII or Latin-1 (``LANG=C`` on an old system, a pipe
    with ``PYTHONIOENCODING=ascii``) would otherwise end a run that printed
    a Chinese label in a ``UnicodeEncodeError`` traceback.
    """
    streams = [s for s in (sys.stdout, sys.stderr) if isinstance(s, io.TextIOWrapper)]
    before = [stream.errors for stream in streams]
    for stream in streams:
        stream.reconfigure(errors="backslashreplace")
    try:
        yield
    finally:
        for stream, errors in zip(streams, before, strict=True):
            with contextlib.suppress(ValueError, OSError):  # closed by a broken pipe
                stream.reconfigure(errors=errors)


@contextlib.contextmanager
def _terminate_unwinds() -> Iterator[None]:
    """While running, SIGTERM raises SystemExit, so cleanup runs as it does for Ctrl-C."""
    ours = threading.current_thread() is threading.main_thread()
    if not ours or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield  # not ours to change: another thread, or the embedding program handles it
        return

    def terminate(_signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(EXIT_TERMINATED)

    signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(main())
