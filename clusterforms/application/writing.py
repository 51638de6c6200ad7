"""An :class:`Application` back as a plain document, in its one canonical form.

The canonical form is what a filled workbook gives back (``read_xlsx``) and
what two readings of the same application share: blank cells and empty
objects left out, numbers as ``Decimal``, "无" as ``"无"``, usable text as written, a value that
does not fit its cell as typed (or as given, when it cannot be printed),
checked options in the form's order, added target rows by direction, rows
without a cell left out.  Keys an item does not have are left out too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from clusterforms.application.cells import is_blank
from clusterforms.application.values import (
    Application,
    ByYear,
    Checklist,
    Chosen,
    ExtraRow,
    Invalid,
    NamedCount,
    NoneAnswer,
    Parts,
    Targets,
)
from clusterforms.model.items import ChecklistItem, TargetsItem


def to_document(application: Application) -> dict[str, Any]:
    """The canonical plain document of ``application`` (see the module)."""
    spec = application.spec
    items = {item.id: item for _, item in spec.walk()}
    document: dict[str, Any] = {"spec": spec.id}
    if application.meta:
        document["meta"] = dict(application.meta)
    attachments = [
        kept
        for a in application.attachments or ()
        if (kept := _pruned({"id": a.id, "title": a.title, "file": a.file}))
    ]
    if attachments:
        document["attachments"] = attachments
    values: dict[str, Any] = {}
    for field, value in application.values.items():
        item = items.get(field)
        written: Any
        if isinstance(value, Checklist) and isinstance(item, ChecklistItem):
            written = _checklist(item, value)
        elif isinstance(value, Targets) and isinstance(item, TargetsItem):
            written = _targets(item, value)
        else:
            written = _value(value)
        if written is not None:
            values[field] = written
    document["values"] = values
    return document


def _pruned(mapping: dict[str, Any]) -> dict[str, Any] | None:
    kept = {k: v for k, v in mapping.items() if not is_blank(v)}
    return kept or None


def _value(value: object) -> Any:  # noqa: PLR0911 - one per kind of typed value
    """A typed value as plain data; None when nothing of it is left."""
    if isinstance(value, str | Decimal) or value is None:
        return value
    if isinstance(value, Invalid):
        return value.value if value.text is None else value.text
    if isinstance(value, NoneAnswer):
        return str(value)
    if isinstance(value, ByYear):
        return _pruned({str(year): _value(cell) for year, cell in value.cells.items()})
    if isinstance(value, Parts):
        return _pruned({part: _value(cell) for part, cell in value.cells.items()})
    if isinstance(value, Chosen):
        return _chosen(value, checklist=False)
    if isinstance(value, NamedCount):
        return _pruned({"count": _value(value.count), "names": _value(value.names)})
    if isinstance(value, tuple):  # a roster's rows
        rows = [row for row in map(_value, value) if row is not None]
        return rows or None
    return value


def _chosen(entry: Chosen, *, checklist: bool) -> Any:
    parts: dict[str, Any] = {}
    if entry.text is not None:
        parts["text"] = _value(entry.text)
    if checklist and entry.evidence:
        evidence = entry.evidence
        parts["evidence"] = evidence.value if isinstance(evidence, Invalid) else list(evidence)
    return {"option": entry.option, **parts} if parts else entry.option


def _checklist(item: ChecklistItem, value: Checklist) -> list[Any]:
    order = {option.id: n for n, option in enumerate(item.options)}

    def place(entry: Chosen | Invalid) -> int:
        return order.get(entry.option, len(order)) if isinstance(entry, Chosen) else len(order)

    return [
        _chosen(entry, checklist=True) if isinstance(entry, Chosen) else _value(entry)
        for entry in sorted(value.entries, key=place)
    ]


def _targets(item: TargetsItem, value: Targets) -> dict[str, Any] | None:
    table: dict[str, Any] = {}
    if isinstance(value.rows, Invalid):
        table["rows"] = value.rows.value
    elif rows := _pruned({row_id: _value(cells) for row_id, cells in value.rows.items()}):
        table["rows"] = rows
    if isinstance(value.extra, Invalid):
        table["extra"] = value.extra.value
    else:
        order = {direction.id: n for n, direction in enumerate(item.directions)}

        def place(entry: ExtraRow | Invalid) -> int:
            direction = entry.direction if isinstance(entry, ExtraRow) else None
            return order.get(direction or "", len(order))

        extra = [row for row in map(_extra, sorted(value.extra, key=place)) if row is not None]
        if extra:
            table["extra"] = extra
    return table or None


def _extra(entry: ExtraRow | Invalid) -> Any:
    if isinstance(entry, Invalid):
        return _value(entry)
    cells = _pruned(
        {
            "indicator": _value(entry.indicator),
            "baseline": _value(entry.baseline),
            "target": _value(entry.target),
        }
    )
    if cells is None:
        return None
    return cells if entry.direction is None else {"direction": entry.direction, **cells}
