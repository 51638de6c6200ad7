"""Comparing option lists: choices, checklists, standards categories and roles, count parts.

Options are matched by id.  A removed option is breaking (an answer that
picked it has nowhere to go); an added one is additive; a new label or a new
order is wording.  An option that now needs text (其他____, 是（需附情况说明）)
or evidence (佐证材料) asks more of an old answer, so that is breaking too.
"""

from __future__ import annotations

from clusterforms._diff.collect import Collector, moved_ids
from clusterforms._items import Option


def compare_options(  # noqa: PLR0913 - both lists, where they sit, the evidence rule
    c: Collector,
    group: str,
    item_id: str,
    attribute: str,
    lists: tuple[tuple[Option, ...], tuple[Option, ...]],
    *,
    evidence: tuple[bool, bool] = (False, False),
) -> None:
    """Record the differences between the (old, new) option ``lists`` of one item.

    ``evidence`` is the item's default evidence rule (old, new), which an
    option inherits when its own ``evidence`` is unset.
    """
    old, new = lists
    old_by = {o.id: o for o in old}
    new_by = {o.id: o for o in new}
    what = "option" if attribute == "options" else attribute.rstrip("s")
    for option in old:
        if option.id not in new_by:
            c.add(
                "option_removed",
                "breaking",
                group,
                f"{item_id}[{option.id}]",
                f"{what} removed",
                attribute=attribute,
                old=option.label,
            )
    for option in new:
        subject = f"{item_id}[{option.id}]"
        before = old_by.get(option.id)
        if before is None:
            c.add(
                "option_added",
                "additive",
                group,
                subject,
                f"{what} added",
                attribute=attribute,
                new=option.label,
            )
            continue
        _compare_option(
            c, before, option, group=group, subject=subject, attribute=attribute, evidence=evidence
        )
    common_old = [o.id for o in old if o.id in new_by]
    common_new = [o.id for o in new if o.id in old_by]
    if common_old != common_new:
        moved = moved_ids(common_old, common_new)
        c.add(
            "options_reordered",
            "wording",
            group,
            item_id,
            f"{attribute} reordered ({', '.join(moved)} moved)",
            attribute=attribute,
            old=" / ".join(old_by[i].label for i in common_old),
            new=" / ".join(new_by[i].label for i in common_new),
        )


def _compare_option(  # noqa: PLR0913 - one option's two versions and where they sit
    c: Collector,
    before: Option,
    after: Option,
    *,
    group: str,
    subject: str,
    attribute: str,
    evidence: tuple[bool, bool],
) -> None:
    if before.label != after.label:
        c.add(
            "option_relabelled",
            "wording",
            group,
            subject,
            "option relabelled",
            attribute=attribute,
            old=before.label,
            new=after.label,
        )
    for flag, needs in (("free_text", "a filled-in blank"), ("explain", "an explanation")):
        was, now = getattr(before, flag), getattr(after, flag)
        if was != now:
            c.add(
                "option_changed",
                "breaking" if now else "additive",
                group,
                subject,
                f"option {'now needs' if now else 'no longer needs'} {needs}",
                attribute=flag,
                old=was,
                new=now,
            )
    was_needed = evidence[0] if before.evidence is None else before.evidence
    now_needed = evidence[1] if after.evidence is None else after.evidence
    if before.evidence != after.evidence and was_needed != now_needed:
        c.add(
            "evidence_changed",
            "breaking" if now_needed else "additive",
            group,
            subject,
            f"option {'now needs' if now_needed else 'no longer needs'} evidence (佐证材料)",
            attribute="evidence",
            old=was_needed,
            new=now_needed,
        )
