"""The importer's hook: validate a freshly mapped graph and report problems at workbook positions."""

from __future__ import annotations

import datetime as dt

from rdflib import Graph

from ssgraph.catalogue import Texts
from ssgraph.errors import Location, Problem
from ssgraph.validation import result_cache
from ssgraph.validation.findings import Finding, compact
from ssgraph.validation.run import ValidationOptions, validate_graph

FINDING = "validation.finding"


def finding_to_problem(finding: Finding) -> Problem:
    """A finding as a located problem. Its id names the shape (``validation.<shape>``); its
    text is the catalogue's finding template filled with the shape's own name, message and
    fix in both languages, so it renders in whichever language the user reads."""
    source = finding.source
    location = Location(file=source.file, sheet=source.sheet, row=source.row) if source else Location()
    focus = f"\"{finding.focus_label}\"" if finding.focus_label else (compact(finding.focus) or finding.focus)
    value = ""
    if finding.value is not None:
        value = ": " + (compact(finding.value) if "://" in finding.value else finding.value)
    params = {"rule": Texts.of(finding.shape_name), "message": Texts.of(finding.message), "focus": focus,
              "value": value, "fix": Texts.of(finding.fix)}
    return Problem(f"validation.{finding.shape_local_name}", location, params,
                   "error" if finding.severity == "violation" else "warning", template=FINDING)


def check_import(graph: Graph, lang: str = "sv", reference_date: dt.date | None = None) -> list[Problem]:
    """Validate an organisation-version graph before it is written.

    Violations become problems with severity "error" (they block the import), warnings
    and information "warning"; each is located at the sheet and row the focus node was
    read from when the graph records it (prov:wasDerivedFrom ssg:SourceLocation).
    Problems render in either language later, so ``lang`` is not needed to build them;
    ``reference_date`` stands for today in the date rules (tests pin it).
    """
    options = ValidationOptions(reference_date=reference_date)

    def validate() -> list[Problem]:
        return [finding_to_problem(finding) for finding in validate_graph(graph, options=options).findings]

    return result_cache.cached(lambda: result_cache.key_for(graph, options, reference_date), validate)
