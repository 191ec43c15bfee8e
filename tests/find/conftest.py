"""A store with the reference vocabularies and the real goal structures of data/realdata (as
`ssgraph init --examples` loads them, without the illustrative examples), built once per run
and only read; and an app on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssgraph.importing.realdata import load_realdata
from ssgraph.setup import load_reference
from ssgraph.store import open_store


@pytest.fixture(scope="session")
def real_store_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("find-real") / "store"
    store = open_store(directory)
    try:
        load_reference(store)
        load_realdata(store)
    finally:
        store.close()
    return directory


@pytest.fixture(scope="session")
def real_app(real_store_dir):
    from ssgraph.web import create_app

    application = create_app({"store": str(real_store_dir), "query_workers": 2})
    yield application
    application.extensions["ssgraph"].close()


@pytest.fixture(scope="session")
def real_client(real_app):
    return real_app.test_client()


@pytest.fixture(scope="session")
def real_server(real_store_dir):
    """`ssgraph serve` on the real goal structures, on a free port of 127.0.0.1."""
    from servers import running_ssgraph

    with running_ssgraph(real_store_dir, "--workers", "1") as base:
        yield base.rstrip("/")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright (never a downloaded browser)."""
    from browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
