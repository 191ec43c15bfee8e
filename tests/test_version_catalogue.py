"""One answer to "which versions exist, which is current" (ssgraph.versions), and the commands
that take ORG@VERSION, on two versions of one real organisation (Stenungsund, data/realdata)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from ssgraph import services, versions
from ssgraph.cli import cli
from ssgraph.errors import InputError
from ssgraph.importing.realdata import load_realdata
from ssgraph.setup import load_reference
from ssgraph.store import open_store

EARLY, LATER = '1415@2016–2017', '1415@2019–2020'


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("versions") / "store"
    with open_store(directory) as store:
        load_reference(store)
        load_realdata(store)
    return directory


@pytest.fixture(scope="module")
def store(store_dir):
    with open_store(store_dir, read_only=True) as opened:
        yield opened


def run(store_dir, *args):
    return CliRunner().invoke(cli, ["--store", str(store_dir), "--lang", "en", *args])


def test_versions_are_found_by_label_part_year_and_slug(store):
    found = versions.find_version(store, "1415", "2016–2017")  # the label says "(ca 2016/2017)"
    assert found.label.endswith("(ca 2016/2017)") and not found.current
    assert versions.find_version(store, "1415", "2020").label == "10 inriktningsmål (verksamhetsplan; 2019–2020)"
    assert versions.find_version(store, "1415", found.slug) == found
    with pytest.raises(InputError) as ambiguous:
        versions.find_version(store, "1415", "inriktningsmål")
    assert "fits several versions" in ambiguous.value.render("en")
    with pytest.raises(InputError) as unknown:
        versions.find_version(store, "1415", "1999")
    assert "Strategisk plan 2021-2023" in unknown.value.render("en")


def test_the_last_dated_version_is_current_and_exactly_one_per_organisation(store):
    listed = versions.all_versions(store)
    current = versions.current_versions(store, listed)
    assert len(current) == 10 and all(v.current for v in current.values())
    assert current["1415"].year == 2022 and current["0018"].year == 2023
    assert sum(v.current for v in listed if v.org_code == "1415") == 1
    assert versions.split_org_version(EARLY) == ("1415", "2016–2017")


def test_a_graph_loaded_outside_the_catalogue_counts_as_current(tmp_path):
    with open_store(tmp_path / "store") as own:
        graph = Graph()
        graph.add((URIRef("https://w3id.org/ssgraph/id/org/0480/goal/X"),
                   URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Ett mål", lang="sv")))
        own.replace_graphs({"https://w3id.org/ssgraph/graph/org/0480/by-hand": graph})
        found = versions.current_version(own, "0480")
        assert found.graph.endswith("/by-hand") and found.iri is None and found.key == "0480"


def test_harmonise_two_versions_of_one_organisation(store_dir):
    result = run(store_dir, "harmonise", EARLY, LATER, "--no-store", "-o", str(store_dir.parent / "h"), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(next((store_dir.parent / "h").glob("*.json")).read_text(encoding="utf-8"))
    assert data["org_a"].startswith("1415@") and data["org_b"].startswith("1415@")
    assert data["goals_a"] == 6 and data["goals_b"] == 12
    exact = {(m["a"].rsplit("/", 1)[-1], m["b"].rsplit("/", 1)[-1]) for m in data["matches"]
             if m["relation"] == "exactMatch"}
    assert {("A.r1.1", "B.r1.1"), ("A.r1.2", "B.r1.2"), ("A.r1.4", "B.r1.3")} <= exact


def test_diff_matches_goals_renumbered_or_reworded_under_a_new_id(store_dir):
    result = run(store_dir, "diff", EARLY, LATER, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    renumbered = {(c["identifier"], c["identifier_b"]) for c in data["renumbered"]}
    assert {("A.r1.1", "B.r1.1"), ("A.r1.4", "B.r1.3"), ("A.r2", "B.r2")} <= renumbered
    assert [c["identifier"] for c in data["removed"]] == ["A.r1.3"]  # försörjningsstöd: dropped in 2019
    assert "B.r2.4" in {c["identifier"] for c in data["added"]}


def test_diff_against_the_current_version_and_the_three_argument_form(store_dir):
    one = run(store_dir, "diff", "1415@2021", "--json")
    three = run(store_dir, "diff", "1415", "2021", "2022", "--json")
    assert one.exit_code == three.exit_code == 0
    assert json.loads(one.output) == json.loads(three.output)


def test_consolidate_suggest_report_and_validate_read_the_version_named(store, store_dir):
    assert services.consolidate(store, EARLY).result.goals == 6
    assert services.consolidate(store, "1415").result.goals == 4
    assert services.suggest(store, EARLY, include_linked=True).org.code == "1415"
    assert services.council_report(store, EARLY, 2016).report is not None
    outcome = services.validate(store, organisation=EARLY, processes=1)
    assert [r.graph for r in outcome.reports] == [versions.find_version(store, "1415", "2016–2017").graph]
    result = run(store_dir, "validate", "--org", LATER)
    assert result.exit_code == 0, result.output


def test_imports_in_the_same_second_keep_their_order(tmp_path):
    """Import times have a resolution of a second: two imports within one (here: the same
    instant, and then a clock gone back) are still listed in import order, the last current."""
    import datetime as dt

    from ssgraph.importing.importer import import_sources
    from ssgraph.importing.realdata import realdata_paths

    later, earlier, earliest = sorted((p for p in realdata_paths() if p.parent.name == "1415-stenungsund"),
                                      reverse=True)[:3]  # imported against the order of their labels
    instant = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    with open_store(tmp_path / "store") as own:
        written = [import_sources(own, [later], now=instant)[0].prepared.graph_iri,
                   import_sources(own, [earlier], now=instant)[0].prepared.graph_iri,
                   import_sources(own, [earliest], now=instant - dt.timedelta(hours=1))[0].prepared.graph_iri]
        listed = versions.versions_of(own, "1415")
        assert sorted(v.label for v in listed) != [v.label for v in listed]  # label order would differ
        assert [v.graph for v in listed] == [str(g) for g in written]
        assert [v.current for v in listed] == [False, False, True]
        assert len({v.generated for v in listed}) == 3
