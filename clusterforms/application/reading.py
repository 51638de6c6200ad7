"""``read_application(spec, document) -> Application``: every value of a document, typed once.

Pure and total: any JSON-shaped document gives an :class:`Application`, its
odd values kept as :class:`~clusterforms.application.values.Invalid` for
validation to report and renderers to print as typed or refuse.  Only a
document that is not an application at all (not an object, no ``values``
object) raises.  The readers of a spec are compiled once and reused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeGuard

from clusterforms.application.cells import (
    is_blank,
    read_mixed,
    read_number,
    read_roster_cell,
    read_text,
)
from clusterforms.application.characters import INVALID_CHARACTER
from clusterforms.application.values import (
    Application,
    Attachment,
    ByYear,
    Checklist,
    Chosen,
    ExtraRow,
    Invalid,
    NamedCount,
    Parts,
    Targets,
    Value,
)
from clusterforms.errors import ApplicationError
from clusterforms.model.items import (
    NamedCountItem,
    RosterItem,
    SignoffItem,
    StandardsItem,
    TargetRow,
    TargetsItem,
)
from clusterforms.model.spec import FormSpec

_Read = Callable[[Any], Any]

_TOP_KEYS: Final = frozenset({"spec", "meta", "attachments", "values"})
_ATTACHMENT_KEYS: Final = frozenset({"id", "title", "file"})
_CHOICE_KEYS: Final = frozenset({"option", "text"})
_CHECKLIST_KEYS: Final = frozenset({"option", "text", "evidence"})
_NAMED_COUNT_KEYS: Final = frozenset({"count", "names"})
_TARGET_KEYS: Final = frozenset({"rows", "extra"})
_TARGET_PARTS: Final = ("baseline", "target", "industry_average")
_TARGET_PART_KEYS: Final = frozenset(_TARGET_PARTS)
_EXTRA_KEYS: Final = frozenset({"direction", "indicator", "baseline", "target"})
NOT_AN_APPLICATION: Final = "not an application: expected a JSON object with 'spec' and 'values'"


def _is_object(value: object) -> TypeGuard[Mapping[Any, Any]]:
    """Whether ``value`` is a JSON object: a dict (quickly), or any other mapping."""
    return type(value) is dict or isinstance(value, Mapping)


def _unknown(value: Mapping[Any, Any], known: frozenset[str]) -> tuple[str, ...]:
    """The keys of ``value`` not in ``known``, as given (as text)."""
    if value.keys() <= known:
        return ()
    return tuple(str(key) for key in value if key not in known)


def _by_year(years: tuple[int, ...], read_cell: _Read) -> _Read:
    """A reader of ``{year: cell}`` objects for ``years``."""
    index = {str(year): year for year in years}
    known = frozenset(index)

    def read(value: Any) -> ByYear[Any] | Invalid | None:
        if not _is_object(value):
            return None if is_blank(value) else Invalid(value, "wrong_shape")
        cells: dict[int, Any] = {}
        for key, raw in value.items():
            year = index.get(key)
            if year is not None and (cell := read_cell(raw)) is not None:
                cells[year] = cell
        return ByYear(cells, _unknown(value, known))

    return read


def _parts(parts: frozenset[str], read_cell: _Read) -> _Read:
    """A reader of ``{part id: cell}`` objects with ``parts``."""

    def read(value: Any) -> Parts[Any] | Invalid | None:
        if not _is_object(value):
            return None if is_blank(value) else Invalid(value, "wrong_shape")
        cells: dict[str, Any] = {}
        for key, raw in value.items():
            if key in parts and (cell := read_cell(raw)) is not None:
                cells[key] = cell
        return Parts(cells, _unknown(value, parts))

    return read


def _chosen(value: Any, keys: frozenset[str]) -> Chosen | Invalid:
    """One option: its id, or ``{"option": id, "text": …, "evidence": […]}``."""
    if type(value) is str:
        return Chosen(value) if _clean_id(value) else Invalid(value, "invalid_character")
    if not _is_object(value):
        return Invalid(value, "wrong_shape")
    option = value.get("option")
    if type(option) is not str:
        return Invalid(value, "wrong_shape")
    if not _clean_id(option):
        return Invalid(value, "invalid_character")
    evidence = _evidence(value.get("evidence")) if "evidence" in keys else ()
    text = value.get("text")
    return Chosen(
        option, None if text is None else read_text(text), evidence, _unknown(value, keys)
    )


def _clean_id(text: str) -> bool:
    """Whether an id holds no character a document cannot hold (ids like ``A1``: quickly)."""
    return text.isidentifier() or not INVALID_CHARACTER.search(text)


def _evidence(value: object) -> tuple[str, ...] | Invalid:
    if value is None:
        return ()
    if type(value) is not list:
        return Invalid(value, "wrong_shape")
    for ref in value:
        if type(ref) is not str:
            return Invalid(value, "wrong_shape")
        if not _clean_id(ref):
            return Invalid(value, "invalid_character")
    return tuple(value)


def _choice(value: Any) -> Chosen | Invalid:
    if isinstance(value, list):
        if len(value) != 1:
            return Invalid(value, "wrong_shape")
        value = value[0]
    return _chosen(value, _CHOICE_KEYS)


def _checklist(value: Any) -> Checklist | Invalid:
    if not isinstance(value, list):
        return Invalid(value, "wrong_shape")
    return Checklist(tuple(_chosen(entry, _CHECKLIST_KEYS) for entry in value))


def _named_count(item: NamedCountItem) -> _Read:
    def read(value: Any) -> NamedCount | Invalid:
        if not _is_object(value):
            return Invalid(value, "wrong_shape")
        return NamedCount(
            count=read_number(value.get("count"), item.unit),
            names=read_text(value.get("names")),
            unknown=_unknown(value, _NAMED_COUNT_KEYS),
        )

    return read


def _target_row(row: TargetRow, cells: object) -> Parts[Any] | Invalid:
    if not _is_object(cells):
        return Invalid(cells, "wrong_shape")
    read: dict[str, Any] = {}
    for part in _TARGET_PARTS:
        raw = cells.get(part)
        text = row.value == "text" and part != "industry_average"
        cell = read_text(raw) if text else read_number(raw, row.unit)
        if cell is not None:
            read[part] = cell
    return Parts(read, _unknown(cells, _TARGET_PART_KEYS))


def _extra_row(entry: object) -> ExtraRow | Invalid:
    if not _is_object(entry):
        return Invalid(entry, "wrong_shape")
    direction = entry.get("direction")
    if isinstance(direction, str) and INVALID_CHARACTER.search(direction):
        return Invalid(entry, "invalid_character")
    return ExtraRow(
        direction=direction if isinstance(direction, str) else None,
        indicator=read_text(entry.get("indicator")),
        baseline=read_mixed(entry.get("baseline")),
        target=read_mixed(entry.get("target")),
        unknown=_unknown(entry, _EXTRA_KEYS),
    )


def _targets(item: TargetsItem) -> _Read:
    rows = {row.id: row for direction in item.directions for row in direction.rows}
    row_ids = frozenset(rows)

    def read(value: Any) -> Targets | Invalid:
        if not _is_object(value):
            return Invalid(value, "wrong_shape")
        given = value.get("rows")
        table: dict[str, Parts[Any] | Invalid] | Invalid = {}
        unknown_rows: tuple[str, ...] = ()
        if _is_object(given):
            table = {
                row_id: _target_row(rows[row_id], cells)
                for row_id, cells in given.items()
                if row_id in rows and cells is not None
            }
            unknown_rows = _unknown(given, row_ids)
        elif given is not None:
            table = Invalid(given, "wrong_shape")
        extra = value.get("extra")
        added: tuple[ExtraRow | Invalid, ...] | Invalid = ()
        if isinstance(extra, list):
            added = tuple(_extra_row(entry) for entry in extra)
        elif extra is not None:
            added = Invalid(extra, "wrong_shape")
        return Targets(table, added, _unknown(value, _TARGET_KEYS), unknown_rows)

    return read


def _roster(item: RosterItem) -> _Read:
    read_row = _parts(frozenset(c.id for c in item.columns), read_roster_cell)

    def read(value: Any) -> tuple[Any, ...] | Invalid:
        if not isinstance(value, list):
            return Invalid(value, "wrong_shape")
        return tuple(read_row(row) for row in value)

    return read


def _number(unit: str | None) -> _Read:
    return lambda value: read_number(value, unit)


def _standards(spec: FormSpec, item: StandardsItem) -> _Read:
    roles = _parts(frozenset(r.id for r in item.roles), read_number)
    return _by_year(spec.data_years, _parts(frozenset(c.id for c in item.categories), roles))


def _text(_: FormSpec, item: Any) -> _Read | None:
    """Text, and a sign-off's opinion; a sign-off without one holds no value."""
    return None if isinstance(item, SignoffItem) and not item.opinion else read_text


#: How the value of an item is read, by its kind.
_READERS: Final[dict[str, Callable[[FormSpec, Any], _Read | None]]] = {
    "text": _text,
    "narrative": _text,
    "signoff": _text,
    "number": lambda _, item: _number(item.unit),
    "count": lambda _, item: _number(item.unit),
    "yearly": lambda spec, item: _by_year(spec.data_years, _number(item.unit)),
    "stages": lambda spec, _: _by_year(spec.plan_years, read_text),
    "standards": _standards,
    "counts": lambda _, item: _parts(frozenset(p.id for p in item.parts), read_number),
    "named_count": lambda _, item: _named_count(item),
    "choice": lambda _s, _i: _choice,
    "checklist": lambda _s, _i: _checklist,
    "targets": lambda _, item: _targets(item),
    "roster": lambda _, item: _roster(item),
}


class Reader:
    """The compiled readers of one spec; :meth:`read` types one document."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        plan: list[tuple[str, _Read]] = [(line.id, read_text) for line in spec.cover.lines]
        for _, item in spec.walk():
            factory = _READERS.get(item.kind)
            if factory is not None and (read := factory(spec, item)) is not None:
                plan.append((item.id, read))
        self._plan = tuple(plan)
        self._known = frozenset(field for field, _ in plan)

    def read(self, document: object) -> Application:
        """The typed application; raises :class:`ApplicationError` for a non-application."""
        if not _is_object(document) or not _is_object(document.get("values")):
            raise ApplicationError(NOT_AN_APPLICATION)
        given: Mapping[Any, Any] = document["values"]
        values: dict[str, Value] = {}
        for field, read in self._plan:
            raw = given.get(field)
            if not is_blank(raw) and (value := read(raw)) is not None:
                values[field] = value
        malformed: dict[str, Invalid] = {}
        meta = _meta(document.get("meta"), malformed)
        attachments = _attachments(document.get("attachments"), malformed)
        return Application(
            spec=self.spec,
            values=values,
            named_spec=document.get("spec"),
            meta=meta,
            attachments=attachments,
            unknown_fields=_unknown(given, self._known),
            unknown_keys=_unknown(document, _TOP_KEYS),
            malformed=malformed,
        )


def _meta(meta: object, malformed: dict[str, Invalid]) -> dict[str, str]:
    """The text entries of ``meta``; anything else is noted in ``malformed``."""
    if meta is None:
        return {}
    if not _is_object(meta):
        malformed["meta"] = Invalid(meta, "wrong_shape")
        return {}
    kept: dict[str, str] = {}
    for key, value in meta.items():
        if not isinstance(value, str) or not isinstance(key, str):
            malformed.setdefault("meta", Invalid(meta, "wrong_shape"))
        elif INVALID_CHARACTER.search(key) or INVALID_CHARACTER.search(value):
            malformed["meta"] = Invalid(meta, "invalid_character")
        else:
            kept[key] = value
    return kept


def _attachments(listed: object, malformed: dict[str, Invalid]) -> tuple[Attachment, ...] | None:
    """The listed attachments; None when the document lists none.

    A list that is not all ``{id, title, file}`` texts is noted in ``malformed``;
    its objects still count (a part left out or not text is ``""``), so evidence
    citing them is not doubted and nothing of them is dropped silently.
    """
    if listed is None:
        return None
    if not isinstance(listed, list):
        malformed["attachments"] = Invalid(listed, "wrong_shape")
        return None
    kept: list[Attachment] = []
    for entry in listed:
        if not _is_object(entry):
            malformed.setdefault("attachments", Invalid(listed, "wrong_shape"))
            continue
        texts = [entry.get(key) for key in ("id", "title", "file")]
        strings = [t if type(t) is str else "" for t in texts]
        if entry.keys() != _ATTACHMENT_KEYS or strings != texts:
            malformed.setdefault("attachments", Invalid(listed, "wrong_shape"))
        if INVALID_CHARACTER.search("".join(strings)):
            malformed["attachments"] = Invalid(listed, "invalid_character")
        else:
            kept.append(Attachment(*strings))
    return tuple(kept)


_CACHE_SIZE: Final = 64
_CACHE: dict[int, tuple[FormSpec, Reader]] = {}


def reader_for(spec: FormSpec) -> Reader:
    """The compiled readers of ``spec``, built once and reused."""
    cached = _CACHE.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    reader = Reader(spec)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(spec)] = (spec, reader)
    return reader


def read_application(spec: FormSpec, document: object) -> Application:
    """Every value of ``document`` typed against ``spec``, once (docs/data-format.md).

    ``document`` is an application document as :func:`clusterforms.load_application`
    gives it (or as a program builds it); an :class:`Application` read for the same
    spec is returned as it is.  Values that do not fit their cells are kept as
    :class:`~clusterforms.application.values.Invalid`, never dropped or converted.

    Raises:
        ApplicationError: ``document`` is not an application: not an object, or its
            ``values`` is not an object; or an :class:`Application` of another spec.

    """
    if isinstance(document, Application):
        if document.spec is not spec and document.spec != spec:
            msg = f"the application was read for spec {document.spec.id!r}, not {spec.id!r}"
            raise ApplicationError(msg)
        return document
    return reader_for(spec).read(document)
