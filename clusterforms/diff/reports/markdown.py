"""The Markdown diff report, for pasting into a review or an issue.

Changes are a bullet list per section (tables get unreadable with long
Chinese labels); removed characters are ~~struck through~~ and added ones
**bold**, so the change inside a label is visible in any Markdown viewer.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from clusterforms.diff.model import IMPACTS, Change, SpecDiff

_SPECIAL = re.compile(r"([\\`*_~\[\]|#<>])")
_SHORT = 40


def escape(text: str) -> str:
    """Text safe inside Markdown: specials escaped, line breaks as ``<br>``."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def _inline(change: Change) -> str:
    out = []
    for seg in change.segments:
        if seg.op == "equal":
            out.append(escape(seg.old))
            continue
        if seg.old:
            out.append(f"~~{escape(seg.old)}~~")
        if seg.new:
            out.append(f"**{escape(seg.new)}**")
    return "".join(out)


def _values(change: Change) -> str:
    old, new = change.old, change.new
    if old is None and new is None:
        return ""
    if old is None:
        return f": **{escape(new or '')}**"
    if new is None:
        return f": ~~{escape(old)}~~"
    if len(old) <= _SHORT and len(new) <= _SHORT and "\n" not in old + new:
        return f": {escape(old)} → {escape(new)}"
    return f": {_inline(change)}"


def render_md(d: SpecDiff, *, only: Collection[str] | None = None) -> str:
    """The whole report as Markdown; ``only`` limits the listed changes to those classes."""
    counts = d.counts()
    lines = [
        f"# {escape(d.old.id)} → {escape(d.new.id)}",
        "",
        f"**{counts['total']} changes**: " + " · ".join(f"{counts[i]} {i}" for i in IMPACTS) + "  ",
        (
            "*breaking*: data filled in for the old form cannot be carried over as is; "
            "*additive*: the new form asks for or accepts more; *wording*: text and layout only."
        ),
    ]
    if only is not None:
        lines.append(f"\nShowing {', '.join(i for i in IMPACTS if i in only)} changes only.")
    if d.label_matching:
        lines.append(
            f"\nIds did not line up: items were also paired by label (threshold {d.threshold})."
        )
    shown = d if only is None else d.only(only)
    for group, title, changes in shown.groups():
        lines.extend(("", f"## {escape(title)} (`{group}`)", ""))
        for change in changes:
            score = f" (label similarity {change.score:.2f})" if change.score is not None else ""
            lines.append(
                f"- **{change.impact}** `{change.subject}` {escape(change.summary)}{score}"
                f"{_values(change)}"
            )
            lines.extend(f"  - {escape(detail)}" for detail in change.details)
    return "\n".join(lines) + "\n"
