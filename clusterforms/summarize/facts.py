"""The facts a summary row is made of, read the same way by every part of the table."""

from __future__ import annotations

from typing import Final

from clusterforms.application.reading import read_application
from clusterforms.application.values import Application
from clusterforms.errors import ApplicationError
from clusterforms.model.spec import FormSpec

#: 集群简介's limit when the summary spec's column names none (the form's 300字).
DEFAULT_INTRO_LIMIT: Final = 300
ELLIPSIS: Final = "…"


def typed(spec: FormSpec, data: object) -> Application | None:
    """``data`` read against ``spec``; None when it is not an application at all."""
    try:
        return read_application(spec, data)
    except ApplicationError:
        return None


def first_text(*values: object) -> str:
    """The first value that is non-blank text, its whitespace runs made single spaces."""
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def find_item(spec: FormSpec, field: str) -> object:
    """The item with ``field``, or None when the spec has none."""
    try:
        return spec.find(field)
    except KeyError:
        return None
