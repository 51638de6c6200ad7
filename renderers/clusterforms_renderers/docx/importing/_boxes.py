r"""A cell of □ options: the lead line, the options, their layout, the notes under them.

Whether the boxes ask for one answer (``choice``) or several (``checklist``)
is not printed; it is read from what is: "勾选" or a lead line
(集群已开展的…：) says checklist, 是/否/不适用 or a 是否 question says
choice.  When neither says, the count of boxes decides, as a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, Literal

import attrs

from clusterforms_renderers.docx.importing._text import (
    clean,
    has_boxes,
    is_blank,
    is_note,
    split_boxes,
)

Layout = Literal["vertical", "inline", "grid"]
#: A blank this wide after an option is room to write (其他____): a free-text option.
_FREE_WIDTH: Final = 10
_WIDTH: Final = {" ": 1, "\u3000": 2, "\t": 4, "_": 1, "＿": 2, "\u00a0": 1}
_TRAILING_NOTE = re.compile(r"([（(][^（）()]*(?:佐证材料|如涉及|注[：:])[^（）()]*[）)])$")
_OTHER = re.compile(r"^其[他它]")
_YES_NO = re.compile(r"^(?:是|否|有|无|.{0,10}不适用|不涉及)(?:[（(].*[）)])?$")
_ONE_ANSWER = re.compile(r"是否|类型$|领域$|属于")
_SEVERAL = re.compile(r"已开展|已建设|已提供|已获得|工作$|活动$|措施$")
#: Without other evidence, this many boxes or more read as a checklist.
_MANY: Final = 4


@attrs.frozen
class Boxes:
    """What an options cell prints."""

    lead: str | None
    options: tuple[tuple[str, bool], ...]  # (label, followed by a blank to write in)
    notes: tuple[str, ...]
    layout: Layout
    columns: int
    stray: tuple[str, ...]  # lines that are neither lead, option nor note


def read_boxes(lines: Sequence[str]) -> Boxes:  # noqa: C901, PLR0912 - one pass over the lines
    """The options cell whose paragraphs are ``lines``."""
    lead: str | None = None
    options: list[tuple[str, bool]] = []
    notes: list[str] = []
    stray: list[str] = []
    per_line: list[int] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if is_blank(line):
            continue
        if not has_boxes(line):
            text = clean(line)
            if not options and lead is None and text.endswith(("：", ":")):
                lead = text
            elif is_note(text):
                notes.append(text)
            else:
                stray.append(text)
            continue
        head, *pieces = split_boxes(line)
        if clean(head):
            if not options and lead is None and clean(head).endswith(("：", ":")):
                lead = clean(head)
            else:
                stray.append(clean(head))
        count = 0
        for piece in pieces:
            label, free, note = _option(piece)
            if note:
                notes.append(note)
            if label:
                options.append((label, free))
                count += 1
        if count:
            per_line.append(count)
    layout: Layout = "vertical"
    columns = 3
    if len(per_line) == 1 and per_line[0] > 1:
        layout = "inline"
    elif per_line and max(per_line) > 1:
        layout, columns = "grid", max(per_line)
    return Boxes(
        lead=lead,
        options=tuple(options),
        notes=tuple(notes),
        layout=layout,
        columns=columns,
        stray=tuple(stray),
    )


def _option(piece: str) -> tuple[str, bool, str | None]:
    """One option's label, whether a blank to write in follows it, and a note printed after it."""
    body = piece.rstrip(" \u3000\t_＿\u00a0\u200b")
    blank = piece[len(body) :]
    width = sum(_WIDTH.get(ch, 0) for ch in blank)
    label = clean(body)
    note = None
    found = _TRAILING_NOTE.search(label)
    if found and found.start() > 0:
        note = found.group(1)
        label = clean(label[: found.start()])
    free = (
        label.endswith(("：", ":"))
        or width >= _FREE_WIDTH
        or (bool(_OTHER.match(label)) and width >= _WIDTH["\t"])
    )
    return label, free, note


def explains(label: str) -> bool:
    """Whether an option asks for an attached explanation: 是（需附情况说明）."""
    return "说明" in label and "需" in label


def one_answer(label: str, boxes: Boxes) -> tuple[bool, bool]:
    """Whether the boxes are a choice rather than a checklist, and whether that is a guess."""
    said = " ".join([label, boxes.lead or "", *boxes.notes])
    if "勾选" in said or boxes.lead:
        return False, False
    labels = [text for text, _ in boxes.options]
    if labels and all(_YES_NO.match(text) for text in labels):
        return True, False
    if _ONE_ANSWER.search(label) or boxes.layout == "inline":
        return True, False
    if _SEVERAL.search(label):
        return False, False
    return len(labels) < _MANY, True


def evidence(label: str, boxes: Boxes) -> bool:
    """Whether a checked box needs 佐证材料, as the notes or the lead say."""
    return any("佐证" in text or "勾选需" in text for text in (label, *boxes.notes))
