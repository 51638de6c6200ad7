"""An application's typed values as the values of input cells, keyed like the layout's cells.

The inverse of the reader's assembly.  Values come typed
(:func:`clusterforms.read_application`) and are placed by (field, year,
part); anything the workbook has no cell for — a field the spec lacks, a
year outside the data years, an option the item does not have, text after
an option without a blank — is a :class:`~clusterforms.RenderError` naming
it, because silently dropping part of an application is worse than
refusing: validate the application first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from clusterforms import (
    Application,
    ByYear,
    Checklist,
    ChecklistItem,
    ChoiceItem,
    Chosen,
    CountItem,
    CountsItem,
    CoverLine,
    ExtraRow,
    FormSpec,
    Invalid,
    Item,
    NamedCount,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    Parts,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    Targets,
    TargetsItem,
    TextItem,
    YearlyItem,
    iter_nested,
    read_application,
)
from clusterforms.errors import ApplicationError, RenderError
from clusterforms_renderers._indicators import is_count
from clusterforms_renderers.xlsx._choices import option_labels
from clusterforms_renderers.xlsx._codec import MAX_CELL_CHARS
from clusterforms_renderers.xlsx._inputs import NO, YES
from clusterforms_renderers.xlsx._keys import ATTACHMENTS
from clusterforms_renderers.xlsx._layout import Slots
from clusterforms_renderers.xlsx._place import CellValue, Place, Placer, refusal
from clusterforms_renderers.xlsx._targets import DEFAULT_EXTRA_ROWS, has_average

_ATTACHMENT_KEYS: Final = ("id", "title", "file")
_EVIDENCE_SEPARATOR: Final = "、"


class Flattener(Placer):
    """Places one application's typed values for one spec."""

    def __init__(self, spec: FormSpec) -> None:
        super().__init__()
        self.spec = spec
        self.fields: dict[str, Item | CoverLine] = {line.id: line for line in spec.cover.lines}
        for _, item in spec.walk():
            for nested in iter_nested(item):
                if nested.kind not in {"group", "pair", "year_header", "static"}:
                    self.fields[nested.id] = nested
        self.extra_rows: dict[str, int] = {}
        self.whole_extras: set[str] = set()
        self.roster_rows: dict[str, int] = {}
        self.attachment_rows = 0

    def flatten(self, data: object) -> tuple[dict[Place, CellValue], Slots, dict[str, str]]:
        """(cell values, the free rows the data needs, the document's meta strings).

        ``data`` is the typed application (or a document, which is read first).
        """
        try:
            application = read_application(self.spec, data)
        except ApplicationError as exc:
            raise RenderError(exc.message) from None
        for key in application.unknown_keys:
            self.problem(key, "not a part of an application document")
        if application.named_spec != self.spec.id:
            self.problem("spec", f"is {application.named_spec!r}, not {self.spec.id!r}")
        for field in application.unknown_fields:
            self.problem(field, f"not a field of {self.spec.id}")
        for field, value in application.values.items():
            self._field(self.fields[field], value)
        meta = self._meta(application)
        self._attachments(application)
        self.problem.raise_any(self.spec.id)
        slots = Slots(
            extra_rows=self.extra_rows,
            attachments=self.attachment_rows,
            roster_rows=self.roster_rows,
            whole_extras=frozenset(self.whole_extras),
            texts=self.values,
        )
        return self.values, slots, meta

    # ------------------------------------------------------------------ kinds

    def _field(self, item: Item | CoverLine, value: Any) -> None:
        if isinstance(item, CoverLine):
            self._put((item.id, None, ""), value, text=True)
            return
        _KINDS[item.kind](self, item, value)

    def text_field(self, item: TextItem | NarrativeItem | SignoffItem, value: Any) -> None:
        self._put((item.id, None, ""), value, text=True)

    def number_field(self, item: NumberItem | CountItem, value: Any) -> None:
        self._put((item.id, None, ""), value, text=False)

    def yearly_field(self, item: YearlyItem, value: Any) -> None:
        self._years(item.id, value, text=False)

    def stages_field(self, item: StagesItem, value: Any) -> None:
        self._years(item.id, value, text=True)

    def _years(self, field: str, value: Any, *, text: bool) -> None:
        series = self._shaped(field, value, ByYear)
        if series is None:
            return
        for key in series.unknown:
            self.problem(f"{field}[{key}]", "not a year of the form")
        for year, cell in series.cells.items():
            self._put((field, year, ""), cell, text=text)

    def named_count_field(self, item: NamedCountItem, value: Any) -> None:
        named = self._shaped(item.id, value, NamedCount)
        if named is None:
            return
        for key in named.unknown:
            self.problem(f"{item.id}/{key}", "no such part")
        self._put((item.id, None, "count"), named.count, text=False)
        self._put((item.id, None, "names"), named.names, text=True)

    def counts_field(self, item: CountsItem, value: Any) -> None:
        self._parts(item.id, None, "", value)

    def _parts(self, field: str, year: int | None, prefix: str, value: Any) -> Parts[Any] | None:
        """Place the number cells of a :class:`Parts` under ``prefix``; the parts, if they are."""
        where = field if year is None else f"{field}[{year}]"
        where += f"/{prefix.rstrip('/')}" if prefix else ""
        parts = self._shaped(where, value, Parts)
        if parts is None:
            return None
        for key in parts.unknown:
            self.problem(f"{where}/{key}", "no such part")
        for key, cell in parts.cells.items():
            if not isinstance(cell, Parts):
                self._put((field, year, f"{prefix}{key}"), cell, text=False)
        return parts

    def standards_field(self, item: StandardsItem, value: Any) -> None:
        series = self._shaped(item.id, value, ByYear)
        if series is None:
            return
        for key in series.unknown:
            self.problem(f"{item.id}[{key}]", "not a year of the form")
        for year, per_year in series.cells.items():
            categories = self._parts(item.id, year, "", per_year)
            for category, roles in categories.cells.items() if categories else ():
                self._parts(item.id, year, f"{category}/", roles)

    def choice_field(self, item: ChoiceItem, value: Any) -> None:
        if not isinstance(value, Chosen):
            self.problem(item.id, 'expected an option id or {"option": id, "text": …}')
            return
        labels = dict(option_labels(item.options))
        self._put((item.id, None, ""), labels.get(value.option, value.option), text=True)
        if value.text is not None:
            if any(o.free_text or o.explain for o in item.options):
                self._put((item.id, None, "text"), value.text, text=True)
            else:
                self.problem(item.id, "has text, but no option of it has a blank to write in")

    def checklist_field(self, item: ChecklistItem, value: Any) -> None:
        if not isinstance(value, Checklist):
            raw = value.value if isinstance(value, Invalid) else value
            self.problem(item.id, f"is a {type(raw).__name__}; expected a list of options")
            return
        options = {o.id: o for o in item.options}
        checked: set[str] = set()
        for entry in value.entries:
            if not isinstance(entry, Chosen):
                self.problem(item.id, f"{entry.value!r:.60} is not an option id or object")
                continue
            option = options.get(entry.option)
            if option is None:
                self.problem(f"{item.id}/{entry.option}", "no such option")
            elif option.id in checked:
                self.problem(f"{item.id}/{option.id}", "checked twice")
            else:
                checked.add(option.id)
                self._checked(item, option, entry)
        for option in item.options:
            self.values[item.id, None, option.id] = YES if option.id in checked else NO

    def _checked(self, item: ChecklistItem, option: Option, entry: Chosen) -> None:
        """The text and evidence of one checked option."""
        where = f"{item.id}/{option.id}"
        if entry.text is not None:
            if option.free_text or option.explain:
                self._put((item.id, None, f"{option.id}/text"), entry.text, text=True)
            else:
                self.problem(where, "has text, but the option has no blank")
        self._evidence(item.id, option.id, entry.evidence)
        for key in entry.unknown:
            self.problem(f"{where}/{key}", "not a part of a checked option")

    def _evidence(self, field: str, option_id: str, evidence: tuple[str, ...] | Invalid) -> None:
        if not evidence:
            return
        where = f"{field}/{option_id}/evidence"
        if isinstance(evidence, Invalid):
            self.problem(where, "expected a list of attachment ids")
            return
        if any(not e.strip() or _EVIDENCE_SEPARATOR in e or "," in e for e in evidence):
            self.problem(where, "an attachment id is blank or holds a separator (、 or ,)")
            return
        self._put(
            (field, None, f"{option_id}/evidence"), _EVIDENCE_SEPARATOR.join(evidence), text=True
        )

    def targets_field(self, item: TargetsItem, value: Any) -> None:
        table = self._shaped(item.id, value, Targets)
        if table is None:
            return
        rows = {row.id: row for d in item.directions for row in d.rows}
        parts = (
            ("baseline", "target", "industry_average")
            if has_average(item)
            else ("baseline", "target")
        )
        for key in table.unknown:
            self.problem(f"{item.id}/{key}", "not a part of the target table")
        for row_id in table.unknown_rows:
            self.problem(f"{item.id}/{row_id}", "no such row")
        filled = self._shaped(f"{item.id}/rows", table.rows, dict) or {}
        for row_id, cells in filled.items():
            row = rows[row_id]
            given = self._shaped(row_id, cells, Parts)
            if given is None:
                continue
            for part in given.unknown:
                self.problem(f"{row_id}/{part}", "no such column")
            for part, cell in given.cells.items():
                if part not in parts:
                    self.problem(f"{row_id}/{part}", "no such column")
                    continue
                text = row.value == "text" and part != "industry_average"
                self._put((item.id, None, f"rows/{row_id}/{part}"), cell, text=text)
        self._extra(item, table.extra)

    def _extra(self, item: TargetsItem, extra: tuple[ExtraRow | Invalid, ...] | Invalid) -> None:
        if isinstance(extra, Invalid):
            self.problem(f"{item.id}/extra", "expected a list of rows")
            return
        open_directions = {d.id for d in item.directions if d.open}
        counts: dict[str, int] = {}
        for entry in extra:
            if not isinstance(entry, ExtraRow) or entry.direction not in open_directions:
                shown = entry.value if isinstance(entry, Invalid) else entry.direction
                why = f"{shown!r:.60} is not under an open 方向 (......)"
                self.problem(f"{item.id}/extra", why)
                continue
            direction = entry.direction
            for key in entry.unknown:
                self.problem(f"{item.id}/extra/{direction}/{key}", "not a column of the table")
            n = counts[direction] = counts.get(direction, 0) + 1
            if isinstance(entry.indicator, str) and is_count(entry.indicator):
                self.whole_extras.add(f"{direction}/{n}")
            for part, cell in (
                ("indicator", entry.indicator),
                ("baseline", entry.baseline),
                ("target", entry.target),
            ):
                self._put(
                    (item.id, None, f"{direction}/{n}/{part}"), cell, text=part == "indicator"
                )
        for direction, n in counts.items():
            self.extra_rows[direction] = max(DEFAULT_EXTRA_ROWS, n)

    def roster_field(self, item: RosterItem, value: Any) -> None:
        """One input row per entry; a cell keeps a number as a number, text as text."""
        rows = self._shaped(item.id, value, tuple)
        if rows is None:
            return
        for n, row in enumerate(rows, start=1):
            where = f"{item.id}[{n}]"
            cells = self._shaped(where, row, Parts)
            if cells is None:
                continue
            for key in cells.unknown:
                self.problem(f"{where}/{key}", "no such column")
            for key, cell in cells.cells.items():
                self._put((item.id, None, f"{n}/{key}"), cell, text=False)
        self.roster_rows[item.id] = len(rows)

    # ------------------------------------------------------------------ document

    def _meta(self, application: Application) -> dict[str, str]:
        invalid = application.malformed.get("meta")
        if invalid is not None:
            self.problem("meta", refusal(invalid) if invalid.character else "expected texts")
        kept: dict[str, str] = {}
        for key, text in application.meta.items():
            if len(text) > MAX_CELL_CHARS:
                self.problem(f"meta/{key}", "longer than a cell holds")
            else:
                kept[key] = text
        return kept

    def _attachments(self, application: Application) -> None:
        invalid = application.malformed.get("attachments")
        if invalid is not None and not _only_parts_left_out(invalid.value):
            why = refusal(invalid) if invalid.character else "expected a list of {id, title, file}"
            self.problem("attachments", why)
        listed = application.attachments or ()
        for n, attachment in enumerate(listed, start=1):
            for key in _ATTACHMENT_KEYS:
                self._put((ATTACHMENTS, None, f"{n}/{key}"), getattr(attachment, key), text=True)
        self.attachment_rows = len(listed)


def _only_parts_left_out(listed: object) -> bool:
    """Whether an odd attachment list only leaves parts out: each row keeps what it has."""
    return isinstance(listed, list) and all(
        isinstance(entry, Mapping)
        and set(entry) <= set(_ATTACHMENT_KEYS)
        and all(isinstance(v, str) for v in entry.values())
        for entry in listed
    )


_KINDS: Final[dict[str, Any]] = {
    "text": Flattener.text_field,
    "narrative": Flattener.text_field,
    "signoff": Flattener.text_field,
    "number": Flattener.number_field,
    "count": Flattener.number_field,
    "choice": Flattener.choice_field,
    "checklist": Flattener.checklist_field,
    "yearly": Flattener.yearly_field,
    "stages": Flattener.stages_field,
    "standards": Flattener.standards_field,
    "named_count": Flattener.named_count_field,
    "counts": Flattener.counts_field,
    "targets": Flattener.targets_field,
    "roster": Flattener.roster_field,
}
