"""佐证材料清单: the evidence files an application lists, on a page of their own after the form.

Printed only when the application lists attachments, so that the ids its
ticked boxes cite (☑…（佐证材料：A1）) can be looked up on paper, and so that a
filled form read back keeps them: the list is part of the visible document,
which a person may correct in Word like any other line.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from clusterforms import Attachment
from clusterforms_renderers.docx._layout import CENTER, LEFT, cell
from clusterforms_renderers.docx._table import Row, table
from clusterforms_renderers.docx._xml import Font, Para, cm, text_paragraph

TITLE: Final = "佐证材料清单"
HEADER: Final = ("编号", "名称", "文件")
_EDGES: Final = (Fraction(0), Fraction(15, 100), Fraction(60, 100), Fraction(1))


def attachments_part(
    attachments: tuple[Attachment, ...], width: int, *, new_page: bool
) -> list[str]:
    """The title and the table of ``attachments`` (nothing when there are none)."""
    if not attachments:
        return []
    title = text_paragraph(TITLE, Para(style="CFHeading", page_break_before=new_page))
    header = Row(
        cells=tuple(
            cell(_EDGES[i], _EDGES[i + 1], [text_paragraph(text, CENTER, Font(bold=True))])
            for i, text in enumerate(HEADER)
        ),
        height=cm(0.9),
        header=True,
    )
    rows = [header]
    for attachment in attachments:
        texts = (attachment.id, attachment.title, attachment.file)
        rows.append(
            Row(
                cells=tuple(
                    cell(
                        _EDGES[i],
                        _EDGES[i + 1],
                        [
                            text_paragraph(line, CENTER if i == 0 else LEFT)
                            for line in text.split("\n")
                        ]
                        if text
                        else [],
                    )
                    for i, text in enumerate(texts)
                ),
                height=cm(0.9),
            )
        )
    return [title, table(rows, width)]
