"""clusterforms: China's SME characteristic-industry-cluster application forms as typed specs.

The public API is re-exported here; implementation modules are private.
"""

from __future__ import annotations

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
from clusterforms._version import __version__
from clusterforms.errors import ClusterformsError, SpecError, SpecNotFoundError

__all__ = [
    "Appendix",
    "ChecklistItem",
    "ChoiceItem",
    "ClusterformsError",
    "CountItem",
    "CountsItem",
    "Cover",
    "CoverLine",
    "Field",
    "FormSpec",
    "GroupItem",
    "Item",
    "NamedCountItem",
    "NarrativeItem",
    "NumberItem",
    "Option",
    "PairItem",
    "Roster",
    "RosterColumn",
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
    "YearHeaderItem",
    "YearlyItem",
    "__version__",
    "iter_text",
    "list_specs",
    "load_spec",
]
