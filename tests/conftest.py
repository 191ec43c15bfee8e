"""Shared fixtures: stores on both backends (the remote one is a real `oxigraph serve`), and
the store holding the query-library fixture that the query, web and browser tests share."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
import requests
from flask.testing import FlaskClient
from servers import die_with_parent, free_port, installed_tool
from stores import build_example_store, build_fixture_store, build_real_store

from ssgraph.store import open_store


class ClosingClient(FlaskClient):
    """Reads each response whole and closes it, as a WSGI server does, so file-backed
    responses (dumps, the ontology page) do not leave their files open."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("buffered", True)
        return super().open(*args, **kwargs)


def pytest_configure(config):
    from flask import Flask

    Flask.test_client_class = ClosingClient


@pytest.fixture(scope="session")
def fixture_store_dir(tmp_path_factory) -> Path:
    """Built once per run; the query, web and browser tests only read it (writers copy it)."""
    return build_fixture_store(tmp_path_factory.mktemp("query-fixture") / "store")


@pytest.fixture(scope="session")
def example_store_dir(tmp_path_factory) -> Path:
    """The store `ssgraph serve` starts with, built once per run; tests that write copy it."""
    return build_example_store(tmp_path_factory.mktemp("query-examples") / "store")


@pytest.fixture(scope="session")
def real_store_dir(tmp_path_factory) -> Path:
    """The real goal structures of data/realdata with the reference data; built once, only read."""
    return build_real_store(tmp_path_factory.mktemp("real-store") / "store")


def wait_for_http(url: str, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up in {timeout_s} s")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph server on 127.0.0.1, for the remote backend."""
    executable = installed_tool("oxigraph")  # PyPI package oxigraph, in the test extra
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    process = subprocess.Popen(
        [executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent,  # a killed test run leaves no server behind
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/query")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def virtuoso_config(tmp_path_factory):
    """A throw-away Virtuoso 7 on 127.0.0.1 (skipped where the Debian package is absent),
    and the configuration file that points ssgraph at it."""
    from virtuoso import running_virtuoso, store_config

    directory = tmp_path_factory.mktemp("virtuoso")
    with running_virtuoso(directory) as base:
        yield store_config(base, directory / "ssgraph.toml")


@pytest.fixture(params=["embedded", "remote", "virtuoso"])
def any_store(request, tmp_path):
    """An empty store on each backend: embedded Oxigraph, Oxigraph server, Virtuoso 7."""
    if request.param == "embedded":
        store = open_store(tmp_path / "store")
    elif request.param == "remote":
        base = request.getfixturevalue("oxigraph_server")
        store = open_store(base)
        store.update("DROP SILENT ALL")
    else:
        config = request.getfixturevalue("virtuoso_config")
        store = open_store(config_file=config)
        store.drop_graphs([info.iri for info in store.graphs()])  # its own system graphs stay
    try:
        yield store
    finally:
        store.close()
