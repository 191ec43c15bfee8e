"""The SS 854000 cycle status on the real goal structures: the five steps with their elements,
evidence that links to the data, gaps with the standard's recommendation, for one
organisation and for all; the CLI and the library query answer the same."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from ssgraph.analysis import cycle
from ssgraph.queries import load_library
from ssgraph.store import open_store

STEPS_SV = ["Organisatoriska förutsättningar", "Planera", "Genomföra och tillämpa", "Utvärdera och rapportera",
            "Analysera och förbättra"]


def test_the_model_comes_from_the_standards_concepts(real_store_dir):
    store = open_store(real_store_dir, read_only=True)
    try:
        steps = cycle.model(store, "en")
    finally:
        store.close()
    assert [s.label for s in steps] == ["Organisational prerequisites", "Plan", "Implement and apply",
                                        "Evaluate and report", "Analyse and improve"]
    assert all(step.elements for step in steps)
    assert all(e.recommendation and e.definition and e.shown_by for s in steps for e in s.elements)
    assert [e.notation for e in steps[1].elements][:3] == ["2.1", "2.2", "2.3"]


def test_cycle_page_of_one_organisation_shows_five_steps_evidence_and_gaps(real_client):
    page = real_client.get("/analysis/cycle", query_string={"org": "1415", "lang": "sv"},
                           headers={"Accept": "text/html"}).get_data(as_text=True)
    assert re.findall(r"<h2>\d\. ([^<]+?) <span", page) == STEPS_SV
    goals = page[page.index("2.4 Mål"):page.index("2.5 ")]
    assert "visas" in goals and 'href="/id/org/1415/goal/D.i' in goals  # evidence, linked
    vision = page[page.index("2.3 Vision"):page.index("2.4 ")]
    assert "saknas" in vision and "Standardens rekommendation" in vision and "vision" in vision.lower()
    revision = page[page.index("5.1 "):page.index("5.2 ")]
    assert "visas" in revision and "/id/org/1415/version/" in revision  # four versions: revised
    assert 'id="tools"' in page


def test_cycle_for_all_organisations_table_and_heat_map(real_client):
    page = real_client.get("/analysis/cycle", query_string={"lang": "en"},
                           headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "SS 854000 cycle for all organisations" in page
    goals_row = re.search(r"<td>2\.4 Goals</td><td>(\d+) / (\d+)</td>", page)
    assert goals_row and goals_row.group(1) == goals_row.group(2) == "10"  # every real organisation has goals
    heatmap = page[page.index('class="figure heatmap"'):]
    assert heatmap.count("<rect") == 10 * 18
    csv_text = real_client.get("/analysis/cycle", query_string={"format": "csv", "lang": "en"}).get_data(as_text=True)
    assert csv_text.splitlines()[0].endswith("Status") and len(csv_text.splitlines()) == 1 + 10 * 18


def test_api_and_library_query_agree(real_client, real_store_dir):
    body = real_client.get("/api/cycle", query_string={"org": "1415"}).get_json()
    api = {e["element"]: e["count"] for step in body["organisations"][0]["steps"] for e in step["elements"]}
    store = open_store(real_store_dir, read_only=True)
    try:
        rows = store.select(load_library()["cycle_status"].bind({"organisation": "1415"}))
    finally:
        store.close()
    assert {str(r["element"]): int(r["evidenceCount"]) for r in rows} == api
    assert api["https://w3id.org/ssgraph/ref/ss854000/element-goals"] == 4


def test_cli_cycle_prints_the_steps_and_writes_files(real_store_dir, tmp_path):
    from ssgraph.cli import cli

    result = CliRunner().invoke(cli, ["--store", str(real_store_dir), "--lang", "en", "cycle", "1415",
                                      "-o", str(tmp_path), "-f", "html", "-f", "json"])
    assert result.exit_code == 0, result.output
    for number, step in enumerate(["Organisational prerequisites", "Plan", "Implement and apply",
                                   "Evaluate and report", "Analyse and improve"], start=1):
        assert f"{number}. {step}" in result.output
    assert "2.4 Goals" in result.output and "missing" in result.output
    data = json.loads((tmp_path / "cycle-1415.json").read_text(encoding="utf-8"))
    assert len(data["organisations"][0]["steps"]) == 5
    assert "Analyse and improve" in (tmp_path / "cycle-1415.html").read_text(encoding="utf-8")
    everyone = CliRunner().invoke(cli, ["--store", str(real_store_dir), "--lang", "sv", "cycle"])
    assert everyone.exit_code == 0 and "10 / 10" in everyone.output
