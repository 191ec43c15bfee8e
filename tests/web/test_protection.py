"""Protection: a query past the time limit is stopped while others are answered; SERVICE and
LOAD go nowhere unless allow-listed; row and request-size limits."""

from __future__ import annotations

import json
import threading
import time

import pytest
from listener import Listener

from ssgraph.store.federation import RefusedQuery, check_federation

# three unconstrained patterns over ~31,000 triples: 10^13 combinations, minutes of work
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = "ASK { ?s ?p ?o }"


def test_query_past_the_limit_is_stopped_while_others_are_answered(app, client):
    pool = app.extensions["ssgraph"].runner
    client.get("/sparql", query_string={"query": QUICK})  # the pool is up
    before = pool.worker_pids()
    outcome = {}

    def endless() -> None:
        started = time.monotonic()
        response = client.get("/sparql", query_string={"query": ENDLESS, "lang": "en"})
        outcome["status"], outcome["seconds"] = response.status_code, time.monotonic() - started
        outcome["body"] = json.loads(response.data)

    thread = threading.Thread(target=endless)
    thread.start()
    time.sleep(0.8)
    running = pool.worker_pids()
    quick_times = []
    while thread.is_alive():
        started = time.monotonic()
        response = client.get("/sparql", query_string={"query": QUICK})
        if thread.is_alive():
            quick_times.append(time.monotonic() - started)
        assert response.status_code == 200 and b"true" in response.data
        time.sleep(0.05)
    thread.join()
    assert outcome["status"] == 504
    # cut at the 2 s limit (the query itself would run for minutes); slack for a busy machine
    assert 1.9 < outcome["seconds"] < 10
    assert "stopped after 2 seconds" in outcome["body"]["error"]
    # others were answered while it ran, none of them waiting for it
    assert len(quick_times) >= 3 and max(quick_times) < 2.0
    # the worker that ran it is gone: the query really stopped
    assert before and running and (before | running) - pool.worker_pids()


def test_timeout_message_in_swedish(client):
    response = client.get("/sparql", query_string={"query": ENDLESS}, headers={"Accept-Language": "sv"})
    assert response.status_code == 504
    assert "avbröts efter 2 sekunder" in json.loads(response.data)["error"]


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        "PREFIX x: <http://127.0.0.1:{port}/> SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ service x:sparql {{ ?s ?p ?o }} }} }}",
        "SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
    ],
)
def test_service_to_an_address_not_allow_listed_makes_no_request(client, listener, template):
    response = client.get("/sparql", query_string={"query": template.format(port=listener.port)})
    assert response.status_code in (400, 403)
    time.sleep(0.3)
    assert listener.connections == 0


def test_allow_listed_service_is_called(web_store_dir, listener):
    """The positive control: the same query to an allow-listed endpoint does go out."""
    from ssgraph.web import create_app

    app = create_app({"store": str(web_store_dir), "query_workers": 1, "query_time_limit": 3,
                      "service_allow_list": f"http://127.0.0.1:{listener.port}/"})
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        app.test_client().get("/sparql", query_string={"query": query})
        time.sleep(0.3)
        assert listener.connections >= 1
    finally:
        app.extensions["ssgraph"].close()


def test_service_refusal_names_the_endpoint(client):
    response = client.get("/sparql", query_string={
        "query": "SELECT * WHERE { SERVICE <http://10.0.0.1/internal> { ?s ?p ?o } }", "lang": "en"})
    assert response.status_code == 403
    assert "<http://10.0.0.1/internal>" in json.loads(response.data)["error"]


@pytest.mark.parametrize("text", ["SELECT * WHERE { ?service ?p ?o }", "SELECT ?s WHERE { ?s ?p \"service\" }",
                                  "# SERVICE <http://x/> in a comment\nASK {}"])
def test_the_word_service_alone_is_not_refused(text):
    check_federation(text, ())


def test_unreadable_text_mentioning_service_is_refused():
    with pytest.raises(RefusedQuery):
        check_federation("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } ", ())


@pytest.mark.parametrize("source, allowed", [
    ("file:///etc/passwd", ()),
    ("file:///etc/passwd", ("file:///",)),
    ("http://127.0.0.1:9/data.ttl", ()),
    ("http://127.0.0.1:9/data.ttl", ("http://example.org/",)),
])
def test_load_refused_unless_allow_listed(source, allowed):
    with pytest.raises(RefusedQuery):
        check_federation(f"LOAD <{source}> INTO GRAPH <http://g>", (), allowed, is_update=True)


def test_load_from_allow_listed_prefix_passes():
    check_federation("LOAD <http://example.org/data/x.ttl>", (), ("http://example.org/data/",), is_update=True)


def test_result_row_limit(client):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }", "lang": "en"})
    assert response.status_code == 400
    assert "more than 5000 rows" in json.loads(response.data)["error"]
    assert client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5000"}).status_code == 200


def test_request_size_limit(client):
    big = "ASK { " + "# padding\n" * 30_000 + "}"
    response = client.post("/sparql", data=big, content_type="application/sparql-query")
    assert response.status_code == 413
    assert json.loads(response.data)["status"] == 413
