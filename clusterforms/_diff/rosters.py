"""Comparing the columns of two versions of a roster (推荐集群汇总表).

Columns are matched by id, as options are.  A removed column is breaking
(what rows hold in it has nowhere to go); an added one is additive; a
tighter character limit is breaking, a looser one additive; a new label,
prompt, numbering or order is wording.
"""

from __future__ import annotations

from clusterforms._diff.collect import Collector, moved_ids
from clusterforms._items import RosterColumn


def compare_columns(
    c: Collector,
    group: str,
    item_id: str,
    lists: tuple[tuple[RosterColumn, ...], tuple[RosterColumn, ...]],
) -> None:
    """Record the differences between the (old, new) columns of one roster."""
    old, new = lists
    old_by = {col.id: col for col in old}
    new_by = {col.id: col for col in new}
    for col in old:
        if col.id not in new_by:
            c.add(
                "column_removed",
                "breaking",
                group,
                f"{item_id}[{col.id}]",
                "column removed",
                attribute="columns",
                old=col.label,
            )
    for col in new:
        subject = f"{item_id}[{col.id}]"
        before = old_by.get(col.id)
        if before is None:
            c.add(
                "column_added",
                "additive",
                group,
                subject,
                "column added",
                attribute="columns",
                new=col.label,
            )
            continue
        _compare_column(c, group, subject, before, col)
    common_old = [i for i in old_by if i in new_by]
    common_new = [i for i in new_by if i in old_by]
    if common_old != common_new:
        c.add(
            "columns_reordered",
            "wording",
            group,
            item_id,
            f"columns reordered ({', '.join(moved_ids(common_old, common_new))} moved)",
            attribute="columns",
            old=" / ".join(old_by[i].label for i in common_old),
            new=" / ".join(new_by[i].label for i in common_new),
        )


def _compare_column(
    c: Collector, group: str, subject: str, before: RosterColumn, after: RosterColumn
) -> None:
    for name in ("label", "prompt"):
        was, now = getattr(before, name), getattr(after, name)
        if was != now:
            code = "label_changed" if name == "label" else "text_changed"
            c.add(code, "wording", group, subject, f"column {name} changed", attribute=name,
                  old=was, new=now)  # fmt: skip
    if before.max_chars != after.max_chars:
        tighter = after.max_chars is not None and (
            before.max_chars is None or after.max_chars < before.max_chars
        )
        c.add(
            "max_chars_changed",
            "breaking" if tighter else "additive",
            group,
            subject,
            "column character limit " + ("tightened" if tighter else "relaxed"),
            attribute="max_chars",
            old=before.max_chars,
            new=after.max_chars,
        )
    if before.numbered != after.numbered:
        c.add(
            "layout_changed",
            "wording",
            group,
            subject,
            "column numbering changed",
            attribute="numbered",
            old=before.numbered,
            new=after.numbered,
        )
