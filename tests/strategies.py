"""Hypothesis strategies for specs: every item kind, nested groups, unique ids."""

from __future__ import annotations

from itertools import count

from hypothesis import strategies as st

import clusterforms as cf

labels = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12
)
notes = st.lists(labels, max_size=2).map(tuple)
decimals = st.decimals(
    min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False
)
option_ids = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)


@st.composite
def option_tuples(draw: st.DrawFn, min_size: int = 1) -> tuple[cf.Option, ...]:
    ids = draw(st.lists(option_ids, min_size=min_size, max_size=5, unique=True))
    return tuple(
        cf.Option(
            id=i,
            label=draw(labels),
            free_text=draw(st.booleans()),
            explain=draw(st.booleans()),
            evidence=draw(st.none() | st.booleans()),
        )
        for i in ids
    )


@st.composite
def items(draw: st.DrawFn, ids: count[int], depth: int = 0) -> cf.Item:
    def new_id() -> str:
        return f"x.i{next(ids)}"

    kinds = [
        "text",
        "narrative",
        "pair",
        "number",
        "count",
        "choice",
        "checklist",
        "yearly",
        "standards",
        "named_count",
        "counts",
        "year_header",
        "static",
        "targets",
        "stages",
        "signoff",
        "roster",
    ]
    if depth < 2:
        kinds.append("group")
    kind = draw(st.sampled_from(kinds))
    label = draw(labels)
    if kind == "text":
        return cf.TextItem(
            id=new_id(),
            label=label,
            hint=draw(st.none() | labels),
            max_chars=draw(st.none() | st.integers(1, 3000)),
            notes=draw(notes),
        )
    if kind == "narrative":
        return cf.NarrativeItem(
            id=new_id(),
            label=label,
            max_chars=draw(st.none() | st.integers(1, 3000)),
            prompt=draw(st.none() | labels),
            outline=draw(notes),
        )
    if kind == "pair":
        return cf.PairItem(
            id=new_id(),
            fields=(
                cf.TextItem(id=new_id(), label=label),
                cf.TextItem(id=new_id(), label=draw(labels)),
            ),
        )
    if kind == "number":
        return cf.NumberItem(
            id=new_id(),
            label=label,
            unit=draw(st.none() | labels),
            decimals=draw(st.integers(0, 4)),
            minimum=draw(st.none() | decimals),
            maximum=draw(st.none() | decimals),
            required=draw(st.booleans()),
        )
    if kind == "count":
        return cf.CountItem(id=new_id(), label=label, unit=draw(st.none() | st.just("个")))
    if kind == "choice":
        return cf.ChoiceItem(
            id=new_id(),
            label=label,
            options=draw(option_tuples()),
            layout=draw(st.sampled_from(["vertical", "inline", "grid"])),
        )
    if kind == "checklist":
        return cf.ChecklistItem(
            id=new_id(),
            label=label,
            options=draw(option_tuples()),
            lead=draw(st.none() | labels),
            evidence=draw(st.booleans()),
        )
    if kind == "yearly":
        summary = draw(st.none() | st.just(cf.NumberItem(id=new_id(), label=label, unit="%")))
        return cf.YearlyItem(
            id=new_id(),
            label=label,
            value=draw(st.sampled_from(["number", "count"])),
            layout=draw(st.sampled_from(["columns", "header", "rows"])),
            summary=summary,
        )
    if kind == "standards":
        return cf.StandardsItem(
            id=new_id(), label=label, categories=draw(option_tuples()), roles=draw(option_tuples())
        )
    if kind == "named_count":
        return cf.NamedCountItem(id=new_id(), label=label, notes=draw(notes))
    if kind == "counts":
        return cf.CountsItem(id=new_id(), label=label, parts=draw(option_tuples()))
    if kind == "year_header":
        return cf.YearHeaderItem(id=new_id(), label=label)
    if kind == "static":
        return cf.StaticItem(
            id=new_id(), lines=draw(notes), style=draw(st.sampled_from(["heading", "note"]))
        )
    if kind == "targets":
        row = cf.TargetRow(id=new_id(), indicator=label, unit=draw(st.none() | st.just("%")))
        rule = cf.TargetRule(
            id=new_id(),
            text=draw(labels),
            row=row.id,
            check="min_growth",
            threshold=draw(decimals),
            severity=draw(st.sampled_from(["error", "warning"])),
        )
        direction = cf.TargetDirection(
            id=new_id(), label=draw(labels), rows=(row,), open=draw(st.booleans())
        )
        return cf.TargetsItem(id=new_id(), label=label, directions=(direction,), rules=(rule,))
    if kind == "stages":
        return cf.StagesItem(id=new_id(), label=label)
    if kind == "signoff":
        return cf.SignoffItem(
            id=new_id(),
            title=label,
            text=draw(st.none() | labels),
            lines=draw(notes),
            opinion=draw(st.booleans()),
        )
    if kind == "roster":
        column_ids = draw(st.lists(option_ids, min_size=1, max_size=4, unique=True))
        columns = tuple(
            cf.RosterColumn(
                id=column_id,
                label=draw(labels),
                max_chars=draw(st.none() | st.integers(1, 300)),
                prompt=draw(st.none() | labels),
                numbered=draw(st.booleans()),
            )
            for column_id in column_ids
        )
        return cf.RosterItem(
            id=new_id(),
            label=draw(st.just("") | labels),
            columns=columns,
            rows=draw(st.integers(0, 3)),
            required=draw(st.booleans()),
            notes=draw(notes),
        )
    children = tuple(draw(st.lists(items(ids, depth + 1), min_size=1, max_size=3)))
    return cf.GroupItem(id=new_id(), label=label, items=children, notes=draw(notes))


@st.composite
def specs(draw: st.DrawFn) -> cf.FormSpec:
    """A valid spec of any shape (ids unique, years increasing)."""
    ids = count()
    first = draw(st.integers(2000, 2090))
    sections = tuple(
        cf.Section(
            id=f"s{n}",
            title=draw(labels),
            items=tuple(draw(st.lists(items(ids), min_size=1, max_size=4))),
            new_page=draw(st.booleans()),
            heading=draw(st.none() | labels),
            orientation=draw(st.sampled_from(["portrait", "landscape"])),
        )
        for n in range(draw(st.integers(1, 3)))
    )
    cover = cf.Cover(
        title=draw(st.none() | labels),
        lines=(
            cf.CoverLine(
                id="cover.name",
                label=draw(labels),
                suffixes=draw(notes),
                hint=draw(st.none() | labels),
            ),
        ),
    )
    if draw(st.integers(0, 4)) == 0:  # no cover page (the 汇总表)
        cover = cf.Cover()
    appendix = cf.Appendix(
        id="appendix",
        title=draw(labels),
        paragraphs=draw(notes),
        table=cf.Roster(
            columns=(cf.RosterColumn(id="appendix.col", label=draw(labels), max_chars=300),)
        ),
        orientation=draw(st.sampled_from(["portrait", "landscape"])),
    )
    return cf.FormSpec(
        id="generated",
        title=draw(labels),
        issuer=draw(labels),
        region=draw(labels),
        declaration_year=first + 3,
        data_years=(first, first + 1, first + 2),
        baseline_year=first + 2,
        target_year=first + 5,
        cover=cover,
        instructions=draw(notes) if cover.lines or draw(st.booleans()) else (),
        sections=sections,
        appendices=draw(st.sampled_from([(), (appendix,)])),
    )


# ---------------------------------------------------------------- number cells

#: Decimals within the bounds of a number cell (18 digits before the point, 12 after).
bounded_decimals = st.integers(0, 12).flatmap(
    lambda places: st.decimals(
        min_value=-(10**18) + 1,
        max_value=10**18 - 1,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )
)
_FULL_WIDTH = str.maketrans("0123456789.+-,", "０１２３４５６７８９．＋－，")


def _grouped(plain: str) -> str:
    """``plain`` with thousands separators in groups of three (``-1234.5`` → ``-1,234.5``)."""
    sign = plain[0] if plain[0] in "+-" else ""
    whole, point, fraction = plain.removeprefix(sign).partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + ",".join([whole, *groups]) + point + fraction


@st.composite
def number_texts(draw: st.DrawFn, unit: str | None = None) -> tuple[str, str]:
    """(a way of typing a number, its plain ASCII form): full width, 。, groups, spaces, unit."""
    plain = format(draw(bounded_decimals), "f")
    text = _grouped(plain) if draw(st.booleans()) else plain
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    if text.startswith(("-", "－")) and draw(st.booleans()):
        text = "\u2212" + text[1:]
    if "." in text and draw(st.booleans()):
        text = text.replace(".", "。")
    if unit and draw(st.booleans()):
        text += draw(st.sampled_from(["", " ", "\u3000"])) + unit
    space = st.sampled_from(["", " ", "\u3000", "\t"])
    return draw(space) + text + draw(space), plain
