"""Comparing the plain properties of two versions of one thing.

Most properties of a section, a cover line, a column or a target row are
compared the same way: read the property on both sides and, if the values
differ, record a change that names the property and shows both values.
Only the code, class and wording differ, so a comparer declares those as
:class:`Attribute` rows and the reading happens here.  A property whose
class depends on the new value (a field made required, a tighter limit)
stays with its comparer, which records it by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from clusterforms.diff.collect import Collector
from clusterforms.diff.model import Impact


class Attribute(NamedTuple):
    """A property compared by name, and how a change to it is recorded."""

    name: str
    code: str
    message: str
    impact: Impact = "wording"
    named: bool = False


def alike(code: str, names: Iterable[str], message: str | None = None) -> tuple[Attribute, ...]:
    """Wording attributes recorded alike: one ``code``, a ``message`` naming each attribute.

    The message (``code`` itself by default) takes the attribute as its ``name``.
    """
    return tuple(Attribute(name, code, message or code, named=True) for name in names)


def compare_attributes(  # noqa: PLR0913 - both versions, what to compare, where it is listed
    c: Collector,
    before: object,
    after: object,
    attributes: Iterable[Attribute],
    *,
    group: str,
    subject: str | Callable[[str], str],
) -> None:
    """Record each of ``attributes`` whose value differs between ``before`` and ``after``.

    ``subject`` names what changed; a function of the attribute name gives
    each attribute a subject of its own (``cover.title``).
    """
    for attribute in attributes:
        was, now = getattr(before, attribute.name), getattr(after, attribute.name)
        if was != now:
            c.add(
                attribute.code,
                attribute.impact,
                group,
                subject(attribute.name) if callable(subject) else subject,
                attribute.message,
                params={"name": attribute.name} if attribute.named else None,
                attribute=attribute.name,
                old=was,
                new=now,
            )
