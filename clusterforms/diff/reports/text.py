"""The plain-text diff report: counts first, then changes grouped by section.

Colour (ANSI) is for terminals only; the caller decides (``color=True``
when stdout is a tty and ``NO_COLOR`` is unset).  Without colour, changed
characters are marked wdiff-style: ``[-removed-]{+added+}``.  Words come
from the catalogue in the reader's language; each change's code is shown
beside its words.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from clusterforms.diff.messages import Lang, message, word
from clusterforms.diff.model import IMPACTS, Change, SpecDiff
from clusterforms.diff.reports.localise import localise

MARKS = {"breaking": "!", "additive": "+", "wording": "~"}
_COLOURS = {"breaking": "31", "additive": "32", "wording": "33"}
_SHORT = 40


def tally(counts: Mapping[str, int], lang: Lang, *, all_classes: bool = True) -> str:
    """``43 breaking, 10 additive`` (``不兼容 43，新增 10``); zeros only with ``all_classes``."""
    parts = [
        message("count", lang, {"impact": word("impact", i, lang), "n": str(counts[i])})
        for i in IMPACTS
        if all_classes or counts[i]
    ]
    return message("count_sep", lang).join(parts)


def summary_line(d: SpecDiff, lang: Lang = "zh") -> str:
    """``a → b: N changes — x breaking, y additive, z wording``."""
    counts = d.counts()
    fields = {"old": d.old.id, "new": d.new.id, "total": str(counts["total"])}
    return message("summary", lang, {**fields, "counts": tally(counts, lang)})


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


def render_text(
    d: SpecDiff, *, color: bool = False, only: Collection[str] | None = None, lang: Lang = "zh"
) -> str:
    """The whole report as text; ``only`` limits the listed changes to those classes."""
    lines = [summary_line(d, lang), message("legend", lang)]
    if d.label_matching:
        lines.append(message("label_matching", lang, {"threshold": str(d.threshold)}))
    if only is not None:
        sep = message("count_sep", lang)
        listed = sep.join(word("impact", i, lang) for i in IMPACTS if i in only)
        lines.append(message("showing_only", lang, {"impacts": listed}))
    shown = d if only is None else d.only(only)
    for group, title, changes in shown.groups(lang):
        counts: dict[str, int] = {i: sum(1 for c in changes if c.impact == i) for i in IMPACTS}
        head = _paint(f"{title} [{group}]", "1", color)
        lines.extend(("", f"{head}  ({tally(counts, lang, all_classes=False)})"))
        lines.extend(_change_lines(localise(change, lang), color, lang) for change in changes)
    return "\n".join(lines) + "\n"


def _change_lines(change: Change, color: bool, lang: Lang) -> str:
    mark = _paint(MARKS[change.impact], _COLOURS[change.impact], color)
    head = f"  {mark} {change.subject}  {change.summary} [{change.code}]"
    if change.score is not None:
        score = message("similarity", lang, {"score": f"{change.score:.2f}"})
        head += f" ({score})"
    values = values_text(change, color)
    out = [f"{head}: {values}" if values and "\n" not in values else head]
    if values and "\n" in values:
        out.extend(f"      {line}" for line in values.splitlines())
    out.extend(f"      · {detail}" for detail in change.details)
    return "\n".join(out)
