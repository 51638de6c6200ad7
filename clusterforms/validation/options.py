"""Checks of single choices and checklists: option ids, their text and evidence."""

from __future__ import annotations

from typing import Any

from clusterforms.model.items import ChecklistItem, ChoiceItem, Option
from clusterforms.validation.cells import (
    LIST_WORDS,
    TEXT_WORDS,
    Attachments,
    Checker,
    is_empty,
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
        if isinstance(value, list):
            if len(value) != 1:
                emit("multiple_choices", item.id, label, count=len(value))
                return None
            value = value[0]
        entry = _option_entry(emit, item, value, _CHOICE_KEYS)
        if entry is None:
            return None
        option_id, text, _evidence = entry
        option = options.get(option_id)
        if option is None:
            emit("unknown_option", item.id, label, option=option_id, options=listed)
            return None
        _check_option_text(emit, item, option, text)
        return option_id

    return check


def checklist_checker(item: ChecklistItem) -> Checker:
    """A list of checked options, each with its text and evidence where needed."""
    label = label_of(item)
    options, listed = _option_index(item.options)

    def check(value: Any, emit: Emitter, attachments: Attachments) -> frozenset[str] | None:
        if not isinstance(value, list):
            wrong_type(emit, item, LIST_WORDS, value)
            return None
        checked: set[str] = set()
        for entry in value:
            parsed = _option_entry(emit, item, entry, _CHECKLIST_KEYS)
            if parsed is None:
                continue
            option_id, text, refs = parsed
            option = options.get(option_id)
            if option is None:
                emit("unknown_option", item.id, label, option=option_id, options=listed)
                continue
            checked.add(option_id)
            _check_option_text(emit, item, option, text)
            needs = item.evidence if option.evidence is None else option.evidence
            if needs and not refs:
                emit(
                    "evidence_missing",
                    item.id,
                    label,
                    severity="warning",
                    option=option_id,
                    option_label=option.label,
                )
            for ref in refs:
                if attachments is not None and ref not in attachments:
                    emit(
                        "unknown_attachment",
                        item.id,
                        label,
                        severity="warning",
                        option=option_id,
                        ref=ref,
                    )
        return frozenset(checked)

    return check


def _option_entry(
    emit: Emitter, item: ChoiceItem | ChecklistItem, value: object, keys: frozenset[str]
) -> tuple[str, object, list[str]] | None:
    """``(option id, text, evidence ids)`` of one entry, or None after reporting why not."""
    if isinstance(value, str):
        return value, None, []
    if not isinstance(value, dict) or not isinstance(value.get("option"), str):
        wrong_type(emit, item, ("选项编号", "an option id"), value)
        return None
    for key in value.keys() - keys:
        emit("unknown_key", item.id, label_of(item), option=value["option"], key=key)
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        wrong_type(emit, item, TEXT_WORDS, text)
        text = None
    evidence = value.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(ref, str) for ref in evidence):
        wrong_type(emit, item, ("佐证材料编号列表", "a list of attachment ids"), evidence)
        evidence = []
    return value["option"], text, evidence


_CHOICE_KEYS = frozenset({"option", "text"})
_CHECKLIST_KEYS = frozenset({"option", "text", "evidence"})


def _check_option_text(
    emit: Emitter, item: ChoiceItem | ChecklistItem, option: Option, text: object
) -> None:
    if not is_empty(text):
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
