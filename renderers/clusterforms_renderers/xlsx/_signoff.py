"""Rows of a sign-off block (真实性声明, 推荐意见): title, text, opinion, signing lines, date."""

from __future__ import annotations

from clusterforms import SignoffItem
from clusterforms_renderers.xlsx import _blocks, _inputs
from clusterforms_renderers.xlsx._grid import Grid, tall_input
from clusterforms_renderers.xlsx._keys import CellKey


def lay_signoff(grid: Grid, item: SignoffItem) -> None:
    """Full-width lines, with one input for the written opinion if the block asks for one."""
    sheet = grid.sheet
    sheet.line(item.title, "heading")
    if item.text:
        sheet.line(item.text, "body")
    if item.opinion:
        rule = _inputs.text_rule(item.title, tall=True)
        key = CellKey(item.id)
        shown = tall_input(grid, key, rule, 1, grid.width + 2)
        _blocks.place(
            sheet, key, rule, shown, at=(sheet.take(len(shown)), 1), colspan=grid.width + 2
        )
    for line in item.lines:
        sheet.line(line, "body")
    sheet.line(item.date_line, "right")
