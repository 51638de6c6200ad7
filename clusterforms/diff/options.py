"""Comparing option lists: choices, checklists, standards categories and roles, count parts.

Options are matched by id.  A removed option is breaking (an answer that
picked it has nowhere to go); an added one is additive; a new label or a new
order is wording.  An option that now needs text (其他____, 是（需附情况说明）)
or evidence (佐证材料) asks more of an old answer, so that is breaking too.
"""

from __future__ import annotations

from clusterforms.diff.collect import Collector
from clusterforms.diff.keyed import Event, Reordered, compare_keyed
from clusterforms.model.items import Option


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

    def subject(option: Option) -> str:
        return f"{item_id}[{option.id}]"

    compare_keyed(
        c,
        old,
        new,
        group=group,
        shown=lambda option: option.label,
        subject=subject,
        attribute=attribute,
        removed=Event("option_removed", "breaking", "option_removed"),
        added=Event("option_added", "additive", "option_added"),
        params={"what": attribute},
        compare=lambda before, after: _compare_option(
            c,
            before,
            after,
            group=group,
            subject=subject(after),
            attribute=attribute,
            evidence=evidence,
        ),
        reordered=Reordered(
            "options_reordered", item_id, "options_reordered", labels=True, name=attribute
        ),
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
            "option_relabelled",
            attribute=attribute,
            old=before.label,
            new=after.label,
        )
    for flag in ("free_text", "explain"):
        was, now = getattr(before, flag), getattr(after, flag)
        if was != now:
            c.add(
                "option_changed",
                "breaking" if now else "additive",
                group,
                subject,
                f"option_{flag}_{'now' if now else 'no_longer'}",
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
            f"option_evidence_{'now' if now_needed else 'no_longer'}",
            attribute="evidence",
            old=was_needed,
            new=now_needed,
        )
