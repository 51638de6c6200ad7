"""The boxes of a choice or checklist: which are ticked, and what is written after them.

A person ticks □是 by typing ☑ ■ √ ✓ ✔ ☒ over the box or just before it
(√□是), by inserting a Wingdings symbol, or by typing a mark after the
option's words (□是 ✓ □否) or on a line of its own.  The first two are
certain.  A mark standing apart is a guess: read with the option on its
left on the same line, or else with the option below it, and reported with
both candidates.  Words written after an option (其他：…, 是（需附情况说明）：…)
are its text, up to the next box on the line; ``（佐证材料：A1、A2）`` at the end
names its evidence, as our renderer prints it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from clusterforms import Option
from clusterforms_renderers.docx.reading._text import (
    MARKS,
    TICKS,
    Spans,
    clean_lines,
    find_all,
    is_filler,
    norm,
    typed_pieces,
)

_EVIDENCE: Final = re.compile(r"[（(]\s*佐证材料\s*[：:]\s*([^（）()]*?)\s*[）)]\s*$")
_LEADING: Final = " \t\u3000：:_＿\u200b"
_NO_MARKS: Final[dict[int, None]] = dict.fromkeys(map(ord, MARKS))
#: One tick mark, looked for in C.
_TICK: Final = re.compile("[" + re.escape("".join(sorted(TICKS))) + "]")


@attrs.frozen
class Box:
    """One option as the document shows it.

    ``at`` is the option's label's offset in the region's text; ``ticked``
    whether it is marked; ``doubt`` the options the mark may as well belong
    to when it stands apart (empty when certain); ``mark`` the mark read.
    """

    option: Option
    at: int
    ticked: bool
    doubt: tuple[str, ...] = ()
    text: str = ""
    evidence: tuple[str, ...] = ()


@attrs.frozen
class Boxes:
    """The options found in a region, and what was typed there that belongs to none of them."""

    boxes: tuple[Box, ...]
    missing: tuple[Option, ...]
    leftover: tuple[str, ...]


def _find_label(spans: Spans, label: str, start: int) -> tuple[int, int] | None:
    """Where ``label`` stands from ``start`` on, preferring an occurrence right after a box."""
    normal = spans.normal
    needle = norm(label)
    if not needle:
        return None
    starts = find_all(normal[start:], needle)
    if not starts:
        return None
    boxed = [s for s in starts if s + start > 0 and normal[s + start - 1] in MARKS]
    first = (boxed or starts)[0] + start
    return first, first + len(needle)


def _adjacent(spans: Spans, a: int, b: int) -> bool:
    """Whether normal positions ``a`` and ``b`` were side by side in the original text."""
    return spans.index[b] == spans.index[a] + 1


def read_boxes(text: str, options: Sequence[Option], printed: Sequence[str] = ()) -> Boxes:
    """The options of ``text`` (a region of option lines), in the order of ``options``."""
    spans = Spans(text)
    normal = spans.normal
    found: list[tuple[Option, int, int, int, bool]] = []  # option, box start, start, end, ticked
    missing: list[Option] = []
    position = 0
    for option in options:
        span = _find_label(spans, option.label, position)
        if span is None:
            missing.append(option)
            continue
        start, end = span
        box, ticked = start, False
        if start > position and normal[start - 1] in MARKS:
            box = start - 1
            ticked = normal[box] in TICKS
            if (
                not ticked
                and box - 1 >= position
                and normal[box - 1] in TICKS
                and _adjacent(spans, box - 1, box)
            ):
                box, ticked = box - 1, True
        found.append((option, box, start, end, ticked))
        position = end
    strays = _strays(spans, found)
    used: list[tuple[int, int]] = [(spans.index[at], spans.index[at] + 1) for at, _ in strays]
    results: list[Box] = []
    for n, (option, box, start, _end, marked) in enumerate(found):
        ticked, doubt = marked, tuple[str, ...]()
        for owner, candidates in (stray for _, stray in strays):
            if owner == n:
                ticked, doubt = True, candidates
        tail_start, tail = _tail(spans, text, found, n)
        used.append((spans.index[box], tail_start + len(tail)))
        written, evidence = _written(tail, printed)
        if written and not ticked:
            ticked, doubt = True, (option.id,)
        results.append(
            Box(
                option=option,
                at=spans.index[start],
                ticked=ticked,
                doubt=doubt,
                text=written,
                evidence=evidence,
            )
        )
    rest = _unused(text, used)
    leftover = tuple(typed_pieces(rest, printed=printed))
    return Boxes(tuple(results), tuple(missing), leftover)


def _unused(text: str, used: list[tuple[int, int]]) -> str:
    """``text`` without the ``used`` stretches (each replaced by a line break)."""
    pieces, at = [], 0
    for start, end in sorted(used):
        if start > at:
            pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return "\n".join(pieces)


def _strays(
    spans: Spans, found: Sequence[tuple[Option, int, int, int, bool]]
) -> list[tuple[int, tuple[int, tuple[str, ...]]]]:
    """Marks standing apart from any box: (where, (the option they go with, the candidates))."""
    normal, text = spans.normal, spans.text
    out: list[tuple[int, tuple[int, tuple[str, ...]]]] = []
    for n in range(len(found) + 1):
        lo = found[n - 1][3] if n else 0
        hi = found[n][1] if n < len(found) else len(normal)
        for mark in _TICK.finditer(normal, lo, hi):
            at = mark.start()
            spot = spans.index[at]
            previous = n - 1 if n else None
            following = n if n < len(found) else None
            same_line = previous is not None and "\n" not in text[spans.index[lo - 1] : spot]
            owner = previous if (same_line or following is None) else following
            if owner is None:
                continue
            ids = tuple(
                found[k][0].id
                for k in (owner, following if owner == previous else previous)
                if k is not None
            )
            out.append((at, (owner, tuple(dict.fromkeys(ids)))))
    return out


def _tail(
    spans: Spans, text: str, found: Sequence[tuple[Option, int, int, int, bool]], n: int
) -> tuple[int, str]:
    """Where option ``n``'s label ends, and what follows it on its line up to the next box."""
    end = spans.index[found[n][3] - 1] + 1
    stop = spans.index[found[n + 1][1]] if n + 1 < len(found) else len(text)
    tail = text[end:stop]
    newline = tail.find("\n")
    return end, tail if newline < 0 else tail[:newline]


def _written(tail: str, printed: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The text typed after an option, and the evidence it cites."""
    words = tail.translate(_NO_MARKS)
    evidence: tuple[str, ...] = ()
    match = _EVIDENCE.search(words)
    if match is not None:
        evidence = tuple(e.strip() for e in match.group(1).split("、") if e.strip())
        words = words[: match.start()]
    if is_filler(words):  # nothing typed (the usual case): no piece of it would be kept
        return "", evidence
    pieces = typed_pieces(words, printed=printed)
    written = clean_lines("\n".join(p.lstrip(_LEADING) for p in pieces))
    return written, evidence
