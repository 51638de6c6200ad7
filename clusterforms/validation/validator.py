"""``validate(spec, data) -> Report``: every problem in an application at once.

Pure: no I/O, no exceptions for bad data.  The checks for a spec are compiled
once into closures (:class:`Validator`) and reused for every document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clusterforms.model.checks import LAYOUT_KINDS
from clusterforms.model.items import (
    CountItem,
    CountsItem,
    Item,
    NamedCountItem,
    NumberItem,
    SignoffItem,
    StandardsItem,
    TargetsItem,
    YearlyItem,
)
from clusterforms.model.spec import FormSpec
from clusterforms.validation.cells import Attachments, Checker, is_empty, type_name
from clusterforms.validation.emit import Emitter, label_of
from clusterforms.validation.fields import (
    counts_checker,
    named_count_checker,
    number_checker,
    stages_checker,
    standards_checker,
    text_checker,
    yearly_checker,
)
from clusterforms.validation.findings import Report
from clusterforms.validation.messages import Lang
from clusterforms.validation.options import checklist_checker, choice_checker
from clusterforms.validation.rules import RuleCheck, compile_rules, compile_targets
from clusterforms.validation.tables import roster_checker, targets_checker

#: (field id, label, required, numeric, checker) for each field, in form order.
_FieldPlan = tuple[str, str, bool, bool, Checker]
_NUMERIC = (NumberItem, CountItem, YearlyItem, StandardsItem, CountsItem, NamedCountItem)


_FACTORIES: dict[str, Callable[[FormSpec, Any], Checker]] = {
    "text": lambda _, item: text_checker(item),
    "narrative": lambda _, item: text_checker(item),
    "number": lambda _, item: number_checker(item),
    "count": lambda _, item: number_checker(item),
    "yearly": yearly_checker,
    "choice": lambda _, item: choice_checker(item),
    "checklist": lambda _, item: checklist_checker(item),
    "counts": lambda _, item: counts_checker(item),
    "standards": standards_checker,
    "named_count": lambda _, item: named_count_checker(item),
    "stages": stages_checker,
    "targets": lambda _, item: targets_checker(item),
    "roster": lambda _, item: roster_checker(item),
}


def _checker(spec: FormSpec, item: Item) -> Checker | None:
    if isinstance(item, SignoffItem):
        return text_checker(item) if item.opinion else None
    factory = _FACTORIES.get(item.kind)
    return None if factory is None else factory(spec, item)


class Validator:
    """The compiled checks of one spec; call :meth:`validate` per document."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        plan: list[_FieldPlan] = [
            (line.id, label_of(line), True, False, text_checker(line)) for line in spec.cover.lines
        ]
        rules: list[RuleCheck] = []
        for _, item in spec.walk():
            if item.kind in LAYOUT_KINDS:
                continue
            checker = _checker(spec, item)
            if checker is None:
                continue
            required = bool(getattr(item, "required", False))
            plan.append((item.id, label_of(item), required, isinstance(item, _NUMERIC), checker))
            if isinstance(item, TargetsItem):
                rules.append(compile_targets(spec, item))
        rules.extend(compile_rules(spec))
        self._plan = tuple(plan)
        self._known = frozenset(field_id for field_id, *_ in plan)
        self._rules = tuple(rules)

    def validate(self, data: object, *, lang: Lang = "zh") -> Report:
        """Every finding for ``data``, an application document (see docs/data-format.md)."""
        emit = Emitter(lang)
        values = self._document(data, emit)
        if values is not None:
            parsed = self._fields(values, emit, _attachments(data))
            for rule in self._rules:
                rule(parsed, emit)
        return Report(spec=self.spec.id, findings=tuple(emit.findings))

    def parsed_values(self, data: object) -> dict[str, Any]:
        """The usable values of ``data`` by field id (Decimals, year mappings, option ids)."""
        emit = Emitter("zh")
        values = self._document(data, emit)
        return {} if values is None else self._fields(values, emit, _attachments(data))

    def _document(self, data: object, emit: Emitter) -> dict[str, Any] | None:
        if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
            emit("not_an_object", None, "")
            return None
        spec_id = data.get("spec")
        if spec_id != self.spec.id:
            emit("wrong_spec", "spec", "", got=spec_id, expected=self.spec.id)
        _check_meta(data, emit)
        values: dict[str, Any] = data["values"]
        for key in values:
            if key not in self._known:
                emit("unknown_field", str(key), str(key))
        return values

    def _fields(
        self, values: dict[str, Any], emit: Emitter, attachments: Attachments
    ) -> dict[str, Any]:
        parsed: dict[str, Any] = {}
        for field_id, label, required, numeric, check in self._plan:
            value = values.get(field_id)
            if is_empty(value):
                if required:
                    emit("required_number" if numeric else "required", field_id, label)
                continue
            result = check(value, emit, attachments)
            if result is not None:
                parsed[field_id] = result
        return parsed


_ATTACHMENT_KEYS = ("id", "title", "file")


def _check_meta(data: dict[str, Any], emit: Emitter) -> None:
    """``meta`` is an object of strings; ``attachments`` a list of ``{id, title, file}``."""
    meta = data.get("meta", {})
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        emit(
            "wrong_type",
            "meta",
            "meta",
            expected="文字键值对",
            expected_en="an object of strings",
            got=type_name(meta),
        )
    attachments = data.get("attachments", [])
    well_formed = isinstance(attachments, list) and all(
        isinstance(a, dict)
        and set(a) == set(_ATTACHMENT_KEYS)
        and all(isinstance(a[k], str) for k in _ATTACHMENT_KEYS)
        for a in attachments
    )
    if not well_formed:
        emit(
            "wrong_type",
            "attachments",
            "attachments",
            expected="附件清单（id、title、file）",
            expected_en="a list of {id, title, file}",
            got=type_name(attachments),
        )


def _attachments(data: object) -> Attachments:
    listed = data.get("attachments") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return None
    return frozenset(
        a["id"] for a in listed if isinstance(a, dict) and isinstance(a.get("id"), str)
    )


_CACHE_SIZE = 64
_CACHE: dict[int, tuple[FormSpec, Validator]] = {}


def compile_validator(spec: FormSpec) -> Validator:
    """The compiled validator for ``spec``, built once and reused."""
    cached = _CACHE.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    validator = Validator(spec)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(spec)] = (spec, validator)
    return validator


def validate(spec: FormSpec, data: object, *, lang: Lang = "zh") -> Report:
    """Check an application against ``spec``; returns every finding, never raises for bad data.

    Args:
        spec: the form the application fills.
        data: the application document, e.g. from :func:`clusterforms.load_application`.
        lang: ``"zh"`` (default) or ``"en"`` for the messages.

    """
    return compile_validator(spec).validate(data, lang=lang)
