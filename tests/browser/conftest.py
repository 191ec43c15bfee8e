"""A running `ssgraph serve` on the query-library fixture, and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from ssgraph.setup import load_reference
from ssgraph.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parents[1] / "queries" / "fixture.trig"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def die_with_parent() -> None:
    """In the child before exec: SIGTERM when the test process dies (Linux), so a killed
    test run leaves no server behind."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    directory = tmp_path_factory.mktemp("browser") / "store"
    store = open_store(directory)
    try:
        load_reference(store)
        store.load([FIXTURE])
    finally:
        store.close()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, SSGRAPH_DUMP_CACHE_DIR=str(tmp_path_factory.mktemp("browser-dumps")))
    env.pop("SSGRAPH_CONFIG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssgraph", "--store", str(directory), "serve", "--port", str(port), "--no-init"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
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


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def offline_page(browser, served):
    """A page that can reach the service and nothing else; blocked requests are recorded."""
    context = browser.new_context()
    page = context.new_page()
    blocked: list[str] = []
    host = served.rstrip("/")

    def route(route_, request):
        if request.url.startswith(host + "/") or request.url == host:
            route_.continue_()
        else:
            blocked.append(request.url)
            route_.abort()

    page.route("**/*", route)
    page.blocked = blocked  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.page_errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()
