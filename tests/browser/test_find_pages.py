"""The acceptance of issue 15 in a real browser (Debian's Chromium) against `ssgraph serve` on
the real goal structures: search, the cycle of one and of all organisations, and two
organisations compared with the CSV downloaded."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def real_server(real_store_dir):
    """`ssgraph serve` on the real goal structures, on a free port of 127.0.0.1."""
    from servers import running_ssgraph

    with running_ssgraph(real_store_dir, "--workers", "1") as base:
        yield base.rstrip("/")


@pytest.fixture
def page(browser, real_server):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def test_search_from_the_header_lists_goals_with_links(page, real_server):
    page.goto(real_server + "/?lang=sv")
    page.fill("form.site-search input[name=q]", "klimat")
    page.press("form.site-search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    goals = page.locator("li.hit-goal a.hit-name")
    assert goals.count() >= 3
    first = goals.first.inner_text()
    goals.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == first.strip()
    page.locator("a.organisation-page").click()
    page.wait_for_url(re.compile(r"/org/\w+"))
    assert page.locator("section#goals ul.tree li").count() >= 1
    for word in ("klimatet", "klimatmål"):
        page.goto(f"{real_server}/search?q={word}&type=goal&lang=sv")
        names = page.locator("li.hit-goal a.hit-name").all_inner_texts()
        assert any("klimat" in n.lower() for n in names), (word, names)
    assert page.errors == []


def test_cycle_of_one_organisation_and_of_all(page, real_server):
    page.goto(real_server + "/analysis/cycle?org=1415&lang=sv")
    steps = page.locator("section.step h2")
    assert steps.count() == 5
    assert page.locator(".element.status-shown").count() >= 1
    assert page.locator(".element.status-missing").count() >= 1
    evidence = page.locator(".element.status-shown ul.evidence a").first
    evidence.click()
    page.wait_for_load_state()
    assert "/id/org/1415/" in page.url
    page.goto(real_server + "/analysis/cycle?lang=en")
    assert page.locator("table.cycle-table tbody tr").count() == 18
    heatmap = page.locator(".heatmap svg")
    assert heatmap.count() == 1 and heatmap.bounding_box()["height"] > 100
    assert page.errors == []


def test_two_real_organisations_compared_with_csv_download(page, real_server):
    page.goto(real_server + "/org/1881?lang=sv")
    page.select_option("form.choose select[name=org]", "1415")
    page.click("form.choose button[type=submit]")
    page.wait_for_url(re.compile(r"/org/compare\?"))
    header = page.locator("table.compare-summary thead th").all_inner_texts()
    assert header[1:] == ["Kumla", "Stenungsund"]
    assert page.locator(".figure svg").count() >= 2
    with page.expect_download() as info:
        page.click("a.csv")
    download = info.value
    assert download.suggested_filename == "compare-1881-1415.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    goals = {row[0]: row[-1] for row in rows[1:] if row[2] == "Mål"}
    assert goals == {"1881": "6", "1415": "4"}
    assert page.errors == []
