"""`ssgraph init --examples` writes the reference vocabularies and every example in one
transaction, and an import of several files is one write that ends as the same writes one
after the other would."""

from __future__ import annotations

import io

import pytest
from rdflib.namespace import XSD

from ssgraph import setup, versions
from ssgraph.errors import InputError
from ssgraph.importing.importer import import_sources
from ssgraph.importing.realdata import realdata_paths
from ssgraph.store import open_store


def nquads(store) -> bytes:
    out = io.BytesIO()
    store.export(out, format="nquads")
    return out.getvalue()


def test_a_failing_example_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    broken = tmp_path / "broken.yaml"
    broken.write_text("organisation: [\n", encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        setup.initialise(store)
        before = nquads(store)
        shipped = setup._example_sources()
        assert shipped and all(paths for paths, _, _ in shipped)
        monkeypatch.setattr(setup, "_example_sources", lambda: [*shipped, ([broken], False, str)])
        with pytest.raises(InputError):
            setup.initialise(store, with_examples=True)
        assert nquads(store) == before


def test_several_files_in_one_import_end_as_one_import_after_the_other(tmp_path):
    stenungsund = [path for path in realdata_paths() if path.parent.name == "1415-stenungsund"][:3]
    assert len(stenungsund) == 3

    def catalogue(store) -> list[tuple]:
        return [(v.org_code, v.label, v.graph, v.current) for v in versions.all_versions(store)]

    with open_store(tmp_path / "together") as together, open_store(tmp_path / "apart") as apart:
        results = import_sources(together, stenungsund)
        for path in stenungsund:
            import_sources(apart, [path])
        assert catalogue(together) == catalogue(apart)
        assert [r.current for r in results] == [True, True, True]  # each current when it was written
        assert [v.current for v in versions.all_versions(together)] == [False, False, True]
        for version in versions.all_versions(apart):
            assert together.count(version.graph) == apart.count(version.graph) > 0


def test_init_bulk_loaded_equals_init_by_update(tmp_path, monkeypatch):
    from rdflib import Dataset
    from rdflib.compare import isomorphic

    import ssgraph.store.embedded as embedded

    def initialised(name: str) -> Dataset:
        with open_store(tmp_path / name) as store:
            setup.initialise(store, with_examples=True)
            return Dataset().parse(data=nquads(store), format="nquads")

    bulk = initialised("bulk")  # 44,000 triples: over BULK_WRITE_TRIPLES
    monkeypatch.setattr(embedded, "BULK_WRITE_TRIPLES", 10**9)
    update = initialised("update")
    names = {g.identifier for g in bulk.graphs()} - {bulk.default_graph.identifier}
    assert names == {g.identifier for g in update.graphs()} - {update.default_graph.identifier} and len(names) > 30
    for name in names:
        ours, theirs = bulk.graph(name), update.graph(name)
        for graph in (ours, theirs):  # the times of the two imports differ
            for triple in [t for t in graph if getattr(t[2], "datatype", None) == XSD.dateTime]:
                graph.remove(triple)
        assert isomorphic(ours, theirs), name
