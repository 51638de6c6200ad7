"""``patch(a, d) -> FormSpec``: apply a diff to the spec it was made from.

The diff's edits carry every changed node whole, so patching is a rebuild:
the order of sections comes from the diff or from ``a``, each section's
items are the diff's new values or ``a``'s untouched ones, and so on.  The
base must be exactly the spec the diff was made from (same content digest);
anything else raises :class:`PatchError` saying what does not fit, because a
diff applied to another base would produce a spec nobody wrote.
"""

from __future__ import annotations

from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from clusterforms.diff.edits import item_plain, plain, section_plain
from clusterforms.diff.model import Edit, SpecDiff
from clusterforms.errors import PatchError
from clusterforms.model.converter import get_converter
from clusterforms.model.digest import spec_digest
from clusterforms.model.items import Item
from clusterforms.model.spec import Appendix, FormSpec, Section


def patch(a: FormSpec, d: SpecDiff) -> FormSpec:
    """The spec ``d`` was made to reach, rebuilt from ``a``.

    ``patch(a, diff(a, b)) == b`` for any two specs.

    Raises:
        PatchError: ``a`` is not the spec ``d`` was made from, or ``d`` is
            damaged (its edits do not rebuild the spec it names).

    """
    if spec_digest(a) != d.old.digest:
        raise PatchError(_wrong_base(a, d))
    try:
        result = _rebuild(a, d)
    except (BaseValidationError, TypeError, ValueError, KeyError) as exc:
        msg = f"diff {d.old.id} → {d.new.id} is damaged: {exc}"
        raise PatchError(msg) from None
    if spec_digest(result) != d.new.digest:
        msg = (
            f"diff {d.old.id} → {d.new.id} is damaged or was edited: "
            f"applying it does not give the spec it names ({d.new.digest[:19]}…)"
        )
        raise PatchError(msg)
    return result


def _wrong_base(a: FormSpec, d: SpecDiff) -> str:
    if a.id != d.old.id:
        return f"this diff turns {d.old.id} into {d.new.id}; it cannot be applied to {a.id}"
    for edit in d.edits:
        if _current(a, edit) != edit.old:
            where = f"{edit.node} {edit.key}".strip()
            return (
                f"the base {a.id} is not the version this diff was made from: "
                f"{where} differs from what the diff expects"
            )
    return (
        f"the base {a.id} is not the version this diff was made from "
        f"(content digest {spec_digest(a)[:19]}…, expected {d.old.digest[:19]}…)"
    )


def _current(a: FormSpec, edit: Edit) -> Any:
    """The plain value in ``a`` of the node ``edit`` changes (None when absent)."""
    if edit.node == "spec":
        return plain(getattr(a, edit.key, None))
    if edit.node == "sections":
        return [s.id for s in a.sections]
    if edit.node == "appendices":
        return [x.id for x in a.appendices]
    if edit.node == "section":
        found = next((s for s in a.sections if s.id == edit.key), None)
        return None if found is None else section_plain(found)
    if edit.node == "appendix":
        appendix = next((x for x in a.appendices if x.id == edit.key), None)
        return None if appendix is None else plain(appendix)
    item = next((i for s in a.sections for i in s.items if i.id == edit.key), None)
    return None if item is None else item_plain(item)


def _rebuild(a: FormSpec, d: SpecDiff) -> FormSpec:
    by_node: dict[str, dict[str, Edit]] = {}
    for edit in d.edits:
        by_node.setdefault(edit.node, {})[edit.key] = edit
    converter = get_converter()  # resolves the spec's annotations to classes, too
    types: dict[str, Any] = {f.name: f.type for f in attrs.fields(FormSpec)}
    fields: dict[str, Any] = {
        key: converter.structure(edit.new, types[key])
        for key, edit in by_node.get("spec", {}).items()
    }
    fields["sections"] = _sections(a, by_node)
    fields["appendices"] = _appendices(a, by_node)
    return attrs.evolve(a, **fields)


def _order(a_ids: list[str], by_node: dict[str, dict[str, Edit]], node: str) -> list[str]:
    edit = by_node.get(node, {}).get("")
    if edit is None:
        return a_ids
    if not isinstance(edit.new, list):
        msg = f"the {node} order must be a list of ids"
        raise TypeError(msg)
    return [str(i) for i in edit.new]


def _sections(a: FormSpec, by_node: dict[str, dict[str, Edit]]) -> tuple[Section, ...]:
    old_sections = {s.id: s for s in a.sections}
    old_items = {item.id: item for s in a.sections for item in s.items}
    section_edits = by_node.get("section", {})
    item_edits = by_node.get("item", {})
    result = []
    for section_id in _order(list(old_sections), by_node, "sections"):
        edit = section_edits.get(section_id)
        if edit is None or edit.new is None:
            meta = section_plain(old_sections[section_id])
        else:
            meta = edit.new
        items: list[Item] = []
        for item_id in meta["items"]:
            item_edit = item_edits.get(item_id)
            if item_edit is not None and item_edit.new is not None:
                items.append(get_converter().structure(item_edit.new, Item))  # type: ignore[arg-type]
            else:
                items.append(old_items[item_id])
        heading = meta.get("heading")
        orientation = meta.get("orientation", "portrait")
        if orientation not in {"portrait", "landscape"}:
            msg = f"section {section_id}: orientation {orientation!r}"
            raise ValueError(msg)
        result.append(
            Section(
                id=section_id,
                title=str(meta["title"]),
                items=tuple(items),
                new_page=bool(meta["new_page"]),
                heading=None if heading is None else str(heading),
                orientation=orientation,
            )
        )
    return tuple(result)


def _appendices(a: FormSpec, by_node: dict[str, dict[str, Edit]]) -> tuple[Appendix, ...]:
    old = {x.id: x for x in a.appendices}
    edits = by_node.get("appendix", {})
    result = []
    for appendix_id in _order(list(old), by_node, "appendices"):
        edit = edits.get(appendix_id)
        if edit is None or edit.new is None:
            result.append(old[appendix_id])
        else:
            result.append(get_converter().structure(edit.new, Appendix))
    return tuple(result)
