"""The harmonisation review on the web: decisions need the update token, are stored as
PROV-O/SSSOM data, and are re-applied when the harmonisation runs again; every analysis
page takes ORG@VERSION. On Region Örebro län's two real regional development strategies."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from review_stores import RUS_2018, RUS_2022, build_review_store

TOKEN = "review-token-7"
PAIR = urlencode({"a": RUS_2018, "b": RUS_2022})
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PREFIXES = """PREFIX ssg: <https://w3id.org/ssgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX sssom: <https://w3id.org/sssom/> PREFIX semapv: <https://w3id.org/semapv/vocab/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> """


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return build_review_store(tmp_path_factory.mktemp("review") / "store")


def _app(store_dir, **settings):
    from ssgraph.web import create_app

    return create_app({"store": str(store_dir), "query_workers": 1, **settings})


@pytest.fixture(scope="module")
def web(store_dir):
    application = _app(store_dir, update_token=TOKEN)
    yield application.test_client()
    application.extensions["ssgraph"].close()


def _review(web) -> dict:
    response = web.get(f"/api/harmonise/review?{PAIR}")
    assert response.status_code == 200
    return response.get_json()


def _decide(web, decisions, headers=AUTH, reviewer="Anna Analytiker"):
    return web.post(f"/api/harmonise/decisions?{PAIR}", json={"reviewer": reviewer, "decisions": decisions},
                    headers=headers)


def _select(web, query: str) -> list[dict]:
    response = web.post("/sparql", data={"query": PREFIXES + query},
                        headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [{k: v["value"] for k, v in b.items()} for b in response.get_json()["results"]["bindings"]]


def _pair(links, subject_id: str, object_id: str) -> dict:
    return next(link for link in links if link["subject"].endswith("/" + subject_id)
                and link["object"].endswith("/" + object_id))


def test_writing_decisions_needs_the_update_token(web, store_dir):
    first = _review(web)["links"][0]
    decision = [{"subject": first["subject"], "object": first["object"], "verdict": "reject"}]
    assert _decide(web, decision, headers={}).status_code == 403
    assert _decide(web, decision, headers={"Authorization": "Bearer wrong"}).status_code == 403
    read_only = _app(store_dir)
    try:
        response = read_only.test_client().post(f"/api/harmonise/decisions?{PAIR}", json={"decisions": decision},
                                                 headers=AUTH)
        assert response.status_code == 404  # no token configured: the service does not write at all
        page = read_only.test_client().get(f"/analysis/harmonise/review?{PAIR}&lang=en",
                                           headers={"Accept": "text/html"}).get_data(as_text=True)
        assert "The service has no update token" in page
    finally:
        read_only.extensions["ssgraph"].close()
    assert set(_review(web)["counts"]) == {"proposed"}  # nothing was written


def test_a_bad_decision_among_good_ones_writes_nothing(web):
    links = _review(web)["links"]
    response = _decide(web, [
        {"subject": links[0]["subject"], "object": links[0]["object"], "verdict": "reject"},
        {"subject": links[0]["subject"], "object": "https://w3id.org/ssgraph/id/org/0480/goal/N2.1", "verdict": "add",
         "relation": "closeMatch"},
    ])
    assert response.status_code == 400
    assert "0480/goal/N2.1" in response.get_json()["error"]
    assert _decide(web, [{"subject": links[0]["subject"], "object": links[0]["object"], "verdict": "merge"}]
                   ).status_code == 400
    assert _decide(web, [{"subject": links[0]["subject"], "object": links[0]["object"], "verdict": "reject"}],
                   reviewer="").status_code == 400  # who decided is part of the decision
    assert set(_review(web)["counts"]) == {"proposed"}


def _short(link: dict) -> tuple[str, str]:
    return link["subject"].rsplit("/", 1)[-1], link["object"].rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def decided(web):
    """Reject one proposed link, accept one, change the relation of one, add one by hand
    (whatever the machine proposes: the review overrides it)."""
    links = _review(web)["links"]
    accepted = _pair(links, "A.m1", "B.m1")  # "Stark konkurrenskraft", the same words in both
    changed = _pair(links, "A.p1.s3", "B.p1.s3")  # "… fler etableringar …" ↔ "… fler hållbara etableringar …"
    relation = "closeMatch" if changed["proposal"]["relation"] != "closeMatch" else "relatedMatch"
    rejected = next(link for link in links if _short(link) not in {("A.m1", "B.m1"), ("A.p1.s3", "B.p1.s3")})
    proposed = {_short(link) for link in links}
    # "begränsad klimatpåverkan" ↔ "Omställning till … en cirkulär ekonomi", unless the machine links them
    pair = next(p for p in (("A.e5", "B.g3"), ("A.e1", "B.g2"), ("A.e2", "B.g3")) if p not in proposed)
    base = "https://w3id.org/ssgraph/id/org/0018/goal/"
    added = {"subject": base + pair[0], "object": base + pair[1], "verdict": "add", "relation": "relatedMatch",
             "comment": "klimat ↔ cirkulär ekonomi"}
    response = _decide(web, [
        {"subject": rejected["subject"], "object": rejected["object"], "verdict": "reject"},
        {"subject": accepted["subject"], "object": accepted["object"], "verdict": "accept"},
        {"subject": changed["subject"], "object": changed["object"], "verdict": "accept", "relation": relation},
        added,
    ])
    assert response.status_code == 200, response.get_data(as_text=True)
    return {"rejected": rejected, "accepted": accepted, "changed": changed, "relation": relation, "added": pair}


def test_decisions_are_stored_with_who_when_and_the_machines_proposal(web, decided):
    rows = _select(web, """
SELECT ?source ?target ?relation ?modifier ?who ?when ?proposed ?confidence WHERE {
  GRAPH ?review { ?d sssom:mapping_justification semapv:ManualMappingCuration }
  FILTER(STRENDS(STR(?review), "/decisions"))
  ?d sssom:mapping_justification semapv:ManualMappingCuration ; ssg:linkSource ?source ; ssg:linkTarget ?target ;
     ssg:linkProperty ?relation ; prov:wasAttributedTo ?agent ; prov:generatedAtTime ?when .
  ?agent rdfs:label ?who .
  OPTIONAL { ?d sssom:predicate_modifier ?modifier }
  OPTIONAL { ?d prov:wasRevisionOf ?p . ?p sssom:mapping_justification semapv:LexicalMatching ;
             ssg:linkProperty ?proposed ; ssg:confidence ?confidence }
}""")
    by_source = {(r["source"].rsplit("/", 1)[-1], r["target"].rsplit("/", 1)[-1]): r for r in rows}
    assert len(rows) == 4 and {r["who"] for r in rows} == {"Anna Analytiker"}
    rejected = by_source[_short(decided["rejected"])]
    assert rejected["modifier"] == "Not" and rejected["proposed"].endswith("#" + decided["rejected"]["proposal"]["relation"])
    changed = by_source[("A.p1.s3", "B.p1.s3")]
    assert changed["relation"].endswith("#" + decided["relation"])
    assert changed["proposed"].endswith("#" + decided["changed"]["proposal"]["relation"])
    assert float(changed["confidence"]) > 0.5
    added = by_source[decided["added"]]
    assert added["relation"].endswith("#relatedMatch") and "modifier" not in added
    assert all(r["when"].startswith("20") for r in rows)


def test_the_review_page_shows_each_decision(web, decided):
    page = web.get(f"/analysis/harmonise/review?{PAIR}&lang=sv", headers={"Accept": "text/html"}).get_data(as_text=True)
    for state in ("Avvisad", "Godtagen", "Ändrad relation", "Tillagd för hand"):
        assert state in page
    assert "Anna Analytiker" in page and "klimat ↔ cirkulär ekonomi" in page
    counts = _review(web)["counts"]
    assert (counts["rejected"], counts["accepted"], counts["changed"], counts["added"]) == (1, 1, 1, 1)


def test_decisions_are_reapplied_when_the_harmonisation_runs_again(web, decided):
    for mode in ("many-to-one", "one-to-one"):
        result = web.get(f"/api/harmonise?{PAIR}&mode={mode}").get_json()
        chosen = {(m["a"].rsplit("/", 1)[-1], m["b"].rsplit("/", 1)[-1]): m["relation"] for m in result["matches"]}
        assert _short(decided["rejected"]) not in chosen, mode  # rejected stays rejected
        assert chosen[decided["added"]] == "relatedMatch", mode  # added by hand stays
        assert chosen[("A.p1.s3", "B.p1.s3")] == decided["relation"], mode  # the reviewer's relation
        assert chosen[("A.m1", "B.m1")] == decided["accepted"]["proposal"]["relation"], mode
    subject, object_ = decided["rejected"]["subject"], decided["rejected"]["object"]
    mapped = _select(web, f"""
SELECT ?p WHERE {{ GRAPH ?g {{ <{subject}> ?p <{object_}> }}
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/ssgraph/graph/mapping/")) }}""")
    assert mapped == []  # nor in the stored mapping graph
    subject, object_ = (f"https://w3id.org/ssgraph/id/org/0018/goal/{g}" for g in decided["added"])
    mapped = _select(web, f"""
SELECT ?p WHERE {{ GRAPH ?g {{ <{subject}> ?p <{object_}> }}
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/ssgraph/graph/mapping/")) }}""")
    assert [r["p"].rsplit("#", 1)[-1] for r in mapped] == ["relatedMatch"]


def test_a_decision_can_be_withdrawn(web, decided):
    accepted = decided["accepted"]
    response = _decide(web, [{"subject": accepted["subject"], "object": accepted["object"], "verdict": "clear"}])
    assert response.status_code == 200
    assert _pair(_review(web)["links"], "A.m1", "B.m1")["state"] == "proposed"


def test_the_decisions_download_as_sssom(web, decided):
    text = web.get(f"/analysis/harmonise/decisions.tsv?{PAIR}").get_data(as_text=True)
    assert text.startswith("#mapping_set_id: ")
    header = next(line for line in text.splitlines() if not line.startswith("#")).split("\t")
    assert header[:5] == ["subject_id", "subject_label", "predicate_id", "predicate_modifier", "object_id"]
    manual = [line.split("\t") for line in text.splitlines() if "semapv:ManualMappingCuration" in line]
    assert any(row[3] == "Not" and row[4] == decided["rejected"]["object"] for row in manual)


# -- ORG@VERSION on every analysis page -----------------------------------------------------

# RUS 2018's wording, not in the 2022 update ("fler hållbara etableringar"; no effect goals)
ONLY_IN_2018 = ("Underlätta för fler etableringar", "begränsad klimatpåverkan", "ökad innovationskraft",
                "förbättrad kompetensförsörjning")


@pytest.mark.parametrize("path", [
    "/analysis/harmonise?" + urlencode({"a": RUS_2018, "b": RUS_2022}),
    "/analysis/consolidate?" + urlencode({"org": RUS_2018}),
    "/analysis/consolidate/" + RUS_2018,
    "/analysis/suggest?" + urlencode({"org": RUS_2018, "all": "", "minimum": "0"}),
    "/analysis/report?" + urlencode({"org": RUS_2018}),
    "/analysis/diff?" + urlencode({"a": RUS_2018, "b": RUS_2022}),
    "/analysis/harmonise/review?" + urlencode({"a": RUS_2018, "b": RUS_2022}),
])
def test_every_analysis_page_takes_org_at_version(web, path):
    response = web.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    page = response.get_data(as_text=True)
    if "/consolidate" not in path:  # consolidation lists only what it finds
        assert any(text in page for text in ONLY_IN_2018)


@pytest.mark.parametrize("path", [
    "/api/harmonise?" + urlencode({"a": RUS_2018, "b": "0018"}),
    "/api/consolidate/" + RUS_2018,
    "/api/suggest/" + RUS_2018 + "?all&minimum=0",
    "/api/report/" + RUS_2018,
    "/api/diff?" + urlencode({"a": RUS_2018, "b": RUS_2022}),
])
def test_every_analysis_api_takes_org_at_version(web, path):
    response = web.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    text = response.get_data(as_text=True)
    assert "/consolidate/" in path or "/goal/A." in text or any(t in text for t in ONLY_IN_2018)


def test_an_unknown_version_is_a_clear_error(web):
    response = web.get("/api/diff?" + urlencode({"a": "0018@1999", "b": RUS_2022}))
    assert response.status_code == 400
    assert "1999" in response.get_json()["error"] and "RUS" in response.get_json()["error"]


def test_the_forms_offer_every_version(web):
    page = web.get("/analysis/consolidate?lang=sv", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'value="0018@regional-utvecklingsstrategi-2018-2030-rus"' in page
    assert 'value="0018"' in page  # the current version by the organisation's code
