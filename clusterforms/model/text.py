"""The printed text of a spec, line by line in form order.

This is what a reader sees on the paper form, blanks left out.  The fidelity
tests compare it with the seed documents, and renderers can use it to check
that nothing of the form went missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from clusterforms.model.items import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    GroupItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    Option,
    PairItem,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    StaticItem,
    TargetsItem,
    TextItem,
    YearHeaderItem,
    YearlyItem,
)
from clusterforms.model.spec import Appendix, FormSpec

CHECKBOX = "□"
#: A leading outline number (三、, （一）, 1.): Word draws it, or a seed lost it.
_OUTLINE_NUMBER: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])\s*"
)


def outline_key(line: str) -> str:
    """An outline line without its leading number: （三）重点任务 and 重点任务 are one heading."""
    return _OUTLINE_NUMBER.sub("", line.strip(), count=1).strip()


def year_label(year: int) -> str:
    """How the forms head a year column: ``2022年``."""
    return f"{year}年"


def option_line(option: Option) -> str:
    """An option as printed: a box then its label."""
    return f"{CHECKBOX}{option.label}"


def iter_text(spec: FormSpec) -> Iterator[str]:
    """Every printed line of ``spec``: cover, instructions, sections, appendices."""
    yield from _cover_text(spec)
    if spec.instructions:
        yield spec.instructions_title
        yield from spec.instructions
    for section in spec.sections:
        if section.heading:
            yield section.heading
        yield section.title
        for item in section.items:
            yield from item_text(spec, item)
    for appendix in spec.appendices:
        yield from appendix_text(appendix)


def _cover_text(spec: FormSpec) -> Iterator[str]:
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


def item_text(spec: FormSpec, item: Item) -> Iterator[str]:
    """The printed lines of one item, its notes last."""
    yield from _PRINTERS[item.kind](spec, item)


def _years(spec: FormSpec) -> list[str]:
    return [year_label(y) for y in spec.data_years]


def _labelled(body: Callable[[FormSpec, Any], Iterable[str]]) -> _Printer:
    """A printer for an item that prints its label, then ``body``, then its notes."""

    def printer(spec: FormSpec, item: Any) -> Iterator[str]:
        if item.label:
            yield item.label
        yield from body(spec, item)
        yield from item.notes

    return printer


def _text(_: FormSpec, item: TextItem) -> Iterator[str]:
    if item.hint:
        yield item.hint


def _narrative(_: FormSpec, item: NarrativeItem) -> Iterator[str]:
    if item.prompt:
        yield item.prompt
    yield from item.outline


def _count(_: FormSpec, item: CountItem) -> Iterator[str]:
    if item.unit:
        yield item.unit


def _options(_: FormSpec, item: ChoiceItem | ChecklistItem) -> Iterator[str]:
    if isinstance(item, ChecklistItem) and item.lead:
        yield item.lead
    yield from (option_line(o) for o in item.options)


def _yearly(spec: FormSpec, item: YearlyItem) -> Iterator[str]:
    if item.layout != "columns":  # column values sit under the table's year header
        yield from _years(spec)
    if item.summary is not None:
        yield item.summary.label


def _standards(spec: FormSpec, item: StandardsItem) -> Iterator[str]:
    for _ in spec.data_years:
        yield item.category_header
        yield from (role.label for role in item.roles)
    for category in item.categories:
        for _ in spec.data_years:
            yield category.label


def _named_count(_: FormSpec, item: NamedCountItem) -> Iterator[str]:
    yield from (item.count_label, item.unit, item.names_label)


def _counts(_: FormSpec, item: CountsItem) -> Iterator[str]:
    yield from (part.label for part in item.parts)


def _group(spec: FormSpec, item: GroupItem) -> Iterator[str]:
    for child in item.items:
        yield from item_text(spec, child)


def _year_header(spec: FormSpec, item: YearHeaderItem) -> Iterator[str]:
    yield item.label
    yield from _years(spec)


def _static(_: FormSpec, item: StaticItem) -> Iterator[str]:
    yield from item.lines


def _pair(spec: FormSpec, item: PairItem) -> Iterator[str]:
    for cell in item.fields:
        yield from item_text(spec, cell)


def _signoff(_: FormSpec, item: SignoffItem) -> Iterator[str]:
    yield item.title
    if item.text:
        yield item.text
    yield from item.lines
    yield item.date_line


def _stages(spec: FormSpec, item: StagesItem) -> Iterator[str]:
    yield item.label
    for n, year in enumerate(spec.plan_years, start=1):
        yield item.year_label.format(n=n, year=year)


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


def _roster(_: FormSpec, item: RosterItem) -> Iterator[str]:
    yield from (column.label for column in item.columns)
    yield from (column.prompt for column in item.columns if column.prompt)


_Printer = Callable[[FormSpec, Any], Iterator[str]]

_PRINTERS: dict[str, _Printer] = {
    "text": _labelled(_text),
    "narrative": _labelled(_narrative),
    "number": _labelled(lambda _spec, _item: ()),
    "count": _labelled(_count),
    "choice": _labelled(_options),
    "checklist": _labelled(_options),
    "yearly": _labelled(_yearly),
    "standards": _labelled(_standards),
    "named_count": _labelled(_named_count),
    "counts": _labelled(_counts),
    "group": _labelled(_group),
    "year_header": _year_header,
    "static": _static,
    "pair": _pair,
    "signoff": _signoff,
    "targets": _targets_text,
    "stages": _stages,
    "roster": _labelled(_roster),
}


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
