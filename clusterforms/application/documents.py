"""Application documents as JSON: reading them from files, and writing them, exactly.

Numbers are parsed as Decimal; NaN and Infinity are refused; duplicate keys,
oversized files, absurd nesting and characters a document cannot hold (in any
string, keys and ``meta`` included) become an :class:`ApplicationError` naming
the file and the place — never a traceback.  :func:`dumps_application` is the
one writer: whole numbers as JSON numbers, the others as exact strings.
"""

from __future__ import annotations

import errno
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from clusterforms._files import read_bounded
from clusterforms.application.characters import INVALID_CHARACTER, describe_character
from clusterforms.application.numbers import number_text, within_bounds
from clusterforms.application.values import Application
from clusterforms.errors import ApplicationError

#: Larger files are refused before parsing: a real application is well under 1 MiB.
MAX_BYTES = 20 * 1024 * 1024
_TOO_LARGE = f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; not an application"


def _no_constants(name: str) -> Any:
    msg = f"{name} is not a number the forms accept"
    raise ValueError(msg)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            msg = f"duplicate key {key!r}"
            raise ValueError(msg)
        result[key] = value
    return result


def parse_application(text: str | bytes, source: str = "<application>") -> Any:
    """Parse JSON text into plain data with Decimal numbers.

    Raises:
        ApplicationError: not valid JSON (with line and column), not UTF-8,
            too large or too deeply nested.

    """
    if len(text) > MAX_BYTES:
        raise ApplicationError(_TOO_LARGE, source=source)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
            raise ApplicationError(msg, source=source) from None
    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_int=Decimal,
            parse_constant=_no_constants,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON: {exc.msg}"
        raise ApplicationError(msg, source=source, line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:
        msg = f"invalid JSON: {exc}"
        raise ApplicationError(msg, source=source) from None
    except RecursionError:
        msg = "invalid JSON: nested too deeply"
        raise ApplicationError(msg, source=source) from None
    if INVALID_CHARACTER.search(text) or _ESCAPED_INVALID.search(text):
        problem = _invalid_character(data)
        if problem is not None:
            raise ApplicationError(problem, source=source)
    return data


#: A JSON escape that may stand for a character a document cannot hold (a quick
#: look before walking the data; tab and line breaks match too, and pass the walk).
_ESCAPED_INVALID = re.compile(
    r"\\u(?:00[01][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])"
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _step(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if isinstance(key, str) and _NAME.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _invalid_character(data: Any) -> str | None:
    """Where the first string (or key) holding a character a document cannot hold is, and which."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            found = INVALID_CHARACTER.search(node)
            if found is not None:
                what = describe_character(found.group())
                return f"{path}: contains {what}, which an application cannot hold"
        elif isinstance(node, dict):
            children: list[tuple[str, Any]] = []
            for key, value in node.items():
                found = INVALID_CHARACTER.search(key)
                if found is not None:
                    what = describe_character(found.group())
                    return f"{path}: a key contains {what}, which an application cannot hold"
                children.append((_step(path, key), value))
            stack.extend(reversed(children))
        elif isinstance(node, list):
            stack.extend(reversed([(_step(path, n), v) for n, v in enumerate(node)]))
    return None


def load_application(source: str | Path | bytes) -> Any:
    """Read an application from a path (or from JSON bytes)."""
    if isinstance(source, bytes):
        return parse_application(source)
    path = Path(source)
    try:
        data = read_bounded(path, MAX_BYTES)  # never waits on a FIFO nor drains /dev/zero
    except FileNotFoundError:
        raise ApplicationError("no such file", source=str(path)) from None
    except OSError as exc:
        msg = _TOO_LARGE if exc.errno == errno.EFBIG else f"cannot read file: {exc.strerror}"
        raise ApplicationError(msg, source=str(path)) from None
    return parse_application(data, str(path))


def _json_number(value: object) -> object:
    if isinstance(value, Decimal):
        if not within_bounds(value):
            return str(value)  # never a billion digits: 1E+999999999 stays short
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= 0:
            return int(value)
        return number_text(value)
    msg = f"cannot write {type(value).__name__} as JSON"
    raise TypeError(msg)


def dumps_application(data: Any) -> str:
    """An application as JSON text: whole Decimals as numbers, the others as exact strings.

    ``data`` is a plain document, or an :class:`Application`, written in its
    canonical form (:meth:`Application.to_document`).  No number passes through
    float: ``0.07`` is written ``"0.07"``, ``12`` as ``12``.
    """
    if isinstance(data, Application):
        data = data.to_document()
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_number) + "\n"
