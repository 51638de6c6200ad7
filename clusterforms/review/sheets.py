"""The review for people who sort in Excel: a table of applications, one of findings, a csv.

The two tables share the key column 序号 (an application's place in the
batch), and each application row names the 问题清单 row of its first finding
and links to it, so a click or a filter on 序号 in either sheet finds the other.  The csv holds the
findings, one per line, UTF-8 with a BOM (Excel then reads Chinese), every value
that a spreadsheet would take for a formula (= + - @ …) quoted with a leading '.
"""

from __future__ import annotations

import csv
import io
from typing import Final

from clusterforms.review.model import BatchReview, CriterionOutcome, ReviewedApplication
from clusterforms.review.words import KIND_WORDS, STATUS_TONES, STATUS_WORDS, column_heading
from clusterforms.tables import Table, TableCell

APPLICATIONS_SHEET: Final = "申报 applications"
FINDINGS_SHEET: Final = "问题清单 findings"
FINDING_HEADER: Final = (
    "序号 no.",
    "文件 file",
    "集群名称 cluster",
    "类别 kind",
    "代码 code",
    "位置 place",
    "填报项 field",
    "说明 message",
)
#: What a spreadsheet reads as the start of a formula (or a command, for some).
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def review_table(review: BatchReview) -> Table:
    """The applications table, with the findings table as its ``more`` (a second sheet)."""
    header = (
        "序号 no.",
        "文件 file",
        "集群名称 cluster",
        "所在地区 region",
        "错误 errors",
        "提示 warnings",
        "读取 reading",
        "相似申报 look-alikes",
        "首个问题 first finding",
        *(column_heading(c.id, c.text, c.gauge) for c in review.columns),
    )
    rows = []
    first = 0  # the row of an application's first finding, counted from 0
    for application in review.applications:
        rows.append(_application_row(review, application, first))
        first += len(application.findings)
    findings = Table(
        title=FINDINGS_SHEET,
        header=FINDING_HEADER,
        rows=tuple(tuple(TableCell(text=t) for t in row) for row in _finding_rows(review)),
        key_columns=1,
        widths=(6, 28, 24, 12, 22, 30, 28, 60),
    )
    return Table(
        title=APPLICATIONS_SHEET,
        header=header,
        rows=tuple(rows),
        key_columns=3,
        widths=(6, 28, 24, 18, 8, 8, 8, 24, 18, *(18 for _ in review.columns)),
        more=(findings,),
    )


def review_csv(review: BatchReview) -> bytes:
    """The findings as csv, one per line, for Excel (UTF-8 with a BOM, formulas defused)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FINDING_HEADER)
    writer.writerows([_defused(cell) for cell in row] for row in _finding_rows(review))
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _defused(text: str) -> str:
    """``text`` so that no spreadsheet runs it as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _finding_rows(review: BatchReview) -> list[tuple[str, ...]]:
    names = {a.number: a.cluster_name for a in review.applications}
    return [
        (
            str(f.number),
            f.source,
            names[f.number],
            KIND_WORDS[f.kind],
            f.code,
            f.place,
            f.location,
            f.message,
        )
        for f in review.findings
    ]


def _application_row(
    review: BatchReview, application: ReviewedApplication, first: int
) -> tuple[TableCell, ...]:
    if not application.readable:
        blank = TableCell(text="")
        return (
            TableCell(text=str(application.number)),
            TableCell(text=application.source),
            TableCell(text=application.problem or "", tone="bad"),
            blank,
            TableCell(text="无法读取 unreadable", tone="bad"),
            blank,
            blank,
            _lookalike_cell(application),
            blank,
            *(blank for _ in review.columns),
        )
    reading = "" if application.reading is None else str(len(application.reading))
    first_cell = (
        TableCell(text=f"{FINDINGS_SHEET} 第{first + 2}行", link=(1, first))
        if application.findings
        else TableCell(text="")
    )
    return (
        TableCell(text=str(application.number)),
        TableCell(text=application.source),
        TableCell(text=application.cluster_name),
        TableCell(text=application.region),
        TableCell(text=str(application.errors), tone="bad" if application.errors else "good"),
        TableCell(
            text=str(application.warnings), tone="warning" if application.warnings else "plain"
        ),
        TableCell(text=reading, tone="warning" if reading not in ("", "0") else "plain"),
        _lookalike_cell(application),
        first_cell,
        *(_criterion_cell(application.criterion(c.id)) for c in review.columns),
    )


def _lookalike_cell(application: ReviewedApplication) -> TableCell:
    others = [
        p.second if p.first == application.source else p.first for p in application.lookalikes
    ]
    return TableCell(text="、".join(others), tone="warning" if others else "plain")


def _criterion_cell(outcome: CriterionOutcome | None) -> TableCell:
    if outcome is None:
        return TableCell(text="—", tone="muted")
    text = STATUS_WORDS[outcome.status]
    if outcome.value is not None:
        text += f" {outcome.value}"
    return TableCell(text=text, tone=STATUS_TONES[outcome.status], note="；".join(outcome.details))
