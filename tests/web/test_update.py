"""/update and the Graph Store Protocol at /graphs, behind the operator's token, after the W3C
SPARQL 1.1 Protocol update cases and Graph Store Protocol cases
(https://www.w3.org/2009/sparql/docs/tests/data-sparql11/http-rdf-update/manifest)."""

from __future__ import annotations

import io
import json
from urllib.parse import urlsplit

import pytest
from rdflib import Graph, URIRef

TOKEN = "test-token-4f1c"  # the writable_app fixture reads it
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FORM = "application/x-www-form-urlencoded"
PERSON_1 = """@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix v: <http://www.w3.org/2006/vcard/ns#> .
<http://$HOST$/person/1> a foaf:Person ;
   foaf:businessCard [ a v:VCard ; v:fn "John Doe" ] ."""
PERSON_2 = """@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<http://example.org/person/2> a foaf:Person ; foaf:name "Jane Doe" ."""
PERSON_3 = """<http://example.org/person/3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
<http://example.org/person/3> <http://xmlns.com/foaf/0.1/name> "Joe Bloggs" .
"""


def ask(client, query: str) -> bool:
    response = client.get("/sparql", query_string={"query": query})
    return json.loads(response.data)["boolean"]


# -- the token ---------------------------------------------------------------------------------------


def test_update_without_configured_token_is_off(client):
    response = client.post("/update", data={"update": "INSERT DATA { <http://a> <http://b> <http://c> }"},
                           headers=AUTH)
    assert response.status_code == 404
    assert "SSGRAPH_UPDATE_TOKEN" in json.loads(response.data)["error"]
    assert not ask(client, "ASK { <http://a> <http://b> <http://c> }")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": TOKEN}])
def test_update_without_the_right_token_is_refused(writer, headers):
    response = writer.post("/update", data={"update": "INSERT DATA { <http://a> <http://b> <http://refused> }"},
                           headers=headers)
    assert response.status_code == 403
    assert not ask(writer, "ASK { <http://a> <http://b> <http://refused> }")


def test_graph_store_needs_the_token(writer, client):
    assert writer.get("/graphs?default").status_code == 403
    assert client.get("/graphs?default", headers=AUTH).status_code == 404


# -- W3C protocol: update cases ----------------------------------------------------------------------


def test_update_post_form(writer):
    response = writer.post("/update", data={"update": "INSERT DATA { GRAPH <http://ex/g1> { <http://ex/s> <http://ex/p> 1 } }"},
                           headers=AUTH)
    assert response.status_code in (200, 204)
    assert ask(writer, "ASK { GRAPH <http://ex/g1> { <http://ex/s> <http://ex/p> 1 } }")


def test_update_post_direct(writer):
    response = writer.post("/update", data="INSERT DATA { GRAPH <http://ex/g2> { <http://ex/s> <http://ex/p> 2 } }",
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code in (200, 204)
    assert ask(writer, "ASK { GRAPH <http://ex/g2> { <http://ex/s> <http://ex/p> 2 } }")


def test_update_dataset_default_graph(writer):
    writer.post("/update", data="INSERT DATA { GRAPH <http://ex/d1> { <http://ex/a> <http://ex/p> <http://ex/b> } }",
                content_type="application/sparql-update", headers=AUTH)
    update = "INSERT { GRAPH <http://ex/out1> { ?s <http://ex/copied> ?o } } WHERE { ?s <http://ex/p> ?o }"
    response = writer.post("/update?using-graph-uri=http://ex/d1", data=update,
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code in (200, 204)
    assert ask(writer, "ASK { GRAPH <http://ex/out1> { <http://ex/a> <http://ex/copied> <http://ex/b> } }")
    # only the using-graph was the default graph: g1/g2 content was not copied
    assert not ask(writer, "ASK { GRAPH <http://ex/out1> { <http://ex/s> ?p ?o } }")


def test_update_dataset_named_graphs(writer):
    update = "INSERT { GRAPH <http://ex/out2> { ?s <http://ex/in> ?g } } WHERE { GRAPH ?g { ?s <http://ex/p> ?o } }"
    response = writer.post("/update", data={"update": update, "using-named-graph-uri": "http://ex/g1"}, headers=AUTH)
    assert response.status_code in (200, 204)
    assert ask(writer, "ASK { GRAPH <http://ex/out2> { <http://ex/s> <http://ex/in> <http://ex/g1> } }")
    assert not ask(writer, "ASK { GRAPH <http://ex/out2> { <http://ex/s> <http://ex/in> <http://ex/g2> } }")


def test_bad_update_dataset_conflict(writer):
    update = "WITH <http://ex/g1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    response = writer.post("/update?using-graph-uri=http://ex/g2", data=update,
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 400
    assert ask(writer, "ASK { GRAPH <http://ex/g1> { ?s ?p ?o } }")


def test_bad_update_get(writer):
    assert writer.get("/update", query_string={"update": "CLEAR ALL"}, headers=AUTH).status_code in (400, 405)


def test_bad_multiple_updates(writer):
    response = writer.post("/update", data="update=CLEAR%20ALL&update=CLEAR%20ALL", content_type=FORM, headers=AUTH)
    assert response.status_code == 400


def test_bad_update_wrong_media_type(writer):
    assert writer.post("/update", data="CLEAR ALL", content_type="text/plain", headers=AUTH).status_code in (400, 415)


def test_bad_update_missing_form_type(writer):
    assert writer.post("/update", data="update=CLEAR%20ALL", content_type="", headers=AUTH).status_code in (400, 415)


def test_bad_update_non_utf8(writer):
    body = 'INSERT DATA { <http://ex/s> <http://ex/p> "Nyköping" }'.encode("iso-8859-1")
    response = writer.post("/update", data=body, content_type="application/sparql-update; charset=ISO-8859-1",
                           headers=AUTH)
    assert response.status_code == 400


def test_bad_update_syntax(writer):
    response = writer.post("/update", data="INSERT DATA { <http://ex/s> <http://ex/p> }",
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 400
    assert "column" in json.loads(writer.post("/update?lang=en", data="INSERT DATA { <http://ex/s> }",
                                              content_type="application/sparql-update", headers=AUTH).data)["error"]


def test_load_from_file_is_refused_even_with_the_token(writer):
    response = writer.post("/update", data="LOAD <file:///etc/hostname> INTO GRAPH <http://ex/leak>",
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 403
    assert not ask(writer, "ASK { GRAPH <http://ex/leak> { ?s ?p ?o } }")


def test_service_inside_an_update_is_refused(writer):
    update = "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    response = writer.post("/update", data=update, content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 403


# -- W3C Graph Store Protocol --------------------------------------------------------------------------


GSP_GRAPH = "/graphs?graph=http://example.org/person/1.ttl"


def gsp_get(writer, url, accept="text/turtle") -> Graph:
    response = writer.get(url, headers={**AUTH, "Accept": accept})
    assert response.status_code == 200, response.data
    return Graph().parse(data=response.data, format="turtle" if accept == "text/turtle" else "nt")


def test_gsp_sequence(writer):
    # PUT - Initial state
    response = writer.put(GSP_GRAPH, data=PERSON_1.replace("$HOST$", "localhost"), content_type="text/turtle", headers=AUTH)
    assert response.status_code == 201
    # GET of PUT - Initial state
    graph = gsp_get(writer, GSP_GRAPH)
    assert len(graph) == 4
    # HEAD on an existing graph
    head = writer.head(GSP_GRAPH, headers=AUTH)
    assert head.status_code == 200 and head.data == b"" and head.mimetype == "text/turtle"
    # HEAD on a non-existing graph
    assert writer.head("/graphs?graph=http://example.org/nothing", headers=AUTH).status_code == 404
    # PUT - graph already in store
    response = writer.put(GSP_GRAPH, data=PERSON_2, content_type="text/turtle", headers=AUTH)
    assert response.status_code == 204
    assert len(gsp_get(writer, GSP_GRAPH)) == 2
    # PUT - mismatched payload
    response = writer.put(GSP_GRAPH, data="<http://broken", content_type="text/turtle", headers=AUTH)
    assert response.status_code == 400
    assert len(gsp_get(writer, GSP_GRAPH)) == 2
    # POST - existing graph (merge)
    response = writer.post(GSP_GRAPH, data=PERSON_3, content_type="application/n-triples", headers=AUTH)
    assert response.status_code == 204
    assert len(gsp_get(writer, GSP_GRAPH, accept="application/n-triples")) == 4
    # POST - multipart/form-data
    data = {"file": (io.BytesIO(b'<http://example.org/person/4> <http://xmlns.com/foaf/0.1/name> "Anna" .'),
                     "person4.nt", "application/n-triples")}
    response = writer.post(GSP_GRAPH, data=data, content_type="multipart/form-data", headers=AUTH)
    assert response.status_code == 204
    assert len(gsp_get(writer, GSP_GRAPH)) == 5
    # POST - empty graph to existing graph: no change
    response = writer.post(GSP_GRAPH, data="", content_type="text/turtle", headers=AUTH)
    assert response.status_code == 204
    assert len(gsp_get(writer, GSP_GRAPH)) == 5
    # DELETE - existing graph
    assert writer.delete(GSP_GRAPH, headers=AUTH).status_code == 204
    # GET of DELETE - existing graph
    assert writer.get(GSP_GRAPH, headers=AUTH).status_code == 404
    # DELETE - non-existent graph
    assert writer.delete(GSP_GRAPH, headers=AUTH).status_code == 404


def test_gsp_put_empty_graph(writer):
    url = "/graphs?graph=http://example.org/empty"
    assert writer.put(url, data="", content_type="text/turtle", headers=AUTH).status_code == 201
    response = writer.get(url, headers=AUTH)
    assert response.status_code == 200
    assert len(Graph().parse(data=response.data, format="turtle")) == 0


def test_gsp_post_creates_a_new_graph(writer):
    response = writer.post("/graphs", data=PERSON_2, content_type="text/turtle", headers=AUTH)
    assert response.status_code == 201
    location = urlsplit(response.headers["Location"])
    graph = gsp_get(writer, f"{location.path}?{location.query}")
    assert (URIRef("http://example.org/person/2"), None, None) in graph


def test_gsp_default_graph(writer):
    response = writer.put("/graphs?default", data=PERSON_3, content_type="text/turtle", headers=AUTH)
    assert response.status_code in (201, 204)
    graph = gsp_get(writer, "/graphs?default")
    assert len(graph) == 2
    assert writer.delete("/graphs?default", headers=AUTH).status_code == 204
    assert len(gsp_get(writer, "/graphs?default")) == 0


def test_gsp_needs_exactly_one_target(writer):
    assert writer.get("/graphs", headers=AUTH).status_code == 400
    assert writer.get("/graphs?default&graph=http://x/", headers=AUTH).status_code == 400
    assert writer.get("/graphs?graph=not%20an%20iri", headers=AUTH).status_code == 400


def test_gsp_json_ld_and_rdf_xml_payloads(writer):
    jsonld = json.dumps({"@id": "http://example.org/j", "http://example.org/p": "v"})
    assert writer.put("/graphs?graph=http://example.org/jl", data=jsonld, content_type="application/ld+json",
                      headers=AUTH).status_code == 201
    rdfxml = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
              '<rdf:Description rdf:about="http://example.org/x"><ex:p>v</ex:p></rdf:Description></rdf:RDF>')
    assert writer.put("/graphs?graph=http://example.org/rx", data=rdfxml, content_type="application/rdf+xml",
                      headers=AUTH).status_code == 201
    assert ask(writer, 'ASK { GRAPH <http://example.org/rx> { <http://example.org/x> <http://example.org/p> "v" } }')
