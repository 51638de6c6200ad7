"""Every exception clusterforms raises.

Each derives from :class:`ClusterformsError` and also from the builtin that
fits, so callers can catch either.  Each class has a stable ``code``: match on
it (``exc.code == "spec_invalid"``) rather than on the wording, which may
improve.  ``docs/api.md`` lists them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:  # only an annotation: importing the errors must cost next to nothing
    from pathlib import Path


class ClusterformsError(Exception):
    """Root of every error raised by clusterforms."""

    #: A stable name for the kind of error; subclasses each have their own.
    code: ClassVar[str] = "error"


class SpecError(ClusterformsError, ValueError):
    """A spec file cannot be read, parsed or trusted.

    The message names the file, the line where the format gives one, and the
    item path (``$.sections[2].items[0].label``), then says what was wrong.
    """

    code: ClassVar[str] = "spec_invalid"

    def __init__(
        self,
        message: str,
        *,
        source: str | Path | None = None,
        line: int | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.source = str(source) if source is not None else None
        self.line = line
        self.path = path
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.source or "<spec>"
        if self.line is not None:
            where += f":{self.line}"
        if self.path:
            where += f": {self.path}"
        return f"{where}: {self.message}"


class SpecNotFoundError(SpecError, LookupError):
    """No shipped spec has the requested id."""

    code: ClassVar[str] = "spec_not_found"


class UnknownKindError(ClusterformsError, ValueError):
    """An item's ``kind`` (or a rule's ``check``) is missing or not a known one.

    Raised while a spec is structured; :func:`clusterforms.load_spec` reports it
    as a :class:`SpecError` naming the file and item.
    """

    code: ClassVar[str] = "unknown_kind"


class ApplicationError(ClusterformsError, ValueError):
    """An application document cannot be read: missing, not JSON, not UTF-8, too large.

    Problems *inside* a readable application are not errors but findings of
    :func:`clusterforms.validate`.
    """

    code: ClassVar[str] = "application_unreadable"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        where = source or "<application>"
        if line is not None:
            where += f":{line}:{column}" if column is not None else f":{line}"
        super().__init__(f"{where}: {message}")


class FormulaError(ClusterformsError, ValueError):
    """An indicator formula cannot be computed from the inputs given.

    The message starts with the formula's name and says which input was wrong and why.
    """

    code: ClassVar[str] = "formula_undefined"


class RenderError(ClusterformsError, RuntimeError):
    """A renderer cannot produce its output; the message says why."""

    code: ClassVar[str] = "render_failed"


class RendererNotFoundError(ClusterformsError, LookupError):
    """No installed renderer has that name or capability; the message lists the ones that do."""

    code: ClassVar[str] = "renderer_not_found"


class ReadError(ClusterformsError, ValueError):
    """A filled file cannot be read back safely: not of its format, damaged, hostile, or unknown.

    The message names the file and, where it applies, the place in it (sheet and cell).
    """

    code: ClassVar[str] = "read_failed"


class DiffFormatError(ClusterformsError, ValueError):
    """A serialised diff cannot be read back: not JSON, or not a diff of this format."""

    code: ClassVar[str] = "diff_malformed"


class PatchError(ClusterformsError, ValueError):
    """A diff cannot be applied: wrong base spec, or a damaged or edited diff."""

    code: ClassVar[str] = "patch_mismatch"


class MigrationError(ClusterformsError, ValueError):
    """An application cannot be migrated: not an application, or not of the spec given."""

    code: ClassVar[str] = "migration_impossible"


class OutputError(ClusterformsError, ValueError):
    """An output file cannot be written, or its type is not one that can be made."""

    code: ClassVar[str] = "output_unwritable"
