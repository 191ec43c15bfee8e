"""Validation as a service: of files (RDF, or a workbook/YAML/CSV folder read as the importer
reads it, without importing), of the store (all organisations, one, or one graph), or the
latest stored results of an organisation.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import DCTERMS, PROV

from ssgraph.importing.readers import source_kind
from ssgraph.namespaces import CATALOG_GRAPH, SH, SSGGRAPH
from ssgraph.services.organisations import organisations, resolve_organisation, resolve_structure
from ssgraph.validation import shapes as shape_sets
from ssgraph.validation.findings import SEVERITY_RANK, findings_from_report
from ssgraph.validation.run import (
    OrganisationReport,
    ValidationJob,
    ValidationOptions,
    job_for,
    organisation_code_of,
    validate_jobs,
)
from ssgraph.validation.sources import current_graphs, jobs_from_file, jobs_from_store
from ssgraph.validation.stored_results import store_results as write_results
from ssgraph.validation.stored_results import validation_graph_iri


@dataclass
class ValidationOutcome:
    reports: list[OrganisationReport]
    source: str = "run"  # "run" now, or "stored" (read back from the store)
    generated: str | None = None  # when stored results were made
    stored_graphs: list[str] = field(default_factory=list)
    illustrative: bool = False
    has_violation: bool = False  # before findings below the minimum severity were left out

    @property
    def conforms(self) -> bool:
        return not self.has_violation


def shape_set_for(graph_iri: str | None, requested: str = "auto") -> str:
    if requested != "auto":
        return requested
    if graph_iri == str(CATALOG_GRAPH):
        return "catalog"
    if graph_iri and graph_iri.startswith(str(SSGGRAPH["reference/"])):
        return "reference"
    return "organisation"


def jobs_from_workbook(path: Path) -> list[ValidationJob]:
    """A workbook, YAML file or CSV folder read and mapped as an import would (without
    writing), so findings point at its sheets and rows; structural errors raise as in import."""
    from ssgraph.importing.importer import prepare_import

    prepared = prepare_import(path, validate=False)
    return [job_for(prepared.graph, prepared.org_code or organisation_code_of(prepared.graph), str(path))]


def _jobs_from_paths(paths: Sequence[Path], shape_set: str) -> Iterator[ValidationJob]:
    """Every file is read (bad input raises) before the first job is handed out."""
    jobs = []
    for path in paths:
        path = Path(path)
        kind = source_kind(path) if path.exists() else "rdf"
        jobs.append(jobs_from_workbook(path) if kind in ("xlsx", "yaml", "csv") else jobs_from_file(path, shape_set))
    return itertools.chain.from_iterable(jobs)


def validate(store=None, *, files: Sequence[Path] = (), organisation: str | None = None,
             graph_iri: str | None = None, shape_set: str = "auto", reference_date: dt.date | None = None,
             inference: str = "none", processes: int | None = None, min_severity: str = "info",
             keep_report: bool = False, store_results: bool = False) -> ValidationOutcome:
    """Validate files, or organisations of the store (all current ones by default)."""
    chosen_set = shape_set_for(graph_iri, shape_set)
    options = ValidationOptions(shape_set=chosen_set, reference_date=reference_date, inference=inference,
                                keep_report=keep_report or store_results)
    illustrative = False
    if files:
        work = _jobs_from_paths(files, chosen_set)
    else:
        code = None
        if organisation:  # ORG (its current version) or ORG@VERSION
            chosen = resolve_structure(store, organisation)
            code, illustrative = chosen.code, chosen.illustrative
            if not chosen.version.current and graph_iri is None:
                graph_iri = chosen.version.graph
        else:
            illustrative = any(o.illustrative for o in organisations(store))
        work = jobs_from_store(store, code, graph_iri)
    reports = sorted(validate_jobs(work, options, processes=processes),
                     key=lambda r: (r.organisation or "", r.graph or ""))
    stored = write_results(store, reports) if store_results else []
    outcome = ValidationOutcome(reports, "run", None, stored, illustrative,
                                any(not r.conforms for r in reports))
    _leave_out_below(outcome, min_severity)
    return outcome


def _leave_out_below(outcome: ValidationOutcome, min_severity: str) -> None:
    for report in outcome.reports:
        report.findings = [f for f in report.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]]


def stored_validation(store, organisation: str) -> ValidationOutcome | None:
    """The organisation's latest stored results (``ssgraph validate --store-results``), when
    they are results for its current goal structure; else None."""
    chosen = resolve_organisation(store, organisation)
    report_graph = store.graph(validation_graph_iri(chosen.code))
    if len(report_graph) == 0:
        return None
    report_node = next(iter(report_graph.subjects(DCTERMS.source, None)), None)
    validated = report_graph.value(report_node, DCTERMS.source) if report_node is not None else None
    if validated is None or str(validated) != chosen.graph:
        return None  # results of an older version
    data = store.graph(chosen.graph)
    shapes = shape_sets.shapes_graph("organisation")
    findings = findings_from_report(report_graph, data, shapes, chosen.code, shape_sets.reference_labels())
    generated = report_graph.value(report_node, PROV.generatedAtTime)
    report = OrganisationReport(chosen.code, chosen.graph, findings, 0.0, len(data),
                                chosen.label, organisation_iri=chosen.iri)
    conforms = report_graph.value(report_node, SH.conforms)
    outcome = ValidationOutcome([report], "stored", str(generated) if generated is not None else None,
                                [], chosen.illustrative,
                                has_violation=not report.conforms if conforms is None else not conforms.toPython())
    return outcome


def validation_report(store, organisation: str, *, source: str = "auto", min_severity: str = "info",
                      reference_date: dt.date | None = None) -> ValidationOutcome:
    """One organisation's validation report: ``stored`` results, a ``run`` now, or ``auto``
    (the stored results when they are for its current version, else a run)."""
    outcome = stored_validation(store, organisation) if source in ("auto", "stored") else None
    if outcome is None:
        outcome = validate(store, organisation=organisation, processes=1, reference_date=reference_date)
    _leave_out_below(outcome, min_severity)
    return outcome


def validated_graphs(store) -> dict[str, str]:
    """Organisation code → its current graph (what a store-wide validation covers)."""
    return current_graphs(store)
