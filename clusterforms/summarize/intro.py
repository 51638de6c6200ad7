"""集群简介 composed from an application's own figures and narrative (``--intro-from-data``)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from clusterforms.application.values import NONE_TEXT, Application, ByYear, NoneAnswer, Parts
from clusterforms.model.spec import FormSpec
from clusterforms.summarize.facts import DEFAULT_INTRO_LIMIT, ELLIPSIS, find_item, first_text, typed
from clusterforms.validation.cells import count_chars

_TRAILING_NUMBER = re.compile(r"[0-9０-９.．,，%％+\-－—~～]*[0-9０-９][0-9０-９.．,，%％]*$")
_TERMINATORS: Final = ("。", "！", "？", "；", "!", "?", ";")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
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


def _latest_shown(
    spec: FormSpec, application: Application, field: str, *, whole: bool, unit: str = ""
) -> str | None:
    """The latest figure as the intro writes it, with ``unit``; "无" as 无; None when blank."""
    number = _latest(spec, application, field)
    if number is not None:
        return _shown(number, whole=whole) + unit
    year = spec.data_years[-1] if isinstance(application.get(field), ByYear) else None
    return NONE_TEXT if application.is_none(field, year) else None


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
            if isinstance(led, NoneAnswer):
                continue  # none led: a count's 无 is 0
            if not isinstance(led, Decimal):
                return None
            total += led
    return total


def _typed(spec: FormSpec, data: object) -> Application:
    """``data`` (a document or an :class:`Application`) as typed values; empty if unreadable."""
    read = typed(spec, data)
    return Application(spec=spec) if read is None else read


def intro_figures(spec: FormSpec, data: object) -> list[tuple[int, str]]:
    """The figure clauses of 集群简介, each with the sentence it belongs to (1 or 2).

    Sentence 1 is the latest data year's output, SME count and 专精特新 /
    小巨人 / 单项冠军 counts; sentence 2 the standards led over the data years,
    the valid invention patents and the patents per 10,000 employees.  A
    clause whose figure is missing (or not a usable number) is left out; one
    answered "无" says 无 (a 无 standards count adds nothing to the sum).
    ``data`` is an application document or the :class:`Application` read from it.
    """
    application = _typed(spec, data)
    clauses: list[tuple[int, str]] = []
    output = _latest(spec, application, "industry.total_output")
    if output is not None:
        unit = getattr(find_item(spec, "industry.total_output"), "unit", None) or "亿元"
        clauses.append((1, f"集群总产值{_shown(output, whole=False)}{unit}"))
    smes = _latest(spec, application, "industry.smes")
    if smes is not None:
        clauses.append((1, f"中小企业{_shown(smes, whole=True)}家"))
    kinds = []
    for field, words in _QUALITY:
        shown = _latest_shown(spec, application, field, whole=True, unit="家")
        if shown is not None:
            kinds.append(f"{words}{shown}")
    if kinds:
        clauses.append((1, "、".join(kinds)))
    led = _standards_led(spec, application)
    if led is not None:
        shown = _shown(led, whole=True)
        clauses.append((2, f"近三年集群中小企业主持制修订国家和行业标准{shown}项"))
    patents = _latest_shown(spec, application, "innovation.patents", whole=True, unit="件")
    if patents is not None:
        clauses.append((2, f"中小企业有效发明专利{patents}"))
    per_10k = _latest_shown(spec, application, "innovation.patents_per_10k", whole=False, unit="件")
    if per_10k is not None:
        clauses.append((2, f"万人发明专利拥有量{per_10k}"))
    return clauses


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
        text = first_text(application.text(field)).rstrip("。；;")
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
    return out.rstrip("，、；：,;: ") + ELLIPSIS if out.strip() else ""
