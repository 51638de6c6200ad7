r"""The cover page: 附件1, the title, lines of label and blanks, hints, the issuer line.

A cover line is a label ending in "：" and blanks, perhaps with words
between them (所属地区：__省（区、市）__市（区）__县（市、区）); a bracketed
line right under one is its hint (（XX（省、市）XX（县、区）XX产业）); a line
ending in 制 names the issuer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from clusterforms import Cover, CoverLine
from clusterforms_renderers.docx.importing._context import Ids, Log
from clusterforms_renderers.docx.importing._text import blank_runs, clean, is_bracketed
from clusterforms_renderers.wordml import Paragraph

ANNEX: Final = re.compile(r"^附件\s*\d+$")
_ISSUER: Final = re.compile(r"\S\s+制$|^.{2,30}(?:部|厅|局|委员会|政府)\s*制$")
_LABEL: Final = re.compile(r"^([^：:]{1,40}[：:])(.*)$")


def read_cover(paragraphs: Sequence[Paragraph], log: Log, ids: Ids) -> Cover:
    """The cover printed by ``paragraphs``; lines it cannot place are noted as unplaced."""
    heading: str | None = None
    title: str | None = None
    issuer: str | None = None
    lines: list[CoverLine] = []
    for paragraph in paragraphs:
        raw = paragraph.text
        text = clean(raw)
        if not text:
            continue
        labelled = _LABEL.match(raw.strip(" \u3000\t"))
        if heading is None and title is None and not lines and ANNEX.match(text):
            heading = text
        elif labelled:
            entry = ids.new("cover")
            words = tuple(blank_runs(labelled.group(2)))
            lines.append(CoverLine(id=entry, label=clean(labelled.group(1)), suffixes=words))
            log.at(entry, f"封面 · {clean(labelled.group(1))}")
        elif is_bracketed(text) and lines and lines[-1].hint is None:
            lines[-1] = attrs.evolve(lines[-1], hint=text)
        elif _ISSUER.search(text):
            issuer = text
        elif title is None and not lines:
            title = text
        else:
            log.unplaced("封面", text, "a line of the cover page the importer could not place")
    return Cover(heading=heading, title=title, lines=tuple(lines), issuer_line=issuer)
