"""佐证材料清单: the evidence files our renderer lists after the form (编号 | 名称 | 文件)."""

from __future__ import annotations

from collections.abc import Sequence

from clusterforms_renderers.docx._attachments import HEADER, TITLE
from clusterforms_renderers.docx.reading._outcome import Outcome
from clusterforms_renderers.docx.reading._places import cell_place
from clusterforms_renderers.docx.reading._text import clean_lines, norm
from clusterforms_renderers.docx.reading._units import Row, Unit, cell_text

_KEYS = ("id", "title", "file")


def read_attachments(units: Sequence[Unit], out: Outcome) -> None:
    """The rows of the list's table, after its header, into ``out.attachments``."""
    header: Row | None = None
    for unit in units:
        if isinstance(unit, Row):
            texts = [norm(cell_text(c)) for c in unit.starting()]
            if header is None and texts == [norm(h) for h in HEADER]:
                header = unit
                out.claim_cells(unit.starting())
            elif header is not None and unit.table.path == header.table.path:
                cells = unit.starting()
                out.claim_cells(cells)
                entry = {
                    key: clean_lines(cell_text(cell))
                    for key, cell in zip(_KEYS, cells, strict=False)
                }
                for key, cell in zip(_KEYS, cells, strict=False):
                    out.spot(
                        "attachments",
                        f"{entry.get('id', '')}/{key}",
                        cell_place(TITLE, unit.table, cell),
                    )
                if any(entry.values()):
                    out.attachments.append({k: v for k, v in entry.items() if v})
        elif norm(unit.text) == norm(TITLE):
            out.claim([unit.paragraph])
