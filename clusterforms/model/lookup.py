"""Resolving a spec id that comes from data: known specs only, never a path.

An application document (or a workbook's metadata) says which form it fills,
and that name is a stranger's data.  :func:`find_spec` looks it up among the
shipped specs and the ones the caller passes; it never opens a file the name
points at, so ``"/dev/zero"`` or ``"../../etc/passwd"`` is simply not found.
:func:`load_spec` is for the caller's own arguments, which may be paths.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TypeAlias

from clusterforms.errors import ApplicationError, SpecNotFoundError
from clusterforms.model.loading import list_specs, load_spec
from clusterforms.model.spec import FormSpec

#: Specs a caller trusts besides the shipped ones: one spec, or any collection of them.
KnownSpecs: TypeAlias = FormSpec | Iterable[FormSpec] | None
#: How much of an unknown id a message quotes.
_SHOWN_CHARS = 60


def find_spec(spec_id: object, specs: KnownSpecs = None) -> FormSpec:
    """The known spec whose id is ``spec_id``, looked up by id only.

    Args:
        spec_id: a spec id, typically an application's ``"spec"``; anything
            else (a path, a number, ``None``) is never found.
        specs: specs to know besides the shipped ones, e.g. one loaded from the
            caller's own file; they come first, so one may stand in for a
            shipped spec of the same id.

    Raises:
        SpecNotFoundError: no known spec has that id; the message quotes it
            (escaped, cut to 60 characters) and lists the known ids.

    """
    given = (specs,) if isinstance(specs, FormSpec) else tuple(specs or ())
    if isinstance(spec_id, str):
        for spec in given:
            if spec.id == spec_id:
                return spec
        if spec_id in list_specs():
            return load_spec(spec_id)
    known = ", ".join(sorted({*(spec.id for spec in given), *list_specs()})) or "none"
    msg = f"no spec with id {quote_spec_id(spec_id)} (known: {known})"
    raise SpecNotFoundError(msg, source="spec")


def document_spec(document: Any, specs: KnownSpecs = None, *, source: str) -> FormSpec:
    """The known spec an application document names in its ``"spec"``.

    Args:
        document: the parsed document (anything: it may not even be an object).
        specs: specs to know besides the shipped ones, as for :func:`find_spec`.
        source: how messages name the document (its file name).

    Raises:
        ApplicationError: the document names none, or none that is known
            (see :func:`find_spec`); the message names ``source``.

    """
    if not isinstance(document, dict):
        msg = f"not an application: expected a JSON object, not {_json_type(document)}"
        raise ApplicationError(msg, source=source)
    spec_id = document.get("spec")
    if spec_id is None:
        msg = "no 'spec': the document does not say which form it fills"
        raise ApplicationError(msg, source=source)
    if not isinstance(spec_id, str):
        msg = f"'spec' must be a spec id (a string), not {_json_type(spec_id)}"
        raise ApplicationError(msg, source=source)
    try:
        return find_spec(spec_id, specs)
    except SpecNotFoundError as exc:
        msg = f"'spec': {exc.message}"
        raise ApplicationError(msg, source=source) from None


def quote_spec_id(value: object) -> str:
    """A spec id from data as a message may quote it: escaped by repr, cut to 60 characters."""
    if not isinstance(value, str):
        return _json_type(value)
    if len(value) > _SHOWN_CHARS:
        return repr(value[:_SHOWN_CHARS]) + "…"
    return repr(value)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return type(value).__name__
