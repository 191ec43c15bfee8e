"""The federation check at its one home, the store: every query and update of any caller."""

from __future__ import annotations

import time

import pytest
from listener import Listener

from ssgraph.store import FederationPolicy, open_store
from ssgraph.store.federation import RefusedQuery


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.mark.parametrize("text", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o . ex:a\\#b ?q ?r SERVICE <{url}> {{ ?s ?p ?o }} }}",
    'SELECT * WHERE {{ BIND("a\nb" AS ?x) SERVICE <{url}> {{ }} }}',
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ }} }}",
    "DEFINE input:grab-all \"yes\" SELECT * WHERE {{ ?s ?p ?o }}",
])
def test_store_queries_are_checked_whatever_the_caller(tmp_path, listener, text):
    with open_store(tmp_path / "store", federation=FederationPolicy()) as store:
        with pytest.raises(RefusedQuery):
            store.select("PREFIX ex: <http://ex/> " + text.format(url=listener.url))
    time.sleep(0.2)
    assert listener.connections == 0


def test_store_updates_are_checked(tmp_path, listener):
    with open_store(tmp_path / "store", federation=FederationPolicy()) as store:
        with pytest.raises(RefusedQuery):
            store.update(f"LOAD <{listener.url}data.ttl> INTO GRAPH <http://ex/g>")
        with pytest.raises(RefusedQuery):
            store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
    assert listener.connections == 0


def test_allow_listed_service_is_called_from_the_store(tmp_path, listener):
    with open_store(tmp_path / "store", federation=FederationPolicy((listener.url,))) as store:
        with pytest.raises(Exception):  # noqa: B017 - the listener answers nothing useful
            store.select(f"SELECT * WHERE {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}")
    assert listener.connections >= 1


@pytest.mark.parametrize("text, parsed", [
    ('INSERT DATA { <http://ex/s> <http://ex/p> "service and download" }', False),
    ("SELECT ?service WHERE { ?service ?p ?o } # SERVICE <http://x/>", False),
    ("SELECT * WHERE { <http://ex/SERVICE> ?p 'load' }", False),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 1 service", True),
    ('SELECT * WHERE { ?s ?p "unclosed } SERVICE <http://x/> { }', True),
])
def test_only_texts_whose_code_says_service_are_parsed(text, parsed):
    """Data writes full of the word (Swedish 'service', 'download') need no rdflib parse."""
    from ssgraph.store.federation import _needs_parse

    assert _needs_parse(text, is_update=True) is parsed


def test_settings_give_the_cli_its_allow_list(tmp_path, monkeypatch, listener):
    monkeypatch.setenv("SSGRAPH_SERVICE_ALLOW_LIST", listener.url)
    with open_store(tmp_path / "store") as store:
        assert store.federation.services == (listener.url,)
