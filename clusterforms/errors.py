"""The exceptions clusterforms raises.

Every one derives from :class:`ClusterformsError` and also from the builtin
that fits, so callers can catch either.
"""

from __future__ import annotations

from pathlib import Path


class ClusterformsError(Exception):
    """Root of every error raised by clusterforms."""


class SpecError(ClusterformsError, ValueError):
    """A spec file cannot be read, parsed or trusted.

    The message names the file, the line where the format gives one, and the
    item path (``$.sections[2].items[0].label``), then says what was wrong.
    """

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


class ApplicationError(ClusterformsError, ValueError):
    """An application document cannot be read: missing, not JSON, not UTF-8, too large.

    Problems *inside* a readable application are not errors but findings of
    :func:`clusterforms.validate`.
    """

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


class RenderError(ClusterformsError, RuntimeError):
    """A renderer cannot produce its output; the message says why."""


class RendererNotFoundError(ClusterformsError, LookupError):
    """No installed renderer has the requested name; the message lists those that do."""


class ReadError(ClusterformsError, ValueError):
    """A filled workbook cannot be read back safely: not an xlsx, damaged, hostile, or unknown.

    The message names the file and, where it applies, the sheet and cell.
    """
