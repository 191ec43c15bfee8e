"""Oxigraph's RDF parsers and an in-memory query engine for callers outside ``store/``.

Features that read RDF files fast (the reference vocabularies, graphs to validate) or run
SPARQL over a small graph in memory (SHACL-SPARQL constraints) use these, so that only
``store/`` talks to pyoxigraph. Terms come out as rdflib terms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from ssgraph.store.embedded import OXIGRAPH_RDF_FORMAT
from ssgraph.store.terms import from_oxigraph, to_oxigraph


def triples_of_file(path: Path, format: str = "turtle") -> Iterator[tuple[Node, Node, Node]]:
    """The triples (of every graph) of an RDF file, as rdflib terms, streamed."""
    for item in ox.parse(path=str(path), format=OXIGRAPH_RDF_FORMAT[format]):
        yield from_oxigraph(item.subject), from_oxigraph(item.predicate), from_oxigraph(item.object)


def ntriples_by_graph(stream: BinaryIO, format: str) -> dict[str, list[str]]:
    """Graph name ("" for the default graph) → the graph's triples as N-Triples lines, streamed
    from ``stream``. Raises SyntaxError (with line and column) on malformed input."""
    groups: dict[str, list[str]] = defaultdict(list)
    for quad in ox.parse(stream, format=OXIGRAPH_RDF_FORMAT[format]):
        graph_name = getattr(quad, "graph_name", None)
        name = "" if graph_name is None or isinstance(graph_name, ox.DefaultGraph) else graph_name.value
        groups[name].append(f"{quad.subject} {quad.predicate} {quad.object} .")
    return groups


class ScratchGraph:
    """A throw-away in-memory Oxigraph graph of rdflib triples, to run SELECT queries over."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]):
        self._store = ox.Store()
        # generalised triples (a literal subject, from RDFS inference) are not RDF: left out
        self._store.extend(
            ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph())
            for s, p, o in triples
            if not isinstance(s, Literal) and isinstance(p, URIRef)
        )

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, Node]]]:
        """The variables and the rows (bound variables only) of a SELECT query."""
        solutions = self._store.query(sparql)
        names = [variable.value for variable in solutions.variables]
        rows = []
        for solution in solutions:
            rows.append({name: from_oxigraph(solution[name]) for name in names if solution[name] is not None})
        return names, rows
