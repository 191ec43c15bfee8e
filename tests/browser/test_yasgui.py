"""The query page in headless Chromium, cut off from every host but the service itself."""

from __future__ import annotations

import pytest

from ssgraph.queries import load_library

pytestmark = pytest.mark.browser
LIBRARY = load_library()


def test_page_loads_offline_with_the_examples_as_tabs(offline_page, served):
    page = offline_page
    page.goto(served + "?lang=en")
    page.wait_for_selector(".yasqe .CodeMirror")
    tab_names = page.eval_on_selector_all(".tabsList .tab", "tabs => tabs.map(t => t.textContent.replace('✖', '').trim())")
    assert LIBRARY.get("goals_per_sdg_per_organisation").title["en"] in tab_names
    assert len([n for n in tab_names if n]) >= len(LIBRARY)
    assert "Query library" in page.inner_text("header")
    assert page.page_errors == []
    assert page.blocked == []  # nothing outside the service was even asked for


def test_swedish_chrome(offline_page, served):
    page = offline_page
    page.goto(served + "?lang=sv")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert "Frågebibliotek" in page.inner_text("header")
    assert LIBRARY.get("goals_per_level").title["sv"] in page.inner_text(".tabsList")


def test_run_an_example_and_see_rows(offline_page, served):
    page = offline_page
    page.goto(served + "?lang=en#query=goals_per_level")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr td", timeout=15000)
    text = page.inner_text(".yasr table tbody")
    assert "level-overarching" in text


def test_every_example_returns_rows(offline_page, served):
    page = offline_page
    page.goto(served + "?lang=en")
    page.wait_for_selector(".yasqe .CodeMirror")
    counts = page.evaluate(
        """async () => {
            const yasgui = window.ssgraphYasgui;
            const counts = {};
            for (const id of yasgui.persistentConfig.getTabs()) {
                yasgui.selectTabId(id);
                const tab = yasgui.getTab(id);
                const yasr = tab.getYasr();
                const done = new Promise(resolve => yasr.once("drawn", () => resolve()));
                await tab.getYasqe().query();
                await done;
                const bindings = yasr.results && yasr.results.getBindings ? yasr.results.getBindings() : [];
                counts[tab.getName()] = bindings ? bindings.length : -1;
            }
            return counts;
        }"""
    )
    titles = {q.title["en"] for q in LIBRARY}
    assert titles <= set(counts)
    empty = [title for title, count in counts.items() if title in titles and count <= 0]
    assert empty == []
    assert page.blocked == []
