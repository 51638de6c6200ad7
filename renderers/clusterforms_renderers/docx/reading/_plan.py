"""Narratives, section 八's plan text, the target table, 阶段性目标 and printed headings.

A narrative is what is written in its cell once the printed prompt and
notes are taken away, one line per paragraph.  Section 八 is one big cell
in the templates: its outline headings (一、集群基本情况简介, 三、存在的问题 with
its automatic number or without) are kept in the plan text as the
applicant's structure, its guidance (包括总体情况…) is the template's and
dropped.  The text written under the later headings (（三）重点任务,
（四）保障措施, after the target table and the stages) is the narrative of
that heading; a spec that prints them as plain headings gets it in the plan
text.
"""

from __future__ import annotations

from typing import Any

from clusterforms import NarrativeItem, StagesItem, StaticItem, TargetRow, TargetsItem
from clusterforms_renderers.docx._plan import average_unit
from clusterforms_renderers.docx._rows_basic import is_outline_heading
from clusterforms_renderers.docx.reading._cells import labelled, number_in
from clusterforms_renderers.docx.reading._numbers import read_plain_number
from clusterforms_renderers.docx.reading._places import Spot
from clusterforms_renderers.docx.reading._scan import Hit, LineHit, Scan
from clusterforms_renderers.docx.reading._text import (
    clean_line,
    clean_lines,
    norm,
    outline_key,
    typed_pieces,
)
from clusterforms_renderers.docx.reading._units import Line, Row, cell_text
from clusterforms_renderers.wordml import Cell

_AVERAGE = "行业平均水平："


def read_narrative(item: NarrativeItem, scan: Scan) -> None:
    """Label | the writing cell; with an outline, section 八's plan text."""
    if item.outline:
        _outlined(item, scan)
        return
    if item.layout == "heading":
        _under_heading(item, scan)
        return
    printed = [p for p in (item.prompt, *item.notes) if p]
    if item.label:
        found = labelled(scan, item.label, printed)
        if found is None:
            return
        text, where = found.typed(scan, item.id)
        scan.advance(found.hit.index)
    else:
        prompt = scan.find(item.prompt) if item.prompt else None
        start = prompt.index if prompt is not None else scan.cursor
        end = scan.later_anchor(start + 1)
        lines = scan.lines(start, max(end, start + 1))
        if not lines:
            return
        scan.claim_lines(lines)
        text = "\n".join(typed_pieces("\n".join(x.text for x in lines), printed=printed))
        where = scan.place(lines[0])
        scan.advance(max(start, end - 1))
    scan.out.spot(item.id, None, where)
    if value := clean_lines(text):
        scan.out.value(item.id, value, where, value)


def _outline_kinds(item: NarrativeItem) -> dict[str, bool]:
    """Each printed line of the cell (:func:`outline_key`) → whether it is a heading to keep."""
    kinds = {outline_key(line): is_outline_heading(line) for line in item.outline}
    for line in (item.label, item.prompt, *item.notes):
        if line:
            kinds.setdefault(outline_key(line), False)
    return kinds


def _outlined(item: NarrativeItem, scan: Scan) -> None:
    hit = scan.find(item.label)
    if hit is None:
        return
    end = scan.later_anchor(hit.index + 1)
    lines = _lines_of(scan, hit, end)
    scan.claim_lines(lines)
    kinds = _outline_kinds(item)
    chunks: list[tuple[str, list[str]]] = [("", [])]
    for line in lines:
        kind = kinds.get(outline_key(line.text), kinds.get(outline_key(line.paragraph.text)))
        if kind is True:
            chunks.append((clean_line(line.text), []))
        elif kind is None and (written := clean_lines(line.text)):
            chunks[-1][1].append(written)
    where = scan.place(hit)
    scan.out.spot(item.id, None, where)
    scan.outlined = chunks
    scan.advance(max(hit.index, end - 1))

    def finish() -> None:
        if not any(texts for _, texts in chunks):
            return
        out: list[str] = []
        for heading, texts in chunks:
            out += [heading] if heading else []
            out += texts
        value = "\n".join(out)
        scan.out.value(item.id, value, where, value)

    scan.out.finishers.append(finish)


def _under_heading(item: NarrativeItem, scan: Scan) -> None:
    """A heading of section 八 (重点任务) and the lines written under it, up to the next item."""
    hit = scan.find(item.label)
    if hit is None:
        return
    scan.claim(hit)
    end = scan.later_anchor(hit.index + 1)
    written = scan.lines(hit.index + 1, end)
    scan.claim_lines(written)
    where = scan.place(written[0] if written else hit)
    scan.out.spot(item.id, None, where)
    if value := "\n".join(t for x in written if (t := clean_lines(x.text))):
        scan.out.value(item.id, value, where, value)
    scan.advance(max(hit.index, end - 1))


def _lines_of(scan: Scan, hit: Hit, end: int) -> list[Line]:
    """The lines from ``hit`` to ``end``: the cell's own paragraphs when the hit is a cell."""
    if isinstance(hit, LineHit):
        return scan.lines(hit.index, end)
    return [Line(p, hit.row.table, hit.cell, i) for i, p in enumerate(hit.cell.paragraphs)]


def read_static(item: StaticItem, scan: Scan) -> None:
    """Printed lines; a heading of section 八 also takes the plan text written under it."""
    lines = list(item.lines)
    for n, text in enumerate(lines):
        hit = scan.find(text)
        if hit is None:
            continue
        scan.claim(hit)
        if item.style == "heading" and scan.outlined is not None:
            following = [scan.find(t, hit.index + 1) for t in lines[n + 1 :]]
            end = min([f.index for f in following if f is not None] or [scan.end])
            end = min(end, scan.later_anchor(hit.index + 1))
            written = scan.lines(hit.index + 1, end)
            scan.claim_lines(written)
            texts = [t for x in written if (t := clean_lines(x.text))]
            heading = clean_line(hit.line.text if isinstance(hit, LineHit) else text)
            if texts:
                scan.outlined.append((heading, texts))
            scan.advance(max(hit.index, end - 1))
        else:
            scan.advance(hit.index)


def read_stages(item: StagesItem, scan: Scan) -> None:
    """2.阶段性目标, then （1）2023年度 and the text written after or under it, per plan year."""
    hit = scan.find(item.label)
    if hit is None:
        return
    end = scan.later_anchor(hit.index + 1)
    lines = _lines_of(scan, hit, end)
    scan.claim_lines(lines[:1])
    years = list(scan.spec.plan_years)
    marks: list[tuple[int, int, str]] = []  # line index, year, year label
    at = 1
    for n, year in enumerate(years, start=1):
        label = item.year_label.format(n=n, year=year)
        for i in range(at, len(lines)):
            texts = (norm(lines[i].text), norm(lines[i].paragraph.text))
            if any(t.startswith(norm(label)) for t in texts):
                marks.append((i, year, label))
                at = i + 1
                break
    value: dict[str, Any] = {}
    shown = []
    for k, (i, year, label) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(lines)
        own = lines[i:stop]
        scan.claim_lines(own)
        where = scan.place(own[0])
        scan.out.spot(item.id, str(year), where)
        first = typed_pieces(own[0].text, (label,))
        text = clean_lines("\n".join([*first, *(x.text for x in own[1:])]))
        if text:
            value[str(year)] = text
            shown.append(text)
    place = scan.place(hit)
    scan.out.spot(item.id, None, place)
    if value:
        scan.out.value(item.id, value, place, " | ".join(shown))
    scan.advance(max(hit.index, end - 1))


# --------------------------------------------------------------------------- targets


def read_targets(item: TargetsItem, scan: Scan) -> None:
    """方向 | 指标 | 基准值 | 目标值, each direction merged down beside its rows, added rows too."""
    hit = scan.find(item.label)
    start = hit.index if hit is not None else scan.cursor
    if hit is not None:
        scan.claim(hit)
    if item.guidance and (guidance := scan.find(item.guidance, start, start + 6)):
        scan.claim(guidance)
    header = _header(item, scan, start)
    if header is None:
        return
    index, row, columns = header
    scan.out.claim_cells(row.starting())
    body = scan.rows_after(index, row.table, 10_000)
    table = _Table(item, scan, columns)
    for _, unit in body:
        table.read(unit)
    place = scan.place(hit) if hit is not None else scan.cell_place(row.cells[0], row)
    scan.out.spot(item.id, None, place)
    last = body[-1][0] if body else index
    for line in (item.remarks_intro, *(r.text for r in item.rules), *item.notes):
        if line and (found := scan.find(line, last + 1, scan.later_anchor(last + 1))):
            scan.claim(found)
            last = max(last, found.index)
    value: dict[str, Any] = {}
    if table.rows:
        value["rows"] = table.rows
    if table.extra:
        value["extra"] = table.extra
    if value:
        shown = f"{len(table.rows)} rows, {len(table.extra)} added"
        scan.out.value(item.id, value, place, shown)
    scan.advance(last)


def _header(item: TargetsItem, scan: Scan, start: int) -> tuple[int, Row, list[int]] | None:
    """The header row (方向 | 指标 | …) and the column each of the four starts in."""
    spec = scan.spec
    names = (
        item.direction_header,
        item.indicator_header,
        item.baseline_header.format(baseline=spec.baseline_year),
        item.target_header.format(target=spec.target_year),
    )
    hit = scan.find_cell(names[0], start)
    if hit is None:
        return None
    cells = list(hit.row.starting())
    columns = []
    for name in names:
        cell = next((c for c in cells if norm(cell_text(c)) == norm(name)), None)
        if cell is None:
            return None
        columns.append(cell.column)
    return hit.index, hit.row, columns


def _covering(row: Row, column: int) -> Cell | None:
    return next((c for c in row.cells if c.column <= column < c.column + c.column_span), None)


class _Table:
    """The rows of a target table as they are read: known indicators, and rows a person added."""

    def __init__(self, item: TargetsItem, scan: Scan, columns: list[int]) -> None:
        self.item = item
        self.scan = scan
        self.columns = columns
        self.directions = {norm(d.label): d for d in item.directions}
        self.rows: dict[str, Any] = {}
        self.extra: list[dict[str, Any]] = []

    def read(self, row: Row) -> None:
        """One row of the table."""
        cells = [_covering(row, c) for c in self.columns]
        direction_cell, indicator_cell = cells[0], cells[1]
        if indicator_cell is None:
            return
        self.scan.out.claim_cells([c for c in cells if c is not None])
        direction = self.directions.get(norm(cell_text(direction_cell))) if direction_cell else None
        indicator = clean_lines(cell_text(indicator_cell))
        known = next(
            (
                r
                for r in (direction.rows if direction else ())
                if norm(r.indicator) == norm(indicator)
            ),
            None,
        )
        if known is not None:
            if value := self._known(known, row, cells[2], cells[3]):
                self.rows[known.id] = value
            return
        texts = [clean_lines(cell_text(c)) if c is not None else "" for c in cells[2:]]
        dots = (
            direction is not None
            and direction.open
            and norm(indicator) == norm(direction.open_label)
        )
        if dots and not any(texts):
            return
        self._added(direction.id if direction else None, row, cells, [indicator, *texts])

    def _added(
        self, direction: str | None, row: Row, cells: list[Cell | None], texts: list[str]
    ) -> None:
        n = len(self.extra)
        for key, cell in zip(("indicator", "baseline", "target"), cells[1:], strict=True):
            if cell is not None:
                self.scan.out.spot(
                    self.item.id, f"extra/{n}/{key}", self.scan.cell_place(cell, row)
                )
        entry: dict[str, Any] = {} if direction is None else {"direction": direction}
        for key, text in zip(("indicator", "baseline", "target"), texts, strict=True):
            if text:
                entry[key] = text if key == "indicator" else read_plain_number(text)
        if len(entry) > (direction is not None):
            self.extra.append(entry)
            if direction is None and cells[1] is not None:
                where = self.scan.cell_place(cells[1], row)
                self.scan.out.guess(
                    self.item.id, where, "an added row under no 方向 of the form", texts[0]
                )

    def _known(
        self, row: TargetRow, unit: Row, baseline: Cell | None, target: Cell | None
    ) -> dict[str, Any]:
        target_text, average = _target_text(target)
        value: dict[str, Any] = {}
        for key, cell, text in (
            ("baseline", baseline, clean_lines(cell_text(baseline)) if baseline else ""),
            ("target", target, target_text),
            ("industry_average", target, average),
        ):
            if cell is None:
                continue
            where = self.scan.cell_place(cell, unit)
            if key != "industry_average" or text:
                self.scan.out.spot(self.item.id, f"rows/{row.id}/{key}", where)
            if not text:
                continue
            if row.value == "text" and key != "industry_average":
                value[key] = text
                continue
            what = f"{row.indicator} {key}"
            in_unit = average_unit(self.item, row) if key == "industry_average" else row.unit
            number = number_in(self.scan, Spot(self.item.id, what, where), text, in_unit)
            if number is not None:
                value[key] = number
        return value


def _target_text(cell: Cell | None) -> tuple[str, str]:
    """The target cell's text, and the industry average our renderer prints under it."""
    if cell is None:
        return "", ""
    target, average = [], ""
    for paragraph in cell.paragraphs:
        text = paragraph.text.strip()
        if text.startswith(_AVERAGE):
            average = text[len(_AVERAGE) :]
        else:
            target.append(paragraph.text)
    return clean_lines("\n".join(target)), average.strip()
