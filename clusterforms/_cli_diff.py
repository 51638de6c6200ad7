"""Command-line verbs for the diff feature (being built)."""

from __future__ import annotations

from typing import Any


def add_parsers(verbs: Any) -> None:
    """Register this module's verbs."""
