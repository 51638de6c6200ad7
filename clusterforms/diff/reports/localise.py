"""A change as a report shows it in one language: summary, values and details.

A :class:`~clusterforms.diff.model.Change` keeps its English summary and
values for the JSON; this gives every report the same change in the reader's
language.  Values that are codes are shown as words and not diffed character
by character: a flag reads 不需要说明 → 需附情况说明, not ``fals|e → tru|e``,
an item kind 单选, not ``choice``.  Rule texts keep their field ids and
check names (codes), with the few English words among them translated.
"""

from __future__ import annotations

import re

import attrs

from clusterforms.diff.form import years_details
from clusterforms.diff.messages import Lang, message, word
from clusterforms.diff.model import Change
from clusterforms.diff.text import char_segments

#: Attributes whose values are true / false.
_FLAGS = frozenset({"explain", "free_text", "evidence", "required", "open", "numbered", "new_page"})
#: Attributes whose values are one word of a fixed set.
_ENUMS = frozenset({"orientation", "layout", "style"})
_RULE_CODES = frozenset({"rule_added", "rule_removed", "rule_changed"})
_TARGET_RULE_CODES = frozenset({"target_rule_added", "target_rule_removed", "target_rule_changed"})
_CRITERION_CODES = frozenset({"criterion_added", "criterion_removed", "criterion_changed"})
_YEARS = re.compile(r"\((each|last|any)\)")
_COMBINE = re.compile(r"(?<=\)) (all|any) ")


def localise(change: Change, lang: Lang) -> Change:
    """``change`` with its summary, values and details in ``lang``."""
    if not change.message:
        return change
    summary = message(change.message, lang, change.params)
    if change.message == "years_shifted":
        return _years(change, summary, lang)
    old, new = change.old, change.new
    if change.attribute in _FLAGS and {old, new} <= {"true", "false", None}:
        shown = (_flag(change.attribute, old, lang), _flag(change.attribute, new, lang))
        return attrs.evolve(change, summary=summary, old=shown[0], new=shown[1], segments=())
    if change.code == "kind_changed" or change.attribute in _ENUMS:
        prefix = "kind" if change.code == "kind_changed" else "enum"
        old, new = _word(prefix, old, lang), _word(prefix, new, lang)
        return attrs.evolve(change, summary=summary, old=old, new=new, segments=())
    details = change.details
    if lang == "zh":
        old, new = _values_zh(change, old), _values_zh(change, new)
        details = tuple(_values_zh(change, d) or d for d in details)
    segments = change.segments
    if (old, new) != (change.old, change.new) and old is not None and new is not None:
        segments = char_segments(old, new)
    return attrs.evolve(
        change, summary=summary, old=old, new=new, segments=segments, details=details
    )


def _years(change: Change, summary: str, lang: Lang) -> Change:
    params = change.params

    def window(side: str) -> str:
        fields = {k: params[f"{side}_{k}"] for k in ("span", "baseline", "target")}
        if fields["span"] == "none":
            fields["span"] = message("years_shifted.none", lang)
        return message("years_shifted.window", lang, fields)

    old, new = window("old"), window("new")
    return attrs.evolve(
        change,
        summary=summary,
        old=old,
        new=new,
        segments=char_segments(old, new),
        details=years_details(params, lang),
    )


def _flag(attribute: str, value: str | None, lang: Lang) -> str | None:
    if value is None:
        return None
    own = word(f"flag.{attribute}", value, lang)
    return own if own != value else word("flag", value, lang)


def _word(prefix: str, value: str | None, lang: Lang) -> str | None:
    return None if value is None else word(prefix, value, lang)


def _values_zh(change: Change, text: str | None) -> str | None:
    """The English words inside a value (item kinds, rule words) in Chinese."""
    if text is None:
        return None
    kind = change.params.get("kind")
    if kind is not None and text.startswith(f"[{kind}]"):
        return f"[{word('kind', kind, 'zh')}]" + text[len(kind) + 2 :]
    if change.code in _RULE_CODES:
        text = text.replace(" per year", " " + word("enum", "per_year", "zh"))
        return text.replace(" [warning]", f" [{word('enum', 'warning', 'zh')}]")
    if change.code in _TARGET_RULE_CODES:
        return text.replace(", warning]", f", {word('enum', 'warning', 'zh')}]")
    if change.code in _CRITERION_CODES:
        text = _YEARS.sub(lambda m: f"({word('enum', m.group(1), 'zh')})", text)
        return _COMBINE.sub(lambda m: f" {word('combine', m.group(1), 'zh')} ", text)
    return text
