"""What both faces call: one function per import, validation, analysis and report.

The CLI and the web parse their input (options, query parameters), make ONE call here, and
render what comes back (rich text, JSON, or a template of ssgraph.rendering), as
rocrate-validator's ``services.py`` does for its CLI and tests. Nothing here knows about
click, Flask or HTML; everything here returns data.

A ``store`` is anything with the read operations of ``ssgraph.store.Store`` (``select``,
``query_raw``, ``graph``, ``graphs``); the ones that write (``save=True``, accepting
suggestions, storing validation results, importing) also need ``replace_graphs`` /
``update``. The CLI passes its open store; the web passes a read view over its protected
query workers, and its write handle only to the calls that write.
"""

from ssgraph.services.analyses import (
    CoverageOutcome,
    HarmonisationOutcome,
    ReportOutcome,
    SuggestionOutcome,
    accept_suggestions,
    consolidate,
    council_report,
    coverage,
    diff,
    goal_graph,
    harmonise,
    structure_choices,
    suggest,
)
from ssgraph.services.cycle import CycleOutcome, cycle_status
from ssgraph.services.importing import import_files
from ssgraph.services.organisation_pages import (
    MAX_COMPARED,
    Comparison,
    OrganisationPage,
    compare,
    organisation_page,
)
from ssgraph.services.organisations import (
    Organisation,
    Structure,
    organisations,
    resolve_organisation,
    resolve_structure,
)
from ssgraph.services.search import (
    SearchOutcome,
    prepare_search,
    rebuild_index,
    search,
    search_sdgs,
)
from ssgraph.services.validating import (
    ValidationOutcome,
    stored_validation,
    validate,
    validation_report,
)

__all__ = [
    "MAX_COMPARED",
    "Comparison",
    "CycleOutcome",
    "OrganisationPage",
    "compare",
    "cycle_status",
    "organisation_page",
    "CoverageOutcome",
    "HarmonisationOutcome",
    "Organisation",
    "Structure",
    "ReportOutcome",
    "SearchOutcome",
    "SuggestionOutcome",
    "ValidationOutcome",
    "accept_suggestions",
    "consolidate",
    "council_report",
    "coverage",
    "diff",
    "goal_graph",
    "harmonise",
    "import_files",
    "organisations",
    "prepare_search",
    "resolve_organisation",
    "rebuild_index",
    "resolve_structure",
    "search",
    "search_sdgs",
    "stored_validation",
    "structure_choices",
    "suggest",
    "validate",
    "validation_report",
]
