"""One site, as a newcomer finds it in Chromium: from the query editor at /, every analysis and
an organisation's validation report is at most two clicks away, every page has the same
navigation and language switch, and nothing is fetched from outside the service."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NAVIGATION = ["SPARQL", "Frågebibliotek", "Organisationer", "Analyser", "Kvalitetsgranskning", "Publicering",
              "Ontologi"]


def nav(page, label: str) -> None:
    page.locator("header.site nav a", has_text=label).click()
    page.wait_for_load_state("load")


def heading(page) -> str:
    return page.inner_text("main h1")


def test_every_analysis_and_the_validation_report_within_two_clicks(offline_page, served):
    page = offline_page
    reached = {}
    for target in ("consolidate", "report", "suggest"):  # click 1: Analyser; click 2: the organisation's link
        page.goto(served + "?lang=sv")
        nav(page, "Analyser")
        page.click(f'table a[href^="/analysis/{target}/0480"]')
        page.wait_for_load_state("load")
        reached[target] = heading(page)
    page.goto(served + "?lang=sv")
    nav(page, "Analyser")
    page.click('a[href^="/analysis/coverage"]')
    reached["coverage"] = heading(page)
    page.goto(served + "?lang=sv")
    nav(page, "Analyser")
    page.click('form[action="/analysis/harmonise"] button[type=submit]')  # two organisations preselected
    page.wait_for_load_state("load")
    reached["harmonise"] = heading(page)
    page.goto(served + "?lang=sv")
    nav(page, "Kvalitetsgranskning")
    page.click('main ul a[href*="/analysis/validation?org=0480"]')
    page.wait_for_load_state("load")
    reached["validation"] = heading(page)
    assert reached["consolidate"].startswith("Konsolidering av målstrukturen")
    assert reached["report"].startswith("Hållbarhetsuppföljning")
    assert reached["suggest"].startswith("Förslag på kopplingar")
    assert reached["coverage"].startswith("Täckning av Agenda 2030")
    assert reached["harmonise"].startswith("Harmonisering av målstrukturer")
    assert reached["validation"].startswith("Valideringsrapport")
    assert "överträdelse" in page.inner_text("main")  # the report's counts, in Swedish
    assert page.page_errors == [] and page.blocked == []


@pytest.mark.parametrize("path", ["/", "/queries", "/org/", "/analysis/", "/analysis/validation", "/publication",
                                  "/ontology", "/void", "/datasets/dcat", "/id/org/0480/goal/G1", "/analysis/harmonise"])
def test_every_page_shares_the_navigation_and_the_language_switch(offline_page, served, path):
    page = offline_page
    page.goto(served.rstrip("/") + path + "?lang=sv")
    labels = [text.strip() for text in page.eval_on_selector_all("header.site nav a", "as => as.map(a => a.textContent)")]
    assert labels == NAVIGATION
    page.click("header.site a.lang")
    page.wait_for_load_state("load")
    assert page.eval_on_selector("html", "h => h.lang") == "en"
    assert "Query library" in page.inner_text("header.site")
    assert page.page_errors == [] and page.blocked == []


def test_form_pages_without_parameters_choose_organisations_by_name(offline_page, served):
    page = offline_page
    page.goto(served.rstrip("/") + "/analysis/consolidate?lang=sv")
    options = page.eval_on_selector_all("select[name=org] option", "os => os.map(o => o.textContent)")
    assert any("Nyköping" in option for option in options)
    page.select_option("select[name=org]", label=next(o for o in options if "Nyköping" in o))
    page.click("form.choose button[type=submit]")
    page.wait_for_load_state("load")
    assert heading(page).startswith("Konsolidering av målstrukturen")


def test_result_links_in_the_query_editor_stay_on_the_service(offline_page, served):
    page = offline_page
    page.goto(served + "?lang=en#query=goals_per_level")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr td a", timeout=15000)
    hrefs = page.eval_on_selector_all(".yasr table tbody a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(not href.startswith("https://w3id.org/ssgraph/") for href in hrefs)
    assert any(href.startswith("/id/") for href in hrefs)
    page.click('.yasr table tbody a[href^="/id/"]')
    page.wait_for_load_state("load")
    assert page.url.startswith(served.rstrip("/") + "/id/") and page.page_errors == []
