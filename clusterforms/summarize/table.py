"""Collecting many applications into the 推荐集群汇总表 (附件2): one row per cluster.

Pure: applications come in as ``(source name, document)`` pairs from any
iterable (a generator reading one file at a time keeps memory flat), and the
result is plain data.  Each application is validated against its own spec;
one with errors is not put in the table but listed with its error count, as
is a source that could not be read (:class:`Unreadable`).  Only the row of an
application is kept, never the document.

Where each column comes from (docs/summarize.md):

========================  =====================================================
集群名称                  ``cover.cluster_name``, else ``basic.cluster_name``, else
                          ``meta.cluster_name``
集群运营机构              ``basic.operator``, else ``cover.operator``
所在市（县、区）          ``meta.location``, else ``cover.region`` without a leading
                          province (四川省成都市郫都区 → 成都市郫都区)
主导产业                  ``meta.leading_industry``, else the cluster name after the
                          region, without 产业 (…郫都区川菜调味品产业 → 川菜调味品);
                          blank when the region is not in the name
集群成立时间              ``meta.founded``, else blank
集群简介                  ``meta.intro`` (checked against the column's limit: an
                          over-long intro is an error of the application), or with
                          ``intro_from_data`` composed by :func:`compose_intro`
========================  =====================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from clusterforms.application.reading import read_application
from clusterforms.application.values import Application, ByYear, Parts
from clusterforms.errors import ApplicationError, ClusterformsError
from clusterforms.model.items import RosterItem
from clusterforms.model.lookup import KnownSpecs, find_spec
from clusterforms.model.spec import FormSpec
from clusterforms.validation.cells import count_chars
from clusterforms.validation.validator import validate

#: The rosters of a summary spec: the table, and the applications left out of it.
CLUSTERS: Final = "summary.clusters"
REJECTED: Final = "rejected.applications"
#: 集群简介's limit when the summary spec's column names none (the form's 300字).
DEFAULT_INTRO_LIMIT: Final = 300
#: The columns a row can fill, in the table's order (序号 is numbered when the table is built).
COLUMNS: Final = ("cluster_name", "operator", "location", "leading_industry", "founded", "intro")
_PROBLEM_LIMIT: Final = 200
_ELLIPSIS: Final = "…"
_PROVINCE = re.compile(r"^[^省市区县]{2,10}?(?:省|自治区)")
_TRAILING_NUMBER = re.compile(r"[0-9０-９.．,，%％+\-－—~～]*[0-9０-９][0-9０-９.．,，%％]*$")
_TERMINATORS: Final = ("。", "！", "？", "；", "!", "?", ";")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
_SUFFIXES: Final = ("产业集群", "产业", "集群")
#: Honours by level (行业地位、荣誉称号), where a form asks for them.
_HONOURS: Final = (
    "industry.honours.national",
    "industry.honours.provincial",
    "industry.honours.municipal",
)
#: The quality SMEs of the prompt, in its order: 专精特新, 小巨人, 单项冠军.
_QUALITY: Final = (
    ("industry.specialized_smes", "专精特新中小企业"),
    ("industry.little_giants", "专精特新“小巨人”企业"),
    ("industry.champions", "制造业单项冠军企业"),
)


@attrs.frozen(kw_only=True)
class Unreadable:
    """A source that could not be read, with the one-line reason."""

    problem: str


@attrs.frozen(kw_only=True)
class SummaryRejection:
    """An application left out of the table: unreadable (``errors`` None) or with errors."""

    source: str
    cluster_name: str
    errors: int | None
    problem: str


@attrs.frozen(kw_only=True)
class SummaryEntry:
    """An application in the table: its source and its row (column id → text)."""

    source: str
    row: dict[str, str]


@attrs.define
class Summary:
    """What summarising found: the rows, the applications left out, and remarks."""

    entries: list[SummaryEntry] = attrs.Factory(list)
    rejected: list[SummaryRejection] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)


def summarize(
    sources: Iterable[tuple[str, Any]],
    *,
    intro_from_data: bool = False,
    intro_limit: int = DEFAULT_INTRO_LIMIT,
    specs: KnownSpecs = None,
) -> Summary:
    """Validate each application and turn it into a row, or into an entry of the left-out list.

    Args:
        sources: ``(source name, application document or Unreadable)`` pairs, read lazily.
        intro_from_data: compose 集群简介 from the application's figures and narrative
            (:func:`compose_intro`) instead of using ``meta.intro``.
        intro_limit: the 字数 limit of 集群简介.
        specs: specs an application may name besides the shipped ones (see
            :func:`clusterforms.find_spec`: by id only, never a path).

    """
    summary = Summary()
    seen: dict[str, str] = {}
    for source, data in sources:
        if isinstance(data, Unreadable):
            summary.rejected.append(
                SummaryRejection(source=source, cluster_name="", errors=None, problem=data.problem)
            )
            continue
        outcome = _one(source, data, intro_from_data, intro_limit, specs)
        if isinstance(outcome, SummaryRejection):
            summary.rejected.append(outcome)
        else:
            entry, note = outcome
            summary.entries.append(entry)
            if note:
                summary.notes.append(note)
            name = entry.row["cluster_name"]
            if name in seen:
                summary.notes.append(
                    f"{source}: 集群名称“{name}”与 {seen[name]} 相同（重复申报？）"
                )
            seen.setdefault(name, source)
    return summary


def _one(
    source: str,
    data: Any,
    intro_from_data: bool,
    limit: int,
    specs: KnownSpecs,
) -> SummaryRejection | tuple[SummaryEntry, str | None]:
    spec_id = data.get("spec") if isinstance(data, dict) else None
    if not isinstance(spec_id, str):
        problem = "不是申报数据（没有 spec）"
        return SummaryRejection(source=source, cluster_name="", errors=None, problem=problem)
    try:
        spec = find_spec(spec_id, specs)
    except ClusterformsError as exc:
        return SummaryRejection(source=source, cluster_name="", errors=None, problem=str(exc))
    read = _read(spec, data)
    application = Application(spec=spec) if read is None else read
    meta = application.meta
    text = application.text
    name = _first_text(text("cover.cluster_name"), text("basic.cluster_name"))
    name = name or _first_text(meta.get("cluster_name"))
    # validated as read: the values are not read a second time
    problems = [f.message for f in validate(spec, data if read is None else read).errors]
    region = text("cover.region")
    row = {
        "cluster_name": name,
        "operator": _first_text(text("basic.operator"), text("cover.operator")),
        "location": _first_text(meta.get("location")) or location(region),
        "leading_industry": _first_text(meta.get("leading_industry"))
        or leading_industry(name, region),
        "founded": _first_text(meta.get("founded")),
    }
    note = None
    if intro_from_data:
        row["intro"] = compose_intro(spec, application, limit) if not problems else ""
    else:
        intro = _first_text(meta.get("intro"))
        if count_chars(intro) > limit:
            written = count_chars(intro)
            problems.append(f"集群简介（meta.intro）限{limit}字以内，填写了{written}字")
        elif not intro:
            note = f"{source}: 没有集群简介（meta.intro）；--intro-from-data 可由申报数据生成"
        row["intro"] = intro
    if not name:
        problems.append("未填写集群名称（cover.cluster_name 或 basic.cluster_name）")
    if problems:
        return SummaryRejection(
            source=source, cluster_name=name, errors=len(problems), problem=_cut(problems[0])
        )
    return SummaryEntry(source=source, row=row), note


def _read(spec: FormSpec, data: object) -> Application | None:
    """``data`` read against ``spec``; None when it is not an application at all."""
    try:
        return read_application(spec, data)
    except ApplicationError:
        return None


def _first_text(*values: object) -> str:
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def _cut(text: str, limit: int = _PROBLEM_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + _ELLIPSIS


def location(region: object) -> str:
    """所在市（县、区） from 所属地区: the region without a leading province (or 自治区)."""
    text = _first_text(region)
    rest = _PROVINCE.sub("", text)
    return rest or text


def leading_industry(name: str, region: object) -> str:
    """主导产业 from a name written XX（省、市）XX（县、区）XX产业: the part after the region.

    Blank when the region does not appear in the name: the industry is never guessed.
    """
    text = _first_text(region)
    for prefix in (text, location(text)):
        if prefix and prefix in name:
            rest = name[name.index(prefix) + len(prefix) :].strip()
            for suffix in _SUFFIXES:
                if rest.endswith(suffix) and len(rest) > len(suffix):
                    return rest[: -len(suffix)]
            return rest
    return ""


# ---------------------------------------------------------------- 集群简介


def _shown(number: Decimal, *, whole: bool) -> str:
    """A figure as the application wrote it; a count without a trailing ``.0``."""
    if whole and number == number.to_integral_value():
        return str(int(number))
    return format(number, "f")


def _latest(spec: FormSpec, application: Application, field: str) -> Decimal | None:
    """The field's figure for the spec's latest data year (a single value stands for it)."""
    if isinstance(application.get(field), ByYear):
        return application.number(field, spec.data_years[-1])
    return application.number(field)


def _standards_led(spec: FormSpec, application: Application) -> Decimal | None:
    """National and industry standards led (主持) over the data years, when all are given."""
    table = application.get("innovation.standards")
    if not isinstance(table, ByYear):
        return None
    total = Decimal(0)
    for year in spec.data_years:
        per_year = table.get(year)
        if not isinstance(per_year, Parts):
            return None
        for category in ("national", "industry"):
            roles = per_year.get(category)
            led = roles.get("lead") if isinstance(roles, Parts) else None
            if not isinstance(led, Decimal):
                return None
            total += led
    return total


def _typed(spec: FormSpec, data: object) -> Application:
    """``data`` (a document or an :class:`Application`) as typed values; empty if unreadable."""
    read = _read(spec, data)
    return Application(spec=spec) if read is None else read


def intro_figures(spec: FormSpec, data: object) -> list[tuple[int, str]]:
    """The figure clauses of 集群简介, each with the sentence it belongs to (1 or 2).

    Sentence 1 is the latest data year's output, SME count and 专精特新 /
    小巨人 / 单项冠军 counts; sentence 2 the standards led over the data years,
    the valid invention patents and the patents per 10,000 employees.  A
    clause whose figure is missing (or not a usable number) is left out.
    ``data`` is an application document or the :class:`Application` read from it.
    """
    application = _typed(spec, data)
    clauses: list[tuple[int, str]] = []
    output = _latest(spec, application, "industry.total_output")
    if output is not None:
        unit = getattr(_find(spec, "industry.total_output"), "unit", None) or "亿元"
        clauses.append((1, f"集群总产值{_shown(output, whole=False)}{unit}"))
    smes = _latest(spec, application, "industry.smes")
    if smes is not None:
        clauses.append((1, f"中小企业{_shown(smes, whole=True)}家"))
    kinds = []
    for field, words in _QUALITY:
        figure = _latest(spec, application, field)
        if figure is not None:
            kinds.append(f"{words}{_shown(figure, whole=True)}家")
    if kinds:
        clauses.append((1, "、".join(kinds)))
    led = _standards_led(spec, application)
    if led is not None:
        shown = _shown(led, whole=True)
        clauses.append((2, f"近三年集群中小企业主持制修订国家和行业标准{shown}项"))
    patents = application.number("innovation.patents")
    if patents is not None:
        clauses.append((2, f"中小企业有效发明专利{_shown(patents, whole=True)}件"))
    per_10k = application.number("innovation.patents_per_10k")
    if per_10k is not None:
        clauses.append((2, f"万人发明专利拥有量{_shown(per_10k, whole=False)}件"))
    return clauses


def _find(spec: FormSpec, field: str) -> object:
    try:
        return spec.find(field)
    except KeyError:
        return None


def _sentences(spec: FormSpec, clauses: list[tuple[int, str]]) -> str:
    first = [text for n, text in clauses if n == 1]
    second = [text for n, text in clauses if n == 2]
    out = f"{spec.data_years[-1]}年，" + "，".join(first) + "。" if first else ""
    return out + ("，".join(second) + "。" if second else "")


def compose_intro(spec: FormSpec, data: object, limit: int = DEFAULT_INTRO_LIMIT) -> str:
    """集群简介 from the application: its chain narrative, honours, then its figures.

    Always within ``limit`` characters as the validator counts them (whitespace
    does not count).  Figures come first in the budget: a clause that would
    not fit is left out, never shortened; then the honours by level (Jiangsu's
    国家级 / 省级 / 市级) while they fit.  The narrative
    (``industry.chain_narrative``) fills the room left: whole sentences while
    they fit, else its first characters and "…".  Every figure is one the
    application reports, or the sum of its standards led.  ``data`` is an
    application document or the :class:`Application` read from it.
    """
    application = _typed(spec, data)
    kept: list[tuple[int, str]] = []
    for clause in intro_figures(spec, application):
        if count_chars(_sentences(spec, [*kept, clause])) <= limit:
            kept.append(clause)
    figures = _sentences(spec, kept)
    honours: list[str] = []
    for field in _HONOURS:
        text = _first_text(application.text(field)).rstrip("。；;")
        if text and text != "无":
            trial = "集群获评" + "；".join([*honours, text]) + "。"
            if count_chars(trial + figures) <= limit:
                honours.append(text)
    standing = "集群获评" + "；".join(honours) + "。" if honours else ""
    room = limit - count_chars(standing + figures)
    start = narrative_start(application.text("industry.chain_narrative"), room)
    return start + standing + figures


#: A line break between figures or words stays a space; in Chinese text lines run on.
_BREAK_APART = re.compile(r"(?<=[0-9A-Za-z.%])\s*\n\s*(?=[0-9A-Za-z.%])")
_BREAK = re.compile(r"\s*\n\s*")


def narrative_start(text: object, room: int) -> str:
    """As much of ``text`` as fits in ``room`` characters: whole sentences, else a cut with "…"."""
    if not isinstance(text, str) or room < 2:
        return ""
    flat = _BREAK.sub("", _BREAK_APART.sub(" ", text))
    flat = re.sub(r"[ \t\u3000]+", " ", flat).strip()
    if not flat or flat in {"无", "无。"}:
        return ""
    # A sentence end keeps the narrative's last figure apart from the first figure that
    # follows (…增长12. + 2022年 would read 12.2022).
    whole = flat if flat.endswith(_TERMINATORS) else flat.removesuffix(".") + "。"
    if count_chars(whole) <= room:
        return whole
    kept = ""
    for sentence in _SENTENCE_END.split(flat):
        # Only whole sentences: the text after the last 。 has no end to stop at.
        if not sentence.endswith(_TERMINATORS) or count_chars(kept + sentence) > room:
            break
        kept += sentence
    if kept:
        return kept[:-1] + "。" if kept.endswith(("；", ";")) else kept
    out = ""
    for char in flat:
        if count_chars(out + char) > room - 1:
            break
        out += char
    # Never end on a number: 本地配套率由58% cut after the 5 would state a figure the
    # application does not.
    out = _TRAILING_NUMBER.sub("", out)
    return out.rstrip("，、；：,;: ") + _ELLIPSIS if out.strip() else ""


# ---------------------------------------------------------------- the table


def sort_key(text: str) -> tuple[bool, bytes]:
    """Sort by a column: blanks last; Chinese in GB18030 order (pinyin for common characters)."""
    return (not text, text.encode("gb18030", errors="replace"))


def summary_document(
    spec: FormSpec, summary: Summary, *, sort: str | None = None
) -> dict[str, Any]:
    """The summary spec's application: the table's rows numbered 1, 2, 3 …, and the left-out list.

    Rows keep the order the applications came in unless ``sort`` names a column.
    Only the columns the spec's tables have are filled.

    Raises:
        ClusterformsError: the spec has no ``summary.clusters`` roster, or ``sort``
            is not one of its columns.

    """
    table = roster_of(spec, CLUSTERS)
    if table is None:
        msg = f"spec {spec.id!r} has no roster {CLUSTERS!r} to hold the summary table"
        raise ClusterformsError(msg)
    entries = summary.entries
    if sort is not None:
        columns = {c.id for c in table.columns}
        if sort not in columns or sort not in COLUMNS:
            known = ", ".join(c for c in COLUMNS if c in columns)
            msg = f"cannot sort by {sort!r} (columns: {known})"
            raise ClusterformsError(msg)
        entries = sorted(entries, key=lambda e: sort_key(e.row.get(sort, "")))
    values: dict[str, Any] = {CLUSTERS: [_row(table, n, e.row) for n, e in enumerate(entries, 1)]}
    left_out = roster_of(spec, REJECTED)
    if left_out is not None:
        values[REJECTED] = [
            _row(
                left_out,
                n,
                {
                    "file": r.source,
                    "cluster_name": r.cluster_name,
                    "errors": Decimal(r.errors) if r.errors is not None else "无法读取",
                    "problem": r.problem,
                },
            )
            for n, r in enumerate(summary.rejected, 1)
        ]
    return {"spec": spec.id, "values": values}


def roster_of(spec: FormSpec, item_id: str) -> RosterItem | None:
    """The roster ``item_id`` of ``spec``, if it has one."""
    item = _find(spec, item_id)
    return item if isinstance(item, RosterItem) else None


def intro_limit(spec: FormSpec) -> int:
    """The 字数 limit of the summary table's 集群简介 column."""
    table = roster_of(spec, CLUSTERS)
    column = next((c for c in table.columns if c.id == "intro"), None) if table else None
    return column.max_chars if column is not None and column.max_chars else DEFAULT_INTRO_LIMIT


def _row(table: RosterItem, n: int, facts: Mapping[str, object]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.numbered:
            row[column.id] = Decimal(n)
        elif column.id in facts and facts[column.id] not in ("", None):
            row[column.id] = facts[column.id]
    return row


__all__ = [
    "Summary",
    "SummaryEntry",
    "SummaryRejection",
    "Unreadable",
    "compose_intro",
    "intro_figures",
    "leading_industry",
    "location",
    "narrative_start",
    "summarize",
    "summary_document",
]
