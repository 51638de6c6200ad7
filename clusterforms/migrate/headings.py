"""Section 八's plan text split at the headings the new form gives fields of their own.

An older form (and Shanghai's) prints 重点任务 and 保障措施 as lines of the
plan's outline, so the applicant wrote them into the plan text; a form whose
narratives are headed 重点任务 (``layout = "heading"``, ``counts_toward`` the
plan text) asks for them apart.  The lines under such a heading, up to the
next heading, move into its field; the heading line goes (the form prints
it), and the report says what moved.  Headings match without their leading
numbers (（三）重点任务 is 重点任务).
"""

from __future__ import annotations

from typing import Any

from clusterforms.migrate.carry import Carrier
from clusterforms.model.items import NarrativeItem
from clusterforms.model.spec import FormSpec
from clusterforms.model.text import outline_key


def split_headed(
    values: dict[str, Any], old_fields: set[str], new: FormSpec, carrier: Carrier
) -> None:
    """Move the text under each new heading out of the carried plan text, in place."""
    items = {item.id: item for _, item in new.walk()}
    headed = [
        item
        for item in items.values()
        if isinstance(item, NarrativeItem) and item.layout == "heading" and item.counts_toward
    ]
    for item in headed:
        source = str(item.counts_toward)
        text = values.get(source)
        if item.id in values or item.id in old_fields or not isinstance(text, str):
            continue
        lines = text.split("\n")
        at = next((n for n, line in enumerate(lines) if outline_key(line) == item.label), None)
        if at is None:
            continue
        owner = items.get(source)
        outline = owner.outline if isinstance(owner, NarrativeItem) else ()
        stops = {outline_key(line) for line in outline} | {h.label for h in headed}
        end = next(
            (n for n in range(at + 1, len(lines)) if outline_key(lines[n]) in stops), len(lines)
        )
        body = "\n".join(lines[at + 1 : end]).strip()
        if not body:
            continue
        values[item.id] = body
        values[source] = "\n".join(lines[:at] + lines[end:])
        params = {"source": source, "heading": lines[at].strip()}
        carrier.note("moved", item.id, "migrate.split_heading", params=params, new=body)
