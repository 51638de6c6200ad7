"""The renderer plugin contract.

A renderer turns a spec — blank, or filled with an application — into the
bytes of one file format.  Renderers are found through the entry-point group
``clusterforms.renderers``; the built-in ones register exactly as a third
party would.  A plugin package declares in its ``pyproject.toml``::

    [project.entry-points."clusterforms.renderers"]
    pdf = "clusterforms_pdf:PdfRenderer"

and implements::

    class PdfRenderer(clusterforms.Renderer):
        name = "pdf"
        media_type = "application/pdf"
        extension = ".pdf"
        can_fill = True

        def render(self, spec, data=None):
            ...

Import heavy dependencies inside :meth:`Renderer.render`, not at module top:
``clusterforms renderers`` loads every renderer class to list it.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import Any, ClassVar

from clusterforms.model.spec import FormSpec


class Renderer(abc.ABC):
    """Base class of every renderer: lookup metadata as class attributes, one method."""

    #: The name users pass to ``--format`` (``xlsx``, ``docx``, ``json-schema``).
    name: ClassVar[str]
    #: The IANA media type of the output.
    media_type: ClassVar[str]
    #: The file extension of the output, with its dot (``.xlsx``).
    extension: ClassVar[str]
    #: True for text formats, which the command line may write to stdout.
    text: ClassVar[bool] = False
    #: True when :meth:`render` accepts an application to fill in.
    can_fill: ClassVar[bool] = False

    @abc.abstractmethod
    def render(self, spec: FormSpec, data: Mapping[str, Any] | None = None) -> bytes:
        """The output file's bytes for ``spec``, filled with ``data`` when given.

        Raises:
            clusterforms.RenderError: the output cannot be produced; the message
                says why (e.g. a value that the format cannot hold).

        """
