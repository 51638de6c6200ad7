"""The review as one self-contained HTML page: no network, no external script or font.

A table of the applications (one row each) that sorts by a click on a
column head and filters by the box above it; a click on a row shows that
application's findings with their places.  Above it, a strip chart per
numeric criterion and the look-alike pairs.  Everything that comes from a
file is escaped; without JavaScript every finding is still on the page.
"""

from __future__ import annotations

from html import escape
from typing import Final

from clusterforms.review.charts import charts
from clusterforms.review.model import (
    BatchReview,
    CriterionColumn,
    CriterionOutcome,
    ReviewedApplication,
)
from clusterforms.review.words import KIND_WORDS, STATUS_WORDS
from clusterforms.summarize.lookalikes import Lookalike

#: Sorting a criterion of no figure by its status: fails first, then undecided, then passes;
#: one with a figure sorts by the figure (a missing one first).
_STATUS_RANK: Final = {"fail": "0", "undecided": "1", "pass": "2"}

#: How much of a criterion's text its column head shows (the whole of most, with the number).
_HEAD_CHARS: Final = 24
#: How an unreadable file sorts in the errors column: beyond any count of errors.
_UNREADABLE: Final = 10**9

_CSS: Final = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
sans-serif;margin:1.5rem auto;max-width:1400px;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.15rem;margin-top:1.8rem;
border-bottom:1px solid #ddd}h3{font-size:.95rem;margin:.8rem 0 .2rem}
.counts span{display:inline-block;padding:.1rem .6rem;border-radius:.8rem;margin-right:.4rem;
background:#eee}.counts .bad{background:#fde2e1;color:#8a1c13}
.counts .warn{background:#fff3cd;color:#6b4f00}.counts .good{background:#dff3e3;color:#1b5e20}
code{font-size:.8rem;color:#666}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #e3e3e3;padding:.3rem .45rem;text-align:left;vertical-align:top;
font-size:.88rem}
#apps th{background:#f6f6f6;cursor:pointer;user-select:none;position:sticky;top:0;z-index:1}
#apps th:after{content:" ⇅";color:#bbb}#apps th[aria-sort=ascending]:after{content:" ▲";color:#333}
#apps th[aria-sort=descending]:after{content:" ▼";color:#333}
#apps tbody tr{cursor:pointer}#apps tbody tr:hover{background:#f3f7ff}
#apps tbody tr.open{background:#e3edff}
td.num{text-align:right}td.pass{background:#dff3e3}td.fail{background:#fde2e1}
td.undecided{background:#f0f0f0;color:#666}td.none{color:#bbb}
td.errors{color:#8a1c13;font-weight:600}td.unreadable{background:#fde2e1}
#filter{font-size:1rem;padding:.35rem .6rem;width:24rem;max-width:100%;margin:.6rem 0}
#shown{color:#666;margin-left:.6rem}
#detail{border:2px solid #9db8ef;border-radius:.4rem;padding:.6rem 1rem;margin:1rem 0;
background:#fbfcff}
.findings td.kind-error{color:#8a1c13}.findings td.kind-warning{color:#6b4f00}
.findings td.kind-reading{color:#555}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:.2rem 2rem}
svg.chart{display:block;width:100%;height:auto}.wide{overflow-x:auto}
svg .tick,svg .threshold{font-size:11px;fill:#555}
svg .threshold{fill:#222;font-weight:600}svg .near{font-size:10px;fill:#8a1c13}
svg .dot{cursor:pointer}
.criteria dt{font-weight:600}.criteria dd{margin:0 0 .3rem 1.5rem;color:#444}
.pairs li{margin-bottom:.3rem}.muted{color:#888}
"""

_JS: Final = """
(function(){
var table=document.getElementById('apps'),body=table.tBodies[0];
var rows=Array.prototype.slice.call(body.rows),heads=table.tHead.rows[0].cells;
var detail=document.getElementById('detail'),box=document.getElementById('filter');
var shown=document.getElementById('shown');
function key(row,i,num){var c=row.cells[i],k=c.getAttribute('data-sort');
 if(k===null)k=c.textContent;if(num){var n=parseFloat(k);return isNaN(n)?-Infinity:n;}
 return k;}
Array.prototype.forEach.call(heads,function(th,i){th.addEventListener('click',function(){
 var up=th.getAttribute('aria-sort')!=='ascending',num=th.dataset.type==='num';
 Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
 th.setAttribute('aria-sort',up?'ascending':'descending');
 rows.sort(function(a,b){var x=key(a,i,num),y=key(b,i,num);
  var d=num?x-y:String(x).localeCompare(String(y),'zh');return up?d:-d;});
 rows.forEach(function(r){body.appendChild(r);});});});
function filter(){var q=box.value.trim().toLowerCase(),n=0;
 rows.forEach(function(r){var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0;
  r.hidden=!hit;if(hit)n++;});shown.textContent=n+' / '+rows.length;}
box.addEventListener('input',filter);filter();
function open(number){var src=document.getElementById('findings-'+number);if(!src)return;
 rows.forEach(function(r){r.classList.toggle('open',r.dataset.number===number);});
 detail.innerHTML=src.innerHTML;detail.hidden=false;
 detail.scrollIntoView({block:'nearest'});}
rows.forEach(function(r){r.addEventListener('click',function(){open(r.dataset.number);});});
document.querySelectorAll('[data-number]').forEach(function(e){
 if(e.tagName!=='TR')e.addEventListener('click',function(){open(e.dataset.number);});});
document.querySelectorAll('.all-findings').forEach(function(e){e.hidden=true;});
})();
"""


def review_html(review: BatchReview, *, title: str = "审核报告") -> str:
    """The whole review as one HTML page (UTF-8 text)."""
    apps = review.applications
    failing = sum(1 for a in apps if a.readable and a.errors)
    unreadable = sum(1 for a in apps if not a.readable)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} · clusterforms</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)} <code>batch review</code></h1>",
        (
            '<p class="counts">'
            f"<span>申报 applications {len(apps)}</span>"
            f'<span class="good">无错误 clean {len(apps) - failing - unreadable}</span>'
            f'<span class="bad">有错误 with errors {failing}</span>'
            f'<span class="bad">无法读取 unreadable {unreadable}</span>'
            f'<span class="warn">相似申报 look-alike pairs {len(review.lookalikes)}</span></p>'
        ),
        *_criteria_part(review),
        "<h2>申报列表 applications</h2>",
        (
            '<p class="muted">点击列标题排序，点击一行查看该申报的问题 · '
            "click a column head to sort, a row to see its findings</p>"
        ),
        (
            '<input id="filter" type="search" placeholder="筛选 filter：文件、集群名称、地区…" '
            'aria-label="筛选 filter"><span id="shown"></span>'
        ),
        '<div id="detail" hidden></div>',
        f'<div class="wide">{_table(review)}</div>',
        *_lookalikes_part(review),
        '<h2 class="all-findings">问题清单 findings</h2>',
        *(_findings(a) for a in apps),
        f"<script>{_JS}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _criteria_part(review: BatchReview) -> list[str]:
    if not review.columns:
        return []
    listed = "".join(
        f"<dt><code>{escape(c.id)}</code></dt><dd>{escape(c.text)}"
        + (f"（{escape(c.gauge.wanted)}）" if c.gauge is not None else "")
        + "</dd>"
        for c in review.columns
    )
    drawn = [
        f"<div><h3>{escape(column.text)} <code>{escape(column.id)}</code></h3>{svg}</div>"
        for column, svg in charts(review)
    ]
    manual = [c for c in review.columns if not _shown(review, c)]
    note = (
        '<p class="muted">全部待定、不列入表中的定性指标 qualitative, undecided for every '
        "application (not in the table): "
        + "、".join(f"{escape(c.text)} <code>{escape(c.id)}</code>" for c in manual)
        + "</p>"
        if manual
        else ""
    )
    return [
        "<h2>认定标准 criteria</h2>",
        (
            '<p class="muted">绿色 通过 pass · 红色 不符合 fail · 灰色 待定 undecided；'
            "虚线为标准值，标注的是接近标准值（相差一成以内）的申报 · "
            "the dashed line is the threshold; near-misses are labelled with their 序号</p>"
        ),
        f'<div class="charts">{"".join(drawn)}</div>',
        note,
        (
            "<details><summary>认定标准说明 the criteria</summary>"
            f'<dl class="criteria">{listed}</dl></details>'
        ),
    ]


def _shown(review: BatchReview, column: CriterionColumn) -> bool:
    """Whether a criterion has a column: it has a figure, or some application is decided on it."""
    return column.gauge is not None or any(
        (o := a.criterion(column.id)) is not None and o.status != "undecided"
        for a in review.applications
    )


def _table(review: BatchReview) -> str:
    columns = [c for c in review.columns if _shown(review, c)]
    heads = [
        ("序号", "no.", "num"),
        ("文件", "file", "text"),
        ("集群名称", "cluster", "text"),
        ("所在地区", "region", "text"),
        ("错误", "errors", "num"),
        ("提示", "warnings", "num"),
        ("相似", "look-alikes", "num"),
    ]
    cells = [f'<th data-type="{kind}">{zh} <code>{en}</code></th>' for zh, en, kind in heads] + [
        f'<th data-type="num" title="{escape(c.text)}">{escape(_short(c.text))} '
        f"<code>{escape(c.id)}</code></th>"
        for c in columns
    ]
    rows = [_row(columns, a) for a in review.applications]
    return (
        f'<table id="apps"><thead><tr>{"".join(cells)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _short(text: str) -> str:
    """A criterion's text cut for a column head (the whole text is its tooltip)."""
    return text if len(text) <= _HEAD_CHARS else text[: _HEAD_CHARS - 1] + "…"


def _row(columns: list[CriterionColumn], application: ReviewedApplication) -> str:
    number = application.number
    if not application.readable:
        rest = "".join('<td data-sort=""></td>' for _ in columns)
        return (  # sorted by errors, an unreadable file comes before any that could be checked
            f'<tr data-number="{number}"><td class="num">{number}</td>'
            f"<td>{escape(application.source)}</td>"
            f'<td class="unreadable">{escape(application.problem or "")}</td><td></td>'
            f'<td class="unreadable" data-sort="{_UNREADABLE}">无法读取 unreadable</td>'
            f'<td class="num" data-sort=""></td><td class="num">{len(application.lookalikes) or ""}'
            f"</td>{rest}</tr>"
        )
    criteria = "".join(_criterion(application.criterion(c.id)) for c in columns)
    error_class = "num errors" if application.errors else "num"
    return (
        f'<tr data-number="{number}"><td class="num">{number}</td>'
        f"<td>{escape(application.source)}</td><td>{escape(application.cluster_name)}</td>"
        f"<td>{escape(application.region)}</td>"
        f'<td class="{error_class}">{application.errors}</td>'
        f'<td class="num">{application.warnings}</td>'
        f'<td class="num">{len(application.lookalikes) or ""}</td>{criteria}</tr>'
    )


def _criterion(outcome: CriterionOutcome | None) -> str:
    if outcome is None:
        return '<td class="none" data-sort="">—</td>'
    shown = STATUS_WORDS[outcome.status]
    sort = _STATUS_RANK[outcome.status] if outcome.gauge is None else ""
    if outcome.value is not None:
        shown += f" <b>{escape(str(outcome.value))}</b>"
        sort = str(outcome.value)
    details = escape("；".join(outcome.details))
    return f'<td class="{outcome.status}" data-sort="{escape(sort)}" title="{details}">{shown}</td>'


def _findings(application: ReviewedApplication) -> str:
    """The application's findings, in a section the row's click copies into the detail box."""
    head = (
        f"<h3>#{application.number} {escape(application.cluster_name)} "
        f"<code>{escape(application.source)}</code></h3>"
    )
    if not application.readable:
        body = f"<p>无法读取 unreadable: {escape(application.problem or '')}</p>"
    elif not application.findings:
        body = '<p class="muted">没有问题 no findings</p>'
    else:
        rows = "".join(
            f'<tr><td>{escape(f.place)}</td><td class="kind-{f.kind}">{KIND_WORDS[f.kind]}</td>'
            f"<td><code>{escape(f.code)}</code></td><td>{escape(f.message)}</td></tr>"
            for f in application.findings
        )
        body = (
            '<table class="findings"><thead><tr><th>位置 place</th><th>类别 kind</th>'
            f"<th>代码 code</th><th>说明 message</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    pairs = "".join(
        f"<li>{escape(_pair_line(p, application.source))}</li>" for p in application.lookalikes
    )
    if pairs:
        body += f'<p>相似申报 look-alikes:</p><ul class="pairs">{pairs}</ul>'
    return (
        f'<section class="all-findings" id="findings-{application.number}">{head}{body}</section>'
    )


def _lookalikes_part(review: BatchReview) -> list[str]:
    if not review.lookalikes:
        return []
    items = "".join(f"<li>{escape(_pair_line(p))}</li>" for p in review.lookalikes)
    return ["<h2>相似申报 look-alikes</h2>", f'<ul class="pairs">{items}</ul>']


_MATCH_WORDS: Final = {
    "cluster_name": "集群名称相同 same cluster name",
    "operator": "运营管理机构相同 same operator",
    "passage": "相同段落 same passage",
    "yearly_rows": "年度数据相同 same yearly figures",
}


def _pair_line(pair: Lookalike, mine: str | None = None) -> str:
    """What two look-alike applications share; from one of them, naming the other."""
    if mine is None:
        who = f"{pair.first} ~ {pair.second}"
    else:
        who = f"与 with {pair.second if mine == pair.first else pair.first}"
    parts = []
    for m in pair.matches:
        if m.kind == "passage":
            where = m.fields[0] if m.fields[0] == m.fields[1] else " / ".join(m.fields)
            parts.append(f"{_MATCH_WORDS[m.kind]} {where} ({m.size}字 characters): “{m.shared}”")
        elif m.kind == "yearly_rows":  # what is shared is the rows' field ids
            parts.append(f"{_MATCH_WORDS[m.kind]} ({m.size}行 rows): {m.shared}")
        else:
            parts.append(f"{_MATCH_WORDS[m.kind]} “{m.shared}”")
    return f"{who}: " + "；".join(parts)
