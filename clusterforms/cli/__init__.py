"""The ``clusterforms`` command: one module per verb, each a thin layer over the public API."""

from __future__ import annotations

from clusterforms.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
