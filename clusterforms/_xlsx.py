"""Reading filled workbooks back and annotating them: thin wrappers over the xlsx renderer.

The work is done in :mod:`clusterforms_renderers.xlsx` (shipped in the same
wheel); it is imported on first use, so ``import clusterforms`` never loads
openpyxl or the XML machinery.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clusterforms.model.spec import FormSpec
from clusterforms.validation.findings import Report


def read_xlsx(source: str | Path | bytes, *, spec: FormSpec | None = None) -> dict[str, Any]:
    """The application document held by a filled workbook (see docs/excel.md).

    The spec is recognised from the workbook itself; pass ``spec`` to read a
    workbook made from a spec file that is not shipped.  Numbers come back as
    :class:`~decimal.Decimal`.  The workbook is treated as untrusted input.

    Raises:
        clusterforms.ReadError: not an xlsx, damaged or hostile, not made by
            clusterforms, for an unknown spec, or with a formula in an input cell.

    """
    from clusterforms_renderers.xlsx._reader import read_workbook  # noqa: PLC0415

    return read_workbook(source, spec=spec)


def annotate_xlsx(
    source: str | Path | bytes, report: Report, output: str | Path | None = None
) -> bytes:
    """A copy of a filled workbook with ``report``'s findings on their cells.

    Cells with a problem are filled red and carry a comment with the message;
    a first sheet 问题清单 lists every finding with a link to its cell.  When
    ``output`` is given the copy is also written there, atomically.

    Raises:
        clusterforms.ReadError: the workbook cannot be read safely (as for :func:`read_xlsx`).

    """
    from clusterforms_renderers.xlsx._annotate import annotate_workbook  # noqa: PLC0415

    data = annotate_workbook(source, report)
    if output is not None:
        from clusterforms._files import write_atomic  # noqa: PLC0415

        write_atomic(output, data)
    return data
