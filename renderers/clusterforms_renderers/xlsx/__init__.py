"""The Excel renderer: templates to fill in, filled workbooks, reading and annotating them, tables.

Modules, one concern each:

- :mod:`._plan`, :mod:`._layout`, :mod:`._sections` — where every label, option,
  note and input cell goes, as plain data; a section's items are laid out on the
  :mod:`._grid` by :mod:`._rows_basic`, :mod:`._choices`, :mod:`._rows_yearly`,
  :mod:`._targets`, :mod:`._roster` and :mod:`._signoff`;
- :mod:`._inputs` — number formats, data validation, prompts and errors of input cells;
  :mod:`._blocks` — a long text in as many cells as it needs;
- :mod:`._checks` — live check formulas built from the spec's formula rules;
  :mod:`._boxes` — the printed options ticking the chosen box;
- :mod:`._fill` — an application's values by cell, placed by :mod:`._place`;
  :mod:`._codec` — lossless cell text and numbers;
- :mod:`._styles`, :mod:`._writer` — openpyxl;
- :mod:`._meta` — the hidden metadata sheet (spec id, the map of cells);
- :mod:`._guard`, :mod:`._ooxml`, :mod:`._sheets`, :mod:`._reader` — reading untrusted
  workbooks safely (the package, its XML parts, the cells of a sheet):
  :mod:`._locate` finds the mapped cells, :mod:`._assemble` turns them into a document;
- :mod:`._annotate` — a copy of a workbook with its validation findings on the cells,
  named by :mod:`._labels`;
- :mod:`._table` — a plain :class:`~clusterforms.Table` (the item matrix) as a workbook.

openpyxl is imported only inside the methods, so listing renderers stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from clusterforms.renderer import Renderer

if TYPE_CHECKING:  # annotations only: listing renderers loads this module and no more
    from clusterforms import Application, FormSpec, Reading, Report, Table

__all__ = ["XlsxRenderer"]


class XlsxRenderer(Renderer):
    """中小企业特色产业集群申报表 as an Excel workbook, blank or filled, read back and annotated."""

    name: ClassVar[str] = "xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension: ClassVar[str] = ".xlsx"
    can_fill: ClassVar[bool] = True
    can_read: ClassVar[bool] = True
    read_suffixes: ClassVar[tuple[str, ...]] = (".xlsx", ".xlsm")
    can_annotate: ClassVar[bool] = True
    can_table: ClassVar[bool] = True

    def render(self, spec: FormSpec, data: Application | None = None) -> bytes:
        """The workbook's bytes: a blank template, or filled with ``data``.

        Raises:
            clusterforms.RenderError: ``data`` holds a value no cell can hold (a field,
                year or option the form does not have); validate it first.

        """
        from clusterforms_renderers.xlsx._fill import Flattener  # noqa: PLC0415
        from clusterforms_renderers.xlsx._layout import plan_workbook  # noqa: PLC0415
        from clusterforms_renderers.xlsx._writer import write_workbook  # noqa: PLC0415

        if data is None:
            return write_workbook(spec, plan_workbook(spec), {}, {})
        values, slots, meta = Flattener(spec).flatten(data)
        return write_workbook(spec, plan_workbook(spec, slots), values, meta)

    def sniff(self, head: bytes) -> bool:
        """A zip whose first members include ``xl/`` parts."""
        from clusterforms_renderers.xlsx._reader import looks_like_workbook  # noqa: PLC0415

        return looks_like_workbook(head)

    def read(
        self, source: str | Path | bytes, *, spec: FormSpec | None = None, name: str | None = None
    ) -> Reading:
        """The application a workbook made by this renderer holds (see docs/excel.md).

        The spec is recognised from the workbook's hidden metadata sheet; pass
        ``spec`` for a workbook made from a spec file that is not shipped.

        Raises:
            clusterforms.ReadError: not an xlsx, damaged or hostile, not made by
                clusterforms, for an unknown spec, or with a formula in an input cell.

        """
        from clusterforms_renderers.xlsx._reader import read_workbook  # noqa: PLC0415

        return read_workbook(source, spec=spec, name=name)

    def annotate(
        self, source: str | Path | bytes, report: Report, *, name: str | None = None
    ) -> bytes:
        """A copy of the workbook: problem cells filled and commented, a first sheet 问题清单."""
        from clusterforms_renderers.xlsx._annotate import annotate_workbook  # noqa: PLC0415

        return annotate_workbook(source, report, name=name)

    def render_table(self, table: Table) -> bytes:
        """The table on a sheet of its own, its legend on a second."""
        from clusterforms_renderers.xlsx._table import write_table  # noqa: PLC0415

        return write_table(table)
