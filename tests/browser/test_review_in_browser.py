"""Acceptance of the harmonisation review, as an officer does it in Chromium: harmonise two
real goal sets (Region Örebro län's regional development strategy 2018–2030 and its 2022
update), accept, reject and add links, change a relation, download the merged structure as
a workbook, and import it as a new organisation with `ssgraph import`: its goals carry
prov:wasDerivedFrom to the goals of both sources."""

from __future__ import annotations

import subprocess
import sys

import pytest
from review_stores import build_review_store
from servers import running_ssgraph

from ssgraph.store import open_store

pytestmark = pytest.mark.browser

TOKEN = "browser-review-token"
GOAL = "https://w3id.org/ssgraph/id/org/0018/goal/"
NEW = "https://w3id.org/ssgraph/id/org/1880/goal/"


def _row(page, subject: str, object_: str):
    return page.locator(f'tr.link[data-subject="{GOAL}{subject}"][data-object="{GOAL}{object_}"]')


def _click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def test_review_in_the_browser_then_import_the_merged_workbook(browser, tmp_path_factory):
    store_dir = build_review_store(tmp_path_factory.mktemp("browser-review") / "store")
    workbook = tmp_path_factory.mktemp("download") / "merged.xlsx"
    with running_ssgraph(store_dir, SSGRAPH_UPDATE_TOKEN=TOKEN,
                         SSGRAPH_DUMP_CACHE_DIR=str(tmp_path_factory.mktemp("review-dumps"))) as base:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # from the analyses page: choose the two versions by name, open the review
        page.goto(base + "analysis/?lang=sv")
        form = page.locator('form[action="/analysis/harmonise/review"]')
        form.locator("select[name=a]").select_option(label=next(
            o for o in form.locator("select[name=a] option").all_inner_texts() if "2018–2030 (RUS)" in o))
        form.locator("select[name=b]").select_option(label=next(
            o for o in form.locator("select[name=b] option").all_inner_texts() if "RUS 2022–2030" in o))
        _click_and_wait(page, form.locator("button[type=submit]"))
        assert page.inner_text("main h1").startswith("Granskning av harmonisering")
        pairs = [(row.get_attribute("data-subject")[len(GOAL):], row.get_attribute("data-object")[len(GOAL):])
                 for row in page.locator("tr.link").all()]
        rejected = next(p for p in pairs if p not in {("A.m1", "B.m1"), ("A.p1.s3", "B.p1.s3")})
        proposed = _row(page, *rejected)
        assert "Textlikhet" in proposed.inner_text()  # the evidence, in Swedish
        # without name and token nothing is sent
        proposed.locator('button[data-verdict="reject"]').click()
        assert "Fyll i ditt namn" in page.inner_text("#review-status")
        page.fill("#reviewer", "Anna Analytiker")
        page.fill("#token", TOKEN)
        _click_and_wait(page, proposed.locator('button[data-verdict="reject"]'))
        assert "Avvisad" in _row(page, *rejected).inner_text()
        _click_and_wait(page, _row(page, "A.m1", "B.m1").locator('button[data-verdict="accept"]'))
        changed = _row(page, "A.p1.s3", "B.p1.s3")
        machine = changed.locator("select[name=relation]").input_value()
        relation = "closeMatch" if machine != "closeMatch" else "exactMatch"  # either merges the two goals
        changed.locator("select[name=relation]").select_option(relation)
        _click_and_wait(page, changed.locator('button[data-verdict="change"]'))
        added = next(p for p in (("A.e5", "B.g3"), ("A.e1", "B.g2")) if p not in pairs)
        add = page.locator("#add-link")
        add.locator("select[name=subject]").select_option(GOAL + added[0])  # begränsad klimatpåverkan
        add.locator("select[name=object]").select_option(GOAL + added[1])  # … en cirkulär ekonomi
        add.locator("select[name=relation]").select_option("relatedMatch")
        add.locator("input[name=comment]").fill("klimat ↔ cirkulär ekonomi")
        _click_and_wait(page, add.locator("button[type=submit]"))
        states = {state: page.locator(f"tr.state-{state}").count() for state in ("accepted", "changed", "rejected",
                                                                                 "added")}
        assert states == {"accepted": 1, "changed": 1, "rejected": 1, "added": 1}
        assert "Anna Analytiker" in _row(page, *added).inner_text()
        # a wrong token is refused, and said so
        page.fill("#token", "wrong")
        _row(page, "A.m1", "B.m1").locator('button[data-verdict="reject"]').click()
        page.wait_for_function("document.getElementById('review-status').textContent.includes('Kunde inte spara')")
        assert page.locator("tr.state-rejected").count() == 1
        # the merged structure as a workbook for the new organisation
        export = page.locator("#export")
        export.locator("input[name=code]").fill("1880")
        export.locator("input[name=name]").fill("Örebro kommun")
        export.locator("select[name=type]").select_option("municipality")
        export.locator("input[name=version]").fill("Harmoniserad RUS 2018–2030 och 2022")
        with page.expect_download() as download:
            export.locator("button[type=submit]").click()
        download.value.save_as(workbook)
        assert errors == []
        context.close()
    imported = subprocess.run([sys.executable, "-m", "ssgraph", "--store", str(store_dir), "import", str(workbook)],
                              capture_output=True, text=True, timeout=300)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    store = open_store(store_dir)
    try:
        rows = store.select("""
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?goal ?label ?source WHERE {
  GRAPH ?g { ?goal prov:wasDerivedFrom ?source ; rdfs:label ?label }
  FILTER(STRSTARTS(STR(?goal), "https://w3id.org/ssgraph/id/org/1880/goal/"))
  FILTER(STRSTARTS(STR(?source), "https://w3id.org/ssgraph/id/org/0018/goal/"))
}""")
    finally:
        store.close()
    sources: dict[str, set[str]] = {}
    labels = {}
    for row in rows:
        sources.setdefault(str(row["goal"]), set()).add(str(row["source"])[len(GOAL):])
        labels[str(row["goal"])] = str(row["label"])
    merged = {frozenset(found) for found in sources.values()}
    assert frozenset({"A.m1", "B.m1"}) in merged  # accepted: one goal from both
    assert frozenset({"A.p1.s3", "B.p1.s3"}) in merged  # the relation changed to close: still merged
    assert not any(set(rejected) <= found for found in sources.values())  # rejected: kept apart
    assert frozenset({added[0]}) in merged  # a related link does not merge goals
    both = [goal for goal, found in sources.items() if any(s.startswith("A.") for s in found)
            and any(s.startswith("B.") for s in found)]
    assert len(both) >= 5  # the strategies' shared goals, each derived from both versions
    assert "Stark konkurrenskraft" in {labels[goal] for goal in both}
    assert all(goal.startswith(NEW) for goal in sources)


def test_the_review_page_is_reached_from_the_harmonisation(offline_page, served):
    page = offline_page
    page.goto(served + "analysis/?lang=en")
    with page.expect_navigation():
        page.click('form[action="/analysis/harmonise"] button[type=submit]')  # two organisations preselected
    with page.expect_navigation():
        page.click("a.review-link")
    assert page.inner_text("main h1").startswith("Harmonisation review")
    assert "The service has no update token" in page.inner_text("main")  # the fixture's service only reads
    assert page.locator("tr.link").count() >= 1
    assert page.page_errors == [] and page.blocked == []
