"""``validate(spec, data) -> Report``: every problem in an application at once.

Pure: no I/O, no exceptions for bad data.  The document is read once into
typed values (:func:`clusterforms.read_application`); the checks for a spec
are compiled once into closures (:class:`Validator`) that judge those values,
and reused for every document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clusterforms.application.reading import read_application
from clusterforms.application.values import Application
from clusterforms.errors import ApplicationError
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
from clusterforms.validation.cells import Checker, report_invalid
from clusterforms.validation.emit import Emitter, label_of, shown_names
from clusterforms.validation.fields import (
    counts_checker,
    named_count_checker,
    number_checker,
    shared_limit_check,
    stages_checker,
    standards_checker,
    text_checker,
    yearly_checker,
)
from clusterforms.validation.findings import Report
from clusterforms.validation.messages import Lang
from clusterforms.validation.none import required_code
from clusterforms.validation.options import checklist_checker, choice_checker
from clusterforms.validation.rules import RuleCheck, compile_rules, compile_targets
from clusterforms.validation.tables import roster_checker, targets_checker

#: (field id, label, required, the code a blank gets, checker) for each field, in form order.
_FieldPlan = tuple[str, str, bool, str, Checker]
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
            (line.id, label_of(line), True, "required", text_checker(line))
            for line in spec.cover.lines
        ]
        rules: list[RuleCheck] = []
        for _, item in spec.walk():
            if item.kind in LAYOUT_KINDS:
                continue
            checker = _checker(spec, item)
            if checker is None:
                continue
            required = bool(getattr(item, "required", False))
            blank = required_code(item) if isinstance(item, _NUMERIC) else "required"
            plan.append((item.id, label_of(item), required, blank, checker))
            if isinstance(item, TargetsItem):
                rules.append(compile_targets(spec, item))
        rules.extend(compile_rules(spec))
        self._plan = tuple(plan)
        self._rules = tuple(rules)
        self._names = shown_names(spec)
        self._shared = shared_limit_check(spec)

    def validate(self, data: object, *, lang: Lang = "zh") -> Report:
        """Every finding for ``data``, a document (docs/data-format.md) or an Application."""
        emit = Emitter(lang, self._names)
        application = self._read(data, emit)
        if application is not None:
            _check_document(application, emit)
            parsed = self._fields(application, emit)
            self._shared(application.values, emit)
            for rule in self._rules:
                rule(parsed, emit)
        return Report(spec=self.spec.id, findings=tuple(emit.findings))

    def _read(self, data: object, emit: Emitter) -> Application | None:
        if isinstance(data, Application) and data.spec is not self.spec and data.spec != self.spec:
            emit("wrong_spec", "spec", "", got=data.spec.id, expected=self.spec.id)
            return None
        try:
            return read_application(self.spec, data)
        except ApplicationError:
            emit("not_an_object", None, "")
            return None

    def _fields(self, application: Application, emit: Emitter) -> dict[str, Any]:
        values = application.values
        attachments = (
            None
            if application.attachments is None
            else frozenset(a.id for a in application.attachments)
        )
        parsed: dict[str, Any] = {}
        for field_id, label, required, blank, check in self._plan:
            value = values.get(field_id)
            if value is None:
                if required:
                    emit(blank, field_id, label)
                continue
            result = check(value, emit, attachments)
            if result is not None:
                parsed[field_id] = result
        return parsed


_DOCUMENT_WORDS = {
    "meta": ("文字键值对", "an object of strings"),
    "attachments": ("附件清单（id、title、file）", "a list of {id, title, file}"),
}


def _check_document(application: Application, emit: Emitter) -> None:
    """The document's own parts: the spec it names, ``meta``, ``attachments``, unknown fields."""
    spec_id = application.spec.id
    if application.named_spec != spec_id:
        emit("wrong_spec", "spec", "", got=application.named_spec, expected=spec_id)
    for part, words in _DOCUMENT_WORDS.items():
        invalid = application.malformed.get(part)
        if invalid is not None:
            report_invalid(emit, invalid, (part, part), words)
    for key in application.unknown_fields:
        emit("unknown_field", key, key)


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
        data: the application document, e.g. from :func:`clusterforms.load_application`,
            or the :class:`Application` :func:`clusterforms.read_application` made of it
            (then nothing is read twice).
        lang: ``"zh"`` (default) or ``"en"`` for the messages.

    """
    return compile_validator(spec).validate(data, lang=lang)
