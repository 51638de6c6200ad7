"""The parts of a template put together as a draft spec, with what the document does not print.

The years come from the 年度 headers (data years) and from the target table
or the stages (baseline and target); the issuer from the 制 line or the
title; the region from the issuer.  What the document cannot say is guessed
and noted: the declaration year (the year after the last data year), a
region, the years when no table prints them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import Final

from clusterforms import FormSpec, Item, RosterItem, Section, SpecDraft
from clusterforms_renderers.docx.importing._appendices import read_appendices
from clusterforms_renderers.docx.importing._blocks import read_rows
from clusterforms_renderers.docx.importing._context import Ctx, Ids, Log, option_ids
from clusterforms_renderers.docx.importing._cover import read_cover
from clusterforms_renderers.docx.importing._document import Part, segment
from clusterforms_renderers.docx.importing._grid import Row, table_rows
from clusterforms_renderers.docx.importing._plan import is_plan, read_plan
from clusterforms_renderers.docx.importing._roster import is_roster, read_roster
from clusterforms_renderers.docx.importing._text import clean, drop_typed_number
from clusterforms_renderers.wordml import WordDocument

FORM: Final = "#form"
_REGION: Final = re.compile(r"^(.+?(?:自治区|省|市))")
_NATIONAL: Final = "工业和信息化部"
_SLUG: Final = re.compile(r"[a-z0-9][a-z0-9-]{0,60}")
_WIDE: Final = 6


def build_draft(document: WordDocument) -> SpecDraft:
    """The draft spec a template prints, with the notes of reading it."""
    log, ids = Log(), Ids()
    layout = segment(document.body)
    cover = read_cover(layout.cover, log, ids)
    instructions = tuple(
        drop_typed_number(clean(p.text)) for p in layout.instructions if clean(p.text)
    )
    years: list[tuple[int, ...]] = []
    plan_years: list[tuple[int, int]] = []
    sections = [
        _section(
            part,
            n,
            Ctx(log=log, ids=ids, section=f"section_{n}", title=part.title),
            years,
            plan_years,
        )
        for n, part in enumerate(layout.sections, 1)
    ]
    appendices = read_appendices(layout.tail, dict(document.styles), log)
    data_years = years[0] if years else ()
    if not data_years:
        log.weak.setdefault(FORM, set()).add("data_years")
        log.note("guess", "no 年度 header prints the data years: 2020–2022 assumed")
        data_years = (2020, 2021, 2022)
    if plan_years:
        baseline, target = plan_years[0]
    else:
        log.weak.setdefault(FORM, set()).update({"baseline_year", "target_year"})
        baseline, target = data_years[-1], data_years[-1] + 3
        log.note("guess", f"no target table prints the plan's years: {baseline}→{target} assumed")
    title = cover.title or (sections[0].title if sections else "") or document.name
    issuer, region = _issuer(cover.issuer_line, title, log)
    log.note("guess", f"declaration year {data_years[-1] + 1}: the year after the last data year")
    log.weak.setdefault(FORM, set()).add("declaration_year")
    for notice in _notices(document):
        log.note("notice", notice)
    spec = FormSpec(
        id=_spec_id(document.name),
        title=title,
        issuer=issuer,
        region=region,
        declaration_year=data_years[-1] + 1,
        data_years=tuple(data_years),
        baseline_year=baseline,
        target_year=target,
        source=PurePath(document.name).name,
        cover=cover,
        instructions_title=layout.instructions_title or "填报说明",
        instructions=instructions,
        sections=tuple(sections),
        appendices=appendices,
    )
    return SpecDraft(
        spec=spec,
        source=document.name,
        format=document.source_format,
        notes=tuple(log.notes),
        places=dict(log.places),
        weak={k: frozenset(v) for k, v in log.weak.items()},
    )


def _section(
    part: Part,
    n: int,
    ctx: Ctx,
    years: list[tuple[int, ...]],
    plan_years: list[tuple[int, int]],
) -> Section:
    items: list[Item] = []
    for k, run in enumerate(part.tables):
        ctx.table = k
        rows = [row for table in run for row in table_rows(table)]
        if is_plan(rows):
            found, plan = read_plan(rows, ctx)
            items += found
            plan_years += [plan] if plan else []
        elif is_roster(rows) and not items:
            items.append(_roster(rows, ctx))
        else:
            items += read_rows(rows, ctx)
    if ctx.years:
        years.append(ctx.years)
    for line in part.stray:
        ctx.log.unplaced(part.title, line, "text between a section's tables")
    wide = any(isinstance(i, RosterItem) and len(i.columns) >= _WIDE for i in items)
    return Section(
        id=f"section_{n}",
        title=part.title,
        items=tuple(items),
        heading=part.heading,
        orientation="landscape" if wide else "portrait",
    )


def _roster(rows: Sequence[Row], ctx: Ctx) -> RosterItem:
    labels = [clean(v.text) for v in rows[0]]
    read = read_roster(rows, option_ids(labels))
    entry = ctx.new_id(0)
    return RosterItem(id=entry, columns=read.columns, rows=read.rows, notes=read.notes)


def _issuer(line: str | None, title: str, log: Log) -> tuple[str, str]:
    """Who issued the form and for which region, from 「…厅 制」 or the title."""
    if line:
        issuer = re.sub(r"\s*制$", "", line).strip()
    else:
        issuer = title.split("中小企业", maxsplit=1)[0].strip()
        log.note("guess", f"issuer {issuer or '(none)'!r}: read from the title (no 制 line)")
        log.weak.setdefault(FORM, set()).add("issuer")
    if _NATIONAL in issuer:
        region = "全国"
    else:
        found = _REGION.match(issuer)
        region = found.group(1) if found else issuer
        log.note("guess", f"region {region or '(none)'!r}: read from the issuer")
        log.weak.setdefault(FORM, set()).add("region")
    return issuer, region


def _spec_id(name: str) -> str:
    """The draft's id: the file's name when it is a spec id already, else ``draft``."""
    stem = PurePath(name).stem.lower()
    return stem if _SLUG.fullmatch(stem) else "draft"


def _notices(document: WordDocument) -> list[str]:
    out = []
    if document.source_format != "docx":
        out.append(f"a .{document.source_format} file, converted to .docx by LibreOffice first")
    if document.tracked_changes:
        out.append("the template had tracked changes: read with the changes accepted")
    out += [f"not read: {line}" for line in document.unread]
    return out
