"""Building findings with their message in the requested language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from clusterforms.formulas import round2
from clusterforms.model.items import Severity
from clusterforms.model.spec import FormSpec
from clusterforms.validation.findings import Finding
from clusterforms.validation.messages import Lang, render


def label_of(item: object) -> str:
    """The label a message quotes: the item's label (or title) on one line."""
    label = getattr(item, "label", None) or getattr(item, "title", None) or getattr(item, "id", "")
    return str(label).replace("\n", "")


#: A label that is only a note in brackets, such as 「（2000字以内）」.
_NOTE_ONLY = re.compile(r"[（(][^（）()]*[）)]")


def shown_names(spec: FormSpec) -> dict[str, str]:
    """Names for fields whose label is only a note: the section title people see.

    The plan's free-text cell is labelled 「（2000字以内）」 on the form; a message
    names it 「八、未来三年中小企业特色产业集群发展规划」 instead.
    """
    return {
        item.id: label_of(section)
        for section, item in spec.walk()
        if _NOTE_ONLY.fullmatch(label_of(item).strip())
    }


#: Message templates that share a finding code with another (a number cell's
#: "required" message says a number is wanted, or "无" where it may be).
_TEMPLATE_CODES = {"required_number": "required", "required_number_or_none": "required"}


class Emitter:
    """Collects findings for one application, rendering each message once."""

    __slots__ = ("findings", "lang", "names")

    def __init__(self, lang: Lang, names: Mapping[str, str] | None = None) -> None:
        self.lang: Lang = lang
        self.findings: list[Finding] = []
        #: Field ids whose messages name them otherwise than by label (:func:`shown_names`).
        self.names: Mapping[str, str] = names or {}

    def __call__(  # noqa: PLR0913 - a finding has this many facets
        self,
        code: str,
        field: str | None,
        label: str,
        *,
        severity: Severity = "error",
        year: int | None = None,
        option: str | None = None,
        reported: Decimal | None = None,
        computed: Decimal | None = None,
        **fields: object,
    ) -> None:
        """Add a finding; ``fields`` fill the message template."""
        label = self.names.get(field, label) if field is not None else label
        where = "" if year is None else f"{year}年" if self.lang == "zh" else f" ({year})"
        shown = round2(computed) if computed is not None else None
        message = render(
            code,
            self.lang,
            label=label,
            where=where,
            field=field,
            option=option,
            reported=reported,
            computed=shown,
            **fields,
        )
        self.findings.append(
            Finding(
                code=_TEMPLATE_CODES.get(code, code),
                severity=severity,
                message=message,
                field=field,
                year=year,
                option=option,
                reported=reported,
                computed=computed,
            )
        )
