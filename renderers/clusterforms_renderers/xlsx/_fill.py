"""An application document as the values of input cells, keyed like the layout's cells.

The inverse of the reader's assembly.  Values are placed by (field, year,
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
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    CoverLine,
    FormSpec,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    TargetsItem,
    TextItem,
    YearlyItem,
    iter_nested,
)
from clusterforms.errors import RenderError
from clusterforms_renderers.xlsx._choices import option_labels
from clusterforms_renderers.xlsx._codec import MAX_CELL_CHARS
from clusterforms_renderers.xlsx._inputs import NO, YES
from clusterforms_renderers.xlsx._keys import ATTACHMENTS
from clusterforms_renderers.xlsx._layout import Slots
from clusterforms_renderers.xlsx._place import CellValue, Place, Placer, blank
from clusterforms_renderers.xlsx._targets import DEFAULT_EXTRA_ROWS, has_average

_TOP_KEYS: Final = frozenset({"spec", "meta", "attachments", "values"})
_ATTACHMENT_KEYS: Final = ("id", "title", "file")
_EVIDENCE_SEPARATOR: Final = "、"


class Flattener(Placer):
    """Places one application's values for one spec."""

    def __init__(self, spec: FormSpec) -> None:
        super().__init__()
        self.spec = spec
        self.fields: dict[str, Item | CoverLine] = {line.id: line for line in spec.cover.lines}
        for _, item in spec.walk():
            for nested in iter_nested(item):
                if nested.kind not in {"group", "pair", "year_header", "static"}:
                    self.fields[nested.id] = nested
        self.extra_rows: dict[str, int] = {}
        self.roster_rows: dict[str, int] = {}
        self.attachment_rows = 0

    def flatten(
        self, data: Mapping[str, Any]
    ) -> tuple[dict[Place, CellValue], Slots, dict[str, str]]:
        """(cell values, the free rows the data needs, the document's meta strings)."""
        if not isinstance(data, Mapping):
            msg = f"an application must be a JSON object, not {type(data).__name__}"
            raise RenderError(msg)
        for key in data.keys() - _TOP_KEYS:
            self.problem(str(key), "not a part of an application document")
        if data.get("spec") != self.spec.id:
            self.problem("spec", f"is {data.get('spec')!r}, not {self.spec.id!r}")
        values = data.get("values")
        if not isinstance(values, Mapping):
            self.problem("values", "missing or not an object")
            values = {}
        for field, value in values.items():
            item = self.fields.get(field)
            if item is None:
                self.problem(str(field), f"not a field of {self.spec.id}")
            else:
                self._field(item, value)
        meta = self._meta(data.get("meta"))
        self._attachments(data.get("attachments"))
        self.problem.raise_any(self.spec.id)
        slots = Slots(
            extra_rows=self.extra_rows,
            attachments=self.attachment_rows,
            roster_rows=self.roster_rows,
        )
        return self.values, slots, meta

    # ------------------------------------------------------------------ kinds

    def _field(self, item: Item | CoverLine, value: Any) -> None:
        if isinstance(item, CoverLine):
            self._put((item.id, None, ""), value, text=True)
            return
        _KINDS[item.kind](self, item, value)

    def text_field(self, item: TextItem | NarrativeItem, value: Any) -> None:
        self._put((item.id, None, ""), value, text=True)

    def signoff_field(self, item: SignoffItem, value: Any) -> None:
        if item.opinion:
            self._put((item.id, None, ""), value, text=True)
        elif value is not None:
            self.problem(item.id, "a sign-off block without an opinion takes no value")

    def number_field(self, item: NumberItem | CountItem, value: Any) -> None:
        self._put((item.id, None, ""), value, text=False)

    def yearly_field(self, item: YearlyItem, value: Any) -> None:
        self._years(item.id, value, self.spec.data_years, text=False)

    def stages_field(self, item: StagesItem, value: Any) -> None:
        self._years(item.id, value, self.spec.plan_years, text=True)

    def named_count_field(self, item: NamedCountItem, value: Any) -> None:
        self._parts(item.id, value, {"count": False, "names": True})

    def counts_field(self, item: CountsItem, value: Any) -> None:
        self._parts(item.id, value, {p.id: False for p in item.parts})

    def _years(self, field: str, value: Any, years: tuple[int, ...], *, text: bool) -> None:
        mapping = self._mapping(field, value)
        known = {str(y): y for y in years}
        for key, cell in (mapping or {}).items():
            if key not in known:
                self.problem(f"{field}[{key}]", "not a year of the form")
            else:
                self._put((field, known[key], ""), cell, text=text)

    def _parts(self, field: str, value: Any, parts: dict[str, bool]) -> None:
        mapping = self._mapping(field, value)
        for key, cell in (mapping or {}).items():
            if key not in parts:
                self.problem(f"{field}/{key}", "no such part")
            else:
                self._put((field, None, key), cell, text=parts[key])

    def standards_field(self, item: StandardsItem, value: Any) -> None:
        years = {str(y): y for y in self.spec.data_years}
        categories = {c.id for c in item.categories}
        roles = {r.id for r in item.roles}
        for key, per_year in (self._mapping(item.id, value) or {}).items():
            if key not in years:
                self.problem(f"{item.id}[{key}]", "not a year of the form")
                continue
            for category, counts in (self._mapping(f"{item.id}[{key}]", per_year) or {}).items():
                where = f"{item.id}[{key}]/{category}"
                if category not in categories:
                    self.problem(where, "no such category")
                    continue
                for role, count in (self._mapping(where, counts) or {}).items():
                    if role not in roles:
                        self.problem(f"{where}/{role}", "no such role")
                    else:
                        self._put((item.id, years[key], f"{category}/{role}"), count, text=False)

    def choice_field(self, item: ChoiceItem, value: Any) -> None:
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if value is None:
            return
        entry = _option_entry(value)
        if entry is None:
            self.problem(item.id, 'expected an option id or {"option": id, "text": …}')
            return
        option_id, text = entry
        labels = dict(option_labels(item.options))
        shown = labels.get(option_id, option_id)
        self._put((item.id, None, ""), shown, text=True)
        if not blank(text):
            if any(o.free_text or o.explain for o in item.options):
                self._put((item.id, None, "text"), text, text=True)
            else:
                self.problem(item.id, "has text, but no option of it has a blank to write in")

    def checklist_field(self, item: ChecklistItem, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(item.id, f"is a {type(value).__name__}; expected a list of options")
            return
        options = {o.id: o for o in item.options}
        checked: set[str] = set()
        for entry in value:
            parsed = _option_entry(entry)
            if parsed is None:
                self.problem(item.id, f"{entry!r} is not an option id or object")
                continue
            option = options.get(parsed[0])
            if option is None:
                self.problem(f"{item.id}/{parsed[0]}", "no such option")
            elif option.id in checked:
                self.problem(f"{item.id}/{option.id}", "checked twice")
            else:
                checked.add(option.id)
                self._checked(item, option, entry, parsed[1])
        for option in item.options:
            self.values[item.id, None, option.id] = YES if option.id in checked else NO

    def _checked(self, item: ChecklistItem, option: Option, entry: Any, text: Any) -> None:
        """The text and evidence of one checked option."""
        where = f"{item.id}/{option.id}"
        if not blank(text):
            if option.free_text or option.explain:
                self._put((item.id, None, f"{option.id}/text"), text, text=True)
            else:
                self.problem(where, "has text, but the option has no blank")
        if isinstance(entry, Mapping):
            self._evidence(item.id, option.id, entry.get("evidence"))
            for key in set(entry) - {"option", "text", "evidence"}:
                self.problem(f"{where}/{key}", "not a part of a checked option")

    def _evidence(self, field: str, option_id: str, evidence: Any) -> None:
        if evidence is None or evidence == []:
            return
        where = f"{field}/{option_id}/evidence"
        if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
            self.problem(where, "expected a list of attachment ids")
            return
        if any(not e.strip() or _EVIDENCE_SEPARATOR in e or "," in e for e in evidence):
            self.problem(where, "an attachment id is blank or holds a separator (、 or ,)")
            return
        self._put(
            (field, None, f"{option_id}/evidence"), _EVIDENCE_SEPARATOR.join(evidence), text=True
        )

    def targets_field(self, item: TargetsItem, value: Any) -> None:
        mapping = self._mapping(item.id, value)
        if mapping is None:
            return
        rows = {row.id: row for d in item.directions for row in d.rows}
        parts = (
            ("baseline", "target", "industry_average")
            if has_average(item)
            else ("baseline", "target")
        )
        for key in mapping.keys() - {"rows", "extra"}:
            self.problem(f"{item.id}/{key}", "not a part of the target table")
        for row_id, cells in (self._mapping(f"{item.id}/rows", mapping.get("rows")) or {}).items():
            row = rows.get(row_id)
            if row is None:
                self.problem(f"{item.id}/{row_id}", "no such row")
                continue
            for part, cell in (self._mapping(row_id, cells) or {}).items():
                if part not in parts:
                    self.problem(f"{row_id}/{part}", "no such column")
                    continue
                text = row.value == "text" and part != "industry_average"
                self._put((item.id, None, f"rows/{row_id}/{part}"), cell, text=text)
        self._extra(item, mapping.get("extra"))

    def _extra(self, item: TargetsItem, extra: Any) -> None:
        if extra is None:
            return
        if not isinstance(extra, list):
            self.problem(f"{item.id}/extra", "expected a list of rows")
            return
        open_directions = {d.id for d in item.directions if d.open}
        counts: dict[str, int] = {}
        for entry in extra:
            direction = entry.get("direction") if isinstance(entry, Mapping) else None
            if not isinstance(entry, Mapping) or direction not in open_directions:
                self.problem(f"{item.id}/extra", f"{entry!r} is not under an open 方向 (......)")
                continue
            for key in entry.keys() - {"direction", "indicator", "baseline", "target"}:
                self.problem(f"{item.id}/extra/{direction}/{key}", "not a column of the table")
            n = counts[direction] = counts.get(direction, 0) + 1
            for part in ("indicator", "baseline", "target"):
                place = (item.id, None, f"{direction}/{n}/{part}")
                self._put(place, entry.get(part), text=part == "indicator")
        for direction, n in counts.items():
            self.extra_rows[direction] = max(DEFAULT_EXTRA_ROWS, n)

    def roster_field(self, item: RosterItem, value: Any) -> None:
        """One input row per entry; a cell keeps a number as a number, text as text."""
        if blank(value):
            return
        if not isinstance(value, list):
            self.problem(item.id, f"is a {type(value).__name__}; expected a list of rows")
            return
        columns = {c.id for c in item.columns}
        for n, row in enumerate(value, start=1):
            where = f"{item.id}[{n}]"
            if not isinstance(row, Mapping):
                self.problem(where, f"is a {type(row).__name__}; expected a row object")
                continue
            for key, cell in row.items():
                if key not in columns:
                    self.problem(f"{where}/{key}", "no such column")
                else:
                    self._put((item.id, None, f"{n}/{key}"), cell, text=False)
        self.roster_rows[item.id] = len(value)

    # ------------------------------------------------------------------ document

    def _meta(self, meta: Any) -> dict[str, str]:
        if meta is None:
            return {}
        if not isinstance(meta, Mapping):
            self.problem("meta", "expected an object of strings")
            return {}
        kept: dict[str, str] = {}
        for key, value in meta.items():
            if not isinstance(value, str):
                self.problem(f"meta/{key}", "meta values are strings")
            elif len(value) > MAX_CELL_CHARS:
                self.problem(f"meta/{key}", "longer than a cell holds")
            else:
                kept[str(key)] = value
        return kept

    def _attachments(self, listed: Any) -> None:
        if listed is None:
            return
        if not isinstance(listed, list):
            self.problem("attachments", "expected a list")
            return
        for n, entry in enumerate(listed, start=1):
            if not isinstance(entry, Mapping):
                self.problem(f"attachments[{n}]", "expected an object with id, title, file")
                continue
            for key in entry.keys() - set(_ATTACHMENT_KEYS):
                self.problem(f"attachments[{n}]/{key}", "not a column of the 佐证材料清单")
            for key in _ATTACHMENT_KEYS:
                self._put((ATTACHMENTS, None, f"{n}/{key}"), entry.get(key), text=True)
        self.attachment_rows = len(listed)


def _option_entry(value: Any) -> tuple[str, Any] | None:
    if isinstance(value, str):
        return value, None
    if isinstance(value, Mapping) and isinstance(value.get("option"), str):
        return value["option"], value.get("text")
    return None


_KINDS: Final[dict[str, Any]] = {
    "text": Flattener.text_field,
    "narrative": Flattener.text_field,
    "signoff": Flattener.signoff_field,
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
