"""Finding, reading and checking spec files.

Spec files are TOML.  Everything that can go wrong while loading one becomes a
:class:`SpecError` naming the file, the line and the item path; nothing from
tomllib or cattrs escapes as a bare traceback.
"""

from __future__ import annotations

import errno
import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from cattrs import transform_error
from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError

from clusterforms._files import read_bounded
from clusterforms.errors import SpecError, SpecNotFoundError
from clusterforms.model.checks import check_spec
from clusterforms.model.converter import UnknownKindError, structure_spec
from clusterforms.model.spec import FormSpec

SPEC_SUFFIX = ".toml"
#: Larger files are refused before parsing: the shipped specs are under 50 KiB.
MAX_SPEC_BYTES = 8 * 1024 * 1024
#: The largest integer a spec may hold (years, limits, thresholds are far below).
MAX_SPEC_NUMBER = 10**15
#: Significant digits and powers of ten a spec's decimal may have (so its exponent is bounded).
_MAX_DIGITS = 28
_MAX_EXTENDS_DEPTH = 8
_TOO_DEEP = "nested too deeply to be a spec"
#: A run of digits too long for ``int()`` (Python reads at most 4300 by default).
_THOUSANDS_OF_DIGITS = re.compile(r"[0-9_]{4300,}")
_PATH_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")


def spec_dir() -> Path:
    """The folder of shipped spec files (inside the wheel, or ``specs/`` in a checkout)."""
    packaged = Path(str(resources.files("clusterforms"))) / "specs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "specs"


def list_specs() -> tuple[str, ...]:
    """The ids of the shipped specs, sorted."""
    return tuple(sorted(p.stem for p in spec_dir().glob(f"*{SPEC_SUFFIX}")))


def names_spec_file(name: str | Path) -> bool:
    """Whether :func:`load_spec` reads ``name`` as a path rather than as a shipped id.

    A :class:`~pathlib.Path`, or a name ending in ``.toml`` or holding a ``/``; how
    a command line tells which of its arguments are input files.
    """
    return isinstance(name, Path) or name.endswith(SPEC_SUFFIX) or "/" in name


def load_spec(name: str | Path) -> FormSpec:
    """Load a shipped spec by id (``"national-2023"``) or a spec file by path.

    For the caller's own arguments only: a name that comes from data (an
    application's ``"spec"``) is looked up with :func:`clusterforms.find_spec`,
    which never opens a path.  Shipped specs are cached: they are immutable, so
    repeated loads are free.

    Raises:
        SpecError: the file is missing, is not valid TOML, or does not describe
            a valid spec; the message says where and what.

    """
    if names_spec_file(name):
        return _load_path(Path(name))
    return _load_shipped(name)


@functools.cache
def _load_shipped(spec_id: str) -> FormSpec:
    if spec_id not in list_specs():
        known = ", ".join(list_specs()) or "none"
        msg = f"no spec with id {spec_id!r} (shipped specs: {known})"
        raise SpecNotFoundError(msg, source=spec_id)
    return _load_path(spec_dir() / f"{spec_id}{SPEC_SUFFIX}")


def _load_path(path: Path) -> FormSpec:
    text = _read(path)
    raw = _resolve(path, text, depth=0)
    try:
        spec = structure_spec(raw)
    except BaseValidationError as exc:
        raise _spec_error(exc, path, text, raw) from None
    except RecursionError:
        raise SpecError(_TOO_DEEP, source=path) from None
    problems = check_spec(spec)
    if problems:
        item_path, message = problems[0]
        line = _line_of(text, raw, item_path)
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise SpecError(message + more, source=path, line=line, path=item_path)
    return spec


def _read(path: Path) -> str:
    """The spec file's text, once; a UTF-8 byte-order mark is dropped, as JSON's is."""
    try:
        data = read_bounded(path, MAX_SPEC_BYTES)
    except FileNotFoundError:
        msg = "no such spec file"
        raise SpecNotFoundError(msg, source=path) from None
    except OSError as exc:
        if exc.errno == errno.EINVAL:
            msg = "not a spec file (not a regular file)"
        elif exc.errno == errno.EFBIG:
            msg = f"larger than {MAX_SPEC_BYTES // (1024 * 1024)} MiB; not a spec file"
        else:
            msg = f"cannot read spec file: {exc.strerror or exc}"
        raise SpecError(msg, source=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"cannot read spec file: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        raise SpecError(msg, source=path) from None


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        raw = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(found.group(1)) if found else None
        column = f", column {found.group(2)}" if found else ""
        msg = f"invalid TOML{column}: {reason}"
        raise SpecError(msg, source=path, line=line) from None
    except RecursionError:
        raise SpecError(_TOO_DEEP, source=path) from None
    except ValueError:  # an integer beyond Python's digit limit for int()
        found = _THOUSANDS_OF_DIGITS.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        msg = "invalid TOML: a number is too long (thousands of digits); no spec needs one"
        raise SpecError(msg, source=path, line=line) from None
    out_of_range = next(_out_of_range(raw), None)
    if out_of_range is not None:
        item_path, value = out_of_range
        shown = str(value) if len(str(value)) <= 40 else f"{str(value)[:20]}…"
        msg = f"the number {shown} is out of range for a spec"
        line = _line_of(text, raw, item_path)
        raise SpecError(msg, source=path, line=line, path=item_path)
    return raw


def _out_of_range(raw: Any) -> Iterator[tuple[str, int | Decimal]]:
    """Each number in parsed TOML too large, too fine or not finite for a spec, with its path.

    Specs hold years, limits and thresholds; a bound here keeps a hostile file's
    ``1e999999999`` or 4,000-digit integer from reaching formulas and renderers.
    """
    stack: list[tuple[str, Any]] = [("$", raw)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((f"{path}.{key}", value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", value) for i, value in reversed(list(enumerate(node))))
        elif isinstance(node, int | Decimal) and not isinstance(node, bool) and not _in_range(node):
            yield path, node


def _in_range(value: int | Decimal) -> bool:
    if isinstance(value, int):
        return abs(value) <= MAX_SPEC_NUMBER
    if not value.is_finite():
        return False
    return len(value.as_tuple().digits) <= _MAX_DIGITS and abs(value.adjusted()) <= _MAX_DIGITS


def _resolve(path: Path, text: str, depth: int) -> dict[str, Any]:
    """Parse ``path``'s ``text`` and apply its ``extends`` chain: the result is one whole spec."""
    raw = _parse(path, text)
    parent_name = raw.pop("extends", None)
    if parent_name is None:
        return raw
    if not isinstance(parent_name, str):
        msg = "'extends' must name a spec id or a spec file"
        raise SpecError(msg, source=path, path="$.extends")
    if depth >= _MAX_EXTENDS_DEPTH:
        msg = f"'extends' chain is longer than {_MAX_EXTENDS_DEPTH} (a cycle?)"
        raise SpecError(msg, source=path, path="$.extends")
    parent_path = _parent_path(path, parent_name)
    return merge_variant(_resolve(parent_path, _read(parent_path), depth + 1), raw)


def _parent_path(child: Path, parent: str) -> Path:
    if parent.endswith(SPEC_SUFFIX):
        return (child.parent / parent).resolve()
    return spec_dir() / f"{parent}{SPEC_SUFFIX}"


def merge_variant(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Apply a variant's keys to its base spec's keys.

    Top-level keys replace the base's.  ``sections`` and ``appendices`` are
    merged by id: an entry with a base id replaces that entry in place, a new
    id is appended, and ids listed in ``drop_sections`` / ``drop_appendices``
    are removed.  ``cover`` keys replace the base cover's keys one by one.
    """
    merged = dict(base)
    for key, value in override.items():
        if key in {"sections", "appendices"}:
            merged[key] = _merge_by_id(base.get(key, []), value)
        elif key == "cover" and isinstance(value, Mapping):
            merged[key] = {**base.get("cover", {}), **value}
        elif key in {"drop_sections", "drop_appendices"}:
            continue
        else:
            merged[key] = value
    for drop_key, key in (("drop_sections", "sections"), ("drop_appendices", "appendices")):
        dropped = set(override.get(drop_key, []))
        if dropped:
            merged[key] = [e for e in merged.get(key, []) if e.get("id") not in dropped]
    return merged


def _merge_by_id(base: list[Any], override: list[Any]) -> list[Any]:
    result = list(base)
    positions = {entry.get("id"): i for i, entry in enumerate(result)}
    for entry in override:
        index = positions.get(entry.get("id"))
        if index is None:
            result.append(entry)
        else:
            result[index] = entry
    return result


def _spec_error(exc: BaseValidationError, path: Path, text: str, raw: Any) -> SpecError:
    messages = transform_error(exc, path="$", format_exception=_format_exception)
    first = messages[0]
    message, _, item_path = first.rpartition(" @ ")
    more = f" (and {len(messages) - 1} more problems)" if len(messages) > 1 else ""
    extra = re.match(r"unknown key\(s\): (\w+)", message)
    line = _line_of(text, raw, f"{item_path}.{extra.group(1)}" if extra else item_path)
    return SpecError(message + more, source=path, line=line, path=item_path)


def _format_exception(exc: BaseException, _type: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s): {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, UnknownKindError | TypeError | ValueError):
        return str(exc)
    return f"invalid value ({type(exc).__name__})"


def _line_of(text: str, raw: Any, item_path: str) -> int | None:
    """Best line for ``item_path``: the nearest enclosing ``id = "…"``, then the key."""
    anchor_id: str | None = None
    last_key: str | None = None
    node = raw
    for key, index in _PATH_STEP.findall(item_path):
        step: str | int = key or int(index)
        if isinstance(node, dict) and isinstance(step, str):
            node = node.get(step)
            last_key = step
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            last_key = None
        else:
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            anchor_id = node["id"]
    lines = text.splitlines()
    start = 0
    if anchor_id is not None:
        found = _find_line(lines, re.compile(rf'^\s*id\s*=\s*"{re.escape(anchor_id)}"'), 0)
        if found is None:
            found = _find_line(lines, re.compile(rf'id\s*=\s*"{re.escape(anchor_id)}"'), 0)
        if found is None:
            return None
        start = found
    if last_key is not None:
        key_line = _find_line(lines, re.compile(rf"^\s*{re.escape(last_key)}\s*="), start)
        if key_line is not None and (anchor_id is None or key_line - start < 40):
            return key_line + 1
    return start + 1 if anchor_id is not None else None


def _find_line(lines: list[str], pattern: re.Pattern[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if pattern.search(lines[i])), None)


def iter_spec_files() -> Iterator[Path]:
    """The shipped spec files, sorted by id."""
    yield from sorted(spec_dir().glob(f"*{SPEC_SUFFIX}"))
