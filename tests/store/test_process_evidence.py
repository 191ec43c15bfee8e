"""The evidence counts of the SS 854000 process elements (store/process_evidence.py,
queries/derived/process_evidence.ru) stay equal to counting the data itself after every kind
of write: import, re-import, a new version, drop, load, SPARQL update, and a change of the
standard's definitions; the library query cycle_status reads them and answers as counting the
data would."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from ssgraph import paths
from ssgraph.analysis import cycle
from ssgraph.importing.importer import import_sources
from ssgraph.namespaces import sparql_prefixes
from ssgraph.queries import load_library
from ssgraph.store import process_evidence
from ssgraph.store.binding import bind
from ssgraph.store.derived import SUMMARIES_GRAPH

SSG = "https://w3id.org/ssgraph/ontology#"
KUMLA = paths.REALDATA_DIR / "1881-kumla" / "A_miljoprogram_2012_2016.yaml"
STENUNGSUND = sorted((paths.REALDATA_DIR / "1415-stenungsund").glob("*.yaml"))  # four versions
ELEMENT = "https://w3id.org/ssgraph/ref/ss854000/element-"

COUNTED = f"""
PREFIX ssg: <{SSG}>
SELECT ?g ?element ?n WHERE {{
  GRAPH <{SUMMARIES_GRAPH}> {{ ?row a ssg:EvidenceCount ; ssg:summaryOf ?g ; ssg:evidenceOf ?element ; ssg:evidenceCount ?n }}
}}"""
# the same, straight from the data: every organisation graph, every element with evidence
DIRECT = f"""
PREFIX ssg: <{SSG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?element (COUNT(DISTINCT ?evidence) AS ?n) WHERE {{
  GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "https://w3id.org/ssgraph/graph/org/"))
  ?element a ssg:ProcessElement .
  {{ ?element ssg:evidenceClass ?class . ?type rdfs:subClassOf* ?class . GRAPH ?g {{ ?evidence a ?type }} }}
  UNION {{ ?element ssg:evidenceProperty ?property . GRAPH ?g {{ ?evidence ?property ?value }} }}
}} GROUP BY ?g ?element"""


def counted(store) -> dict[tuple[str, str], int]:
    return {(str(r["g"]), str(r["element"])): int(r["n"]) for r in store.select(COUNTED)}


def direct(store) -> dict[tuple[str, str], int]:
    # "isCurrentVersion" is not in the text: over every graph, archived versions too
    return {(str(r["g"]), str(r["element"])): int(r["n"]) for r in store.select(DIRECT)}


def assert_current(store) -> None:
    assert counted(store) == direct(store)
    assert process_evidence.is_current(store)


@pytest.fixture
def store(stenungsund_store):
    return stenungsund_store


def kumla_graphs(store) -> list[str]:
    return [g for g in store.graph_names() if "/org/1881/" in g]


def test_import_reimport_new_version_and_drop(store, tmp_path):
    assert_current(store)
    import_sources(store, [KUMLA])
    assert_current(store)
    assert [n for (g, e), n in counted(store).items() if "/org/1881/" in g and e == ELEMENT + "goals"] != []

    changed = tmp_path / KUMLA.name  # the same version again, with a goal less
    text = KUMLA.read_text(encoding="utf-8")
    changed.write_text(text.replace("GIFTFRI MILJÖ", "RENT GRUNDVATTEN"), encoding="utf-8")
    import_sources(store, [changed])
    assert_current(store)

    newer = tmp_path / "newer.yaml"  # a later version: two graphs, each counted
    newer.write_text(text.replace("version: Miljöprogram 2012-2016 – lokala miljömål", "version: Miljöprogram 2017")
                     .replace("  year: 2012\n  illustrative", "  year: 2017\n  illustrative"), encoding="utf-8")
    import_sources(store, [newer])
    assert len(kumla_graphs(store)) == 2
    assert_current(store)

    store.drop_graphs(kumla_graphs(store))
    assert not [g for g, _ in counted(store) if "/org/1881/" in g]
    assert_current(store)


def test_load_and_sparql_updates(store, tmp_path):
    graph = "https://w3id.org/ssgraph/graph/org/9999/test"
    turtle = tmp_path / "plan.ttl"
    turtle.write_text(f"@prefix ssg: <{SSG}> .\n<http://example.org/plan> a ssg:ActionPlan .\n"
                      f"<http://example.org/activity> a ssg:Activity ; ssg:implementsGoal <http://example.org/goal> .\n",
                      encoding="utf-8")
    store.load([turtle], graph=graph)
    assert counted(store)[(graph, ELEMENT + "action-plans")] == 1
    assert_current(store)

    store.update(f"PREFIX ssg: <{SSG}> INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/other> ssg:implementsGoal "
                 "<http://example.org/goal> } }")
    assert counted(store)[(graph, ELEMENT + "activities")] == 2
    assert_current(store)

    # an update whose graphs the text does not name
    store.update(f"PREFIX ssg: <{SSG}> DELETE {{ GRAPH ?g {{ ?s ssg:implementsGoal ?goal }} }} "
                 "WHERE { GRAPH ?g { ?s ssg:implementsGoal ?goal } }")
    assert_current(store)
    assert counted(store)[(graph, ELEMENT + "activities")] == 1

    store.add_triples(graph, Graph().parse(data=f"<http://example.org/budget> a <{SSG}Budget> .", format="turtle"))
    assert_current(store)


def test_a_changed_definition_counts_every_graph_again(store):
    before = counted(store)
    standard = "https://w3id.org/ssgraph/graph/reference/standard"
    # the goals element is now shown by indicators instead
    store.update(f"PREFIX ssg: <{SSG}> DELETE DATA {{ GRAPH <{standard}> {{ <{ELEMENT}goals> ssg:evidenceClass ssg:Goal }} }} ;"
                 f"INSERT DATA {{ GRAPH <{standard}> {{ <{ELEMENT}goals> ssg:evidenceClass ssg:Indicator }} }}")
    assert_current(store)
    goals = {g: n for (g, e), n in counted(store).items() if e == ELEMENT + "goals"}
    indicators = {g: n for (g, e), n in counted(store).items() if e == ELEMENT + "indicators"}
    assert goals and goals != {g: n for (g, e), n in before.items() if e == ELEMENT + "goals"}
    assert set(goals) <= set(indicators)


def test_a_store_without_counts_is_counted_from_the_data_until_its_next_write(store):
    expected = cycle.evidence_counts(store, None)
    store._apply(f"DROP GRAPH <{SUMMARIES_GRAPH}>")  # as a store made before the counts existed
    assert not process_evidence.is_current(store)
    assert cycle.evidence_counts(store, None) == expected  # counting the data itself
    store.update("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")  # any write
    assert_current(store)
    assert cycle.evidence_counts(store, None) == expected


def test_the_library_query_counts_a_version_in_the_structure_once(store):
    """Versions in the catalogue show the revision element; one that the goal structure also
    holds is not counted twice."""
    query = load_library()["cycle_status"].bind({"organisation": "1415"})
    revision = ELEMENT + "revision"

    def revisions() -> int:
        return next(int(r["evidenceCount"]) for r in store.select(query) if str(r["element"]) == revision)

    versions = store.select(f"PREFIX ssg: <{SSG}> SELECT ?v ?g WHERE {{ ?v ssg:versionOf <https://w3id.org/ssgraph/id/org/1415> ;"
                            " ssg:graph ?g ; ssg:isCurrentVersion true }")
    entry, graph = str(versions[0]["v"]), str(versions[0]["g"])
    before = revisions()
    assert before >= 1
    store.update(f"PREFIX ssg: <{SSG}> INSERT DATA {{ GRAPH <{graph}> {{ <{entry}> a ssg:GoalStructureVersion }} }}")
    assert revisions() == before
    store.update(f"PREFIX ssg: <{SSG}> INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/v> a ssg:GoalStructureVersion }} }}")
    assert revisions() == before + 1
    direct_rows = store.select(sparql_prefixes() + bind(cycle.DIRECT_COUNT_QUERY,
                                                         organisation=URIRef("https://w3id.org/ssgraph/id/org/1415")))
    assert {str(r["element"]): int(r["evidenceCount"]) for r in direct_rows}[revision] == before + 1
