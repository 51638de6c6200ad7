"""The plain-text diff report: counts first, then changes grouped by section.

Colour (ANSI) is for terminals only; the caller decides (``color=True``
when stdout is a tty and ``NO_COLOR`` is unset).  Without colour, changed
characters are marked wdiff-style: ``[-removed-]{+added+}``.
"""

from __future__ import annotations

from collections.abc import Collection

from clusterforms.diff.model import IMPACTS, Change, SpecDiff

MARKS = {"breaking": "!", "additive": "+", "wording": "~"}
_COLOURS = {"breaking": "31", "additive": "32", "wording": "33"}
_SHORT = 40


def summary_line(d: SpecDiff) -> str:
    """``a → b: N changes — x breaking, y additive, z wording``."""
    counts = d.counts()
    parts = ", ".join(f"{counts[i]} {i}" for i in IMPACTS)
    return f"{d.old.id} → {d.new.id}: {counts['total']} changes — {parts}"


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and text else text


def inline_diff(change: Change, color: bool) -> str:
    """Old and new text in one run, the changed characters marked or coloured."""
    out = []
    for seg in change.segments:
        if seg.op == "equal":
            out.append(seg.old)
            continue
        if seg.old:
            out.append(_paint(seg.old, "9;31", color) if color else f"[-{seg.old}-]")
        if seg.new:
            out.append(_paint(seg.new, "4;32", color) if color else f"{{+{seg.new}+}}")
    return "".join(out)


def values_text(change: Change, color: bool = False) -> str:
    """The old and new values of a change, as short as reads well."""
    old, new = change.old, change.new
    if old is None and new is None:
        return ""
    if old is None:
        return f"+ {new}"
    if new is None:
        return f"- {old}"
    short = len(old) <= _SHORT and len(new) <= _SHORT and "\n" not in old + new
    return f"{old} → {new}" if short else inline_diff(change, color)


def render_text(d: SpecDiff, *, color: bool = False, only: Collection[str] | None = None) -> str:
    """The whole report as text; ``only`` limits the listed changes to those classes."""
    lines = [
        summary_line(d),
        "(! breaking: old data cannot carry over as is · + additive · ~ wording)",
    ]
    if d.label_matching:
        lines.append(
            f"(ids did not line up: items were also paired by label, threshold {d.threshold})"
        )
    if only is not None:
        lines.append(f"(showing {', '.join(i for i in IMPACTS if i in only)} only)")
    shown = d if only is None else d.only(only)
    for group, title, changes in shown.groups():
        counts = {i: sum(1 for c in changes if c.impact == i) for i in IMPACTS}
        tally = ", ".join(f"{n} {i}" for i, n in counts.items() if n)
        lines.extend(("", _paint(f"{title} [{group}]", "1", color) + f"  ({tally})"))
        lines.extend(_change_lines(change, color) for change in changes)
    return "\n".join(lines) + "\n"


def _change_lines(change: Change, color: bool) -> str:
    mark = _paint(MARKS[change.impact], _COLOURS[change.impact], color)
    head = f"  {mark} {change.subject}  {change.summary}"
    if change.score is not None:
        head += f" (label similarity {change.score:.2f})"
    values = values_text(change, color)
    out = [f"{head}: {values}" if values and "\n" not in values else head]
    if values and "\n" in values:
        out.extend(f"      {line}" for line in values.splitlines())
    out.extend(f"      · {detail}" for detail in change.details)
    return "\n".join(out)
