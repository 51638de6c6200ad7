"""Section 九: the declaration and the recommendation, each a title row over a signing cell.

The signing cell holds the declaration text (or the written opinion), room
to sign, the signature and seal lines set off to the right half, and the
date flush right, as signed paper forms have them.
"""

from __future__ import annotations

from clusterforms import SignoffItem
from clusterforms_renderers.docx._layout import Ctx, Frame, cell, top_cell
from clusterforms_renderers.docx._table import Row
from clusterforms_renderers.docx._xml import Font, Para, cm, text_paragraph

_FONT = Font(size=12)
_TITLE = Font(size=12, bold=True)
_ROOM = 3  # empty lines for a handwritten opinion


def signoff_rows(item: SignoffItem, frame: Frame, ctx: Ctx) -> list[Row]:
    """Title row, then the cell with the text, the signing lines and the date."""
    content = []
    if item.text:
        content.append(
            text_paragraph(item.text, Para(first_line=480, align="both", line=360), _FONT)
        )
    if item.opinion:
        opinion = ctx.values.text(item.id, ctx.values.field(item.id))
        if opinion:
            content += [
                text_paragraph(p.strip(), Para(first_line=480, align="both", line=360), _FONT)
                for p in opinion.split("\n")
                if p.strip()
            ]
        else:
            content += ["<w:p/>"] * _ROOM
    content.append("<w:p/>")
    width = round((frame.right - frame.left) * ctx.width)
    indent = width * 2 // 5 if all(len(x) <= 16 for x in item.lines) else width // 4
    content += [
        text_paragraph(line, Para(left=indent, before=cm(0.3), line=360), _FONT)
        for line in item.lines
    ]
    content.append(
        text_paragraph(item.date_line, Para(align="right", before=cm(0.5), line=360), _FONT)
    )
    return [
        Row(
            cells=(
                cell(
                    frame.left,
                    frame.right,
                    [text_paragraph(item.title, Para(align="center"), _TITLE)],
                ),
            ),
            height=cm(0.9),
        ),
        Row(cells=(top_cell(frame.left, frame.right, content),), height=cm(5.5)),
    ]
