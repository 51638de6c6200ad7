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
from collections.abc import Iterable
from typing import Any, Final

import attrs

from clusterforms.application.values import Application
from clusterforms.errors import ClusterformsError
from clusterforms.model.lookup import KnownSpecs, find_spec
from clusterforms.summarize.facts import DEFAULT_INTRO_LIMIT, ELLIPSIS, first_text, typed
from clusterforms.summarize.intro import compose_intro
from clusterforms.summarize.lookalikes import Fingerprint, fingerprint
from clusterforms.summarize.quotas import Region, region_of
from clusterforms.validation.cells import count_chars
from clusterforms.validation.validator import validate

#: The roster of a summary spec that holds the table.
CLUSTERS: Final = "summary.clusters"
#: The columns a row can fill, in the table's order (序号 is numbered when the table is built).
COLUMNS: Final = ("cluster_name", "operator", "location", "leading_industry", "founded", "intro")
_PROBLEM_LIMIT: Final = 200
_PROVINCE = re.compile(r"^[^省市区县]{2,10}?(?:省|自治区)")
_SUFFIXES: Final = ("产业集群", "产业", "集群")


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
    """An application in the table: its source, its row (column id → text), its region."""

    source: str
    row: dict[str, str]
    region: Region = attrs.field(factory=Region)


@attrs.define
class Summary:
    """What summarising found: the rows, the applications left out, and remarks.

    ``fingerprints`` hold what :func:`find_lookalikes` compares, for every
    application read (in the table or not).
    """

    entries: list[SummaryEntry] = attrs.Factory(list)
    rejected: list[SummaryRejection] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    fingerprints: list[Fingerprint] = attrs.Factory(list)


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
        outcome, facts = _one(source, data, intro_from_data, intro_limit, specs)
        if facts is not None:
            summary.fingerprints.append(facts)
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
) -> tuple[SummaryRejection | tuple[SummaryEntry, str | None], Fingerprint | None]:
    """The row (and a note) or the rejection, with what look-alikes are judged on."""
    spec_id = data.get("spec") if isinstance(data, dict) else None
    if not isinstance(spec_id, str):
        problem = "不是申报数据（没有 spec）"
        return SummaryRejection(source=source, cluster_name="", errors=None, problem=problem), None
    try:
        spec = find_spec(spec_id, specs)
    except ClusterformsError as exc:
        return SummaryRejection(source=source, cluster_name="", errors=None, problem=str(exc)), None
    read = typed(spec, data)
    application = Application(spec=spec) if read is None else read
    facts = fingerprint(source, application)
    meta = application.meta
    text = application.text
    name = first_text(text("cover.cluster_name"), text("basic.cluster_name"))
    name = name or first_text(meta.get("cluster_name"))
    # validated as read: the values are not read a second time
    problems = [f.message for f in validate(spec, data if read is None else read).errors]
    region = text("cover.region")
    row = {
        "cluster_name": name,
        "operator": first_text(text("basic.operator"), text("cover.operator")),
        "location": first_text(meta.get("location")) or location(region),
        "leading_industry": first_text(meta.get("leading_industry"))
        or leading_industry(name, region),
        "founded": first_text(meta.get("founded")),
    }
    note = None
    if intro_from_data:
        row["intro"] = compose_intro(spec, application, limit) if not problems else ""
    else:
        intro = first_text(meta.get("intro"))
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
        ), facts
    entry = SummaryEntry(source=source, row=row, region=region_of(region, name, spec.region))
    return (entry, note), facts


def _cut(text: str, limit: int = _PROBLEM_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def location(region: object) -> str:
    """所在市（县、区） from 所属地区: the region without a leading province (or 自治区)."""
    text = first_text(region)
    rest = _PROVINCE.sub("", text)
    return rest or text


def leading_industry(name: str, region: object) -> str:
    """主导产业 from a name written XX（省、市）XX（县、区）XX产业: the part after the region.

    Blank when the region does not appear in the name: the industry is never guessed.
    """
    text = first_text(region)
    for prefix in (text, location(text)):
        if prefix and prefix in name:
            rest = name[name.index(prefix) + len(prefix) :].strip()
            for suffix in _SUFFIXES:
                if rest.endswith(suffix) and len(rest) > len(suffix):
                    return rest[: -len(suffix)]
            return rest
    return ""
