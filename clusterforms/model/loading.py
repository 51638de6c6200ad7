"""Finding, reading and checking spec files.

Spec files are TOML.  Everything that can go wrong while loading one becomes a
:class:`SpecError` naming the file, the line and the item path; nothing from
tomllib or cattrs escapes as a bare traceback.
"""

from __future__ import annotations

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

from clusterforms.errors import SpecError, SpecNotFoundError
from clusterforms.model.checks import check_spec
from clusterforms.model.converter import UnknownKindError, structure_spec
from clusterforms.model.spec import FormSpec

SPEC_SUFFIX = ".toml"
_MAX_EXTENDS_DEPTH = 8
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


def load_spec(name: str | Path) -> FormSpec:
    """Load a shipped spec by id (``"national-2023"``) or a spec file by path.

    Shipped specs are cached: they are immutable, so repeated loads are free.

    Raises:
        SpecError: the file is missing, is not valid TOML, or does not describe
            a valid spec; the message says where and what.

    """
    if isinstance(name, Path) or name.endswith(SPEC_SUFFIX) or "/" in name:
        return _load_path(Path(name))
    return _load_shipped(name)


@functools.cache
def _load_shipped(spec_id: str) -> FormSpec:
    path = spec_dir() / f"{spec_id}{SPEC_SUFFIX}"
    if not path.is_file():
        known = ", ".join(list_specs()) or "none"
        msg = f"no spec with id {spec_id!r} (shipped specs: {known})"
        raise SpecNotFoundError(msg, source=spec_id)
    return _load_path(path)


def _load_path(path: Path) -> FormSpec:
    raw = _resolve(path, depth=0)
    text = _read(path)
    try:
        spec = structure_spec(raw)
    except BaseValidationError as exc:
        raise _spec_error(exc, path, text, raw) from None
    problems = check_spec(spec)
    if problems:
        item_path, message = problems[0]
        line = _line_of(text, raw, item_path)
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise SpecError(message + more, source=path, line=line, path=item_path)
    return spec


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        msg = "no such spec file"
        raise SpecNotFoundError(msg, source=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read spec file: {exc}"
        raise SpecError(msg, source=path) from None


def _parse(path: Path) -> dict[str, Any]:
    text = _read(path)
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(found.group(1)) if found else None
        column = f", column {found.group(2)}" if found else ""
        msg = f"invalid TOML{column}: {reason}"
        raise SpecError(msg, source=path, line=line) from None


def _resolve(path: Path, depth: int) -> dict[str, Any]:
    """Parse ``path`` and apply its ``extends`` chain: the result is one whole spec."""
    raw = _parse(path)
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
    return merge_variant(_resolve(parent_path, depth + 1), raw)


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
