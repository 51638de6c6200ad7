"""Comparing two lists whose entries are matched by id: removed, added, changed, reordered.

Cover lines, appendices and their columns, roster columns, options, target
directions, rows and rules, consistency rules and criteria are all such
lists, and they are all walked the same way: first every entry gone from
the new list (in the old order), then the new list in order (each entry
added, or its two versions compared), then one entry if the entries on
both sides now come in another order.  The walk lives here once so that
order and the reorder test cannot drift apart; a call site says only what
differs: the codes, classes and wording of the changes it records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Generic, Protocol, TypeVar

import attrs

from clusterforms.diff.collect import Collector, moved_ids
from clusterforms.diff.model import Impact


class _Keyed(Protocol):
    @property
    def id(self) -> str: ...


K = TypeVar("K", bound=_Keyed)


@attrs.frozen
class Event(Generic[K]):
    """How an entry found on one side only is recorded.

    ``impact`` and ``message`` (a code of the catalogue) may depend on the
    entry (a required row added is breaking, an optional one additive), so
    either may be a function of it; so are ``details``, when given.
    """

    code: str
    impact: Impact | Callable[[K], Impact]
    message: str | Callable[[K], str]
    details: Callable[[K], tuple[str, ...]] | None = None


@attrs.frozen
class Reordered:
    """How a new order of the entries found on both sides is recorded.

    The ``message`` names the ids that moved (its ``moved`` field) unless
    ``name_moved`` is off, and the list (its ``name`` field) when ``name`` is
    set.  The two orders are shown as ids, or, with ``labels``, by the text
    the entries are shown by.
    """

    code: str
    subject: str
    message: str
    labels: bool = False
    name_moved: bool = True
    name: str | None = None


def _own_id(entry: _Keyed) -> str:
    return entry.id


def compare_keyed(  # noqa: PLR0913 - both lists, how an entry is named, what each change is
    c: Collector,
    old: Sequence[K],
    new: Sequence[K],
    *,
    group: str,
    shown: Callable[[K], str],
    removed: Event[K],
    added: Event[K],
    compare: Callable[[K, K], None],
    subject: Callable[[K], str] = _own_id,
    attribute: str | None = None,
    reordered: Reordered | None = None,
    params: Mapping[str, str] | None = None,
) -> None:
    """Record how the id-keyed list ``new`` differs from ``old``.

    An added or removed entry is shown by ``shown(entry)`` under the subject
    ``subject(entry)`` (its id by default); ``attribute``, when given, is named
    by every change this records.  ``compare(before, after)`` records what
    changed about an entry found on both sides; it is called for each such
    entry, changed or not.  ``reordered``, when given, says how a new order
    is recorded; without it order is not compared.  ``params`` fill in the
    messages of added and removed entries.
    """
    old_by = {entry.id: entry for entry in old}
    new_by = {entry.id: entry for entry in new}

    def record(event: Event[K], entry: K, *, gone: bool) -> None:
        text = shown(entry)
        c.add(
            event.code,
            event.impact(entry) if callable(event.impact) else event.impact,
            group,
            subject(entry),
            event.message(entry) if callable(event.message) else event.message,
            params=params,
            attribute=attribute,
            old=text if gone else None,
            new=None if gone else text,
            details=() if event.details is None else event.details(entry),
        )

    for entry in old:
        if entry.id not in new_by:
            record(removed, entry, gone=True)
    for entry in new:
        if entry.id in old_by:
            compare(old_by[entry.id], entry)
        else:
            record(added, entry, gone=False)
    if reordered is not None:
        show: Callable[[K], str] = shown if reordered.labels else _own_id
        compare_order(
            c,
            group,
            {key: show(entry) for key, entry in old_by.items()},
            {key: show(entry) for key, entry in new_by.items()},
            reordered,
            attribute=attribute,
        )


def compare_order(  # noqa: PLR0913 - both orders, where they are listed, how to record it
    c: Collector,
    group: str,
    old: Mapping[str, str],
    new: Mapping[str, str],
    how: Reordered,
    *,
    attribute: str | None = None,
) -> None:
    """Record ``how`` if the ids found on both sides come in another order.

    ``old`` and ``new`` map each id, in list order, to the text it is shown by.
    Ids are unique in a checked spec; one repeated anyway counts once, at its
    first place, so a repeat alone never reads as a reorder.
    """
    common_old = [key for key in old if key in new]
    common_new = [key for key in new if key in old]
    if common_old == common_new:
        return
    params = {"name": how.name} if how.name is not None else {}
    if how.name_moved:
        params["moved"] = ", ".join(moved_ids(common_old, common_new))
    c.add(
        how.code,
        "wording",
        group,
        how.subject,
        how.message,
        params=params,
        attribute=attribute,
        old=" / ".join(old[key] for key in common_old),
        new=" / ".join(new[key] for key in common_new),
    )
