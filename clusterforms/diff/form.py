"""Comparing what surrounds the sections: metadata, the year window, cover, 填报说明.

The year window gets one entry of its own.  Year labels, the target table's
headers and the stage labels are generated from the spec's years, so moving
the window changes no item; texts that only move their years with it are
listed under that one entry rather than again on their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from difflib import SequenceMatcher

from clusterforms.diff.attributes import Attribute, alike, compare_attributes
from clusterforms.diff.collect import Collector
from clusterforms.diff.keyed import Event, Reordered, compare_keyed
from clusterforms.diff.messages import Lang
from clusterforms.diff.messages import message as render
from clusterforms.diff.model import Change
from clusterforms.diff.text import char_segments, ratio, shift_years
from clusterforms.model.spec import Cover, FormSpec

#: Spec fields listed as plain metadata.
_METADATA = alike(
    "metadata_changed", ("id", "title", "issuer", "region", "source", "instructions_title")
)
_DECLARATION_YEAR = (
    Attribute("declaration_year", "metadata_changed", "metadata_changed.declaration_year"),
)
_COVER = alike("cover_changed", ("heading", "title", "issuer_line"))
_COVER_LINE = alike("cover_line_changed", ("label", "suffixes", "hint"))
#: Below this similarity two paragraphs at the same place count as replaced, not edited.
_EDITED = 0.4


def own_years(spec: FormSpec) -> frozenset[int]:
    """The years a spec's texts may mention because of its window: data, plan, declaration."""
    return frozenset(
        (*spec.data_years, *spec.plan_years, spec.baseline_year, spec.declaration_year)
    )


def year_delta(old: FormSpec, new: FormSpec) -> int | None:
    """The one shift that moves every year of ``old`` onto ``new``, if there is one."""
    delta = new.baseline_year - old.baseline_year
    same_shape = len(old.data_years) == len(new.data_years)
    if (
        delta == 0
        or not same_shape
        or any(n - o != delta for o, n in zip(old.data_years, new.data_years, strict=True))
        or new.target_year - old.target_year != delta
    ):
        return None
    return delta


def window_params(spec: FormSpec) -> dict[str, str]:
    """The fields of ``years_shifted.window`` for ``spec`` (an empty span is ``none``)."""
    years = spec.data_years
    return {
        "span": f"{years[0]}–{years[-1]}" if years else "none",
        "baseline": str(spec.baseline_year),
        "target": str(spec.target_year),
    }


def _window_moved(old: FormSpec, new: FormSpec) -> bool:
    return (old.data_years, old.baseline_year, old.target_year) != (
        new.data_years,
        new.baseline_year,
        new.target_year,
    )


def years_change(old: FormSpec, new: FormSpec, shifted: list[str]) -> Change | None:
    """The single entry for a moved year window (and declaration year), or None.

    Its ``params`` hold what the report needs to say it in either language:
    both windows (``old_span`` …), both declaration years, the shifted texts.
    """
    if not _window_moved(old, new):
        return None
    params = {f"old_{k}": v for k, v in window_params(old).items()}
    params.update((f"new_{k}", v) for k, v in window_params(new).items())
    params.update(
        declared_old=str(old.declaration_year),
        declared_new=str(new.declaration_year),
        shifted=", ".join(shifted),
    )
    old_text = render("years_shifted.window", "en", window_params(old))
    new_text = render("years_shifted.window", "en", window_params(new))
    return Change(
        code="years_shifted",
        impact="breaking",
        group="#form",
        subject="data_years",
        summary=render("years_shifted", "en"),
        old=old_text,
        new=new_text,
        segments=char_segments(old_text, new_text),
        details=years_details(params, "en"),
        message="years_shifted",
        params=params,
    )


def years_details(params: Mapping[str, str], lang: Lang) -> tuple[str, ...]:
    """The lines under the year shift: the declaration year, the texts that only moved."""
    details = []
    if params["declared_old"] != params["declared_new"]:
        old, new = params["declared_old"], params["declared_new"]
        details.append(render("years_shifted.declaration", lang, {"old": old, "new": new}))
    if params["shifted"]:
        subjects = {"subjects": params["shifted"]}
        details.append(render("years_shifted.texts", lang, subjects))
    return tuple(details)


def compare_metadata(c: Collector, old: FormSpec, new: FormSpec) -> None:
    """Record changed metadata; the declaration year only when the window did not move."""
    compare_attributes(c, old, new, _METADATA, group="#form", subject=lambda name: name)
    if not _window_moved(old, new):
        compare_attributes(
            c, old, new, _DECLARATION_YEAR, group="#form", subject="declaration_year"
        )


def compare_cover(c: Collector, old: Cover, new: Cover) -> None:
    """Record changes to the cover page; its lines are fields of the application."""
    compare_attributes(c, old, new, _COVER, group="#cover", subject=lambda name: f"cover.{name}")
    compare_keyed(
        c,
        old.lines,
        new.lines,
        group="#cover",
        shown=lambda line: line.label,
        removed=Event("cover_line_removed", "breaking", "cover_line_removed"),
        added=Event("cover_line_added", "breaking", "cover_line_added"),
        compare=lambda before, after: compare_attributes(
            c, before, after, _COVER_LINE, group="#cover", subject=after.id
        ),
        reordered=Reordered("cover_lines_reordered", "cover.lines", "cover_lines_reordered"),
    )


def compare_paragraphs(  # noqa: PLR0913 - two lists and how to name what changed
    c: Collector,
    group: str,
    old: tuple[str, ...],
    new: tuple[str, ...],
    *,
    subject: Callable[[int], str],
    code: str,
) -> None:
    """Record paragraphs added, removed and edited (``code`` + ``_added`` …).

    ``subject(n)`` names paragraph ``n`` (1-based, as the form numbers them).
    Paragraphs that only moved their years are aligned as equal.
    """
    present = set(new)
    keys = [p if p in present else shift_years(p, c.delta or 0, c.years) for p in old]
    matcher = SequenceMatcher(None, keys, list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                if old[i1 + k] != new[j1 + k]:
                    c.shifted.append(subject(j1 + k + 1))
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        while olds and news and ratio(old[olds[0]], new[news[0]]) >= _EDITED:
            i, j = olds.pop(0), news.pop(0)
            c.add(
                f"{code}_changed",
                "wording",
                group,
                subject(j + 1),
                "paragraph_changed",
                old=old[i],
                new=new[j],
            )
        for i in olds:
            c.add(
                f"{code}_removed", "wording", group, subject(i + 1), "paragraph_removed", old=old[i]
            )
        for j in news:
            c.add(f"{code}_added", "wording", group, subject(j + 1), "paragraph_added", new=new[j])


def compare_instructions(c: Collector, old: FormSpec, new: FormSpec) -> None:
    """Record changes to the 填报说明 paragraphs."""
    compare_paragraphs(
        c,
        "#instructions",
        old.instructions,
        new.instructions,
        subject=lambda n: f"instructions[{n}]",
        code="instruction",
    )
