"""Graph Store Protocol and /update: a request is read and checked whole, then applied in one
transaction; a bad one is a 400 that changes nothing. Direct graph identification under
/graphs/…, the protocol's dataset and base IRI rules, and graphs made by POST /graphs."""

from __future__ import annotations

import io
import json
from urllib.parse import urlsplit

import pytest
from rdflib import Graph, Literal, URIRef

TOKEN = "gsp-token-91b7"  # the writable_app fixture reads it
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GRAPH = "http://example.org/kept"
TWO_TRIPLES = ('<http://example.org/a> <http://example.org/p> "ett" .\n'
               '<http://example.org/b> <http://example.org/p> "två" .\n')


def triples(writer, graph: str) -> set:
    response = writer.get("/graphs", query_string={"graph": graph}, headers={**AUTH, "Accept": "application/n-triples"})
    assert response.status_code == 200, response.data
    return set(Graph().parse(data=response.data, format="nt"))


@pytest.fixture
def kept(writer):
    assert writer.put("/graphs", query_string={"graph": GRAPH}, data=TWO_TRIPLES, content_type="text/turtle",
                      headers=AUTH).status_code in (201, 204)
    return triples(writer, GRAPH)


@pytest.mark.parametrize("body, content_type, reason", [
    ("<http://ex/a b> <http://ex/p> <http://ex/o> .", "text/turtle", "line 1"),  # parses in rdflib, not in SPARQL
    (json.dumps({"@id": "http://ex/a", "http://ex/p": {"@value": "x", "@language": "not a tag!"}}),
     "application/ld+json", "$.http://ex/p.@language"),
    ('<http://ex/a> <http://ex/p> "x"@sv-aaaaaaaaa .', "text/turtle", "line 1"),
    ("<http://ex/a> <http://ex/p> .", "application/n-triples", "line 1"),
    ("<http://ex/g> { <http://ex/a> <http://ex/p> 1 }", "application/trig", "graph"),
    ('{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://ex/a"}', "application/ld+json", "context"),
])
def test_put_of_a_bad_body_is_a_400_and_leaves_the_graph(writer, kept, body, content_type, reason):
    response = writer.put("/graphs", query_string={"graph": GRAPH, "lang": "en"}, data=body,
                          content_type=content_type, headers=AUTH)
    assert response.status_code == 400
    assert reason in json.loads(response.data)["error"]
    assert triples(writer, GRAPH) == kept


def test_multipart_with_one_bad_part_writes_none_of_them(writer, kept):
    data = {"good": (io.BytesIO(b"<http://ex/new> <http://ex/p> \"1\" ."), "good.nt", "application/n-triples"),
            "bad": (io.BytesIO(b"<http://ex/a b> <http://ex/p> \"1\" ."), "bad.nt", "application/n-triples")}
    response = writer.post("/graphs", query_string={"graph": GRAPH, "lang": "en"}, data=data,
                           content_type="multipart/form-data", headers=AUTH)
    assert response.status_code == 400
    assert "bad.nt" in json.loads(response.data)["error"]
    assert triples(writer, GRAPH) == kept


def test_post_graphs_with_a_bad_body_makes_no_graph(writer):
    before = writer.get("/sparql", query_string={"query": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }"})
    response = writer.post("/graphs", data="<http://ex/a b> <http://ex/p> 1 .", content_type="text/turtle",
                           headers=AUTH)
    assert response.status_code == 400
    after = writer.get("/sparql", query_string={"query": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }"})
    assert before.data == after.data


@pytest.mark.parametrize("update", [
    f'INSERT DATA {{ GRAPH <{GRAPH}> {{ <http://ex/extra> <http://ex/p> 1 }} }} ; CREATE GRAPH <{GRAPH}>',
    f'INSERT DATA {{ GRAPH <{GRAPH}> {{ <http://ex/extra> <http://ex/p> 1 }} }} ; DROP GRAPH <http://ex/missing>',
    f'DELETE DATA {{ GRAPH <{GRAPH}> {{ <http://example.org/a> <http://example.org/p> "ett" }} }} ; LOAD <http://ex/x>',
])
def test_an_update_that_fails_part_way_changes_nothing(writer, kept, update):
    response = writer.post("/update", data=update, content_type="application/sparql-update",
                           headers={**AUTH, "Accept-Language": "en"})
    assert response.status_code in (400, 403)
    if response.status_code == 400:
        assert "nothing changed" in json.loads(response.data)["error"]
    assert triples(writer, GRAPH) == kept


def test_relative_iris_in_an_update_resolve_against_the_endpoint(writer):
    response = writer.post("/update", data="INSERT DATA { GRAPH <http://ex/rel> { <thing> <http://ex/p> <#x> } }",
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 204
    assert triples(writer, "http://ex/rel") == {
        (URIRef("http://localhost/thing"), URIRef("http://ex/p"), URIRef("http://localhost/update#x"))}


def test_only_named_graphs_means_an_empty_default_graph(writer, kept):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    response = writer.get("/sparql", query_string={"query": query, "named-graph-uri": GRAPH})
    assert json.loads(response.data)["results"]["bindings"][0]["n"]["value"] == "0"
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = writer.get("/sparql", query_string={"query": named, "named-graph-uri": GRAPH})
    assert json.loads(response.data)["results"]["bindings"][0]["n"]["value"] == "2"


def test_direct_graph_identification(writer):
    assert writer.put("/graphs/plans/2024", data=TWO_TRIPLES, content_type="text/turtle").status_code == 403
    assert writer.put("/graphs/plans/2024", data=TWO_TRIPLES, content_type="text/turtle",
                      headers=AUTH).status_code == 201
    direct = writer.get("/graphs/plans/2024", headers={**AUTH, "Accept": "application/n-triples"})
    assert direct.status_code == 200
    assert len(Graph().parse(data=direct.data, format="nt")) == 2
    assert len(triples(writer, "http://localhost/graphs/plans/2024")) == 2  # the same graph, named indirectly
    assert writer.post("/graphs/plans/2024", data="<http://ex/c> <http://ex/p> 3 .", content_type="text/turtle",
                       headers=AUTH).status_code == 204
    assert len(triples(writer, "http://localhost/graphs/plans/2024")) == 3
    assert writer.delete("/graphs/plans/2024", headers=AUTH).status_code == 204
    assert writer.get("/graphs/plans/2024", headers=AUTH).status_code == 404


def test_post_graphs_location_reads_back_and_ignores_the_host_header(writer):
    response = writer.post("/graphs", data=TWO_TRIPLES, content_type="text/turtle",
                           headers={**AUTH, "Host": "attacker.example"})
    assert response.status_code == 201
    location = response.headers["Location"]
    assert "attacker.example" not in location
    read = writer.get(location, headers={**AUTH, "Accept": "application/n-triples"})
    assert read.status_code == 200
    assert (URIRef("http://example.org/b"), URIRef("http://example.org/p"), Literal("två")) in \
        Graph().parse(data=read.data, format="nt")
    graphs = writer.get("/sparql", query_string={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"})
    assert b"attacker.example" not in graphs.data


def test_post_graphs_under_the_public_address(tmp_path, web_store_dir):
    import shutil

    from ssgraph.web import create_app

    directory = tmp_path / "store"
    shutil.copytree(web_store_dir, directory)
    app = create_app({"store": str(directory), "update_token": TOKEN, "query_workers": 1,
                      "public_base_url": "https://data.example.se/ssgraph/"})
    try:
        client = app.test_client()
        response = client.post("/graphs", data=TWO_TRIPLES, content_type="text/turtle", headers=AUTH)
        location = response.headers["Location"]
        assert location.startswith("https://data.example.se/ssgraph/graphs/")
        read = client.get(urlsplit(location).path.removeprefix("/ssgraph"), headers=AUTH)
        assert read.status_code == 200 and len(Graph().parse(data=read.data, format="turtle")) == 2
    finally:
        app.extensions["ssgraph"].close()
