"""The renderer plugin contract.

A renderer turns a spec — blank, or filled with an application — into the
bytes of one file format, and may also read a filled file of that format
back, annotate one with validation findings, and write plain tables.
Renderers are found through the entry-point group ``clusterforms.renderers``;
the built-in ones register exactly as a third party would, and the core
reaches them only through :mod:`clusterforms.registry`.  A plugin package
declares in its ``pyproject.toml``::

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

Each capability beyond :meth:`Renderer.render` is a class attribute saying
so and a method: ``can_read`` / :meth:`Renderer.read` (with
``read_suffixes`` and :meth:`Renderer.sniff` to be found for a file),
``can_annotate`` / :meth:`Renderer.annotate`, ``can_table`` /
:meth:`Renderer.render_table`, ``can_import`` / :meth:`Renderer.import_spec`
(a blank official template read as a draft spec, found by ``read_suffixes``
and :meth:`Renderer.sniff` as for reading).  ``docs/renderers.md`` has the whole contract
and :func:`clusterforms.testing.check_renderer` checks it.

Import heavy dependencies inside the methods, not at module top:
``clusterforms renderers`` loads every renderer class to list it.
"""

from __future__ import annotations

import abc
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from clusterforms.errors import ReadError, RenderError

if TYPE_CHECKING:  # only annotations: a plugin module importing this stays light
    from clusterforms.application.values import Application
    from clusterforms.drafts.model import SpecDraft
    from clusterforms.model.spec import FormSpec
    from clusterforms.reading import Reading
    from clusterforms.tables import Table
    from clusterforms.validation.findings import Report


class Renderer(abc.ABC):
    """Base class of every renderer: lookup metadata and capabilities as class attributes."""

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
    #: True when :meth:`read` reads a filled file back into an application.
    can_read: ClassVar[bool] = False
    #: The file suffixes :meth:`read` takes, lower case with their dot (``.xlsx``, ``.xlsm``).
    read_suffixes: ClassVar[tuple[str, ...]] = ()
    #: True when :meth:`annotate` puts validation findings onto a filled file.
    can_annotate: ClassVar[bool] = False
    #: True when :meth:`render_table` writes a :class:`~clusterforms.Table` in this format.
    can_table: ClassVar[bool] = False
    #: True when :meth:`import_spec` reads a blank template into a draft spec.
    can_import: ClassVar[bool] = False

    @abc.abstractmethod
    def render(self, spec: FormSpec, data: Application | None = None) -> bytes:
        """The output file's bytes for ``spec``, filled with ``data`` when given.

        ``data`` is the application read against ``spec`` (:func:`clusterforms.read_application`,
        docs/data-format.md): every value typed once, the same for every renderer.
        A value a renderer cannot show (an :class:`~clusterforms.Invalid` whose ``text``
        is None) is refused with a RenderError naming its field; any other value
        that does not fit is printed as typed, never as a different number.

        Raises:
            clusterforms.RenderError: the output cannot be produced; the message
                says why (e.g. a value that the format cannot hold).

        """

    def sniff(self, head: bytes) -> bool:
        """Whether a file that starts with ``head`` is one :meth:`read` takes.

        Asked only for files whose suffix no renderer claims (and for bytes);
        ``head`` is the file's first :data:`clusterforms.registry.SNIFF_BYTES`
        bytes at most.  Answer cheaply and never raise: :meth:`read` checks properly.
        """
        del head
        return False

    def read(
        self, source: str | Path | bytes, *, spec: FormSpec | None = None, name: str | None = None
    ) -> Reading:
        """The application a filled file holds (for renderers with ``can_read``).

        Args:
            source: the file's path, or its bytes; untrusted input.
            spec: the spec the file is for, when the caller knows it (a file made
                from a spec file that is not shipped, or one without a mark of its spec).
            name: how to name the file in messages (default: the path).

        Raises:
            clusterforms.ReadError: the file is not of this format, damaged, hostile,
                or for another spec; the message names the file and the place in it.

        """
        del source, spec, name
        msg = f"the {self.name} renderer does not read files"
        raise ReadError(msg)

    def annotate(
        self, source: str | Path | bytes, report: Report, *, name: str | None = None
    ) -> bytes:
        """A copy of a filled file with ``report``'s findings on it (for ``can_annotate``).

        Raises:
            clusterforms.ReadError: the file cannot be read safely (as for :meth:`read`),
                or ``report`` is for another spec.

        """
        del source, report, name
        msg = f"the {self.name} renderer does not annotate files"
        raise ReadError(msg)

    def render_table(self, table: Table) -> bytes:
        """The bytes of a file holding ``table`` (for renderers with ``can_table``).

        Raises:
            clusterforms.RenderError: the table cannot be written in this format.

        """
        del table
        msg = f"the {self.name} renderer does not write tables"
        raise RenderError(msg)

    def import_spec(self, source: str | Path | bytes, *, name: str | None = None) -> SpecDraft:
        """The draft spec a blank official template prints (for renderers with ``can_import``).

        Ids are provisional; :func:`clusterforms.align_draft` gives the draft a base
        spec's.  The draft's notes list every guess and every piece of text not placed.

        Raises:
            clusterforms.ReadError: the file is not of this format, damaged or hostile;
                the message names the file and the place in it.

        """
        del source, name
        msg = f"the {self.name} renderer does not import templates"
        raise ReadError(msg)
