"""Sign-off blocks (section 九): a title, the declaration text, signature and seal lines, a date.

The cell is known by what it prints last: a date line (年    月    日) after
lines that ask for a signature or a seal (（签字）：, （公章）：).  A title
that asks for an opinion (推荐意见) leaves room to write one.
"""

from __future__ import annotations

import re
from typing import Final

from clusterforms import SignoffItem
from clusterforms_renderers.docx.importing._context import Ctx
from clusterforms_renderers.docx.importing._grid import View
from clusterforms_renderers.docx.importing._text import is_date_line, lines_of

_SIGN: Final = re.compile(r"签字|签名|签章|公章|盖章")


def signs_off(view: View) -> bool:
    """Whether a cell is a signing cell: signature or seal lines and a date."""
    lines = lines_of(view.text)
    return any(is_date_line(x) for x in lines) and any(_SIGN.search(x) for x in lines)


def signoff_item(title: str, view: View, ctx: Ctx, row: int) -> SignoffItem:
    """The sign-off block titled ``title`` whose signing cell is ``view``."""
    entry = ctx.new_id(row)
    text: list[str] = []
    lines: list[str] = []
    date_line = "年    月    日"
    dated = False
    for line in lines_of(view.text):
        if dated:
            ctx.log.unplaced(ctx.place(row), line, "text after the date of a sign-off")
        elif is_date_line(line):
            date_line, dated = line, True
        elif _SIGN.search(line) or lines:
            lines.append(line)
        else:
            text.append(line)
    return SignoffItem(
        id=entry,
        title=title,
        text="\n".join(text) or None,
        lines=tuple(lines),
        date_line=date_line,
        opinion="意见" in title,
    )
