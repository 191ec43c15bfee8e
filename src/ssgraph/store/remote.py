"""The remote backend: any SPARQL 1.1 Query / Update endpoint, spoken through SPARQLWrapper.

This is how a deployment outgrows one machine: the web tier stays stateless and the data
lives in the operator's store (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever,
Neptune). What the servers do differently (the union default graph, Virtuoso's system
graphs and ASK answers) is handled in ``dialects.py``, so callers see one behaviour.

Each write is one SPARQL Update request. Where the server applies a request's operations one
by one (Virtuoso 7), a drop is written as one operation, so it too is all-or-nothing.
"""

from __future__ import annotations

import gzip
import io
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.plugins.sparql.results.jsonresults import JSONResultParser
from rdflib.term import Node

from ssgraph.errors import InputError, Location, problem
from ssgraph.store import dialects
from ssgraph.store.base import (
    ARCHIVED_GRAPHS_QUERY,
    FORMATS_WITH_GRAPHS,
    GraphInfo,
    ProgressCallback,
    RawResult,
    Store,
    chooses_versions_itself,
    format_for_path,
)
from ssgraph.store.binding import bind, iri, is_iri, term
from ssgraph.store.embedded import OXIGRAPH_RDF_FORMAT, syntax_detail
from ssgraph.store.federation import FederationPolicy
from ssgraph.store.payload import Triples
from ssgraph.store.sparql_http import Endpoints, SparqlClient
from ssgraph.store.sparql_text import code_words, graph_drops, named_graph_iris, query_form
from ssgraph.store.updates import insert_data

__all__ = ["Endpoints", "RemoteStore"]

NO_DEFAULT_GRAPH = "store.no_default_graph"

RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_MEDIA_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
CATALOGUE_SECONDS = 10.0  # how long the lists of archived and system graphs are trusted
GRAPH_CONTENT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH $g { ?s ?p ?o } }"
ALL_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
DESCRIBED_SERVICES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a $service } }"


def _uris(answer_body: bytes, name: str = "g") -> list[str]:
    bindings = json.loads(answer_body)["results"]["bindings"]
    return [b[name]["value"] for b in bindings if b.get(name, {}).get("type") == "uri"]


class RemoteStore(Store):
    backend = "remote"
    atomic_graph_replace = True
    atomic_load = True
    shared_access = True

    def __init__(self, endpoints: Endpoints, federation: FederationPolicy | None = None):
        self.endpoints = endpoints
        self.client = SparqlClient(endpoints)
        if federation is not None:
            self.federation = federation
        self._server = endpoints.server
        self._system: tuple[str, ...] | None = None
        self._lists: tuple[frozenset[str], list[str]] | None = None
        self._lists_at = 0.0

    # -- the server and its graphs ----------------------------------------------------
    @property
    def server(self) -> str:
        """``virtuoso`` or ``generic``: configured (``[store] server``) or told by the server."""
        if self._server is None:
            answer = self.client.query("ASK {}", RESULT_MEDIA_TYPES["json"], "ASK")
            self._server = dialects.server_kind(answer.server)
        return dialects.VIRTUOSO if self._server == dialects.VIRTUOSO else dialects.GENERIC

    def _internal(self, sparql: str) -> bytes:
        return self.client.query(sparql, RESULT_MEDIA_TYPES["json"], "SELECT").body

    def _system_graphs(self) -> tuple[str, ...]:
        """The server's own graphs (Virtuoso's schema and service description), asked once."""
        if self._system is None:
            self._system = ()
            if self.server == dialects.VIRTUOSO:
                described = _uris(self._internal(bind(DESCRIBED_SERVICES, service=iri(dialects.SERVICE_DESCRIPTION))))
                self._system = tuple(dialects.virtuoso_system_graphs(described, _uris(self._internal(ALL_GRAPHS))))
        return self._system

    def _graph_lists(self) -> tuple[frozenset[str], list[str]]:
        """(archived graphs, the data graphs when the dataset must be named), asked again
        after a write or a few seconds."""
        now = time.monotonic()
        if self._lists is None or now - self._lists_at > CATALOGUE_SECONDS:
            archived = frozenset(_uris(self._internal(ARCHIVED_GRAPHS_QUERY)))
            named: list[str] = []
            if self.server == dialects.VIRTUOSO:
                system = set(self._system_graphs())
                named = [g for g in _uris(self._internal(ALL_GRAPHS)) if g not in system]
            elif archived:
                named = _uris(self._internal("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"))
            self._lists, self._lists_at = (archived, named), now
        return self._lists

    def _forget_lists(self) -> None:
        self._lists = None

    # -- querying -----------------------------------------------------------------------
    def _ask_server(
        self, sparql: str, accept: str, form: str,
        default_graph_uris: list[str] | None = None, named_graph_uris: list[str] | None = None,
    ):
        """The query with the store's dataset rules applied for this server."""
        self.federation.check(sparql)
        if not (default_graph_uris or named_graph_uris) and "FROM" not in code_words(sparql):
            archived, named = self._graph_lists()
            leave_out = set() if chooses_versions_itself(sparql) else archived
            if self.server == dialects.VIRTUOSO:
                system = set(self._system_graphs())
                named = sorted(set(named) | (named_graph_iris(sparql) - system)) or [dialects.NO_GRAPH]
                default_graph_uris = [g for g in named if g not in leave_out] or [dialects.NO_GRAPH]
                named_graph_uris = named
            elif leave_out:
                # the protocol's dataset then holds only the graphs listed, so name them all
                default_graph_uris = [g for g in named if g not in leave_out]
                named_graph_uris = named
        return self.client.query(sparql, accept, form, default_graph_uris, named_graph_uris)

    def query_raw(
        self,
        sparql: str,
        result_format: str = "json",
        graph_format: str = "turtle",
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ) -> RawResult:
        form = query_form(sparql) or "SELECT"
        graph = form in ("CONSTRUCT", "DESCRIBE")
        rewrite = form == "SELECT" and result_format in ("csv", "tsv") and self.server == dialects.VIRTUOSO
        asked = "json" if rewrite else result_format
        accept = GRAPH_MEDIA_TYPES[graph_format] if graph else RESULT_MEDIA_TYPES[asked]
        answer = self._ask_server(sparql, accept, form, default_graph_uris, named_graph_uris)
        body, media_type = answer.body, answer.media_type or accept
        if rewrite:
            body, media_type = dialects.csv_or_tsv_from_json(body, result_format), RESULT_MEDIA_TYPES[result_format]
        if form == "ASK":
            standard = dialects.standard_ask(media_type, body, result_format)
            if standard is not None:
                body, media_type = standard, RESULT_MEDIA_TYPES[result_format]
        return RawResult("graph" if graph else form.lower(), media_type, body)

    def select(self, sparql: str) -> list[dict[str, Node]]:
        raw = self.query_raw(sparql, result_format="json")
        result = JSONResultParser().parse(io.StringIO(raw.body.decode("utf-8")))
        names = [str(v) for v in result.vars or []]
        return [{str(k): v for k, v in binding.items() if v is not None and str(k) in names}
                for binding in result.bindings]

    def ask(self, sparql: str) -> bool:
        return bool(json.loads(self.query_raw(sparql, result_format="json").body)["boolean"])

    def construct(self, sparql: str) -> Graph:
        raw = self.query_raw(sparql, graph_format="ntriples")
        graph = Graph()
        graph.parse(data=raw.body, format="nt")
        return graph

    def graphs(self) -> list[GraphInfo]:
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        return [GraphInfo(str(r["g"]), int(r["n"])) for r in rows]

    def graph_exists(self, graph: str) -> bool:
        if self.server == dialects.VIRTUOSO:  # no empty graphs there, and `GRAPH <g> { }` is always true
            return self.ask(bind("ASK { GRAPH $g { ?s ?p ?o } }", g=iri(graph)))
        return super().graph_exists(graph)

    def export(self, out: BinaryIO, format: str = "nquads", graph: str | None = None) -> None:
        if graph:
            content = self.construct(bind(GRAPH_CONTENT, g=iri(graph)))
            out.write(content.serialize(format=_rdflib_format(format), encoding="utf-8"))
            return
        dataset = Dataset()
        for info in self.graphs():
            target = dataset.graph(info.iri)
            for triple in self.construct(bind(GRAPH_CONTENT, g=iri(info.iri))):
                target.add(triple)
        out.write(dataset.serialize(format=_rdflib_format(format), encoding="utf-8"))

    # -- writing ------------------------------------------------------------------------
    def _apply(self, sparql: str, base_iri: str | None = None) -> None:
        self._forget_lists()
        if base_iri:
            sparql = bind("BASE $base\n", base=iri(base_iri)) + sparql
        self.client.update(sparql)

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """A SPARQL Update; on Virtuoso, one that only drops graphs (``DROP GRAPH <iri>``, as
        the Graph Store's DELETE sends it) is written as the one-operation drop, so it is
        all-or-nothing with the catalogue's upkeep too (a graph missing from a drop that is not
        SILENT: the update as written, for the server to refuse)."""
        drops = graph_drops(sparql) if self.server == dialects.VIRTUOSO else None
        if drops and all(is_iri(g) for g, _ in drops) and all(silent or self.graph_exists(g) for g, silent in drops):
            self.federation.check(sparql, is_update=True)
            self.drop_graphs([g for g, _ in drops])
            return
        super().update(sparql, base_iri)

    def drop_graphs(self, iris: Iterable[str]) -> None:
        """Remove named graphs and their versions' catalogue entries in one transaction; on
        Virtuoso, whose requests are no transaction, as one operation (one that fails, say on
        the server's own rule, leaves everything as it was)."""
        iris = list(iris)
        if self.server != dialects.VIRTUOSO or not iris:
            super().drop_graphs(iris)
            return
        self._apply(drop_in_one_operation(iris))
        self._derive(iris)

    def _refuse_default_graph(self, location: Location | None = None) -> None:
        if self.server == dialects.VIRTUOSO:
            raise InputError(problem(NO_DEFAULT_GRAPH, location, server="Virtuoso"))

    def write_graph(self, graph: str | None, triples: Triples, replace: bool) -> None:
        if graph is None:
            self._refuse_default_graph()
        super().write_graph(graph, triples, replace)

    def load(
        self,
        paths: Iterable[Path],
        graph: str | None = None,
        format: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> int:
        files = [Path(p) for p in paths]
        if graph:
            iri(graph)
        quads: list[ox.Quad] = []
        total = sum(p.stat().st_size for p in files if p.is_file())
        done = 0
        for path in files:
            quads += self._read_quads(path, graph, format)
            done += path.stat().st_size
            if progress:
                progress(done, total)
        if any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
            self._refuse_default_graph()
        if quads:
            self._apply(insert_data(quads))
            self._derive(None)
        return len(quads)

    @staticmethod
    def _read_quads(path: Path, graph: str | None, format: str | None) -> list[ox.Quad]:
        fmt = format_for_path(path, format)
        if not path.is_file():
            raise InputError(problem("store.file_missing", Location(file=str(path))))
        if graph and fmt in FORMATS_WITH_GRAPHS - {"json-ld"}:
            raise InputError(problem("store.graph_into_quads", Location(file=str(path)), format=fmt))
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
        target = ox.NamedNode(graph) if graph else None
        try:
            return [
                ox.Quad(item.subject, item.predicate, item.object, target or ox.DefaultGraph())
                if isinstance(item, ox.Triple) or target is not None else item
                for item in ox.parse(data, format=OXIGRAPH_RDF_FORMAT[fmt], base_iri=path.resolve().as_uri())
            ]
        except SyntaxError as error:
            raise InputError(problem(
                "store.syntax_error", Location(file=str(path), line=error.lineno, column=error.offset),
                format=fmt, detail=syntax_detail(error))) from None

    def close(self) -> None:  # nothing held: every request has its own connection
        pass


def drop_in_one_operation(graphs: list[str]) -> str:
    """The one update operation that drops ``graphs`` and keeps the version catalogue
    (queries/catalogue/drop_graphs_in_one_operation.ru), the graphs bound as terms."""
    from ssgraph import paths

    template = (paths.QUERIES_DIR / "catalogue" / "drop_graphs_in_one_operation.ru").read_text(encoding="utf-8")
    bound = [iri(g) for g in graphs]
    return bind(template.replace("$dropped", ", ".join(term(g) for g in bound)), graphs=bound)


def _rdflib_format(fmt: str) -> str:
    return {"ntriples": "nt", "nquads": "nquads", "rdfxml": "xml", "json-ld": "json-ld"}.get(fmt, fmt)
