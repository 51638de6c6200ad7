"""Label columns sized from the labels they hold.

Table text wraps character by character, so a label's printed lines follow
from its width in ems (a CJK character is one em, ASCII about half).  A
part's label column is the narrowest, within limits that leave the value
columns their room, in which its labels print best: each at most two lines,
none with a last line holding one or two characters (有效发明专/利,
…降低率（%/值）); a group splits that column between its own label and
its rows'.
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
#: Rounding and font metrics: a column holds a character less when it has
#: less than this to spare (twips).
GUARD = EM // 10
#: The narrowest column a group's rows keep for their labels.
MIN_ROW_LABEL = Fraction(8, 100)


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


def room_of(twips: int | Fraction) -> int:
    """How many ems of table text a cell ``twips`` wide holds on a line."""
    return int((twips - 2 * CELL_MARGIN - GUARD) // EM)


def label_text(item: Item) -> str | None:
    """The text an item prints in the label column, or None when it spans the table."""
    if item.kind in {"static", "targets", "stages", "signoff", "roster", "group"}:
        return None
    if isinstance(item, NarrativeItem) and (item.outline or item.layout == "heading"):
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


def _misfit(text: str, room: int) -> int:
    """How badly ``text`` prints in ``room`` ems: 3 for each line past two, 1 for each orphan."""
    over = sum(max(0, line_count(line, room) - 2) for line in text.split("\n"))
    return 3 * over + orphans(text, room)


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


def _group_misfit(item: GroupItem, stretch: Fraction, width: int) -> int:
    """How badly the group prints in ``stretch`` of the table (see :func:`_misfit`)."""
    children = [text for child in item.items if (text := _child_text(child))]
    share = group_share(item, stretch, width)
    room, rest = room_of(share * width), room_of((stretch - share) * width)
    beside = sum(max(2, line_count(text, rest)) for text in children)
    taller = max(0, line_count(item.label, room) - beside)
    return 3 * taller + orphans(item.label, room) + sum(_misfit(text, rest) for text in children)


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
    """Where a part's value columns start: room for its labels, within the limits.

    One width serves every label of the part, so the narrowest column in
    which each label alone fits is not enough (a label fitting 7 ems may
    leave an orphan in 12): the column is the narrowest in which the most
    labels fit, the groups measured as :func:`group_share` will cut them.
    """
    cap = MAX_SPLIT
    values = _value_share(items, years)
    if values:
        cap = max(MIN_SPLIT, min(cap, 1 - values / width))
    cap = _hundredths(cap, up=False)
    texts = [text for item in items if (text := label_text(item)) is not None]
    groups = [item for item in items if isinstance(item, GroupItem)]
    best: tuple[int, Fraction] | None = None
    share = MIN_SPLIT
    while share <= cap:
        room = room_of(share * width)
        misses = sum(_misfit(text, room) for text in texts) + sum(
            _group_misfit(group, share, width) for group in groups
        )
        if best is None or misses < best[0]:
            best = (misses, share)
        if not misses:
            break
        share += Fraction(1, 100)
    return best[1] if best else cap


def group_share(item: GroupItem, stretch: Fraction, width: int) -> Fraction:
    """The share of the table a group's own label column takes out of ``stretch``.

    Its rows keep at least :data:`MIN_ROW_LABEL` (or half the stretch).
    """
    total = room_of(stretch * width) - 1  # two cells' margins instead of one
    room = group_room(item, max(total, 2 * MIN_ROOM))
    share = _hundredths(Fraction(room * EM + 2 * CELL_MARGIN + GUARD, width), up=True)
    return min(share, max(stretch - MIN_ROW_LABEL, stretch / 2))


def _hundredths(value: Fraction, *, up: bool) -> Fraction:
    scaled = value * 100
    down = scaled.numerator // scaled.denominator
    return Fraction(-(-scaled.numerator // scaled.denominator) if up else down, 100)
