"""Checks of single choices and checklists: option ids, their text and evidence."""

from __future__ import annotations

from typing import Any

from clusterforms.application.values import Checklist, Chosen, Invalid
from clusterforms.model.items import ChecklistItem, ChoiceItem, Option
from clusterforms.validation.cells import (
    LIST_WORDS,
    TEXT_WORDS,
    Attachments,
    Checker,
    wrong_type,
)
from clusterforms.validation.emit import Emitter, label_of


def _option_index(options: tuple[Option, ...]) -> tuple[dict[str, Option], str]:
    return {o.id: o for o in options}, "、".join(o.id for o in options)


def choice_checker(item: ChoiceItem) -> Checker:
    """One option id, or ``{"option": id, "text": …}``."""
    label = label_of(item)
    options, listed = _option_index(item.options)

    def check(value: Any, emit: Emitter, _: Attachments) -> str | None:
        if isinstance(value, Invalid) and isinstance(value.value, list):
            emit("multiple_choices", item.id, label, count=len(value.value))
            return None
        entry = _option_entry(emit, item, value)
        if entry is None:
            return None
        option = options.get(entry.option)
        if option is None:
            emit("unknown_option", item.id, label, option=entry.option, options=listed)
            return None
        _check_option_text(emit, item, option, entry.text)
        return option.id

    return check


def checklist_checker(item: ChecklistItem) -> Checker:
    """A list of checked options, each with its text and evidence where needed."""
    label = label_of(item)
    options, listed = _option_index(item.options)
    needs = {o.id: item.evidence if o.evidence is None else o.evidence for o in item.options}

    def check(value: Any, emit: Emitter, attachments: Attachments) -> frozenset[str] | None:
        if not isinstance(value, Checklist):
            wrong_type(emit, item, LIST_WORDS, value)
            return None
        checked: set[str] = set()
        for given in value.entries:
            entry = _option_entry(emit, item, given)
            if entry is None:
                continue
            option = options.get(entry.option)
            if option is None:
                emit("unknown_option", item.id, label, option=entry.option, options=listed)
                continue
            checked.add(option.id)
            if option.explain or option.free_text:
                _check_option_text(emit, item, option, entry.text)
            refs = entry.evidence if isinstance(entry.evidence, tuple) else ()
            if needs[option.id] and not refs:
                emit(
                    "evidence_missing",
                    item.id,
                    label,
                    severity="warning",
                    option=option.id,
                    option_label=option.label,
                )
            for ref in refs:
                if attachments is not None and ref not in attachments:
                    emit(
                        "unknown_attachment",
                        item.id,
                        label,
                        severity="warning",
                        option=option.id,
                        ref=ref,
                    )
        return frozenset(checked)

    return check


def _option_entry(emit: Emitter, item: ChoiceItem | ChecklistItem, value: object) -> Chosen | None:
    """The chosen option, its unknown keys and ill-typed parts reported; None when unusable."""
    if not isinstance(value, Chosen):
        wrong_type(emit, item, ("选项编号", "an option id"), value)
        return None
    for key in value.unknown:
        emit("unknown_key", item.id, label_of(item), option=value.option, key=key)
    if isinstance(value.text, Invalid):
        wrong_type(emit, item, TEXT_WORDS, value.text)
    if isinstance(value.evidence, Invalid):
        wrong_type(emit, item, ("佐证材料编号列表", "a list of attachment ids"), value.evidence)
    return value


def _check_option_text(
    emit: Emitter, item: ChoiceItem | ChecklistItem, option: Option, text: object
) -> None:
    if isinstance(text, str):  # usable text; text of the wrong type was reported already
        return
    if option.explain:
        emit(
            "explanation_required",
            item.id,
            label_of(item),
            option=option.id,
            option_label=option.label,
        )
    elif option.free_text:
        emit(
            "other_text_required",
            item.id,
            label_of(item),
            option=option.id,
            option_label=option.label,
        )
