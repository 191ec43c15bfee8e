"""pyshacl validates through a read-only lookup view (validation/lookups.py); the view answers
every triple pattern as the graph itself does, and the findings of a graph handed to the
workers (read by Oxigraph) are the findings of the same graph validated as an rdflib graph."""

from __future__ import annotations

import datetime as dt
from itertools import product

import pytest
from rdflib import Literal, URIRef

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
