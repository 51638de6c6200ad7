"""Fields of a single value: text (with its character limit), numbers and counts."""

from __future__ import annotations

from typing import Any

from clusterforms import CountItem, NumberItem
from clusterforms_renderers.json_schema._cells import (
    NOT_BLANK,
    JsonObject,
    count_cell,
    describe,
    item_label,
    number_cell,
    number_words,
    optional,
    titled,
    unit_words,
)
from clusterforms_renderers.json_schema._patterns import text_limit_pattern


def text_field(item: Any, *, required: bool) -> JsonObject:
    """A text value: text, narrative and signoff items and the cover's lines."""
    limit: int | None = getattr(item, "max_chars", None)
    if limit is not None:
        schema: JsonObject = {
            "type": "string" if required else ["string", "null"],
            "pattern": text_limit_pattern(limit, required=required),
        }
    elif required:
        schema = {"type": "string", "pattern": NOT_BLANK}
    else:
        schema = {"type": ["string", "null"]}
    notes: tuple[str, ...] = getattr(item, "notes", ())
    description = describe(
        getattr(item, "hint", None),
        getattr(item, "prompt", None),
        *notes,
        f"限{limit}字以内（不计空格、换行等空白字符）" if limit is not None else None,
        _shared_limit(getattr(item, "counts_toward", None)),
    )
    return titled(schema, item_label(item), description)


def _shared_limit(target: str | None) -> str | None:
    """Words for a text that shares another's limit: a sum no pattern can check."""
    if target is None:
        return None
    return f"与 {target} 合计计入其字数限制（合计由 clusterforms validate 核对）"


def number_field(item: NumberItem) -> JsonObject:
    """A number item's value."""
    schema = number_cell(decimals=item.decimals, minimum=item.minimum, maximum=item.maximum)
    description = describe(
        unit_words(item.unit),
        number_words(item.decimals, item.minimum, item.maximum),
        *item.notes,
    )
    return titled(optional(schema, required=item.required), item_label(item), description)


def count_field(item: CountItem) -> JsonObject:
    """A count item's value."""
    description = describe(unit_words(item.unit), number_words(None, None, None), *item.notes)
    return titled(optional(count_cell(), required=item.required), item_label(item), description)
