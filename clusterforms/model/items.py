r"""The item kinds a form section is built from.

Every item is a frozen, slotted attrs class with a ``kind`` tag; the tag is
what spec files write and what :mod:`clusterforms.model.converter` dispatches on.
Items carry the form's own wording verbatim (labels may hold ``\\n`` where the
printed form breaks the line) plus the structured facts behind it: units,
decimals, character limits, options and evidence flags.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

Severity: TypeAlias = Literal["error", "warning"]


@attrs.frozen(kw_only=True)
class Option:
    """One box of a choice or checklist (□是, □第二产业, □其他____).

    ``free_text`` marks an option followed by a blank to fill (其他, 新赛道：);
    ``explain`` marks a yes-answer that needs an attached explanation
    (是（需附情况说明）); ``evidence`` overrides the checklist's evidence rule
    for this option (``None`` inherits it).
    """

    id: str
    label: str
    free_text: bool = False
    explain: bool = False
    evidence: bool | None = None


@attrs.frozen(kw_only=True)
class TextItem:
    """A one-line text cell (集群名称, 联系人)."""

    kind: Literal["text"] = "text"
    id: str
    label: str
    hint: str | None = None
    required: bool = True
    max_chars: int | None = None
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class NarrativeItem:
    """A free-text cell with a character limit, e.g. （200字以内）.

    ``prompt`` is guidance printed inside the cell for the writer; ``outline``
    holds headings and guidance printed inside the cell (section 八).
    ``layout`` ``heading`` prints the label as a heading across the form with
    the writing room under it (section 八's 重点任务); ``beside``, the label
    cell beside the writing cell.  ``counts_toward`` names the narrative whose
    ``max_chars`` this text shares: section 八's （3000字以内） heads the one
    cell that holds 重点任务 and 保障措施 too.
    """

    kind: Literal["narrative"] = "narrative"
    id: str
    label: str
    max_chars: int | None = None
    prompt: str | None = None
    outline: tuple[str, ...] = ()
    layout: Literal["beside", "heading"] = "beside"
    counts_toward: str | None = None
    required: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class PairItem:
    """Several labelled text cells on one row (联系人 | 联系方式)."""

    kind: Literal["pair"] = "pair"
    id: str
    fields: tuple[TextItem, ...]


@attrs.frozen(kw_only=True)
class NumberItem:
    """A decimal value with a unit (亿元, %, 平方公里).

    ``allows_none`` false marks a figure every cluster has (占地面积): "无" is refused.
    """

    kind: Literal["number"] = "number"
    id: str
    label: str
    unit: str | None = None
    decimals: int = 2
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    required: bool = True
    allows_none: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class CountItem:
    """A whole number, never negative (企业数量, 分支机构数量 ____个).

    ``allows_none`` false marks a figure every cluster has (从业人员数量): "无" is refused.
    """

    kind: Literal["count"] = "count"
    id: str
    label: str
    unit: str | None = None
    required: bool = True
    allows_none: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ChoiceItem:
    """Exactly one option (□是 □否 □不涉及, 第一/二/三产业, 产业领域)."""

    kind: Literal["choice"] = "choice"
    id: str
    label: str
    options: tuple[Option, ...]
    layout: Literal["vertical", "inline", "grid"] = "vertical"
    columns: int = 3
    required: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ChecklistItem:
    """Any number of options, each checked or not (集群已开展的…工作).

    ``lead`` is the line printed above the boxes (集群已提供的中小企业公共服务：);
    ``evidence`` says whether a checked option needs 佐证材料 unless the option
    says otherwise.
    """

    kind: Literal["checklist"] = "checklist"
    id: str
    label: str
    options: tuple[Option, ...]
    lead: str | None = None
    evidence: bool = False
    layout: Literal["vertical", "grid"] = "vertical"
    columns: int = 3
    required: bool = False
    notes: tuple[str, ...] = ()


ValueKind: TypeAlias = Literal["number", "count"]


@attrs.frozen(kw_only=True)
class YearlyItem:
    """One value per data year of the spec.

    ``layout`` says how the form prints it: ``columns`` fills the year columns
    of the table's last year header; ``header`` prints its own row of years
    under the label (工业软件采购金额); ``rows`` stacks the years vertically
    (Jiangsu's CO₂ rows).  ``summary`` is a single value printed as one more
    row of the block (近三年累计降低率).  ``allows_none`` false marks a figure
    every cluster has (总产值, 企业数量): "无" is refused in any year.
    """

    kind: Literal["yearly"] = "yearly"
    id: str
    label: str
    value: ValueKind = "number"
    unit: str | None = None
    decimals: int = 2
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    layout: Literal["columns", "header", "rows"] = "columns"
    summary: NumberItem | None = None
    required: bool = True
    allows_none: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class StandardsItem:
    """Standards led or joined per year: year × category × role counts."""

    kind: Literal["standards"] = "standards"
    id: str
    label: str
    category_header: str = "类别"
    categories: tuple[Option, ...]
    roles: tuple[Option, ...]
    required: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class NamedCountItem:
    """数量：__个 / 名称：__ — how many, and their names."""

    kind: Literal["named_count"] = "named_count"
    id: str
    label: str
    count_label: str = "数量："
    unit: str = "个"
    names_label: str = "名称："
    required: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class CountsItem:
    """Several named counts in one cell (绿色工厂数量 / 绿色工业园区数量 …)."""

    kind: Literal["counts"] = "counts"
    id: str
    label: str
    parts: tuple[Option, ...]
    required: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class YearHeaderItem:
    """A table header row: a label cell then one cell per data year."""

    kind: Literal["year_header"] = "year_header"
    id: str
    label: str


@attrs.frozen(kw_only=True)
class StaticItem:
    """Printed text that takes no value: outline headings, guidance, notes."""

    kind: Literal["static"] = "static"
    id: str
    lines: tuple[str, ...]
    style: Literal["heading", "guidance", "note", "body"] = "body"


@attrs.frozen(kw_only=True)
class TargetRow:
    """One indicator of the plan's target table."""

    id: str
    indicator: str
    value: Literal["number", "text"] = "number"
    unit: str | None = None
    required: bool = True


@attrs.frozen(kw_only=True)
class TargetDirection:
    """A 方向 of the target table with its rows; ``open`` adds a …… row."""

    id: str
    label: str
    rows: tuple[TargetRow, ...] = ()
    open: bool = False
    open_label: str = "......"


TargetCheck: TypeAlias = Literal[
    "min_value",
    "min_growth",
    "increasing",
    "about_value",
    "about_reduction",
    "not_below_average",
    "not_below_average_reduction",
]


@attrs.frozen(kw_only=True)
class TargetRule:
    """One line of the 备注 under the target table, as text and as data.

    ``check`` names how the baseline → target pair of ``row`` is judged:
    ``min_value`` the target value itself (a rate) is at least ``threshold``;
    ``min_growth`` the yearly growth from baseline to target is at least
    ``threshold`` %; ``increasing`` the target exceeds the baseline;
    ``about_value`` / ``about_reduction`` the target value / the reduction
    from the baseline is ``threshold`` % give or take ``tolerance`` points
    (the "…左右" rules, warnings); ``not_below_average`` /
    ``not_below_average_reduction`` compare with an industry average the
    applicant supplies.
    """

    id: str
    text: str
    row: str | None = None
    check: TargetCheck | None = None
    threshold: Decimal | None = None
    tolerance: Decimal | None = None
    severity: Severity = "error"


@attrs.frozen(kw_only=True)
class TargetsItem:
    """The 三年总体目标 table: 方向 | 指标 | baseline value | target value."""

    kind: Literal["targets"] = "targets"
    id: str
    label: str
    guidance: str | None = None
    direction_header: str = "方向"
    indicator_header: str = "指标"
    baseline_header: str = "{baseline}年基准值"
    target_header: str = "{target}年目标值"
    directions: tuple[TargetDirection, ...]
    remarks_intro: str | None = None
    rules: tuple[TargetRule, ...] = ()
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class StagesItem:
    """阶段性目标: one text per year from the baseline to the target year."""

    kind: Literal["stages"] = "stages"
    id: str
    label: str
    year_label: str = "（{n}）{year}年度"
    required: bool = True


@attrs.frozen(kw_only=True)
class SignoffItem:
    """A declaration or recommendation block: text, signature and seal lines, date.

    ``opinion`` marks a block with room for a written opinion (推荐意见).
    """

    kind: Literal["signoff"] = "signoff"
    id: str
    title: str
    text: str | None = None
    lines: tuple[str, ...] = ()
    date_line: str = "年    月    日"
    opinion: bool = False
    required: bool = False


@attrs.frozen(kw_only=True)
class RosterColumn:
    """A column of a one-row-per-entry table (附件2 推荐集群汇总表).

    ``max_chars`` limits the text of each cell (（限300字以内）); ``prompt`` is the
    guidance the blank form prints in the column's first row; ``numbered`` marks
    the 序号 column, which the blank form numbers 1, 2, 3 ….
    """

    id: str
    label: str
    max_chars: int | None = None
    prompt: str | None = None
    numbered: bool = False


@attrs.frozen(kw_only=True)
class RosterItem:
    """A table with one row per entry and a column per fact (推荐集群汇总表).

    Its value is a list of rows, each an object ``{column id: text}``; ``rows``
    blank rows are printed on the blank form.  Column ids are keys inside a
    row, unique within the table.
    """

    kind: Literal["roster"] = "roster"
    id: str
    label: str = ""
    columns: tuple[RosterColumn, ...]
    rows: int = 3
    required: bool = True
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class GroupItem:
    """A label cell spanning several rows, each row an item of its own.

    Used for 创新平台建设情况 (three named counts), honours by level, and the
    blocks that pair a narrative with a checklist.
    """

    kind: Literal["group"] = "group"
    id: str
    label: str
    items: tuple[Item, ...]
    notes: tuple[str, ...] = ()


Item: TypeAlias = (
    TextItem
    | NarrativeItem
    | PairItem
    | NumberItem
    | CountItem
    | ChoiceItem
    | ChecklistItem
    | YearlyItem
    | StandardsItem
    | NamedCountItem
    | CountsItem
    | YearHeaderItem
    | StaticItem
    | TargetsItem
    | StagesItem
    | SignoffItem
    | RosterItem
    | GroupItem
)

#: Items that hold a value in an application (everything but layout).
Field: TypeAlias = (
    TextItem
    | NarrativeItem
    | NumberItem
    | CountItem
    | ChoiceItem
    | ChecklistItem
    | YearlyItem
    | StandardsItem
    | NamedCountItem
    | CountsItem
    | TargetsItem
    | StagesItem
    | SignoffItem
    | RosterItem
)

ITEM_CLASSES: tuple[type[Item], ...] = (
    TextItem,
    NarrativeItem,
    PairItem,
    NumberItem,
    CountItem,
    ChoiceItem,
    ChecklistItem,
    YearlyItem,
    StandardsItem,
    NamedCountItem,
    CountsItem,
    YearHeaderItem,
    StaticItem,
    TargetsItem,
    StagesItem,
    SignoffItem,
    RosterItem,
    GroupItem,
)

KINDS: dict[str, type[Item]] = {attrs.fields(cls).kind.default: cls for cls in ITEM_CLASSES}
