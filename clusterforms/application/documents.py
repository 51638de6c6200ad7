"""Reading application documents (JSON) from files: the I/O edge of validation.

Numbers are parsed as Decimal; NaN and Infinity are refused; duplicate keys,
oversized files and absurd nesting become an :class:`ApplicationError` naming
the file, line and column — never a traceback.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

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
        return json.loads(
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


def load_application(source: str | Path | bytes) -> Any:
    """Read an application from a path (or from JSON bytes)."""
    if isinstance(source, bytes):
        return parse_application(source)
    path = Path(source)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ApplicationError(_TOO_LARGE, source=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise ApplicationError("no such file", source=str(path)) from None
    except OSError as exc:
        msg = f"cannot read file: {exc.strerror}"
        raise ApplicationError(msg, source=str(path)) from None
    return parse_application(data, str(path))
