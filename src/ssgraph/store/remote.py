"""The remote backend: any SPARQL 1.1 Query / Update / Graph Store endpoint.

This is how a deployment outgrows one machine: the web tier stays stateless and the data
lives in the operator's clustered store (Fuseki, GraphDB, Virtuoso, QLever, Neptune,
Oxigraph server). Queries rely on the server treating the default graph as the union of
its named graphs (Oxigraph: ``--union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph``).

Each write is one SPARQL Update request, which SPARQL stores apply atomically.
"""

from __future__ import annotations

import gzip
import io
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
import requests
from rdflib import Dataset, Graph
from rdflib.plugins.sparql.results.jsonresults import JSONResultParser
from rdflib.term import Node

from ssgraph.errors import InputError, Location, QueryError, StoreError, problem
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
from ssgraph.store.binding import bind, iri
from ssgraph.store.embedded import OXIGRAPH_RDF_FORMAT, syntax_detail
from ssgraph.store.federation import FederationPolicy
from ssgraph.store.updates import insert_data

RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
ARCHIVE_CACHE_SECONDS = 10.0
GRAPH_CONTENT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH $g { ?s ?p ?o } }"
GRAPH_MEDIA_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str
    graph_store: str | None = None
    username: str | None = None
    password: str | None = None
    token: str | None = None
    timeout_s: float = 300.0

    @classmethod
    def from_base(cls, base: str, **settings: object) -> Endpoints:
        """Endpoints from a server address; explicit settings win over the derived paths.

        Without explicit settings, Oxigraph server's paths are assumed: ``/query``,
        ``/update`` and ``/store``.
        """
        root = base.rstrip("/")
        return cls(
            query=str(settings.get("query_endpoint") or f"{root}/query"),
            update=str(settings.get("update_endpoint") or f"{root}/update"),
            graph_store=str(settings.get("graph_store_endpoint") or f"{root}/store"),
            username=settings.get("username") or None,  # type: ignore[arg-type]
            password=settings.get("password") or None,  # type: ignore[arg-type]
            token=settings.get("token") or None,  # type: ignore[arg-type]
            timeout_s=float(settings.get("timeout_s") or 300.0),
        )


class RemoteStore(Store):
    backend = "remote"
    atomic_graph_replace = True
    atomic_load = True
    shared_access = True

    def __init__(self, endpoints: Endpoints, federation: FederationPolicy | None = None):
        self.endpoints = endpoints
        if federation is not None:
            self.federation = federation
        self._archived: frozenset[str] | None = None
        self._archived_at = 0.0
        self._session = requests.Session()
        if endpoints.username:
            self._session.auth = (endpoints.username, endpoints.password or "")
        if endpoints.token:
            self._session.headers["Authorization"] = f"Bearer {endpoints.token}"

    # -- HTTP ----------------------------------------------------------------------
    def _post(self, url: str, data: bytes | dict, headers: dict[str, str]) -> requests.Response:
        try:
            response = self._session.post(url, data=data, headers=headers, timeout=self.endpoints.timeout_s)
        except requests.RequestException as error:
            raise StoreError(problem("store.remote_unreachable", url=url, detail=str(error))) from None
        if response.status_code >= 400:
            detail = response.text.strip()[:500]
            error_class = QueryError if response.status_code == 400 else StoreError
            key = "store.query_syntax" if response.status_code == 400 else "store.remote_error"
            raise error_class(problem(key, url=url, status=response.status_code, detail=detail))
        return response

    def _query(
        self,
        sparql: str,
        accept: str,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
        internal: bool = False,
    ) -> requests.Response:
        if not internal:
            self.federation.check(sparql)
        form: dict[str, object] = {"query": sparql}
        if default_graph_uris is None and not internal and not chooses_versions_itself(sparql):
            archived = self._archived_graphs()
            if archived:
                # the protocol's dataset then holds only the graphs listed, so name them all
                named = self._named_graphs()
                default_graph_uris = [g for g in named if g not in archived]
                named_graph_uris = named_graph_uris or named
        if default_graph_uris:
            form["default-graph-uri"] = default_graph_uris
        if named_graph_uris:
            form["named-graph-uri"] = named_graph_uris
        return self._post(self.endpoints.query, form, {"Accept": accept})

    def _archived_graphs(self) -> frozenset[str]:
        """Graphs of non-current versions; asked again after a write or a few seconds."""
        now = time.monotonic()
        if self._archived is None or now - self._archived_at > ARCHIVE_CACHE_SECONDS:
            response = self._query(ARCHIVED_GRAPHS_QUERY, RESULT_MEDIA_TYPES["json"], internal=True)
            bindings = json.loads(response.content)["results"]["bindings"]
            self._archived = frozenset(b["g"]["value"] for b in bindings if b["g"]["type"] == "uri")
            self._archived_at = now
        return self._archived

    def _named_graphs(self) -> list[str]:
        response = self._query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", RESULT_MEDIA_TYPES["json"], internal=True)
        return [b["g"]["value"] for b in json.loads(response.content)["results"]["bindings"]]

    # -- writing -------------------------------------------------------------------
    def load(
        self,
        paths: Iterable[Path],
        graph: str | None = None,
        format: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> int:
        files = [Path(p) for p in paths]
        quads: list[ox.Quad] = []
        total = sum(p.stat().st_size for p in files if p.is_file())
        done = 0
        for path in files:
            fmt = format_for_path(path, format)
            if not path.is_file():
                raise InputError(problem("store.file_missing", Location(file=str(path))))
            if graph and fmt in FORMATS_WITH_GRAPHS - {"json-ld"}:
                raise InputError(problem("store.graph_into_quads", Location(file=str(path)), format=fmt))
            data = path.read_bytes()
            if path.name.lower().endswith(".gz"):
                data = gzip.decompress(data)
            try:
                parsed = ox.parse(data, format=OXIGRAPH_RDF_FORMAT[fmt], base_iri=path.resolve().as_uri())
                target = ox.NamedNode(graph) if graph else None
                for item in parsed:
                    if isinstance(item, ox.Triple) or target is not None:
                        quads.append(ox.Quad(item.subject, item.predicate, item.object, target or ox.DefaultGraph()))
                    else:
                        quads.append(item)
            except SyntaxError as error:
                raise InputError(
                    problem(
                        "store.syntax_error",
                        Location(file=str(path), line=error.lineno, column=error.offset),
                        format=fmt,
                        detail=syntax_detail(error),
                    )
                ) from None
            done += path.stat().st_size
            if progress:
                progress(done, total)
        if quads:
            self._apply(insert_data(quads))
        return len(quads)

    def _apply(self, sparql: str, base_iri: str | None = None) -> None:
        self._archived = None
        if base_iri:
            sparql = bind("BASE $base\n", base=iri(base_iri)) + sparql
        self._post(
            self.endpoints.update,
            sparql.encode("utf-8"),
            {"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    # -- reading -------------------------------------------------------------------
    def query_raw(
        self,
        sparql: str,
        result_format: str = "json",
        graph_format: str = "turtle",
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ) -> RawResult:
        accept = f"{RESULT_MEDIA_TYPES[result_format]}, {GRAPH_MEDIA_TYPES[graph_format]};q=0.9"
        response = self._query(sparql, accept, default_graph_uris, named_graph_uris)
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        if media_type in GRAPH_MEDIA_TYPES.values():
            kind = "graph"
        elif media_type == RESULT_MEDIA_TYPES["json"] and b'"boolean"' in response.content[:200]:
            kind = "ask"
        else:
            kind = "ask" if b"<boolean>" in response.content[:400] else "select"
        return RawResult(kind, media_type, response.content)

    def select(self, sparql: str) -> list[dict[str, Node]]:
        response = self._query(sparql, RESULT_MEDIA_TYPES["json"])
        result = JSONResultParser().parse(io.StringIO(response.content.decode("utf-8")))
        names = [str(v) for v in result.vars or []]
        rows = []
        for binding in result.bindings:
            rows.append({str(k): v for k, v in binding.items() if v is not None and str(k) in names})
        return rows

    def ask(self, sparql: str) -> bool:
        response = self._query(sparql, RESULT_MEDIA_TYPES["json"])
        return bool(json.loads(response.content)["boolean"])

    def construct(self, sparql: str) -> Graph:
        response = self._query(sparql, GRAPH_MEDIA_TYPES["ntriples"])
        graph = Graph()
        graph.parse(data=response.content, format="nt")
        return graph

    def graphs(self) -> list[GraphInfo]:
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        return [GraphInfo(str(r["g"]), int(r["n"])) for r in rows]

    def export(self, out: BinaryIO, format: str = "nquads", graph: str | None = None) -> None:
        if graph:
            response = self._query(bind(GRAPH_CONTENT, g=iri(graph)), GRAPH_MEDIA_TYPES["ntriples"])
            content = Graph().parse(data=response.content, format="nt")
            out.write(content.serialize(format=_rdflib_format(format), encoding="utf-8"))
            return
        dataset = Dataset()
        for info in self.graphs():
            target = dataset.graph(info.iri)
            response = self._query(bind(GRAPH_CONTENT, g=iri(info.iri)), GRAPH_MEDIA_TYPES["ntriples"])
            target.parse(data=response.content, format="nt")
        out.write(dataset.serialize(format=_rdflib_format(format), encoding="utf-8"))

    def close(self) -> None:
        self._session.close()


def _rdflib_format(fmt: str) -> str:
    return {"ntriples": "nt", "nquads": "nquads", "rdfxml": "xml", "json-ld": "json-ld"}.get(fmt, fmt)
