"""Section 九: the declaration and the recommendation, their printed lines and the opinion.

The opinion of a recommending authority is what is written between the
block's title (and text) and its first signing line; a date written on the
date line, or a name after 负责人（签字）：, is typed text of no field.
"""

from __future__ import annotations

import re
from typing import Final

from clusterforms import SignoffItem
from clusterforms_renderers.docx.reading._scan import LineHit, Scan
from clusterforms_renderers.docx.reading._text import clean_lines, norm, typed_pieces
from clusterforms_renderers.docx.reading._units import Line

_DATE: Final = re.compile(r"^\d{2,4}年\d{1,2}月\d{1,2}日$")


def read_signoff(item: SignoffItem, scan: Scan) -> None:
    """The block's printed lines, claimed; its opinion, when it has room for one."""
    hit = scan.find(item.title)
    if hit is None:
        return
    scan.claim(hit)
    if isinstance(hit, LineHit):
        end = scan.later_anchor(hit.index + 1)
        lines = scan.lines(hit.index + 1, end)
        scan.advance(max(hit.index, end - 1))
    else:
        lines = [
            Line(p, hit.row.table, cell, i)
            for cell in hit.after()
            for i, p in enumerate(cell.paragraphs)
        ]
        scan.advance(hit.index)
    text_lines = [item.text] if item.text else []
    signing = [norm(x) for x in item.lines]
    written: list[str] = []
    signed = False
    for line in lines:
        key = norm(line.text)
        if not key:
            scan.claim_lines([line])
            continue
        if any(key.startswith(s) for s in signing if s) or key == norm(item.date_line):
            signed = True
        typed = typed_pieces(line.text, printed=[*text_lines, *item.lines, item.date_line])
        if not typed:
            scan.claim_lines([line])
        elif item.opinion and not signed and not _DATE.match(key):
            scan.claim_lines([line])
            written.append(clean_lines(line.text))
    where = scan.place(lines[0]) if lines else scan.place(hit)
    if item.opinion:
        scan.out.spot(item.id, None, where)
        if value := "\n".join(w for w in written if w):
            scan.out.value(item.id, value, where, value)
