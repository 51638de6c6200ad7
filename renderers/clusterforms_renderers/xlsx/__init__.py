"""The Excel renderer: blank templates people fill in, filled workbooks, and reading them back.

Modules, one concern each:

- :mod:`._plan`, :mod:`._layout`, :mod:`._sections` — where every label, option,
  note and input cell goes, as plain data; a section's items are laid out on the
  :mod:`._grid` by :mod:`._rows_basic`, :mod:`._choices`, :mod:`._rows_yearly`,
  :mod:`._targets`, :mod:`._roster` and :mod:`._signoff`;
- :mod:`._inputs` — number formats, data validation, prompts and errors of input cells;
- :mod:`._checks` — live check formulas built from the spec's formula rules;
- :mod:`._fill` — an application's values by cell, placed by :mod:`._place`;
  :mod:`._codec` — lossless cell text and numbers;
- :mod:`._styles`, :mod:`._writer` — openpyxl;
- :mod:`._meta` — the hidden metadata sheet (spec id, the map of cells);
- :mod:`._guard`, :mod:`._ooxml`, :mod:`._reader` — reading untrusted workbooks safely:
  :mod:`._locate` finds the mapped cells, :mod:`._assemble` turns them into a document;
- :mod:`._annotate` — a copy of a workbook with its validation findings on the cells.

openpyxl is imported only when rendering or annotating, so listing renderers stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from clusterforms import FormSpec
from clusterforms.renderer import Renderer

__all__ = ["XlsxRenderer"]


class XlsxRenderer(Renderer):
    """中小企业特色产业集群申报表 as an Excel workbook, blank or filled."""

    name: ClassVar[str] = "xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension: ClassVar[str] = ".xlsx"
    can_fill: ClassVar[bool] = True

    def render(self, spec: FormSpec, data: Mapping[str, Any] | None = None) -> bytes:
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
