"""Organisation pages and comparisons on the real goal structures (data/realdata)."""

from __future__ import annotations

import csv
import io
import re

import pytest

STENUNGSUND_2019 = "10-inriktningsmal-verksamhetsplan-2019-2020"  # archived, with indicator values


def html(client, path, **params):
    response = client.get(path, query_string=params, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_organisation_page_shows_the_current_goal_tree_versions_coverage_and_cycle(real_client):
    page = html(real_client, "/org/1415", lang="sv")
    assert re.search(r"<h1>Stenungsund</h1>", page)
    tree = page[page.index('id="goals"'):page.index('id="versions"')]
    assert "Mål 13: Bekämpa klimatförändringarna." in tree
    assert 'href="/id/org/1415/goal/D.i4?lang=sv"' in tree
    versions = page[page.index('id="versions"'):page.index('id="documents"')]
    assert versions.count("<tr") == 1 + 4  # header + the four versions of Stenungsund's goals
    assert "Ändringar mot föregående version" in versions and 'id="diff"' in versions
    assert "Tillkomna mål" in versions or "Borttagna mål" in versions
    coverage = page[page.index('id="coverage"'):page.index('id="validation"')]
    assert re.search(r'<span class="tile" style="background: #3F7E44" title="[^"]+: 1 mål">13</span>', coverage)
    cycle = page[page.index('id="cycle"'):page.index('id="goals"')]
    assert cycle.count("<th>") == 5 and 'href="/analysis/cycle?org=1415' in cycle


def test_an_archived_version_shows_its_indicators_with_sparklines(real_client):
    page = html(real_client, "/org/1415", version=STENUNGSUND_2019, lang="en")
    assert "Goal structure: 10 inriktningsmål (verksamhetsplan; 2019–2020)" in page
    indicators = page[page.index('id="indicators"'):page.index('id="coverage"')]
    rows = re.findall(r"<tr><td><a href=\"/id/org/1415/indicator/[^\"]+\">.*?</tr>", indicators, re.S)
    assert len([r for r in rows if "<polyline" in r]) == 4  # the four indicators with values
    assert re.search(r"andel behöriga till gymnasiet.*?81\.9 % \(2018\).*?rising", indicators, re.S)


def test_a_sparkline_draws_the_target_as_a_dashed_line():
    from ssgraph.rendering.svg_charts import sparkline

    svg = str(sparkline([("2019", 10.0), ("2020", 12.0), ("2021", 15.0)], 20.0, "Andel <förnybar>"))
    assert svg.count("<polyline") == 1 and 'stroke-dasharray="3 2"' in svg
    assert "Andel &lt;förnybar&gt;" in svg
    assert str(sparkline([], 5.0, "x")) == ""


def test_organisation_page_as_json_and_unknown_ones(real_client):
    body = real_client.get("/org/0018", query_string={"format": "json"}).get_json()
    assert body["code"] == "0018" and len(body["versions"]) == 7
    assert sum(1 for v in body["versions"] if v["current"]) == 1
    assert body["cycle"]["organisation"] == "0018"
    assert real_client.get("/org/9999", headers={"Accept": "text/html"}).status_code == 404
    assert real_client.get("/org/0018", query_string={"version": "nope"},
                           headers={"Accept": "text/html"}).status_code == 400


def test_search_hits_and_entity_pages_link_to_the_organisation_page(real_client):
    page = html(real_client, "/search", q="klimat", lang="sv")
    assert 'href="/org/1415?lang=sv"' in page
    entity = html(real_client, "/id/org/1415/goal/D.i4", lang="sv")
    assert 'href="/org/1415' in entity


def test_two_real_organisations_side_by_side(real_client):
    page = html(real_client, "/org/compare", org=["1415", "0018"], lang="sv")
    assert "<h1>Organisationer sida vid sida</h1>" in page
    summary = page[page.index('class="full compare-summary"'):page.index("</table>", page.index("compare-summary"))]
    assert re.search(r"<th>Mål</th><td>4</td><td>1</td>", summary)
    assert page.count("<svg") >= 2  # coverage charts
    assert 'format=csv' in page


def test_comparison_csv_download(real_client):
    response = real_client.get("/org/compare", query_string={"org": ["1415", "1881"], "format": "csv", "lang": "en"})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    goals = {r["Organisation code"] if "Organisation code" in r else list(r.values())[0]: r for r in rows
             if r.get("Measure") == "Goals"}
    assert {k: v["Value"] for k, v in goals.items()} == {"1415": "4", "1881": "6"}
    kumla_objectives = [r for r in rows if r["Measure"] == "Goals per environmental objective"
                        and list(r.values())[0] == "1881" and r["Value"] != "0"]
    assert len(kumla_objectives) == 5


def test_comparison_needs_two_organisations(real_client):
    page = html(real_client, "/org/compare", org="1415", lang="en")
    assert "Choose at least two" in page
    response = real_client.get("/org/compare", query_string={"org": "1415", "format": "json"})
    assert response.status_code == 400


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pages_have_no_untranslated_ids(real_client, lang):
    for path in ("/org/0018", "/org/compare?org=0018&org=1415", "/analysis/cycle", "/analysis/cycle?org=1415"):
        page = real_client.get(path + ("&" if "?" in path else "?") + f"lang={lang}",
                               headers={"Accept": "text/html"}).get_data(as_text=True)
        assert not re.search(r">\s*(find|report|ui)\.[a-z_.-]+\s*<", page), path
