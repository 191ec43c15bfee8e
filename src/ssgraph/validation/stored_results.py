"""Findings as data: validation reports in the store, one named graph per organisation.

``ssggraph:validation/{code}`` holds that organisation's latest SHACL validation report
(replaced atomically on each run), with the report node carrying ``ssg:organisation``,
``dcterms:source`` (the validated graph) and ``prov:generatedAtTime``, so SPARQL can count
findings per organisation and shape (see docs/validation.md for example queries).
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph

from ssgraph.errors import InputError, Location, problem
from ssgraph.namespaces import SSGGRAPH
from ssgraph.validation.run import OrganisationReport

NO_ORGANISATION = "validation.store_needs_organisation"


def validation_graph_iri(code: str) -> str:
    return str(SSGGRAPH[f"validation/{code}"])


def store_results(store, reports: Sequence[OrganisationReport]) -> list[str]:
    """Replace each organisation's validation graph with its new report; returns the graph IRIs."""
    graphs: dict[str, Graph] = {}
    for report in reports:
        if not report.organisation:
            raise InputError(problem(NO_ORGANISATION, Location(file=report.graph), graph=report.graph or "?"))
        if report.report_ntriples is None:
            raise ValueError("validate with keep_report=True to store results")
        iri = validation_graph_iri(report.organisation)
        graph = graphs.setdefault(iri, Graph())
        graph += report.report_graph()
    if graphs:
        store.replace_graphs(graphs)
    return list(graphs)
