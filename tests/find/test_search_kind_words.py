"""Words that name a kind of thing ("mål", "indikator", "kommun", "goal") are read as a
filter by type as well as a text word, from the catalogue's words; the reference concepts
users look for (green key indicators, public-health target areas, SDG indicators, supporting
tools, the standard's process steps) are indexed. On the real goal structures."""

from __future__ import annotations

import re
import sqlite3

import pytest
from rdflib import RDFS, Graph, URIRef

from ssgraph import catalogue, paths, services
from ssgraph.search import KINDS
from ssgraph.search.analyser import kind_readings, query_groups
from ssgraph.search.kind_words import ENTRY_PREFIX, type_keys, types_named_by
from ssgraph.store import open_store

SSG = "https://w3id.org/ssgraph/ontology#"


def search(store, query, **options):
    return services.search(store, None, query, limit=200, **options)


def mentions(hit, word: str) -> bool:
    return word in (hit.name + " " + hit.detail).lower()


# -- the words, from the catalogue -------------------------------------------------------------


def _subclasses(ontology: Graph, root: str) -> set[str]:
    return {str(c).rsplit("#", 1)[-1] for c in ontology.transitive_subjects(RDFS.subClassOf, URIRef(root))}


def test_every_kind_word_names_a_search_type_or_one_of_its_classes():
    ontology = Graph().parse(paths.ONTOLOGY_FILE)
    keys = type_keys()
    assert {"goal", "indicator", "organisation", "document", "sdg", "objective", "organisation.Municipality"} <= set(keys)
    for key in keys:
        kind, _, class_name = key.partition(".")
        assert kind in KINDS, key
        assert catalogue.has(f"find.kind.{kind}"), key
        if class_name:
            assert any(class_name in _subclasses(ontology, str(root)) for root in KINDS[kind]), key
            assert catalogue.has(f"find.class.{class_name}"), key
        entry = catalogue.entry(ENTRY_PREFIX + key)
        for word in f"{entry.sv},{entry.en}".split(","):
            assert re.fullmatch(r"[\wåäö-]+", word.strip()), f"{key}: {word!r} is not one word"


def test_the_search_help_names_every_type():
    for lang in ("sv", "en"):
        listed = catalogue.text("help.search.kinds", lang)
        assert all(kind in re.findall(r"[a-z-]+", listed) for kind in KINDS), listed


@pytest.mark.parametrize("word, types", [
    ("mål", {"goal", "objective", "sdg", "sdg-goal"}), ("målen", {"goal", "objective", "sdg", "sdg-goal"}),
    ("indikatorer", {"indicator", "sdg-indicator", "green-key"}), ("goals", {"goal", "objective", "sdg-goal"}),
    ("kommunens", {"organisation.Municipality"}), ("styrdokument", {"document"}), ("delmål", {"goal.SubGoal", "sdg"}),
    ("miljömålen", {"objective"}), ("klimat", set()), ("målare", set()), ("kommunal", set()),
])
def test_a_word_names_types_in_any_inflection(word, types):
    assert set(types_named_by(word)) == types


def test_a_type_word_is_an_alternative_of_its_group_and_a_compound_part_too():
    [climate, goal] = query_groups("klimat mål")
    assert not any(term.startswith('"_') for term in climate)
    assert '"mål"' in goal and '"_kgoal"' in goal
    [compound] = query_groups("klimatmål")
    assert any('"klimat" AND ("mål" OR "_kgoal"' in term for term in compound)
    # a part too common as a word still counts as a type
    [compound] = query_groups("klimatmål", too_common=lambda term: term == "mål")
    assert any(term.startswith('("klimat" AND ("_kgoal"') for term in compound)
    assert kind_readings("klimatmål") == [("mål", types_named_by("mål"))]
    assert kind_readings("mål för klimatet") == [("mål", types_named_by("mål"))]
    assert kind_readings("klimatet") == []


# -- searching -----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["klimat mål", "mål klimat", "klimatmål"])
def test_a_kind_word_finds_goals_whose_text_lacks_it(store, query):
    found = search(store, query)
    goals = [h for h in found.hits if h.kind == "goal"]
    assert any(not mentions(h, "mål") for h in goals), [h.name for h in goals]  # by their type
    assert all(h.kind in ("goal", "objective", "sdg", "sdg-goal") or mentions(h, "mål") for h in found.hits)
    # every climate goal "klimat" finds, and Stenungsund's climate goal among them
    climate_goals = {h.iri for h in search(store, "klimat", kinds=["goal"]).hits}
    assert climate_goals <= {h.iri for h in goals}
    assert any(h.org == "1415" and "klimat" in h.name.lower() for h in goals)
    assert found.read_as_types == [("mål", ("goal", "objective", "sdg", "sdg-goal"))]


def test_the_word_in_the_text_ranks_normally(store, monkeypatch):
    """A hit whose text holds the kind word scores as it would if the word were a plain text
    word; a hit found by its type alone scores as the other words alone make it."""
    typed = {h.iri: h.score for h in search(store, "klimat mål").hits}
    climate = {h.iri: h.score for h in search(store, "klimat").hits}
    monkeypatch.setattr("ssgraph.search.analyser.types_named_by", lambda word: ())
    as_text = {h.iri: h.score for h in search(store, "klimat mål").hits}
    assert as_text and set(as_text) < set(typed)
    for iri, score in typed.items():
        assert score == pytest.approx(as_text.get(iri, climate[iri]), rel=1e-9), iri
    best = sorted(typed, key=lambda iri: -typed[iri])[:3]
    assert set(best) <= set(as_text)  # the words in the text weigh: these say "mål" as well


def test_order_of_words_and_the_kind_filter_agree(store):
    first = [h.iri for h in search(store, "klimat mål").hits]
    assert first == [h.iri for h in search(store, "mål klimat").hits]
    goals_only = [h.iri for h in search(store, "klimat mål", kinds=["goal"]).hits]
    assert goals_only == [iri for iri in first if iri in set(goals_only)]


def test_indicator_and_municipality_words(store):
    waste = search(store, "indikator avfall").hits
    assert waste and all(h.kind in ("indicator", "green-key", "sdg-indicator") or mentions(h, "indikator")
                         for h in waste)
    assert "green-key" in {h.kind for h in waste}  # "Total mängd hushållsavfall …" (GN.10)
    orebro = search(store, "Örebro", kinds=["organisation"]).hits
    assert {"1880", "0018"} <= {h.org for h in orebro}  # the municipality and the region
    municipality = search(store, "kommun Örebro").hits
    assert "1880" in {h.org for h in municipality if h.kind == "organisation"}
    assert "0018" not in {h.org for h in municipality if h.kind == "organisation"}
    english = search(store, "goal climate").hits
    assert {"sdg-goal", "objective"} <= {h.kind for h in english}


def test_reference_concepts_users_look_for_are_indexed(store, real_client):
    found = search(store, "gröna nyckeltal")
    assert {h.kind for h in found.hits} >= {"green-key", "tool"}
    assert len([h for h in found.hits if h.kind == "green-key"]) == 12
    assert [h.name for h in search(store, "tidiga livets villkor").hits if h.kind == "public-health"] == \
        ["Det tidiga livets villkor"]
    assert {"tool"} == {h.kind for h in search(store, "miljödiplomering").hits}
    assert "process" in {h.kind for h in search(store, "nulägesanalys").hits}
    renewables = search(store, "renewable energy", kinds=["sdg-indicator"]).hits
    assert renewables and all(h.kind == "sdg-indicator" for h in renewables) and "7" in renewables[0].sdgs
    for kind, word in (("green-key", "avfall"), ("public-health", "hälsa"), ("tool", "miljö"),
                       ("process", "analys"), ("sdg-indicator", "energy")):
        body = real_client.get("/api/search", query_string={"q": word, "type": kind}).get_json()
        assert body["hits"] and {h["kind"] for h in body["hits"]} == {kind}, (kind, word)
    for hit in found.hits[:3] + renewables[:1]:
        page = real_client.get(hit.iri.replace("https://w3id.org/ssgraph", ""), headers={"Accept": "text/html"})
        assert page.status_code == 200, hit.iri


def test_the_page_and_json_say_which_word_was_read_as_a_type(real_client):
    html = real_client.get("/search", query_string={"q": "klimat mål", "lang": "en"},
                           headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "“mål” was also read as a type: Goal, Environmental objective, SDG target, SDG." in html
    assert re.search(r'<li class="hit hit-goal">', html)
    body = real_client.get("/search", query_string={"q": "kommunens klimat", "format": "json"}).get_json()
    assert body["read_as_type"] == [{"word": "kommunens", "types": ["organisation.Municipality"]}]
    sv = real_client.get("/search", query_string={"q": "kommun", "lang": "sv"},
                         headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "”kommun” söktes också som typ: Kommun." in sv


def test_an_index_of_the_older_layout_is_built_again(tmp_path, real_store_dir):
    import shutil

    from ssgraph.search import index_for
    from ssgraph.search.maintenance import INDEX_FILE

    directory = tmp_path / "store"
    shutil.copytree(real_store_dir, directory)
    (directory / INDEX_FILE).unlink()
    for suffix in ("-wal", "-shm"):
        (directory / (INDEX_FILE + suffix)).unlink(missing_ok=True)
    old = sqlite3.connect(directory / INDEX_FILE)
    old.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema', '1');"
                      "CREATE VIRTUAL TABLE doc_terms USING fts5(names, texts);")
    old.close()
    index = index_for(directory)
    try:
        assert not index.built()
    finally:
        index.close()
    with open_store(directory, read_only=True) as handle:
        assert search(handle, "gröna nyckeltal").total >= 12
