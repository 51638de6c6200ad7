"""A list table (附件2 推荐集群汇总表): a header row of column names, then blank numbered rows.

The header names the columns; the template's rows count the blank rows; a
text in the first row is that column's prompt, whose 限300字以内 gives the
column's limit; 1, 2, 3 down the first column number the rows.  Rows of one
cell after the table's rows are its notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from clusterforms import RosterColumn
from clusterforms_renderers.docx.importing._grid import Row
from clusterforms_renderers.docx.importing._text import (
    clean,
    has_boxes,
    label_of,
    lines_of,
    year_of,
)

_LIMIT: Final = re.compile(r"(\d{2,5})\s*字以内")
_MIN_COLUMNS: Final = 3
_LONGEST_HEADER: Final = 20


@attrs.frozen
class RosterTable:
    """What a list table prints."""

    columns: tuple[RosterColumn, ...]
    rows: int
    notes: tuple[str, ...]
    numbered: bool


def is_roster(rows: Sequence[Row]) -> bool:
    """Whether a table is a list: a header of short column names, rows of as many cells."""
    if len(rows) < 2 or len(rows[0]) < _MIN_COLUMNS:
        return False
    head = [clean(v.text) for v in rows[0]]
    if not all(head) or any(has_boxes(t) or year_of(t) for t in head):
        return False
    if any(len(t) > _LONGEST_HEADER for t in head):
        return False
    return all(len(r) in {1, len(rows[0])} for r in rows[1:])


def read_roster(rows: Sequence[Row], column_ids: Sequence[str]) -> RosterTable:
    """The columns (ids from ``column_ids``), blank rows and notes of a list table."""
    head = rows[0]
    body = [r for r in rows[1:] if len(r) == len(head)]
    notes = tuple(x for r in rows[1:] if len(r) == 1 for x in lines_of(r[0].text))
    numbered = bool(body) and all(clean(r[0].text) == str(n) for n, r in enumerate(body, 1))
    columns = []
    for k, view in enumerate(head):
        prompt = None
        if body:
            shown = "\n".join(lines_of(body[0][k].text))
            prompt = shown if shown and not (numbered and k == 0) else None
        limit = _LIMIT.search(prompt or "")
        columns.append(
            RosterColumn(
                id=column_ids[k],
                label=label_of(view.lines),
                max_chars=int(limit.group(1)) if limit else None,
                prompt=prompt,
                numbered=numbered and k == 0,
            )
        )
    return RosterTable(columns=tuple(columns), rows=len(body), notes=notes, numbered=numbered)
