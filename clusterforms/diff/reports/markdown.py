"""The Markdown diff report, for pasting into a review or an issue.

Changes are a bullet list per section (tables get unreadable with long
Chinese labels); removed characters are ~~struck through~~ and added ones
**bold**, so the change inside a label is visible in any Markdown viewer.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from clusterforms.diff.messages import Lang, message, word
from clusterforms.diff.model import IMPACTS, Change, SpecDiff
from clusterforms.diff.reports.localise import localise
from clusterforms.diff.reports.text import tally

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


def render_md(d: SpecDiff, *, only: Collection[str] | None = None, lang: Lang = "zh") -> str:
    """The whole report as Markdown; ``only`` limits the listed changes to those classes."""
    counts = d.counts()
    total = message("total_changes", lang, {"total": str(counts["total"])})
    names = {i: word("impact", i, lang) for i in IMPACTS}
    explained = message("explained_sep", lang).join(
        f"*{names[i]}*{f' (`{i}`)' if names[i] != i else ''}: {message(f'explain.{i}', lang)}"
        for i in IMPACTS
    )
    lines = [
        f"# {escape(d.old.id)} → {escape(d.new.id)}",
        "",
        f"**{total}**: {tally(counts, lang)}  ",
        message("explained", lang, {"explained": explained}),
    ]
    if only is not None:
        sep = message("count_sep", lang)
        listed = sep.join(word("impact", i, lang) for i in IMPACTS if i in only)
        lines.append("\n" + message("showing_only_md", lang, {"impacts": listed}))
    if d.label_matching:
        lines.append("\n" + message("label_matching_md", lang, {"threshold": str(d.threshold)}))
    shown = d if only is None else d.only(only)
    for group, title, changes in shown.groups(lang):
        lines.extend(("", f"## {escape(title)} (`{group}`)", ""))
        for change in (localise(c, lang) for c in changes):
            score = ""
            if change.score is not None:
                score = f" ({message('similarity', lang, {'score': f'{change.score:.2f}'})})"
            lines.append(
                f"- **{names[change.impact]}** `{change.subject}` "
                f"{escape(change.summary)} `{change.code}`{score}{_values(change)}"
            )
            lines.extend(f"  - {escape(detail)}" for detail in change.details)
    return "\n".join(lines) + "\n"
