"""clusterforms: China's SME characteristic-industry-cluster application forms as typed specs.

The public API is re-exported here; implementation modules are private.
"""

from __future__ import annotations

from clusterforms._version import __version__
from clusterforms._xlsx import annotate_xlsx, read_xlsx
from clusterforms.application.documents import load_application, parse_application
from clusterforms.application.numbers import tidy
from clusterforms.diff.compare import diff
from clusterforms.diff.matrix import Matrix, item_matrix
from clusterforms.diff.model import Change, DiffFormatError, Edit, SpecDiff
from clusterforms.diff.patch import PatchError, patch
from clusterforms.errors import (
    ApplicationError,
    ClusterformsError,
    ReadError,
    RendererNotFoundError,
    RenderError,
    SpecError,
    SpecNotFoundError,
)
from clusterforms.migrate.migration import MigrationError, migrate
from clusterforms.migrate.report import MigrationEntry, MigrationReport
from clusterforms.model.digest import spec_digest
from clusterforms.model.items import (
    ChecklistItem,
    ChoiceItem,
    CountItem,
    CountsItem,
    Field,
    GroupItem,
    Item,
    NamedCountItem,
    NarrativeItem,
    NumberItem,
    Option,
    PairItem,
    RosterColumn,
    RosterItem,
    SignoffItem,
    StagesItem,
    StandardsItem,
    StaticItem,
    TargetDirection,
    TargetRow,
    TargetRule,
    TargetsItem,
    TextItem,
    YearHeaderItem,
    YearlyItem,
)
from clusterforms.model.loading import list_specs, load_spec
from clusterforms.model.rules import CompareRule, Condition, Criterion, FieldRef, FormulaRule, Rule
from clusterforms.model.schema import spec_file_schema
from clusterforms.model.spec import (
    Appendix,
    Cover,
    CoverLine,
    FormSpec,
    Orientation,
    Roster,
    Section,
    iter_nested,
)
from clusterforms.model.text import iter_text, option_line, year_label
from clusterforms.registry import RendererInfo, available_renderers, get_renderer, render
from clusterforms.renderer import Renderer
from clusterforms.validation.eligibility import CriterionResult, eligibility
from clusterforms.validation.findings import Finding, Report
from clusterforms.validation.validator import Validator, compile_validator, validate

__all__ = [
    "Appendix",
    "ApplicationError",
    "Change",
    "ChecklistItem",
    "ChoiceItem",
    "ClusterformsError",
    "CompareRule",
    "Condition",
    "CountItem",
    "CountsItem",
    "Cover",
    "CoverLine",
    "Criterion",
    "CriterionResult",
    "DiffFormatError",
    "Edit",
    "Field",
    "FieldRef",
    "Finding",
    "FormSpec",
    "FormulaRule",
    "GroupItem",
    "Item",
    "Matrix",
    "MigrationEntry",
    "MigrationError",
    "MigrationReport",
    "NamedCountItem",
    "NarrativeItem",
    "NumberItem",
    "Option",
    "Orientation",
    "PairItem",
    "PatchError",
    "ReadError",
    "RenderError",
    "Renderer",
    "RendererInfo",
    "RendererNotFoundError",
    "Report",
    "Roster",
    "RosterColumn",
    "RosterItem",
    "Rule",
    "Section",
    "SignoffItem",
    "SpecDiff",
    "SpecError",
    "SpecNotFoundError",
    "StagesItem",
    "StandardsItem",
    "StaticItem",
    "TargetDirection",
    "TargetRow",
    "TargetRule",
    "TargetsItem",
    "TextItem",
    "Validator",
    "YearHeaderItem",
    "YearlyItem",
    "__version__",
    "annotate_xlsx",
    "available_renderers",
    "compile_validator",
    "diff",
    "eligibility",
    "get_renderer",
    "item_matrix",
    "iter_nested",
    "iter_text",
    "list_specs",
    "load_application",
    "load_spec",
    "migrate",
    "option_line",
    "parse_application",
    "patch",
    "read_xlsx",
    "render",
    "spec_digest",
    "spec_file_schema",
    "tidy",
    "validate",
    "year_label",
]
