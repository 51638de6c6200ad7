"""A batch review: one row per application, its criteria and findings with their places.

Built from what validating each file gave (:class:`ReviewInput`), once, so
that every report format (HTML, xlsx, csv, JSON) shows the same rows.  A
finding's place is where a person finds it in the file: the cell or Word
table row the reader found its field in, else the field id itself (a JSON
application has no other place).  Pure: nothing here reads or writes files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

from clusterforms.application.values import Application
from clusterforms.model.spec import FormSpec
from clusterforms.reading import ReadingNote
from clusterforms.review.figures import Gauge, gauge
from clusterforms.summarize.lookalikes import Lookalike
from clusterforms.summarize.quotas import region_of
from clusterforms.validation.eligibility import Status, eligibility
from clusterforms.validation.findings import Report

#: How serious a finding is; ``reading`` is a problem reading a filled form back.
FindingKind: TypeAlias = Literal["error", "warning", "reading"]


#: Each spec's criteria thresholds, found once per spec: by ``id()``, the spec kept alive.
_Gauges: TypeAlias = dict[int, tuple[FormSpec, dict[str, Gauge | None]]]


@attrs.frozen(kw_only=True)
class ReviewInput:
    """One file of the batch as validation left it.

    ``notes`` is None for a JSON application, else everything reading the filled
    form back noted (the ``found`` notes give the places of fields); ``problem``
    says why a file could not be checked (then ``report`` is None).
    """

    source: str
    spec: FormSpec | None = None
    report: Report | None = None
    application: Application | None = None
    notes: tuple[ReadingNote, ...] | None = None
    problem: str | None = None
    cluster_name: str = ""

    @property
    def places(self) -> Mapping[str, str]:
        """Where the reader found each field (its first place), by field id."""
        places: dict[str, str] = {}
        for note in self.notes or ():
            if note.field and note.place:
                places.setdefault(note.field, note.place)
        return places


@attrs.frozen(kw_only=True)
class ReviewFinding:
    """One finding (or reading problem) of one application, with its place in the file."""

    number: int
    source: str
    kind: FindingKind
    code: str
    place: str
    location: str
    message: str


@attrs.frozen(kw_only=True)
class CriterionOutcome:
    """A recognition criterion for one application: its status and, if it has one, its figure."""

    id: str
    text: str
    status: Status
    details: tuple[str, ...] = ()
    value: Decimal | None = None
    gauge: Gauge | None = None


@attrs.frozen(kw_only=True)
class ReviewedApplication:
    """One row of the review: the file, the cluster, its counts, criteria and findings.

    ``number`` is its place in the batch (1, 2, …), the key the findings refer to.
    """

    number: int
    source: str
    cluster_name: str = ""
    region: str = ""
    spec: str = ""
    problem: str | None = None
    report: Report | None = None
    reading: tuple[ReadingNote, ...] | None = None
    criteria: tuple[CriterionOutcome, ...] = ()
    findings: tuple[ReviewFinding, ...] = ()
    lookalikes: tuple[Lookalike, ...] = ()

    @property
    def readable(self) -> bool:
        """Whether the file could be checked at all."""
        return self.report is not None

    @property
    def errors(self) -> int:
        """The number of errors (0 for a file that could not be checked)."""
        return 0 if self.report is None else len(self.report.errors)

    @property
    def warnings(self) -> int:
        """The number of warnings."""
        return 0 if self.report is None else len(self.report.warnings)

    def criterion(self, criterion_id: str) -> CriterionOutcome | None:
        """The outcome of the criterion ``criterion_id``, if this application's spec has it."""
        return next((c for c in self.criteria if c.id == criterion_id), None)


@attrs.frozen(kw_only=True)
class CriterionColumn:
    """A criterion some application of the batch is judged on: a column of the review."""

    id: str
    text: str
    gauge: Gauge | None = None


@attrs.frozen(kw_only=True, repr=False)
class BatchReview:
    """The whole batch: its applications in order, the criteria columns, the look-alikes."""

    applications: tuple[ReviewedApplication, ...]
    columns: tuple[CriterionColumn, ...] = ()
    lookalikes: tuple[Lookalike, ...] = ()

    def __repr__(self) -> str:
        """Short: the number of applications and findings."""
        findings = sum(len(a.findings) for a in self.applications)
        return f"<BatchReview: {len(self.applications)} applications, {findings} findings>"

    @property
    def findings(self) -> tuple[ReviewFinding, ...]:
        """Every finding of the batch, application by application."""
        return tuple(f for a in self.applications for f in a.findings)


def review_batch(
    inputs: Iterable[ReviewInput], lookalikes: Iterable[Lookalike] = ()
) -> BatchReview:
    """The review of a batch from each file's validation (and the batch's look-alikes)."""
    pairs = tuple(lookalikes)
    gauges: _Gauges = {}
    applications = tuple(
        _reviewed(n, entry, pairs, gauges) for n, entry in enumerate(inputs, start=1)
    )
    columns: dict[str, CriterionColumn] = {}
    for application in applications:
        for outcome in application.criteria:
            columns.setdefault(
                outcome.id, CriterionColumn(id=outcome.id, text=outcome.text, gauge=outcome.gauge)
            )
    return BatchReview(applications=applications, columns=tuple(columns.values()), lookalikes=pairs)


def _reviewed(
    number: int,
    entry: ReviewInput,
    pairs: tuple[Lookalike, ...],
    gauges: _Gauges,
) -> ReviewedApplication:
    mine = tuple(p for p in pairs if entry.source in (p.first, p.second))
    if entry.report is None or entry.spec is None:
        return ReviewedApplication(
            number=number, source=entry.source, problem=entry.problem, lookalikes=mine
        )
    spec, values = entry.spec, entry.application or Application(spec=entry.spec)
    name = (
        values.text("cover.cluster_name") or values.text("basic.cluster_name") or entry.cluster_name
    )
    return ReviewedApplication(
        number=number,
        source=entry.source,
        cluster_name=name,
        region=_region(spec, values, name),
        spec=spec.id,
        report=entry.report,
        reading=None if entry.notes is None else tuple(n for n in entry.notes if n.kind != "found"),
        criteria=_criteria(spec, values, gauges),
        findings=_findings(number, entry),
        lookalikes=mine,
    )


def _region(spec: FormSpec, values: Application, name: str) -> str:
    """The cover's region line as typed, else the province and city the name gives."""
    typed = values.text("cover.region") or values.meta.get("location", "")
    if typed:
        return typed
    region = region_of("", name, spec.region)
    return f"{region.province}{region.city if region.city != region.province else ''}"


def _criteria(spec: FormSpec, values: Application, gauges: _Gauges) -> tuple[CriterionOutcome, ...]:
    if id(spec) not in gauges:
        gauges[id(spec)] = (spec, {c.id: gauge(spec, c) for c in spec.criteria})
    known = gauges[id(spec)][1]
    return tuple(
        CriterionOutcome(
            id=result.id,
            text=result.text,
            status=result.status,
            details=result.details,
            value=result.value,
            gauge=known[result.id],
        )
        for result in eligibility(spec, values)
    )


def _findings(number: int, entry: ReviewInput) -> tuple[ReviewFinding, ...]:
    """The reading's problems first (as the terminal shows them), then the findings."""
    notes = entry.notes or ()
    places = entry.places
    found: list[ReviewFinding] = [
        ReviewFinding(
            number=number,
            source=entry.source,
            kind="reading",
            code=note.kind,
            place=note.place,
            location=note.field or "",
            message=note.message if not note.text else f"{note.message}: “{note.text}”",
        )
        for note in notes
        if note.kind != "found"
    ]
    for finding in entry.report.findings if entry.report else ():
        location = finding.location
        place = places.get(location) or places.get(finding.field or "") or location
        found.append(
            ReviewFinding(
                number=number,
                source=entry.source,
                kind=finding.severity,
                code=finding.code,
                place=place,
                location=location,
                message=finding.message,
            )
        )
    return tuple(found)
