"""Diffs, patches and data migration across the variants of the form.

``diff(a, b)`` lists what changed between two specs, classed as breaking,
additive or wording; ``patch(a, d)`` rebuilds ``b`` from ``a`` and the diff;
``migrate(data, to_spec)`` carries an application over to another variant
and reports everything it could not carry.
"""

from __future__ import annotations

from clusterforms._diff.compare import diff
from clusterforms._diff.matrix import Matrix, item_matrix
from clusterforms._diff.migrate import MigrationError, dumps_application, migrate
from clusterforms._diff.migration_report import MigrationEntry, MigrationReport
from clusterforms._diff.model import (
    IMPACTS,
    Change,
    DiffFormatError,
    Edit,
    Impact,
    SectionHeading,
    Segment,
    SpecDiff,
    SpecRef,
)
from clusterforms._diff.patch import PatchError, patch

__all__ = [
    "IMPACTS",
    "Change",
    "DiffFormatError",
    "Edit",
    "Impact",
    "Matrix",
    "MigrationEntry",
    "MigrationError",
    "MigrationReport",
    "PatchError",
    "SectionHeading",
    "Segment",
    "SpecDiff",
    "SpecRef",
    "diff",
    "dumps_application",
    "item_matrix",
    "migrate",
    "patch",
]
