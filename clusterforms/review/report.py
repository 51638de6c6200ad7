"""The batch report in the format a name asks for: ``.html``, ``.json``, ``.xlsx``, ``.csv``."""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

from clusterforms.review.model import BatchReview

ReviewFormat: TypeAlias = Literal["html", "json", "xlsx", "csv"]
REVIEW_FORMATS: Final[tuple[ReviewFormat, ...]] = ("html", "json", "xlsx", "csv")


def review_report(review: BatchReview, fmt: ReviewFormat) -> bytes:
    """The report's bytes; ``xlsx`` through the renderer that writes tables.

    Raises:
        ValueError: ``fmt`` is none of :data:`REVIEW_FORMATS`.
        RendererNotFoundError: for ``xlsx``, when no installed renderer writes tables.

    """
    if fmt == "html":
        from clusterforms.review.html import review_html  # noqa: PLC0415 - each on first use

        return review_html(review).encode("utf-8")
    if fmt == "json":
        from clusterforms.review.documents import review_json  # noqa: PLC0415

        return review_json(review).encode("utf-8")
    if fmt == "csv":
        from clusterforms.review.sheets import review_csv  # noqa: PLC0415

        return review_csv(review)
    if fmt == "xlsx":
        from clusterforms.registry import render_table  # noqa: PLC0415
        from clusterforms.review.sheets import review_table  # noqa: PLC0415

        return render_table(review_table(review), "xlsx")
    msg = f"unknown report format {fmt!r} (expected one of {', '.join(REVIEW_FORMATS)})"
    raise ValueError(msg)
