"""The printed text of a spec, line by line in form order.

This is what a reader sees on the paper form, blanks left out.  The fidelity
tests compare it with the seed documents, and renderers can use it to check
that nothing of the form went missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from clusterforms._items import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    GroupItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    PairItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    StaticItem,
    TargetsItem,
    TextItem,
    YearHeaderItem,
    YearlyItem,
)
from clusterforms._spec import Appendix, FormSpec

CHECKBOX = "□"


def year_label(year: int) -> str:
    """How the forms head a year column: ``2022年``."""
    return f"{year}年"


def option_line(option: Option) -> str:
    """An option as printed: a box then its label."""
    return f"{CHECKBOX}{option.label}"


def iter_text(spec: FormSpec) -> Iterator[str]:
    """Every printed line of ``spec``: cover, instructions, sections, appendices."""
    cover = spec.cover
    if cover.heading:
        yield cover.heading
    if cover.title:
        yield cover.title
    for line in cover.lines:
        yield line.label + "".join(line.suffixes)
        if line.hint:
            yield line.hint
    if cover.issuer_line:
        yield cover.issuer_line
    if spec.instructions:
        yield spec.instructions_title
        yield from spec.instructions
    for section in spec.sections:
        yield section.title
        for item in section.items:
            yield from item_text(spec, item)
    for appendix in spec.appendices:
        yield from appendix_text(appendix)


def item_text(spec: FormSpec, item: Item) -> Iterator[str]:  # noqa: C901, PLR0912
    """The printed lines of one item, its notes last."""
    years = [year_label(y) for y in spec.data_years]
    notes: tuple[str, ...] = ()
    if isinstance(item, YearHeaderItem):
        yield item.label
        yield from years
        return
    if isinstance(item, StaticItem):
        yield from item.lines
        return
    if isinstance(item, PairItem):
        for cell in item.fields:
            yield from item_text(spec, cell)
        return
    if isinstance(item, SignoffItem):
        yield item.title
        if item.text:
            yield item.text
        yield from item.lines
        yield item.date_line
        return
    if isinstance(item, TargetsItem):
        yield from _targets_text(spec, item)
        return
    if isinstance(item, StagesItem):
        yield item.label
        for n, year in enumerate(spec.plan_years, start=1):
            yield item.year_label.format(n=n, year=year)
        return
    if item.label:
        yield item.label
    if isinstance(item, TextItem):
        if item.hint:
            yield item.hint
        notes = item.notes
    elif isinstance(item, NarrativeItem):
        if item.prompt:
            yield item.prompt
        yield from item.outline
        notes = item.notes
    elif isinstance(item, NumberItem | CountItem):
        if item.unit and isinstance(item, CountItem):
            yield item.unit
        notes = item.notes
    elif isinstance(item, ChoiceItem):
        yield from (option_line(o) for o in item.options)
        notes = item.notes
    elif isinstance(item, ChecklistItem):
        if item.lead:
            yield item.lead
        yield from (option_line(o) for o in item.options)
        notes = item.notes
    elif isinstance(item, YearlyItem):
        if item.layout != "columns":  # column values sit under the table's year header
            yield from years
        if item.summary is not None:
            yield item.summary.label
        notes = item.notes
    elif isinstance(item, StandardsItem):
        roles = [role.label for role in item.roles]
        for _ in spec.data_years:
            yield item.category_header
            yield from roles
        for category in item.categories:
            for _ in spec.data_years:
                yield category.label
        notes = item.notes
    elif isinstance(item, NamedCountItem):
        yield item.count_label
        yield item.unit
        yield item.names_label
        notes = item.notes
    elif isinstance(item, CountsItem):
        yield from (part.label for part in item.parts)
        notes = item.notes
    elif isinstance(item, GroupItem):
        for child in item.items:
            yield from item_text(spec, child)
        notes = item.notes
    yield from notes


def _targets_text(spec: FormSpec, item: TargetsItem) -> Iterator[str]:
    yield item.label
    if item.guidance:
        yield item.guidance
    yield item.direction_header
    yield item.indicator_header
    yield item.baseline_header.format(baseline=spec.baseline_year)
    yield item.target_header.format(target=spec.target_year)
    for direction in item.directions:
        yield direction.label
        for row in direction.rows:
            yield row.indicator
        if direction.open:
            yield direction.open_label
    if item.remarks_intro:
        yield item.remarks_intro
    yield from (rule.text for rule in item.rules)
    yield from item.notes


def appendix_text(appendix: Appendix) -> Iterator[str]:
    """The printed lines of an appendix."""
    if appendix.heading:
        yield appendix.heading
    yield appendix.title
    yield from appendix.paragraphs
    if appendix.table is not None:
        for column in appendix.table.columns:
            yield column.label
        for column in appendix.table.columns:
            if column.prompt:
                yield column.prompt
    yield from appendix.closing
