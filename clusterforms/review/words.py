"""What the review's reports call things, in Chinese with the code beside it."""

from __future__ import annotations

from typing import Final

from clusterforms.review.figures import Gauge
from clusterforms.tables import Tone

STATUS_WORDS: Final = {"pass": "通过 pass", "fail": "不符合 fail", "undecided": "待定 undecided"}
STATUS_TONES: Final[dict[str, Tone]] = {"pass": "good", "fail": "bad", "undecided": "muted"}
KIND_WORDS: Final = {"error": "错误 error", "warning": "提示 warning", "reading": "读取 reading"}


def column_heading(criterion_id: str, text: str, gauge: Gauge | None) -> str:
    """A criterion's column head: its text, the requirement where numeric, and its id."""
    wanted = f"（{gauge.wanted}）" if gauge is not None and gauge.wanted not in text else ""
    return f"{text}{wanted} {criterion_id}"
