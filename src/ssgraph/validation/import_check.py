"""The importer's hook: validate a freshly mapped graph and report problems at workbook positions."""

from __future__ import annotations

import datetime as dt

from rdflib import Graph

from ssgraph.errors import Location, Problem
from ssgraph.messages import define
from ssgraph.validation.findings import Finding, compact
from ssgraph.validation.run import ValidationOptions, validate_graph

FINDING = define(
    "validation.finding",
    sv="{rule}: {message} ({focus}{value}). Åtgärd: {fix}",
    en="{rule}: {message} ({focus}{value}). Fix: {fix}",
)


def _message_id(finding: Finding) -> str:
    """One message id per shape, so the problem renders in either language later."""
    def braces(text: str) -> str:
        return text.replace("{", "{{").replace("}", "}}")

    texts = {}
    for lang, fix_word in (("sv", "Åtgärd"), ("en", "Fix")):
        texts[lang] = (f"{braces(finding.text('shape_name', lang))}: {braces(finding.text('message', lang))}"
                       f" ({{focus}}{{value}}). {fix_word}: {braces(finding.text('fix', lang))}")
    return define(f"validation.{finding.shape_local_name}", sv=texts["sv"], en=texts["en"])


def finding_to_problem(finding: Finding) -> Problem:
    source = finding.source
    location = Location(file=source.file, sheet=source.sheet, row=source.row) if source else Location()
    focus = f"\"{finding.focus_label}\"" if finding.focus_label else (compact(finding.focus) or finding.focus)
    value = ""
    if finding.value is not None:
        value = ": " + (compact(finding.value) if "://" in finding.value else finding.value)
    try:
        message_id = _message_id(finding)
    except ValueError:  # the shapes changed within this process; fall back to the generic text
        return Problem(FINDING, location, {
            "rule": finding.text("shape_name", "sv"), "message": finding.text("message", "sv"),
            "focus": focus, "value": value, "fix": finding.text("fix", "sv"),
        }, "error" if finding.severity == "violation" else "warning")
    return Problem(message_id, location, {"focus": focus, "value": value},
                   "error" if finding.severity == "violation" else "warning")


def check_import(graph: Graph, lang: str = "sv", reference_date: dt.date | None = None) -> list[Problem]:
    """Validate an organisation-version graph before it is written.

    Violations become problems with severity "error" (they block the import), warnings
    and information "warning"; each is located at the sheet and row the focus node was
    read from when the graph records it (prov:wasDerivedFrom ssg:SourceLocation).
    Problems render in either language later, so ``lang`` is not needed to build them;
    ``reference_date`` stands for today in the date rules (tests pin it).
    """
    report = validate_graph(graph, options=ValidationOptions(reference_date=reference_date))
    return [finding_to_problem(finding) for finding in report.findings]
