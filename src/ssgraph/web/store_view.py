"""What the services need of a store, served by the web's protected query workers."""

from __future__ import annotations

from rdflib import Graph, URIRef

from ssgraph.store import QueryJob
from ssgraph.web.service import service


class ReadView:
    """select, query_raw and graph over the query workers (each read within the time limit)."""

    def select(self, sparql: str):
        return service().select(sparql)

    def state_key(self) -> str:
        """Changes whenever the data may have changed ("remote" for a remote store: no such key)."""
        key = service().state_key()
        return key if key == "remote" else f"{service().directory}#{key}"  # which store, and its state

    def query_raw(self, sparql: str, result_format: str = "json", **_: object):
        return service().run(QueryJob(sparql, result_format=result_format))

    def graph(self, iri: str) -> Graph:
        return service().construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {URIRef(iri).n3()} {{ ?s ?p ?o }} }}")
