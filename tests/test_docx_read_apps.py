"""Hypothesis strategies for applications of a spec, as a person fills a Word form.

Every item kind gets values of its shape: text in Chinese, Latin letters, digits and
emoji, over several lines and up to long narratives; numbers with 0–2 decimals within the
item's bounds (and now and then words such as 无 where a figure belongs); every option
kind with its 其他 / explanation text and evidence; yearly rows, the standards matrix,
named counts, counts, the target table with added rows and industry averages, stages,
opinions, roster rows, the cover lines and a list of attachments.

What a Word form cannot tell apart is left out: white space at the ends of a line or
doubled inside it, empty lines, tabs (layout, not data), and a cover line over several
lines (a cover line is one line).  The module also holds a test that the strategy makes
applications the library reads without complaint.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import clusterforms as cf

_CJK = "集群产业发展创新数字化绿色开放合作治理服务企业中小特色园区技术平台研发品牌质量链条标准"
_LATIN = "ABCMESPLCabcxyz0123456789"
_EMOJI = "📈🏭✨🚀"
_PUNCT = "，。、；（）-"

words = st.text(alphabet=_CJK + _LATIN + _EMOJI, min_size=1, max_size=12)
phrases = st.lists(words, min_size=1, max_size=6).map(" ".join)


@st.composite
def lines_of(draw: st.DrawFn, *, max_lines: int = 3, long: bool = False) -> str:
    """Text of one or more lines, each stripped and single-spaced, punctuated now and then."""
    count = draw(st.integers(1, max_lines))
    out = []
    for _ in range(count):
        line = draw(phrases)
        if draw(st.booleans()):
            line += draw(st.sampled_from(_PUNCT[:3])) + draw(phrases)
        if long and draw(st.integers(0, 4)) == 0:
            line *= draw(st.integers(2, 12))
        out.append(line.strip())
    return "\n".join(out)


one_line = phrases
texts = lines_of()


def figures(item: Any) -> st.SearchStrategy[Any]:
    """A number for ``item`` (0–2 decimals, within its bounds), or now and then a word."""
    places = min(getattr(item, "decimals", 2), 2)
    low = getattr(item, "minimum", None)
    high = getattr(item, "maximum", None)
    numbers = st.decimals(
        min_value=low if low is not None else Decimal(-1000),
        max_value=high if high is not None else Decimal(100000),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda d: d + 0)  # no -0
    return st.one_of(numbers, numbers, numbers, st.sampled_from(["无", "不适用"]))


_whole = st.integers(0, 5000).map(Decimal)
#: A count, or now and then 无 (the cluster has none).
counts = st.one_of(_whole, _whole, _whole, st.just("无"))
#: Keys of an application's ``meta`` (集群简介 among them, several paragraphs long).
META_KEYS = ["cluster_name", "intro", "prepared_by", "note"]


def _option_value(draw: st.DrawFn, option: cf.Option, evidence: list[str] | None) -> Any:
    value: dict[str, Any] = {"option": option.id}
    if (option.free_text or option.explain) and draw(st.booleans()):
        value["text"] = draw(one_line)
    if evidence and draw(st.booleans()):
        value["evidence"] = draw(
            st.lists(st.sampled_from(evidence), min_size=1, max_size=2, unique=True)
        )
    return value if len(value) > 1 else option.id


@st.composite
def item_value(draw: st.DrawFn, spec: cf.FormSpec, item: Any, evidence: list[str]) -> Any:
    kind = item.kind
    if kind == "text":
        return draw(texts)
    if kind == "narrative":
        return draw(lines_of(max_lines=6, long=True))
    if kind == "signoff":
        return draw(texts) if item.opinion else None
    if kind == "number":
        return draw(figures(item))
    if kind == "count":
        return draw(counts)
    if kind == "choice":
        if not item.options:
            return None
        return _option_value(draw, draw(st.sampled_from(item.options)), None)
    if kind == "checklist":
        chosen = (
            draw(st.lists(st.sampled_from(item.options), unique_by=lambda o: o.id))
            if item.options
            else []
        )
        return [_option_value(draw, o, evidence) for o in chosen] or None
    if kind == "yearly":
        cell = counts if item.value == "count" else figures(item)
        years = draw(st.lists(st.sampled_from(spec.data_years), unique=True, min_size=1))
        return {str(y): draw(cell) for y in years}
    if kind == "standards":
        value: dict[str, Any] = {}
        for year in draw(st.lists(st.sampled_from(spec.data_years), unique=True, min_size=1)):
            for category in draw(
                st.lists(st.sampled_from(item.categories), unique=True, min_size=1)
            ):
                roles = draw(st.lists(st.sampled_from(item.roles), unique=True, min_size=1))
                value.setdefault(str(year), {})[category.id] = {r.id: draw(counts) for r in roles}
        return value
    if kind == "named_count":
        return {"count": draw(counts), "names": draw(texts)}
    if kind == "counts":
        parts = draw(st.lists(st.sampled_from(item.parts), unique=True, min_size=1))
        return {p.id: draw(counts) for p in parts}
    if kind == "targets":
        return draw(_targets(item))
    if kind == "stages":
        years = draw(st.lists(st.sampled_from(spec.plan_years), unique=True, min_size=1))
        return {str(y): draw(texts) for y in years}
    if kind == "roster":
        rows = draw(st.integers(1, 4))
        out = []
        for n in range(1, rows + 1):
            row: dict[str, Any] = {}
            for column in item.columns:
                if column.numbered:
                    row[column.id] = Decimal(n)
                elif draw(st.booleans()) or not row or len(row) == 1:
                    row[column.id] = draw(lines_of(max_lines=2, long=column.max_chars is not None))
            out.append(row)
        return out
    return None


@st.composite
def _targets(draw: st.DrawFn, item: cf.TargetsItem) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for direction in item.directions:
        for row in direction.rows:
            if not draw(st.booleans()):
                continue
            if row.value == "text":
                rows[row.id] = {"baseline": draw(one_line), "target": draw(one_line)}
            else:
                cells = {"baseline": draw(figures(row)), "target": draw(figures(row))}
                if draw(st.integers(0, 3)) == 0:
                    cells["industry_average"] = draw(figures(row))
                rows[row.id] = cells
    extra = []
    open_directions = [d for d in item.directions if d.open]
    for _ in range(draw(st.integers(0, 3)) if open_directions else 0):
        direction = draw(st.sampled_from(open_directions))
        extra.append(
            {
                "direction": direction.id,
                "indicator": draw(one_line),
                "baseline": draw(st.one_of(figures(item), one_line)),
                "target": draw(st.one_of(figures(item), one_line)),
            }
        )
    value: dict[str, Any] = {}
    if rows:
        value["rows"] = rows
    if extra:
        value["extra"] = extra
    return value


@st.composite
def applications(draw: st.DrawFn, spec: cf.FormSpec) -> dict[str, Any]:
    """A filled application of ``spec``: some fields blank, the others of their kind."""
    attachments = [
        {"id": f"A{n}", "title": draw(one_line), "file": f"附件{n}-{draw(words)}.pdf"}
        for n in range(1, draw(st.integers(0, 3)) + 1)
    ]
    evidence = [a["id"] for a in attachments]
    values: dict[str, Any] = {}
    for line in spec.cover.lines:
        if draw(st.integers(0, 4)):
            values[line.id] = draw(one_line)
    for _, item in spec.walk():
        if item.kind in ("group", "pair", "year_header", "static") or not draw(st.integers(0, 5)):
            continue
        value = draw(item_value(spec, item, evidence))
        if value is not None:
            values[item.id] = value
    document: dict[str, Any] = {"spec": spec.id, "values": values}
    meta = draw(st.dictionaries(st.sampled_from(META_KEYS), texts, max_size=len(META_KEYS)))
    if meta:  # the form does not print these: the document carries them beside it
        document["meta"] = meta
    if attachments:
        document["attachments"] = attachments
    return document


@settings(max_examples=20)
@given(st.sampled_from(cf.list_specs()).flatmap(lambda s: applications(cf.load_spec(s))))
def test_generated_applications_read_without_unknown_fields(data: dict[str, Any]) -> None:
    application = cf.read_application(cf.load_spec(data["spec"]), data)
    assert not application.unknown_fields
    written = application.to_document()
    assert cf.read_application(application.spec, written).to_document() == written
