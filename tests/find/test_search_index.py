"""The search index is kept current by every write: import, re-import, a new version, drop,
load, SPARQL update and Graph Store writes; a search reads only the index (no store)."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Graph

from ssgraph import paths, services
from ssgraph.importing.importer import import_sources
from ssgraph.namespaces import ONTOLOGY_GRAPH
from ssgraph.search import index_for
from ssgraph.store import open_store

KUMLA = paths.REALDATA_DIR / "1881-kumla" / "A_miljoprogram_2012_2016.yaml"
TOKEN = "search-index-token"


def found(directory, query, **options) -> list[str]:
    """Names found for ``query``, from the index alone (``store=None``: a missing index would fail)."""
    index = index_for(directory)
    try:
        assert index.built()
    finally:
        index.close()
    outcome = services.search(None, directory, query, limit=200, **options)
    return [h.name for h in outcome.hits]


@pytest.fixture
def directory(tmp_path):
    directory = tmp_path / "store"
    store = open_store(directory)
    try:
        store.load([paths.ONTOLOGY_FILE], graph=str(ONTOLOGY_GRAPH))  # the classes' hierarchy
    finally:
        store.close()
    return directory


def kumla_graph(store) -> str:
    return next(info.iri for info in store.graphs() if "/org/1881/" in info.iri)


def test_import_reimport_new_version_and_drop(directory, tmp_path):
    store = open_store(directory)
    try:
        import_sources(store, [KUMLA])
        assert found(directory, "giftfri") == ["GIFTFRI MILJÖ (MILJÖMÅL 4)"]
        assert found(directory, "klimatpåverkan", kinds=["goal"]) == ["BEGRÄNSAD KLIMATPÅVERKAN (MILJÖMÅL 1)"]

        changed = tmp_path / KUMLA.name  # the same version again, one goal reworded
        changed.write_text(KUMLA.read_text(encoding="utf-8").replace("GIFTFRI MILJÖ", "RENT GRUNDVATTEN"),
                           encoding="utf-8")
        import_sources(store, [changed])
        assert found(directory, "giftfri") == []
        assert found(directory, "grundvattnet") == ["RENT GRUNDVATTEN (MILJÖMÅL 4)"]

        newer = tmp_path / "newer.yaml"  # a later version: the first one is archived
        newer.write_text(changed.read_text(encoding="utf-8")
                         .replace("version: Miljöprogram 2012-2016 – lokala miljömål", "version: Miljöprogram 2017")
                         .replace("  year: 2012\n  illustrative", "  year: 2017\n  illustrative")
                         .replace("RENT GRUNDVATTEN", "LEVANDE SJÖAR"), encoding="utf-8")
        import_sources(store, [newer])
        assert found(directory, "grundvatten") == []
        assert found(directory, "grundvatten", all_versions=True) == ["RENT GRUNDVATTEN (MILJÖMÅL 4)"]
        assert found(directory, "sjöarna") == ["LEVANDE SJÖAR (MILJÖMÅL 4)"]

        store.drop_graphs([info.iri for info in store.graphs() if "/org/1881/" in info.iri])
        assert found(directory, "sjöar") == [] and found(directory, "klimat", all_versions=True) == []
    finally:
        store.close()


def test_load_and_sparql_update(directory, tmp_path):
    graph = "https://w3id.org/ssgraph/graph/org/9999/test"
    turtle = tmp_path / "goal.ttl"
    turtle.write_text('@prefix ssg: <https://w3id.org/ssgraph/ontology#> .\n'
                      '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
                      '<https://w3id.org/ssgraph/id/org/9999/goal/1> a ssg:OperationalGoal ;\n'
                      '  ssg:organisation <https://w3id.org/ssgraph/id/org/9999> ;\n'
                      '  rdfs:label "Cykelvägarna ska bli fler"@sv .\n', encoding="utf-8")
    store = open_store(directory)
    try:
        store.load([turtle], graph=graph)
        assert found(directory, "cykelväg") == ["Cykelvägarna ska bli fler"]
        assert found(directory, "cykelväg", orgs=["9999"], kinds=["goal"]) == ["Cykelvägarna ska bli fler"]
        store.update(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            f"DELETE {{ GRAPH <{graph}> {{ ?g rdfs:label ?l }} }}\n"
            f"INSERT {{ GRAPH <{graph}> {{ ?g rdfs:label \"Gångvägarna ska bli tryggare\"@sv }} }}\n"
            f"WHERE {{ GRAPH <{graph}> {{ ?g rdfs:label ?l }} }}")
        assert found(directory, "cykelväg") == []
        assert found(directory, "trygg gångväg") == ["Gångvägarna ska bli tryggare"]
        store.update(f"DROP GRAPH <{graph}>")
        assert found(directory, "gångväg") == []
    finally:
        store.close()


def test_graph_store_writes(directory):
    from ssgraph.web import create_app

    graph = "https://w3id.org/ssgraph/graph/org/9998/gsp"
    body = ('<https://w3id.org/ssgraph/id/org/9998/indicator/1> a <https://w3id.org/ssgraph/ontology#Indicator> ;\n'
            '  <http://www.w3.org/2000/01/rdf-schema#label> "Andel förnybar energi"@sv .\n')
    app = create_app({"store": str(directory), "update_token": TOKEN, "query_workers": 1})
    try:
        client = app.test_client()
        auth = {"Authorization": f"Bearer {TOKEN}"}
        response = client.put("/graphs", query_string={"graph": graph}, data=body, content_type="text/turtle",
                              headers=auth)
        assert response.status_code in (201, 204), response.data
        assert found(directory, "förnybara", kinds=["indicator"]) == ["Andel förnybar energi"]
        web = client.get("/api/search", query_string={"q": "energin"}).get_json()
        assert [h["name"] for h in web["hits"]] == ["Andel förnybar energi"]
        assert client.delete("/graphs", query_string={"graph": graph}, headers=auth).status_code in (200, 204)
        assert found(directory, "energi") == []
    finally:
        app.extensions["ssgraph"].close()


def test_a_store_without_an_index_is_indexed_at_the_first_search(directory):
    store = open_store(directory)
    try:
        import_sources(store, [KUMLA])
    finally:
        store.close()
    for suffix in ("", "-wal", "-shm"):
        (directory / f"search-index.sqlite{suffix}").unlink(missing_ok=True)
    store = open_store(directory, read_only=True)
    try:
        assert [h.name for h in services.search(store, None, "giftfria").hits] == ["GIFTFRI MILJÖ (MILJÖMÅL 4)"]
    finally:
        store.close()
    shutil.rmtree(directory)


def test_a_new_class_hierarchy_reindexes_everything(tmp_path):
    """Data loaded before the ontology: its steering document (typed only as ssg:Plan) is
    found as a document once the ontology says a plan is a steering document."""
    graph = "https://w3id.org/ssgraph/graph/org/9997/plan"
    turtle = tmp_path / "plan.ttl"
    turtle.write_text('@prefix ssg: <https://w3id.org/ssgraph/ontology#> .\n'
                      '@prefix dcterms: <http://purl.org/dc/terms/> .\n'
                      '<https://w3id.org/ssgraph/id/org/9997/document/p1> a ssg:Plan ;\n'
                      '  dcterms:title "Plan för cykeltrafik"@sv .\n', encoding="utf-8")
    directory = tmp_path / "store"
    store = open_store(directory)
    try:
        store.load([turtle], graph=graph)
        assert found(directory, "cykeltrafiken", kinds=["document"]) == []
        store.replace_graphs({str(ONTOLOGY_GRAPH): Graph().parse(paths.ONTOLOGY_FILE)})
        assert found(directory, "cykeltrafiken", kinds=["document"]) == ["Plan för cykeltrafik"]
    finally:
        store.close()
