"""What the Word and Excel forms agree on about a plan target's indicator."""

from __future__ import annotations


def is_count(indicator: str) -> bool:
    """Whether a target row counts something (优质中小企业数量): a whole number, shown whole."""
    return "数量" in indicator
