"""Carrying one field's value from an old item to its counterpart in a new form.

The rule throughout is: carry what means the same, convert only where the
conversion is exact (亿元 ↔ 万元 ↔ 元, in Decimal), and drop — with a reason
in the report — whatever would otherwise be a guess.  A few choices follow
from that (docs/diff.md):

* a series keeps the years both forms ask for and drops the others;
* a single value where the new form wants a series goes into the old form's
  last data year, the year the old 填报说明 date it to (未注明填报年度的，
  请填写截止到…年底的数据), if the new form asks for that year and the label
  does not describe a span (近三年, 累计, 年均); the reverse takes the new
  form's last data year out of the series under the same conditions;
* the plan's baseline and target values move only if the plan years stay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clusterforms.application.values import NONE_TEXT
from clusterforms.diff.messages import message as render
from clusterforms.migrate.cells import (
    NOTHING,
    SCALAR_KINDS,
    SPAN,
    TEXT_KINDS,
    Scalar,
    Source,
    as_decimal,
    is_none_cell,
    kind_of,
    option_id,
    scalar_of,
    scale,
    show,
    span,
    unit_factor,
    year_of,
)
from clusterforms.migrate.report import Action, MigrationEntry
from clusterforms.migrate.targets import carry_targets
from clusterforms.model.items import (
    ChecklistItem,
    ChoiceItem,
    CountsItem,
    Item,
    Option,
    RosterItem,
    StandardsItem,
    YearlyItem,
)
from clusterforms.model.spec import CoverLine, FormSpec


class Carrier:
    """Carries values from ``old_spec`` to ``new_spec``, noting everything it changes."""

    def __init__(self, old_spec: FormSpec, new_spec: FormSpec) -> None:
        self.old_spec = old_spec
        self.new_spec = new_spec
        self.entries: list[MigrationEntry] = []
        self._same: dict[str, Callable[[str, Any, Any, Any], Any]] = {
            "yearly": self._yearly,
            "choice": self._choice,
            "checklist": self._checklist,
            "counts": self._counts,
            "standards": self._standards,
            "stages": self._stages,
            "roster": self._roster,
            "targets": lambda f, o, n, v: carry_targets(self, f, o, n, v),
        }

    def note(  # noqa: PLR0913 - the facts of one report entry
        self,
        action: Action,
        field: str,
        message: str,
        *,
        params: dict[str, str] | None = None,
        year: int | None = None,
        option: str | None = None,
        old: object = None,
        new: object = None,
    ) -> None:
        """Add a report entry (``message`` a catalogue code); values are shown as text."""
        self.entries.append(
            MigrationEntry(
                action=action,
                field=field,
                reason=render(message, "en", params),
                message=message,
                params=params or {},
                year=year,
                option=option,
                old=None if old is None else show(old),
                new=None if new is None else show(new),
            )
        )

    def carry(self, field: str, old: Source, new: Source, value: Any) -> Any:
        """The value for ``new`` (or :data:`NOTHING`), given ``old``'s ``value``."""
        ok, nk = kind_of(old), kind_of(new)
        if ok in TEXT_KINDS and nk in TEXT_KINDS:
            return value
        if ok in SCALAR_KINDS and nk in SCALAR_KINDS:
            return self.scalar(field, scalar_of(old), scalar_of(new), value)
        if ok == nk:
            handler = self._same.get(ok)
            return value if handler is None else handler(field, old, new, value)
        if ok in SCALAR_KINDS and isinstance(new, YearlyItem) and not isinstance(old, CoverLine):
            return self._single_to_series(field, old, new, value)
        if isinstance(old, YearlyItem) and nk in SCALAR_KINDS and not isinstance(new, CoverLine):
            return self._series_to_single(field, old, new, value)
        self.note(
            "dropped",
            field,
            "migrate.kind_changed",
            params={"old_kind": ok, "new_kind": nk},
            old=value,
        )
        return NOTHING

    def scalar(  # noqa: PLR0913 - a cell and where it is
        self,
        field: str,
        old: Scalar,
        new: Scalar,
        value: Any,
        *,
        year: int | None = None,
        option: str | None = None,
    ) -> Any:
        """One number carried between cells: unit converted, whole numbers kept whole.

        "无" is carried as "无" whatever the units: no figure is no figure in any unit.
        """
        if is_none_cell(value):
            return NONE_TEXT
        where = {"year": year, "option": option, "old": value}
        factor = unit_factor(old.unit, new.unit)
        if factor is None:
            units = {"old_unit": old.unit or "(none)", "new_unit": new.unit or "(none)"}
            self.note("dropped", field, "migrate.unit_changed", params=units, **where)
            return NOTHING
        number = as_decimal(value, old.unit)
        if factor == 1:
            if new.integer and number is not None and number != number.to_integral_value():
                self.note("dropped", field, "migrate.whole_number", **where)
                return NOTHING
            return value
        if number is None:
            unit = {"unit": str(new.unit)}
            self.note("dropped", field, "migrate.not_a_number", params=unit, **where)
            return NOTHING
        converted = scale(number, factor)
        self.note(
            "converted",
            field,
            "migrate.converted",
            params={"old_unit": str(old.unit), "new_unit": str(new.unit), "factor": show(factor)},
            new=converted,
            **where,
        )
        return converted

    def _yearly(self, field: str, old: YearlyItem, new: YearlyItem, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        years = {str(y) for y in self.new_spec.data_years}
        window = span(self.new_spec.data_years)
        result: dict[str, Any] = {}
        for key, cell in value.items():
            if key not in years:
                self.note(
                    "dropped",
                    field,
                    "migrate.not_a_year",
                    params={"year": key, "window": window},
                    year=year_of(key),
                    old=cell,
                )
                continue
            carried = self.scalar(field, scalar_of(old), scalar_of(new), cell, year=year_of(key))
            if carried is not NOTHING:
                result[key] = carried
        return result or NOTHING

    def _single_to_series(self, field: str, old: Item, new: YearlyItem, value: Any) -> Any:
        year = self.old_spec.data_years[-1]
        problem = self._dating_problem(old, year)
        if problem is None:
            carried = self.scalar(field, scalar_of(old), scalar_of(new), value, year=year)
            if carried is NOTHING:
                return NOTHING
            self.note(
                "placed",
                field,
                "migrate.placed_single",
                params={"year": str(year)},
                year=year,
                old=value,
                new=carried,
            )
            return {str(year): carried}
        why, params = problem
        self.note("dropped", field, f"migrate.per_year.{why}", params=params, old=value)
        return NOTHING

    def _series_to_single(self, field: str, old: YearlyItem, new: Item, value: Any) -> Any:
        year = self.new_spec.data_years[-1]
        if not isinstance(value, dict):
            self.note("dropped", field, "migrate.single_needed", old=value)
            return NOTHING
        problem = self._dating_problem(new, year, series=value)
        result = NOTHING
        if problem is None:
            result = self.scalar(field, scalar_of(old), scalar_of(new), value[str(year)], year=year)
            if result is not NOTHING:
                self.note(
                    "placed",
                    field,
                    "migrate.placed_series",
                    params={"year": str(year)},
                    year=year,
                    old=value[str(year)],
                    new=result,
                )
        why, params = problem or ("at_end", {"year": str(year)})
        for key, cell in value.items():
            if problem is not None or key != str(year):
                self.note(
                    "dropped",
                    field,
                    f"migrate.single.{why}",
                    params=params,
                    year=year_of(key),
                    old=cell,
                )
        return result

    def _dating_problem(
        self, single: Item, year: int, series: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, str]] | None:
        """Why a single value and a year of a series cannot stand for each other, or None.

        The reason is the tail of a catalogue code (``span``, ``not_both``,
        ``no_value``) and its fields.
        """
        label = str(getattr(single, "label", ""))
        found = SPAN.search(label)
        if found:
            return "span", {"span": found.group()}
        if year not in self.new_spec.data_years or year not in self.old_spec.data_years:
            return "not_both", {"year": str(year)}
        if series is not None and str(year) not in series:
            return "no_value", {"year": str(year)}
        return None

    def _choice(self, field: str, _old: ChoiceItem, new: ChoiceItem, value: Any) -> Any:
        option = option_id(value[0] if isinstance(value, list) and len(value) == 1 else value)
        known = {o.id for o in new.options}
        if option is None or option in known:
            return value
        self.note("dropped", field, "migrate.no_option", option=option, old=value)
        return NOTHING

    def _checklist(self, field: str, _old: ChecklistItem, new: ChecklistItem, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        known = {o.id for o in new.options}
        kept = []
        for entry in value:
            option = option_id(entry)
            if option is None or option in known:
                kept.append(entry)
            else:
                self.note("dropped", field, "migrate.no_option", option=option, old=entry)
        return kept if kept or not value else NOTHING

    def _parts(
        self, field: str, value: Any, parts: tuple[Option, ...], year: int | None = None
    ) -> Any:
        if not isinstance(value, dict):
            return value
        known = {p.id for p in parts}
        for key in [k for k in value if k not in known]:
            self.note(
                "dropped",
                field,
                "migrate.no_part",
                year=year,
                option=key,
                old=value[key],
            )
        kept = {k: v for k, v in value.items() if k in known}
        return kept or NOTHING

    def _counts(self, field: str, _old: CountsItem, new: CountsItem, value: Any) -> Any:
        return self._parts(field, value, new.parts)

    def _standards(self, field: str, _old: StandardsItem, new: StandardsItem, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        years = {str(y) for y in self.new_spec.data_years}
        result: dict[str, Any] = {}
        for key, per_year in value.items():
            if key not in years:
                params = {"year": key, "window": span(self.new_spec.data_years)}
                self.note(
                    "dropped",
                    field,
                    "migrate.not_a_year",
                    params=params,
                    year=year_of(key),
                    old=per_year,
                )
                continue
            categories = self._parts(field, per_year, new.categories, year_of(key))
            if isinstance(categories, dict):
                kept = {
                    c: self._parts(field, roles, new.roles, year_of(key))
                    for c, roles in categories.items()
                }
                categories = {c: r for c, r in kept.items() if r is not NOTHING} or NOTHING
            if categories is not NOTHING:
                result[key] = categories
        return result or NOTHING

    def _stages(self, field: str, _old: Item, _new: Item, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        years = {str(y) for y in self.new_spec.plan_years}
        plan = span(self.new_spec.plan_years)
        for key in [k for k in value if k not in years]:
            self.note(
                "dropped",
                field,
                "migrate.not_plan_year",
                params={"year": key, "plan": plan},
                year=year_of(key),
                old=value[key],
            )
        return {k: v for k, v in value.items() if k in years} or NOTHING

    def _roster(self, field: str, _old: RosterItem, new: RosterItem, value: Any) -> Any:
        """Rows keep the columns the new table has; a cell in any other column is dropped."""
        if not isinstance(value, list):
            return value
        known = {c.id for c in new.columns}
        rows: list[Any] = []
        for n, row in enumerate(value, start=1):
            if not isinstance(row, dict):
                rows.append(row)
                continue
            for key in [k for k in row if k not in known]:
                self.note(
                    "dropped",
                    field,
                    "migrate.no_column",
                    option=f"{n}/{key}",
                    old=row[key],
                )
            rows.append({k: v for k, v in row.items() if k in known})
        return rows
