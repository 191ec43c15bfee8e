"""/queries and /queries/<name>: the library over HTTP, with bound parameters."""

from __future__ import annotations

import csv
import io
import json

FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def test_list_as_json(client):
    body = json.loads(client.get("/queries", headers={"Accept": "application/json"}).data)
    names = [q["name"] for q in body["queries"]]
    assert len(names) >= 20 and "goals_per_sdg_per_organisation" in names
    first = next(q for q in body["queries"] if q["name"] == "sdg_goals_without_indicator")
    assert first["params"] == [{"name": "sdg", "type": "iri", "default": "https://w3id.org/ssgraph/ref/sdg/5",
                                "short_default": "5", "description": "Det globala målet: nummer (t.ex. 13) eller IRI"}]
    english = json.loads(client.get("/queries?lang=en", headers={"Accept": "application/json"}).data)["queries"]
    first = next(q for q in english if q["name"] == "sdg_goals_without_indicator")
    assert first["params"][0]["description"] == "The SDG: number (e.g. 13) or IRI"


def test_list_in_both_languages(client):
    sv = json.loads(client.get("/queries?lang=sv", headers={"Accept": "application/json"}).data)["queries"]
    en = json.loads(client.get("/queries?lang=en", headers={"Accept": "application/json"}).data)["queries"]
    assert sv[0]["title"] != en[0]["title"]


def test_list_as_html(client):
    html = client.get("/queries", headers={"Accept": FIREFOX}).data.decode()
    assert "Frågebibliotek" in html and 'action="/queries/goals_per_level"' in html


def test_run_with_default_parameters_as_csv(client):
    response = client.get("/queries/sdg_goals_without_indicator", headers={"Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(response.data.decode())))
    assert rows[0] == ["organisation", "organisationLabel", "goalsOnSdg"]
    assert rows[1] == ["https://w3id.org/ssgraph/id/org/0480", "Nyköping", "2"]


def test_run_with_a_parameter(client):
    response = client.get("/queries/sdg_goals_without_indicator",
                          query_string={"sdg": "https://w3id.org/ssgraph/ref/sdg/13"}, headers={"Accept": "text/csv"})
    assert response.data.decode().strip().splitlines() == ["organisation,organisationLabel,goalsOnSdg"]


def test_short_forms_of_iri_parameters(client):
    full = client.get("/queries/sdg_goals_without_indicator", query_string={"sdg": "https://w3id.org/ssgraph/ref/sdg/5"},
                      headers={"Accept": "text/csv"}).data
    assert client.get("/queries/sdg_goals_without_indicator", query_string={"sdg": "5"},
                      headers={"Accept": "text/csv"}).data == full
    overlap = client.get("/queries/goal_structure_overlap", query_string={"first": "0480", "second": "1440"},
                         headers={"Accept": "text/csv"})
    assert overlap.status_code == 200


def test_bad_parameter_value_is_400(client):
    response = client.get("/queries/sdg_goals_without_indicator", query_string={"sdg": "x> } ; DROP ALL #"})
    assert response.status_code == 400
    assert "sdg" in json.loads(response.data)["error"]


def test_unknown_query_is_an_error(client):
    assert client.get("/queries/nope").status_code == 404


def test_run_as_html(client):
    html = client.get("/queries/goals_per_level", query_string={"format": "html"}).data.decode()
    assert '<a href="/id/org/0480" title="ssgid:org/0480">Nyköping</a>' in html  # by label, on this service
    assert 'href="/queries/goals_per_level?format=csv"' in html  # the same answer as CSV
    form = client.get("/queries/sdg_goals_without_indicator", query_string={"format": "html", "sdg": "13"}).data.decode()
    assert 'name="sdg" value="13"' in form and "Det globala målet" in form
