"""pyshacl validates through a read-only lookup view (validation/lookups.py); the view answers
every triple pattern as the graph itself does, and the findings of a graph handed to the
workers (read by Oxigraph) are the findings of the same graph validated as an rdflib graph."""

from __future__ import annotations

import datetime as dt
from itertools import product

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from ssgraph.importing.importer import prepare_import
from ssgraph.paths import EXAMPLES_DIR
from ssgraph.validation.lookups import indexed_view
from ssgraph.validation.run import ValidationOptions, job_for, validate_graph, validate_jobs

OPTIONS = ValidationOptions(reference_date=dt.date(2025, 6, 1))


@pytest.fixture(scope="module")
def nykoping():
    return prepare_import(EXAMPLES_DIR / "nykoping-2024.yaml", validate=False).graph


def test_every_pattern_is_answered_as_the_graph_answers_it(nykoping):
    view = indexed_view(nykoping)
    triples = sorted(nykoping)
    sample = triples[:: max(1, len(triples) // 150)]
    absent = (URIRef("https://example.org/none"), URIRef("https://example.org/p"), Literal("none"))
    for triple in [*sample, absent]:
        for pattern in product(*((term, None) for term in triple)):
            if pattern != (None, None, None):
                assert sorted(view.triples(pattern)) == sorted(nykoping.triples(pattern)), pattern
    assert sorted(view) == triples and len(view) == len(nykoping)
    with pytest.raises(TypeError):
        view.add(absent)


def test_a_job_gives_the_findings_of_the_graph_itself(nykoping):
    def key(report):
        return sorted((f.focus, f.shape, f.value, f.severity, tuple(sorted(f.message.items()))) for f in report.findings)

    [from_job] = validate_jobs([job_for(nykoping, "0480", "nykoping")], OPTIONS, processes=1)
    direct = validate_graph(nykoping, "0480", options=OPTIONS)
    assert key(from_job) == key(direct) and from_job.findings
    assert from_job.triples == direct.triples == len(nykoping)


def test_a_graph_too_large_for_the_dictionaries_is_read_directly(nykoping, monkeypatch):
    from ssgraph.validation import lookups

    monkeypatch.setattr(lookups, "MOST_TRIPLES", len(nykoping) - 1)
    assert indexed_view(nykoping) is nykoping


def test_dictionaries_read_from_oxigraphs_ntriples_are_those_of_the_graph(nykoping):
    from ssgraph.store.staging import ntriples_chunks, staged_from_ntriples
    from ssgraph.validation.lookups import index_ntriples

    extra = [
        (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal('a "quoted"\\ text\nacross lines')),
        (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("text", lang="sv-se")),
        (URIRef("https://example.org/s"), URIRef("https://example.org/q"), Literal("2024", datatype=XSD.gYear)),
        (URIRef("https://example.org/s"), URIRef("https://example.org/q"), Literal("x", datatype=XSD.string)),
    ]
    graph = Graph()
    for triple in [*nykoping, *extra]:
        graph.add(triple)
    staged = staged_from_ntriples(job_for(graph).ntriples.encode())
    ntriples = b"".join(ntriples_chunks(staged))  # as Oxigraph writes it for the workers
    assert b"\\n" in ntriples and b"\\\"" in ntriples
    predicates = index_ntriples(ntriples)
    view = indexed_view(staged, predicates)
    written = sorted(staged.triples((URIRef("https://example.org/s"), None, None)))  # as Oxigraph gives them
    assert len(written) == len(extra)
    for triple in [*written, *sorted(nykoping)[::50]]:
        for pattern in product(*((term, None) for term in triple)):
            if pattern[1] is not None:
                assert sorted(view.triples(pattern)) == sorted(staged.triples(pattern)), pattern
    assert sum(len(objects) for index in predicates.values() for objects in index.by_subject.values()) == len(staged)
    assert index_ntriples(b'_:b1 <https://example.org/p> "x" .\n') is None  # Oxigraph renames blank nodes
