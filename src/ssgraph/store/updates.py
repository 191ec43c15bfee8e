"""SPARQL Update texts the stores write themselves, from terms (never from raw text).

Each function returns ONE update request; stores apply one request as one transaction, so
a reader (or a process killed half-way) sees either the old or the new content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.term import Node

from ssgraph.store.binding import bind, iri, term
from ssgraph.store.staging import is_staged, ntriples_lines


class _DataWriter:
    """rdflib terms as INSERT DATA text; blank nodes get labels local to the request."""

    def __init__(self) -> None:
        self._labels: dict[BNode, str] = {}

    def term(self, node: Node) -> str:
        if isinstance(node, BNode):
            return self._labels.setdefault(node, f"_:b{len(self._labels)}")
        return term(node)

    def triples(self, graph: Graph) -> str:
        if is_staged(graph):  # Oxigraph writes the lines itself (its blank nodes are unique already)
            return "\n".join(ntriples_lines(graph))
        return "\n".join(f"{self.term(s)} {self.term(p)} {self.term(o)} ." for s, p, o in graph)


def replace_graphs_update(graphs: Mapping[str, Graph]) -> str:
    """Empty each named graph and insert its new triples."""
    writer = _DataWriter()
    statements = [bind("DROP SILENT GRAPH $g", g=iri(g)) for g in graphs]
    blocks = [
        bind("GRAPH $g {", g=iri(g)) + "\n" + writer.triples(content) + "\n}"
        for g, content in graphs.items()
        if len(content)
    ]
    if blocks:
        statements.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return ";\n".join(statements)


def add_triples_update(graph: str, content: Graph) -> str:
    """Add the triples of ``content`` to a named graph."""
    if not len(content):
        return ""
    return bind("INSERT DATA { GRAPH $g {", g=iri(graph)) + "\n" + _DataWriter().triples(content) + "\n} }"


def _ox_triples(triples: Iterable[ox.Triple]) -> str:
    # pyoxigraph terms print in N-Triples syntax, and its parsers only make valid terms
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def write_graph_update(graph: str | None, triples: Iterable[ox.Triple], replace: bool) -> str:
    """Graph Store PUT (``replace``) or POST into a named graph, or the default graph (None).

    A named graph exists afterwards even when ``triples`` is empty (PUT of an empty graph).
    """
    body = _ox_triples(triples)
    if graph is None:
        statements = ["DROP SILENT DEFAULT"] if replace else []
        if body:
            statements.append("INSERT DATA {\n" + body + "\n}")
        return ";\n".join(statements)  # "" when there is nothing to do
    target = iri(graph)
    statements = [bind("DROP SILENT GRAPH $g", g=target)] if replace else []
    statements.append(bind("CREATE SILENT GRAPH $g", g=target))
    if body:
        statements.append(bind("INSERT DATA { GRAPH $g {", g=target) + "\n" + body + "\n} }")
    return ";\n".join(statements)


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """An INSERT DATA request for pyoxigraph quads (terms print in N-Triples syntax)."""
    by_graph: dict[object, list[str]] = defaultdict(list)
    for quad in quads:
        by_graph[quad.graph_name].append(f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = []
    for graph_name, lines in by_graph.items():
        body = "\n".join(lines)
        if isinstance(graph_name, ox.DefaultGraph):
            parts.append(body)
        else:
            parts.append(f"GRAPH {graph_name} {{\n{body}\n}}")
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"
