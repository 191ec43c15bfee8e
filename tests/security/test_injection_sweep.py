"""Every route and command-line option that takes a value, fed SPARQL-injection payloads
that try to reach a listener on 127.0.0.1 (SERVICE, LOAD, broken-out IRIs and strings).

The listener must never be contacted, no request may end in a 500, and no command in a
traceback: a value either is a valid term or is refused with a 4xx / exit 2.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from listener import Listener

from ssgraph.cli import cli
from ssgraph.queries import load_library

TOKEN = "sweep-token-7d2e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAYLOADS = (
    "X> } UNION { SERVICE <{url}injected> { ?m ?q ?code } } #",  # the reproduction
    '" } } UNION { SERVICE <{url}string> { ?s ?p ?o } } #',
    "') } SERVICE <{url}paren> { ?s ?p ?o } #",
    "\\u003E } SERVICE <{url}escaped> { } #",
    "0480> . } ; LOAD <{url}load> ; INSERT DATA { <x:a> <x:b> <x:c> #",
    "{url}",
)


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def example_dir(example_store_dir):
    return example_store_dir


@pytest.fixture(scope="module")
def sweep_app(example_dir, tmp_path_factory):
    from ssgraph.web import create_app

    directory = tmp_path_factory.mktemp("sweep-web") / "store"
    shutil.copytree(example_dir, directory)
    app = create_app({"store": str(directory), "update_token": TOKEN, "query_workers": 2,
                      "query_time_limit": 20, "dump_cache_dir": str(tmp_path_factory.mktemp("dumps"))})
    yield app
    app.extensions["ssgraph"].close()


def _web_cases() -> list[tuple[str, str, dict]]:
    """(method, path with {P}, request keyword arguments with {P}) for every value a route takes."""
    ask = "ASK { ?s ?p ?o }"
    update = "INSERT { GRAPH <http://example.org/out> { ?s ?p ?o } } WHERE { ?s ?p ?o } "
    cases = [
        ("GET", "/sparql", {"query_string": {"query": ask, "default-graph-uri": "{P}"}}),
        ("GET", "/sparql", {"query_string": {"query": ask, "named-graph-uri": "{P}"}}),
        ("GET", "/sparql", {"query_string": {"query": ask, "format": "{P}"}}),
        ("GET", "/sparql", {"query_string": {"query": ask, "lang": "{P}"}}),
        ("GET", "/queries/{P}", {}),
        ("GET", "/id/{P}", {}),
        ("GET", "/id/{P}", {"headers": {"Accept": "text/html"}}),
        ("GET", "/ref/{P}", {}),
        ("GET", "/api/harmonise", {"query_string": {"a": "{P}", "b": "0480"}}),
        ("GET", "/analysis/harmonise", {"query_string": {"a": "LL18", "b": "{P}"}}),
        ("GET", "/api/consolidate/{P}", {}),
        ("GET", "/analysis/consolidate/{P}", {}),
        ("GET", "/api/coverage", {"query_string": {"region": "{P}"}}),
        ("GET", "/api/coverage", {"query_string": {"org": "{P}"}}),
        ("GET", "/analysis/coverage", {"query_string": {"region": "{P}"}}),
        ("GET", "/analysis/coverage/heatmap.png", {"query_string": {"region": "{P}"}}),
        ("GET", "/analysis/coverage/heatmap.svg", {"query_string": {"region": "0018", "scheme": "{P}"}}),
        ("GET", "/api/report/{P}", {"query_string": {"period": "2024"}}),
        ("GET", "/api/report/0480", {"query_string": {"period": "{P}"}}),
        ("GET", "/analysis/report/1440", {"query_string": {"period": "{P}"}}),
        ("GET", "/api/suggest/{P}", {}),
        ("GET", "/api/suggest/0480", {"query_string": {"minimum": "{P}"}}),
        ("GET", "/analysis/suggest/{P}", {}),
        ("POST", "/api/suggest/{P}/accept", {"json": {"ids": ["s1"]}, "headers": AUTH}),
        ("POST", "/api/suggest/0480/accept", {"json": {"ids": ["{P}"], "method": "{P}"}, "headers": AUTH}),
        ("GET", "/api/goal-graph", {"query_string": {"org": "{P}"}}),
        ("GET", "/analysis/", {"query_string": {"period": "{P}"}}),
        ("POST", "/update", {"query_string": {"using-graph-uri": "{P}"}, "data": update,
                             "content_type": "application/sparql-update", "headers": AUTH}),
        ("POST", "/update", {"data": {"update": update, "using-named-graph-uri": "{P}"}, "headers": AUTH}),
        ("GET", "/graphs", {"query_string": {"graph": "{P}"}, "headers": AUTH}),
        ("PUT", "/graphs", {"query_string": {"graph": "{P}"}, "data": "<x:a> <x:b> <x:c> .",
                            "content_type": "text/turtle", "headers": AUTH}),
        ("DELETE", "/graphs", {"query_string": {"graph": "{P}"}, "headers": AUTH}),
        ("GET", "/graphs/{P}", {"headers": AUTH}),
        ("POST", "/graphs/{P}", {"data": "<x:a> <x:b> <x:c> .", "content_type": "text/turtle", "headers": AUTH}),
        ("GET", "/dumps/{P}", {}),
        ("GET", "/void", {"query_string": {"format": "{P}"}}),
    ]
    for query in load_library():
        for parameter in query.params:
            cases.append(("GET", f"/queries/{query.name}", {"query_string": {parameter.name: "{P}"}}))
    return cases


def _fill(value, payload: str):
    if isinstance(value, str):
        return value.replace("{P}", payload)
    if isinstance(value, dict):
        return {k: _fill(v, payload) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, payload) for v in value]
    return value


def test_no_route_lets_a_value_reach_the_listener(sweep_app, listener):
    client = sweep_app.test_client()
    failures = []
    for template in PAYLOADS:
        payload = template.replace("{url}", listener.url)
        for method, path, kwargs in _web_cases():
            url = path.replace("{P}", quote(payload, safe=""))
            response = client.open(url, method=method, **_fill(kwargs, payload))
            if response.status_code >= 500 or listener.connections:
                failures.append((method, url, kwargs, response.status_code, response.data[:300]))
                listener.connections = 0
    assert not failures, "\n".join(map(repr, failures))


BAD_VALUES = ("abc", "", "1e1000000", "\x00\x1b", "x" * 3000)


def test_bad_values_are_client_errors_not_server_errors(sweep_app):
    """Issue 12 item 8: a client's bad parameter is a 4xx with a reason, never a 500."""
    client = sweep_app.test_client()
    failures = []
    for value in BAD_VALUES:
        for method, path, kwargs in _web_cases():
            url = path.replace("{P}", quote(value, safe="")) if value else path.replace("{P}", "-")
            response = client.open(url, method=method, **_fill(kwargs, value))
            if response.status_code >= 500:
                failures.append((method, url[:100], value[:20], response.status_code, response.data[:300]))
    assert not failures, "\n".join(map(repr, failures))


def test_injected_region_is_a_400_that_names_the_value(sweep_app, listener):
    payload = PAYLOADS[0].replace("{url}", listener.url)
    for path in ("/api/coverage", "/analysis/coverage", "/analysis/coverage/heatmap.png"):
        response = sweep_app.test_client().get(path, query_string={"region": payload, "lang": "en"})
        assert response.status_code == 400
        assert "invalid IRI" in json.loads(response.data)["error"]
    assert listener.connections == 0


@pytest.fixture(scope="module")
def cli_store(example_dir, tmp_path_factory):
    directory = tmp_path_factory.mktemp("sweep-cli") / "store"
    shutil.copytree(example_dir, directory)
    return directory


def _cli_cases(tmp_path) -> list[list[str]]:
    """Every command-line value slot ({P}); write commands are kept from writing (--no-store,
    --dry-run) where they can be, since the sweep is about what reaches the engine."""
    data = tmp_path / "data.ttl"
    data.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    out = str(tmp_path / "out")
    cases = [
        ["query", "{P}"],
        ["query", "goals_per_sdg_per_organisation", "-p", "sdg={P}"],
        ["query", "goal_structure_overlap", "-p", "first={P}"],
        ["query", "goal_structure_overlap", "-p", "{P}=x"],
        ["export", "--graph", "{P}"],
        ["load", str(data), "--graph", "{P}"],
        ["versions", "{P}"],
        ["diff", "{P}", "2023", "2024"],
        ["diff", "0480", "{P}", "2024"],
        ["validate", "--org", "{P}"],
        ["validate", "--graph", "{P}"],
        ["harmonise", "{P}", "0480", "--no-store", "-o", out],
        ["consolidate", "{P}", "--no-store", "-o", out],
        ["coverage", "--region", "{P}", "-o", out],
        ["coverage", "--org", "{P}", "-o", out],
        ["goal-graph", "--org", "{P}", "-o", out],
        ["report", "{P}", "--period", "2024", "-o", out, "--no-pdf"],
        ["report", "0480", "--period", "{P}", "-o", out, "--no-pdf"],
        ["suggest", "{P}"],
        ["suggest", "0480", "--accept", "{P}"],
        ["import", str(data), "--org", "{P}", "--dry-run"],
        ["import", str(data), "--org", "0480", "--version", "{P}", "--dry-run"],
        ["import", str(data), "--org", "0480", "--base", "{P}", "--dry-run"],
        ["kolada", "--kpi", "{P}", "--org", "0480", "--years", "2020", "--base-url", "http://127.0.0.1:9/"],
        ["kolada", "--kpi", "N00401", "--org", "{P}", "--years", "2020", "--base-url", "http://127.0.0.1:9/"],
        ["kolada", "--kpi", "N00401", "--org", "0480", "--years", "{P}", "--base-url", "http://127.0.0.1:9/"],
    ]
    return cases


def test_no_command_lets_a_value_reach_the_listener(cli_store, listener, tmp_path):
    runner = CliRunner()
    failures = []
    for template in PAYLOADS:
        payload = template.replace("{url}", listener.url)
        for case in _cli_cases(tmp_path):
            args = ["--store", str(cli_store), "--lang", "en", *(a.replace("{P}", payload) for a in case)]
            result = runner.invoke(cli, args)
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
            if crashed or result.exit_code not in (0, 1, 2) or "Traceback" in result.output or listener.connections:
                failures.append((case, payload, result.exit_code, repr(result.exception), result.output[-400:]))
                listener.connections = 0
    assert not failures, "\n".join(map(repr, failures))
