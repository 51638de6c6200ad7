r"""JSON Schema (draft 2020-12) for the application data of a spec.

The schema describes the application document of ``docs/data-format.md`` for
one spec: ``spec`` (the spec id), optional ``meta`` and ``attachments``, and
``values`` with one property per field of the form.  It agrees with
:func:`clusterforms.validate` on every *structural* verdict — wrong types,
unknown fields, years, options and keys, missing required values, decimals
and ranges of numbers, whole numbers, character limits, explanations that an
option needs — and leaves the rest (consistency formulas, plan-target rules,
evidence warnings, decimals of JSON numbers) to the library.
``docs/renderers.md`` lists the difference exactly.

Decisions that keep the schema honest:

* numbers may be JSON numbers or numeric strings; the 2-decimal rule and the
  ranges of numeric strings are regular expressions (``multipleOf: 0.01``
  wrongly rejects 0.07 in validators that divide binary floats), and whole
  numbers use ``multipleOf: 1``, which is exact everywhere and also accepts
  the ``Decimal`` values of :func:`clusterforms.load_application`;
* character limits (字数) do not count whitespace, as the library does, so
  they are a pattern (``^\s*(?:\S\s*){0,200}$``), never ``maxLength``;
* everything is written inline (no ``$ref``) so validators stay fast, and
  the output is sorted and indented, so it is stable byte for byte.

Building the schema needs the standard library only.

Modules, one concern each:

- :mod:`._patterns` — regular expressions for character limits and numeric strings;
- :mod:`._cells` — titles, descriptions, empty values and number cells;
- :mod:`._scalars`, :mod:`._options`, :mod:`._grids`, :mod:`._tables` — the value
  of each item kind (single values; options; by year or part; tables);
- :mod:`._document` — the whole document, its ``$id`` and its stable bytes.
"""

from __future__ import annotations

from clusterforms import Application, FormSpec, Renderer, RenderError
from clusterforms_renderers.json_schema._document import (
    DIALECT,
    SCHEMA_BASE,
    application_schema,
    dumps,
    schema_id,
)
from clusterforms_renderers.json_schema._patterns import number_string_patterns, text_limit_pattern

__all__ = [
    "DIALECT",
    "SCHEMA_BASE",
    "JsonSchemaRenderer",
    "application_schema",
    "dumps",
    "number_string_patterns",
    "schema_id",
    "text_limit_pattern",
]


class JsonSchemaRenderer(Renderer):
    """The application data of a spec as a JSON Schema (draft 2020-12)."""

    name = "json-schema"
    media_type = "application/schema+json"
    extension = ".schema.json"
    text = True
    can_fill = False

    def render(self, spec: FormSpec, data: Application | None = None) -> bytes:
        """The schema's bytes (UTF-8 JSON, sorted, indented); ``data`` is not accepted."""
        if data is not None:
            msg = "the json-schema renderer describes blank forms only; it cannot fill data"
            raise RenderError(msg)
        return dumps(application_schema(spec))
