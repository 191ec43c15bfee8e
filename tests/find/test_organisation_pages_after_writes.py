"""What the organisation pages keep per state of the store (the organisation list, the versions,
reference concepts' details) is read again after every write: a renamed organisation, a renamed
SDG and a goal structure no longer current show at the next request (a copy of the real store)."""

from __future__ import annotations

import shutil

import pytest

KUMLA = "https://w3id.org/ssgraph/id/org/1881"
ORGANISATIONS = "https://w3id.org/ssgraph/graph/reference/organisations"
SDG = "https://w3id.org/ssgraph/graph/reference/sdg"
CATALOG = "https://w3id.org/ssgraph/graph/catalog"


@pytest.fixture
def app(real_store_dir, tmp_path):
    from ssgraph.web import create_app

    directory = tmp_path / "store"
    shutil.copytree(real_store_dir, directory)
    application = create_app({"store": str(directory), "query_workers": 1})
    yield application
    application.extensions["ssgraph"].close()


def names(client) -> dict[str, str]:
    response = client.get("/org/?format=json")
    assert response.status_code == 200
    return {o["code"]: o["label"] for o in response.get_json()["organisations"]}


def write(app, sparql: str) -> None:
    app.extensions["ssgraph"].write(lambda store: store.update(sparql))


def test_the_pages_follow_each_write(app):
    client = app.test_client()
    assert names(client)["1881"] == "Kumla"
    page = client.get("/org/1881?format=json").get_json()
    compared = client.get("/org/compare?org=1881&org=1415&format=csv").get_data(as_text=True)
    assert "Kumla" in compared and "Bekämpa klimatförändringarna" in compared

    write(app, f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE {{ GRAPH <{ORGANISATIONS}> {{ <{KUMLA}> skos:prefLabel ?name }} }}
INSERT {{ GRAPH <{ORGANISATIONS}> {{ <{KUMLA}> skos:prefLabel "Kumla kommun (omdöpt)"@sv }} }}
WHERE {{ GRAPH <{ORGANISATIONS}> {{ <{KUMLA}> skos:prefLabel ?name }} }}""")
    assert names(client)["1881"] == "Kumla kommun (omdöpt)"
    assert client.get("/org/1881?format=json").get_json()["label"] == "Kumla kommun (omdöpt)"

    write(app, f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE {{ GRAPH <{SDG}> {{ ?goal skos:prefLabel ?name }} }}
INSERT {{ GRAPH <{SDG}> {{ ?goal skos:prefLabel "Klimatet (omdöpt)"@sv }} }}
WHERE {{ GRAPH <{SDG}> {{ ?goal skos:notation "13" ; skos:prefLabel ?name FILTER(lang(?name) = "sv") }} }}""")
    compared = client.get("/org/compare?org=1881&org=1415&format=csv").get_data(as_text=True)
    assert "Klimatet (omdöpt)" in compared and "Bekämpa klimatförändringarna" not in compared

    graph = page["organisation"]["graph"]  # Kumla's only version, made an earlier one
    write(app, f"""PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
DELETE {{ GRAPH <{CATALOG}> {{ ?entry ssg:isCurrentVersion ?current }} }}
INSERT {{ GRAPH <{CATALOG}> {{ ?entry ssg:isCurrentVersion false }} }}
WHERE {{ GRAPH <{CATALOG}> {{ ?entry ssg:graph <{graph}> OPTIONAL {{ ?entry ssg:isCurrentVersion ?current }} }} }}""")
    assert "1881" not in names(client)
    assert client.get("/org/1881").status_code == 404
