"""The workers' JSON writer gives Oxigraph's own bytes, so every other format can be
Oxigraph's serialiser reading it back."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from ssgraph.store.result_writers import write_solutions

XSD = "http://www.w3.org/2001/XMLSchema#"
QUERY = "SELECT ?s ?p ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?p ?o"


@pytest.fixture(scope="module")
def store():
    store = ox.Store()
    a, b = ox.NamedNode("http://example.org/a"), ox.BlankNode("b1")
    for subject, predicate, value in (
        (a, "label", ox.Literal('Mål, "citat" och ny\nrad', language="sv")),
        (a, "count", ox.Literal("3", datatype=ox.NamedNode(XSD + "integer"))),
        (a, "year", ox.Literal("2024", datatype=ox.NamedNode(XSD + "gYear"))),
        (b, "note", ox.Literal("tab\there")),
        (b, "link", a),
    ):
        store.add(ox.Quad(subject, ox.NamedNode("http://example.org/" + predicate), value))
    return store


def test_the_json_writer_gives_oxigraphs_bytes(store):
    result = store.query(QUERY)
    variables = [v.value for v in result.variables]
    rows = [tuple(solution[v] for v in variables) for solution in result]
    mine = write_solutions(variables, rows)
    assert mine == store.query(QUERY).serialize(format=ox.QueryResultsFormat.JSON)
    for fmt in (ox.QueryResultsFormat.XML, ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV):
        again = ox.parse_query_results(mine, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
        assert again == store.query(QUERY).serialize(format=fmt), fmt
