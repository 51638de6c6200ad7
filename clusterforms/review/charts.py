"""Inline SVG strip charts: every application's figure against a criterion's threshold.

One dot per application (green passes, red fails, grey undecided) on a
line from the batch's smallest figure to its largest, the threshold as a
dashed line, and the near-misses — within a tenth of the threshold of it —
labelled with their 序号, so outliers and near-misses are seen at a glance.
Coordinates are computed in Decimal, as every number in the package is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from html import escape
from typing import Final

from clusterforms.review.model import BatchReview, CriterionColumn

WIDTH: Final = 720
HEIGHT: Final = 96
_LEFT, _RIGHT, _AXIS = Decimal(40), Decimal(WIDTH - 40), Decimal(60)
#: How close to the threshold a figure must be (a share of it) to be labelled.
NEAR: Final = Decimal("0.1")
#: The most near-misses labelled on one chart (the closest first).
_LABELS: Final = 8
_COLOURS: Final = {"pass": "#2e7d32", "fail": "#c62828", "undecided": "#9e9e9e"}
_TENTH: Final = Decimal("0.1")
#: How far (px) an end's tick must be from the threshold's label to be printed beside it.
_CLEAR: Final = Decimal(70)


def charts(review: BatchReview) -> list[tuple[CriterionColumn, str]]:
    """An SVG chart for each criterion of the batch that has a threshold and some figure."""
    return [(column, svg) for column in review.columns if (svg := chart(review, column))]


def chart(review: BatchReview, column: CriterionColumn) -> str:
    """One criterion's chart as an ``<svg>`` element; empty when no application has a figure."""
    gauge = column.gauge
    points = [
        (a.number, a.cluster_name, outcome.value, outcome.status)
        for a in review.applications
        if (outcome := a.criterion(column.id)) is not None and outcome.value is not None
    ]
    if gauge is None or not points:
        return ""
    values = [v for _, _, v, _ in points]
    low, high = min(*values, gauge.threshold), max(*values, gauge.threshold)
    span = high - low or Decimal(1)

    def x(value: Decimal) -> str:
        return _px(_LEFT + (value - low) / span * (_RIGHT - _LEFT))

    near = abs(gauge.threshold) * NEAR or NEAR
    at = x(gauge.threshold)
    ticks = [
        f'<text x="{x(end)}" y="{HEIGHT - 8}" class="tick" text-anchor="{anchor}">'
        f"{escape(str(end))}</text>"
        for end, anchor in ((low, "start"), (high, "end"))
        if abs(Decimal(x(end)) - Decimal(at)) > _CLEAR
    ]
    parts = [
        (
            f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" data-criterion="{escape(column.id)}">'
        ),
        f"<title>{escape(column.text)}（{escape(gauge.wanted)}）</title>",
        f'<line x1="{_LEFT}" y1="{_AXIS}" x2="{_RIGHT}" y2="{_AXIS}" stroke="#bbb"/>',
        *ticks,
        (
            f'<line x1="{at}" y1="40" x2="{at}" y2="{_AXIS + 10}" '
            'stroke="#333" stroke-dasharray="4 3"/>'
        ),
        (
            f'<text x="{at}" y="{HEIGHT - 8}" class="threshold" '
            f'text-anchor="middle">{escape(gauge.wanted)}</text>'
        ),
    ]
    for number, name, value, status in points:
        dy = (number % 5 - 2) * 4  # a little spread, the same every run, so dots overlap less
        parts.append(
            f'<circle class="dot" cx="{x(value)}" cy="{_AXIS + dy}" r="4" '
            f'fill="{_COLOURS[status]}" fill-opacity="0.75" data-number="{number}">'
            f"<title>#{number} {escape(name)}: {escape(str(value))}{escape(gauge.unit)}</title>"
            "</circle>"
        )
    parts.extend(_labels(points, gauge.threshold, near, x))
    parts.append("</svg>")
    return "".join(parts)


def _labels(
    points: Sequence[tuple[int, str, Decimal, str]],
    threshold: Decimal,
    near: Decimal,
    x: Callable[[Decimal], str],
) -> list[str]:
    """The near-misses' labels, closest first, in up to three rows that do not overlap.

    Applications with the same figure share one label (``#12 +3 72.91``).
    """
    same: dict[Decimal, list[int]] = {}
    for number, _, value, _ in points:
        if abs(value - threshold) <= near:
            same.setdefault(value, []).append(number)
    rows: list[list[tuple[Decimal, Decimal]]] = [[], [], []]
    labels = []
    for value in sorted(same, key=lambda v: abs(v - threshold)):
        numbers = same[value]
        text = f"#{numbers[0]}{f' +{len(numbers) - 1}' if len(numbers) > 1 else ''} {value}"
        centre, half = Decimal(x(value)), Decimal(len(text) * 3 + 2)
        for n, row in enumerate(rows):
            if all(centre + half < start or centre - half > end for start, end in row):
                row.append((centre - half, centre + half))
                labels.append(
                    f'<text class="near" x="{x(value)}" y="{12 + n * 12}" text-anchor="middle" '
                    f'data-number="{numbers[0]}">{escape(text)}</text>'
                )
                break
        if len(labels) == _LABELS:
            break
    return labels


def _px(value: Decimal) -> str:
    return str(value.quantize(_TENTH, rounding=ROUND_HALF_EVEN))
