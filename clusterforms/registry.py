"""Finding renderers through entry points, loading each only when first used.

Every use of a renderer goes through here, built-in or not: rendering by
name, reading, annotating and importing a file by its suffix (or, failing
that, by its first bytes), writing a table by name or by an output file's suffix.
"""

from __future__ import annotations

import functools
import stat
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import attrs

from clusterforms.errors import (
    ApplicationError,
    OutputError,
    ReadError,
    RendererNotFoundError,
    RenderError,
)
from clusterforms.renderer import Renderer

if TYPE_CHECKING:
    from clusterforms.drafts.model import SpecDraft
    from clusterforms.model.spec import FormSpec
    from clusterforms.reading import Reading
    from clusterforms.tables import Table
    from clusterforms.validation.findings import Report

ENTRY_POINT_GROUP: Final = "clusterforms.renderers"
#: How much of a file :meth:`Renderer.sniff` is shown.
SNIFF_BYTES: Final = 64 * 1024

#: What a renderer can be asked to do; each is a ``can_*`` class attribute but ``render``.
FileCapability: TypeAlias = Literal["read", "annotate", "import"]
Capability: TypeAlias = Literal["render", "fill", "table", FileCapability]
_VERBS: Final[dict[str, str]] = {
    "render": "render",
    "fill": "fill in applications",
    "read": "read files",
    "annotate": "annotate files",
    "table": "write tables",
    "import": "import templates",
}


@attrs.frozen(kw_only=True)
class RendererInfo:
    """What ``clusterforms renderers`` lists about one renderer."""

    name: str
    extension: str
    media_type: str
    package: str
    can_fill: bool
    text: bool
    can_read: bool = False
    read_suffixes: tuple[str, ...] = ()
    can_annotate: bool = False
    can_table: bool = False
    can_import: bool = False


@functools.cache
def _entry_points() -> dict[str, metadata.EntryPoint]:
    found: dict[str, metadata.EntryPoint] = {}
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(entry.name, entry)
    return found


@functools.cache
def _load(name: str) -> type[Renderer]:
    entry = _entry_points().get(name)
    if entry is None:
        known = ", ".join(sorted(_entry_points())) or "none installed"
        msg = f"no renderer named {name!r} (available: {known})"
        raise RendererNotFoundError(msg)
    try:
        cls = entry.load()
    except Exception as exc:  # a broken plugin must not take the library down
        msg = f"renderer {name!r} ({entry.value}) failed to load: {type(exc).__name__}: {exc}"
        raise RenderError(msg) from exc
    if not (isinstance(cls, type) and issubclass(cls, Renderer)):
        msg = f"renderer {name!r} ({entry.value}) is not a clusterforms.Renderer subclass"
        raise RenderError(msg)
    return cls


def _loadable() -> list[tuple[str, type[Renderer]]]:
    """Every installed renderer class that loads, with its name; broken plugins are left out."""
    classes = []
    for name in sorted(_entry_points()):
        try:
            classes.append((name, _load(name)))
        except RenderError:
            continue
    return classes


def _can(cls: type[Renderer], capability: Capability) -> bool:
    return capability == "render" or bool(getattr(cls, f"can_{capability}", False))


def _able(capability: Capability) -> list[tuple[str, type[Renderer]]]:
    return [(name, cls) for name, cls in _loadable() if _can(cls, capability)]


def get_renderer(name: str, *, capability: Capability = "render") -> Renderer:
    """A renderer instance by name, one that has ``capability``.

    Raises:
        RendererNotFoundError: no renderer has that name (the message lists the
            names), or it lacks the capability (the message lists those that have it).
        RenderError: the renderer's plugin fails to load.

    """
    cls = _load(name)
    if not _can(cls, capability):
        able = ", ".join(n for n, _ in _able(capability)) or "none installed"
        msg = f"the {name} renderer cannot {_VERBS[capability]} (renderers that can: {able})"
        raise RendererNotFoundError(msg)
    return cls()


def available_renderers() -> tuple[RendererInfo, ...]:
    """Every installed renderer that loads, sorted by name."""
    infos = []
    for name, cls in _loadable():
        dist = _entry_points()[name].dist
        infos.append(
            RendererInfo(
                name=name,
                extension=cls.extension,
                media_type=cls.media_type,
                package=dist.name if dist is not None else "?",
                can_fill=cls.can_fill,
                text=cls.text,
                can_read=cls.can_read,
                read_suffixes=tuple(cls.read_suffixes),
                can_annotate=cls.can_annotate,
                can_table=cls.can_table,
                can_import=cls.can_import,
            )
        )
    return tuple(infos)


def renderer_for_file(
    source: str | Path | bytes, *, capability: FileCapability = "read"
) -> Renderer:
    """The renderer that reads (annotates, imports) ``source``: by suffix, else by its first bytes.

    A path's suffix is matched against each renderer's ``read_suffixes``
    (renderers in name order; the first that claims it wins); a path that no
    renderer claims, and bytes, are shown to each renderer's
    :meth:`~clusterforms.Renderer.sniff`.

    Raises:
        ReadError: no installed renderer takes the file, or it is not a regular file.

    """
    _check_file(source)
    able = [cls for _, cls in _able(capability)]
    if isinstance(source, bytes | bytearray | memoryview):
        name, head = "<bytes>", bytes(source[:SNIFF_BYTES])
    else:
        name = str(source)
        lowered = Path(source).name.lower()
        for cls in able:
            if any(lowered.endswith(suffix) for suffix in cls.read_suffixes):
                return cls()
        head = _head(Path(source))
    for cls in able:
        renderer = cls()
        if renderer.sniff(head):
            return renderer
    suffixes = ", ".join(sorted({s for cls in able for s in cls.read_suffixes})) or "none"
    verb = _VERBS[capability]
    msg = f"{name}: no installed renderer can {verb} of this kind (they take {suffixes})"
    raise ReadError(msg)


def renderer_for_output(path: str | Path, *, capability: Capability = "render") -> Renderer:
    """The renderer whose output ``extension`` the file name ``path`` ends in.

    Raises:
        RendererNotFoundError: none with ``capability`` writes such files (the
            message lists the extensions that can be written).

    """
    lowered = Path(path).name.lower()
    able = _able(capability)
    # The longest extension first, so that ``.schema.json`` wins over a ``.json``.
    for _, cls in sorted(able, key=lambda pair: -len(pair[1].extension)):
        if lowered.endswith(cls.extension.lower()):
            return cls()
    known = ", ".join(sorted({cls.extension for _, cls in able})) or "none"
    verb = _VERBS[capability]
    msg = f"{path}: no installed renderer can {verb} as such a file (extensions: {known})"
    raise RendererNotFoundError(msg)


def _head(path: Path) -> bytes:
    """The first bytes of the file at ``path``, which :func:`_check_file` let through."""
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError as exc:
        msg = f"{path}: cannot be read: {exc.strerror or exc}"
        raise ReadError(msg) from None


def _check_file(source: str | Path | bytes) -> None:
    """Refuse a path that is not a regular file before any reader opens it (a pipe would hang)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return
    path = Path(source)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        msg = f"{path}: no such file"
        raise ReadError(msg) from None
    except OSError as exc:
        msg = f"{path}: cannot be read: {exc.strerror or exc}"
        raise ReadError(msg) from None
    if stat.S_ISDIR(mode):
        msg = f"{path}: is a directory, not a file"
        raise ReadError(msg)
    if not stat.S_ISREG(mode):
        msg = f"{path}: not a regular file (a pipe or a device is never read)"
        raise ReadError(msg)


def _renderer_for(
    source: str | Path | bytes, fmt: str | None, capability: FileCapability
) -> Renderer:
    """The renderer named by ``fmt``, else the one that knows ``source``, after the file checks."""
    _check_file(source)
    if fmt is None:
        return renderer_for_file(source, capability=capability)
    return get_renderer(fmt, capability=capability)


def render(spec: FormSpec, fmt: str, data: object = None) -> bytes:
    """Render ``spec`` (filled with ``data`` when given) in format ``fmt``.

    ``data`` is an application document or the :class:`~clusterforms.Application`
    read from it; the renderer receives the typed application.

    Raises:
        RendererNotFoundError: no renderer has that name.
        RenderError: the renderer cannot fill data, ``data`` is not an application,
            or the renderer failed.

    """
    renderer = get_renderer(fmt)
    if data is None:
        return renderer.render(spec)
    if not renderer.can_fill:
        msg = f"the {fmt} renderer draws blank forms only; it cannot fill in an application"
        raise RenderError(msg)
    from clusterforms.application.reading import read_application  # noqa: PLC0415 - on use

    try:
        application = read_application(spec, data)
    except ApplicationError as exc:
        raise RenderError(exc.message) from None
    return renderer.render(spec, application)


def read(
    source: str | Path | bytes,
    *,
    spec: FormSpec | None = None,
    format: str | None = None,  # noqa: A002 - the word users know from --format
    name: str | None = None,
) -> Reading:
    """Read a filled file back: the application, its spec, and notes on the reading.

    The renderer is the one named by ``format``, else the one for the file's
    suffix, else the first whose :meth:`~clusterforms.Renderer.sniff` knows the
    file's first bytes.  The file is untrusted input.

    Args:
        source: the file's path, or its bytes.
        spec: the spec the file is for, when known (see the renderer's docs).
        format: the renderer to read with (``xlsx``), instead of finding one.
        name: how to name the file in messages (default: the path).

    Raises:
        ReadError: the file cannot be read safely, or no renderer reads it.
        RendererNotFoundError: ``format`` names no renderer that reads files.

    """
    renderer = _renderer_for(source, format, "read")
    reading = renderer.read(source, spec=spec, name=name)
    from clusterforms.reading import Reading  # noqa: PLC0415 - the model loads on first use

    if not isinstance(reading, Reading):
        msg = (
            f"the {renderer.name} renderer's read() gave a {type(reading).__name__}, not a Reading"
        )
        raise RenderError(msg)
    return reading


def annotate(
    source: str | Path | bytes,
    report: Report,
    output: str | Path | None = None,
    *,
    format: str | None = None,  # noqa: A002 - the word users know from --format
    name: str | None = None,
) -> bytes:
    """A copy of a filled file with ``report``'s findings on it; also written to ``output``.

    The renderer is found as for :func:`read`.  ``output`` is written
    atomically: complete, or not at all.

    Raises:
        ReadError: the file cannot be read safely, or is for another spec than ``report``.
        RendererNotFoundError: ``format`` names no renderer that annotates files.
        OutputError: ``output`` cannot be written.

    """
    renderer = _renderer_for(source, format, "annotate")
    data = renderer.annotate(source, report, name=name)
    if output is not None:
        _write_output(output, data)
    return data


def import_spec(
    source: str | Path | bytes,
    *,
    like: FormSpec | None = None,
    format: str | None = None,  # noqa: A002 - the word users know from --format
    name: str | None = None,
) -> SpecDraft:
    """A draft spec read from a blank official template, aligned with ``like`` when given.

    The renderer is found as for :func:`read` among those that import
    templates.  With ``like`` (last year's form, or the national one) items
    paired with it by label and position take its ids, and its rules and
    criteria that fit are carried over (:func:`clusterforms.align_draft`).

    Raises:
        ReadError: the file cannot be read safely, or no renderer imports it.
        RendererNotFoundError: ``format`` names no renderer that imports templates.

    """
    renderer = _renderer_for(source, format, "import")
    draft = renderer.import_spec(source, name=name)
    from clusterforms.drafts.model import SpecDraft  # noqa: PLC0415 - the model loads on use

    if not isinstance(draft, SpecDraft):
        msg = f"the {renderer.name} renderer's import_spec() gave a {type(draft).__name__}"
        raise RenderError(msg)
    if like is None:
        return draft
    from clusterforms.drafts.align import align_draft  # noqa: PLC0415 - pure, loads on use

    return align_draft(draft, like)


def render_table(table: Table, fmt: str) -> bytes:
    """``table`` as the bytes of a file in format ``fmt`` (a renderer with ``can_table``).

    Raises:
        RendererNotFoundError: no renderer of that name writes tables.
        RenderError: the renderer failed.

    """
    return get_renderer(fmt, capability="table").render_table(table)


def _write_output(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; a failure is an :class:`OutputError` naming it."""
    from clusterforms._files import write_atomic  # noqa: PLC0415 - only when writing

    try:
        write_atomic(path, data)
    except OSError as exc:
        msg = f"{path}: cannot be written: {exc.strerror or exc}"
        raise OutputError(msg) from None


def read_xlsx(source: str | Path | bytes, *, spec: FormSpec | None = None) -> dict[str, Any]:
    """The application document a filled workbook holds (see docs/excel.md).

    The same as ``read(source, spec=spec, format="xlsx").document``.  The spec
    is recognised from the workbook itself; pass ``spec`` for a workbook made
    from a spec file that is not shipped.  Numbers come back as
    :class:`~decimal.Decimal`.  The workbook is treated as untrusted input.

    Raises:
        ReadError: not an xlsx, damaged or hostile, not made by clusterforms, for an
            unknown spec, or with a formula in an input cell.

    """
    return read(source, spec=spec, format="xlsx").document


def annotate_xlsx(
    source: str | Path | bytes, report: Report, output: str | Path | None = None
) -> bytes:
    """A copy of a filled workbook with ``report``'s findings on their cells.

    The same as ``annotate(source, report, output, format="xlsx")``: cells with a
    problem are filled red (amber for warnings) and carry a comment with the
    message; a first sheet 问题清单 lists every finding with a link to its cell.

    Raises:
        ReadError: the workbook cannot be read safely (as for :func:`read_xlsx`).
        OutputError: ``output`` cannot be written.

    """
    return annotate(source, report, output, format="xlsx")
