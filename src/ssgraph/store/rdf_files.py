"""Oxigraph's RDF parsers and an in-memory query engine for callers outside ``store/``.

Features that read RDF files fast (the reference vocabularies, graphs to validate) or run
SPARQL over a small graph in memory (SHACL-SPARQL constraints) use these, so that only
``store/`` talks to pyoxigraph. Terms come out as rdflib terms.
"""

from __future__ import annotations

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


class GraphsOfFile:
    """The named graphs of an RDF dataset file, read once into an in-memory Oxigraph store, each
    handed out as N-Triples bytes (Oxigraph's serialiser: no Python object per triple).

    Terms are kept as Oxigraph keeps them: a literal of a known datatype in its canonical form
    (``"193.0"^^xsd:decimal`` as ``193``), as a load into the store would keep it. Raises
    SyntaxError (with line and column) on malformed input.
    """

    def __init__(self, stream: BinaryIO, format: str):
        self._store = ox.Store()
        self._store.bulk_load(stream, format=OXIGRAPH_RDF_FORMAT[format])

    def names(self) -> list[str]:
        """Graph names, sorted ("" for the default graph, first, when it holds triples)."""
        names = sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))
        default = next(iter(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        return ([""] if default is not None else []) + names

    def ntriples(self, name: str) -> bytes:
        graph = ox.NamedNode(name) if name else ox.DefaultGraph()
        return self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)

    def close(self) -> None:
        self._store = None


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
