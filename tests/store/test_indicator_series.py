"""The series of values kept for each indicator (store/indicator_series.py,
queries/derived/indicator_series.ru) stay equal to reading the observations themselves after
every kind of write: import, re-import, a new version, drop, load, SPARQL update and Graph Store
write; a store without them (made before them, or with another rule) is read from the
observations until its next write; and the goal graph's indicator values are the same either way."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import Graph

from ssgraph import paths
from ssgraph.analysis import goal_graph
from ssgraph.analysis.indicator_values import parse_series
from ssgraph.importing.importer import import_sources
from ssgraph.namespaces import SUMMARIES_GRAPH
from ssgraph.store import indicator_series
from ssgraph.store.payload import parse_triples

SSG = "https://w3id.org/ssgraph/ontology#"
KUMLA = paths.REALDATA_DIR / "1881-kumla" / "A_miljoprogram_2012_2016.yaml"
STENUNGSUND = sorted((paths.REALDATA_DIR / "1415-stenungsund").glob("*.yaml"))  # four versions, some with values
GRAPH = "https://w3id.org/ssgraph/graph/org/9999/test"

KEPT = f"""
PREFIX ssg: <{SSG}>
SELECT ?g ?series WHERE {{
  GRAPH <{SUMMARIES_GRAPH}> {{ ?row a ssg:IndicatorSeries ; ssg:summaryOf ?g ; ssg:seriesValues ?series }}
}}"""
# the same, straight from the observations of every organisation graph
OBSERVED = f"""
PREFIX ssg: <{SSG}>
SELECT ?g ?indicator ?period ?value WHERE {{
  GRAPH ?g {{ ?o ssg:indicator ?indicator ; ssg:refPeriod ?period ; ssg:value ?value . OPTIONAL {{ ?o ssg:gender ?gender }} }}
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/ssgraph/graph/org/"))
  FILTER(!BOUND(?gender) || STRENDS(STR(?gender), "gender-T"))
}}"""


def kept(store) -> dict[tuple[str, str], list[tuple[str, str]]]:
    found = {}
    for row in store.select(KEPT):
        assert str(row["series"])  # a graph without values has no row
        for indicator, pairs in parse_series(str(row["series"])):
            found[(str(row["g"]), indicator)] = sorted(pairs)
    return found


def observed(store) -> dict[tuple[str, str], list[tuple[str, str]]]:
    found = defaultdict(list)
    for row in store.select(OBSERVED):
        found[(str(row["g"]), str(row["indicator"]))].append((str(row["period"]), str(row["value"])))
    return {key: sorted(pairs) for key, pairs in found.items()}


def assert_current(store) -> None:
    assert kept(store) == observed(store)
    assert indicator_series.is_current(store)


def observation(indicator: str, name: str, period: str, value: str, gender: str = "") -> str:
    split = f" ; ssg:gender <https://w3id.org/ssgraph/ref/kolada/gender-{gender}>" if gender else ""
    return (f"<http://example.org/obs/{name}> ssg:indicator <{indicator}> ; ssg:refPeriod \"{period}\" ; "
            f"ssg:value {value}{split} .\n")


@pytest.fixture
def store(stenungsund_store):
    return stenungsund_store


def test_import_reimport_new_version_and_drop(store, tmp_path):
    assert_current(store)
    assert [key for key in kept(store) if "/org/1415/" in key[0]] != []
    import_sources(store, [KUMLA])
    assert_current(store)

    text = KUMLA.read_text(encoding="utf-8")
    changed = tmp_path / KUMLA.name  # the same version again, with a goal less
    changed.write_text(text.replace("GIFTFRI MILJÖ", "RENT GRUNDVATTEN"), encoding="utf-8")
    import_sources(store, [changed])
    assert_current(store)

    newer = tmp_path / "newer.yaml"  # a later version: two graphs
    newer.write_text(text.replace("version: Miljöprogram 2012-2016 – lokala miljömål", "version: Miljöprogram 2017")
                     .replace("  year: 2012\n  illustrative", "  year: 2017\n  illustrative"), encoding="utf-8")
    import_sources(store, [newer])
    assert_current(store)

    stenungsund = [g for g in store.graph_names() if "/org/1415/" in g]
    store.drop_graphs(stenungsund)
    assert not [key for key in kept(store) if "/org/1415/" in key[0]]
    assert_current(store)


def test_load_updates_and_graph_store_writes(store, tmp_path):
    indicator = "http://example.org/indicator"
    turtle = tmp_path / "values.ttl"
    turtle.write_text(f"@prefix ssg: <{SSG}> .\n<{indicator}> a ssg:Indicator .\n"
                      + observation(indicator, "a", "2021", "1.5")
                      + observation(indicator, "b", "2022", '"2 000 kr"')  # a malformed value is kept as written
                      + observation(indicator, "c", "2022", "7", gender="K")  # a part of the split by gender: left out
                      + observation(indicator, "d", "2022", "9", gender="T"), encoding="utf-8")
    store.load([turtle], graph=GRAPH)
    assert kept(store)[(GRAPH, indicator)] == [("2021", "1.5"), ("2022", "2 000 kr"), ("2022", "9")]
    assert_current(store)

    store.update(f"PREFIX ssg: <{SSG}> INSERT DATA {{ GRAPH <{GRAPH}> {{ {observation(indicator, 'e', '2023', '3')} }} }}")
    assert ("2023", "3") in kept(store)[(GRAPH, indicator)]
    assert_current(store)

    # an update whose graphs the text does not name
    store.update(f"PREFIX ssg: <{SSG}> DELETE {{ GRAPH ?g {{ ?o ?p ?v }} }} WHERE {{ GRAPH ?g {{ ?o ssg:refPeriod \"2021\" ; ?p ?v }} }}")
    assert_current(store)
    assert ("2021", "1.5") not in kept(store)[(GRAPH, indicator)]

    store.add_triples(GRAPH, Graph().parse(data=f"@prefix ssg: <{SSG}> .\n" + observation(indicator, "f", "2024", "4"),
                                           format="turtle"))
    assert_current(store)

    put = parse_triples([(f"@prefix ssg: <{SSG}> .\n{observation(indicator, 'g', '2020', '8')}".encode(), "turtle", "put.ttl")],
                        GRAPH)
    store.write_graph(GRAPH, put, replace=True)  # Graph Store PUT: the graph holds this value only
    assert kept(store)[(GRAPH, indicator)] == [("2020", "8")]
    assert_current(store)
    store.write_graph(GRAPH, parse_triples([(b"", "turtle", "empty.ttl")], GRAPH), replace=True)
    assert not [key for key in kept(store) if key[0] == GRAPH]
    assert_current(store)


def test_a_store_without_series_reads_the_observations_until_its_next_write(store):
    def values(graph) -> dict[str, dict]:
        return {n: d["observations"] for n, d in graph.nodes(data=True) if d.get("observations")}

    expected = values(goal_graph.build_goal_graph(store, ["1415"], current_only=False))
    assert expected
    store._apply(f"PREFIX ssg: <{SSG}> DELETE WHERE {{ GRAPH <{SUMMARIES_GRAPH}> {{ <{indicator_series.DIGEST_ROW}> ssg:ruleDigest ?d }} }}")
    assert not indicator_series.is_current(store)  # as a store made before the series existed
    assert values(goal_graph.build_goal_graph(store, ["1415"], current_only=False)) == expected
    store.update("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")  # any write derives them
    assert_current(store)
    assert values(goal_graph.build_goal_graph(store, ["1415"], current_only=False)) == expected
