"""What people call each field: the label the form prints, for the 问题清单 sheet.

A finding names a field by its id (``basic.area``); the person fixing the
workbook knows it as 「集群占地面积（平方公里）」 in a year's column, or as an
option of a checklist.  A label that is only a note in brackets (the plan's
「（3000字以内）」) is named after its section instead, as messages do.
"""

from __future__ import annotations

import re
from typing import Final

from clusterforms import Finding, FormSpec, TargetsItem, iter_nested, year_label

_NOTE_ONLY: Final = re.compile(r"[（(][^（）()]*[）)]")


def _one_line(text: str) -> str:
    return text.replace("\n", "").strip()


class Labels:
    """The printed label of every field, target row and option of one spec."""

    def __init__(self, spec: FormSpec | None) -> None:
        self.fields: dict[str, str] = {}
        self.options: dict[tuple[str, str], str] = {}
        if spec is None:
            return
        for line in spec.cover.lines:
            self.fields[line.id] = _one_line(line.label)
        for section, item in spec.walk():
            for nested in iter_nested(item):
                label = _one_line(getattr(nested, "label", "") or getattr(nested, "title", ""))
                if not label or _NOTE_ONLY.fullmatch(label):
                    label = _one_line(section.title)
                self.fields.setdefault(nested.id, label)
                for option in getattr(nested, "options", ()):
                    self.options[nested.id, option.id] = _one_line(option.label)
                if isinstance(nested, TargetsItem):
                    for direction in nested.directions:
                        for row in direction.rows:
                            self.fields[row.id] = _one_line(row.indicator)

    def of(self, finding: Finding) -> str:
        """The label, year and option a finding is about, as printed; its id if unknown."""
        field = finding.field or ""
        label = self.fields.get(field) or finding.location
        if finding.year is not None:
            label += f"（{year_label(finding.year)}）"
        if finding.option is not None:
            label += " · " + self.options.get((field, finding.option), finding.option)
        return label
