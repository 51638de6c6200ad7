"""The list numbers Word would draw, computed from ``numbering.xml`` in reading order.

Word keeps automatic numbers out of the text: a paragraph says only "list 3,
level 0", and the number comes from counting.  The forms' part and question
numbers (一、 （一） 1.) are often made this way and vanish when the text is
copied, so the reader counts as Word does:

- paragraphs of lists that share an abstract definition continue one counter,
  unless the list restarts a level (``w:startOverride``), which makes it a
  counter of its own;
- using a level resets the deeper levels (``w:lvlRestart`` can say otherwise);
- the label is the level's ``w:lvlText`` with ``%1`` … ``%9`` replaced by the
  counters in each level's format (all decimal under ``w:isLgl``); a bullet's
  symbol-font character is read as the glyph it draws.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

import attrs
from lxml import etree

from clusterforms_renderers.wordml._counting import format_number
from clusterforms_renderers.wordml._glyphs import in_symbol_font, symbol_table
from clusterforms_renderers.wordml._model import ListNumber
from clusterforms_renderers.wordml._names import (
    W_ABSTRACT_NUM,
    W_ABSTRACT_NUM_ID,
    W_ABSTRACT_NUM_ID_ATTR,
    W_ILVL_ATTR,
    W_IS_LGL,
    W_LVL,
    W_LVL_OVERRIDE,
    W_LVL_RESTART,
    W_LVL_TEXT,
    W_NUM,
    W_NUM_FMT,
    W_NUM_ID_ATTR,
    W_PSTYLE,
    W_RFONTS,
    W_RPR,
    W_START,
    W_START_OVERRIDE,
    W_VAL,
)

MAX_LISTS: Final = 10_000
LEVELS: Final = 9
_PLACEHOLDER: Final = re.compile(r"%([1-9])")
#: Word keeps counters within a signed 16-bit range.
_MAX_START: Final = 32767


def int_value(element: etree._Element | None, default: int, low: int, high: int) -> int:
    """``element``'s ``w:val`` clamped to [low, high]; ``default`` if absent or not a number."""
    if element is None:
        return default
    raw = element.get(W_VAL)
    try:
        value = int(raw) if raw is not None and len(raw) <= 12 else default
    except ValueError:
        return default
    return max(low, min(high, value))


@attrs.frozen
class Level:
    """One level of a list definition."""

    start: int = 1
    format: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@attrs.frozen
class ListDefinition:
    """One list instance (``w:num``): its abstract definition and levels, overrides applied."""

    abstract: int
    levels: Mapping[int, Level]
    own_counter: bool


class Numbering:
    """The numbering part, and the counters of one pass through a document.

    A list's levels are read from the part when a paragraph first uses it: a
    template defines dozens of lists, a form numbers its paragraphs with a few.
    """

    def __init__(
        self, abstracts: Mapping[int, etree._Element], nums: Mapping[int, etree._Element]
    ) -> None:
        self._abstracts = abstracts  # w:abstractNum by id (the last of an id, as before)
        self._nums = nums  # w:num by id
        self._abstract_levels: dict[int, dict[int, Level]] = {}
        self._lists: dict[int, ListDefinition | None] = {}
        self._counters: dict[tuple[str, int], dict[int, int]] = {}

    @classmethod
    def from_xml(cls, root: etree._Element) -> Numbering:
        """The lists of a parsed ``numbering.xml``."""
        abstracts = {
            int_value_attr(element, W_ABSTRACT_NUM_ID_ATTR): element
            for element in root.iterchildren(W_ABSTRACT_NUM)
        }
        nums: dict[int, etree._Element] = {}
        for element in root.iterchildren(W_NUM):
            if len(nums) >= MAX_LISTS:
                break
            nums[int_value_attr(element, W_NUM_ID_ATTR)] = element
        return cls(abstracts, nums)

    def _definition(self, num_id: int) -> ListDefinition | None:
        """List ``num_id``, its levels read (overrides applied) the first time it is asked for."""
        if num_id in self._lists:
            return self._lists[num_id]
        element = self._nums.get(num_id)
        definition = None if element is None else self._read(element)
        self._lists[num_id] = definition
        return definition

    def _read(self, element: etree._Element) -> ListDefinition:
        abstract_id = int_value(element.find(W_ABSTRACT_NUM_ID), -1, -1, 2**31)
        if abstract_id not in self._abstract_levels:
            abstract = self._abstracts.get(abstract_id)
            self._abstract_levels[abstract_id] = {} if abstract is None else _levels(abstract)
        levels = dict(self._abstract_levels[abstract_id])
        own_counter = False
        for override in element.iterchildren(W_LVL_OVERRIDE):
            level = int_value_attr(override, W_ILVL_ATTR)
            if not 0 <= level < LEVELS:
                continue
            replaced = override.find(W_LVL)
            if replaced is not None:
                levels[level] = _level(replaced)
            start = override.find(W_START_OVERRIDE)
            if start is not None:
                base = levels.get(level, Level())
                value = int_value(start, base.start, 0, _MAX_START)
                levels[level] = attrs.evolve(base, start=value)
                own_counter = True
        return ListDefinition(abstract_id, levels, own_counter)

    def level_for_style(self, num_id: int, style: str) -> int | None:
        """The level of list ``num_id`` that style ``style`` is linked to (``w:lvl/w:pStyle``)."""
        definition = self._definition(num_id)
        if definition is None:
            return None
        return next((i for i, lvl in definition.levels.items() if lvl.style == style), None)

    def number(self, num_id: int, level: int) -> ListNumber:
        """The next number of list ``num_id`` at ``level``, counting as Word does."""
        definition = self._definition(num_id)
        current = definition.levels.get(level) if definition is not None else None
        if definition is None or current is None:
            return ListNumber(num_id=num_id, level=level, label="", format="")
        key = ("num", num_id) if definition.own_counter else ("abstract", definition.abstract)
        counters = self._counters.setdefault(key, {})
        counters[level] = counters[level] + 1 if level in counters else current.start
        for deeper in [k for k in counters if k > level]:
            lvl = definition.levels.get(deeper)
            restart = lvl.restart if lvl is not None and lvl.restart is not None else deeper
            if level < restart:
                del counters[deeper]

        def placeholder(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lvl = definition.levels.get(index)
            if lvl is None:
                return ""
            value = counters.get(index, lvl.start)
            return format_number(value, "decimal" if current.legal else lvl.format)

        label = (
            current.text
            if current.format == "bullet"
            else _PLACEHOLDER.sub(placeholder, current.text)
        )
        return ListNumber(num_id=num_id, level=level, label=label, format=current.format)


def int_value_attr(element: etree._Element, name: str) -> int:
    """The integer attribute ``name`` of ``element``, or -1 when absent or not a number."""
    raw = element.get(name)
    try:
        return int(raw) if raw is not None and len(raw) <= 12 else -1
    except ValueError:
        return -1


def _on(element: etree._Element | None) -> bool:
    """A Word on/off property: present, and not switched off by ``w:val``."""
    return element is not None and element.get(W_VAL) not in {"0", "false", "off"}


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for element in abstract.iterchildren(W_LVL):
        index = int_value_attr(element, W_ILVL_ATTR)
        if 0 <= index < LEVELS:
            levels[index] = _level(element)
    return levels


def _level(element: etree._Element) -> Level:
    fmt = element.find(W_NUM_FMT)
    text = element.find(W_LVL_TEXT)
    restart = element.find(W_LVL_RESTART)
    style = element.find(W_PSTYLE)
    label = (text.get(W_VAL) or "")[:64] if text is not None else ""
    fonts = element.find(f"{W_RPR}/{W_RFONTS}")
    if fonts is not None:
        table = next((t for t in map(symbol_table, fonts.values()) if t is not None), None)
        if table is not None:
            label = in_symbol_font(label, table)
    return Level(
        start=int_value(element.find(W_START), 1, 0, _MAX_START),
        format=(fmt.get(W_VAL) or "decimal") if fmt is not None else "decimal",
        text=label,
        restart=int_value(restart, 0, 0, LEVELS) if restart is not None else None,
        legal=_on(element.find(W_IS_LGL)),
        style=style.get(W_VAL) if style is not None else None,
    )
