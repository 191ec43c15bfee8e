"""Indicator values in the goal graph: the organisation's own observations, else the values
of its Kolada KPI for its own area (folded into the indicator nodes' ``observations``)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import URIRef

from ssgraph.analysis.versions import rows
from ssgraph.store.binding import bind, iri

TOTAL_ONLY = 'FILTER(!BOUND(?gender) || STRENDS(STR(?gender), "gender-T"))'  # not the split by gender


def add_observations(store, graph: nx.DiGraph, graphs: list[URIRef], values: bool = True) -> None:
    """Indicator values: the organisation's own observations, else its Kolada KPI's values.

    Without ``values`` only ``has_data`` is set (one row per indicator instead of per value).
    """
    own = ("SELECT ?indicator ?period ?value WHERE { GRAPH $g { ?o ssg:indicator "
           "?indicator ; ssg:refPeriod ?period ; ssg:value ?value . OPTIONAL { ?o ssg:gender ?gender } } "
           + TOTAL_ONLY + " }")
    if not values:
        own = "SELECT DISTINCT ?indicator WHERE { GRAPH $g { ?o ssg:indicator ?indicator ; ssg:value ?value } }"
    # one graph a query: with the graph from VALUES the store reads every graph's observations
    for one in graphs:
        for row in rows(store, bind(own, g=one)):
            _record_observation(graph, row["indicator"], row, "own")
    kpi_of: dict[str, list[str]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        if data.get("relation") == "kolada-kpi" and not graph.nodes[source].get("has_data"):
            kpi_of[target].append(source)
    if not kpi_of:
        return
    org_iris = {d["org"]: n for n, d in graph.nodes(data=True) if d.get("kind") == "organisation"}
    select = "?kpi ?area ?period ?value" if values else "DISTINCT ?kpi ?area"
    # only the organisations' own areas: a KPI has values for every municipality and region
    areas = sorted({org_iris[graph.nodes[i].get("org")] for found in kpi_of.values() for i in found
                    if graph.nodes[i].get("org") in org_iris})
    if not areas:
        return
    for row in rows(store, bind("SELECT " + select + """ WHERE {
  VALUES ?kpi { $kpis } VALUES ?area { $areas }
  ?o ssg:indicator ?kpi ; ssg:refArea ?area ; ssg:refPeriod ?period ; ssg:value ?value .
  OPTIONAL { ?o ssg:gender ?gender } """ + TOTAL_ONLY + """
}""", kpis=[iri(k) for k in kpi_of], areas=[iri(a) for a in areas])):
        for indicator in kpi_of[row["kpi"]]:
            if org_iris.get(graph.nodes[indicator].get("org")) == row["area"]:
                _record_observation(graph, indicator, row, "kolada")


def _record_observation(graph: nx.DiGraph, indicator: str, row: dict, source: str) -> None:
    if indicator not in graph:
        return
    node = graph.nodes[indicator]
    node["has_data"] = True
    node["data_source"] = node.get("data_source") or source
    if "value" in row:
        try:
            node.setdefault("observations", {})[row["period"][:4]] = float(row["value"])
        except ValueError:
            pass  # malformed value; validation reports it
