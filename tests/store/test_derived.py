"""The derived goal counts (store/derived.py, queries/derived/goal_counts.ru) stay equal to
counting the data itself after every kind of write: load, re-import (graph replacement),
update, Graph Store write and drop."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Graph, URIRef
from stores import build_fixture_store

from ssgraph.store import open_store
from ssgraph.store.derived import SUMMARIES_GRAPH, graphs_an_update_names, stale_graphs

SSG = "https://w3id.org/ssgraph/ontology#"
PROPERTIES = ("goalLevel", "dimension", "aspect", "addressesPublicHealthArea", "addressesEnvironmentalObjective")

SUMMARY_ROWS = f"""
PREFIX ssg: <{SSG}>
SELECT ?g ?by ?value ?goals WHERE {{
  GRAPH <{SUMMARIES_GRAPH}> {{
    ?row ssg:summaryOf ?g ; ssg:goalCount ?goals .
    OPTIONAL {{ ?row ssg:groupedBy ?by ; ssg:groupValue ?value }}
  }}
}}"""

# the same counts, straight from the data
DIRECT_TOTALS = f"""
PREFIX ssg: <{SSG}>
SELECT ?g (COUNT(DISTINCT ?goal) AS ?goals) WHERE {{
  GRAPH ?g {{ ?goal a ssg:Goal }} FILTER(STRSTARTS(STR(?g), "https://w3id.org/ssgraph/graph/org/"))
}} GROUP BY ?g"""
DIRECT_BY_PROPERTY = f"""
PREFIX ssg: <{SSG}>
SELECT ?g ?by ?value (COUNT(DISTINCT ?goal) AS ?goals) WHERE {{
  VALUES ?by {{ {" ".join("ssg:" + p for p in PROPERTIES)} }}
  GRAPH ?g {{ ?goal a ssg:Goal ; ?by ?value }} FILTER(STRSTARTS(STR(?g), "https://w3id.org/ssgraph/graph/org/"))
}} GROUP BY ?g ?by ?value"""


def summaries(store) -> set[tuple]:
    return {(str(r["g"]), str(r.get("by", "")), str(r.get("value", "")), int(r["goals"]))
            for r in store.select(SUMMARY_ROWS)
            if str(r.get("by", "")) != SSG + "addressesSDG"}


def counted(store) -> set[tuple]:
    rows = {(str(r["g"]), "", "", int(r["goals"])) for r in store.select(DIRECT_TOTALS)}
    rows |= {(str(r["g"]), str(r["by"]), str(r["value"]), int(r["goals"])) for r in store.select(DIRECT_BY_PROPERTY)}
    return rows


@pytest.fixture
def store(tmp_path):
    directory = build_fixture_store(tmp_path / "store")
    handle = open_store(directory)
    yield handle
    handle.close()


def a_goal_graph(store) -> str:
    rows = store.select(f"PREFIX ssg: <{SSG}> SELECT ?g (COUNT(?goal) AS ?n) WHERE {{ GRAPH ?g {{ ?goal a ssg:Goal }} "
                        'FILTER(STRSTARTS(STR(?g), "https://w3id.org/ssgraph/graph/org/")) } GROUP BY ?g ORDER BY DESC(?n)')
    return str(rows[0]["g"])


def test_after_a_load_the_counts_are_the_datas(store):
    assert summaries(store) == counted(store)
    assert stale_graphs(store) == []


def test_reimport_replaces_the_counts(store):
    graph = a_goal_graph(store)
    content = store.graph(graph)
    goal = next(iter(content.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(SSG + "Goal"))))
    smaller = Graph()
    for triple in content:
        if goal not in (triple[0], triple[2]):
            smaller.add(triple)
    store.replace_graphs({graph: smaller})
    assert summaries(store) == counted(store)


def test_an_update_of_the_same_size_is_counted_again(store):
    graph = a_goal_graph(store)
    row = store.select(f"PREFIX ssg: <{SSG}> SELECT ?goal ?level WHERE {{ GRAPH <{graph}> {{ ?goal ssg:goalLevel ?level }} }} LIMIT 1")[0]
    other = "https://w3id.org/ssgraph/ref/ss854000/level-operational"
    store.update(f"PREFIX ssg: <{SSG}> DELETE DATA {{ GRAPH <{graph}> {{ <{row['goal']}> ssg:goalLevel <{row['level']}> }} }} ; "
                 f"INSERT DATA {{ GRAPH <{graph}> {{ <{row['goal']}> ssg:goalLevel <{other}> }} }}")
    assert summaries(store) == counted(store)


def test_an_update_through_a_variable_graph_is_counted_again(store):
    store.update(f"PREFIX ssg: <{SSG}> DELETE {{ GRAPH ?g {{ ?goal ssg:aspect ?a }} }} WHERE {{ GRAPH ?g {{ ?goal ssg:aspect ?a }} }}")
    assert summaries(store) == counted(store)
    assert not [row for row in summaries(store) if row[1] == SSG + "aspect"]


def test_a_graph_store_write_and_a_drop(store):
    graph = a_goal_graph(store)
    store.add_triples(graph, Graph().parse(data=f"<http://example.org/g> a <{SSG}Goal> ; <{SSG}dimension> "
                                                f"<https://w3id.org/ssgraph/ref/ss854000/social> .", format="turtle"))
    assert summaries(store) == counted(store)
    store.drop_graphs([graph])
    assert not [row for row in summaries(store) if row[0] == graph]
    assert summaries(store) == counted(store)


def test_a_store_copied_without_its_summaries_notices_them_stale(tmp_path):
    directory = build_fixture_store(tmp_path / "store")
    with open_store(directory) as store:
        store._apply(f"DROP GRAPH <{SUMMARIES_GRAPH}>")
        assert stale_graphs(store)
        store.update("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")  # any write
        assert summaries(store) == counted(store)
    shutil.rmtree(directory)


@pytest.mark.parametrize("text, expected", [
    ("INSERT DATA { GRAPH <https://w3id.org/ssgraph/graph/org/0480/v> { <a> <b> <c> } }",
     {"https://w3id.org/ssgraph/graph/org/0480/v"}),
    ("PREFIX g: <https://w3id.org/ssgraph/graph/org/> CLEAR GRAPH g:1440/v", {"https://w3id.org/ssgraph/graph/org/1440/v"}),
    ("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", None),
    ("DROP ALL", None),
    ("INSERT DATA { <a> <b> <c> }", set()),
])
def test_which_graphs_an_update_names(text, expected):
    assert graphs_an_update_names(text) == expected
