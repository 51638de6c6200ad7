"""The HTML diff report: one self-contained file, no network.

Counts on top, a checkbox per change class that hides or shows its rows (a
few lines of inline JavaScript; without it every row shows), and per
section a table with the old and new text side by side, changed characters
in ``<del>`` / ``<ins>``.  All text is escaped.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from clusterforms.diff.messages import Lang, message, word
from clusterforms.diff.model import IMPACTS, Change, SpecDiff
from clusterforms.diff.reports.localise import localise

_CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.counts span,.badge{display:inline-block;padding:.1rem .5rem;border-radius:.8rem;
font-size:.85rem;margin-right:.3rem}
.breaking{background:#fde2e1;color:#8a1c13}.additive{background:#dff3e3;color:#1b5e20}
.wording{background:#fff3cd;color:#6b4f00}
fieldset{border:1px solid #ddd;border-radius:.4rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #e3e3e3;padding:.35rem .5rem;vertical-align:top;text-align:left;
word-break:break-all}
th{background:#f6f6f6;font-weight:600}td.text{white-space:pre-wrap}
col.c1{width:7rem}col.c2{width:15rem}col.c3{width:14rem}
del{background:#f9c0bb;text-decoration:line-through}ins{background:#b7ebc0;text-decoration:none}
code{font-size:.85rem}.detail{color:#555;font-size:.85rem}.none{color:#aaa}
code.code{color:#777;font-size:.75rem;word-break:normal}
"""

_JS = """
(function(){
var boxes=document.querySelectorAll('#filters input');
function apply(){
 var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
 document.querySelectorAll('tr.change').forEach(function(r){r.hidden=!on[r.dataset.impact];});
 document.querySelectorAll('section.group').forEach(function(s){
  s.hidden=!s.querySelector('tr.change:not([hidden])');});
}
boxes.forEach(function(b){b.addEventListener('change',apply);});apply();
})();
"""


def _side(change: Change, old: bool) -> str:
    text = change.old if old else change.new
    if text is None:
        return '<span class="none">—</span>'
    if change.old is None or change.new is None or not change.segments:
        return escape(text)
    out = []
    for seg in change.segments:
        part = seg.old if old else seg.new
        if seg.op == "equal":
            out.append(escape(part))
        elif part:
            tag = "del" if old else "ins"
            out.append(f"<{tag}>{escape(part)}</{tag}>")
    return "".join(out)


def _row(change: Change, lang: Lang) -> str:
    what = f"{escape(change.summary)}<div><code class=code>{escape(change.code)}</code></div>"
    if change.score is not None:
        score = message("similarity", lang, {"score": f"{change.score:.2f}"})
        what += f" <span class=detail>({escape(score)})</span>"
    what += "".join(f"<div class=detail>{escape(d)}</div>" for d in change.details)
    badge = word("impact", change.impact, lang)
    return (
        f'<tr class="change" data-impact="{change.impact}">'
        f'<td><span class="badge {change.impact}">{badge}</span></td>'
        f"<td><code>{escape(change.subject)}</code></td><td>{what}</td>"
        f'<td class="text">{_side(change, old=True)}</td>'
        f'<td class="text">{_side(change, old=False)}</td></tr>'
    )


def render_html(d: SpecDiff, *, only: Collection[str] | None = None, lang: Lang = "zh") -> str:
    """The whole report as one HTML page; ``only`` sets which classes start shown."""
    counts = d.counts()
    title = f"{d.old.id} → {d.new.id}"
    shown = set(IMPACTS if only is None else only)
    names = {i: word("impact", i, lang) for i in IMPACTS}
    boxes = "".join(
        f'<label><input type="checkbox" value="{i}"{" checked" if i in shown else ""}> '
        f'<span class="badge {i}">{names[i]}</span> {counts[i]}</label> '
        for i in IMPACTS
    )
    explained = " · ".join(
        f"<b>{names[i]}</b>{f' <code>{i}</code>' if names[i] != i else ''}: "
        f"{escape(message(f'explain.{i}', lang))}"
        for i in IMPACTS
    )
    total = message("total_changes", lang, {"total": str(counts["total"])})
    count = {i: message("count", lang, {"impact": names[i], "n": str(counts[i])}) for i in IMPACTS}
    columns = "".join(
        f"<th>{message(f'column.{name}', lang)}</th>" for name in ("class", "item", "change")
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} · clusterforms diff</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="counts"><strong>{total}</strong>: '
        + "".join(f'<span class="{i}">{count[i]}</span>' for i in IMPACTS)
        + "</p>",
        f"<p class=detail>{explained}</p>",
        f'<fieldset id="filters"><legend>{message("show", lang)}</legend>{boxes}</fieldset>',
    ]
    if d.label_matching:
        matching = message("label_matching_md", lang, {"threshold": str(d.threshold)})
        parts.append(f"<p class=detail>{escape(matching)}</p>")
    for group, heading, changes in d.groups(lang):
        parts.append(
            f'<section class="group" data-group="{escape(group)}">'
            f"<h2>{escape(heading)} <code>{escape(group)}</code></h2>"
            '<table><colgroup><col class="c1"><col class="c2"><col class="c3"><col><col>'
            f"</colgroup><thead><tr>{columns}"
            f"<th>{escape(d.old.id)}</th><th>{escape(d.new.id)}</th></tr></thead><tbody>"
        )
        parts.extend(_row(localise(change, lang), lang) for change in changes)
        parts.append("</tbody></table></section>")
    if not d.changes:
        parts.append(f"<p>{message('same', lang)}</p>")
    parts.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(parts) + "\n"
