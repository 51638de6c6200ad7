"""clusterforms: China's SME characteristic-industry-cluster application forms as typed specs.

The public API is re-exported here; implementation modules are private.
"""

from __future__ import annotations

from clusterforms._application import load_application, parse_application
from clusterforms._eligibility import CriterionResult, eligibility
from clusterforms._findings import Finding, Report
from clusterforms._items import (
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
from clusterforms._loading import list_specs, load_spec
from clusterforms._registry import RendererInfo, available_renderers, get_renderer, render
from clusterforms._rules import CompareRule, Condition, Criterion, FormulaRule, Rule
from clusterforms._spec import (
    Appendix,
    Cover,
    CoverLine,
    FormSpec,
    Roster,
    RosterColumn,
    Section,
)
from clusterforms._text import iter_text
from clusterforms._validate import Validator, compile_validator, validate
from clusterforms._version import __version__
from clusterforms.errors import (
    ApplicationError,
    ClusterformsError,
    RendererNotFoundError,
    RenderError,
    SpecError,
    SpecNotFoundError,
)
from clusterforms.renderer import Renderer

__all__ = [
    "Appendix",
    "ApplicationError",
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
    "Field",
    "Finding",
    "FormSpec",
    "FormulaRule",
    "GroupItem",
    "Item",
    "NamedCountItem",
    "NarrativeItem",
    "NumberItem",
    "Option",
    "PairItem",
    "RenderError",
    "Renderer",
    "RendererInfo",
    "RendererNotFoundError",
    "Report",
    "Roster",
    "RosterColumn",
    "Rule",
    "Section",
    "SignoffItem",
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
    "available_renderers",
    "compile_validator",
    "eligibility",
    "get_renderer",
    "iter_text",
    "list_specs",
    "load_application",
    "load_spec",
    "parse_application",
    "render",
    "validate",
]
