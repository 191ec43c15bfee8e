"""Run the shapes over organisations' graphs, one process per organisation.

Each organisation is validated on its own graph plus the context triples (ontology
hierarchy and reference concept types, see ``shapes.py``). pyshacl runs without
inference by default: subclass targets are handled by SHACL itself from the mixed-in
hierarchy, and the chain rules use property paths, so RDFS/OWL-RL inference (slow on
large graphs) is only an option.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from ssgraph.namespaces import SH, SSG, SSGGRAPH, SSGID
from ssgraph.store.staging import add_all, is_staged, ntriples_chunks, staged_from_ntriples
from ssgraph.validation import findings as finding_model
from ssgraph.validation import pyshacl_tuning, sparql_constraints
from ssgraph.validation import shapes as shape_sets
from ssgraph.validation.findings import SEVERITIES, Finding, counts, findings_from_report
from ssgraph.validation.lookups import MOST_TRIPLES, add_to_index, index_ntriples, indexed_view

INFERENCE_MODES = ("none", "rdfs", "owlrl")
_ORG_IRI_MARK = "/org/"


@dataclass
class OrganisationReport:
    """The outcome of validating one graph."""

    organisation: str | None  # code, e.g. "0480"
    graph: str | None  # the named graph or file that was validated
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    triples: int = 0
    label: str | None = None
    report_ntriples: str | None = None  # the SHACL validation report, when asked for
    organisation_iri: str | None = None

    @property
    def conforms(self) -> bool:
        return not any(f.severity == "violation" for f in self.findings)

    def counts(self) -> dict[str, int]:
        return counts(self.findings)

    def report_graph(self) -> Graph:
        graph = Graph()
        if self.report_ntriples:
            graph.parse(data=self.report_ntriples, format="nt")
        return graph


@dataclass(frozen=True)
class ValidationOptions:
    shape_set: str = "organisation"
    reference_date: dt.date | None = None
    inference: str = "none"
    keep_report: bool = False


@dataclass(frozen=True)
class ValidationJob:
    """One graph to validate, as N-Triples text so it crosses process boundaries cheaply."""

    ntriples: str | bytes
    organisation: str | None = None
    graph: str | None = None


def organisation_code_of(graph: Graph) -> str | None:
    """The organisation a goal-structure graph belongs to (the most common ssg:organisation)."""
    tally: dict[str, int] = {}
    for org in graph.objects(None, SSG.organisation):
        tally[str(org)] = tally.get(str(org), 0) + 1
    if not tally:
        for code in graph.objects(None, SSG.organisationCode):
            return str(code)
        return None
    best = max(tally, key=lambda iri: tally[iri])
    return best.rsplit(_ORG_IRI_MARK, 1)[-1] if _ORG_IRI_MARK in best else best


def organisation_code_of_graph_iri(iri: str) -> str | None:
    prefix = str(SSGGRAPH["org/"])
    if iri.startswith(prefix):
        return iri[len(prefix):].split("/", 1)[0]
    return None


def validate_graph(
    data: Graph,
    organisation: str | None = None,
    graph_iri: str | None = None,
    options: ValidationOptions = ValidationOptions(),
    copy: bool = True,
    predicates: dict | None = None,
) -> OrganisationReport:
    """Validate one graph against a shape set; with ``copy=False`` the context is added to ``data`` itself.

    ``predicates``: the triples of ``data`` already in lookup dictionaries (lookups.index_ntriples).
    """
    started = time.perf_counter()
    if organisation is None and options.shape_set == "organisation":
        organisation = organisation_code_of(data)
    added: list = []  # context added to a staging graph in place, taken out again afterwards
    if is_staged(data) and options.inference == "none":
        working = data
    elif copy:
        working = Graph()
        for triple in data:
            working.add(triple)
    else:
        working = data
    triples = len(working)
    if predicates is None and working is data and is_staged(data) and triples <= MOST_TRIPLES:
        # read from Oxigraph's own N-Triples: faster than term by term
        ntriples = b"".join(ntriples_chunks(data))
        predicates = index_ntriples(ntriples)
        if predicates is not None and copy:  # no blank nodes: a private copy takes the context in one load,
            working = staged_from_ntriples(ntriples)  # instead of adding and taking out triple by triple
    mixed_in = list(shape_sets.context_triples(options.shape_set))
    if options.reference_date is not None:
        mixed_in.append((shape_sets.REFERENCE_DATE_NODE, SSG.referenceDate,
                         Literal(options.reference_date.isoformat(), datatype=XSD.date)))
    if working is data and copy:
        added = [triple for triple in mixed_in if triple not in working]
        add_all(working, added)
    else:
        add_all(working, mixed_in)
    if predicates is not None:
        add_to_index(predicates, mixed_in)
    shapes = shape_sets.shapes_graph(options.shape_set)
    view = indexed_view(working, predicates) if options.inference == "none" else working  # inference writes into it
    try:
        report = _core_report(view, options)
        sparql_results = sparql_constraints.results(working, options.shape_set)
    finally:
        for triple in added:
            working.remove(triple)
    # labels and workbook positions read from the view: the context it may still hold has neither
    labelled = view if view is not working else data
    findings = findings_from_report(report, labelled, shapes, organisation, shape_sets.reference_labels())
    make = finding_model.FindingMaker(labelled, shapes, organisation, shape_sets.reference_labels())
    findings = sorted(findings + [make(r.focus, r.shape, r.severity, r.value, r.path, SH.SPARQLConstraintComponent)
                                  for r in sparql_results], key=Finding.sort_key)
    organisation_iri = _org_iri(data, organisation) if organisation else None
    label = shape_sets.reference_labels().get(organisation_iri or "", {}).get("sv")
    result = OrganisationReport(organisation, graph_iri, findings, time.perf_counter() - started, triples, label,
                                organisation_iri=organisation_iri)
    if options.keep_report:
        sparql_constraints.add_to_report(report, sparql_results)
        result.report_ntriples = annotated_report(report, result).serialize(format="nt")
    return result


def _core_report(view: Graph, options: ValidationOptions) -> Graph:
    """pyshacl's report of the shapes without their SHACL-SPARQL constraints."""
    core_shapes = sparql_constraints.core_shapes_graph(options.shape_set)
    if options.inference == "none":
        return pyshacl_tuning.validate_without_inference(view, core_shapes)[1]
    # imported when needed (about half a second): a cached import check does without it
    from pyshacl import validate as pyshacl_validate

    return pyshacl_validate(view, shacl_graph=core_shapes, inference=options.inference, inplace=True,
                            allow_warnings=True, allow_infos=True)[1]


def _org_iri(data: Graph, code: str) -> str:
    """The organisation's IRI as the data spells it (the instance base is configurable)."""
    for org in set(data.objects(None, SSG.organisation)):
        if str(org).endswith(f"{_ORG_IRI_MARK}{code}"):
            return str(org)
    return str(SSGID[f"org/{code}"])


def annotated_report(report: Graph, result: OrganisationReport) -> Graph:
    """The SHACL report with Swedish and English messages and what was validated.

    pyshacl drops the language tags of SHACL-SPARQL messages, so each result gets the
    findings' tagged messages instead.
    """
    graph = Graph()
    for prefix, namespace in report.namespaces():
        graph.bind(prefix, namespace)
    graph.bind("ssgsh", shape_sets.SHAPES_NAMESPACE)
    messages: dict[tuple[str, str, str | None], Finding] = {
        (f.focus, f.shape, f.value): f for f in result.findings
    }
    for triple in report:
        if triple[1] != SH.resultMessage:
            graph.add(triple)
    for node in report.subjects(RDF.type, SH.ValidationResult):
        key = (str(report.value(node, SH.focusNode)), str(report.value(node, SH.sourceShape)),
               str(report.value(node, SH.value)) if report.value(node, SH.value) is not None else None)
        finding = messages.get(key)
        if finding is not None:
            for lang, text in finding.message.items():
                graph.add((node, SH.resultMessage, Literal(text, lang=lang or None)))
    for report_node in report.subjects(RDF.type, SH.ValidationReport):
        graph.set((report_node, SH.conforms, Literal(result.conforms)))
        if result.organisation_iri:
            graph.add((report_node, SSG.organisation, URIRef(result.organisation_iri)))
        if result.graph:
            graph.add((report_node, DCTERMS.source, URIRef(result.graph) if "://" in result.graph else Literal(result.graph)))
        graph.add((report_node, PROV.generatedAtTime,
                   Literal(dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), datatype=XSD.dateTime)))
    return graph


def _run_job(job: ValidationJob, options: ValidationOptions) -> OrganisationReport:
    if options.inference == "none":  # read by Oxigraph; pyshacl and the SPARQL constraints work on it in place
        ntriples = job.ntriples.encode() if isinstance(job.ntriples, str) else job.ntriples
        data = staged_from_ntriples(ntriples)
        return validate_graph(data, job.organisation, job.graph, options, copy=False,
                              predicates=index_ntriples(ntriples))
    # inference adds triples rdflib's way
    data = Graph()
    data.parse(data=job.ntriples, format="nt")
    return validate_graph(data, job.organisation, job.graph, options, copy=False)


def validate_jobs(
    jobs: Iterable[ValidationJob],
    options: ValidationOptions = ValidationOptions(),
    processes: int | None = None,
) -> Iterator[OrganisationReport]:
    """Validate many graphs, in parallel worker processes when there is more than one, in order.

    ``jobs`` is read as the workers need them (a few ahead), so a lazy iterable of many
    large graphs is never all in memory.
    """
    waiting = iter(jobs)
    wanted = max(1, processes or os.cpu_count() or 1)
    first = list(itertools.islice(waiting, 2 * wanted))
    processes = max(1, min(wanted, len(first)))
    shape_sets.warm_up()  # parsed once here; forked workers inherit it
    importlib.import_module("pyshacl")
    sparql_constraints.sparql_constraints(options.shape_set)
    sparql_constraints.core_shapes_graph(options.shape_set)
    if processes == 1:
        for job in itertools.chain(first, waiting):
            yield _run_job(job, options)
        return
    with ProcessPoolExecutor(max_workers=processes) as pool:
        running: deque[Future] = deque()
        for job in itertools.chain(first, waiting):
            running.append(pool.submit(_run_job, job, options))
            if len(running) >= 2 * processes:
                yield running.popleft().result()
        while running:
            yield running.popleft().result()


def job_for(graph: Graph, organisation: str | None = None, graph_iri: str | None = None) -> ValidationJob:
    return ValidationJob(graph.serialize(format="nt"), organisation, graph_iri)


def worst_severity(reports: Iterable[OrganisationReport]) -> str | None:
    present = {f.severity for report in reports for f in report.findings}
    return next((s for s in SEVERITIES if s in present), None)
