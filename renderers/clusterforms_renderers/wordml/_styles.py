"""The styles part: style names, parents, and the lists styles number.

Read only when asked (``read_docx(..., styles=True)``): a Word styles part is
often several times larger than the body (python-docx's template: 350 KB),
and only the template importer needs it — for style names and for headings
numbered through their style.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from lxml import etree

from clusterforms_renderers.wordml._model import Style
from clusterforms_renderers.wordml._names import (
    W_BASED_ON,
    W_ILVL,
    W_NAME,
    W_NUM_ID,
    W_NUMPR,
    W_PPR,
    W_STYLE,
    W_STYLE_ID,
    W_TYPE,
    W_VAL,
)
from clusterforms_renderers.wordml._numbering import LEVELS, int_value

MAX_STYLES: Final = 10_000
#: How many ``w:basedOn`` steps are followed before a chain is taken as a loop.
_MAX_CHAIN: Final = 32


def read_styles(root: etree._Element) -> dict[str, Style]:
    """The styles of a parsed ``styles.xml`` by style id."""
    styles: dict[str, Style] = {}
    for element in root.iterchildren(W_STYLE):
        if len(styles) >= MAX_STYLES:
            break
        style_id = element.get(W_STYLE_ID)
        if not style_id:
            continue
        name = element.find(W_NAME)
        based = element.find(W_BASED_ON)
        numpr = element.find(f"{W_PPR}/{W_NUMPR}")
        num_id = level = None
        if numpr is not None:
            num_id = (
                int_value(numpr.find(W_NUM_ID), 0, 0, 2**31)
                if numpr.find(W_NUM_ID) is not None
                else None
            )
            level = (
                int_value(numpr.find(W_ILVL), 0, 0, LEVELS - 1)
                if numpr.find(W_ILVL) is not None
                else None
            )
        styles[style_id] = Style(
            id=style_id,
            name=(name.get(W_VAL) or "") if name is not None else "",
            type=element.get(W_TYPE) or "",
            based_on=based.get(W_VAL) if based is not None else None,
            num_id=num_id,
            level=level,
        )
    return styles


def style_numbering(styles: Mapping[str, Style], style_id: str) -> tuple[int | None, int | None]:
    """The list (numId, level) a paragraph style gives, following ``w:basedOn``."""
    num_id = level = None
    current: str | None = style_id
    for _ in range(_MAX_CHAIN):
        style = styles.get(current) if current is not None else None
        if style is None:
            break
        if num_id is None:
            num_id = style.num_id
        if level is None:
            level = style.level
        if num_id is not None and level is not None:
            break
        current = style.based_on
    return num_id, level
