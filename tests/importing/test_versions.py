"""Versions in the store: idempotent re-import, catalogue and current flag, diff, provenance."""

from __future__ import annotations

import datetime as dt

import pytest
from importing_samples import NOW

from ssgraph.errors import InputError
from ssgraph.importing.importer import import_sources
from ssgraph.importing.versions import list_versions, set_current_version
from ssgraph.services import diff as diff_structures
from ssgraph.namespaces import CATALOG_GRAPH, sparql_prefixes

V2024 = "https://w3id.org/ssgraph/graph/org/0480/mal-och-budget-2024"
V2025 = "https://w3id.org/ssgraph/graph/org/0480/mal-och-budget-2025"


def next_version(rows):
    rows["organisation"][0]["version"] = "Mål och budget 2025"
    rows["goals"][1]["text"] = "Fossilfria fordon i all verksamhet"  # reworded
    rows["goals"].append({"id": "G1.2", "parent": "G1", "level": "nämnd", "text": "Mer solenergi"})  # added
    del rows["goals"][2]  # G1.1.1 removed
    rows["indicators"][0]["goal"] = "G1.1"
    rows["activities"][0]["goal"] = "G1.1"
    return rows


def graph_triples(store, iri):
    return {tuple(t) for t in store.graph(iri)}


def test_reimport_gives_the_same_iris_and_triple_count(store, small_rows, workbook_of):
    path = workbook_of(small_rows)
    import_sources(store, [path], now=NOW)
    first = store.graph(V2024)
    counts = {g.iri: g.triples for g in store.graphs()}
    import_sources(store, [path], now=NOW + dt.timedelta(days=3))
    second = store.graph(V2024)
    assert {g.iri: g.triples for g in store.graphs()} == counts
    assert set(first.subjects()) == set(second.subjects())
    assert len(first) == len(second)
    assert [v.label for v in list_versions(store, "0480")] == ["Mål och budget 2024"]


def test_every_goal_traces_to_its_sheet_and_row(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows)], now=NOW)
    rows = store.select(sparql_prefixes() + """
        SELECT ?id ?file ?sheet ?row ?tool ?time WHERE {
          ?goal a ssg:Goal ; dcterms:identifier ?id ;
                prov:wasDerivedFrom [ ssg:sourceFile ?file ; ssg:sheet ?sheet ; ssg:row ?row ] ;
                prov:wasGeneratedBy [ prov:startedAtTime ?time ; prov:wasAssociatedWith ?tool ] .
        } ORDER BY ?row""")
    assert [(str(r["id"]), str(r["file"]), str(r["sheet"]), int(r["row"])) for r in rows] == [
        ("G1", "filled.xlsx", "Mål", 2), ("G1.1", "filled.xlsx", "Mål", 3), ("G1.1.1", "filled.xlsx", "Mål", 4),
        ("G0", "filled.xlsx", "Mål", 5)]
    assert str(rows[0]["tool"]).startswith("https://w3id.org/ssgraph/id/tool/ssgraph/")
    assert str(rows[0]["time"]).startswith("2024-05-01T12:00:00")


def test_newest_import_is_current_and_old_versions_stay_queryable(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows, "v2024.xlsx")], now=NOW)
    import_sources(store, [workbook_of(next_version(small_rows), "v2025.xlsx")], now=NOW)
    versions = {v.label: v.current for v in list_versions(store, "0480")}
    assert versions == {"Mål och budget 2024": False, "Mål och budget 2025": True}
    # the default graph holds current versions only: every goal is counted once
    count = store.select(sparql_prefixes() + "SELECT (COUNT(DISTINCT ?g) AS ?n) (COUNT(?l) AS ?labels) "
                         "WHERE { ?g a ssg:Goal ; rdfs:label ?l }")[0]
    assert (int(count["n"]), int(count["labels"])) == (3, 3)
    # the earlier version is reachable on purpose
    old = store.select(sparql_prefixes() + f"SELECT ?l WHERE {{ GRAPH <{V2024}> {{ ?g dcterms:identifier 'G1.1.1' ; rdfs:label ?l }} }}")
    assert [str(r["l"]) for r in old] == ["Elbilar i hemtjänsten"]


def test_not_current_keeps_the_current_version(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows, "v2024.xlsx")], now=NOW)
    import_sources(store, [workbook_of(next_version(small_rows), "v2025.xlsx")], now=NOW, make_current=False)
    assert {v.label: v.current for v in list_versions(store, "0480")} == {
        "Mål och budget 2024": True, "Mål och budget 2025": False}
    set_current_version(store, "0480", "mal-och-budget-2025")
    assert {v.label: v.current for v in list_versions(store, "0480")} == {
        "Mål och budget 2024": False, "Mål och budget 2025": True}


def test_first_version_is_current_even_when_not_asked(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows)], now=NOW, make_current=False)
    assert [v.current for v in list_versions(store, "0480")] == [True]


def test_exactly_one_current_version_per_organisation(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows, "v2024.xlsx")], now=NOW)
    import_sources(store, [workbook_of(next_version(small_rows), "v2025.xlsx")], now=NOW)
    import_sources(store, [workbook_of(small_rows, "again.xlsx")], now=NOW)  # 2025 again
    rows = store.select(sparql_prefixes() + f"""
        SELECT ?org (COUNT(?v) AS ?n) WHERE {{ GRAPH <{CATALOG_GRAPH}> {{
          ?v ssg:versionOf ?org ; ssg:isCurrentVersion true }} }} GROUP BY ?org""")
    assert [(str(r["org"]), int(r["n"])) for r in rows] == [("https://w3id.org/ssgraph/id/org/0480", 1)]


def test_diff_lists_added_removed_and_reworded_goals(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows, "v2024.xlsx")], now=NOW)
    import_sources(store, [workbook_of(next_version(small_rows), "v2025.xlsx")], now=NOW)
    diff = diff_structures(store, "0480@Mål och budget 2024", "0480@mal-och-budget-2025")
    assert [c.identifier for c in diff.added] == ["G1.2"]
    assert [c.identifier for c in diff.removed] == ["G1.1.1"]
    assert [(c.identifier, c.text_a, c.text_b) for c in diff.reworded] == [
        ("G1.1", "Fossilfria fordon", "Fossilfria fordon i all verksamhet")]


def test_diff_names_the_versions_that_exist(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows)], now=NOW)
    with pytest.raises(InputError) as caught:
        diff_structures(store, "0480@Mål och budget 2024", "0480@Mål och budget 1999")
    assert "Mål och budget 2024" in caught.value.render("en")


def test_base_iri_is_configurable(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows)], base="https://data.example.se/id", now=NOW)
    assert store.ask("ASK { <https://data.example.se/id/org/0480/goal/G1.1> ?p ?o }")
    assert list_versions(store, "0480")[0].iri == "https://data.example.se/id/org/0480/version/mal-och-budget-2024"


def test_rdf_is_passed_through_into_the_version_graph(store, tmp_path):
    data = tmp_path / "goals.ttl"
    data.write_text(
        "@prefix ssg: <https://w3id.org/ssgraph/ontology#> .\n"
        "<https://w3id.org/ssgraph/id/org/1440/goal/X> a ssg:Goal .\n", encoding="utf-8")
    import_sources(store, [data], org="1440", version="Från RDF", now=NOW)
    graph = "https://w3id.org/ssgraph/graph/org/1440/fran-rdf"
    assert store.ask(f"ASK {{ GRAPH <{graph}> {{ <https://w3id.org/ssgraph/id/org/1440/goal/X> a ?c }} }}")
    assert [v.graph for v in list_versions(store, "1440")] == [graph]


def test_a_unique_part_of_the_label_names_a_version(store, small_rows, workbook_of):
    import_sources(store, [workbook_of(small_rows, "v2024.xlsx")], now=NOW)
    import_sources(store, [workbook_of(next_version(small_rows), "v2025.xlsx")], now=NOW)
    assert diff_structures(store, "0480@2024", "0480@2025").added[0].identifier == "G1.2"
    with pytest.raises(InputError):
        diff_structures(store, "0480@Mål och budget", "0480@2025")  # ambiguous
