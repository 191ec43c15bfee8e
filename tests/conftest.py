"""Shared fixtures: stores on both backends (the remote one is a real `oxigraph serve`)."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
import requests
from servers import free_port

from ssgraph.store import open_store


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
    executable = shutil.which("oxigraph")
    if executable is None:
        pytest.fail("the 'oxigraph' command (PyPI package oxigraph, in the test extra) is missing")
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    process = subprocess.Popen(
        [executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/query")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(params=["embedded", "remote"])
def any_store(request, tmp_path):
    """An empty store on each backend."""
    if request.param == "embedded":
        store = open_store(tmp_path / "store")
    else:
        base = request.getfixturevalue("oxigraph_server")
        store = open_store(base)
        store.update("DROP SILENT ALL")
    try:
        yield store
    finally:
        store.close()
