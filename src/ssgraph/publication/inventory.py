"""The store's named graphs, their sizes and the groups they are published in."""

from __future__ import annotations

from ssgraph.namespaces import SSGGRAPH

GROUPS = ("ontology", "reference", "org", "catalog", "kolada", "validation", "mapping", "analysis")


def graph_counts(store) -> list[tuple[str, int]]:
    """(graph IRI, triples) of every named graph, by IRI."""
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    return [(str(r["g"]), int(r["n"])) for r in rows]


def group_of(graph_iri: str) -> str:
    """The published group of a graph: the first path segment under ssggraph: (org, reference, …)."""
    base = str(SSGGRAPH)
    if graph_iri.startswith(base):
        return graph_iri[len(base):].split("/")[0] or "other"
    return "other"


def slug_of(graph_iri: str) -> str:
    """A file-name-safe name of a graph (``org/0480/budget`` → ``org--0480--budget``)."""
    base = str(SSGGRAPH)
    rest = graph_iri[len(base):] if graph_iri.startswith(base) else graph_iri
    return "".join(c if c.isalnum() or c in "-_." else "--" if c == "/" else "_" for c in rest)


def groups(counts: list[tuple[str, int]]) -> dict[str, list[tuple[str, int]]]:
    """Group → its graphs with their sizes, groups in publication order."""
    found: dict[str, list[tuple[str, int]]] = {}
    for iri, count in counts:
        found.setdefault(group_of(iri), []).append((iri, count))
    order = {name: index for index, name in enumerate(GROUPS)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))
