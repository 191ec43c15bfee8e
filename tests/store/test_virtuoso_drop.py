"""On Virtuoso 7 a drop is all-or-nothing too: its update requests are no transaction (each
operation is applied on its own), so the remote store writes a drop and the catalogue's
upkeep as ONE operation. A failure planted in the server (a trigger that refuses to delete
in one graph) leaves every graph and the version catalogue as they were; the same drop as
separate operations is shown to leave it half-done. Two real versions of Stenungsund."""

from __future__ import annotations

import pytest

from ssgraph import versions
from ssgraph.importing.importer import import_sources
from ssgraph.importing.realdata import realdata_paths
from ssgraph.namespaces import CATALOG_GRAPH
from ssgraph.store import open_store
from ssgraph.store.base import Store

TRIGGER = "ssgraph_test_refuses_delete"


@pytest.fixture
def virtuoso(virtuoso_config):
    """The session's Virtuoso holding two versions of Stenungsund (the later current), and a
    way to plant a failure: a trigger refusing to delete triples of one graph."""
    from virtuoso import run_sql

    directory = virtuoso_config.parent
    store = open_store(config_file=virtuoso_config)
    store.drop_graphs([info.iri for info in store.graphs()])
    paths = [p for p in realdata_paths() if p.parent.name == "1415-stenungsund"][:2]
    import_sources(store, paths)

    def refuse_deletes_in(graph: str) -> None:
        run_sql(directory, f"CREATE TRIGGER {TRIGGER} BEFORE DELETE ON DB.DBA.RDF_QUAD REFERENCING OLD AS O "
                           f"{{ if (O.G = iri_to_id ('{graph}')) signal ('22023', 'planted: no delete in {graph}'); }}")

    def allow_deletes() -> None:
        run_sql(directory, f"DROP TRIGGER {TRIGGER}")

    try:
        yield store, refuse_deletes_in, allow_deletes
    finally:
        try:
            allow_deletes()
        except AssertionError:
            pass  # none planted
        store.drop_graphs([info.iri for info in store.graphs()])
        store.close()


def state(store) -> tuple[dict[str, int], list[tuple[str, bool]]]:
    """Every graph's triple count and the catalogue's versions of 1415 (graph, current)."""
    return ({info.iri: info.triples for info in store.graphs()},
            [(v.graph, v.current) for v in versions.versions_of(store, "1415")])


def test_a_failed_drop_leaves_every_graph_and_the_catalogue(virtuoso):
    store, refuse_deletes_in, allow_deletes = virtuoso
    before = state(store)
    (early, _), (latest, current) = before[1]
    assert current and before[0][early] > 0 and before[0][latest] > 0

    refuse_deletes_in(latest)  # the second graph dropped cannot be emptied
    with pytest.raises(Exception, match="planted"):
        store.drop_graphs([early, latest])
    assert state(store) == before
    allow_deletes()

    refuse_deletes_in(str(CATALOG_GRAPH))  # the catalogue's upkeep fails: the graph stays too
    with pytest.raises(Exception, match="planted"):
        store.drop_graphs([latest])
    assert state(store) == before
    allow_deletes()

    store.drop_graphs([latest])  # nothing planted: the drop and the catalogue together
    graphs, listed = state(store)
    assert latest not in graphs and graphs[early] == before[0][early]
    assert listed == [(early, True)]


def test_the_same_drop_as_separate_operations_would_be_left_half_done(virtuoso):
    """Why the one operation: Virtuoso applies DROP; DROP; upkeep one by one."""
    store, refuse_deletes_in, _ = virtuoso
    (early, _), (latest, _) = state(store)[1]
    refuse_deletes_in(latest)
    with pytest.raises(Exception, match="planted"):
        Store.drop_graphs(store, [early, latest])  # the generic request: DROP SILENT GRAPH … ; … ; upkeep
    graphs, _ = state(store)
    assert early not in graphs and latest in graphs


def test_a_sparql_drop_of_graphs_is_one_operation_too(virtuoso):
    """DROP GRAPH <iri> through the store (as the Graph Store's DELETE and /update send it)."""
    store, refuse_deletes_in, allow_deletes = virtuoso
    before = state(store)
    (early, _), (latest, _) = before[1]
    refuse_deletes_in(latest)
    with pytest.raises(Exception, match="planted"):
        store.update(f"DROP GRAPH <{early}> ;\n# the two versions\nDROP SILENT GRAPH <{latest}>")
    assert state(store) == before
    allow_deletes()
    store.update(f"DROP GRAPH <{latest}>")
    graphs, listed = state(store)
    assert latest not in graphs and listed == [(early, True)]


@pytest.mark.parametrize("text, drops", [
    ("DROP GRAPH <http://ex/a>", [("http://ex/a", False)]),
    ("DROP SILENT GRAPH <http://ex/a> ;\n# and\n drop graph <urn:x:b>;", [("http://ex/a", True), ("urn:x:b", False)]),
    ("# first\nDROP GRAPH <http://ex/a> # done", [("http://ex/a", False)]),
    ("DROP GRAPH <http://ex/a> ; CREATE GRAPH <http://ex/b>", None),
    ("DROP GRAPH <http://ex/a> DROP GRAPH <http://ex/b>", None),
    ("DROP GRAPH ex:a", None), ("DROP ALL", None), ("CLEAR GRAPH <http://ex/a>", None), ("", None),
])
def test_which_updates_only_drop_graphs(text, drops):
    from ssgraph.store.sparql_text import graph_drops

    assert graph_drops(text) == drops
