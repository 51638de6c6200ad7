"""Finding renderers through entry points, loading each only when first used."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import metadata
from typing import Any

import attrs

from clusterforms.errors import RendererNotFoundError, RenderError
from clusterforms.model.spec import FormSpec
from clusterforms.renderer import Renderer

ENTRY_POINT_GROUP = "clusterforms.renderers"


@attrs.frozen(kw_only=True)
class RendererInfo:
    """What ``clusterforms renderers`` lists about one renderer."""

    name: str
    extension: str
    media_type: str
    package: str
    can_fill: bool
    text: bool


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


def get_renderer(name: str) -> Renderer:
    """A renderer instance by name; raises :class:`RendererNotFoundError` listing the names."""
    return _load(name)()


def available_renderers() -> tuple[RendererInfo, ...]:
    """Every installed renderer that loads, sorted by name."""
    infos = []
    for name, entry in sorted(_entry_points().items()):
        try:
            cls = _load(name)
        except RenderError:
            continue
        package = entry.dist.name if entry.dist is not None else "?"
        infos.append(
            RendererInfo(
                name=name,
                extension=cls.extension,
                media_type=cls.media_type,
                package=package,
                can_fill=cls.can_fill,
                text=cls.text,
            )
        )
    return tuple(infos)


def render(spec: FormSpec, fmt: str, data: Mapping[str, Any] | None = None) -> bytes:
    """Render ``spec`` (filled with ``data`` when given) in format ``fmt``.

    Raises:
        RendererNotFoundError: no renderer has that name.
        RenderError: the renderer cannot fill data, or failed.

    """
    renderer = get_renderer(fmt)
    if data is not None and not renderer.can_fill:
        msg = f"the {fmt} renderer draws blank forms only; it cannot fill in an application"
        raise RenderError(msg)
    return renderer.render(spec, data)
