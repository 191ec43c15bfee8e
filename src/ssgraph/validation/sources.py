"""Where the graphs to validate come from: RDF files, or the store (by organisation or graph).

Each graph becomes a ValidationJob (N-Triples text plus the organisation code), the unit
handed to a worker process. Files with named graphs (N-Quads, TriG) give one job per
organisation graph; large N-Quads files are split with Oxigraph's streaming parser.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from rdflib import Graph

from ssgraph import versions
from ssgraph.errors import InputError, Location, problem
from ssgraph.namespaces import CATALOG_GRAPH, SSGGRAPH
from ssgraph.store.binding import bind, iri
from ssgraph.store.rdf_files import ntriples_by_graph
from ssgraph.validation.run import (
    ValidationJob,
    organisation_code_of,
    organisation_code_of_graph_iri,
)

FILE_MISSING = "validation.file_missing"
FILE_UNREADABLE = "validation.file_unreadable"
NO_GRAPHS = "validation.no_graphs"
ORG_NOT_FOUND = "validation.org_not_found"
GRAPH_NOT_FOUND = "validation.graph_not_found"
STORE_EMPTY = "validation.store_empty"

_OX_FORMATS = {
    ".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".rdf": "rdfxml", ".owl": "rdfxml",
    ".xml": "rdfxml",
}
_RDFLIB_FORMATS = {".jsonld": "json-ld", ".json": "json-ld"}
_ORG_GRAPHS = str(SSGGRAPH["org/"])


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def jobs_from_file(path: Path, shape_set: str = "organisation") -> list[ValidationJob]:
    """One job for a triples file; one per named graph for N-Quads and TriG."""
    if not path.exists():
        raise InputError(problem(FILE_MISSING, Location(file=str(path))))
    suffix = _suffix(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        if suffix in _RDFLIB_FORMATS:
            with opener(path, "rb") as stream:
                graph = Graph().parse(stream, format=_RDFLIB_FORMATS[suffix])
            return [ValidationJob(graph.serialize(format="nt"), organisation_code_of(graph), str(path))]
        if suffix not in _OX_FORMATS:
            raise InputError(problem(FILE_UNREADABLE, Location(file=str(path)), error=f"unknown extension {suffix or '?'}"))
        with opener(path, "rb") as stream:
            groups = ntriples_by_graph(stream, _OX_FORMATS[suffix])
    except SyntaxError as error:
        raise InputError(problem(FILE_UNREADABLE, Location(file=str(path)), error=str(error))) from None
    except (ValueError, OSError) as error:
        raise InputError(problem(FILE_UNREADABLE, Location(file=str(path)), error=str(error))) from None
    jobs = []
    for graph_name, lines in groups.items():
        if graph_name and not _wanted(graph_name, shape_set):
            continue
        text = "\n".join(lines) + "\n"
        code = organisation_code_of_graph_iri(graph_name) if graph_name else None
        if code is None and shape_set == "organisation":
            code = organisation_code_of(Graph().parse(data=text, format="nt"))
        jobs.append(ValidationJob(text, code, graph_name or str(path)))
    if not jobs:
        raise InputError(problem(NO_GRAPHS, Location(file=str(path))))
    return jobs


def _wanted(graph_name: str, shape_set: str) -> bool:
    if shape_set == "organisation":
        return graph_name.startswith(_ORG_GRAPHS)
    if shape_set == "catalog":
        return graph_name == str(CATALOG_GRAPH)
    return graph_name.startswith(str(SSGGRAPH["reference/"]))


def current_graphs(store) -> dict[str, str]:
    """Organisation code -> its current version graph (ssgraph.versions decides which)."""
    return {code: version.graph for code, version in versions.current_versions(store).items()}


def _job_from_store(store, graph_iri: str, code: str | None) -> ValidationJob:
    graph = store.graph(graph_iri)
    if code is None:
        code = organisation_code_of_graph_iri(graph_iri) or organisation_code_of(graph)
    return ValidationJob(graph.serialize(format="nt"), code, graph_iri)


def _has_graph(store, graph_iri: str) -> bool:
    """Whether the store holds a non-empty graph of that name (``graphs()`` counts every graph's triples)."""
    return bool(store.ask(bind("ASK { GRAPH $g { ?s ?p ?o } }", g=iri(graph_iri))))


def jobs_from_store(store, organisation: str | None = None, graph_iri: str | None = None) -> list[ValidationJob]:
    if graph_iri is not None:
        if not _has_graph(store, graph_iri):
            raise InputError(problem(GRAPH_NOT_FOUND, graph=graph_iri))
        return [_job_from_store(store, graph_iri, None)]
    graphs = current_graphs(store)
    if organisation is not None:
        if organisation not in graphs:
            raise InputError(problem(ORG_NOT_FOUND, code=organisation))
        return [_job_from_store(store, graphs[organisation], organisation)]
    if not graphs:
        raise InputError(problem(STORE_EMPTY))
    return [_job_from_store(store, iri, code) for code, iri in sorted(graphs.items())]
