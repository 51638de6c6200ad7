"""Assembling the application document from the raw cells of the located input cells.

Each cell is read by its key's kind (text, number, option, 是/否 mark, free
row, roster cell); a formula in an input cell, an unreadable mark or a map
that puts two cells on one value is a :class:`~clusterforms.ReadError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from clusterforms import describe_character, first_invalid_character, number_text, parse_number_text
from clusterforms_renderers.xlsx._codec import parse_stored_number
from clusterforms_renderers.xlsx._guard import Package
from clusterforms_renderers.xlsx._inputs import NO, YES
from clusterforms_renderers.xlsx._keys import ATTACHMENTS, CellKey
from clusterforms_renderers.xlsx._locate import Cells
from clusterforms_renderers.xlsx._meta import Located, Metadata
from clusterforms_renderers.xlsx._sheets import RawCell

_CHECKED: Final = frozenset({YES, "☑", "√", "✓", "✔", "☒", "■", "Y", "YES", "TRUE", "1"})
_UNCHECKED: Final = frozenset({NO, "□", "☐", "×", "N", "NO", "FALSE", "0"})
_BOXES: Final = "□☐☑☒■"
_SPLIT_IDS: Final = re.compile(r"[\s,，、;；]+")
_SHOWN: Final = 5


def assemble(
    package: Package, cells: Cells, metadata: Metadata, located: list[tuple[Located, str, str]]
) -> dict[str, Any]:
    """The application document of the ``located`` cells, their raw cells loaded in ``cells``."""
    return _Assembler(package, cells, metadata).document(located)


class _Assembler:
    """Builds the application document from located cells."""

    def __init__(self, package: Package, cells: Cells, metadata: Metadata) -> None:
        self.package = package
        self.cells = cells
        self.metadata = metadata
        self.values: dict[str, Any] = {}
        self.formulas: list[str] = []
        self.marks: dict[str, dict[str, bool]] = {}
        self.answered: set[str] = set()
        self.option_parts: dict[tuple[str, str], dict[str, Any]] = {}
        self.option_cells: dict[tuple[str, str], str] = {}
        self.choice_text: dict[str, str] = {}
        self.rows: dict[tuple[str, ...], dict[str, Any]] = {}
        self.roster: dict[str, dict[int, dict[str, Any]]] = {}
        self.continued: dict[tuple[str, ...], dict[int, str]] = {}

    def document(self, located: list[tuple[Located, str, str]]) -> dict[str, Any]:
        for item, sheet, ref in located:
            raw = self.cells.raw.get((sheet, ref))
            if raw is None:
                continue
            where = f"{_quote(sheet)}!{ref}"
            if raw.formula is not None:
                shown = raw.formula if len(raw.formula) <= 40 else raw.formula[:39] + "…"
                self.formulas.append(f"{where} ({item.key.location}): ={shown}")
                continue
            self._cell(item.key, raw, where)
        if self.formulas:
            more = len(self.formulas) - _SHOWN
            tail = f"; and {more} more" if more > 0 else ""
            msg = (
                "input cells hold formulas, which are never evaluated — type the values "
                f"instead: {'; '.join(self.formulas[:_SHOWN])}{tail}"
            )
            raise self.package.error(msg)
        self._finish_continued()
        self._finish_choices()
        self._finish_checklists()
        document: dict[str, Any] = {"spec": self.metadata.spec_id}
        if self.metadata.meta:
            char = first_invalid_character(self.metadata.meta)
            if char is not None:
                msg = f"the metadata's meta holds {describe_character(char)}"
                raise self.package.error(msg)
            document["meta"] = dict(self.metadata.meta)
        attachments = self._free_rows((ATTACHMENTS,))
        if attachments:
            document["attachments"] = attachments
        self._finish_extra_rows()
        self._finish_rosters()
        order = {item.key.field: n for n, (item, _, _) in enumerate(reversed(located))}
        document["values"] = dict(sorted(self.values.items(), key=lambda kv: -order.get(kv[0], -1)))
        return document

    # ------------------------------------------------------------------ cells

    def _cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        handler = _HANDLERS[key.kind]
        handler(self, key, raw, where)

    def _text(self, raw: RawCell, where: str) -> str | None:
        """A cell's text, or None when blank; a character no application can hold is refused."""
        text = self.cells.text(raw, where)
        if text is None or not text.strip():
            return None
        char = first_invalid_character(text)
        if char is not None:
            msg = f"{where}: holds {describe_character(char)}, which an application cannot hold"
            raise self.package.error(msg)
        return text

    def _scalar_text(self, raw: RawCell, where: str) -> str | None:
        if raw.type == "n" and raw.value is not None and raw.value.strip():
            return number_text(self._number(raw, where))
        return self._text(raw, where)

    def _scalar_number(self, raw: RawCell, where: str) -> Decimal | str | None:
        """A number cell: a number stored, or typed as text (read as any application is)."""
        if raw.type == "n":
            if raw.value is None or not raw.value.strip():
                return None
            return self._number(raw, where)
        text = self._text(raw, where)
        if text is None:
            return None
        number = parse_number_text(text)
        return number if number is not None else text

    def _number(self, raw: RawCell, where: str) -> Decimal:
        number = parse_stored_number(raw.value or "")
        if number is None:
            msg = f"{where}: a number cell holds {(raw.value or '')[:20]!r}"
            raise self.package.error(msg)
        return number

    def _set(self, path: tuple[str, ...], value: Any) -> None:
        node = self.values
        for step in path[:-1]:
            child = node.setdefault(step, {})
            if not isinstance(child, dict):
                msg = f"the metadata maps two cells onto {'/'.join(path)}"
                raise self.package.error(msg)
            node = child
        if path[-1] in node:
            msg = f"the metadata maps two cells onto {'/'.join(path)}"
            raise self.package.error(msg)
        node[path[-1]] = value

    def text_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        value = self._scalar_text(raw, where)
        if value is not None:
            self._set(key.path, value)

    def number_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        value = self._scalar_number(raw, where)
        if value is not None:
            self._set(key.path, value)

    def choice_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        text = self._scalar_text(raw, where)
        if text is None:
            return
        labels = self.metadata.options.get(key.field, {})
        stripped = text.strip()
        unboxed = stripped.lstrip(_BOXES).strip()
        ids = set(labels.values())
        option = labels.get(text) or labels.get(stripped) or labels.get(unboxed)
        if option is None:
            option = stripped if stripped in ids else text
        self._set(key.path, option)

    def choice_text_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        text = self._scalar_text(raw, where)
        if text is not None:
            self.choice_text[key.field] = text

    def mark_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        text = self._scalar_text(raw, where)
        option = key.part
        marks = self.marks.setdefault(key.field, {})
        self.option_cells[key.field, option] = where
        if text is None:
            marks.setdefault(option, False)
            return
        word = text.strip().upper()
        if word in _CHECKED:
            marks[option] = True
        elif word in _UNCHECKED:
            marks[option] = False
        else:
            msg = f"{where} ({key.location}): {text[:20]!r} is neither {YES} nor {NO}"
            raise self.package.error(msg)
        self.answered.add(key.field)

    def option_part_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        text = self._scalar_text(raw, where)
        if text is None:
            return
        option, _, part = key.part.partition("/")
        parts = self.option_parts.setdefault((key.field, option), {})
        if part == "evidence":
            ids = [i for i in _SPLIT_IDS.split(text.strip()) if i]
            if ids:
                parts["evidence"] = ids
        else:
            parts["text"] = text
        parts.setdefault("$where", where)

    def free_row_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        steps = key.part.split("/")
        if len(steps) < 2:
            msg = f"the metadata has a malformed row cell {key.location}"
            raise self.package.error(msg)
        *row, part = steps
        if key.kind == "extra":
            value: Any = self._scalar_number(raw, where) if part != "indicator" else None
            if part == "indicator":
                value = self._scalar_text(raw, where)
        else:
            value = self._scalar_text(raw, where)
        slot = self.rows.setdefault((key.field, *row), {})
        if value is not None:
            slot[part] = value

    def roster_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        row, _, column = key.part.partition("/")
        if not row.isdigit() or not column or "/" in column:
            msg = f"the metadata has a malformed roster cell {key.location}"
            raise self.package.error(msg)
        value: Any
        if raw.type == "n":
            value = None if raw.value is None or not raw.value.strip() else self._number(raw, where)
        else:
            value = self._scalar_text(raw, where)
        cells = self.roster.setdefault(key.field, {}).setdefault(int(row), {})
        if column in cells:
            msg = f"the metadata maps two cells onto {key.location}"
            raise self.package.error(msg)
        if value is not None:
            cells[column] = value

    def continued_cell(self, key: CellKey, raw: RawCell, where: str) -> None:
        if not key.part.isdigit():
            msg = f"the metadata has a malformed continued cell {key.location}"
            raise self.package.error(msg)
        text = self._scalar_text(raw, where)
        if text is not None:
            base = (key.field,) if key.year is None else (key.field, str(key.year))
            self.continued.setdefault(base, {})[int(key.part)] = text

    # ------------------------------------------------------------------ finishing

    def _finish_continued(self) -> None:
        """Each long text: its first cell, then the cells continuing it, joined exactly."""
        for path, parts in self.continued.items():
            node = self.values
            for step in path[:-1]:
                child = node.setdefault(step, {})
                if not isinstance(child, dict):
                    msg = f"the metadata maps two kinds of cell onto {'/'.join(path)}"
                    raise self.package.error(msg)
                node = child
            first = node.get(path[-1], "")
            if not isinstance(first, str):
                msg = f"the metadata maps two kinds of cell onto {'/'.join(path)}"
                raise self.package.error(msg)
            node[path[-1]] = first + "".join(parts[n] for n in sorted(parts))

    def _finish_choices(self) -> None:
        for field, text in self.choice_text.items():
            option = self.values.get(field)
            self.values[field] = {"option": option, "text": text}

    def _finish_checklists(self) -> None:
        for (field, option), parts in self.option_parts.items():
            if not self.marks.get(field, {}).get(option, False):
                what = "佐证材料编号" if "evidence" in parts else "补充填写"
                msg = (
                    f"{parts['$where']} ({field}/{option}): {what} is filled but the option is "
                    f"not marked {YES}; mark it {YES} or clear the cell"
                )
                raise self.package.error(msg)
        for field, marks in self.marks.items():
            if field not in self.answered:
                continue
            entries: list[Any] = []
            for option, checked in marks.items():
                if not checked:
                    continue
                parts = dict(self.option_parts.get((field, option), {}).items())
                parts.pop("$where", None)
                entries.append({"option": option, **parts} if parts else option)
            self._set((field,), entries)

    def _free_rows(self, prefix: tuple[str, ...]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for slot_key, slot in self.rows.items():
            if slot_key[: len(prefix)] == prefix and slot:
                rows.append(dict(slot))
        return rows

    def _finish_rosters(self) -> None:
        """Each roster's non-empty rows, in row order (empty rows are left out)."""
        for field, rows in self.roster.items():
            kept = [rows[n] for n in sorted(rows) if rows[n]]
            if kept:
                self._set((field,), kept)

    def _finish_extra_rows(self) -> None:
        by_field: dict[str, list[dict[str, Any]]] = {}
        for slot_key, slot in self.rows.items():
            field = slot_key[0]
            if field == ATTACHMENTS or not slot:
                continue
            direction = slot_key[1]
            by_field.setdefault(field, []).append({"direction": direction, **slot})
        for field, extra in by_field.items():
            table = self.values.setdefault(field, {})
            if not isinstance(table, dict):
                msg = f"the metadata maps two kinds of cell onto {field}"
                raise self.package.error(msg)
            table["extra"] = extra


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


_Handler = Callable[[_Assembler, CellKey, RawCell, str], None]
_HANDLERS: Final[dict[str, _Handler]] = {
    "text": _Assembler.text_cell,
    "number": _Assembler.number_cell,
    "any": _Assembler.number_cell,
    "choice": _Assembler.choice_cell,
    "choice_text": _Assembler.choice_text_cell,
    "mark": _Assembler.mark_cell,
    "mark_text": _Assembler.option_part_cell,
    "evidence": _Assembler.option_part_cell,
    "extra": _Assembler.free_row_cell,
    "attachment": _Assembler.free_row_cell,
    "roster": _Assembler.roster_cell,
    "continued": _Assembler.continued_cell,
}
