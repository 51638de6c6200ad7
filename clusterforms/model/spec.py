"""The spec of one form variant: metadata, cover, instructions, sections, appendices."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, TypeAlias

import attrs

from clusterforms.model.items import GroupItem, Item, PairItem, RosterColumn, YearlyItem
from clusterforms.model.rules import Criterion, Rule


@attrs.frozen(kw_only=True)
class CoverLine:
    """A line of the cover page: ``label`` then blanks.

    ``suffixes`` are the words printed between the blanks
    (所属地区：__省（区、市）__市（区）__县（市、区）); ``hint`` is the pattern
    printed under the line (（XX（省、市）XX（县、区）XX产业）).
    """

    id: str
    label: str
    suffixes: tuple[str, ...] = ()
    hint: str | None = None


@attrs.frozen(kw_only=True)
class Cover:
    """The cover page, top to bottom."""

    heading: str | None = None
    title: str | None = None
    lines: tuple[CoverLine, ...] = ()
    issuer_line: str | None = None


Orientation: TypeAlias = Literal["portrait", "landscape"]


@attrs.frozen(kw_only=True, repr=False)
class Section:
    """A numbered part of the form (一、基本情况 …) and its items in order.

    ``heading`` is a line printed above the title (附件2) for a part that is a
    document of its own, which is then laid out like an appendix: the heading
    flush left, the title centred.  ``orientation`` is the page the part is
    printed on (``landscape`` for a wide table such as 推荐集群汇总表).
    """

    id: str
    title: str
    items: tuple[Item, ...]
    new_page: bool = True
    heading: str | None = None
    orientation: Orientation = "portrait"

    def __repr__(self) -> str:
        """Short: ``<Section basic 一、基本情况: 14 items>`` (the items would run to pages)."""
        return f"<Section {self.id} {self.title}: {len(self.items)} items>"


@attrs.frozen(kw_only=True)
class Roster:
    """A table with a numbered row per entry; ``rows`` blank rows are printed."""

    columns: tuple[RosterColumn, ...]
    rows: int = 3


@attrs.frozen(kw_only=True)
class Appendix:
    """A document printed after the form: a letter, an outline, notes or a table.

    ``closing`` lines are right-aligned signature, seal and date lines.
    """

    id: str
    heading: str | None = None
    title: str
    paragraphs: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    table: Roster | None = None
    orientation: Orientation = "portrait"


@attrs.frozen(kw_only=True, repr=False)
class FormSpec:
    """One complete form variant, as issued by one authority for one year.

    ``data_years`` are the three years whose figures the form asks for;
    the development plan runs from ``baseline_year`` to ``target_year``.
    """

    id: str
    title: str
    issuer: str
    region: str
    declaration_year: int
    data_years: tuple[int, ...]
    baseline_year: int
    target_year: int
    source: str = ""
    cover: Cover = Cover()
    instructions_title: str = "填报说明"
    instructions: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    appendices: tuple[Appendix, ...] = ()
    rules: tuple[Rule, ...] = ()
    criteria: tuple[Criterion, ...] = ()

    def __repr__(self) -> str:
        """Short: the id, the title and the size (the whole spec would run to pages)."""
        items = sum(1 for _ in self.walk())
        return (
            f"<FormSpec {self.id} {self.title}: {len(self.sections)} sections, {items} items, "
            f"{len(self.rules)} rules>"
        )

    @property
    def has_cover(self) -> bool:
        """Whether the form has a cover page: anything printed on it."""
        cover = self.cover
        return bool(cover.heading or cover.title or cover.lines or cover.issuer_line)

    @property
    def plan_years(self) -> tuple[int, ...]:
        """The years after the baseline up to the target year (阶段性目标)."""
        return tuple(range(self.baseline_year + 1, self.target_year + 1))

    def walk(self) -> Iterator[tuple[Section, Item]]:
        """Every item in form order, nested ones (group rows, pair cells) included."""
        for section in self.sections:
            for item in section.items:
                yield from ((section, nested) for nested in iter_nested(item))

    def find(self, item_id: str) -> Item:
        """The item with ``item_id``; raises :class:`KeyError` naming it if absent."""
        for _, item in self.walk():
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def iter_nested(item: Item) -> Iterator[Item]:
    """``item`` and, depth first, every item it contains."""
    yield item
    if isinstance(item, GroupItem):
        for child in item.items:
            yield from iter_nested(child)
    elif isinstance(item, PairItem):
        yield from item.fields
    elif isinstance(item, YearlyItem) and item.summary is not None:
        yield item.summary
