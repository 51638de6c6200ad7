"""clusterforms: China's SME characteristic-industry-cluster application forms as typed specs.

Every public name is re-exported here; the modules behind them are an
implementation detail.  Names are imported on first use (PEP 562), so
``import clusterforms`` costs about nothing and, for instance, the diff
machinery loads only when :func:`diff` is first called.  The exceptions
are imported at once: catching one must never cost an import.

To add a public name: import it in the ``TYPE_CHECKING`` block (what type
checkers and IDEs read), add it to :data:`_EXPORTS` under its module (what
runs), and to ``__all__`` (sorted).  ``tests/test_api.py`` checks the three agree.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any, Final

from clusterforms._version import __version__
from clusterforms.errors import (
    ApplicationError,
    ClusterformsError,
    DiffFormatError,
    FormulaError,
    MigrationError,
    OutputError,
    PatchError,
    ReadError,
    RendererNotFoundError,
    RenderError,
    SpecError,
    SpecNotFoundError,
    UnknownKindError,
)

if TYPE_CHECKING:
    from clusterforms.application.characters import (
        describe_character,
        first_invalid_character,
    )
    from clusterforms.application.documents import (
        dumps_application,
        load_application,
        parse_application,
    )
    from clusterforms.application.numbers import (
        MAX_DECIMAL_PLACES,
        MAX_WHOLE_DIGITS,
        number_text,
        parse_number_text,
        tidy,
    )
    from clusterforms.application.reading import read_application
    from clusterforms.application.values import (
        NONE_ANSWER,
        NONE_TEXT,
        Application,
        Attachment,
        ByYear,
        Checklist,
        Chosen,
        ExtraRow,
        Invalid,
        InvalidProblem,
        MixedCell,
        NamedCount,
        NoneAnswer,
        NumberCell,
        Parts,
        RosterRows,
        Targets,
        TextCell,
        Value,
    )
    from clusterforms.diff.compare import diff
    from clusterforms.diff.matrix import Matrix, MatrixCell, MatrixRow, MatrixState, item_matrix
    from clusterforms.diff.model import (
        IMPACTS,
        Change,
        Edit,
        Impact,
        SectionHeading,
        Segment,
        SpecDiff,
        SpecRef,
    )
    from clusterforms.diff.patch import patch
    from clusterforms.diff.reports import ReportFormat, diff_report
    from clusterforms.drafts.align import align_draft
    from clusterforms.drafts.model import DraftNote, DraftNoteKind, SpecDraft
    from clusterforms.migrate.migration import migrate
    from clusterforms.migrate.report import Action as MigrationAction
    from clusterforms.migrate.report import MigrationEntry, MigrationReport
    from clusterforms.model.digest import spec_digest
    from clusterforms.model.dumping import dumps_spec
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
        Severity,
        SignoffItem,
        StagesItem,
        StandardsItem,
        StaticItem,
        TargetCheck,
        TargetDirection,
        TargetRow,
        TargetRule,
        TargetsItem,
        TextItem,
        YearHeaderItem,
        YearlyItem,
    )
    from clusterforms.model.loading import list_specs, load_spec, names_spec_file
    from clusterforms.model.lookup import KnownSpecs, document_spec, find_spec
    from clusterforms.model.outline import outline_data, outline_lines
    from clusterforms.model.rules import (
        CompareRule,
        Condition,
        Criterion,
        FieldRef,
        FormulaRule,
        Rule,
    )
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
    from clusterforms.model.text import iter_text, option_line, outline_key, year_label
    from clusterforms.reading import NoteKind, Reading, ReadingNote
    from clusterforms.registry import (
        Capability,
        RendererInfo,
        annotate,
        annotate_xlsx,
        available_renderers,
        get_renderer,
        import_spec,
        read,
        read_xlsx,
        render,
        render_table,
        renderer_for_file,
        renderer_for_output,
    )
    from clusterforms.renderer import Renderer
    from clusterforms.review.documents import review_documents
    from clusterforms.review.figures import Gauge
    from clusterforms.review.html import review_html
    from clusterforms.review.model import (
        BatchReview,
        CriterionColumn,
        CriterionOutcome,
        ReviewedApplication,
        ReviewFinding,
        ReviewInput,
        review_batch,
    )
    from clusterforms.review.model import FindingKind as ReviewFindingKind
    from clusterforms.review.report import REVIEW_FORMATS, ReviewFormat, review_report
    from clusterforms.review.sheets import review_csv, review_table
    from clusterforms.summarize.document import intro_limit as summary_intro_limit
    from clusterforms.summarize.document import summary_document
    from clusterforms.summarize.lookalikes import (
        Fingerprint,
        Lookalike,
        MatchKind,
        Resemblance,
        find_lookalikes,
        fingerprint,
    )
    from clusterforms.summarize.quotas import Level as QuotaLevel
    from clusterforms.summarize.quotas import (
        QuotaExcess,
        QuotaReport,
        Region,
        check_quotas,
        region_of,
    )
    from clusterforms.summarize.rows import COLUMNS as SUMMARY_COLUMNS
    from clusterforms.summarize.rows import (
        Summary,
        SummaryEntry,
        SummaryRejection,
        Unreadable,
        summarize,
    )
    from clusterforms.tables import TONE_COLOURS, Table, TableCell, Tone
    from clusterforms.validation.eligibility import CriterionResult, eligibility
    from clusterforms.validation.eligibility import Status as CriterionStatus
    from clusterforms.validation.findings import Finding, Report
    from clusterforms.validation.messages import Lang
    from clusterforms.validation.validator import Validator, compile_validator, validate

#: Where each lazily imported public name lives, by module.
_EXPORTS: Final[dict[str, tuple[str, ...]]] = {
    "clusterforms.application.characters": ("describe_character", "first_invalid_character"),
    "clusterforms.application.documents": (
        "dumps_application",
        "load_application",
        "parse_application",
    ),
    "clusterforms.application.numbers": (
        "MAX_DECIMAL_PLACES",
        "MAX_WHOLE_DIGITS",
        "number_text",
        "parse_number_text",
        "tidy",
    ),
    "clusterforms.application.reading": ("read_application",),
    "clusterforms.application.values": (
        "NONE_ANSWER",
        "NONE_TEXT",
        "Application",
        "Attachment",
        "ByYear",
        "Checklist",
        "Chosen",
        "ExtraRow",
        "Invalid",
        "InvalidProblem",
        "MixedCell",
        "NamedCount",
        "NoneAnswer",
        "NumberCell",
        "Parts",
        "RosterRows",
        "Targets",
        "TextCell",
        "Value",
    ),
    "clusterforms.diff.compare": ("diff",),
    "clusterforms.diff.matrix": ("Matrix", "MatrixCell", "MatrixRow", "MatrixState", "item_matrix"),
    "clusterforms.diff.model": (
        "IMPACTS",
        "Change",
        "Edit",
        "Impact",
        "SectionHeading",
        "Segment",
        "SpecDiff",
        "SpecRef",
    ),
    "clusterforms.diff.patch": ("patch",),
    "clusterforms.diff.reports": ("ReportFormat", "diff_report"),
    "clusterforms.drafts.align": ("align_draft",),
    "clusterforms.drafts.model": ("DraftNote", "DraftNoteKind", "SpecDraft"),
    "clusterforms.migrate.migration": ("migrate",),
    "clusterforms.migrate.report": ("MigrationEntry", "MigrationReport"),
    "clusterforms.model.digest": ("spec_digest",),
    "clusterforms.model.dumping": ("dumps_spec",),
    "clusterforms.model.items": (
        "ChecklistItem",
        "ChoiceItem",
        "CountItem",
        "CountsItem",
        "Field",
        "GroupItem",
        "Item",
        "NamedCountItem",
        "NarrativeItem",
        "NumberItem",
        "Option",
        "PairItem",
        "RosterColumn",
        "RosterItem",
        "Severity",
        "SignoffItem",
        "StagesItem",
        "StandardsItem",
        "StaticItem",
        "TargetCheck",
        "TargetDirection",
        "TargetRow",
        "TargetRule",
        "TargetsItem",
        "TextItem",
        "YearHeaderItem",
        "YearlyItem",
    ),
    "clusterforms.model.loading": ("list_specs", "load_spec", "names_spec_file"),
    "clusterforms.model.lookup": ("KnownSpecs", "document_spec", "find_spec"),
    "clusterforms.model.outline": ("outline_data", "outline_lines"),
    "clusterforms.model.rules": (
        "CompareRule",
        "Condition",
        "Criterion",
        "FieldRef",
        "FormulaRule",
        "Rule",
    ),
    "clusterforms.model.schema": ("spec_file_schema",),
    "clusterforms.model.spec": (
        "Appendix",
        "Cover",
        "CoverLine",
        "FormSpec",
        "Orientation",
        "Roster",
        "Section",
        "iter_nested",
    ),
    "clusterforms.model.text": ("iter_text", "option_line", "outline_key", "year_label"),
    "clusterforms.reading": ("NoteKind", "Reading", "ReadingNote"),
    "clusterforms.registry": (
        "Capability",
        "RendererInfo",
        "annotate",
        "annotate_xlsx",
        "available_renderers",
        "get_renderer",
        "import_spec",
        "read",
        "read_xlsx",
        "render",
        "render_table",
        "renderer_for_file",
        "renderer_for_output",
    ),
    "clusterforms.renderer": ("Renderer",),
    "clusterforms.review.documents": ("review_documents",),
    "clusterforms.review.figures": ("Gauge",),
    "clusterforms.review.html": ("review_html",),
    "clusterforms.review.model": (
        "BatchReview",
        "CriterionColumn",
        "CriterionOutcome",
        "ReviewFinding",
        "ReviewInput",
        "ReviewedApplication",
        "review_batch",
    ),
    "clusterforms.review.report": ("REVIEW_FORMATS", "ReviewFormat", "review_report"),
    "clusterforms.review.sheets": ("review_csv", "review_table"),
    "clusterforms.summarize.document": ("summary_document",),
    "clusterforms.summarize.lookalikes": (
        "Fingerprint",
        "Lookalike",
        "MatchKind",
        "Resemblance",
        "find_lookalikes",
        "fingerprint",
    ),
    "clusterforms.summarize.quotas": (
        "QuotaExcess",
        "QuotaReport",
        "Region",
        "check_quotas",
        "region_of",
    ),
    "clusterforms.summarize.rows": (
        "Summary",
        "SummaryEntry",
        "SummaryRejection",
        "Unreadable",
        "summarize",
    ),
    "clusterforms.tables": ("TONE_COLOURS", "Table", "TableCell", "Tone"),
    "clusterforms.validation.eligibility": ("CriterionResult", "eligibility"),
    "clusterforms.validation.findings": ("Finding", "Report"),
    "clusterforms.validation.messages": ("Lang",),
    "clusterforms.validation.validator": ("Validator", "compile_validator", "validate"),
}
#: Public names that are another name in their module: public name → (module, name there).
_RENAMED: Final[dict[str, tuple[str, str]]] = {
    "CriterionStatus": ("clusterforms.validation.eligibility", "Status"),
    "MigrationAction": ("clusterforms.migrate.report", "Action"),
    "QuotaLevel": ("clusterforms.summarize.quotas", "Level"),
    "ReviewFindingKind": ("clusterforms.review.model", "FindingKind"),
    "SUMMARY_COLUMNS": ("clusterforms.summarize.rows", "COLUMNS"),
    "summary_intro_limit": ("clusterforms.summarize.document", "intro_limit"),
}
_WHERE: Final[dict[str, tuple[str, str]]] = {
    **{name: (module, name) for module, names in _EXPORTS.items() for name in names},
    **_RENAMED,
}
#: Public functions named like a subpackage (``diff`` and ``clusterforms/diff/``).
_SHADOWING: Final = frozenset({"diff", "migrate", "summarize"})

__all__ = [
    "IMPACTS",
    "MAX_DECIMAL_PLACES",
    "MAX_WHOLE_DIGITS",
    "NONE_ANSWER",
    "NONE_TEXT",
    "REVIEW_FORMATS",
    "SUMMARY_COLUMNS",
    "TONE_COLOURS",
    "Appendix",
    "Application",
    "ApplicationError",
    "Attachment",
    "BatchReview",
    "ByYear",
    "Capability",
    "Change",
    "Checklist",
    "ChecklistItem",
    "ChoiceItem",
    "Chosen",
    "ClusterformsError",
    "CompareRule",
    "Condition",
    "CountItem",
    "CountsItem",
    "Cover",
    "CoverLine",
    "Criterion",
    "CriterionColumn",
    "CriterionOutcome",
    "CriterionResult",
    "CriterionStatus",
    "DiffFormatError",
    "DraftNote",
    "DraftNoteKind",
    "Edit",
    "ExtraRow",
    "Field",
    "FieldRef",
    "Finding",
    "Fingerprint",
    "FormSpec",
    "FormulaError",
    "FormulaRule",
    "Gauge",
    "GroupItem",
    "Impact",
    "Invalid",
    "InvalidProblem",
    "Item",
    "KnownSpecs",
    "Lang",
    "Lookalike",
    "MatchKind",
    "Matrix",
    "MatrixCell",
    "MatrixRow",
    "MatrixState",
    "MigrationAction",
    "MigrationEntry",
    "MigrationError",
    "MigrationReport",
    "MixedCell",
    "NamedCount",
    "NamedCountItem",
    "NarrativeItem",
    "NoneAnswer",
    "NoteKind",
    "NumberCell",
    "NumberItem",
    "Option",
    "Orientation",
    "OutputError",
    "PairItem",
    "Parts",
    "PatchError",
    "QuotaExcess",
    "QuotaLevel",
    "QuotaReport",
    "ReadError",
    "Reading",
    "ReadingNote",
    "Region",
    "RenderError",
    "Renderer",
    "RendererInfo",
    "RendererNotFoundError",
    "Report",
    "ReportFormat",
    "Resemblance",
    "ReviewFinding",
    "ReviewFindingKind",
    "ReviewFormat",
    "ReviewInput",
    "ReviewedApplication",
    "Roster",
    "RosterColumn",
    "RosterItem",
    "RosterRows",
    "Rule",
    "Section",
    "SectionHeading",
    "Segment",
    "Severity",
    "SignoffItem",
    "SpecDiff",
    "SpecDraft",
    "SpecError",
    "SpecNotFoundError",
    "SpecRef",
    "StagesItem",
    "StandardsItem",
    "StaticItem",
    "Summary",
    "SummaryEntry",
    "SummaryRejection",
    "Table",
    "TableCell",
    "TargetCheck",
    "TargetDirection",
    "TargetRow",
    "TargetRule",
    "Targets",
    "TargetsItem",
    "TextCell",
    "TextItem",
    "Tone",
    "UnknownKindError",
    "Unreadable",
    "Validator",
    "Value",
    "YearHeaderItem",
    "YearlyItem",
    "__version__",
    "align_draft",
    "annotate",
    "annotate_xlsx",
    "available_renderers",
    "check_quotas",
    "compile_validator",
    "describe_character",
    "diff",
    "diff_report",
    "document_spec",
    "dumps_application",
    "dumps_spec",
    "eligibility",
    "find_lookalikes",
    "find_spec",
    "fingerprint",
    "first_invalid_character",
    "get_renderer",
    "import_spec",
    "item_matrix",
    "iter_nested",
    "iter_text",
    "list_specs",
    "load_application",
    "load_spec",
    "migrate",
    "names_spec_file",
    "number_text",
    "option_line",
    "outline_data",
    "outline_key",
    "outline_lines",
    "parse_application",
    "parse_number_text",
    "patch",
    "read",
    "read_application",
    "read_xlsx",
    "region_of",
    "render",
    "render_table",
    "renderer_for_file",
    "renderer_for_output",
    "review_batch",
    "review_csv",
    "review_documents",
    "review_html",
    "review_report",
    "review_table",
    "spec_digest",
    "spec_file_schema",
    "summarize",
    "summary_document",
    "summary_intro_limit",
    "tidy",
    "validate",
    "year_label",
]


def __dir__() -> list[str]:
    """The public names, imported or not yet, for ``dir()`` and completion."""
    return sorted({*globals(), *__all__})


if not TYPE_CHECKING:  # type checkers see the imports above, and no catch-all attribute

    def __getattr__(name: str) -> Any:
        """Import a public name's module on first use (PEP 562)."""
        where = _WHERE.get(name)
        if where is None:
            msg = f"module 'clusterforms' has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(where[0]), where[1])
        globals()[name] = value  # the next lookup is a plain attribute
        return value


class _Package(types.ModuleType):
    """The package: a public function keeps its name when its namesake subpackage is imported.

    Importing ``clusterforms.diff.match`` makes Python set the package's
    ``diff`` attribute to the subpackage ``clusterforms.diff``; this keeps
    ``clusterforms.diff`` the function, however the imports happen to run.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _SHADOWING and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
