"""Web fixtures: a store with the reference data and the query-library fixture, apps on it,
and a real `ssgraph serve` on 127.0.0.1 for client tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from servers import running_ssgraph


@pytest.fixture(scope="session")
def web_store_dir(fixture_store_dir) -> Path:
    return fixture_store_dir


@pytest.fixture(scope="session")
def app(web_store_dir, tmp_path_factory):
    """A read-only app (no token) with a short time limit."""
    from ssgraph.web import create_app

    application = create_app({
        "store": str(web_store_dir),
        "query_time_limit": 2,
        "query_workers": 3,
        "max_result_rows": 5000,
        "max_request_bytes": 200_000,
        "dump_cache_dir": str(tmp_path_factory.mktemp("dumps")),
    })
    yield application
    application.extensions["ssgraph"].close()


@pytest.fixture(scope="session")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def writable_app(request, tmp_path_factory, web_store_dir):
    """An app on its own copy of the store, with the test module's TOKEN as update token."""
    from ssgraph.web import create_app

    directory = tmp_path_factory.mktemp("writable") / "store"
    shutil.copytree(web_store_dir, directory)
    application = create_app({"store": str(directory), "update_token": request.module.TOKEN, "query_workers": 2})
    yield application
    application.extensions["ssgraph"].close()


@pytest.fixture(scope="module")
def writer(writable_app):
    return writable_app.test_client()


@pytest.fixture(scope="session")
def live_server(web_store_dir, tmp_path_factory):
    """`ssgraph serve` on a free port of 127.0.0.1."""
    with running_ssgraph(web_store_dir, "--workers", "2", SSGRAPH_QUERY_TIME_LIMIT="2",
                         SSGRAPH_DUMP_CACHE_DIR=str(tmp_path_factory.mktemp("live-dumps"))) as base:
        yield base
