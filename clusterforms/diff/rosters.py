"""Comparing the columns of two versions of a roster (推荐集群汇总表).

Columns are matched by id, as options are.  A removed column is breaking
(what rows hold in it has nowhere to go); an added one is additive; a
tighter character limit is breaking, a looser one additive; a new label,
prompt, numbering or order is wording.
"""

from __future__ import annotations

from clusterforms.diff.attributes import Attribute, compare_attributes
from clusterforms.diff.collect import Collector
from clusterforms.diff.keyed import Event, Reordered, compare_keyed
from clusterforms.model.items import RosterColumn

_TEXTS = (
    Attribute("label", "label_changed", "column_label_changed"),
    Attribute("prompt", "text_changed", "column_prompt_changed"),
)
_NUMBERED = (Attribute("numbered", "layout_changed", "column_numbering_changed"),)


def compare_columns(
    c: Collector,
    group: str,
    item_id: str,
    lists: tuple[tuple[RosterColumn, ...], tuple[RosterColumn, ...]],
) -> None:
    """Record the differences between the (old, new) columns of one roster."""
    old, new = lists

    def subject(col: RosterColumn) -> str:
        return f"{item_id}[{col.id}]"

    compare_keyed(
        c,
        old,
        new,
        group=group,
        shown=lambda col: col.label,
        subject=subject,
        attribute="columns",
        removed=Event("column_removed", "breaking", "column_removed"),
        added=Event("column_added", "additive", "column_added"),
        compare=lambda before, after: _compare_column(c, group, subject(after), before, after),
        reordered=Reordered("columns_reordered", item_id, "columns_reordered", labels=True),
    )


def _compare_column(
    c: Collector, group: str, subject: str, before: RosterColumn, after: RosterColumn
) -> None:
    compare_attributes(c, before, after, _TEXTS, group=group, subject=subject)
    if before.max_chars != after.max_chars:
        tighter = after.max_chars is not None and (
            before.max_chars is None or after.max_chars < before.max_chars
        )
        c.add(
            "max_chars_changed",
            "breaking" if tighter else "additive",
            group,
            subject,
            "column_max_chars_tightened" if tighter else "column_max_chars_relaxed",
            attribute="max_chars",
            old=before.max_chars,
            new=after.max_chars,
        )
    compare_attributes(c, before, after, _NUMBERED, group=group, subject=subject)
