"""SPARQL Update texts shared by the backends."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import Graph


def replace_graphs_update(graphs: Mapping[str, Graph]) -> str:
    """One update request that empties each graph and inserts its new triples.

    Stores run one request as one transaction, so readers see either the old or the new
    content of all the graphs.
    """
    statements = [f"DROP SILENT GRAPH <{iri}>" for iri in graphs]
    blocks = [
        f"GRAPH <{iri}> {{\n{content.serialize(format='nt')}\n}}"
        for iri, content in graphs.items()
        if len(content)
    ]
    if blocks:
        statements.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
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
