"""Search on the real goal structures: inflected forms and compounds find a goal, filters
narrow, the web page links every hit, and the CLI and the API answer the same."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from ssgraph import services


def hits(store, query, **options):
    outcome = services.search(store, None, query, limit=200, **options)
    return outcome


@pytest.mark.parametrize("query", ["klimat", "klimatet", "klimatmål", "Klimatförändringar"])
def test_an_inflected_form_or_a_compound_finds_the_climate_goal(store, query):
    outcome = hits(store, query, kinds=["goal"], orgs=["1415"])
    names = {h.iri: h.name for h in outcome.hits}
    assert any("klimat" in name.lower() for name in names.values()), names
    assert all(h.kind == "goal" and h.org == "1415" for h in outcome.hits)


def test_a_compound_needs_all_its_parts_not_its_head_alone(store):
    """"Klimatförändringar" finds climate change, not every text about some change
    ("Förändring av energiförbrukning …" held "förändring" only)."""
    found = hits(store, "Klimatförändringar").hits
    assert found and any(h.kind == "sdg-goal" for h in found)
    assert all("klimat" in (h.name + " " + h.detail).lower() for h in found), [h.name for h in found]


def test_a_compound_query_requires_its_parts_together():
    from ssgraph.search.analyser import fts_query, query_groups

    no_types = {"types_of": lambda word: ()}  # words naming a kind: see test_search_kind_words.py
    [group] = query_groups("klimatmål", **no_types)
    assert '("klimat" AND "mål")' in group and '"mål"' not in group and '"klimat"' not in group
    # a part most documents hold does not narrow the search: the others are required alone
    [group] = query_groups("klimatmål", too_common=lambda term: term == "mål", **no_types)
    assert '"klimat"' in group and not any("mål\"" in term and "klimat" not in term for term in group)
    assert fts_query([group]).startswith("(")


def test_goals_of_several_organisations_and_the_environmental_objective_are_found(store):
    outcome = hits(store, "klimat")
    kinds = {h.kind for h in outcome.hits}
    assert {"goal", "objective"} <= kinds
    assert len({h.org for h in outcome.hits if h.kind == "goal"}) >= 3
    assert outcome.total == len(outcome.hits)
    assert len({h.iri for h in outcome.hits}) == len(outcome.hits)  # one hit per resource


def test_the_best_hit_names_the_word_and_ranking_puts_names_first(store):
    first = hits(store, "växthusgaser", kinds=["goal", "indicator"]).hits[0]
    assert "växthusgas" in first.name.lower()


def test_filters_by_type_organisation_and_sdg(store):
    assert {h.kind for h in hits(store, "hållbar", kinds=["indicator"]).hits} <= {"indicator"}
    assert {h.org for h in hits(store, "utveckling", orgs=["0018"]).hits} == {"0018"}
    by_sdg = hits(store, "klimat", sdgs=["13"]).hits
    assert by_sdg and all("13" in h.sdgs for h in by_sdg)
    assert "13" in {n for h in hits(store, "13.2", kinds=["sdg"]).hits for n in h.sdgs}


def test_archived_versions_only_when_asked(store):
    # Stenungsund's 2019–2020 goal is in an archived version only
    query = "självförsörjande nyanlända"
    assert hits(store, query, orgs=["1415"]).total == 0
    archived = hits(store, query, orgs=["1415"], all_versions=True).hits
    assert [h.iri for h in archived] == ["https://w3id.org/ssgraph/id/org/1415/goal/B.r2.4"]


def test_an_unknown_type_or_sdg_is_a_clear_error(store):
    from ssgraph.errors import InputError

    with pytest.raises(InputError, match="nonsense"):
        hits(store, "klimat", kinds=["nonsense"])
    with pytest.raises(InputError, match="18"):
        hits(store, "klimat", sdgs=["18"])


def test_search_page_lists_goals_with_links_to_their_pages(real_client):
    response = real_client.get("/search", query_string={"q": "klimat", "lang": "sv"}, headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    goals = re.findall(r'<li class="hit hit-goal">.*?<a class="hit-name" href="([^"]+)">([^<]+)</a>', html, re.S)
    assert len(goals) >= 3
    for href, _name in goals:
        assert href.startswith("/id/org/")
        assert real_client.get(href.split("?")[0], headers={"Accept": "text/html"}).status_code == 200
    assert re.search(r'class="hit-org" href="/org/1415\?lang=sv">Stenungsund', html)


def test_search_page_in_english_and_as_json(real_client):
    html = real_client.get("/search", query_string={"q": "klimatmål", "lang": "en"},
                           headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "hits for “klimatmål”" in html and 'class="hit hit-goal"' in html
    response = real_client.get("/search", query_string={"q": "klimatet", "type": "goal", "format": "json"})
    body = response.get_json()
    assert response.status_code == 200 and body["total"] >= 3
    assert {h["kind"] for h in body["hits"]} == {"goal"} and all(h["org_name"] for h in body["hits"])
    api = real_client.get("/api/search", query_string={"q": "klimatet", "type": "goal"}).get_json()
    assert api["hits"] == body["hits"]
    assert real_client.get("/api/search", query_string={"q": "x", "sdg": "99"}).status_code == 400


def test_cli_search_prints_the_same_hits(real_store_dir):
    from ssgraph.cli import cli

    result = CliRunner().invoke(cli, ["--store", str(real_store_dir), "--lang", "en", "search", "klimatmål",
                                      "--type", "goal", "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["total"] >= 3 and {h["kind"] for h in body["hits"]} == {"goal"}
    table = CliRunner().invoke(cli, ["--store", str(real_store_dir), "--lang", "en", "search", "klimat",
                                     "--org", "1415"])
    assert table.exit_code == 0 and "Stenungsund" in table.output


def test_hits_are_counted_up_to_a_bound_and_then_said_to_be_more(store, real_client, monkeypatch):
    from ssgraph.search import index

    everything = hits(store, "klimat")
    assert everything.total_exact and everything.total > 5
    monkeypatch.setattr(index, "COUNTED_HITS", 3)
    first = services.search(store, None, "klimat", limit=2)
    assert (first.total, first.total_exact, first.more) == (3, False, True)
    assert first.to_dict()["total_exact"] is False
    assert [h.iri for h in first.hits] == [h.iri for h in everything.hits[:2]]
    page = real_client.get("/search", query_string={"q": "klimat", "lang": "en", "limit": 2},
                           headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "More than 3 hits for “klimat”" in page and 'rel="next"' in page
    last = services.search(store, None, "klimat", limit=2, offset=everything.total - 2)  # the page counts on
    assert last.total_exact and last.total == everything.total and not last.more


def test_ranking_with_and_without_filters_agrees(store):
    """Without a filter the best rows come from the full-text table alone; with one, from the
    join with the documents: the same order either way."""
    from ssgraph.search import KINDS

    for query in ("klimat", "hållbar utveckling", "växthusgaser"):
        plain = [(h.iri, round(h.score, 9)) for h in hits(store, query).hits]
        filtered = [(h.iri, round(h.score, 9)) for h in hits(store, query, kinds=list(KINDS)).hits]
        assert plain == filtered and plain
