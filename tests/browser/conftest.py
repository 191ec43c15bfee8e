"""A running `ssgraph serve` on the query-library fixture, and Debian's Chromium via Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from servers import running_ssgraph

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright never downloads a browser here
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def served(fixture_store_dir, tmp_path_factory):
    with running_ssgraph(fixture_store_dir, SSGRAPH_DUMP_CACHE_DIR=str(tmp_path_factory.mktemp("browser-dumps"))) as base:
        yield base


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
