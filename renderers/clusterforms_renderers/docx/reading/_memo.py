"""What the reader works out once per spec: a spec is immutable, so it holds for every read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Generic, TypeVar

from clusterforms import FormSpec

T = TypeVar("T")
#: Specs remembered at once; a batch uses one or two.
_KEPT: Final = 16


class PerSpec(Generic[T]):
    """``compute(spec)``, remembered by the spec's identity.

    By identity, because hashing a whole spec costs more than what is kept; each
    entry keeps its spec alive, so an id is never reused while it is here.
    """

    def __init__(self, compute: Callable[[FormSpec], T]) -> None:
        self._compute = compute
        self._kept: dict[int, tuple[FormSpec, T]] = {}

    def __call__(self, spec: FormSpec) -> T:
        kept = self._kept.get(id(spec))
        if kept is None:
            if len(self._kept) >= _KEPT:
                self._kept.clear()
            kept = self._kept[id(spec)] = (spec, self._compute(spec))
        return kept[1]
