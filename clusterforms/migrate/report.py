"""What a migration did: every value converted, placed, moved or dropped, and what is missing.

The point of the report is that nothing is lost silently: a value that did
not make it into the draft is listed with its field, year and the reason,
and every required field of the new form that is still empty is listed from
:func:`clusterforms.validate` on the draft.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from clusterforms.diff.messages import Lang, message
from clusterforms.validation.findings import Finding, format_location

Action = Literal["dropped", "converted", "placed", "moved"]


@attrs.frozen(kw_only=True)
class MigrationEntry:
    """One value the migration did not carry over unchanged.

    ``dropped``: not carried (``old`` is what was lost); ``converted``: carried
    in a new unit; ``placed``: a single value put into one year of a series,
    or one year of a series taken as a single value; ``moved``: text under a
    heading taken out of the plan text into the field the new form gives that
    heading (``new`` is the text moved).  ``reason`` is in
    English; ``message`` and ``params`` say it as a catalogue entry, for a
    report in either language.
    """

    action: Action
    field: str
    reason: str
    year: int | None = None
    option: str | None = None
    old: str | None = None
    new: str | None = None
    message: str = ""
    params: dict[str, str] = attrs.field(factory=dict, hash=False)

    def reason_in(self, lang: Lang) -> str:
        """The reason in ``lang`` (the English ``reason`` for an entry without a code)."""
        return message(self.message, lang, self.params) if self.message else self.reason

    @property
    def location(self) -> str:
        """``field[year].option``, like a finding's location."""
        return format_location(self.field, self.year, self.option)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, absent facts left out."""
        data: dict[str, Any] = {"action": self.action, "field": self.field}
        for key in ("year", "option", "old", "new"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        data["reason"] = self.reason
        if self.message:
            data["message"] = self.message
        return data


@attrs.frozen(kw_only=True, repr=False)
class MigrationReport:
    """The account of one migration from ``from_spec`` to ``to_spec``.

    ``carried`` are the fields that received a value; ``missing`` the
    findings for required fields left empty; ``findings`` every other
    problem :func:`clusterforms.validate` sees in the draft.  ``lang`` is the
    language its findings were written in, and the default of :meth:`lines`.
    """

    from_spec: str
    to_spec: str
    carried: tuple[str, ...] = ()
    entries: tuple[MigrationEntry, ...] = ()
    missing: tuple[Finding, ...] = ()
    findings: tuple[Finding, ...] = ()
    lang: Lang = "zh"

    def __repr__(self) -> str:
        """Short: ``<MigrationReport national-2023→guangxi-2025: 80 carried, 12 dropped, …>``."""
        return (
            f"<MigrationReport {self.from_spec}→{self.to_spec}: {len(self.carried)} carried, "
            f"{len(self.dropped)} dropped, {len(self.missing)} missing>"
        )

    def _of(self, action: Action) -> tuple[MigrationEntry, ...]:
        return tuple(e for e in self.entries if e.action == action)

    @property
    def dropped(self) -> tuple[MigrationEntry, ...]:
        """Values that did not make it into the draft."""
        return self._of("dropped")

    @property
    def converted(self) -> tuple[MigrationEntry, ...]:
        """Values carried in a new unit."""
        return self._of("converted")

    @property
    def placed(self) -> tuple[MigrationEntry, ...]:
        """Values moved between a single cell and one year of a series."""
        return self._of("placed")

    @property
    def moved(self) -> tuple[MigrationEntry, ...]:
        """Text moved out of another field (the plan text) into one the new form adds."""
        return self._of("moved")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (documented in docs/diff.md)."""
        return {
            "from": self.from_spec,
            "to": self.to_spec,
            "counts": {
                "carried": len(self.carried),
                "converted": len(self.converted),
                "placed": len(self.placed),
                "moved": len(self.moved),
                "dropped": len(self.dropped),
                "missing": len(self.missing),
                "findings": len(self.findings),
            },
            "carried": list(self.carried),
            "entries": [e.to_dict() for e in self.entries],
            "missing": [f.to_dict() for f in self.missing],
            "findings": [f.to_dict() for f in self.findings],
        }

    def lines(self, lang: Lang | None = None) -> list[str]:
        """The report as text lines in ``lang`` (the report's own by default): counts, lists."""
        lang = lang or self.lang
        counts = {key: str(n) for key, n in self.to_dict()["counts"].items()}
        out = [
            message("migrate.summary", lang, {"old": self.from_spec, "new": self.to_spec, **counts})
        ]
        for action, entries in (
            ("converted", self.converted),
            ("placed", self.placed),
            ("moved", self.moved),
            ("dropped", self.dropped),
        ):
            if entries:
                out.append(message(f"migrate.{action}_title", lang))
                out.extend(_entry_line(e, lang) for e in entries)
        if self.missing:
            out.append(message("migrate.missing_title", lang))
            out.extend(f"  {f.location}: {f.message}" for f in self.missing)
        if self.findings:
            out.append(message("migrate.findings_title", lang))
            out.extend(f"  {f.location}: [{f.code}] {f.message}" for f in self.findings)
        return out


def _entry_line(entry: MigrationEntry, lang: Lang) -> str:
    old = entry.old
    if entry.message == "migrate.plan_moved":
        old = message("migrate.whole_table", lang)
    value = ""
    if old is not None and entry.new is not None and old != entry.new:
        value = f" {old} → {entry.new}"
    elif old is not None:
        value = f" = {old}"
    return f"  {entry.location}{value} [{entry.message or entry.action}]: {entry.reason_in(lang)}"
