"""A template's body cut into its parts: cover, 填报说明, the numbered sections, what follows.

A section is a numbered title (一、基本情况) with its table(s) below it.
Everything before the first section is the cover and, after a 填报说明
title, the instructions; everything after the last section's tables are
the appendices (承诺函, 附件2 …).  A document without numbered sections (a
stand-alone 汇总表) is read as sections too: each table with the title
above it, and a 附件2 line above that as its heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from clusterforms_renderers.docx.importing._cover import ANNEX
from clusterforms_renderers.docx.importing._text import clean
from clusterforms_renderers.wordml import Block, Paragraph, Table

_SECTION: Final = re.compile(r"^[一二三四五六七八九十]+、\S")
_INSTRUCTIONS: Final = re.compile(r"^(?:填报说明|填表说明)[：:]?$")


@attrs.frozen
class Part:
    """A section as printed: its title, a heading above it, its tables, stray lines in it.

    Tables with nothing printed between them are one table, as a reader sees them (a
    form cut so that a header row repeats on each page): ``tables`` holds each such
    run of tables as one tuple.
    """

    title: str
    tables: tuple[tuple[Table, ...], ...]
    heading: str | None = None
    stray: tuple[str, ...] = ()


@attrs.frozen
class Layout:
    """The parts of a template, in order."""

    cover: tuple[Paragraph, ...]
    instructions_title: str | None
    instructions: tuple[Paragraph, ...]
    sections: tuple[Part, ...]
    tail: tuple[Block, ...]


def _line(block: Block) -> str:
    """A paragraph's cleaned text; a table has none."""
    return clean(block.text) if isinstance(block, Paragraph) else ""


def _next_block(blocks: Sequence[Block], start: int) -> Block | None:
    for block in blocks[start:]:
        if isinstance(block, Table) or clean(block.text):
            return block
    return None


def segment(blocks: Sequence[Block]) -> Layout:
    """The template's parts."""
    heads = [
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Paragraph)
        and _SECTION.match(clean(b.text))
        and isinstance(_next_block(blocks, i + 1), Table)
    ]
    if not heads:
        return _stand_alone(blocks)
    sections: list[Part] = []
    tail_at = len(blocks)
    for n, at in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(blocks)
        tables: list[list[Table]] = []
        stray: list[str] = []
        joined = False  # the last block printed was a table
        for k in range(at + 1, end):
            block = blocks[k]
            if isinstance(block, Table):
                if joined:
                    tables[-1].append(block)
                else:
                    tables.append([block])
                joined = True
            elif _line(block):
                joined = False
                if n + 1 == len(heads):  # after the last section's tables: the appendices
                    tail_at = k
                    break
                stray.append(_line(block))
        runs = tuple(tuple(run) for run in tables)
        sections.append(Part(title=_line(blocks[at]), tables=runs, stray=tuple(stray)))
    cover, title, instructions = _front(blocks[: heads[0]])
    return Layout(cover, title, instructions, tuple(sections), tuple(blocks[tail_at:]))


def _front(
    blocks: Sequence[Block],
) -> tuple[tuple[Paragraph, ...], str | None, tuple[Paragraph, ...]]:
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    at = next((i for i, p in enumerate(paragraphs) if _INSTRUCTIONS.match(clean(p.text))), None)
    if at is None:
        return tuple(paragraphs), None, ()
    return tuple(paragraphs[:at]), clean(paragraphs[at].text), tuple(paragraphs[at + 1 :])


def _stand_alone(blocks: Sequence[Block]) -> Layout:
    """Each table with the title line above it (and a 附件N line above that)."""
    sections: list[Part] = []
    first_at: int | None = None
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        above = [k for k in range(i) if _line(blocks[k])]
        title_at = above[-1] if above else None
        if title_at is not None and sections and title_at < _last_table(blocks, i):
            title_at = None
        title = _line(blocks[title_at]) if title_at is not None else ""
        heading: str | None = None
        start = title_at if title_at is not None else i
        if title_at is not None and len(above) > 1 and ANNEX.match(_line(blocks[above[-2]])):
            heading = _line(blocks[above[-2]])
            start = above[-2]
        if first_at is None:
            first_at = start
        sections.append(Part(title=title, tables=((block,),), heading=heading))
    front = blocks[: first_at if first_at is not None else len(blocks)]
    cover, instructions_title, instructions = _front(front)
    return Layout(cover, instructions_title, instructions, tuple(sections), ())


def _last_table(blocks: Sequence[Block], before: int) -> int:
    return max((k for k in range(before) if isinstance(blocks[k], Table)), default=-1)
