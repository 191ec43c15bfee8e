"""Indicator values in the goal graph: the organisation's own observations, else the values
of its Kolada KPI for its own area (folded into the indicator nodes' ``observations``).

The own values are read from the series the store keeps for each indicator at every write
(``store.indicator_series``: one row per indicator instead of every observation's statements);
from the observations themselves when the store's series are not current.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import unquote

import networkx as nx
from rdflib import URIRef

from ssgraph.analysis.state_cache import per_state
from ssgraph.analysis.versions import rows
from ssgraph.namespaces import SUMMARIES_GRAPH
from ssgraph.store import indicator_series
from ssgraph.store.binding import bind, iri

TOTAL_ONLY = 'FILTER(!BOUND(?gender) || STRENDS(STR(?gender), "gender-T"))'  # not the split by gender
# the indicators' series in these graphs, one value a graph (queries/derived/indicator_series.ru)
SERIES_QUERY = ("SELECT ?g ?series WHERE { VALUES ?g { $graphs } GRAPH $summaries { "
                "?row a ssg:IndicatorSeries ; ssg:summaryOf ?g ; ssg:seriesValues ?series } }")


def add_observations(store, graph: nx.DiGraph, graphs: list[URIRef], values: bool = True) -> None:
    """Indicator values: the organisation's own observations, else its Kolada KPI's values.

    Without ``values`` only ``has_data`` is set (one row per indicator instead of per value).
    """
    if values and per_state(store, "indicator_series_current", lambda: indicator_series.is_current(store)):
        _add_series(store, graph, graphs)
    else:
        _add_own_observations(store, graph, graphs, values)
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


def _add_series(store, graph: nx.DiGraph, graphs: list[URIRef]) -> None:
    """The own values from the kept series, graph by graph in the order given (as reading the
    observations of one graph after the other would record them)."""
    series = {row["g"]: row["series"] for row in rows(store, bind(SERIES_QUERY, graphs=graphs,
                                                                     summaries=URIRef(SUMMARIES_GRAPH)))}
    for one in graphs:
        for indicator, pairs in parse_series(series.get(str(one), "")):
            if indicator not in graph:
                continue
            node = graph.nodes[indicator]  # as _record_observation records each value, once an indicator
            node["has_data"] = True
            node["data_source"] = node.get("data_source") or "own"
            observations = node.setdefault("observations", {})
            for period, value in pairs:
                try:
                    observations[period[:4]] = float(value)
                except ValueError:
                    pass  # malformed value; validation reports it


def parse_series(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """A graph's kept series: (indicator IRI, [(period, value) …]) a line."""
    found = []
    for line in text.split("\n") if text else []:
        indicator, *pairs = line.split(" ")
        found.append((indicator, [(unquote(p), unquote(v)) for p, _, v in (pair.partition("=") for pair in pairs)]))
    return found


def _add_own_observations(store, graph: nx.DiGraph, graphs: list[URIRef], values: bool) -> None:
    own = ("SELECT ?indicator ?period ?value WHERE { GRAPH $g { ?o ssg:indicator "
           "?indicator ; ssg:refPeriod ?period ; ssg:value ?value . OPTIONAL { ?o ssg:gender ?gender } } "
           + TOTAL_ONLY + " }")
    if not values:
        own = "SELECT DISTINCT ?indicator WHERE { GRAPH $g { ?o ssg:indicator ?indicator ; ssg:value ?value } }"
    # one graph a query: with the graph from VALUES the store reads every graph's observations
    for one in graphs:
        for row in rows(store, bind(own, g=one)):
            _record_observation(graph, row["indicator"], row, "own")


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
