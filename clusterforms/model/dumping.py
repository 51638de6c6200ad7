"""Writing a spec as a TOML spec file, in the shape of the shipped ones, with comments.

The inverse of :func:`clusterforms.load_spec`: ``load_spec(file of dumps_spec(spec)) ==
spec`` for every valid spec.  Values equal to their defaults are left out, as a
person writes them; numbers are written as TOML numbers (a :class:`~decimal.Decimal`
never passes through float); options, parts and columns are inline tables, one a
line.  Comments carry what a reviewer must know about an entry (the guesses of
``clusterforms import``): they are printed above the entry they are keyed by,
escaped so that no text from a document can end a comment or break the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from clusterforms.model.spec import FormSpec

#: Lists of these keys are written as arrays of inline tables, one element a line.
_INLINE = frozenset({"options", "parts", "categories", "roles", "fields", "rows", "columns"})
#: The tag of a tagged union is written even where it equals its default (unless None: a
#: target rule's ``check`` is optional).
_TAGS = frozenset({"kind", "check"})
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
#: What a TOML comment may not hold: control characters but tab (a newline would end it).
_COMMENT_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\u2028\u2029]")


def dumps_spec(spec: FormSpec, comments: Mapping[str, Sequence[str]] | None = None) -> str:
    """``spec`` as the text of a TOML spec file.

    Args:
        spec: the spec to write.
        comments: lines to print as ``#`` comments above an entry, keyed by the
            entry's id (an item, section, cover line, appendix, rule, criterion,
            target direction, row or option as ``item id#option id``); the key
            ``""`` puts lines at the top of the file.

    """
    notes = dict(comments or {})
    out = _Writer(notes)
    out.comment(notes.get("", ()))
    plain = _plain(spec)
    out.table(plain, "", top=True)
    return "\n".join(out.lines).rstrip("\n") + "\n"


def _plain(obj: Any) -> Any:
    """An attrs object as ordered plain data, fields equal to their default left out."""
    if attrs.has(type(obj)):
        result: dict[str, Any] = {}
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            default: Any = field.default
            if hasattr(default, "takes_self"):  # an attrs.Factory
                default = default.factory()
            tag = field.name in _TAGS and value is not None
            if not tag and default is not attrs.NOTHING and value == default:
                continue
            result[field.name] = _plain(value)
        return result
    if isinstance(obj, tuple | list):
        return [_plain(value) for value in obj]
    return obj


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


class _Writer:
    """Collects the lines of the file, tables after the keys of their parent."""

    def __init__(self, comments: Mapping[str, Sequence[str]]) -> None:
        self.comments = comments
        self.lines: list[str] = []

    def comment(self, lines: Sequence[str], indent: str = "") -> None:
        for line in lines:
            for part in str(line).split("\n"):
                self.lines.append(f"{indent}# {_comment_text(part)}".rstrip())

    def table(self, data: dict[str, Any], path: str, *, top: bool = False) -> None:
        """The keys of one table, then its sub-tables and arrays of tables."""
        later: list[tuple[str, Any]] = []
        for key, value in data.items():
            if _is_table(value) or (_is_table_list(value) and key not in _INLINE):
                later.append((key, value))
            elif _is_table_list(value):
                self.inline_list(key, value, data.get("id"))
            else:
                self.lines.append(f"{_key(key)} = {_value(value)}")
        for key, value in later:
            sub = f"{path}.{_key(key)}" if path else _key(key)
            if isinstance(value, dict):
                self.lines.append("")
                self.lines.append(f"[{sub}]")
                self.table(value, sub)
                continue
            for element in value:
                self.lines.append("")
                self.comment(self.comments.get(str(element.get("id", "")), ()))
                self.lines.append(f"[[{sub}]]")
                self.table(element, sub)
        if top:
            self.lines.append("")

    def inline_list(self, key: str, values: list[dict[str, Any]], owner: object) -> None:
        """``key = [`` one inline table a line, each after its comments ``]``."""
        self.lines.append(f"{_key(key)} = [")
        for value in values:
            name = str(value.get("id", ""))
            noted = self.comments.get(f"{owner}#{name}") or self.comments.get(name, ())
            self.comment(noted, "  ")
            self.lines.append(f"  {_inline(value)},")
        self.lines.append("]")


def _inline(table: Mapping[str, Any]) -> str:
    parts = [f"{_key(key)} = {_value(value)}" for key, value in table.items()]
    return "{ " + ", ".join(parts) + " }" if parts else "{}"


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        return _inline(value)
    if isinstance(value, list):
        return _array(value)
    msg = f"cannot write {type(value).__name__} {value!r} in a spec file"
    raise TypeError(msg)


def _array(values: list[Any]) -> str:
    items = [_value(v) for v in values]
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= 88 and all("\n" not in item for item in items):
        return one_line
    return "[\n" + "".join(f"  {item},\n" for item in items) + "]"


def _decimal(number: Decimal) -> str:
    """A TOML number that reads back as ``number``: spec files' floats are read as Decimal."""
    return str(number)


def _string(text: str) -> str:
    return '"' + "".join(_escape(ch) for ch in text) + '"'


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ord(ch) < 0x20 or ord(ch) == 0x7F:
        return f"\\u{ord(ch):04x}"
    return ch


def _comment_text(text: str) -> str:
    return _COMMENT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
