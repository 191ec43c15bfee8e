"""Derived facts kept with the data: summaries of each goal structure version, counted once
at every write instead of at every query.

The rules are SPARQL Update files in ``queries/derived/`` (``goal_counts.ru``: goals per
version in all, per goal level, dimension, aspect, public-health area, environmental
objective and SDG, and the SDGs a version touches), written into the graph
``ssggraph:summaries``: one for each graph (``$graph``, a bound term), or one for a list of
graphs (``VALUES ?g { }``). After every write through a store (load, update, graph replacement
or drop, Graph Store writes) the store runs them for the organisation graphs that changed:
the graphs it wrote, or — after a load or an update whose graphs it cannot know — every
organisation graph whose triple count differs from the one its summaries were counted at,
and every summary whose graph is gone. With them the evidence of the SS 854000 process
elements in each graph (``process_evidence.ru``, run graph by graph by
``store.process_evidence``, which also counts every graph again when the standard's
definitions change), and the series of values of each indicator (``indicator_series.ru``,
run graph by graph by ``store.indicator_series``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ssgraph import paths
from ssgraph.namespaces import ORGANISATION_GRAPHS, SUMMARIES_GRAPH
from ssgraph.store import indicator_series, process_evidence
from ssgraph.store.binding import bind, iri

_NO_GRAPHS = "VALUES ?g { }"

UNCOUNTED_QUERY = f"""
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT ?g WHERE {{
  GRAPH ?g {{ }}
  FILTER(STRSTARTS(STR(?g), "{ORGANISATION_GRAPHS}"))
  FILTER NOT EXISTS {{ GRAPH <{SUMMARIES_GRAPH}> {{ ?row ssg:summaryOf ?g ; ssg:sourceTripleCount ?counted }} }}
}}"""
# the triple count of each graph that has summaries, against the count they were made at
STALE_QUERY = f"""
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT ?g ?triples ?counted WHERE {{
  {{ SELECT DISTINCT ?g ?counted WHERE {{
      GRAPH <{SUMMARIES_GRAPH}> {{ ?row ssg:summaryOf ?g ; ssg:sourceTripleCount ?counted }} }} }}
  {{ SELECT ?g (COUNT(*) AS ?triples) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g }}
}}"""
ORPHANS_QUERY = f"""
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT DISTINCT ?g WHERE {{
  GRAPH <{SUMMARIES_GRAPH}> {{ ?row ssg:summaryOf ?g }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }}
}}"""


GRAPH_RULES = ("goal_counts.ru",)  # run for one graph at a time (process_evidence.ru, indicator_series.ru: by their modules)


def _rule_texts() -> list[tuple[str, str]]:
    return [(path.name, path.read_text(encoding="utf-8"))
            for path in sorted((paths.QUERIES_DIR / "derived").glob("*.ru"))]


@lru_cache(maxsize=1)
def _rules() -> str:
    """The rules run for a list of graphs (``VALUES ?g { }``)."""
    return "\n".join(text for _, text in _rule_texts() if _NO_GRAPHS in text)


@lru_cache(maxsize=1)
def _graph_rules() -> tuple[str, str]:
    """The prologue (PREFIX lines) and body of the rules run for one graph at a time
    (``$graph``): Oxigraph takes a prologue only at the start of an update, so the bodies
    for several graphs share one."""
    lines = [line for name, text in _rule_texts() if name in GRAPH_RULES for line in text.splitlines()]
    prologue = dict.fromkeys(line for line in lines if line.startswith("PREFIX "))
    body = "\n".join(line for line in lines if not line.startswith(("PREFIX ", "#")))
    return "\n".join(prologue), body


def update_texts(graphs: Iterable[str]) -> list[str]:
    """The derivation updates for these graphs (their summaries removed, then counted again)."""
    graphs = list(graphs)
    prologue, body = _graph_rules()
    texts = [prologue + "\n" + " ;\n".join(bind(body, graph=iri(g)) for g in graphs)] if body.strip() else []
    if _rules():
        texts.append(_rules().replace(_NO_GRAPHS, "VALUES ?g { " + " ".join(f"<{iri(g)}>" for g in graphs) + " }"))
    return texts


def stale_graphs(store) -> list[str]:
    """Organisation graphs whose summaries are missing or counted at another size, and
    graphs that are gone but still have summaries."""
    stale = {str(row["g"]) for row in store.select(UNCOUNTED_QUERY)}  # cheap: graph names only
    stale |= {str(row["g"]) for row in store.select(STALE_QUERY) if int(row["counted"]) != int(row["triples"])}
    stale |= {str(row["g"]) for row in store.select(ORPHANS_QUERY)}
    return sorted(stale)


_IRI = re.compile(r"<([^<>\s]*)>")
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>", re.IGNORECASE)
_VARIABLE_GRAPH = re.compile(r"\b(GRAPH|WITH|INTO|FROM|USING)\s+(NAMED\s+)?[?$]|\b(CLEAR|DROP|MOVE|COPY|ADD)\s+(SILENT\s+)?(ALL|NAMED)\b",
                             re.IGNORECASE)


def iris_an_update_names(text: str) -> set[str] | None:
    """Every IRI an update text names (full or prefixed), among them the graphs it writes;
    None when it may write graphs it does not name (a variable graph, ALL, NAMED)."""
    if _VARIABLE_GRAPH.search(text):
        return None
    named = {m.group(1) for m in _IRI.finditer(_PREFIX.sub(" ", text))}
    for prefix, namespace in _PREFIX.findall(text):
        named |= {namespace + local for local in re.findall(rf"(?<![\w<]){re.escape(prefix)}:([^\s;,.{{}}()]+)", text)}
    return named


def graphs_an_update_names(text: str) -> set[str] | None:
    """The organisation graphs an update text names (full or prefixed IRIs); None when it
    may write graphs it does not name (a variable graph, ALL, NAMED)."""
    named = iris_an_update_names(text)
    return None if named is None else {g for g in named if g.startswith(ORGANISATION_GRAPHS)}


def refresh(store, graphs: Iterable[str] | None = None) -> list[str]:
    """Count the summaries again for ``graphs`` (None: whichever are stale); returns them."""
    targets = stale_graphs(store) if graphs is None else sorted({g for g in graphs if g.startswith(ORGANISATION_GRAPHS)})
    if targets:
        for text in update_texts(targets):
            store._apply(text)
    # the evidence of the process elements after the goal counts, whose removal of the
    # graphs' earlier summaries takes its rows too (two updates: a prologue only at the start)
    evidence = process_evidence.update_text(store, targets)
    if evidence:
        store._apply(evidence)
    series = indicator_series.update_text(store, targets)
    if series:
        store._apply(series)
    return targets


def all_organisation_graphs(store) -> list[str]:
    rows = store.select(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{ORGANISATION_GRAPHS}")) }}')
    return sorted({str(row["g"]) for row in rows} | set(stale_graphs(store)))


def refresh_after_update(store, text: str) -> list[str]:
    """After an update: the graphs it names, and whichever changed size; every organisation
    graph when it may have written graphs it does not name."""
    named = graphs_an_update_names(text)
    if named is None:
        return refresh(store, all_organisation_graphs(store))
    return refresh(store, sorted(named | set(stale_graphs(store))))
