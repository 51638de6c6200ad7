"""Choices and checklists: the label, then a region of □ options (beside it, or below its lead).

A single choice with two boxes ticked keeps both, so that ``validate``
reports ``multiple_choices``; the reading says so too.  Every mark read with
some doubt (:mod:`._boxes`) is a guess naming the options it could belong to.
"""

from __future__ import annotations

from typing import Any

from clusterforms import ChecklistItem, ChoiceItem
from clusterforms_renderers.docx.reading._boxes import Box, read_boxes
from clusterforms_renderers.docx.reading._places import Place
from clusterforms_renderers.docx.reading._scan import CellHit, Hit, LineHit, Scan
from clusterforms_renderers.docx.reading._text import norm
from clusterforms_renderers.docx.reading._units import Line, cell_text
from clusterforms_renderers.wordml import Cell


def _region(
    scan: Scan, item: ChoiceItem | ChecklistItem, hit: Hit
) -> list[tuple[Cell | Line, str]]:
    """The cells (or lines) holding the options, each with its text."""
    if isinstance(hit, LineHit):
        end = scan.later_anchor(hit.index + 1)
        lines = scan.lines(hit.index, end)
        scan.advance(max(hit.index, end - 1))
        return [(line, line.text) for line in lines]
    scan.advance(hit.index)
    region: list[tuple[Cell | Line, str]] = []
    if norm(cell_text(hit.cell)) != norm(item.label):
        region.append((hit.cell, cell_text(hit.cell)))
    else:
        scan.out.claim_cells([hit.cell])
    region += [(cell, cell_text(cell)) for cell in hit.after()]
    return region


def read_options(item: ChoiceItem | ChecklistItem, scan: Scan) -> None:
    """A choice or checklist: which boxes are ticked, and what is written after them."""
    anchor = item.label or (item.lead if isinstance(item, ChecklistItem) else None) or ""
    if not anchor and item.options:
        anchor = item.options[0].label
    hit = scan.find(anchor)
    if hit is None:
        return
    region = _region(scan, item, hit)
    if not region:
        scan.out.spot(item.id, None, scan.place(hit))
        return
    for unit, _ in region:
        if isinstance(unit, Line):
            scan.out.claim([unit.paragraph])
        else:
            scan.out.claim_cells([unit])
    text = "\n".join(t for _, t in region)
    offsets, at = [], 0
    for unit, t in region:
        offsets.append((at, unit))
        at += len(t) + 1
    lead = item.lead if isinstance(item, ChecklistItem) else None
    printed = [p for p in (item.label, lead, *item.notes) if p]
    found = read_boxes(text, item.options, printed)
    first = _place(scan, hit, offsets, 0)
    scan.out.spot(item.id, None, first)
    for box in found.boxes:
        scan.out.spot(item.id, box.option.id, _place(scan, hit, offsets, box.at))
        if box.ticked and box.doubt:
            _doubt(scan, item, box, _place(scan, hit, offsets, box.at), text)
    for piece in found.leftover:
        scan.out.unmapped(first, piece, item.id)
    _record(item, scan, [box for box in found.boxes if box.ticked], first, text)


def _record(
    item: ChoiceItem | ChecklistItem, scan: Scan, ticked: list[Box], where: Place, text: str
) -> None:
    """The ticked options as the field's value."""
    if not ticked:
        return
    shown = "、".join(box.option.label for box in ticked)
    if isinstance(item, ChecklistItem):
        scan.out.value(item.id, [_entry(box, evidence=True) for box in ticked], where, shown)
        return
    entries = [_entry(box, evidence=False) for box in ticked]
    if len(entries) > 1:
        scan.out.guess(
            item.id,
            where,
            f"{len(entries)} boxes ticked in a single choice ({shown}): all kept, "
            "for validate to report; the form asks for one",
            text,
        )
    scan.out.value(item.id, entries[0] if len(entries) == 1 else entries, where, shown)


def _entry(box: Box, *, evidence: bool) -> Any:
    parts: dict[str, Any] = {}
    if box.text:
        parts["text"] = box.text
    if evidence and box.evidence:
        parts["evidence"] = list(box.evidence)
    return {"option": box.option.id, **parts} if parts else box.option.id


def _doubt(scan: Scan, item: ChoiceItem | ChecklistItem, box: Box, where: Place, text: str) -> None:
    labels = {o.id: o.label for o in item.options}
    others = [labels[i] for i in box.doubt if i != box.option.id and i in labels]
    if box.doubt == (box.option.id,):
        message = f"words typed after the unticked box {box.option.label}: read as ticked"
    elif others:
        message = (
            f"a mark standing apart from the boxes, read as ticking {box.option.label} "
            f"(it could be {'、'.join(others)})"
        )
    else:
        message = f"a mark standing apart from the boxes, read as ticking {box.option.label}"
    scan.out.guess(item.id, where, message, text)


def _place(scan: Scan, hit: Hit, offsets: list[tuple[int, Cell | Line]], at: int) -> Place:
    unit = offsets[0][1]
    for start, candidate in offsets:
        if start <= at:
            unit = candidate
    if isinstance(unit, Line):
        return scan.place(unit)
    if isinstance(hit, CellHit):
        return scan.cell_place(unit, hit.row)
    return scan.place(hit)
