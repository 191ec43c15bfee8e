"""The import builds its graph in a staging graph (Oxigraph, ``store.staging``): the same
triples and the same validation findings as a plain rdflib graph, on the examples and the
real goal structures; a large staging graph is written by a bulk load into a new store
generation, which leaves the store unchanged when it fails."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_isomorphic

from ssgraph.importing.checks import ReferenceCodes, check_workbook
from ssgraph.importing.examples import example_paths
from ssgraph.importing.mapping import map_workbook
from ssgraph.importing.readers import read_source
from ssgraph.importing.realdata import realdata_paths
from ssgraph.store import embedded, open_store
from ssgraph.store.staging import is_staged, staging_graph
from ssgraph.validation.run import ValidationOptions, validate_graph

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 27)
SOURCES = example_paths()[1::2] + realdata_paths()[::5]


@pytest.fixture(scope="module")
def codes():
    return ReferenceCodes.load()


def mapped(path, codes, graph: Graph | None) -> Graph:
    checked = check_workbook(read_source(path), None, None, codes)
    assert not checked.errors
    return map_workbook(checked, started=NOW, graph=graph)


def canonical(value: str | None) -> str:
    """A number as Oxigraph stores it (193.0 is kept as 193, like every write to the store does)."""
    try:
        return str(Decimal(value).normalize()) if value else ""
    except InvalidOperation:
        return value


def findings(report) -> list[tuple]:
    return sorted((f.severity, f.shape, f.focus, canonical(f.value), f.source.row if f.source else 0)
                  for f in report.findings)


def as_stored(graph: Graph) -> Graph:
    """The triples as the store keeps them (Oxigraph writes canonical numbers)."""
    staged = staging_graph()
    staged += graph
    return Graph() + staged


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_staged_graph_and_findings_equal_the_rdflib_ones(path, codes):
    plain = mapped(path, codes, None)
    staged = mapped(path, codes, staging_graph())
    assert is_staged(staged)
    assert to_isomorphic(Graph() + staged) == to_isomorphic(as_stored(plain))
    options = ValidationOptions(reference_date=TODAY)
    before = len(staged)
    assert findings(validate_graph(staged, options=options)) == findings(validate_graph(plain, options=options))
    assert len(staged) == before  # the context mixed in for validation is taken out again


def test_on_disk_staging_graph_is_removed_when_discarded(tmp_path):
    from ssgraph.store.staging import discard

    graph = staging_graph(on_disk=True, under=tmp_path)
    graph.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
    assert len(graph) == 1 and any(tmp_path.iterdir())
    discard(graph)
    assert not any(tmp_path.iterdir())


def _dump(store) -> set[str]:
    import io

    out = io.BytesIO()
    store.export(out, "nquads")
    return set(out.getvalue().decode().splitlines())


def test_bulk_replacement_is_all_or_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "BULK_WRITE_TRIPLES", 1)  # every staging graph takes the bulk path
    store = open_store(tmp_path / "store")
    try:
        ex = "https://w3id.org/ssgraph/graph/org/0480/"
        old = Graph()
        old.add((URIRef("https://example.org/g1"), URIRef("https://example.org/p"), Literal("old")))
        store.replace_graphs({ex + "v1": old})
        staged = staging_graph(on_disk=True, under=tmp_path)
        for n in range(5):
            staged.add((URIRef(f"https://example.org/g{n}"), URIRef("https://example.org/p"), Literal(n)))
        before = _dump(store)

        def broken(*args, **kwargs):
            raise OSError("disk full")

        with monkeypatch.context() as patch:
            patch.setattr(embedded, "ntriples_chunks", broken)
            with pytest.raises(OSError):
                store.replace_graphs({ex + "v1": staged})
        assert _dump(store) == before
        assert [p.name for p in (tmp_path / "store").iterdir() if p.name.startswith("gen-")] == [store.generation]

        store.replace_graphs({ex + "v1": staged})
        assert store.count(ex + "v1") == 5
        assert not any('"old"' in line for line in _dump(store))
    finally:
        store.close()


def test_staging_graph_keeps_blank_nodes_and_reads_what_was_added_since():
    from rdflib import BNode

    graph = staging_graph()
    node, p = BNode(), URIRef("https://example.org/p")
    graph.add((node, p, Literal("a")))
    graph.add((URIRef("https://example.org/s"), p, node))
    assert (node, p, Literal("a")) in graph  # the same node, not one renamed by a parser
    graph.add((URIRef("https://example.org/t"), p, Literal("b")))  # added after a read
    assert len(graph) == 3
    graph.remove((node, p, Literal("a")))
    assert len(graph) == 2 and (URIRef("https://example.org/s"), p, node) in graph


def test_pieces_of_a_staging_graph_hold_every_triple_once_and_blank_nodes_together():
    from rdflib import BNode

    from ssgraph.store.staging import ntriples_chunks

    graph = staging_graph(on_disk=True)  # spooled lines and the on-disk store
    p = URIRef("https://example.org/p")
    node = BNode()
    for n in range(120_000):
        graph.add((URIRef(f"https://example.org/s{n}"), p, Literal(f"value _: {n}" if n % 7 else n)))
    graph.add((node, p, Literal("blank")))
    graph.add((URIRef("https://example.org/s1"), p, node))
    pieces = list(ntriples_chunks(graph, size=1 << 20))
    assert len(pieces) > 3
    lines = [line for piece in pieces for line in piece.decode().splitlines()]
    assert len(lines) == len(set(lines)) == len(graph) == 120_002
    last = pieces[-1].decode().splitlines()
    assert any(line.startswith("_:") and '"blank"' in line for line in last)
    assert any(line.startswith("<https://example.org/s1> ") and line.split()[2].startswith("_:") for line in last)
    from ssgraph.store.staging import discard

    discard(graph)
