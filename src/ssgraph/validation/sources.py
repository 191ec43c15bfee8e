"""Where the graphs to validate come from: RDF files, or the store (by organisation or graph).

Each graph becomes a ValidationJob (N-Triples plus the organisation code), the unit handed
to a worker process. Files with named graphs (N-Quads, TriG) give one job per organisation
graph: the file is read once into an in-memory Oxigraph store and each graph written out
by Oxigraph's serialiser; the store's graphs are written out the same way.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph

from ssgraph import versions
from ssgraph.errors import InputError, Location, problem
from ssgraph.namespaces import CATALOG_GRAPH, SSGGRAPH
from ssgraph.store.binding import bind, iri
from ssgraph.store.rdf_files import GraphsOfFile
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


def jobs_from_file(path: Path, shape_set: str = "organisation", current_only: bool = False) -> Iterator[ValidationJob]:
    """One job for a triples file; one per named graph for N-Quads and TriG (with
    ``current_only``, only the graphs of current versions by the file's own catalogue).

    The file is read (and its syntax checked) before this returns; the jobs' N-Triples are
    made as they are taken, so a national dump is never all in memory twice.
    """
    if not path.exists():
        raise InputError(problem(FILE_MISSING, Location(file=str(path))))
    suffix = _suffix(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        if suffix in _RDFLIB_FORMATS:
            with opener(path, "rb") as stream:
                graph = Graph().parse(stream, format=_RDFLIB_FORMATS[suffix])
            return iter([ValidationJob(graph.serialize(format="nt"), organisation_code_of(graph), str(path))])
        if suffix not in _OX_FORMATS:
            raise InputError(problem(FILE_UNREADABLE, Location(file=str(path)), error=f"unknown extension {suffix or '?'}"))
        with opener(path, "rb") as stream:
            graphs = GraphsOfFile(stream, _OX_FORMATS[suffix])
    except SyntaxError as error:
        raise InputError(problem(FILE_UNREADABLE, Location(file=str(path)), error=str(error))) from None
    except (ValueError, OSError) as error:
        raise InputError(problem(FILE_UNREADABLE, Location(file=str(path)), error=str(error))) from None
    names = [name for name in graphs.names() if not name or _wanted(name, shape_set)]
    if current_only and str(CATALOG_GRAPH) in graphs.names():
        catalog = Graph().parse(data=graphs.ntriples(str(CATALOG_GRAPH)), format="nt")
        current = {version.graph for version in versions.versions_in_catalogue(catalog) if version.current}
        names = [name for name in names if name in current]
    if not names:
        raise InputError(problem(NO_GRAPHS, Location(file=str(path))))
    return _jobs_of(graphs, names, path, shape_set)


def _jobs_of(graphs: GraphsOfFile, names: list[str], path: Path, shape_set: str) -> Iterator[ValidationJob]:
    for graph_name in names:
        text = graphs.ntriples(graph_name)
        code = organisation_code_of_graph_iri(graph_name) if graph_name else None
        if code is None and shape_set == "organisation":
            code = organisation_code_of(Graph().parse(data=text, format="nt"))
        yield ValidationJob(text, code, graph_name or str(path))
    graphs.close()


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
    buffer = io.BytesIO()
    store.export(buffer, format="ntriples", graph=graph_iri)
    text = buffer.getvalue()
    if code is None:
        code = organisation_code_of_graph_iri(graph_iri) or organisation_code_of(Graph().parse(data=text, format="nt"))
    return ValidationJob(text, code, graph_iri)


def _has_graph(store, graph_iri: str) -> bool:
    """Whether the store holds a non-empty graph of that name (``graphs()`` counts every graph's triples)."""
    return bool(store.ask(bind("ASK { GRAPH $g { ?s ?p ?o } }", g=iri(graph_iri))))


def jobs_from_store(store, organisation: str | None = None, graph_iri: str | None = None) -> Iterator[ValidationJob]:
    """The jobs of one graph, one organisation's current graph, or every current graph (made
    as they are taken)."""
    if graph_iri is not None:
        if not _has_graph(store, graph_iri):
            raise InputError(problem(GRAPH_NOT_FOUND, graph=graph_iri))
        return iter([_job_from_store(store, graph_iri, None)])
    graphs = current_graphs(store)
    if organisation is not None:
        if organisation not in graphs:
            raise InputError(problem(ORG_NOT_FOUND, code=organisation))
        return iter([_job_from_store(store, graphs[organisation], organisation)])
    if not graphs:
        raise InputError(problem(STORE_EMPTY))
    return (_job_from_store(store, iri, code) for code, iri in sorted(graphs.items()))
