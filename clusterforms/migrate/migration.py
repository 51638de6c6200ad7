"""``migrate(data, to_spec) -> (draft, report)``: last year's application, this year's form.

Pure: no I/O (apart from looking up the application's own shipped spec when
``from_spec`` is not given).  Values are carried by item id — or, for specs
whose ids do not line up, by the same label matching :func:`diff` uses —
through :class:`~clusterforms.migrate.carry.Carrier` (a plan text that
holds what the new form asks under headings of its own is split,
:mod:`~clusterforms.migrate.headings`); the draft is then
validated against the new form so the report can list every required field
still empty.  Numbers stay Decimal;
:func:`clusterforms.dumps_application` writes them exactly.
"""

from __future__ import annotations

from typing import Any

from clusterforms.diff.match import match
from clusterforms.diff.messages import Lang
from clusterforms.errors import MigrationError
from clusterforms.migrate.carry import Carrier
from clusterforms.migrate.cells import NOTHING, Source
from clusterforms.migrate.headings import split_headed
from clusterforms.migrate.report import MigrationEntry, MigrationReport
from clusterforms.model.checks import LAYOUT_KINDS
from clusterforms.model.items import TargetsItem
from clusterforms.model.lookup import find_spec
from clusterforms.model.spec import FormSpec
from clusterforms.validation.validator import validate

_MISSING_CODES = frozenset({"required"})


def fields_of(spec: FormSpec) -> dict[str, Source]:
    """The fields an application of ``spec`` can fill, by id, in form order."""
    fields: dict[str, Source] = {line.id: line for line in spec.cover.lines}
    fields.update((item.id, item) for _, item in spec.walk() if item.kind not in LAYOUT_KINDS)
    return fields


def migrate(
    data: Any, to_spec: FormSpec, from_spec: FormSpec | None = None, *, lang: Lang = "zh"
) -> tuple[dict[str, Any], MigrationReport]:
    """Carry an application over to ``to_spec``; returns the draft and the report.

    Args:
        data: an application document (see docs/data-format.md), e.g. from
            :func:`clusterforms.load_application`.
        to_spec: the form the draft is for.
        from_spec: the form ``data`` fills; by default the shipped spec named
            by its ``spec`` key (looked up by id, never opened as a path).
        lang: ``"zh"`` (default) or ``"en"``: the language of the report's
            lines and of the findings on the draft.

    Raises:
        MigrationError: ``data`` is not an application document, or it names
            a spec other than ``from_spec``.
        SpecNotFoundError: no ``from_spec`` was given and ``data["spec"]``
            is not a shipped spec.

    """
    if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
        msg = "not an application: expected a JSON object with a 'values' object"
        raise MigrationError(msg)
    named = data.get("spec")
    if from_spec is None:
        if not isinstance(named, str):
            msg = "the application names no 'spec'; say which form it fills"
            raise MigrationError(msg)
        from_spec = find_spec(named)
    elif named is not None and named != from_spec.id:
        msg = f"the application fills {named!r}, not {from_spec.id!r}"
        raise MigrationError(msg)
    values, carried, entries = _carry_values(data["values"], from_spec, to_spec)
    draft = {k: v for k, v in data.items() if k not in {"spec", "values"}}
    meta = draft.get("meta")
    if from_spec.id != to_spec.id and (meta is None or isinstance(meta, dict)):
        draft["meta"] = {**(meta or {}), "migrated_from": from_spec.id}
    draft = {"spec": to_spec.id, **draft, "values": values}
    findings = validate(to_spec, _probe(draft, to_spec), lang=lang).findings
    report = MigrationReport(
        from_spec=from_spec.id,
        to_spec=to_spec.id,
        carried=carried,
        entries=entries,
        missing=tuple(f for f in findings if f.code in _MISSING_CODES),
        findings=tuple(f for f in findings if f.code not in _MISSING_CODES),
        lang=lang,
    )
    return draft, report


def _probe(draft: dict[str, Any], spec: FormSpec) -> dict[str, Any]:
    """The draft with empty target tables, so validation lists their required rows.

    An absent table is not itself a finding (the table has no ``required``
    flag), but every required row in it is; the probe lets the report list them.
    """
    values = dict(draft["values"])
    for _, item in spec.walk():
        if isinstance(item, TargetsItem) and item.id not in values:
            values[item.id] = {"rows": {}}
    return {**draft, "values": values}


def _carry_values(
    values: dict[str, Any], old: FormSpec, new: FormSpec
) -> tuple[dict[str, Any], tuple[str, ...], tuple[MigrationEntry, ...]]:
    old_fields, new_fields = fields_of(old), fields_of(new)
    new_of_old = {i: i for i in old_fields if i in new_fields}
    matching = match(old, new)
    if matching.label_matching:
        new_of_old.update(
            (p.old.item.id, p.new.item.id)
            for p in matching.pairs
            if p.old.item.id in old_fields and p.new.item.id in new_fields
        )
    carrier = Carrier(old, new)
    result: dict[str, Any] = {}
    for key, value in values.items():
        if key not in old_fields:
            carrier.note("dropped", key, "migrate.not_a_field", params={"spec": old.id}, old=value)
        elif key not in new_of_old:
            carrier.note("dropped", key, "migrate.no_field", params={"spec": new.id}, old=value)
        elif value is not None:
            target = new_of_old[key]
            carried = carrier.carry(target, old_fields[key], new_fields[target], value)
            if carried is not NOTHING:
                result[target] = carried
    split_headed(result, set(old_fields), new, carrier)
    ordered = {k: result[k] for k in new_fields if k in result}
    return ordered, tuple(ordered), tuple(carrier.entries)
