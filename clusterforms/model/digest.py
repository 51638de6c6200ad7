"""A content digest of a spec: which spec, exactly, a diff or a document was made from.

It is computed from a canonical form in which equal Decimals (``45`` and
``45.0``) look the same, so it agrees with ``==`` on specs.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

import attrs

from clusterforms.model.spec import FormSpec


def canonical(value: object) -> Any:
    """A JSON-ready form of spec data in which values that compare equal look equal."""
    cls = type(value)
    if attrs.has(cls):
        return {f.name: canonical(getattr(value, f.name)) for f in attrs.fields(cls)}
    if isinstance(value, tuple | list):
        return [canonical(v) for v in value]
    if isinstance(value, Decimal):
        return "0" if value == 0 else str(value.normalize())
    return value


def spec_digest(spec: FormSpec) -> str:
    """A content digest of ``spec`` (``sha256:…``); equal specs have equal digests."""
    text = json.dumps(canonical(spec), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
