"""Label columns sized from the labels they hold.

Table text wraps character by character, so a label's printed lines follow
from its width in ems (a CJK character is one em, ASCII about half).  A
part's label column is made just wide enough for its longest label to take
at most two lines with no line left holding one or two characters
(有效发明专/利, …降低率（%/值）), within limits that leave the value columns
their room; a group splits that column between its own label and its rows'.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from fractions import Fraction

from clusterforms import GroupItem, Item, NarrativeItem, PairItem, TextItem
from clusterforms_renderers.docx._table import CELL_MARGIN

#: Twips per em of table text (10.5 pt, 五号).
EM = 210
#: Twips per em of the standards matrix (9 pt).
SMALL_EM = 180
#: The label column's limits, as shares of the table: below, the form looks
#: unlike the official one; above, the value columns get too narrow.
MIN_SPLIT = Fraction(24, 100)
MAX_SPLIT = Fraction(40, 100)
#: The narrowest label column a group or its rows get, in ems.
MIN_ROOM = 4
#: A last line this short (in ems) is an orphan.
ORPHAN = 2
#: Rounding and font metrics: each column gets this much more than measured.
SLACK = EM // 2


#: Characters of ambiguous width that CJK fonts print one em wide.
_WIDE_PUNCTUATION = frozenset("“”‘’…—")


def ems(text: str) -> float:
    """Width of ``text`` in ems: full-width characters (and CJK quotes) one em, others half."""
    return sum(
        1.0 if unicodedata.east_asian_width(ch) in "WF" or ch in _WIDE_PUNCTUATION else 0.5
        for ch in text
    )


def line_count(text: str, room: int) -> int:
    """How many lines ``text`` (with its line breaks) takes in ``room`` ems."""
    return sum(max(1, -int(-ems(line) // room)) for line in text.split("\n"))


def orphans(text: str, room: int) -> int:
    """How many of ``text``'s wrapped lines end with an orphan of one or two characters."""
    count = 0
    for line in text.split("\n"):
        width = ems(line)
        if width > room and 0 < width % room <= ORPHAN:
            count += 1
    return count


def label_text(item: Item) -> str | None:
    """The text an item prints in the label column, or None when it spans the table."""
    if item.kind in {"static", "targets", "stages", "signoff", "roster", "group"}:
        return None
    if isinstance(item, NarrativeItem) and item.outline:
        return None
    if isinstance(item, PairItem):
        if not item.fields:
            return None
        first = item.fields[0]
        return first.label + (f"\n{first.hint}" if first.hint else "")
    label = str(getattr(item, "label", "") or "")
    if isinstance(item, TextItem) and item.hint and item.hint.startswith("（"):
        label += f"\n{item.hint}"
    return label or None


def fits(text: str, room: int) -> bool:
    """Whether ``text`` takes at most two lines per printed line in ``room`` ems, orphan-free."""
    return (
        all(line_count(line, room) <= 2 for line in text.split("\n")) and orphans(text, room) == 0
    )


def room_for(texts: Iterable[str], limit: int) -> int:
    """The fewest ems (up to ``limit``) in which every one of ``texts`` fits."""
    texts = list(texts)
    for room in range(MIN_ROOM, limit + 1):
        if all(fits(text, room) for text in texts):
            return room
    return limit


def group_room(item: GroupItem, total: int) -> int:
    """The ems of the group's own label column when group and rows share ``total`` ems.

    The group label, merged down beside the rows, should need no more lines
    than the rows beside it; the rows' labels should fit (two lines each).
    Among the splits, the one printing the fewest lines wins, an orphan
    counting as two lines more (a short last line reads worse than a taller
    row), then the one giving the rows more room.
    """
    own = item.label
    children = [_child_text(child) for child in item.items]
    best: tuple[int, int] | None = None
    choice = max(MIN_ROOM, total // 3)
    for room in range(MIN_ROOM, max(MIN_ROOM, total - MIN_ROOM) + 1):
        rest = max(MIN_ROOM, total - room)
        beside = sum(max(2, line_count(text, rest)) for text in children if text)
        height = max(line_count(own, room), beside)
        penalty = orphans(own, room) + sum(orphans(text, rest) for text in children if text)
        cost = (height + 2 * penalty, room)
        if best is None or cost < best:
            best, choice = cost, room
    return choice


def _child_text(item: Item) -> str | None:
    if isinstance(item, GroupItem):
        return item.label
    return label_text(item)


def _group_need(item: GroupItem, limit: int) -> int:
    """The fewest ems for a group's label column with its rows' labels fitting too."""
    children = [text for child in item.items if (text := _child_text(child))]
    rows = room_for(children, limit) if children else MIN_ROOM
    for total in range(rows + MIN_ROOM, limit + 1):
        room = group_room(item, total)
        beside = sum(max(2, line_count(text, total - room)) for text in children)
        if line_count(item.label, room) <= beside and all(
            fits(text, total - room) for text in children
        ):
            return total
    return limit


def _value_share(items: Sequence[Item], years: int) -> Fraction:
    """The least share of the table the value columns need (the standards matrix's headings)."""
    need = Fraction(0)
    for item in items:
        if isinstance(item, GroupItem):
            need = max(need, _value_share(item.items, years))
        elif item.kind == "standards":
            roles = getattr(item, "roles", ())
            if roles:
                longest = max(ems(role.label) for role in roles)
                role = Fraction(round(longest * SMALL_EM) + 2 * CELL_MARGIN)
                need = max(need, role * len(roles) * years * Fraction(100, 76))
    return need


def label_split(items: Sequence[Item], width: int, years: int) -> Fraction:
    """Where a part's value columns start: room for its labels, within the limits."""
    cap = MAX_SPLIT
    values = _value_share(items, years)
    if values:
        cap = max(MIN_SPLIT, min(cap, 1 - values / width))
    limit = int((cap * width - 2 * CELL_MARGIN - SLACK) // EM)
    need = MIN_ROOM
    for item in items:
        if isinstance(item, GroupItem):
            need = max(need, _group_need(item, limit))
        elif (text := label_text(item)) is not None:
            need = max(need, room_for([text], limit))
    share = _hundredths(Fraction(need * EM + 2 * CELL_MARGIN + SLACK, width), up=True)
    return min(_hundredths(cap, up=False), max(MIN_SPLIT, share))


def group_share(item: GroupItem, stretch: Fraction, width: int) -> Fraction:
    """The share of the table a group's own label column takes out of ``stretch``."""
    total = int((stretch * width - 4 * CELL_MARGIN - 2 * SLACK) // EM)
    room = group_room(item, max(total, 2 * MIN_ROOM))
    share = _hundredths(Fraction(room * EM + 2 * CELL_MARGIN + SLACK, width), up=True)
    return min(share, stretch / 2) if total < 2 * MIN_ROOM else share


def _hundredths(value: Fraction, *, up: bool) -> Fraction:
    scaled = value * 100
    down = scaled.numerator // scaled.denominator
    return Fraction(-(-scaled.numerator // scaled.denominator) if up else down, 100)
