"""What validation finds: findings collected into a report, never raised."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from clusterforms.model.items import Severity


def format_location(field: str, year: int | None, option: str | None) -> str:
    """``field[year].option``: where a finding or a migration entry is, in one string."""
    where = field
    if year is not None:
        where += f"[{year}]"
    if option is not None:
        where += f".{option}"
    return where


@attrs.frozen(kw_only=True)
class Finding:
    """One problem in an application.

    ``code`` is stable (tests and programs match on it; the wording may
    change); ``field``, ``year`` and ``option`` say where; ``reported`` and
    ``computed`` hold both numbers where a value was recomputed.
    """

    code: str
    severity: Severity
    message: str
    field: str | None = None
    year: int | None = None
    option: str | None = None
    reported: Decimal | None = None
    computed: Decimal | None = None

    @property
    def location(self) -> str:
        """``field[year].option`` — where the problem is, in one string."""
        return format_location(self.field or "$", self.year, self.option)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (numbers as strings, exactly)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }
        for key in ("field", "year", "option"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        for key in ("reported", "computed"):
            if getattr(self, key) is not None:
                data[key] = str(getattr(self, key))
        return data


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """Every finding for one application, in form order.

    A report is a container of its findings: ``len(report)`` is their number,
    iterating gives them, and a report is true when it has any (warnings
    included) — ``if report:`` asks "is there anything to look at?".  Whether
    the application passes is :attr:`ok`: true when there is no error.
    """

    spec: str
    findings: tuple[Finding, ...] = ()

    def __len__(self) -> int:
        """The number of findings."""
        return len(self.findings)

    def __bool__(self) -> bool:
        """True when there is any finding (an error or a warning); see :attr:`ok`."""
        return bool(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        """The findings, in form order."""
        return iter(self.findings)

    def __repr__(self) -> str:
        """``<Report national-2023: 3 errors, 1 warning>``."""
        errors, warnings = len(self.errors), len(self.warnings)
        return (
            f"<Report {self.spec}: {errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}>"
        )

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that make the application unacceptable."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings a person should look at but that do not block."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of all findings, in order."""
        return tuple(f.code for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "spec": self.spec,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
        }
