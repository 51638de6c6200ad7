"""Collecting changes while two specs are compared.

One place decides how a text change is recorded, so every comparison gets
the same treatment: a character-level diff, and text that differs only
because the form's years moved (截止到2022年底 → 截止到2024年底) is folded
into the single year-shift entry instead of being listed again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from clusterforms.diff.messages import message as render
from clusterforms.diff.model import Change, Impact
from clusterforms.diff.text import char_segments, only_years_moved

_RANK: dict[Impact, int] = {"wording": 0, "additive": 1, "breaking": 2}


def worst(impacts: Sequence[Impact]) -> Impact:
    """The most serious of ``impacts`` (``wording`` for none)."""
    return max(impacts, key=_RANK.__getitem__, default="wording")


def show(value: object) -> str | None:
    """A property's value as display text: tuples one per line, None as None."""
    if value is None:
        return None
    if isinstance(value, tuple | list):
        return " / ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Collector:
    """The changes found so far, and the texts that only moved their years.

    ``delta`` is the form's year shift when one consistent shift exists, and
    ``years`` the old form's own years (data, baseline, target, declaration)
    that such a shift moves in its texts.
    """

    def __init__(self, delta: int | None, years: frozenset[int] = frozenset()) -> None:
        self.delta = delta
        self.years = years
        self.changes: list[Change] = []
        self.shifted: list[str] = []

    def add(  # noqa: PLR0913 - mirrors the fields of a Change
        self,
        code: str,
        impact: Impact,
        group: str,
        subject: str,
        message: str,
        *,
        params: Mapping[str, str] | None = None,
        attribute: str | None = None,
        old: object = None,
        new: object = None,
        score: float | None = None,
        details: tuple[str, ...] = (),
    ) -> None:
        """Record a change; ``old`` / ``new`` are shown as text, diffed per character.

        ``message`` is the change's code in the catalogue, ``params`` its fields.

        A wording change whose new text is the old one with its years moved by
        the form's shift is not recorded but noted in :attr:`shifted`.
        """
        old_text, new_text = show(old), show(new)
        if (
            impact == "wording"
            and score is None
            and old_text is not None
            and new_text is not None
            and only_years_moved(old_text, new_text, self.delta, self.years)
        ):
            self.shifted.append(subject if attribute is None else f"{subject} {attribute}")
            return
        segments = (
            char_segments(old_text, new_text)
            if old_text is not None and new_text is not None
            else ()
        )
        self.changes.append(
            Change(
                code=code,
                impact=impact,
                group=group,
                subject=subject,
                summary=render(message, "en", params),
                attribute=attribute,
                old=old_text,
                new=new_text,
                segments=segments,
                score=score,
                details=details,
                message=message,
                params=dict(params or {}),
            )
        )


def moved_ids(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """The ids of ``new`` outside the longest run kept in the same order as in ``old``.

    Both sequences hold the same ids; the ones returned are those a reader
    would say "moved" rather than the ones that merely shifted along.
    """
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    kept = {old[b.a + k] for b in matcher.get_matching_blocks() for k in range(b.size)}
    return [i for i in new if i not in kept]
