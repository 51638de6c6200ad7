"""The outline of a spec for people and programs: what ``clusterforms show`` prints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from clusterforms.model.items import (
    ChecklistItem,
    ChoiceItem,
    GroupItem,
    Item,
    NarrativeItem,
    NumberItem,
    PairItem,
    RosterItem,
    TargetsItem,
    TextItem,
    YearlyItem,
)
from clusterforms.model.spec import FormSpec


def item_facts(item: Item) -> dict[str, Any]:
    """The facts of ``item`` a reader of the outline cares about."""
    facts: dict[str, Any] = {"id": item.id, "kind": item.kind}
    label = getattr(item, "label", None) or getattr(item, "title", None)
    if isinstance(item, PairItem):
        label = " | ".join(cell.label for cell in item.fields)
    if label:
        facts["label"] = label.replace("\n", "")
    unit = getattr(item, "unit", None)
    if isinstance(item, NumberItem | YearlyItem) and unit:
        facts["unit"] = unit
        facts["decimals"] = item.decimals
    if isinstance(item, TextItem | NarrativeItem) and item.max_chars:
        facts["max_chars"] = item.max_chars
    if isinstance(item, ChoiceItem | ChecklistItem):
        facts["options"] = [o.id for o in item.options]
    if isinstance(item, TargetsItem):
        facts["rows"] = [row.id for d in item.directions for row in d.rows]
    if isinstance(item, RosterItem):
        facts["columns"] = [
            {"id": c.id, "label": c.label}
            | ({"max_chars": c.max_chars} if c.max_chars is not None else {})
            for c in item.columns
        ]
    if getattr(item, "required", False):
        facts["required"] = True
    return facts


def outline_data(spec: FormSpec) -> dict[str, Any]:
    """The outline as plain data (``clusterforms show --format json``)."""

    def nested(item: Item) -> dict[str, Any]:
        facts = item_facts(item)
        if isinstance(item, GroupItem):
            facts["items"] = [nested(child) for child in item.items]
        elif isinstance(item, PairItem):
            facts["items"] = [nested(cell) for cell in item.fields]
        elif isinstance(item, YearlyItem) and item.summary is not None:
            facts["summary"] = nested(item.summary)
        return facts

    return {
        "id": spec.id,
        "title": spec.title,
        "issuer": spec.issuer,
        "region": spec.region,
        "declaration_year": spec.declaration_year,
        "data_years": list(spec.data_years),
        "baseline_year": spec.baseline_year,
        "target_year": spec.target_year,
        "sections": [
            {"id": s.id, "title": s.title, "items": [nested(i) for i in s.items]}
            for s in spec.sections
        ],
        "appendices": [{"id": a.id, "title": a.title.replace("\n", "")} for a in spec.appendices],
    }


def outline_lines(spec: FormSpec) -> Iterator[str]:
    """The outline as indented text (``clusterforms show``)."""
    years = "–".join(str(y) for y in (spec.data_years[0], spec.data_years[-1]))
    yield f"{spec.id}  {spec.title}"
    yield f"  {spec.issuer} · {spec.region} · {spec.declaration_year}年申报"
    yield f"  data years {years} · plan {spec.baseline_year}→{spec.target_year}"
    for section in spec.sections:
        yield ""
        yield f"{section.title}  [{section.id}]"
        for item in section.items:
            yield from _item_lines(item, depth=1)
    if spec.appendices:
        yield ""
        yield "附件"
        for appendix in spec.appendices:
            yield f"  {appendix.id:<28} {appendix.title.replace(chr(10), '')}"


def _item_lines(item: Item, depth: int) -> Iterator[str]:
    facts = item_facts(item)
    extras = []
    if "unit" in facts:
        extras.append(facts["unit"])
    if "max_chars" in facts:
        extras.append(f"≤{facts['max_chars']}字")
    if "options" in facts:
        extras.append(f"{len(facts['options'])} options")
    if "rows" in facts:
        extras.append(f"{len(facts['rows'])} rows")
    if "columns" in facts:
        extras.append(
            " | ".join(
                c["label"] + (f" ≤{c['max_chars']}字" if "max_chars" in c else "")
                for c in facts["columns"]
            )
        )
    tail = f"  ({', '.join(extras)})" if extras else ""
    indent = "  " * depth
    yield f"{indent}{item.id:<36} {item.kind:<12} {facts.get('label', '')}{tail}"
    children: tuple[Item, ...] = ()
    if isinstance(item, GroupItem):
        children = item.items
    elif isinstance(item, PairItem):
        children = item.fields
    elif isinstance(item, YearlyItem) and item.summary is not None:
        children = (item.summary,)
    for child in children:
        yield from _item_lines(child, depth + 1)
