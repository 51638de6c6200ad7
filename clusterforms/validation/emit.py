"""Building findings with their message in the requested language."""

from __future__ import annotations

from decimal import Decimal

from clusterforms.formulas import round2
from clusterforms.model.items import Severity
from clusterforms.validation.findings import Finding
from clusterforms.validation.messages import Lang, render


def label_of(item: object) -> str:
    """The label a message quotes: the item's label (or title) on one line."""
    label = getattr(item, "label", None) or getattr(item, "title", None) or getattr(item, "id", "")
    return str(label).replace("\n", "")


#: Message templates that share a finding code with another (a number cell's
#: "required" message says a number is wanted, not "无").
_TEMPLATE_CODES = {"required_number": "required"}


class Emitter:
    """Collects findings for one application, rendering each message once."""

    __slots__ = ("findings", "lang")

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self.findings: list[Finding] = []

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
