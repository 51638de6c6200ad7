"""The review as JSON: the list of file documents ``validate --report`` has always written.

Only fields are ever added (``number``, ``cluster_name``, ``region``,
``criteria``, a finding's ``place``), so programs reading the old report keep working.
"""

from __future__ import annotations

import json
from typing import Any

from clusterforms.review.model import BatchReview, CriterionOutcome, ReviewedApplication


def review_documents(review: BatchReview) -> list[dict[str, Any]]:
    """One JSON-ready document per file, in batch order."""
    return [_document(application) for application in review.applications]


def review_json(review: BatchReview) -> str:
    """The documents as indented JSON (non-ASCII kept), ending in a newline."""
    return json.dumps(review_documents(review), ensure_ascii=False, indent=2) + "\n"


def _document(application: ReviewedApplication) -> dict[str, Any]:
    document: dict[str, Any] = {"file": application.source, "number": application.number}
    if application.report is None:
        document.update(readable=False, problem=application.problem)
    else:
        document.update(
            readable=True,
            cluster_name=application.cluster_name,
            region=application.region,
            **application.report.to_dict(),
        )
        places = [f.place for f in application.findings if f.kind != "reading"]
        for finding, place in zip(document["findings"], places, strict=True):
            finding["place"] = place
        document["criteria"] = [_criterion(c) for c in application.criteria]
        if application.reading is not None:
            document["reading_problems"] = [
                {
                    "kind": note.kind,
                    "place": note.place,
                    "message": note.message,
                    **{k: v for k, v in {"field": note.field, "text": note.text}.items() if v},
                }
                for note in application.reading
            ]
    if application.lookalikes:
        document["lookalikes"] = [p.to_document() for p in application.lookalikes]
    return document


def _criterion(outcome: CriterionOutcome) -> dict[str, Any]:
    data: dict[str, Any] = {"id": outcome.id, "status": outcome.status, "text": outcome.text}
    if outcome.details:
        data["details"] = list(outcome.details)
    if outcome.gauge is not None:
        data.update(op=outcome.gauge.op, threshold=str(outcome.gauge.threshold))
        if outcome.gauge.unit:
            data["unit"] = outcome.gauge.unit
        data["value"] = None if outcome.value is None else str(outcome.value)
    return data
