"""The SPARQL 1.1 Protocol at /sparql, after the W3C protocol test suite's query cases
(https://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest), plus
content negotiation, errors, the service description, CORS, HEAD and OPTIONS."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Graph

SELECT_ALL_GOALS = (
    "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> "
    "SELECT ?goal WHERE { ?goal a ssg:Goal } ORDER BY ?goal"
)
G1 = "https://w3id.org/ssgraph/id/org/0480/goal/G1"
ORG_GRAPH = "https://w3id.org/ssgraph/graph/org/0480/mal-och-budget-2024"
OLD_GRAPH = "https://w3id.org/ssgraph/graph/org/0480/mal-och-budget-2020"
FORM = "application/x-www-form-urlencoded"


def goals(response) -> list[str]:
    assert response.status_code == 200, response.data
    return [b["goal"]["value"] for b in json.loads(response.data)["results"]["bindings"]]


# -- W3C protocol: positive query cases ----------------------------------------------------------


def test_query_get(client):
    # the default graph holds the current versions only (the 2020 version is archived)
    assert len(goals(client.get("/sparql", query_string={"query": SELECT_ALL_GOALS}))) == 4


def test_query_post_form(client):
    assert len(goals(client.post("/sparql", data={"query": SELECT_ALL_GOALS}))) == 4


def test_query_post_direct(client):
    response = client.post("/sparql", data=SELECT_ALL_GOALS.encode(), content_type="application/sparql-query")
    assert len(goals(response)) == 4


def test_query_dataset_default_graph(client):
    response = client.get("/sparql", query_string={"query": SELECT_ALL_GOALS, "default-graph-uri": OLD_GRAPH})
    assert goals(response) == ["https://w3id.org/ssgraph/id/org/0480/goal/OLD"]


def test_query_dataset_default_graphs_merged(client):
    response = client.post("/sparql", data={"query": SELECT_ALL_GOALS,
                                            "default-graph-uri": [OLD_GRAPH, ORG_GRAPH]})
    assert len(goals(response)) == 4


def test_query_dataset_named_graphs(client):
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    response = client.get("/sparql", query_string={"query": query, "named-graph-uri": OLD_GRAPH})
    rows = json.loads(response.data)["results"]["bindings"]
    assert [r["g"]["value"] for r in rows] == [OLD_GRAPH]


def test_query_dataset_full(client):
    query = "SELECT ?s WHERE { ?s ?p ?o . GRAPH ?g { ?s ?q ?x } }"
    response = client.get("/sparql", query_string={
        "query": query, "default-graph-uri": OLD_GRAPH, "named-graph-uri": ORG_GRAPH})
    assert json.loads(response.data)["results"]["bindings"] == []  # the old goal is not in the named graph


def test_query_multiple_dataset_from_protocol_overrides_from(client):
    query = "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> SELECT ?goal FROM <%s> WHERE { ?goal a ssg:Goal }" % ORG_GRAPH
    response = client.get("/sparql", query_string={"query": query, "default-graph-uri": OLD_GRAPH})
    assert goals(response) == ["https://w3id.org/ssgraph/id/org/0480/goal/OLD"]


@pytest.mark.parametrize(
    "accept, expected_type",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml;q=0.5, text/csv", "text/csv"),
    ],
)
def test_query_content_type_select(client, accept, expected_type):
    response = client.get("/sparql", query_string={"query": SELECT_ALL_GOALS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == expected_type
    if expected_type == "text/csv":
        rows = list(csv.reader(io.StringIO(response.data.decode())))
        assert rows[0] == ["goal"] and len(rows) == 5


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_query_content_type_ask(client, accept):
    response = client.get("/sparql", query_string={"query": f"ASK {{ <{G1}> ?p ?o }}"}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    assert b"true" in response.data


@pytest.mark.parametrize(
    "accept, media_type, rdflib_format",
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/trig", "application/trig", "trig"),
        ("application/n-quads", "application/n-quads", "nquads"),
    ],
)
@pytest.mark.parametrize("form", ["DESCRIBE <%s>" % G1, "CONSTRUCT WHERE { <%s> ?p ?o }" % G1])
def test_query_content_type_graph(client, form, accept, media_type, rdflib_format):
    response = client.get("/sparql", query_string={"query": form}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    graph = Graph()
    graph.parse(data=response.data, format=rdflib_format)
    assert len(graph) >= 10


@pytest.mark.parametrize("name, media_type", [("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
                                              ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_format_parameter_for_results(client, name, media_type):
    response = client.get("/sparql", query_string={"query": SELECT_ALL_GOALS, "format": name},
                          headers={"Accept": "text/html"})
    assert response.mimetype == media_type


@pytest.mark.parametrize("name, media_type", [("turtle", "text/turtle"), ("ntriples", "application/n-triples"),
                                              ("json-ld", "application/ld+json"), ("rdfxml", "application/rdf+xml"),
                                              ("trig", "application/trig"), ("nquads", "application/n-quads")])
def test_format_parameter_for_graphs(client, name, media_type):
    response = client.get("/sparql", query_string={"query": f"DESCRIBE <{G1}>", "format": name})
    assert response.mimetype == media_type


def test_unknown_format_parameter_is_refused(client):
    response = client.get("/sparql", query_string={"query": SELECT_ALL_GOALS, "format": "pdf"})
    assert response.status_code == 406


# -- W3C protocol: negative query cases ----------------------------------------------------------


def test_bad_query_method(client):
    assert client.put("/sparql", data={"query": SELECT_ALL_GOALS}).status_code == 405


def test_bad_multiple_queries(client):
    response = client.get("/sparql?query=ASK%20%7B%7D&query=SELECT%20*%20%7B%7D")
    assert response.status_code == 400


def test_bad_query_wrong_media_type(client):
    response = client.post("/sparql", data=SELECT_ALL_GOALS, content_type="text/plain")
    assert response.status_code in (400, 415)


def test_bad_query_missing_form_type(client):
    response = client.post("/sparql", data="query=" + SELECT_ALL_GOALS, content_type="")
    assert response.status_code in (400, 415)


def test_bad_query_missing_direct_type(client):
    response = client.post("/sparql", data=SELECT_ALL_GOALS)
    assert response.status_code in (400, 415)


def test_bad_query_non_utf8(client):
    body = "SELECT * WHERE { ?s ?p \"Nyköping\" }".encode("iso-8859-1")
    response = client.post("/sparql", data=body, content_type="application/sparql-query; charset=ISO-8859-1")
    assert response.status_code == 400
    response = client.post("/sparql", data=body, content_type="application/sparql-query")
    assert response.status_code == 400


def test_bad_query_syntax_names_line_and_column(client):
    response = client.get("/sparql", query_string={"query": "SELECT *\nWHERE { ?s ?p }", "lang": "en"})
    assert response.status_code == 400
    body = json.loads(response.data)
    assert body["ok"] is False and body["status"] == 400
    assert "line 2, column" in body["error"]


def test_syntax_error_in_swedish_by_accept_language(client):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"},
                          headers={"Accept-Language": "sv-SE,sv;q=0.9,en;q=0.8"})
    assert "rad 1, kolumn" in json.loads(response.data)["error"]


@pytest.mark.parametrize("update", ["INSERT DATA { <http://a> <http://b> <http://c> }", "LOAD <http://example.org/x>",
                                    "CLEAR ALL"])
def test_updates_are_refused_on_the_query_endpoint(client, update):
    assert client.post("/sparql", data={"update": update}).status_code == 403
    assert client.post("/sparql", data=update, content_type="application/sparql-update").status_code == 403
    assert client.get("/sparql", query_string={"update": update}).status_code == 400
    # and as a query, an update is a syntax error, never executed
    assert client.post("/sparql", data={"query": update}).status_code == 400
    assert goals(client.get("/sparql", query_string={"query": SELECT_ALL_GOALS}))


# -- service description, CORS, HEAD, OPTIONS -------------------------------------------------------


def test_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert graph.query(f"ASK {{ ?s a <{sd}Service> ; <{sd}endpoint> <http://localhost/sparql> ; "
                       f"<{sd}supportedLanguage> <{sd}SPARQL11Query> ; <{sd}feature> <{sd}UnionDefaultGraph> }}").askAnswer


@pytest.mark.parametrize("accept", ["application/n-quads", "application/trig",
                                    "application/n-quads,application/trig;q=0.95,text/turtle;q=0.6"])
def test_service_description_in_quad_formats(client, accept):
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype in ("application/n-quads", "application/trig")


def test_service_description_in_json_ld(client):
    response = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert response.mimetype == "application/ld+json"
    assert len(Graph().parse(data=response.data, format="json-ld")) > 5


def test_cors_on_query_answers(client):
    response = client.get("/sparql", query_string={"query": SELECT_ALL_GOALS}, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_options_preflight(client):
    response = client.options("/sparql", headers={"Origin": "https://example.org",
                                                  "Access-Control-Request-Method": "POST"})
    assert response.status_code == 200
    assert "POST" in response.headers["Allow"]
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_head_has_headers_and_no_body(client):
    response = client.head("/sparql", query_string={"query": SELECT_ALL_GOALS})
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert response.data == b""


def test_one_error_shape(client):
    for response in (client.get("/no/such/page"), client.get("/sparql", query_string={"query": "SELEC"}),
                     client.put("/sparql")):
        body = json.loads(response.data)
        assert set(body) == {"ok", "status", "error", "id"} and body["status"] == response.status_code
