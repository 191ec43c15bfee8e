"""The served endpoint under load, on a real `ssgraph serve` (granian and the web front):
demanding queries never starve quick ones, slow clients hold nothing, and the header, body
and per-client limits answer as documented.

The bounds are about behaviour (every quick query answered, in time a busy 2-core machine
manages; every demanding one ended, never hung), not speed: speed is measured in
benchmarks/web_load.py.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time

import pytest
import requests
from servers import running_ssgraph

# three unconstrained patterns over the fixture's ~31,000 triples: minutes of work
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TRIVIAL = "ASK {}"
TIME_LIMIT = 4


@pytest.fixture(scope="module")
def loaded_server(web_store_dir):
    # one test client sends every query: the per-client limits are lifted here so that the
    # demanding queries meet the lanes (tested on their own below)
    with running_ssgraph(web_store_dir, SSGRAPH_QUERY_TIME_LIMIT=str(TIME_LIMIT),
                         SSGRAPH_REQUEST_HEADER_TIMEOUT="3", SSGRAPH_REQUEST_BODY_TIMEOUT="3",
                         SSGRAPH_REQUESTS_PER_CLIENT="200", SSGRAPH_HEAVY_QUERIES_PER_CLIENT="100") as base:
        yield base


def expensive_queries(base: str, count: int, outcomes: list, variant: bool = False) -> list[threading.Thread]:
    def run(number: int) -> None:
        text = EXPENSIVE + (f" # {number}" if variant else "")
        started = time.monotonic()
        try:
            response = requests.get(base + "sparql", params={"query": text}, timeout=TIME_LIMIT * 15)
            outcomes.append((response.status_code, time.monotonic() - started, response.headers.get("Retry-After")))
        except requests.RequestException as error:
            outcomes.append((repr(error), time.monotonic() - started, None))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    return threads


def trivial_latencies(base: str, while_alive: list[threading.Thread], at_least: float = 0) -> list[float]:
    session = requests.Session()
    latencies = []
    started = time.monotonic()
    while any(t.is_alive() for t in while_alive) or time.monotonic() - started < at_least:
        begun = time.monotonic()
        response = session.get(base + "sparql", params={"query": TRIVIAL}, timeout=30)
        latencies.append(time.monotonic() - begun)
        assert response.status_code == 200 and b"true" in response.content
        time.sleep(0.05)
    return latencies


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def assert_ended_without_hanging(outcomes: list) -> None:
    for status, seconds, retry_after in outcomes:
        assert status in (200, 429, 503, 504), status
        # a demanding query waits at most the limit for a slot and then runs at most the limit
        # (8 s); a loaded 2-core machine has taken 19 s, a query that is never stopped takes
        # minutes
        assert seconds < TIME_LIMIT * 10, seconds
        if status in (429, 503):
            assert retry_after and int(retry_after) >= 1


def test_twenty_demanding_queries_do_not_starve_trivial_ones(loaded_server):
    outcomes: list = []
    threads = expensive_queries(loaded_server, 20, outcomes, variant=True)
    latencies = trivial_latencies(loaded_server, threads)
    for thread in threads:
        thread.join()
    assert len(outcomes) == 20
    assert_ended_without_hanging(outcomes)
    statuses = [status for status, _, _ in outcomes]
    assert statuses.count(504) >= 1  # some ran, and were stopped at the limit
    assert 503 in statuses  # and not all at once: the queue is bounded, the rest turned away
    assert len(latencies) >= 10
    assert p95(latencies) < 2.0, sorted(latencies)[-5:]


def test_a_known_demanding_query_queues_at_once(loaded_server):
    outcomes: list = []
    for thread in expensive_queries(loaded_server, 1, outcomes):
        thread.join()
    threads = expensive_queries(loaded_server, 3, outcomes)
    latencies = trivial_latencies(loaded_server, threads)
    for thread in threads:
        thread.join()
    assert_ended_without_hanging(outcomes)
    # a quick query starved by a demanding one would wait for it: the time limit (4 s) or more;
    # a busy 2-core machine has answered one in 2.2 s
    assert max(latencies) < TIME_LIMIT * 0.75


class SlowClients:
    """Connections that send one header line a second, and bodies one byte a second."""

    def __init__(self, base: str, headers: int, bodies: int):
        host, port = base.split("//")[1].rstrip("/").split(":")
        self.address = (host, int(port))
        self.stop = threading.Event()
        self.closed_by_server = []
        self.threads = [threading.Thread(target=self._slow_header, daemon=True) for _ in range(headers)]
        self.threads += [threading.Thread(target=self._slow_body, daemon=True) for _ in range(bodies)]
        for thread in self.threads:
            thread.start()

    def _drip(self, first: bytes, drop: bytes) -> None:
        with socket.create_connection(self.address, timeout=5) as sock:
            sock.sendall(first)
            try:
                while not self.stop.is_set():
                    sock.sendall(drop)
                    self.stop.wait(1.0)
            except OSError:
                self.closed_by_server.append(time.monotonic())

    def _slow_header(self) -> None:
        self._drip(b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\n", b"X-Slow: y\r\n")

    def _slow_body(self) -> None:
        self._drip(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   b"Content-Length: 1000\r\n\r\nquery=ASK", b"+")

    def close(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=10)


def test_slow_clients_and_demanding_queries_at_once(loaded_server):
    slow = SlowClients(loaded_server, headers=40, bodies=12)
    try:
        time.sleep(1.5)  # all slow connections open and dripping
        outcomes: list = []
        threads = expensive_queries(loaded_server, 20, outcomes)
        latencies = trivial_latencies(loaded_server, threads, at_least=2)
        for thread in threads:
            thread.join()
    finally:
        slow.close()
    assert_ended_without_hanging(outcomes)
    assert len(latencies) >= 10
    assert p95(latencies) < 2.0, sorted(latencies)[-5:]


def test_slow_headers_and_bodies_are_cut_at_their_time_limits(loaded_server):
    slow = SlowClients(loaded_server, headers=1, bodies=1)
    try:
        deadline = time.monotonic() + 15
        while len(slow.closed_by_server) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        slow.close()
    assert len(slow.closed_by_server) == 2  # both ended by the server (3 s limits), not by us


def test_a_body_that_never_finishes_gets_408(loaded_server):
    host, port = loaded_server.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK")
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 408")


def test_demanding_queries_of_one_client_beyond_its_limit_get_429(web_store_dir):
    with running_ssgraph(web_store_dir, SSGRAPH_HEAVY_QUERIES_PER_CLIENT="1",
                         SSGRAPH_QUERY_TIME_LIMIT=str(TIME_LIMIT)) as base:
        outcomes: list = []
        for thread in expensive_queries(base, 3, outcomes, variant=True):
            thread.join()
    assert_ended_without_hanging(outcomes)
    # one demanding query of the client runs (or waits); the others are told to come back
    assert [status for status, _, _ in outcomes].count(429) >= 1


def test_per_client_limit_answers_429(web_store_dir):
    with running_ssgraph(web_store_dir, SSGRAPH_REQUESTS_PER_CLIENT="1", SSGRAPH_REQUEST_BODY_TIMEOUT="30") as base:
        host, port = base.split("//")[1].rstrip("/").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as slow:  # one request in progress
            slow.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                         b"Content-Length: 1000\r\n\r\nquery=ASK")
            deadline = time.monotonic() + 20  # until the server has it (a busy machine)
            while (response := requests.get(base + "sparql", params={"query": TRIVIAL}, timeout=10)).status_code == 200:
                assert time.monotonic() < deadline, "a second request was answered while one was in progress"
                slow.sendall(b"+")
                time.sleep(0.3)
        assert response.status_code == 429
        assert response.headers["Retry-After"]
        # once the slow client has gone (the server notices within moments), the address is served again
        deadline = time.monotonic() + 15
        while requests.get(base + "sparql", params={"query": TRIVIAL}, timeout=10).status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.5)
