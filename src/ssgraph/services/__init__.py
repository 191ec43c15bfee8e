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

Each service module is imported when one of its names is first used (``services.compare``,
``from ssgraph.services import compare``), so a command pays only for what it calls.
"""

import importlib
import sys
import types

from ssgraph.services.organisations import (
    Organisation,
    Structure,
    organisations,
    resolve_organisation,
    resolve_structure,
)

# imported when first used: the analyses bring networkx, the language tools and validation,
# search its stemmers, which a command such as ``ssgraph cycle`` never needs (seconds of start-up)
_LAZY = {
    "ssgraph.services.analyses": (
        "CoverageOutcome", "HarmonisationOutcome", "ReportOutcome", "SuggestionOutcome", "accept_suggestions",
        "consolidate", "council_report", "coverage", "diff", "goal_graph", "harmonise", "structure_choices",
        "suggest"),
    "ssgraph.services.cycle": ("CycleOutcome", "cycle_status"),
    "ssgraph.services.importing": ("import_files",),
    "ssgraph.services.organisation_pages": (
        "MAX_COMPARED", "Comparison", "OrganisationPage", "compare", "organisation_page"),
    "ssgraph.services.search": ("SearchOutcome", "prepare_search", "rebuild_index", "search", "search_index_ready",
                                "search_sdgs"),
    "ssgraph.services.validating": ("ValidationOutcome", "stored_validation", "validate", "validation_report"),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}
_NAMED_AS_THEIR_MODULES = {"organisations", "search"}  # functions


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))


class _Services(types.ModuleType):
    """``services.search`` and ``services.organisations`` are functions, named as their modules:
    importing such a module (which sets it as an attribute of its package) leaves the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and name in _NAMED_AS_THEIR_MODULES:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Services


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
    "search_index_ready",
    "search_sdgs",
    "stored_validation",
    "structure_choices",
    "suggest",
    "validate",
    "validation_report",
]
