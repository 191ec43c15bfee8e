"""Web fixtures: a store with the reference data and the query-library fixture, apps on it,
and a real gunicorn server on 127.0.0.1 for client tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from ssgraph.setup import load_reference
from ssgraph.store import open_store

FIXTURE = Path(__file__).parents[1] / "queries" / "fixture.trig"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_store(directory: Path) -> Path:
    store = open_store(directory)
    try:
        load_reference(store)
        store.load([FIXTURE])
    finally:
        store.close()
    return directory


def die_with_parent() -> None:
    """In the child before exec: SIGTERM when the test process dies (Linux), so a killed
    test run leaves no server behind."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@pytest.fixture(scope="session")
def web_store_dir(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "store")


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
    """`ssgraph serve` (gunicorn, 2 workers) on a free port of 127.0.0.1."""
    port = free_port()
    env = dict(os.environ, SSGRAPH_QUERY_TIME_LIMIT="2",
               SSGRAPH_DUMP_CACHE_DIR=str(tmp_path_factory.mktemp("live-dumps")))
    env.pop("SSGRAPH_CONFIG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssgraph", "--store", str(web_store_dir), "serve", "--port", str(port),
         "--workers", "2", "--no-init"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(base + "sparql", timeout=10)
            break
        except requests.RequestException:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("ssgraph serve did not start")
            time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
