"""``clusterforms renderers`` and ``clusterforms render``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clusterforms import (
    ApplicationError,
    RenderError,
    available_renderers,
    document_spec,
    get_renderer,
    load_application,
    load_spec,
)
from clusterforms import render as render_spec
from clusterforms.cli.outputs import check_outputs, spec_inputs, write_output
from clusterforms.cli.terminal import display_width, pad, printable


def add_parsers(verbs: Any) -> None:
    """Register the ``renderers`` and ``render`` verbs."""
    listing = verbs.add_parser("renderers", help="list the installed renderers")
    listing.set_defaults(run=run_renderers)

    render = verbs.add_parser("render", help="render a spec, blank or filled, to a file format")
    render.add_argument("spec", metavar="SPEC", help="a spec id or a .toml spec file")
    render.add_argument(
        "--format",
        "-f",
        required=True,
        metavar="NAME",
        help="a renderer name (see `clusterforms renderers`)",
    )
    render.add_argument("--data", type=Path, metavar="APP.json", help="an application to fill in")
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="the file to write (default: stdout, for text formats)",
    )
    render.set_defaults(run=run_render)


def run_renderers(_: argparse.Namespace) -> int:
    """Print a table of the renderers and what each can do, one line each.

    Every renderer draws blank forms; ``fills`` says it also fills in an
    application, ``reads`` which files it reads back (``extract``, ``validate``),
    ``annotates`` that it marks findings on a filled file (``validate
    --annotate``), ``tables`` that it writes tables (``matrix``), ``imports``
    that it reads a blank template as a draft spec (``import``).
    """
    rows: list[tuple[str, ...]] = [
        ("name", "extension", "fills", "reads", "annotates", "tables", "imports", "package")
    ]
    for info in available_renderers():
        reads = (",".join(info.read_suffixes) or "yes") if info.can_read else "-"
        flags = [
            "yes" if can else "-" for can in (info.can_annotate, info.can_table, info.can_import)
        ]
        fills = "yes" if info.can_fill else "-"
        rows.append((info.name, info.extension, fills, reads, *flags, info.package))
    cells = [[printable(cell) for cell in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(rows[0]))]
    for row in cells:
        print("  ".join(pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
    return 0


def run_render(args: argparse.Namespace) -> int:
    """Render and write atomically; nothing is written when anything fails."""
    check_outputs([args.output], [args.data, *spec_inputs(args.spec)])
    spec = load_spec(args.spec)
    renderer = get_renderer(args.format)
    data = None
    if args.data is not None:
        data = load_application(args.data)
        named = document_spec(data, spec, source=str(args.data))
        if named is not spec:
            msg = f"the application is for spec {named.id!r}, not {spec.id!r}"
            raise ApplicationError(msg, source=str(args.data))
        if not renderer.can_fill:
            msg = f"the {renderer.name} renderer draws blank forms only; drop --data"
            raise RenderError(msg)
    if args.output is None and not renderer.text:
        msg = f"{renderer.name} output is binary; name a file with -o FILE{renderer.extension}"
        raise RenderError(msg)
    output = render_spec(spec, renderer.name, data)  # the renderer gets the typed values
    if args.output is None:
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
    else:
        write_output(args.output, output)
    return 0
