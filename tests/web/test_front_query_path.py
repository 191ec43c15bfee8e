"""The web front's own query path (``web.front`` with ``web.rsgi_request``) answers /sparql
exactly as the Flask route does: the same status, media type and body for every way of
asking (GET, POST form, POST direct; Accept, ``format``, datasets), the same refusals in
Swedish and English, and the front's headers and access-log line.

The served answers come from a real `ssgraph serve` (granian) on 127.0.0.1; the reference
answers from the Flask application on the same store.
"""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
import requests
from servers import running_ssgraph

SELECT = ("SELECT ?scheme (COUNT(?concept) AS ?n) WHERE { ?concept <http://www.w3.org/2004/02/skos/core#inScheme> "
          "?scheme } GROUP BY ?scheme ORDER BY ?scheme LIMIT 5")
CONSTRUCT = ("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c FILTER(?c = <http://www.w3.org/2004/02/skos/core#ConceptScheme>) }"
             " LIMIT 3")
FORM = "application/x-www-form-urlencoded"

# (method, query-string parameters, headers, body): every way a client asks, and the refusals
CASES = {
    "get-json": ("GET", {"query": SELECT}, {"Accept": "application/sparql-results+json"}, None),
    "get-xml": ("GET", {"query": SELECT}, {"Accept": "application/sparql-results+xml"}, None),
    "get-csv-by-format": ("GET", {"query": SELECT, "format": "csv"}, {}, None),
    "get-tsv-q-values": ("GET", {"query": SELECT}, {"Accept": "text/csv;q=0.5, text/tab-separated-values"}, None),
    "get-no-accept": ("GET", {"query": "ASK {}"}, {}, None),
    "get-construct-ntriples": ("GET", {"query": CONSTRUCT}, {"Accept": "application/n-triples"}, None),
    "get-named-graph-dataset": ("GET", {"query": "ASK { ?s ?p ?o }", "named-graph-uri": "urn:x:none"}, {}, None),
    "get-default-graph-dataset": ("GET", {"query": "ASK { ?s ?p ?o }", "default-graph-uri": "urn:x:none"}, {},
                                  None),
    "post-form": ("POST", {}, {"Content-Type": FORM, "Accept": "text/csv"},
                  "query=" + requests.utils.quote(SELECT) + "&format=json"),
    "post-direct": ("POST", {}, {"Content-Type": "application/sparql-query; charset=utf-8"}, SELECT),
    "select-as-turtle-406-en": ("GET", {"query": SELECT, "lang": "en"}, {"Accept": "text/turtle"}, None),
    "syntax-error-sv": ("GET", {"query": "SELECT * WHERE { ?s ?p }"}, {"Accept-Language": "sv"}, None),
    "syntax-error-en": ("GET", {"query": "SELECT * WHERE { ?s ?p }"}, {"Accept-Language": "en-GB,en;q=0.8"}, None),
    "two-queries": ("GET", [("query", "ASK {}"), ("query", "ASK {}")], {}, None),
    "update-here": ("POST", {}, {"Content-Type": FORM}, "update=" + requests.utils.quote("CLEAR ALL")),
    "wrong-content-type": ("POST", {"lang": "en"}, {"Content-Type": "text/plain"}, SELECT),
    "not-utf8": ("POST", {}, {"Content-Type": "application/sparql-query"}, "ASK { ?s ?p 'å' }".encode("latin-1")),
    "empty-post": ("POST", {}, {"Content-Type": FORM}, ""),
    "unknown-format": ("GET", {"query": SELECT, "format": "yaml"}, {}, None),
    "service-refused": ("GET", {"query": "SELECT * WHERE { SERVICE <http://10.0.0.1/x> { ?s ?p ?o } }"}, {}, None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_front_answers_as_the_flask_route(live_server, client, case):
    method, params, headers, body = CASES[case]
    served = requests.request(method, live_server + "sparql", params=params, headers=headers, data=body, timeout=60)
    reference = client.open("/sparql", method=method, query_string=params, headers=headers, data=body)
    assert (served.status_code, served.headers["Content-Type"]) == (reference.status_code,
                                                                    reference.headers["Content-Type"])
    assert served.content == reference.data
    assert served.headers["Access-Control-Allow-Origin"] == "*"
    if served.status_code == 200:
        assert served.headers["Vary"] == "Accept"


def test_refusals_are_in_the_asked_language(live_server):
    query = {"query": "SELECT * WHERE { ?s ?p }"}
    swedish = requests.get(live_server + "sparql", params=query, headers={"Accept-Language": "sv"}, timeout=60)
    english = requests.get(live_server + "sparql", params={**query, "lang": "en"}, timeout=60)
    assert swedish.status_code == english.status_code == 400
    assert swedish.json()["id"] == english.json()["id"] == "web.query_syntax"
    assert swedish.json()["error"] != english.json()["error"]
    assert "line 1" in english.json()["error"].lower()


def test_a_repeated_accept_header_counts_whole(live_server):
    """Two Accept headers read as one list (as a WSGI server joins them): the later one,
    with the higher quality, decides."""
    url = urlsplit(live_server)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        connection.putrequest("GET", "/sparql?query=" + requests.utils.quote(SELECT))
        connection.putheader("Accept", "application/sparql-results+json;q=0.2")
        connection.putheader("Accept", "text/csv")
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type").startswith("text/csv")
        assert response.read().startswith(b"scheme,n")
    finally:
        connection.close()


def test_a_browser_asking_for_the_endpoint_gets_the_page(live_server):
    """HTML is the Flask application's: the front hands such requests over."""
    response = requests.get(live_server + "sparql", headers={"Accept": "text/html"}, allow_redirects=False,
                            timeout=60)
    assert response.status_code == 303 and response.headers["Location"].endswith("/")


def test_each_query_has_its_request_id_and_access_line(web_store_dir, tmp_path):
    log_file = tmp_path / "server.log"
    with open(log_file, "w") as log, running_ssgraph(web_store_dir, "--log-format", "json", "--workers", "1",
                                                      stderr=log) as base:
        given = requests.get(base + "sparql", params={"query": "ASK {}"},
                             headers={"X-Request-Id": "mine-1", "User-Agent": "front-test"}, timeout=60)
        made = [requests.get(base + "sparql", params={"query": "ASK {}"}, timeout=60) for _ in range(3)]
        refused = requests.get(base + "sparql", params={"query": "ASK {"}, timeout=60)
    assert given.headers["X-Request-Id"] == "mine-1"
    ids = [response.headers["X-Request-Id"] for response in made + [refused]]
    assert len(set(ids)) == 4 and all(len(i) == 16 for i in ids)
    lines = [json.loads(line) for line in log_file.read_text().splitlines() if line.startswith("{")]
    access = {line["request_id"]: line for line in lines if line["logger"] == "ssgraph.access"}
    mine = access["mine-1"]
    assert (mine["path"], mine["query"], mine["status"], mine["bytes"]) == ("/sparql", "query=ASK+%7B%7D", 200,
                                                                            len(given.content))
    assert mine["user_agent"] == "front-test" and mine["remote"] == "127.0.0.1" and mine["duration_ms"] >= 0
    assert mine["message"].startswith("GET /sparql?query=ASK+%7B%7D 200 ")
    assert access[refused.headers["X-Request-Id"]]["status"] == 400
    assert all(i in access for i in ids)
