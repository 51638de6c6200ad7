"""Rows of a sign-off block (真实性声明, 推荐意见): title, text, opinion, signing lines, date."""

from __future__ import annotations

from clusterforms import SignoffItem
from clusterforms_renderers.xlsx import _inputs
from clusterforms_renderers.xlsx._grid import Grid
from clusterforms_renderers.xlsx._keys import CellKey


def lay_signoff(grid: Grid, item: SignoffItem) -> None:
    """Full-width lines, with one input for the written opinion if the block asks for one."""
    sheet = grid.sheet
    sheet.line(item.title, "heading")
    if item.text:
        sheet.line(item.text, "body")
    if item.opinion:
        row = sheet.take()
        rule = _inputs.text_rule(item.title, tall=True)
        sheet.input(row, 1, CellKey(item.id), rule, colspan=grid.width + 2)
    for line in item.lines:
        sheet.line(line, "body")
    sheet.line(item.date_line, "right")
