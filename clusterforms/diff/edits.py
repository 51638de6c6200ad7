"""The machine layer of a diff: full new values of changed nodes.

Edits are coarse on purpose: a changed top-level item is carried whole, a
section as its title, page break and item ids, the cover or the rules as a
whole.  Rebuilding from whole nodes cannot go subtly wrong the way replaying
fine-grained operations can, and the nodes are small.

Each side of a diff carries the spec's content digest
(:func:`clusterforms.spec_digest`), so :func:`patch` can refuse a base that is
not the one the diff was made from.
"""

from __future__ import annotations

from typing import Any

import attrs

from clusterforms.diff.model import Edit
from clusterforms.model.converter import get_converter
from clusterforms.model.items import Item
from clusterforms.model.spec import FormSpec, Section

#: Spec fields that are replaced whole (everything but sections and appendices).
WHOLE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in attrs.fields(FormSpec) if f.name not in {"sections", "appendices"}
)


def plain(value: object) -> Any:
    """``value`` as the spec converter writes it, with lists for tuples (JSON-exact)."""
    return _lists(get_converter().unstructure(value))


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_lists(v) for v in value]
    return value


def item_plain(item: Item) -> Any:
    """One item as plain data, its ``kind`` tag included."""
    return _lists(get_converter().unstructure(item, Item))


def section_plain(section: Section) -> dict[str, Any]:
    """What an edit records of a section: title, page, heading and top-level item ids."""
    return {
        "title": section.title,
        "new_page": section.new_page,
        "heading": section.heading,
        "orientation": section.orientation,
        "items": [item.id for item in section.items],
    }


def compute_edits(a: FormSpec, b: FormSpec) -> tuple[Edit, ...]:
    """The edits that turn ``a`` into ``b``; none when they are equal."""
    edits = [
        Edit(node="spec", key=name, old=plain(getattr(a, name)), new=plain(getattr(b, name)))
        for name in WHOLE_FIELDS
        if getattr(a, name) != getattr(b, name)
    ]
    edits += _ordered(
        "sections",
        "section",
        {s.id: section_plain(s) for s in a.sections},
        {s.id: section_plain(s) for s in b.sections},
    )
    old_items = {item.id: item for s in a.sections for item in s.items}
    new_items = {item.id: item for s in b.sections for item in s.items}
    for item_id, item in new_items.items():
        before = old_items.get(item_id)
        if before != item:
            old = None if before is None else item_plain(before)
            edits.append(Edit(node="item", key=item_id, old=old, new=item_plain(item)))
    edits += [
        Edit(node="item", key=item_id, old=item_plain(item), new=None)
        for item_id, item in old_items.items()
        if item_id not in new_items
    ]
    edits += _ordered(
        "appendices",
        "appendix",
        {x.id: plain(x) for x in a.appendices},
        {x.id: plain(x) for x in b.appendices},
    )
    return tuple(edits)


def _ordered(order_node: str, node: str, old: dict[str, Any], new: dict[str, Any]) -> list[Edit]:
    """Edits for an id-keyed list: its order if that changed, and each changed entry."""
    edits: list[Edit] = []
    if list(old) != list(new):
        edits.append(Edit(node=order_node, key="", old=list(old), new=list(new)))  # type: ignore[arg-type]
    for key, value in new.items():
        if old.get(key) != value:
            edits.append(Edit(node=node, key=key, old=old.get(key), new=value))  # type: ignore[arg-type]
    edits += [
        Edit(node=node, key=key, old=value, new=None)  # type: ignore[arg-type]
        for key, value in old.items()
        if key not in new
    ]
    return edits
