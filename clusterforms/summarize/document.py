"""The summary spec's application: the table's rows numbered.

The applications left out of it are the reviewer's business, not the
official annex's: ``clusterforms summarize`` lists them on stderr and in
its ``--report``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from clusterforms.errors import ClusterformsError
from clusterforms.model.items import RosterItem
from clusterforms.model.spec import FormSpec
from clusterforms.summarize.facts import DEFAULT_INTRO_LIMIT, find_item
from clusterforms.summarize.rows import CLUSTERS, COLUMNS, Summary


def sort_key(text: str) -> tuple[bool, bytes]:
    """Sort by a column: blanks last; Chinese in GB18030 order (pinyin for common characters)."""
    return (not text, text.encode("gb18030", errors="replace"))


def summary_document(
    spec: FormSpec, summary: Summary, *, sort: str | None = None
) -> dict[str, Any]:
    """The summary spec's application: the table's rows numbered 1, 2, 3 ….

    Rows keep the order the applications came in unless ``sort`` names a column.
    Only the columns the spec's tables have are filled.

    Raises:
        ClusterformsError: the spec has no ``summary.clusters`` roster, or ``sort``
            is not one of its columns.

    """
    table = roster_of(spec, CLUSTERS)
    if table is None:
        msg = f"spec {spec.id!r} has no roster {CLUSTERS!r} to hold the summary table"
        raise ClusterformsError(msg)
    entries = summary.entries
    if sort is not None:
        columns = {c.id for c in table.columns}
        if sort not in columns or sort not in COLUMNS:
            known = ", ".join(c for c in COLUMNS if c in columns)
            msg = f"cannot sort by {sort!r} (columns: {known})"
            raise ClusterformsError(msg)
        entries = sorted(entries, key=lambda e: sort_key(e.row.get(sort, "")))
    values: dict[str, Any] = {CLUSTERS: [_row(table, n, e.row) for n, e in enumerate(entries, 1)]}
    return {"spec": spec.id, "values": values}


def roster_of(spec: FormSpec, item_id: str) -> RosterItem | None:
    """The roster ``item_id`` of ``spec``, if it has one."""
    item = find_item(spec, item_id)
    return item if isinstance(item, RosterItem) else None


def intro_limit(spec: FormSpec) -> int:
    """The 字数 limit of the summary table's 集群简介 column."""
    table = roster_of(spec, CLUSTERS)
    column = next((c for c in table.columns if c.id == "intro"), None) if table else None
    return column.max_chars if column is not None and column.max_chars else DEFAULT_INTRO_LIMIT


def _row(table: RosterItem, n: int, facts: Mapping[str, object]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.numbered:
            row[column.id] = Decimal(n)
        elif column.id in facts and facts[column.id] not in ("", None):
            row[column.id] = facts[column.id]
    return row
