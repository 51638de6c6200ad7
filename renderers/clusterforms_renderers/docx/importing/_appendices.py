r"""The documents after the form: letters (承诺函), outlines (撰写提纲), notes, list tables.

An appendix starts with a 附件N line and the title under it, with a title
style, or after the date that closed the letter before it.  A title may run
over two short lines (《上海市…申报表》 / 相关指标填报说明及佐证材料), joined
by ``\n``.  A letter's closing is its last lines, up to and with the date:
the signing body, （公章）, 年  月  日.  Text is kept as printed, typed
numbers (1.…) included.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from clusterforms import Appendix, Roster
from clusterforms_renderers.docx.importing._context import Log
from clusterforms_renderers.docx.importing._cover import ANNEX
from clusterforms_renderers.docx.importing._grid import table_rows
from clusterforms_renderers.docx.importing._roster import is_roster, read_roster
from clusterforms_renderers.docx.importing._text import (
    clean,
    is_date_line,
    is_enumerated,
)
from clusterforms_renderers.wordml import Block, Paragraph, Style, Table

_TITLE_STYLE: Final = re.compile(r"title|heading|标题", re.IGNORECASE)
_SENTENCE_END: Final = ("。", "：", ":", "；", "，", "！", "？")
_SHORT: Final = 30
_CLOSING_LINE: Final = 30
_WIDE: Final = 6  # a list table this wide is printed landscape


@attrs.define
class _Draft:
    heading: str | None = None
    title: list[str] = attrs.field(factory=list)
    paragraphs: list[str] = attrs.field(factory=list)
    table: Roster | None = None
    dated: bool = False


def read_appendices(
    blocks: Sequence[Block], styles: dict[str, Style], log: Log
) -> tuple[Appendix, ...]:
    """The appendices printed by ``blocks`` (what follows the form's last section)."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for block in blocks:
        if isinstance(block, Table):
            current = current or _new(drafts)
            _table(current, block, len(drafts), log)
            continue
        text = clean(block.text)
        if not text:
            continue
        if ANNEX.match(text) and (current is None or current.title or current.paragraphs):
            current = _new(drafts)
            current.heading = text
        elif (
            current is None or current.dated or current.table is not None or _titled(block, styles)
        ):
            if current is None or current.title or current.paragraphs or current.table:
                current = _new(drafts)
            current.title.append(text)
        elif (current.title == [] and current.heading) or _continues_title(current, text):
            current.title.append(text)
        else:
            current.paragraphs.append(text)
            current.dated = is_date_line(text)
    return tuple(_appendix(d, n) for n, d in enumerate(drafts, 1))


def _new(drafts: list[_Draft]) -> _Draft:
    drafts.append(_Draft())
    return drafts[-1]


def _titled(block: Paragraph, styles: dict[str, Style]) -> bool:
    style = styles.get(block.style or "")
    return style is not None and bool(_TITLE_STYLE.search(f"{style.id} {style.name}"))


def _continues_title(current: _Draft, text: str) -> bool:
    """A second short title line: the first line had no body after it yet."""
    return (
        bool(current.title)
        and not current.paragraphs
        and len(current.title) < 2
        and len(text) <= _SHORT
        and not text.endswith(_SENTENCE_END)
        and not is_enumerated(text)
    )


def _table(current: _Draft, table: Table, n: int, log: Log) -> None:
    rows = table_rows(table)
    if current.table is not None or not is_roster(rows):
        log.unplaced(
            f"附录{n}", " | ".join(clean(v.text) for v in rows[0]) if rows else "", "a table"
        )
        return
    read = read_roster(rows, [f"appendix_{n}.new_{k}" for k in range(1, len(rows[0]) + 1)])
    columns = tuple(attrs.evolve(c, numbered=False) for c in read.columns)
    current.table = Roster(columns=columns, rows=read.rows)
    for note in read.notes:
        log.unplaced(f"附录{n}", note, "a note under a list table")


def _appendix(draft: _Draft, n: int) -> Appendix:
    closing: list[str] = []
    paragraphs = list(draft.paragraphs)
    if paragraphs and is_date_line(paragraphs[-1]):
        closing.insert(0, paragraphs.pop())
        while (
            paragraphs
            and len(paragraphs[-1]) <= _CLOSING_LINE
            and not paragraphs[-1].endswith(_SENTENCE_END)
        ):
            closing.insert(0, paragraphs.pop())
    wide = draft.table is not None and len(draft.table.columns) >= _WIDE
    return Appendix(
        id=f"appendix_{n}",
        heading=draft.heading,
        title="\n".join(draft.title),
        paragraphs=tuple(paragraphs),
        closing=tuple(closing),
        table=draft.table,
        orientation="landscape" if wide else "portrait",
    )
