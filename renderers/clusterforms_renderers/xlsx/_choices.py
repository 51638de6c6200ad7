"""Rows of the option item kinds: a choice as a drop-down, a checklist as 是/否 marks.

Every option is printed verbatim (:func:`clusterforms.model.text.option_line`);
an option with a blank to write in gets a ``↳ 补充填写`` input, and each
checklist option a 佐证材料编号 input in the extra column.
"""

from __future__ import annotations

from typing import Any

from clusterforms import ChecklistItem, ChoiceItem, option_line
from clusterforms_renderers.xlsx import _boxes, _inputs
from clusterforms_renderers.xlsx._grid import Grid
from clusterforms_renderers.xlsx._keys import CellKey
from clusterforms_renderers.xlsx._plan import column_letter


def absolute_cell(row: int, col: int) -> str:
    """``$E$10``: the input cell a printed line follows."""
    return f"${column_letter(col)}${row}"


def option_labels(options: tuple[Any, ...]) -> list[tuple[str, str]]:
    """(option id, label shown in the drop-down); repeated labels get a number."""
    seen: dict[str, int] = {}
    shown: list[tuple[str, str]] = []
    for option in options:
        label = option.label.replace("\n", "") or option.id
        seen[label] = seen.get(label, 0) + 1
        shown.append((option.id, label if seen[label] == 1 else f"{label}（{seen[label]}）"))
    return shown


def lay_choice(grid: Grid, item: ChoiceItem) -> None:
    """The drop-down, the options listed under it, then the blank if an option has one."""
    blank = next((o for o in item.options if o.free_text or o.explain), None)
    rows = 3 if blank is not None else 2
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    shown = option_labels(item.options)
    choices = grid.book.add_list(item.id, shown)
    rule = _inputs.choice_rule(item.label, choices, notes=item.notes)
    grid.values(row, CellKey(item.id, kind="choice"), rule)
    listing = "\u3000".join(option_line(o) for o in item.options)
    chosen = [(o, label) for o, (_, label) in zip(item.options, shown, strict=True)]
    ticked = _boxes.listing(absolute_cell(row, 2), chosen, "\u3000")
    grid.sheet.text(row + 1, 2, listing, "option", colspan=grid.width, formula=ticked)
    if blank is not None:
        grid.sheet.text(row + 2, 2, "↳ 补充填写：", "label")
        blank_rule = _inputs.blank_rule(blank.label, explain=blank.explain)
        grid.values(row + 2, CellKey(item.id, part="text", kind="choice_text"), blank_rule, 3)
    grid.notes(item.notes)


def lay_checklist(grid: Grid, item: ChecklistItem) -> None:
    """The lead, a 选项 | 是否勾选 | 佐证材料编号 header, then one row per option."""
    blanks = sum(1 for o in item.options if o.free_text or o.explain)
    lead = 1 if item.lead else 0
    rows = lead + 1 + len(item.options) + blanks
    row = grid.sheet.take(rows)
    grid.label(row, item.label, rows)
    sheet = grid.sheet
    if item.lead:
        sheet.text(row, 2, item.lead, "body", colspan=grid.width + 1)
    header = row + lead
    sheet.text(header, 2, "选项", "header", colspan=grid.width - 1)
    sheet.text(header, grid.last, "是否勾选", "header")
    sheet.text(header, grid.extra, "佐证材料编号", "header")
    current = header + 1
    for option in item.options:
        needs = item.evidence if option.evidence is None else option.evidence
        ticked = _boxes.listing(absolute_cell(current, grid.last), [(option, _inputs.YES)])
        line = option_line(option)
        sheet.text(current, 2, line, "option", colspan=grid.width - 1, formula=ticked)
        mark = _inputs.mark_rule(option.label, evidence=needs)
        sheet.input(current, grid.last, CellKey(item.id, part=option.id, kind="mark"), mark)
        evidence = _inputs.evidence_rule(required=needs)
        key = CellKey(item.id, part=f"{option.id}/evidence", kind="evidence")
        sheet.input(current, grid.extra, key, evidence)
        current += 1
        if option.free_text or option.explain:
            sheet.text(current, 2, "↳ 补充填写：", "label")
            blank_rule = _inputs.blank_rule(option.label, explain=option.explain)
            text_key = CellKey(item.id, part=f"{option.id}/text", kind="mark_text")
            sheet.input(current, 3, text_key, blank_rule, colspan=grid.width)
            current += 1
    grid.notes(item.notes)
