"""``clusterforms import``: a blank official template (Word) read as a draft spec file.

The draft goes to stdout or, with ``-o``, atomically to a file that is never
one of the inputs; the import report (every guess, every new id, every base
entry dropped) to stderr or, with ``--report``, to a JSON file.  Also the
other verbs' way to take a template where a spec is expected (:func:`load_forms`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from clusterforms import FormSpec, SpecDraft, import_spec, load_spec
from clusterforms.cli.outputs import check_outputs, spec_inputs, write_output
from clusterforms.cli.terminal import json_printable, printable

EXIT_OK = 0
#: The file suffixes taken as Word templates where a spec is expected.
TEMPLATE_SUFFIXES: Final = (".docx", ".doc", ".wps")


def add_parser(verbs: Any) -> None:
    """Register the ``import`` verb."""
    parser = verbs.add_parser(
        "import", help="read a blank official template (.docx, .doc, .wps) as a draft spec"
    )
    parser.add_argument("template", metavar="TEMPLATE", type=Path)
    parser.add_argument(
        "--like",
        metavar="SPEC",
        help="a spec id or .toml file to align with: paired items keep its ids, rules, criteria",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="DRAFT.toml", help="write to FILE")
    parser.add_argument(
        "--report", type=Path, metavar="FILE.json", help="write the import report as JSON to FILE"
    )
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    """Import one template; the draft to stdout or -o, the report to stderr or --report."""
    check_outputs([args.output, args.report], [args.template, *spec_inputs(args.like)])
    like = load_spec(args.like) if args.like else None
    draft = import_spec(args.template, like=like, name=str(args.template))
    text = draft.dumps()
    if args.output is None:
        sys.stdout.write(text)  # dumps_spec escapes every control character
    else:
        write_output(args.output, text.encode("utf-8"))
    lines = draft.report_lines()
    if args.report is None:
        sys.stderr.write("\n".join(map(printable, lines)) + "\n")
    else:
        body = json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"
        write_output(args.report, json_printable(body).encode("utf-8"))
        sys.stderr.write(printable(lines[0] + f" (report: {args.report})") + "\n")
    return EXIT_OK


def is_template(name: str | Path) -> bool:
    """Whether a spec argument names a Word template rather than a spec."""
    return str(name).lower().endswith(TEMPLATE_SUFFIXES)


def template_inputs(*names: str) -> list[Path]:
    """The arguments that name input files: spec files and templates."""
    return [*spec_inputs(*names), *(Path(n) for n in names if is_template(n))]


def load_forms(names: Sequence[str]) -> list[FormSpec]:
    """The specs ``names`` stand for, each Word template imported on the fly.

    A template is aligned like the first spec among the names, else like the
    first template imported before it, so that the two sides of a diff share ids.
    Each import's summary line goes to stderr.
    """
    specs = {name: load_spec(name) for name in names if not is_template(name)}
    base: FormSpec | None = next(iter(specs.values()), None)
    out: list[FormSpec] = []
    for name in names:
        if not is_template(name):
            out.append(specs[name])
            continue
        draft: SpecDraft = import_spec(name, like=base, name=name)
        sys.stderr.write(printable(draft.report_lines()[0]) + "\n")
        base = base or draft.spec
        out.append(draft.spec)
    return out
