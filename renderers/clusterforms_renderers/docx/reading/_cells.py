"""Items read from a label cell and the cell beside it: text, pairs, numbers, counts, named counts.

The value is what is typed in the value cell once the form's printed words
(a hint, a unit, notes) are taken away — or, when that cell is empty, what
is typed after the label in the label cell itself (集群名称：某某产业集群), as
people often do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from clusterforms import CountItem, CountsItem, NamedCountItem, NumberItem, PairItem, TextItem
from clusterforms_renderers.docx.reading._numbers import read_figure
from clusterforms_renderers.docx.reading._places import Place, Spot
from clusterforms_renderers.docx.reading._scan import CellHit, Scan
from clusterforms_renderers.docx.reading._text import Spans, clean_lines, norm, typed_pieces
from clusterforms_renderers.docx.reading._units import cell_text
from clusterforms_renderers.wordml import Cell


def pieces(cell: Cell, leading: Sequence[str] = (), printed: Sequence[str | None] = ()) -> str:
    """What is typed in ``cell`` beyond its printed words, one line per piece."""
    return "\n".join(typed_pieces(cell_text(cell), leading, [p for p in printed if p]))


@attrs.frozen
class Labelled:
    """A label cell found, the value cells beside it, and the form's printed words there."""

    hit: CellHit
    values: list[Cell]
    label: str
    printed: Sequence[str | None] = ()

    def typed(self, scan: Scan, field: str) -> tuple[str, Place]:
        """The text typed for ``field``: in the value cells, else after the label; and where."""
        scan.out.claim_cells([self.hit.cell, *self.values])
        in_values = "\n".join(t for c in self.values if (t := pieces(c, (), self.printed)))
        in_label = pieces(self.hit.cell, (self.label,), self.printed)
        where = self.where(scan)
        if in_values.strip():
            if in_label.strip():
                scan.out.unmapped(scan.place(self.hit), in_label, field)
            return in_values, where
        if in_label.strip():
            return in_label, scan.place(self.hit)
        return "", where

    def where(self, scan: Scan) -> Place:
        """The value cell's place (the label cell's, when there is none)."""
        if self.values:
            return scan.cell_place(self.values[0], self.hit.row)
        return scan.place(self.hit)

    def text(self) -> str:
        """The value cells' text as printed."""
        return "\n".join(cell_text(c) for c in self.values)


def labelled(scan: Scan, label: str, printed: Sequence[str | None] = ()) -> Labelled | None:
    """The row whose cell starts with ``label``, and the cells after that one in the row."""
    hit = scan.find_cell(label)
    return None if hit is None else Labelled(hit, hit.after(), label, printed)


def read_text(item: TextItem, scan: Scan) -> None:
    """Label | text (or 集群名称：text in the label cell)."""
    found = labelled(scan, item.label, [item.hint, *item.notes])
    if found is None:
        return
    text, where = found.typed(scan, item.id)
    scan.out.spot(item.id, None, where)
    if value := clean_lines(text):
        scan.out.value(item.id, value, where, value)
    scan.advance(found.hit.index)


def read_pair(item: PairItem, scan: Scan) -> None:
    """联系人 | text | 联系方式 | text: each label, then the cell after it."""
    hit = scan.find_cell(item.fields[0].label) if item.fields else None
    if hit is None:
        return
    cells = list(hit.row.starting())
    at = 0
    for field in item.fields:
        key = norm(field.label)
        index = next(
            (i for i in range(at, len(cells)) if norm(cell_text(cells[i])).startswith(key)), None
        )
        if index is None:
            continue
        sub = CellHit(hit.index, hit.row, cells[index])
        found = Labelled(sub, cells[index + 1 : index + 2], field.label, [field.hint, *field.notes])
        text, where = found.typed(scan, field.id)
        scan.out.spot(field.id, None, where)
        if value := clean_lines(text):
            scan.out.value(field.id, value, where, value)
        at = index + 2
    scan.advance(hit.index)


def read_number(item: NumberItem | CountItem, scan: Scan) -> None:
    """Label | a figure (a count's printed unit, 个, after its blank)."""
    unit = item.unit if isinstance(item, CountItem) else None
    found = labelled(scan, item.label, [*item.notes, unit])
    if found is None:
        return
    text, where = found.typed(scan, item.id)
    scan.out.spot(item.id, None, where)
    figure(scan, item.id, text, item.unit, where)
    scan.advance(found.hit.index)


def figure(scan: Scan, field: str, text: str, unit: str | None, where: Place) -> None:
    """Read a figure into ``field``; a guess is reported."""
    shown = " ".join(text.split())
    value, why = read_figure(shown, unit)
    if value is None:
        return
    scan.out.value(field, value, where, shown)
    if why is not None:
        scan.out.guess(field, where, why, shown)


def number_in(scan: Scan, spot: Spot, text: str, unit: str | None) -> Any:
    """A figure that is part of a field's value (a year, a part); a guess names the part."""
    shown = " ".join(text.split())
    value, why = read_figure(shown, unit)
    if why is not None:
        scan.out.guess(spot.field, spot.place, f"{spot.key}: {why}", shown)
    return value


def read_named_count(item: NamedCountItem, scan: Scan) -> None:
    """Label | 数量：__个 / 名称：__."""
    found = labelled(scan, item.label)
    if found is None:
        return
    scan.out.claim_cells([found.hit.cell, *found.values])
    where = found.where(scan)
    scan.out.spot(item.id, "count", where)
    scan.out.spot(item.id, "names", where)
    text = found.text()
    count, names = _named(text, item)
    value: dict[str, Any] = {}
    if count.strip():
        number = number_in(scan, Spot(item.id, "count", where), count, item.unit)
        if number is not None:
            value["count"] = number
    if names := clean_lines("\n".join(typed_pieces(names, printed=item.notes))):
        value["names"] = names
    if value:
        scan.out.value(item.id, value, where, clean_lines(text))
    scan.advance(found.hit.index)


def _named(text: str, item: NamedCountItem) -> tuple[str, str]:
    """The count typed between 数量： and 个, and the names after 名称：."""
    spans = Spans(text)
    normal = spans.normal
    count_label, names_label, unit = norm(item.count_label), norm(item.names_label), norm(item.unit)
    count_at = normal.find(count_label)
    names_at = normal.find(names_label, max(count_at, 0))
    if count_at < 0 and names_at < 0:
        return "", text
    count = ""
    if count_at >= 0:
        start = count_at + len(count_label)
        end = names_at if names_at >= 0 else len(normal)
        unit_at = normal.rfind(unit, start, end) if unit else -1
        count = spans.original(start, unit_at if unit_at >= 0 else end)
    names = spans.after(names_at + len(names_label)) if names_at >= 0 else ""
    return count, names


def read_counts(item: CountsItem, scan: Scan) -> None:
    """Label | one line per part: 绿色工厂数量 __."""
    found = labelled(scan, item.label)
    if found is None:
        return
    scan.out.claim_cells([found.hit.cell, *found.values])
    where = found.where(scan)
    text = found.text()
    value: dict[str, Any] = {}
    for part_id, typed in _parts(text, item):
        scan.out.spot(item.id, part_id, where)
        number = number_in(scan, Spot(item.id, part_id, where), typed, None)
        if number is not None:
            value[part_id] = number
    if value:
        scan.out.value(item.id, value, where, clean_lines(text))
    scan.advance(found.hit.index)


def _parts(text: str, item: CountsItem) -> list[tuple[str, str]]:
    """Each part found in ``text``, with what is typed after its label."""
    spans = Spans(text)
    normal = spans.normal
    starts: list[tuple[int, int, str]] = []
    at = 0
    for part in item.parts:
        label = norm(part.label)
        found = normal.find(label, at)
        if found >= 0:
            starts.append((found, found + len(label), part.id))
            at = found + len(label)
    out = []
    for n, (_, end, part_id) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(normal)
        out.append(
            (part_id, "\n".join(typed_pieces(spans.original(end, stop), printed=item.notes)))
        )
    return out
