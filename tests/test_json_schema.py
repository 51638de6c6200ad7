"""The json-schema renderer and the spec-file schema.

Metaschema, golden files, the command line, the examples, and above all
agreement: for any application document, the schema's verdict equals
``clusterforms.validate``'s verdict restricted to structural findings
(docs/renderers.md lists what only the library checks, and the few places
where the schema is deliberately stricter than the library).
"""

from __future__ import annotations

import copy
import difflib
import functools
import json
import math
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import pytest
from clusterforms_renderers.json_schema import (
    DIALECT,
    JsonSchemaRenderer,
    application_schema,
    number_string_patterns,
    schema_id,
    text_limit_pattern,
)
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms.application.cells import is_blank as is_empty
from clusterforms.application.cells import read_number
from clusterforms.application.reading import reader_for
from clusterforms.model.checks import value_field_ids
from clusterforms.model.converter import structure_spec, unstructure_spec
from clusterforms.model.schema import SPEC_SCHEMA_ID, spec_file_schema
from clusterforms.validation.cells import NumberCheck, count_chars, count_words
from clusterforms.validation.emit import Emitter, label_of
from tests.strategies import specs as random_specs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
SPEC_IDS = cf.list_specs()
SHIPPED_SPECS = ("guangxi-2025", "jiangsu-2024", "national-2023", "shanghai-2023", "summary-2023")

#: Finding codes about the shape of the document: the schema decides these too.
#: ``decimals`` counts only for numeric strings (a JSON number's decimals are
#: lost to binary floats in most validators); ``required`` includes the
#: library's ``required_number`` template.
STRUCTURAL = frozenset(
    {
        "not_an_object",
        "wrong_spec",
        "unknown_field",
        "wrong_type",
        "unknown_year",
        "unknown_option",
        "unknown_key",
        "multiple_choices",
        "required",
        "decimals",
        "negative",
        "out_of_range",
        "not_integer",
        "explanation_required",
        "other_text_required",
        "too_long",
    }
)
#: Codes only the library decides (consistency, plan targets, evidence).
LIBRARY_ONLY = frozenset(
    {
        "formula_mismatch",
        "formula_unchecked",
        "exceeds",
        "target_rule",
        "evidence_missing",
        "unknown_attachment",
        "none_not_allowed",  # which figures can never be 无: the library's table
        "none_but_inputs_show_value",  # 无 where other fields give the value
        "too_many_digits",  # the bounds on digits: a schema pattern could, but does not
        "too_long_together",  # a limit shared by several fields: no schema keyword sums them
        "invalid_character",  # refused by the loader before any schema sees the text
    }
)
LAYOUT_KINDS = frozenset({"group", "pair", "year_header", "static"})

suppress = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ----------------------------------------------------------------- helpers


def schema_bytes(spec: cf.FormSpec) -> bytes:
    return JsonSchemaRenderer().render(spec)


def validator_for(spec: cf.FormSpec) -> jsonschema.Draft202012Validator:
    # Bounds parsed as Decimal, like the data: exact comparisons for non-integer bounds.
    schema = json.loads(schema_bytes(spec), parse_float=Decimal)
    return jsonschema.Draft202012Validator(schema)


@functools.cache
def shipped_validator(spec_id: str) -> jsonschema.Draft202012Validator:
    return validator_for(cf.load_spec(spec_id))


def fields_of(spec: cf.FormSpec) -> list[tuple[str, Any, bool]]:
    """(field id, item, required) for every field the validator knows, in form order."""
    found: list[tuple[str, Any, bool]] = [(line.id, line, True) for line in spec.cover.lines]
    for _, item in spec.walk():
        if item.kind in LAYOUT_KINDS:
            continue
        if isinstance(item, cf.SignoffItem) and not item.opinion:
            continue
        found.append((item.id, item, bool(getattr(item, "required", False))))
    return found


def items_by_id(spec: cf.FormSpec) -> dict[str, Any]:
    return {field_id: item for field_id, item, _ in fields_of(spec)}


def raw_value(spec: cf.FormSpec, doc: Any, finding: cf.Finding) -> Any:
    """The value a finding is about, where it can be found; else None."""
    try:
        values = doc["values"]
        if finding.field in values:
            value = values[finding.field]
            if finding.year is not None:
                value = value[str(finding.year)]
            if finding.option is not None:
                value = value[finding.option]
            return value
        for item in items_by_id(spec).values():
            if isinstance(item, cf.TargetsItem):
                row_ids = {r.id for d in item.directions for r in d.rows}
                if finding.field in row_ids:
                    return values[item.id]["rows"][finding.field][finding.option]
    except (KeyError, TypeError, IndexError):
        return None
    return None


def structural_findings(spec: cf.FormSpec, doc: Any) -> list[cf.Finding]:
    """The library's errors that the schema is meant to decide as well."""
    report = cf.validate(spec, doc)
    found = []
    for finding in report.errors:
        if finding.code not in STRUCTURAL:
            assert finding.code in LIBRARY_ONLY, f"unclassified finding code {finding.code}"
            continue
        if finding.code == "decimals" and not isinstance(raw_value(spec, doc, finding), str):
            continue  # a JSON number's decimals: only the library can see them
        found.append(finding)
    return found


def _is_hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _loose_option(entry: Any, keys: set[str]) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("option"), str)
        and (bool(entry.keys() - keys) or not isinstance(entry.get("text"), str | None))
    )


def _targets_gap(item: cf.TargetsItem, value: dict[str, Any]) -> str | None:
    rows = {r.id: r for d in item.directions for r in d.rows}
    given_rows = value.get("rows")
    if isinstance(given_rows, dict):
        for row_id, cells in given_rows.items():
            row = rows.get(row_id)
            if row is None or not isinstance(cells, dict):
                continue
            if cells.keys() - {"baseline", "target", "industry_average"}:
                return "target row keys"
            for part in ("baseline", "target"):
                cell = cells.get(part)
                if row.value == "text" and not is_empty(cell) and not isinstance(cell, str):
                    return "text row value"
    extra = value.get("extra")
    if isinstance(extra, list):
        for entry in extra:
            if not isinstance(entry, dict):
                continue
            if not _is_hashable(entry.get("direction")):
                return "crash: extra direction"
            if entry.keys() - {"direction", "indicator", "baseline", "target"}:
                return "extra row keys"
            if not is_empty(entry.get("indicator")) and not isinstance(entry["indicator"], str):
                return "extra row indicator"
            for part in ("baseline", "target"):
                cell = entry.get(part)
                if isinstance(cell, bool) or not isinstance(cell, str | Decimal | int | None):
                    return "extra row value"
    return None


def _word_count_gap(item: Any, value: Any) -> bool:
    """Text within its limit as Word counts 字数 but over it in characters (the pattern's count)."""

    def over(text: Any, limit: int | None) -> bool:
        return (
            isinstance(text, str)
            and limit is not None
            and count_words(text) <= limit < count_chars(text)
        )

    if over(value, getattr(item, "max_chars", None)):
        return True
    if not isinstance(item, cf.RosterItem):
        return False
    columns = {c.id: c.max_chars for c in item.columns}
    rows = value if isinstance(value, list) else []
    return any(
        over(cell, columns.get(key))
        for row in rows
        if isinstance(row, dict)
        for key, cell in row.items()
        if isinstance(key, str)
    )


def known_gap(spec: cf.FormSpec, doc: Any) -> str | None:
    """Why the schema may reject what the library accepts (see docs/renderers.md)."""
    if not isinstance(doc, dict):
        return None
    meta = doc.get("meta")
    if "meta" in doc and not (
        isinstance(meta, dict) and all(isinstance(v, str) for v in meta.values())
    ):
        return "meta"
    attachments = doc.get("attachments")
    if "attachments" in doc and not (
        isinstance(attachments, list)
        and all(
            isinstance(a, dict)
            and isinstance(a.get("id"), str)
            and a["id"]
            and isinstance(a.get("title"), str)
            and isinstance(a.get("file"), str)
            for a in attachments
        )
    ):
        return "attachments"
    if "$schema" in doc and not isinstance(doc["$schema"], str):
        return "$schema"
    values = doc.get("values")
    if not isinstance(values, dict):
        return None
    items = items_by_id(spec)
    for field_id, value in values.items():
        item = items.get(field_id)
        if _word_count_gap(item, value):
            return "字数: the pattern counts characters, the library counts as Word does"
        if isinstance(item, cf.ChoiceItem):
            entry = value[0] if isinstance(value, list) and len(value) == 1 else value
            if _loose_option(entry, {"option", "text"}):
                return "choice object"
        elif isinstance(item, cf.ChecklistItem) and isinstance(value, list):
            for entry in value:
                if _loose_option(entry, {"option", "text", "evidence"}):
                    return "checklist object"
                if isinstance(entry, dict) and "evidence" in entry:
                    refs = entry["evidence"]
                    if isinstance(refs, list) and not all(_is_hashable(r) for r in refs):
                        return "crash: evidence"
                    if not (isinstance(refs, list) and all(isinstance(r, str) for r in refs)):
                        return "evidence"
        elif isinstance(item, cf.TargetsItem) and isinstance(value, dict):
            gap = _targets_gap(item, value)
            if gap:
                return gap
    return None


def check_agreement(
    spec: cf.FormSpec, validator: jsonschema.Draft202012Validator, doc: Any
) -> None:
    gap = known_gap(spec, doc)
    schema_ok = validator.is_valid(doc)
    if gap is not None and gap.startswith("crash"):
        event(f"known library crash: {gap}")
        assert not schema_ok
        return
    findings = structural_findings(spec, doc)
    library_ok = not findings
    event(f"verdict: {'valid' if library_ok else 'invalid'}")
    for code in sorted({f.code for f in findings}):
        event(f"structural: {code}")
    if gap is not None:
        event(f"known gap: {gap}")
        # Where the schema states the documented format more strictly than the
        # library checks it, the schema may only ever be the stricter one.
        assert library_ok or not schema_ok, [f.to_dict() for f in findings]
        return
    if schema_ok != library_ok:
        errors = [f"{e.json_path}: {e.message[:300]}" for e in validator.iter_errors(doc)]
        note(json.dumps(doc, ensure_ascii=False, default=str, indent=1)[:4000])
        pytest.fail(
            f"schema says {'valid' if schema_ok else 'invalid'}, library says "
            f"{'valid' if library_ok else 'invalid'}:\n"
            f"library: {[f.to_dict() for f in findings]}\nschema: {errors[:10]}"
        )


# ------------------------------------------------------- value generation

NON_WS = "无集群产业链A9z，。(注)“引号”𠀀é-"
WS = (" ", "\n", "\t", "\u3000", "\r\n")


@st.composite
def texts(draw: st.DrawFn, limit: int | None, *, required: bool) -> str:
    low = 1 if required else 0
    if limit is None:
        size = draw(st.integers(low, 12))
    else:
        size = draw(st.integers(low, min(limit, 12)) | st.just(max(limit, low)))
    if size == 0:
        return draw(st.sampled_from(["", " ", "\n\t"]))
    unit = draw(st.text(alphabet=NON_WS, min_size=1, max_size=4))
    chars = (unit * (size // len(unit) + 1))[:size]
    cuts = sorted(draw(st.lists(st.integers(0, size), max_size=4)))
    pieces, last = [], 0
    for cut in cuts:
        pieces += [chars[last:cut], draw(st.sampled_from(WS))]
        last = cut
    pieces.append(chars[last:])
    return "".join(pieces)


def decimal_in(draw: st.DrawFn, low: Decimal | None, high: Decimal | None, places: int) -> Decimal:
    scale = Decimal(10) ** places
    a = math.ceil(low * scale) if low is not None else -(10**7)
    b = math.floor(high * scale) if high is not None else 10**7
    if a > b:  # an unsatisfiable range (random specs): any value, the document is invalid
        a, b = -(10**7), 10**7
    n = draw(st.sampled_from([a, b]) | st.integers(a, b))
    return Decimal(n).scaleb(-places)


def spell(draw: st.DrawFn, value: Decimal) -> Any:
    """``value`` as a JSON number or one of the numeric strings the library reads."""
    text = format(value, "f")
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    form = draw(
        st.sampled_from(["decimal", "int", "plain", "zeros", "lead", "plus", "space", "bare"])
    )
    if form == "decimal":
        return value
    if form == "int":
        return int(value) if value == value.to_integral_value() else value
    if form == "zeros":
        return text + ("0" if "." in text else ".00")
    if form == "lead":
        return f"{sign}00{digits}"
    if form == "plus":
        return text if sign else "+" + text
    if form == "space":
        return f" {text}\n"
    if form == "bare":
        if digits.startswith("0."):
            return sign + digits[1:]
        if "." not in digits:
            return text + "."
    return text


@st.composite
def numbers(
    draw: st.DrawFn, decimals: int | None, low: Decimal | None = None, high: Decimal | None = None
) -> Any:
    if decimals is None and low is None:
        low = Decimal(0)
    return spell(draw, decimal_in(draw, low, high, decimals or 0))


@st.composite
def option_values(draw: st.DrawFn, options: tuple[cf.Option, ...], *, evidence: bool) -> Any:
    option = draw(st.sampled_from(options))
    if option.explain or option.free_text:
        value: Any = {"option": option.id, "text": draw(texts(None, required=True))}
    else:
        value = draw(
            st.sampled_from([option.id, {"option": option.id}, {"option": option.id, "text": None}])
            | texts(None, required=False).map(lambda t: {"option": option.id, "text": t})
        )
    if evidence and isinstance(value, dict) and draw(st.booleans()):
        value["evidence"] = draw(st.lists(st.sampled_from(["A1", "A2", "A9"]), max_size=2))
    return value


@st.composite
def year_objects(
    draw: st.DrawFn, years: tuple[int, ...], cells: st.SearchStrategy[Any], *, required: bool
) -> dict[str, Any]:
    chosen = years if required else draw(st.lists(st.sampled_from(years), unique=True))
    return {str(y): draw(cells) for y in sorted(chosen)}


def empty_or(strategy: st.SearchStrategy[Any], *, required: bool) -> st.SearchStrategy[Any]:
    return strategy if required else strategy | st.sampled_from([None, " "])


@st.composite
def part_counts(draw: st.DrawFn, parts: tuple[cf.Option, ...], *, required: bool) -> Any:
    chosen = parts if required else draw(st.lists(st.sampled_from(parts), unique=True))
    return {p.id: draw(numbers(None)) for p in chosen}


@st.composite
def targets_values(draw: st.DrawFn, item: cf.TargetsItem) -> Any:
    rows: dict[str, Any] = {}
    for direction in item.directions:
        for row in direction.rows:
            if not row.required and draw(st.booleans()):
                continue
            cell = texts(None, required=True) if row.value == "text" else numbers(2)
            cells = {"baseline": draw(cell), "target": draw(cell)}
            average = draw(st.sampled_from(["absent", "null", "value"]))
            if average == "null":
                cells["industry_average"] = None
            elif average == "value":
                cells["industry_average"] = draw(numbers(2))
            rows[row.id] = cells
    value: dict[str, Any] = {"rows": rows}
    if draw(st.booleans()):
        extra = []
        for _ in range(draw(st.integers(0, 2))):
            entry: dict[str, Any] = {
                "direction": draw(st.sampled_from(item.directions)).id,
                "indicator": draw(texts(None, required=True)),
            }
            for part in ("baseline", "target"):
                if draw(st.booleans()):
                    entry[part] = draw(numbers(2) | texts(None, required=False) | st.none())
            extra.append(entry)
        value["extra"] = extra
    return value


def _fits(limit: int | None, value: object) -> bool:
    """Whether number text is within a text column's limit however it is counted (in characters)."""
    return limit is None or not isinstance(value, str) or count_chars(value) <= limit


@st.composite
def roster_values(draw: st.DrawFn, item: cf.RosterItem) -> Any:
    rows = []
    for _ in range(draw(st.integers(1 if item.required else 0, 3))):
        columns = draw(st.lists(st.sampled_from(item.columns), unique_by=lambda c: c.id))
        rows.append(
            {
                c.id: draw(
                    texts(c.max_chars, required=False)
                    | numbers(None).filter(partial(_fits, c.max_chars))
                    | st.none()
                    if not c.numbered
                    # as text, within the column's limit however it is counted
                    else st.integers(1, 99).map(Decimal)
                    | st.integers(1, 9 if c.max_chars == 1 else 99).map(str)
                )
                for c in columns
            }
        )
    return rows


@st.composite
def loose_rosters(draw: st.DrawFn, item: cf.RosterItem) -> Any:
    keys = [*(c.id for c in item.columns), "zzz"]
    limits = {c.id: c.max_chars for c in item.columns}
    rows: list[Any] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.integers(0, 5)) == 0:
            rows.append(draw(st.sampled_from([None, "x", [], Decimal(1)])))
            continue
        chosen = draw(st.lists(st.sampled_from(keys), unique=True))
        rows.append(
            {
                k: draw(
                    loose_texts(None if limits.get(k) is None else limits[k])
                    | st.sampled_from([True, Decimal(2), -3, "12", {}])
                )
                for k in chosen
            }
        )
    return rows


@st.composite
def named_counts(draw: st.DrawFn) -> Any:
    count = draw(numbers(None))
    value: dict[str, Any] = {"count": count}
    positive = Decimal(str(count).strip() or "0") > 0
    if positive or draw(st.booleans()):
        value["names"] = draw(texts(None, required=positive))
    return value


def value_of(spec: cf.FormSpec, item: Any, required: bool) -> st.SearchStrategy[Any]:
    """A valid value for one field (never empty when ``required``)."""
    if isinstance(item, cf.CoverLine | cf.TextItem | cf.NarrativeItem | cf.SignoffItem):
        return texts(getattr(item, "max_chars", None), required=required)
    if isinstance(item, cf.NumberItem):
        return numbers(item.decimals, item.minimum, item.maximum)
    if isinstance(item, cf.CountItem):
        return numbers(None)
    if isinstance(item, cf.ChoiceItem):
        one = option_values(item.options, evidence=False)
        return one | one.map(lambda v: [v])
    if isinstance(item, cf.ChecklistItem):
        return st.lists(option_values(item.options, evidence=True), max_size=4)
    if isinstance(item, cf.YearlyItem):
        decimals = None if item.value == "count" else item.decimals
        cell = empty_or(numbers(decimals, item.minimum, item.maximum), required=item.required)
        return year_objects(spec.data_years, cell, required=item.required)
    if isinstance(item, cf.StandardsItem):
        roles = part_counts(item.roles, required=item.required)
        per_year = st.lists(st.sampled_from(item.categories), unique=True).flatmap(
            lambda cats: st.fixed_dictionaries({c.id: roles for c in cats})
        )
        return year_objects(spec.data_years, per_year, required=item.required)
    if isinstance(item, cf.CountsItem):
        return part_counts(item.parts, required=item.required)
    if isinstance(item, cf.NamedCountItem):
        return named_counts()
    if isinstance(item, cf.StagesItem):
        cell = texts(None, required=True)
        return year_objects(spec.plan_years, cell, required=item.required)
    if isinstance(item, cf.TargetsItem):
        return targets_values(item)
    if isinstance(item, cf.RosterItem):
        return roster_values(item)
    msg = f"no value strategy for {item!r}"
    raise AssertionError(msg)


@st.composite
def valid_documents(draw: st.DrawFn, spec: cf.FormSpec, *, base: Any = None) -> Any:
    """A document whose fields all have valid values (starting from ``base`` if given)."""
    fields = fields_of(spec)
    if base is not None:
        doc = copy.deepcopy(base)
        chosen = draw(st.lists(st.sampled_from(fields), max_size=6, unique_by=lambda f: f[0]))
    else:
        doc = {"spec": spec.id, "values": {}}
        chosen = fields
        if draw(st.booleans()):
            doc["meta"] = {"prepared_by": draw(texts(None, required=False))}
        if draw(st.booleans()):
            doc["attachments"] = [{"id": "A1", "title": "佐证材料", "file": "a.pdf"}]
    values = doc["values"]
    for field_id, item, required in chosen:
        if not required:
            how = draw(st.sampled_from(["value", "value", "absent", "null", "blank"]))
            if how != "value":
                values.pop(field_id, None)
                if how != "absent":
                    values[field_id] = None if how == "null" else " \n"
                continue
        values[field_id] = draw(value_of(spec, item, required))
    return doc


# ---------------------------------------------------------------- mutation


def paths_of(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += paths_of(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += paths_of(child, (*path, index))
    return found


def get_at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


# fmt: off
BAD_OR_ODD: list[Any] = [
    None, "", "  ", "\n", "无", "abc",
    "0", "-0", "-0.00", "12", "12.0", "12.", ".5", "+3", " 7 ", "007", "12.5", "12.50", "12.500",
    "12.345", "0.07", "-1", "-1.5", "-0.01", "99.99", "100", "100.00", "100.01", "120.00", "1.005",
    "12,5", "1 000", "5元", "--1", ".", "+",
    Decimal(0), Decimal("-0"), Decimal(-1), Decimal(3), Decimal("12.5"), Decimal("0.07"),
    Decimal("1.234"), Decimal(100), Decimal("100.5"), Decimal(120), Decimal("2.0"), 7,
    True, False, [], {}, ["no"], ["yes", "no"],
    {"option": "yes"}, {"option": "no", "text": "说明"}, {"option": "other", "text": " "}, {"option": 5},
    {"count": Decimal(2)}, {"count": "0", "names": ""}, {"rows": {}},
    {"baseline": "1.00", "target": "2.00"}, {"direction": "nowhere", "indicator": "x"},
]
# fmt: on

EXTRA_KEYS = [
    "x", "unknown.field", "option", "text", "evidence", "count", "names", "rows", "extra",
    "baseline", "target", "industry_average", "direction", "indicator",
]  # fmt: skip


def odd_values(spec: cf.FormSpec) -> list[Any]:
    years = [*spec.data_years, *spec.plan_years]
    options = sorted(
        {
            o.id
            for item in items_by_id(spec).values()
            if isinstance(item, cf.ChoiceItem | cf.ChecklistItem)
            for o in item.options
        }
    )
    return [*BAD_OR_ODD, *options[:12], *(str(y) for y in years), {str(years[0]): "1.00"}]


def odd_keys(spec: cf.FormSpec) -> list[str]:
    years = spec.data_years
    keys = [*EXTRA_KEYS, str(years[0] - 1), str(years[-1] + 1), *(str(y) for y in years)]
    for item in items_by_id(spec).values():
        if isinstance(item, cf.ChoiceItem | cf.ChecklistItem):
            keys += [o.id for o in item.options[:2]]
        elif isinstance(item, cf.StandardsItem):
            keys += [o.id for o in (*item.categories, *item.roles)]
        elif isinstance(item, cf.CountsItem):
            keys += [o.id for o in item.parts]
        elif isinstance(item, cf.TargetsItem):
            keys += [r.id for d in item.directions for r in d.rows][:3]
    keys += list(items_by_id(spec))[:5]
    return sorted(set(keys))


# Near misses: values of the right general shape drawn from a wider domain
# (one decimal too many, bounds widened, a year or option too many, blanks),
# so that every structural finding is reached often, right at its boundary.


@st.composite
def loose_numbers(
    draw: st.DrawFn, decimals: int | None, low: Decimal | None = None, high: Decimal | None = None
) -> Any:
    if decimals is None and low is None:
        low = Decimal(0)
    low = None if low is None else low - 1
    high = None if high is None else high + 1
    value = decimal_in(draw, low, high, (decimals or 0) + 1)
    return draw(
        st.just(spell(draw, value))
        | st.sampled_from([v for v in BAD_OR_ODD if v is None or isinstance(v, str)])
    )


def loose_texts(limit: int | None) -> st.SearchStrategy[Any]:
    sized = texts(None if limit is None else limit + 1, required=False)
    return sized | st.sampled_from([None, " ", Decimal(3), ["无"], {}])


@st.composite
def loose_options(draw: st.DrawFn, options: tuple[cf.Option, ...]) -> Any:
    option_id = draw(st.sampled_from([*(o.id for o in options), "zzz"]))
    form = draw(st.sampled_from(["id", "object", "text", "blank", "odd"]))
    if form == "id":
        return option_id
    if form == "object":
        return {"option": option_id}
    if form == "text":
        return {"option": option_id, "text": draw(texts(None, required=True))}
    if form == "blank":
        return {"option": option_id, "text": draw(st.sampled_from([None, "", " \n"]))}
    return draw(st.sampled_from([Decimal(1), None, {"option": None}, {"text": "x"}]))


@st.composite
def loose_years(
    draw: st.DrawFn, years: tuple[int, ...], cells: st.SearchStrategy[Any]
) -> dict[str, Any]:
    keys = [*years, years[0] - 1, years[-1] + 1]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    return {str(y): draw(cells) for y in chosen}


@st.composite
def loose_parts(draw: st.DrawFn, parts: tuple[cf.Option, ...], cells: Any) -> Any:
    keys = [*(p.id for p in parts), "zzz"]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True))
    return {k: draw(cells) for k in chosen}


@st.composite
def loose_targets(draw: st.DrawFn, item: cf.TargetsItem) -> Any:
    rows = [r for d in item.directions for r in d.rows]
    keys = [*(r.id for r in rows), "plan.targets.zzz"]
    value: dict[str, Any] = {}
    if draw(st.booleans()):
        given_rows: dict[str, Any] = {}
        for key in draw(st.lists(st.sampled_from(keys), unique=True)):
            cell = loose_numbers(2) | loose_texts(None)
            cells = {p: draw(cell) for p in draw(st.lists(st.sampled_from(
                ["baseline", "target", "industry_average"]), unique=True))}  # fmt: skip
            given_rows[key] = cells
        value["rows"] = given_rows
    if draw(st.booleans()):
        directions = [*(d.id for d in item.directions), "plan.targets.zzz"]
        value["extra"] = [
            {"direction": draw(st.sampled_from(directions)), "indicator": draw(loose_texts(None))}
            for _ in range(draw(st.integers(0, 2)))
        ]
    return value


def loose_value_of(spec: cf.FormSpec, item: Any) -> st.SearchStrategy[Any]:
    """A near miss for one field: often wrong, right at the edge of what is accepted."""
    if isinstance(item, cf.CoverLine | cf.TextItem | cf.NarrativeItem | cf.SignoffItem):
        return loose_texts(getattr(item, "max_chars", None))
    if isinstance(item, cf.NumberItem):
        return loose_numbers(item.decimals, item.minimum, item.maximum)
    if isinstance(item, cf.CountItem):
        return loose_numbers(None)
    if isinstance(item, cf.ChoiceItem):
        one = loose_options(item.options)
        return one | st.lists(one, max_size=2)
    if isinstance(item, cf.ChecklistItem):
        return st.lists(loose_options(item.options), max_size=3)
    if isinstance(item, cf.YearlyItem):
        decimals = None if item.value == "count" else item.decimals
        cells = loose_numbers(decimals, item.minimum, item.maximum) | st.sampled_from([None, " "])
        return loose_years(spec.data_years, cells)
    if isinstance(item, cf.StandardsItem):
        roles = loose_parts(item.roles, loose_numbers(None)) | st.sampled_from([None, 1])
        return loose_years(spec.data_years, loose_parts(item.categories, roles))
    if isinstance(item, cf.CountsItem):
        return loose_parts(item.parts, loose_numbers(None) | st.none())
    if isinstance(item, cf.NamedCountItem):
        return st.fixed_dictionaries(
            {}, optional={"count": loose_numbers(None), "names": loose_texts(None)}
        )
    if isinstance(item, cf.StagesItem):
        return loose_years(spec.plan_years, loose_texts(None))
    if isinstance(item, cf.TargetsItem):
        return loose_targets(item)
    if isinstance(item, cf.RosterItem):
        return loose_rosters(item)
    msg = f"no near-miss strategy for {item!r}"
    raise AssertionError(msg)


@st.composite
def mutated(draw: st.DrawFn, spec: cf.FormSpec, doc: Any) -> Any:
    """``doc`` with a few edits: near misses, values replaced, keys added or removed."""
    values_pool, keys_pool = odd_values(spec), odd_keys(spec)
    fields = fields_of(spec)
    for _ in range(draw(st.integers(0, 3))):
        op = draw(
            st.sampled_from(
                ["near"] * 4 + ["replace", "replace", "delete", "add", "append", "envelope"]
            )
        )
        values = doc.get("values") if isinstance(doc, dict) else None
        if op == "envelope" or not isinstance(values, dict):
            if draw(st.integers(0, 4)) == 0:
                doc = draw(st.sampled_from([[], "x", None, {"spec": spec.id}, {"values": {}}]))
            elif isinstance(doc, dict):
                key = draw(st.sampled_from(["spec", "values", "meta", "attachments", "other"]))
                doc[key] = copy.deepcopy(draw(st.sampled_from(values_pool)))
            continue
        if op == "near":
            if not fields:  # a spec of layout only (no cover lines, no value items)
                continue
            field_id, item, _ = draw(st.sampled_from(fields))
            values[field_id] = draw(loose_value_of(spec, item))
            continue
        if not values:
            continue
        field_id = draw(st.sampled_from(sorted(values)))
        paths = [("values", field_id, *p) for p in paths_of(values[field_id])]
        if op == "replace":
            path = draw(st.sampled_from(paths))
            get_at(doc, path[:-1])[path[-1]] = copy.deepcopy(draw(st.sampled_from(values_pool)))
        elif op == "delete":
            path = draw(st.sampled_from(paths))
            del get_at(doc, path[:-1])[path[-1]]
        elif op == "add":
            targets = [p for p in [("values",), *paths] if isinstance(get_at(doc, p), dict)]
            node = get_at(doc, draw(st.sampled_from(targets)))
            node[draw(st.sampled_from(keys_pool))] = copy.deepcopy(
                draw(st.sampled_from(values_pool))
            )
        else:
            lists = [p for p in paths if isinstance(get_at(doc, p), list)]
            if lists:
                get_at(doc, draw(st.sampled_from(lists))).append(
                    copy.deepcopy(draw(st.sampled_from(values_pool)))
                )
    return doc


@functools.cache
def example(spec_id: str) -> Any:
    path = EXAMPLES / f"{spec_id}.json"
    return cf.load_application(path) if path.exists() else None


# ------------------------------------------------------------ the renderer


def test_renderer_metadata_and_registration() -> None:
    renderer = cf.get_renderer("json-schema")
    assert isinstance(renderer, JsonSchemaRenderer)
    assert (renderer.name, renderer.media_type, renderer.extension) == (
        "json-schema",
        "application/schema+json",
        ".schema.json",
    )
    assert renderer.text is True
    assert renderer.can_fill is False
    info = next(i for i in cf.available_renderers() if i.name == "json-schema")
    assert info.package == "clusterforms"
    with pytest.raises(cf.RenderError, match="blank forms only"):
        cf.render(cf.load_spec("national-2023"), "json-schema", data={"spec": "national-2023"})
    with pytest.raises(cf.RenderError, match="blank forms only"):
        renderer.render(cf.load_spec("national-2023"), {"spec": "national-2023"})


@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_schema_passes_the_metaschema_and_names_the_spec(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    raw = cf.render(spec, "json-schema")
    schema = json.loads(raw)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert (
        schema["$id"]
        == schema_id(spec_id)
        == (f"https://clusterforms.invalid/schemas/{spec_id}.schema.json")
    )
    assert schema["title"] == spec.title
    assert schema["properties"]["spec"] == {"const": spec_id, "title": "规格编号"}
    assert schema["required"] == ["spec", "values"]
    assert raw.endswith(b"}\n")
    assert raw.decode("utf-8")  # UTF-8, Chinese unescaped
    assert "\\u" not in raw.decode("utf-8")
    assert raw == cf.render(spec, "json-schema")  # deterministic


@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_values_are_exactly_the_fields_the_validator_knows(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    values = application_schema(spec)["properties"]["values"]
    assert values["additionalProperties"] is False
    expected = [field_id for field_id, _, _ in fields_of(spec)]
    assert list(values["properties"]) == expected
    assert set(expected) == reader_for(spec)._known
    assert values["required"] == [f for f, _, required in fields_of(spec) if required]
    assert value_field_ids(spec) == set(expected)
    for field_id, item, _ in fields_of(spec):
        assert values["properties"][field_id]["title"] == label_of(item)  # as messages quote it


def _walk_schema(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _walk_schema(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk_schema(child)


@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_schema_is_inline_and_never_stricter_on_length_or_decimals(spec_id: str) -> None:
    schema = application_schema(cf.load_spec(spec_id))
    for node in _walk_schema(schema):
        assert "$ref" not in node
        assert "$defs" not in node
        assert "maxLength" not in node  # would count whitespace, which 字数 does not
        assert node.get("multipleOf", 1) == 1  # 0.01 fails 0.07 with binary floats


def test_number_properties_accept_numbers_and_numeric_strings() -> None:
    values = application_schema(cf.load_spec("national-2023"))["properties"]["values"]
    water = values["properties"]["green.water_reuse_rate"]
    assert water["title"] == "工业用水重复利用率（%）"
    number, none = water["anyOf"]  # a number, or 无: the form's explicit none
    assert number["type"] == ["number", "string"]
    assert (number["minimum"], number["maximum"]) == (0, 100)
    assert none == {"type": "string", "pattern": r"^\s*无\s*$"}
    assert "单位：%" in water["description"]
    branches = values["properties"]["basic.industry_type"]["oneOf"]
    assert {"const": "secondary", "title": "第二产业"} in branches
    output = values["properties"]["industry.total_output"]
    assert sorted(output["properties"]) == ["2020", "2021", "2022"]
    assert output["additionalProperties"] is False
    assert output["required"] == ["2020", "2021", "2022"]


def test_explain_and_free_text_options_need_their_text() -> None:
    values = application_schema(cf.load_spec("guangxi-2025"))["properties"]["values"]
    accident = values["properties"]["basic.major_accident"]
    consts = [b["const"] for b in accident["oneOf"] if "const" in b]
    assert consts == ["no"]  # "yes" needs its explanation: only the object form
    obj = next(b for b in accident["oneOf"] if b.get("type") == "object")
    assert obj["if"] == {"properties": {"option": {"enum": ["yes"]}}}
    assert obj["then"]["required"] == ["text"]
    validator = shipped_validator("guangxi-2025")
    doc = copy.deepcopy(example("guangxi-2025"))
    for value, ok in [
        ("no", True),
        ({"option": "yes", "text": "2022年3月发生一般事故，已整改。"}, True),
        ("yes", False),
        ({"option": "yes"}, False),
        ({"option": "yes", "text": " \n"}, False),
    ]:
        doc["values"]["basic.major_accident"] = value
        assert validator.is_valid(doc) is ok, value
        assert (not structural_findings(cf.load_spec("guangxi-2025"), doc)) is ok


@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_golden_file(spec_id: str) -> None:
    rendered = cf.render(cf.load_spec(spec_id), "json-schema")
    path = GOLDEN / f"{spec_id}.schema.json"
    if os.environ.get("CLUSTERFORMS_UPDATE_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered)
    assert path.exists(), f"{path} is missing; run with CLUSTERFORMS_UPDATE_GOLDENS=1"
    expected = path.read_bytes()
    if rendered != expected:
        diff = difflib.unified_diff(
            expected.decode().splitlines(),
            rendered.decode().splitlines(),
            "golden",
            "rendered",
            lineterm="",
            n=2,
        )
        pytest.fail(
            f"{path.name} differs (CLUSTERFORMS_UPDATE_GOLDENS=1 rewrites it after review):\n"
            + "\n".join(list(diff)[:60])
        )


def test_cli_renders_the_schema_to_stdout() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "clusterforms",
            "render",
            "national-2023",
            "--format",
            "json-schema",
        ],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == cf.render(cf.load_spec("national-2023"), "json-schema")
    assert result.stderr == b""


def test_cli_refuses_data_for_the_schema(tmp_path: Path) -> None:
    app = tmp_path / "app.json"
    app.write_text('{"spec": "national-2023", "values": {}}', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "clusterforms", "render", "national-2023", "-f", "json-schema",
         "--data", str(app)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "blank forms only" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- examples


def test_every_example_file_exists() -> None:
    names = sorted(p.name for p in EXAMPLES.glob("*.json"))
    expected = sorted(
        name for spec_id in SHIPPED_SPECS for name in (f"{spec_id}.json", f"{spec_id}.broken.json")
    )
    assert set(expected) <= set(names), sorted(set(expected) - set(names))


def _existing(suffix: str) -> list[str]:
    return [s for s in SPEC_IDS if (EXAMPLES / f"{s}{suffix}").exists()]


@pytest.mark.parametrize("spec_id", _existing(".json"))
def test_valid_examples_validate_against_the_schema(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    schema = json.loads(cf.render(spec, "json-schema"))
    validator = jsonschema.Draft202012Validator(schema)
    as_decimals = cf.load_application(EXAMPLES / f"{spec_id}.json")  # numbers are Decimal
    assert cf.validate(spec, as_decimals).ok
    assert [e.message for e in validator.iter_errors(as_decimals)] == []
    as_floats = json.loads((EXAMPLES / f"{spec_id}.json").read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(as_floats)] == []


@pytest.mark.parametrize("spec_id", _existing(".broken.json"))
def test_broken_examples_fail_the_schema(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    broken = cf.load_application(EXAMPLES / f"{spec_id}.broken.json")
    assert structural_findings(spec, broken), "the broken example has no structural mistake"
    errors = list(shipped_validator(spec_id).iter_errors(broken))
    assert errors


@pytest.mark.parametrize("spec_id", _existing(".broken.json"))
def test_each_mistake_of_a_broken_example_alone(spec_id: str) -> None:
    """Apply the broken example's changes one field at a time: schema and library agree."""
    spec = cf.load_spec(spec_id)
    good = example(spec_id)
    if good is None:
        pytest.skip("the valid example does not exist yet")
    broken = cf.load_application(EXAMPLES / f"{spec_id}.broken.json")
    validator = shipped_validator(spec_id)
    changed = {
        key
        for key in good["values"].keys() | broken["values"].keys()
        if good["values"].get(key, "<absent>") != broken["values"].get(key, "<absent>")
    }
    caught = []
    for key in sorted(changed):
        doc = copy.deepcopy(good)
        if key in broken["values"]:
            doc["values"][key] = copy.deepcopy(broken["values"][key])
        else:
            del doc["values"][key]
        library_codes = {f.code for f in structural_findings(spec, doc)}
        assert validator.is_valid(doc) == (not library_codes), (key, library_codes)
        if library_codes:
            caught.append(key)
    # One per structural mistake listed in examples/README.md (the 汇总表's few
    # fields hold several mistakes each: then every changed field is caught).  Jiangsu
    # has 7: its plan over the 3000 字 that three fields share is the library's alone.
    assert len(caught) >= min(7, len(changed)), caught


@pytest.mark.parametrize("spec_id", _existing(".json"))
def test_fastjsonschema_agrees_on_the_examples(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    check = fastjsonschema.compile(json.loads(cf.render(spec, "json-schema")))
    check(cf.load_application(EXAMPLES / f"{spec_id}.json"))
    broken = EXAMPLES / f"{spec_id}.broken.json"
    if broken.exists():
        with pytest.raises(fastjsonschema.JsonSchemaValueException):
            check(cf.load_application(broken))


# ----------------------------------------------------- targeted mistakes


def _set(field: str, value: Any) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        doc["values"][field] = value

    return mutate


def _set_in(field: str, key: str, value: Any) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        doc["values"][field][key] = value

    return mutate


def _drop(field: str) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        del doc["values"][field]

    return mutate


#: (spec, description, mutation, the structural code the library reports, or None when valid)
# fmt: off
TARGETED: list[tuple[str, str, Callable[[Any], None], str | None]] = [
    ("national-2023", "values not an object", lambda d: d.update(values=[]), "not_an_object"),
    ("national-2023", "another spec", lambda d: d.update(spec="jiangsu-2024"), "wrong_spec"),
    ("national-2023", "unknown field", _set("industry.total_profit", "1.00"), "unknown_field"),
    ("national-2023", "text as a number", _set("basic.operator", Decimal(5)), "wrong_type"),
    ("national-2023", "number as text", _set("basic.area", "十二"), "wrong_type"),
    ("national-2023", "number with another unit", _set("basic.area", "12.5公顷"), "wrong_type"),
    ("national-2023", "number as a list", _set("basic.area", ["1"]), "wrong_type"),
    ("national-2023", "boolean number", _set("basic.area", True), "wrong_type"),  # noqa: FBT003
    ("national-2023", "yearly as a list", _set("industry.total_output", ["1"]), "wrong_type"),
    ("national-2023", "unknown year", _set_in("industry.total_output", "2019", "1.00"), "unknown_year"),
    ("national-2023", "missing year", lambda d: d["values"]["industry.total_output"].pop("2021"), "required"),
    ("national-2023", "unknown option", _set("basic.industry_type", "quaternary"), "unknown_option"),
    ("national-2023", "two choices", _set("basic.industry_type", ["primary", "secondary"]), "multiple_choices"),
    ("national-2023", "no choice in a list", _set("basic.industry_type", []), "multiple_choices"),
    ("national-2023", "unknown checklist option", _set("industry.chain_work", ["chain_map", "x"]), "unknown_option"),
    ("national-2023", "checklist not a list", _set("industry.chain_work", "chain_map"), "wrong_type"),
    ("national-2023", "unknown key in counts", _set_in("green.system", "green_mine", 1), "unknown_key"),
    ("national-2023", "missing part of counts", lambda d: d["values"]["green.system"].pop("green_park"), "required"),
    ("national-2023", "unknown key in a named count", _set_in("innovation.platforms.national", "note", "x"), "unknown_key"),
    ("national-2023", "names missing for a count", _set("innovation.platforms.national", {"count": 2}), "required"),
    ("national-2023", "count missing", _set("innovation.platforms.national", {"names": "无"}), "required"),
    ("national-2023", "unknown key in targets", _set_in("plan.targets", "notes", "x"), "unknown_key"),
    ("national-2023", "unknown target row", lambda d: d["values"]["plan.targets"]["rows"].update({"plan.targets.x": {"baseline": "1", "target": "2"}}), "unknown_key"),
    ("national-2023", "target row missing", lambda d: d["values"]["plan.targets"]["rows"].pop("plan.targets.patents"), "required"),
    ("national-2023", "extra row in no direction", _set_in("plan.targets", "extra", [{"direction": "plan.targets.x", "indicator": "x"}]), "unknown_key"),
    ("national-2023", "extra row without indicator", _set_in("plan.targets", "extra", [{"direction": "plan.targets.other", "indicator": " "}]), "required"),
    ("national-2023", "required text empty", _set("basic.operator_contact.name", ""), "required"),
    ("national-2023", "required text null", _set("cover.date", None), "required"),
    ("national-2023", "required number blank", _set("basic.area", "  "), "required"),
    ("national-2023", "required field absent", _drop("basic.area"), "required"),
    ("national-2023", "stage blank", _set_in("plan.stages", "2024", "\u3000"), "required"),
    ("national-2023", "stage for an unknown year", _set_in("plan.stages", "2026", "x"), "unknown_year"),
    ("national-2023", "three decimals in a string", _set("basic.area", "12.505"), "decimals"),
    ("national-2023", "three decimals in a yearly string", _set_in("industry.total_output", "2020", "1.234"), "decimals"),
    ("national-2023", "three decimals in a target", lambda d: d["values"]["plan.targets"]["rows"]["plan.targets.co2"].update(target="0.455"), "decimals"),
    ("national-2023", "negative count", _set("open.overseas_branches", Decimal(-2)), "negative"),
    ("national-2023", "negative count string", _set("open.overseas_branches", "-2"), "negative"),
    ("national-2023", "negative area", _set("basic.area", "-0.01"), "negative"),
    ("national-2023", "share above 100", _set("green.water_reuse_rate", "100.01"), "out_of_range"),
    ("national-2023", "share above 100, number", _set("green.water_reuse_rate", Decimal(120)), "out_of_range"),
    ("national-2023", "fraction of a count", _set("open.overseas_branches", "2.5"), "not_integer"),
    ("national-2023", "fraction of a count, number", _set("open.overseas_branches", Decimal("2.5")), "not_integer"),
    ("national-2023", "text too long", _set("industry.chain_narrative", "字" * 201), "too_long"),
    ("guangxi-2025", "yes without explanation", _set("basic.major_accident", "yes"), "explanation_required"),
    ("shanghai-2023", "new track without text", _set("basic.industry_field", {"option": "new_track", "text": ""}), "other_text_required"),
    ("shanghai-2023", "other checked without text", _set("open.activities", ["other"]), "other_text_required"),
    # valid edge cases: the schema must accept them too
    ("national-2023", "trailing zeros beyond 2 places", _set("basic.area", "12.500"), None),
    ("national-2023", "three decimals as a JSON number (library only)", _set("basic.area", Decimal("12.505")), None),
    ("national-2023", "padded and signed number", _set("basic.area", " +012.5\n"), None),
    ("national-2023", "share of exactly 100", _set("green.water_reuse_rate", "100.000"), None),
    ("national-2023", "share of 0.07", _set("green.water_reuse_rate", Decimal("0.07")), None),
    ("national-2023", "count written 12.0", _set("open.overseas_branches", "12.0"), None),
    ("national-2023", "count of minus zero", _set("open.overseas_branches", "-0"), None),
    ("national-2023", "200 characters and whitespace", _set("industry.chain_narrative", "字 \n" * 200), None),
    ("national-2023", "choice in a one-element list", _set("basic.industry_type", ["secondary"]), None),
    ("national-2023", "choice as an object", _set("basic.industry_type", {"option": "secondary", "text": None}), None),
    ("national-2023", "named count of 0 without names", _set("innovation.platforms.national", {"count": 0}), None),
    ("national-2023", "optional checklist null", _set("industry.chain_work", None), None),
    ("national-2023", "optional targets blank", _set("plan.targets", " "), None),
    ("national-2023", "an extra top-level key", lambda d: d.update({"$schema": "x", "note": 1}), None),
]
# fmt: on


@pytest.mark.parametrize(
    ("spec_id", "mutate", "code"),
    [pytest.param(s, m, c, id=f"{s}: {what}") for s, what, m, c in TARGETED],
)
def test_targeted_mistakes(spec_id: str, mutate: Callable[[Any], None], code: str | None) -> None:
    spec = cf.load_spec(spec_id)
    doc = copy.deepcopy(example(spec_id))
    mutate(doc)
    codes = {f.code for f in structural_findings(spec, doc)}
    if code is None:
        assert codes == set()
    else:
        assert code in codes
    assert known_gap(spec, doc) is None
    assert shipped_validator(spec_id).is_valid(doc) is (code is None)


# ------------------------------------------------- agreement, property-based


@pytest.mark.parametrize("spec_id", SHIPPED_SPECS)
@suppress
@given(data=st.data())
def test_schema_agrees_with_validate_on_shipped_specs(spec_id: str, data: st.DataObject) -> None:
    spec = cf.load_spec(spec_id)
    base = example(spec_id)
    doc = data.draw(valid_documents(spec, base=base) if base else valid_documents(spec))
    doc = data.draw(mutated(spec, doc))
    check_agreement(spec, shipped_validator(spec_id), doc)


@pytest.mark.parametrize("spec_id", SHIPPED_SPECS)
@settings(
    max_examples=min(settings.default.max_examples, 25),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_generated_valid_documents_pass_both(spec_id: str, data: st.DataObject) -> None:
    spec = cf.load_spec(spec_id)
    doc = data.draw(valid_documents(spec))
    assert structural_findings(spec, doc) == []
    assert [e.message for e in shipped_validator(spec_id).iter_errors(doc)] == []


def satisfiable(spec: cf.FormSpec) -> bool:
    """Whether every number range of ``spec`` holds a value with the allowed decimals."""
    for _, item in spec.walk():
        if isinstance(item, cf.NumberItem | cf.YearlyItem) and None not in (
            item.minimum,
            item.maximum,
        ):
            places = 0 if getattr(item, "value", "number") == "count" else item.decimals
            scale = Decimal(10) ** places
            if math.ceil(item.minimum * scale) > math.floor(item.maximum * scale):
                return False
    return True


@suppress
@given(spec=random_specs(), data=st.data())
def test_schema_agrees_with_validate_on_random_specs(
    spec: cf.FormSpec, data: st.DataObject
) -> None:
    validator = validator_for(spec)
    jsonschema.Draft202012Validator.check_schema(validator.schema)
    doc = data.draw(valid_documents(spec))
    if satisfiable(spec) and data.draw(st.booleans()):
        assert structural_findings(spec, doc) == []
        assert validator.is_valid(doc)
    check_agreement(spec, validator, data.draw(mutated(spec, doc)))


# ------------------------------------------------------ pattern builders

numeric_strings = st.from_regex(
    r"\A[ \n\u3000]?[+-]?0{0,2}[0-9]{0,4}(\.[0-9]{0,5})?[ \t]?\Z"
) | st.text(alphabet="0123456789.+- ", max_size=8)


@st.composite
def bounds(draw: st.DrawFn) -> Decimal | None:
    places = draw(st.integers(0, 3))
    special = st.sampled_from(
        [Decimal(0), Decimal(100), Decimal("0.5"), Decimal(-1), Decimal("99.99")]
    )
    value = draw(st.none() | special | st.decimals(-1000, 1000, places=places))
    return None if value is None else value


@given(
    text=numeric_strings,
    decimals=st.none() | st.integers(0, 4),
    minimum=bounds(),
    maximum=bounds(),
)
def test_number_string_patterns_match_the_library_exactly(
    text: str, decimals: int | None, minimum: Decimal | None, maximum: Decimal | None
) -> None:
    if decimals is None and minimum is None:
        minimum = Decimal(0)  # the library's floor for whole numbers
    patterns = number_string_patterns(decimals, minimum, maximum)
    emit = Emitter("en")
    if not is_empty(text):
        read = NumberCheck(
            "f", "f", integer=decimals is None, decimals=decimals or 0,
            minimum=minimum, maximum=maximum,
        )  # fmt: skip
        read(read_number(text), emit)
    library_ok = not is_empty(text) and not emit.findings
    assert all(re.search(p, text) for p in patterns) == library_ok, (patterns, emit.findings)


@given(
    text=st.text(alphabet=st.sampled_from([*NON_WS, *" \n\t\r\u3000\u00a0\u2028\x1c\v\ufeff"])),
    limit=st.integers(0, 12),
    required=st.booleans(),
)
def test_text_limit_pattern_counts_like_the_library(text: str, limit: int, required: bool) -> None:
    expected = count_chars(text) <= limit and (not required or count_chars(text) > 0)
    assert (re.search(text_limit_pattern(limit, required=required), text) is not None) == expected


# ------------------------------------------- edge cases both sides refuse
#
# Inputs on which the schema and the library once disagreed (the library was
# more lenient than docs/data-format.md); both refuse them now.


def _agree(spec_id: str, mutate: Callable[[Any], None]) -> None:
    spec = cf.load_spec(spec_id)
    doc = copy.deepcopy(example(spec_id))
    mutate(doc)
    library_ok = not structural_findings(spec, doc)
    assert shipped_validator(spec_id).is_valid(doc) == library_ok


# fmt: off
GAPS: list[tuple[str, str, Callable[[Any], None]]] = [
    ("numeric string in exponent notation", "national-2023", _set("open.overseas_branches", "1e2")),
    ("option object with an unknown key", "national-2023", _set("basic.industry_type", {"option": "secondary", "note": "x"})),
    ("option text that is not text", "national-2023", _set("basic.industry_type", {"option": "secondary", "text": Decimal(5)})),
    ("evidence that is not a list of ids", "national-2023", _set("industry.chain_work", [{"option": "chain_map", "evidence": "A1"}])),
    ("target row with an unknown key", "national-2023", lambda d: d["values"]["plan.targets"]["rows"]["plan.targets.co2"].update(note="x")),
    ("qualitative target row given a number", "national-2023", lambda d: d["values"]["plan.targets"]["rows"]["plan.targets.open_text"].update(target=Decimal(3))),
    ("extra target row with an unchecked value", "national-2023", _set_in("plan.targets", "extra", [{"direction": "plan.targets.other", "indicator": "x", "baseline": True}])),
    ("meta that is not an object of strings", "national-2023", lambda d: d.update(meta={"pages": Decimal(3)})),
    ("attachments without a file name", "national-2023", lambda d: d.update(attachments=[{"id": "A1"}])),
]
# fmt: on


@pytest.mark.parametrize(("spec_id", "mutate"), [pytest.param(s, m, id=w) for w, s, m in GAPS])
def test_edge_case_refused_by_both(spec_id: str, mutate: Callable[[Any], None]) -> None:
    _agree(spec_id, mutate)
    spec = cf.load_spec(spec_id)
    doc = copy.deepcopy(example(spec_id))
    mutate(doc)
    assert structural_findings(spec, doc)


#: Number text a person types that the library reads (docs/data-format.md, "Numbers") and the
#: schema, which describes the canonical form the tools write, refuses.
TYPED_FORMS = [
    ("full-width digits", "open.overseas_branches", "１２"),
    ("ideographic full stop", "basic.area", "12。5"),
    ("thousands separators", "basic.area", "1,234.5"),
    ("the field's own unit", "basic.area", "12.5平方公里"),
]


@pytest.mark.parametrize(("field", "typed"), [pytest.param(f, t, id=w) for w, f, t in TYPED_FORMS])
def test_known_difference_typed_forms_are_read_by_the_library_only(field: str, typed: str) -> None:
    spec = cf.load_spec("national-2023")
    doc = copy.deepcopy(example("national-2023"))
    doc["values"][field] = typed
    assert not structural_findings(spec, doc)
    assert not shipped_validator("national-2023").is_valid(doc)


@pytest.mark.xfail(
    strict=True,
    reason="by design: validate reads Decimal, a Python float is wrong_type; the schema accepts any JSON number",
)
def test_known_difference_python_floats() -> None:
    spec = cf.load_spec("national-2023")
    doc = json.loads((EXAMPLES / "national-2023.json").read_text(encoding="utf-8"))
    doc["values"]["basic.area"] = 12.5  # json.load without parse_float=Decimal
    assert shipped_validator("national-2023").is_valid(doc) == (not structural_findings(spec, doc))


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(
            _set_in("plan.targets", "extra", [{"direction": [], "indicator": "x"}]),
            id="extra row direction is a list",
        ),
        pytest.param(
            _set("industry.chain_work", [{"option": "chain_map", "evidence": [["A1"]]}]),
            id="evidence id is a list",
        ),
    ],
)
def test_unhashable_values_are_findings_not_crashes(mutate: Callable[[Any], None]) -> None:
    spec = cf.load_spec("national-2023")
    doc = copy.deepcopy(example("national-2023"))
    mutate(doc)
    assert not shipped_validator("national-2023").is_valid(doc)
    assert "wrong_type" in cf.validate(spec, doc).codes


# ------------------------------------------------------- the spec files


def spec_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(spec_file_schema())


def test_spec_schema_passes_the_metaschema() -> None:
    schema = spec_file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SPEC_SCHEMA_ID
    assert json.loads(json.dumps(schema)) == schema  # plain JSON data
    item = schema["$defs"]["Item"]
    kinds = [b["$ref"].rsplit("/", 1)[1] for b in item["oneOf"]]
    assert set(item["properties"]["kind"]["enum"]) == {
        schema["$defs"][name]["properties"]["kind"]["const"] for name in kinds
    }
    assert schema["$defs"]["Rule"]["properties"]["check"]["enum"] == ["formula", "compare"]
    assert "One box of a choice or checklist" in schema["$defs"]["Option"]["description"]
    for name, definition in schema["$defs"].items():
        if "oneOf" not in definition:
            assert definition["additionalProperties"] is False, name


@pytest.mark.parametrize("path", sorted((ROOT / "specs").glob("*.toml")), ids=lambda p: p.stem)
def test_every_shipped_spec_file_validates(path: Path) -> None:
    validator = spec_validator()
    for parse_float in (float, Decimal):
        raw = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=parse_float)
        assert [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(raw)] == []


@suppress
@given(spec=random_specs())
def test_unstructured_random_specs_validate(spec: cf.FormSpec) -> None:
    raw = unstructure_spec(spec)
    assert [f"{e.json_path}: {e.message[:200]}" for e in spec_validator().iter_errors(raw)] == []


def test_a_variant_with_extends_need_not_repeat_the_base() -> None:
    variant = {"extends": "national-2023", "id": "sichuan-2024", "drop_appendices": ["summary"]}
    assert spec_validator().is_valid(variant)
    assert not spec_validator().is_valid({"id": "sichuan-2024"})  # no base: keys are missing


def _spec_data() -> dict[str, Any]:
    return tomllib.loads((ROOT / "specs" / "national-2023.toml").read_text(encoding="utf-8"))


def _first_item(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(i for s in data["sections"] for i in s["items"] if i["kind"] == kind)


# fmt: off
BROKEN_SPECS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("unknown top-level key", lambda d: d.update(titel="x")),
    ("missing required key", lambda d: d.pop("issuer")),
    ("unknown item kind", lambda d: _first_item(d, "text").update(kind="textarea")),
    ("item without kind", lambda d: _first_item(d, "number").pop("kind")),
    ("unknown key in an item", lambda d: _first_item(d, "narrative").update(max_char=200)),
    ("wrong type of a limit", lambda d: _first_item(d, "narrative").update(max_chars="200")),
    ("item without label", lambda d: _first_item(d, "choice").pop("label")),
    ("malformed item id", lambda d: _first_item(d, "count").update(id="Open.Branches")),
    ("malformed option id", lambda d: _first_item(d, "choice")["options"][0].update(id="Yes")),
    ("unknown layout", lambda d: _first_item(d, "yearly").update(layout="diagonal")),
    ("bad decimal", lambda d: _first_item(d, "number").update(minimum="zero")),
    ("boolean as a year", lambda d: d.update(baseline_year=True)),
    ("unknown rule check", lambda d: d["rules"][0].update(check="ratio")),
    ("malformed field reference", lambda d: d["rules"][0].update(result="industry.fdi@next")),
]
# fmt: on


@pytest.mark.parametrize("mutate", [pytest.param(m, id=w) for w, m in BROKEN_SPECS])
def test_broken_spec_data_fails_the_schema_and_the_loader(
    mutate: Callable[[dict[str, Any]], None],
) -> None:
    data = _spec_data()
    mutate(data)
    assert not spec_validator().is_valid(data)
    from clusterforms.model.checks import check_spec  # noqa: PLC0415

    try:
        spec = structure_spec(data)
    except Exception:  # noqa: BLE001 - any cattrs validation error is the loader refusing
        return
    assert check_spec(spec), "the loader accepted what the schema refused"
