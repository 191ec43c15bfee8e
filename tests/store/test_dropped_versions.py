"""A dropped version leaves the version catalogue in the same transaction, whichever way it is
dropped (the ``drop`` command, SPARQL Update through the service, Graph Store DELETE); when it
was current, the organisation's latest remaining version becomes current, and with none left
the organisation is gone. The organisation list, ``versions``, the derived summaries and the
search index then agree. Three real versions of Stenungsund (data/realdata)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from ssgraph import services, versions
from ssgraph.cli import cli
from ssgraph.importing.importer import import_sources
from ssgraph.importing.realdata import realdata_paths
from ssgraph.search import maintenance as search_index
from ssgraph.store import open_store
from ssgraph.store.derived import SUMMARIES_GRAPH
from ssgraph.store.sparql_text import ends_with_separator

TOKEN = "drop-token-5c1e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EARLY, MIDDLE, LATEST = "1415@2016", "1415@2019–2020", "1415@2021"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Stenungsund's first three versions, imported in order (the last one current)."""
    directory = tmp_path_factory.mktemp("dropped") / "store"
    paths = [p for p in realdata_paths() if p.parent.name == "1415-stenungsund"][:3]
    with open_store(directory) as store:
        import_sources(store, paths)
    return directory


@pytest.fixture
def store_dir(imported, tmp_path):
    directory = tmp_path / "store"
    shutil.copytree(imported, directory)
    return directory


def graph_of(store, name: str) -> str:
    return versions.resolve(store, *versions.split_org_version(name)).graph


def summarised(store) -> set[str]:
    rows = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH <{SUMMARIES_GRAPH}> "
                        "{ ?row <https://w3id.org/ssgraph/ontology#summaryOf> ?g } }")
    return {str(r["g"]) for r in rows}


def assert_all_agree(store, remaining: list[str], current: str | None) -> None:
    """The catalogue, the organisation list, the summaries and the search index after a drop."""
    listed = versions.versions_of(store, "1415")
    assert [v.graph for v in listed] == remaining  # import order kept
    assert [v.graph for v in listed if v.current] == ([current] if current else [])
    assert ("1415" in [o.code for o in services.organisations(store)]) == bool(remaining)
    assert summarised(store) == set(remaining)
    index = search_index.index_for(store.directory)
    try:
        indexed = {g for g in index.indexed_graphs() if g.startswith(versions.ORG_GRAPHS)}
    finally:
        index.close()
    assert indexed == set(remaining)
    found = services.search(store, None, "mål", orgs=["1415"])
    assert {h.graph for h in found.hits if h.graph.startswith(versions.ORG_GRAPHS)} <= ({current} if current else set())


def run(store_dir, *args, lang="en", answer=None):
    return CliRunner().invoke(cli, ["--store", str(store_dir), "--lang", lang, *args], input=answer)


def test_drop_command_removes_the_current_version_and_the_next_latest_becomes_current(store_dir):
    with open_store(store_dir) as store:
        early, middle, latest = (graph_of(store, n) for n in (EARLY, MIDDLE, LATEST))
        assert versions.current_version(store, "1415").graph == latest
    result = run(store_dir, "drop", "--yes", "1415")
    assert result.exit_code == 0, result.output
    assert f"Dropped: {latest}" in result.output
    listing = run(store_dir, "versions", "1415")
    assert latest not in listing.output and "[current]" in listing.output.splitlines()[1]
    with open_store(store_dir) as store:
        assert_all_agree(store, [early, middle], middle)

    result = run(store_dir, "drop", "--yes", EARLY, middle)  # by name and by graph IRI, one transaction
    assert result.exit_code == 0, result.output
    assert "No versions loaded for 1415" in run(store_dir, "versions", "1415").output
    with open_store(store_dir) as store:
        assert_all_agree(store, [], None)


def test_drop_command_names_an_unknown_graph_and_drops_nothing(store_dir):
    result = run(store_dir, "drop", "--yes", EARLY, "https://w3id.org/ssgraph/graph/org/1415/nothing-here")
    assert result.exit_code != 0
    assert "no graph https://w3id.org/ssgraph/graph/org/1415/nothing-here" in result.output
    with open_store(store_dir) as store:
        assert len(versions.versions_of(store, "1415")) == 3


@pytest.fixture
def writer(store_dir):
    from ssgraph.web import create_app

    application = create_app({"store": str(store_dir), "update_token": TOKEN, "query_workers": 1})
    yield application.test_client()
    application.extensions["ssgraph"].close()


def test_sparql_drop_through_the_service_removes_an_earlier_version_only(store_dir, writer):
    with open_store(store_dir, read_only=True) as store:
        early, middle, latest = (graph_of(store, n) for n in (EARLY, MIDDLE, LATEST))
    # a trailing separator and comment: the catalogue's upkeep still joins the same request
    update = f"DROP GRAPH <{early}> ;\n# the oldest version goes"
    response = writer.post("/update", data={"update": update}, headers=AUTH)
    assert response.status_code in (200, 204), response.data
    with open_store(store_dir) as store:
        assert_all_agree(store, [middle, latest], latest)


def test_graph_store_delete_of_the_current_version(store_dir, writer):
    with open_store(store_dir, read_only=True) as store:
        early, middle, latest = (graph_of(store, n) for n in (EARLY, MIDDLE, LATEST))
    response = writer.delete("/graphs", query_string={"graph": latest}, headers=AUTH)
    assert response.status_code in (200, 204), response.data
    pages = writer.get("/org/1415")
    assert pages.status_code == 200
    with open_store(store_dir) as store:
        assert_all_agree(store, [early, middle], middle)


def test_a_failed_update_leaves_the_catalogue_as_it_was(store_dir, writer):
    with open_store(store_dir, read_only=True) as store:
        latest = graph_of(store, LATEST)
    # the second operation fails (a graph that exists cannot be created): nothing is dropped
    update = f"DROP GRAPH <{latest}> ; CREATE GRAPH <{latest.rsplit('/', 1)[0]}/{'x'}> ; CREATE GRAPH <{latest}>"
    writer.post("/update", data={"update": f"CREATE GRAPH <{latest.rsplit('/', 1)[0]}/x>"}, headers=AUTH)
    response = writer.post("/update", data={"update": update}, headers=AUTH)
    assert response.status_code >= 400
    with open_store(store_dir) as store:
        assert versions.current_version(store, "1415").graph == latest
        assert len(versions.versions_of(store, "1415")) == 3


@pytest.mark.parametrize("text, ends", [
    ("DROP GRAPH <http://ex/g>", False),
    ("DROP GRAPH <http://ex/g> ;", True),
    ("DROP GRAPH <http://ex/g> ; # done", True),
    ("DROP GRAPH <http://ex/g> # not a separator ;", False),
    ('INSERT DATA { <http://ex/a> <http://ex/p> ";" }', False),
])
def test_a_trailing_separator_is_seen_outside_comments_and_strings(text, ends):
    assert ends_with_separator(text) is ends


def test_drop_shows_what_it_would_drop_and_a_dry_run_drops_nothing(store_dir):
    with open_store(store_dir, read_only=True) as store:
        early, middle, latest = (graph_of(store, n) for n in (EARLY, MIDDLE, LATEST))
        triples = {info.iri: info.triples for info in store.graphs()}
    result = run(store_dir, "drop", "--dry-run", "1415", middle)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"To be dropped: {triples[latest] + triples[middle]} triples in 2 graph(s)."
    assert f"(current), {triples[latest]} triples ({latest})" in lines[1] and lines[1].startswith("  1415: version “")
    assert f"{triples[middle]} triples ({middle})" in lines[2] and "(current)" not in lines[2]
    with open_store(store_dir, read_only=True) as store:
        early_label = graph_version(store, early).label
    assert lines[3] == f"Afterwards “{early_label}” becomes the current version of 1415."
    assert lines[-1] == "Dry run: nothing was dropped."
    with open_store(store_dir, read_only=True) as store:
        assert {info.iri: info.triples for info in store.graphs()} == triples
    # JSON-able plan for other faces: the same facts
    from ssgraph.services.dropping import plan_drop

    with open_store(store_dir, read_only=True) as store:
        plan = plan_drop(store, [EARLY, EARLY]).to_dict()
    assert plan["graphs"] == [{"graph": early, "triples": triples[early],
                               "version": {"org": "1415", "label": early_label, "graph": early, "current": False}}]
    assert plan["afterwards"] == {}


@pytest.mark.parametrize("lang, answer, dropped", [("en", "n\n", False), ("en", "\n", False), ("en", "y\n", True),
                                                   ("sv", "ja\n", True), ("sv", "nej\n", False)])
def test_drop_asks_first(store_dir, lang, answer, dropped):
    with open_store(store_dir, read_only=True) as store:
        latest = graph_of(store, LATEST)
    result = run(store_dir, "drop", "1415", lang=lang, answer=answer)
    assert ("Drop them? [y/N]" if lang == "en" else "Ta bort dem? [j/N]") in result.output
    assert result.exit_code == (0 if dropped else 1), result.output
    with open_store(store_dir, read_only=True) as store:
        assert store.graph_exists(latest) is not dropped


def test_drop_without_an_answer_says_how_to_drop_from_a_script(store_dir):
    result = run(store_dir, "drop", "1415", answer="")  # end of input at once, as in a script
    assert result.exit_code == 1
    assert "give --yes to drop without being asked" in result.output.lower()
    with open_store(store_dir, read_only=True) as store:
        assert len(versions.versions_of(store, "1415")) == 3


def graph_version(store, graph: str):
    return next(v for v in versions.all_versions(store) if v.graph == graph)
