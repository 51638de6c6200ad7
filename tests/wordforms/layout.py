"""How a person fills the official forms in by hand, and the cells that show it.

A form module lists its tables as rows of :mod:`tests.wordforms.items` (:class:`Field`,
:class:`Pair`, :class:`Boxes`, :class:`YearHeader`, :class:`Yearly`, :class:`Group`,
:class:`Standards` …), transcribed from the seed.  Each item renders itself for a :class:`Fill`:
the blank template when the fill has no values, or the template as a person filled it in Word.

Where the hand-filled text goes is named by a *slot*: a field id, optionally followed by a path
into its value, e.g. ``industry.total_output/2022``, ``innovation.standards/2022/national/lead``,
``innovation.platforms.national/count``, ``plan.targets/rows/plan.targets.co2/baseline``.  What is
typed there is the value itself unless :attr:`Fill.shown` says otherwise (in the markup of
:mod:`tests.wordforms.markup`).  Boxes are ticked by :attr:`Fill.ticks`: field id → option text →
what was typed in place of the box:

``"☑"``, ``"■"``, ``"✔"`` …
    the box replaced by that character;
``"√□"``, ``"✓□"`` …
    the mark typed before the box, the box kept;
``"wing"``
    Word's symbol dialog: ``<w:sym w:font="Wingdings 2" w:char="F052"/>`` (☑ in Wingdings 2);
``"lo"``
    the same after a LibreOffice save: U+F052 in a run whose font is Wingdings 2.

An option text with ``+`` appended (``"是+"``) puts the mark after that option's text instead, where
it could as well belong to the next option.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.wordforms.markup import inlines, typed
from tests.wordforms.ooxml import Cell, Inline, Para, Run, Sym
from tests.wordforms.package import Style

#: Table text: 宋体 五号.
BODY = Style(size=10.5)
#: Wingdings 2 code points: an empty box and a ticked one.
WING_BOX = "F0A3"
WING_TICK = "F052"
#: Minimum heights (twips) of an ordinary row and of a narrative row.
ROW = 454
TALL = 2600


@dataclass(frozen=True)
class Fill:
    """How a document's input cells are filled; with no ``values`` it is the blank template."""

    values: Mapping[str, Any] = field(default_factory=dict)
    shown: Mapping[str, str] = field(default_factory=dict)
    ticks: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Slots typed after the colon inside the label cell instead of the cell beside it.
    in_label: frozenset[str] = frozenset()
    #: Paragraphs typed after an anchor (a section id, or any name a layout asks for).
    after: Mapping[str, str] = field(default_factory=dict)
    #: Target-table directions whose "......" row was typed over with the first added indicator.
    dots: frozenset[str] = frozenset()
    #: The file went through LibreOffice: Wingdings symbols became private-use characters.
    lo_saved: bool = False
    author: str = "Administrator"

    @property
    def blank(self) -> bool:
        return not self.values

    def text(self, slot: str) -> str | None:
        """What was typed for ``slot`` (markup), or None in the blank template."""
        if self.blank:
            return None
        if slot in self.shown:
            return self.shown[slot]
        value = resolve(self.values, slot)
        if value is None or isinstance(value, dict | list):
            msg = f"no text to type for slot {slot!r}: {value!r}"
            raise KeyError(msg)
        return str(value)

    def paras(self, slot: str, style: Style = BODY) -> list[Para]:
        """The paragraphs typed for ``slot`` (one empty paragraph when blank)."""
        text = self.text(slot)
        return typed(text or "", style, author=self.author)

    def remark(self, anchor: str, style: Style = BODY) -> list[Para]:
        """Paragraphs a person typed after ``anchor`` that belong to no field."""
        text = None if self.blank else self.after.get(anchor)
        return typed(text, style, author=self.author) if text else []


def resolve(values: Mapping[str, Any], slot: str) -> Any:
    """The part of ``values`` a slot names (None when absent)."""
    fid, *path = slot.split("/")
    value: Any = values.get(fid)
    for key in path:
        if isinstance(value, list):
            value = value[int(key)] if int(key) < len(value) else None
        elif isinstance(value, dict):
            value = value.get(key)
        else:
            return None
    return value


# --------------------------------------------------------------------------- cells


def text_cell(
    text: str,
    *,
    span: int = 1,
    vmerge: str | None = None,
    align: str | None = "center",
    style: Style = BODY,
) -> Cell:
    """A cell of template text in the markup (``\\n`` between paragraphs)."""
    return Cell(tuple(typed(text, style, align=align)), span=span, vmerge=vmerge)


def label_cell(
    f: Fill,
    label: str,
    slot: str | None = None,
    *,
    span: int = 1,
    vmerge: str | None = None,
    align: str | None = "center",
) -> Cell:
    """A label cell; when ``slot`` is typed in the label, it follows the label's colon."""
    paras = typed(label, BODY, align=align)
    value = f.text(slot) if slot and slot in f.in_label else None
    if value is not None:
        at = next((i for i, q in enumerate(paras) if _text(q).endswith("：")), 0)
        q = paras[at]
        paras[at] = Para((*q.inlines, *inlines(value, BODY, author=f.author)), align="left")
    return Cell(tuple(paras), span=span, vmerge=vmerge)


def value_cell(f: Fill, slot: str, *, span: int = 1, before: Sequence[str] = ()) -> Cell:
    """The input cell of ``slot``: empty in the template, what was typed once filled."""
    if slot in f.in_label:
        return Cell(tuple(typed("\n".join(before), BODY)) if before else (), span=span)
    paras = [*typed("\n".join(before), BODY)] if before else []
    if f.blank:
        return Cell(tuple(paras), span=span)
    return Cell((*paras, *f.paras(slot)), span=span, valign="center")


def _text(q: Para) -> str:
    return "".join(getattr(x, "text", "") for x in q.inlines)


# --------------------------------------------------------------------------- boxes


def box_inlines(f: Fill, fid: str | None, line: str) -> list[Inline]:
    """One line of template text whose boxes are ticked as :attr:`Fill.ticks` says.

    In the layout source ``□`` is a typed box and ``☐`` a Wingdings 2 box (``w:sym F0A3``), as
    the templates mix them (where the seed shows a lost ``(``, the template had a symbol).  Text
    typed after an option (its 其他 blank or its 需说明 explanation) comes from the slot
    ``<fid>#<option text>``.
    """
    ticks = {} if f.blank or fid is None else f.ticks.get(fid, {})
    head, *rest = re.split("([□☐])", line)
    out: list[Inline] = [*inlines(head, BODY)] if head else []
    for box, piece in zip(rest[::2], rest[1::2], strict=True):
        option = re.split(r"\t| {2,}", piece)[0].strip()
        mark = ticks.get(option)
        if mark is None and "（" in option:
            mark = ticks.get(option.split("（")[0])
        out += _tick(f, mark, "sym" if box == "☐" else "□")
        extra = None if f.blank or fid is None else f.shown.get(f"{fid}#{option}")
        after = ticks.get(option + "+")
        if extra is None and after is None:
            out += inlines(piece, BODY)
            continue
        body = piece.rstrip(" \t")
        out += inlines(body, BODY)
        if after is not None:
            out.append(Run(f" {after} ", size=BODY.size))
        if extra is not None:
            out += inlines(extra, BODY, author=f.author)
        if len(piece) > len(body):
            out.append(Run(piece[len(body) :], size=BODY.size))
    return out


def _tick(f: Fill, mark: str | None, box: str) -> list[Inline]:
    def empty() -> Inline:
        if box != "sym":
            return Run("□", size=BODY.size, hint=True)
        if f.lo_saved:
            return Run("\uf0a3", size=BODY.size, font="Wingdings 2")
        return Sym(WING_BOX, size=BODY.size)

    if mark is None:
        return [empty()]
    if mark == "wing":
        return [Sym(WING_TICK, size=BODY.size)]
    if mark == "lo":
        return [Run("\uf052", size=BODY.size, font="Wingdings 2")]
    if mark.endswith("□"):
        return [Run(mark[:-1], size=BODY.size, hint=True), empty()]
    return [Run(mark, size=BODY.size, hint=True)]


def boxes_cell(f: Fill, fid: str | None, lines: Sequence[str], *, span: int = 1) -> Cell:
    """A cell of option lines (one paragraph each, as in the template).

    Text typed on an empty line of the cell comes from the slot ``<fid>#line<index>``.
    """
    paras = []
    for i, line in enumerate(lines):
        typed_here = None if f.blank or fid is None else f.shown.get(f"{fid}#line{i}")
        content = inlines(typed_here, BODY) if typed_here is not None else box_inlines(f, fid, line)
        paras.append(Para(tuple(content), align="left"))
    return Cell(tuple(paras), span=span, valign="center")
