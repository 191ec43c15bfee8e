"""The analysis commands and web pages, end to end on the small fixture store."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from ssgraph.cli import cli


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from analysis_fixture import load_small

    directory = tmp_path_factory.mktemp("cli-store")
    load_small(directory).close()
    return directory


def run(store_dir, *args):
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "--lang", "en", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_harmonise_writes_files_and_the_mapping_graph(store_dir, tmp_path):
    output = run(store_dir, "harmonise", "9001", "9002", "--mode", "one-to-one", "-o", str(tmp_path))
    assert "2 matches" in output
    html = (tmp_path / "harmonise-9001-9002.html").read_text(encoding="utf-8")
    assert "<svg" in html and "skos:exactMatch" in html
    assert "skos:exactMatch" in (tmp_path / "harmonise-9001-9002.csv").read_text(encoding="utf-8")
    query = run(store_dir, "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH "
                "<https://w3id.org/ssgraph/graph/mapping/9001-9002> "
                "{ ?a <http://www.w3.org/2004/02/skos/core#exactMatch> ?b } }")
    assert "2" in query


def test_consolidate_coverage_goal_graph_and_suggest(store_dir, tmp_path):
    assert "5 goals in 2 documents ->" in run(store_dir, "consolidate", "9001", "-o", str(tmp_path))
    run(store_dir, "coverage", "--org", "9001,9002", "-o", str(tmp_path))
    assert (tmp_path / "coverage-sdg.png").read_bytes().startswith(b"\x89PNG")
    assert json.loads((tmp_path / "coverage.json").read_text())["matrices"]["sdg_goals"]["9001"]["13"] == 3
    assert "nodes" in run(store_dir, "goal-graph", "-o", str(tmp_path))
    assert (tmp_path / "goal-graph.graphml").exists()
    suggest_dir = tmp_path / "suggest"
    output = run(store_dir, "suggest", "9001", "-o", str(suggest_dir))
    assert "Environmental objective 15" in output and "avfall" in output
    assert not re.search(r"\bs[0-9a-f]{8}\b", output)  # labels, not hash ids
    assert not suggest_dir.exists()  # no files unless a format is asked for
    run(store_dir, "suggest", "9001", "-o", str(suggest_dir), "-f", "csv")
    assert "föreslagen koppling" not in (suggest_dir / "suggest-9001.csv").read_text(encoding="utf-8")
    assert "suggested link" in (suggest_dir / "suggest-9001.csv").read_text(encoding="utf-8")


def test_report_without_pdf(store_dir, tmp_path):
    run(store_dir, "report", "9001", "--period", "2024", "--no-pdf", "-o", str(tmp_path))
    assert "Partly fulfilled" in (tmp_path / "report-9001-2024.html").read_text(encoding="utf-8")


def test_unknown_organisation_is_reported(store_dir, tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "--lang", "en", "consolidate", "1234"])
    assert result.exit_code != 0 and "1234" in result.output


def test_web_pages_and_api(store_dir):
    from ssgraph.web import analysis_pages, create_app

    app = create_app({"store": str(store_dir), "query_workers": 1, "update_token": "secret"})
    analysis_pages.register(app)  # create_app may already have; registering is idempotent
    client = app.test_client()
    index = client.get("/analysis/").get_data(as_text=True)
    assert 'href="/analysis/consolidate/9001?lang=sv"' in index and 'href="/analysis/report/9001?period=' in index
    assert 'href="/analysis/validation?org=9001&amp;lang=sv"' in index
    for form_page in ("harmonise", "consolidate", "report", "suggest", "validation"):
        page = client.get(f"/analysis/{form_page}")  # without parameters: the form, by name
        assert page.status_code == 200 and '<select name="' in page.get_data(as_text=True), form_page
    data = client.get("/api/harmonise?a=9001&b=9002&mode=one-to-one").get_json()
    assert len(data["matches"]) == 2
    assert len(client.get("/api/harmonise?a=9001&b=9002").get_json()["matches"]) == 3  # a 2:1 merge
    assert client.get("/api/harmonise?a=9001&b=9002&mode=best").status_code == 400
    assert client.get("/api/consolidate/9001").get_json()["summary"]["goals"][0] == 5
    assert client.get("/api/coverage?org=9001").get_json()["matrices"]["sdg_goals"]["9001"]["4"] == 1
    assert client.get("/api/report/9001?period=2024").get_json()["status_counts"]["partly-fulfilled"] == 1
    suggestions = client.get("/api/suggest/9001").get_json()["suggestions"]
    assert any(s["un_iri"] == "http://metadata.un.org/sdg/11.6" for s in suggestions)
    assert client.get("/analysis/harmonise?a=9001&b=9002").mimetype == "text/html"
    assert client.get("/analysis/coverage/heatmap.png").data.startswith(b"\x89PNG")
    missing = client.get("/api/harmonise?a=9001")
    assert missing.status_code == 400 and missing.get_json()["id"] == "web.analysis.missing_parameter"
    chosen = next(s["id"] for s in suggestions if s["un_iri"] == "http://metadata.un.org/sdg/11.6")
    refused = client.post("/api/suggest/9001/accept", json={"ids": [chosen]})
    assert refused.status_code == 403
    accepted = client.post("/api/suggest/9001/accept", json={"ids": [chosen], "method": "manual"},
                           headers={"Authorization": "Bearer secret"})
    assert accepted.get_json() == {"ok": True, "accepted": 1, "method": "manual"}
    remaining = client.get("/api/suggest/9001").get_json()["suggestions"]
    assert not any(s["id"] == chosen for s in remaining)  # goal 3 now has an SDG link


@pytest.mark.browser
def test_report_prints_to_pdf_with_chromium(store_dir, tmp_path):
    from ssgraph.cli.report_files import find_chromium

    if find_chromium() is None:
        pytest.skip("Chromium is not installed")
    run(store_dir, "report", "9001", "--period", "2024", "-o", str(tmp_path))
    assert (tmp_path / "report-9001-2024.pdf").read_bytes().startswith(b"%PDF")
