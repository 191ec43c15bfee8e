"""The one contract both store backends must honour."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import Graph, Literal, URIRef

from ssgraph.errors import InputError, QueryError

EX = "http://example.org/"
TURTLE = """@prefix ex: <http://example.org/> .
ex:goal1 ex:label "Minskade utsläpp"@sv ; ex:sdg ex:t13_2 .
ex:goal2 ex:label "Ökad trygghet"@sv ; ex:value 42 .
"""
TRIG = """@prefix ex: <http://example.org/> .
ex:g1 { ex:a ex:p ex:b . ex:a ex:p ex:c . }
ex:g2 { ex:d ex:p "åäö" . }
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts(store):
    return {info.iri: info.triples for info in store.graphs()}


def test_load_into_named_graph_and_query_union(any_store, tmp_path):
    loaded = any_store.load([write(tmp_path, "a.ttl", TURTLE)], graph=EX + "g")
    assert loaded == 4
    assert counts(any_store) == {EX + "g": 4}
    rows = any_store.select("SELECT ?l WHERE { <http://example.org/goal1> <http://example.org/label> ?l }")
    assert rows == [{"l": Literal("Minskade utsläpp", lang="sv")}]


def test_load_quads_keeps_their_graphs(any_store, tmp_path):
    any_store.load([write(tmp_path, "a.trig", TRIG)])
    assert counts(any_store) == {EX + "g1": 2, EX + "g2": 1}


def test_malformed_file_names_line_and_column_and_changes_nothing(any_store, tmp_path):
    any_store.load([write(tmp_path, "good.ttl", TURTLE)], graph=EX + "g")
    before = counts(any_store)
    broken = write(tmp_path, "broken.ttl", TURTLE + "ex:goal3 ex:label .\n")
    with pytest.raises(InputError) as caught:
        any_store.load([write(tmp_path, "more.trig", TRIG), broken])
    location = caught.value.problems[0].location
    assert (location.file, location.line) == (str(broken), 4)
    assert location.column is not None
    assert counts(any_store) == before


def test_replace_graphs_is_complete_and_leaves_other_graphs(any_store, tmp_path):
    any_store.load([write(tmp_path, "a.trig", TRIG)])
    replacement = Graph()
    replacement.add((URIRef(EX + "x"), URIRef(EX + "p"), Literal("ny", lang="sv")))
    any_store.replace_graphs({EX + "g1": replacement, EX + "g3": replacement})
    assert counts(any_store) == {EX + "g1": 1, EX + "g2": 1, EX + "g3": 1}
    assert set(any_store.graph(EX + "g1")) == set(replacement)


def test_drop_graphs(any_store, tmp_path):
    any_store.load([write(tmp_path, "a.trig", TRIG)])
    any_store.drop_graphs([EX + "g1", EX + "missing"])
    assert counts(any_store) == {EX + "g2": 1}


def test_update_and_ask(any_store):
    any_store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 1 }} }}")
    assert any_store.ask(f"ASK {{ <{EX}a> <{EX}p> 1 }}")
    assert not any_store.ask(f"ASK {{ <{EX}a> <{EX}p> 2 }}")


def test_construct_returns_rdflib_graph(any_store, tmp_path):
    any_store.load([write(tmp_path, "a.ttl", TURTLE)], graph=EX + "g")
    graph = any_store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?s = <{EX}goal2>) }}")
    assert len(graph) == 2
    assert (URIRef(EX + "goal2"), URIRef(EX + "value"), Literal(42)) in graph


@pytest.mark.parametrize("result_format,marker", [("json", b'"bindings"'), ("xml", b"<sparql"), ("csv", b"l\r\n"), ("tsv", b"?l")])
def test_query_raw_result_formats(any_store, tmp_path, result_format, marker):
    any_store.load([write(tmp_path, "a.ttl", TURTLE)], graph=EX + "g")
    raw = any_store.query_raw(f"SELECT ?l WHERE {{ <{EX}goal1> <{EX}label> ?l }}", result_format=result_format)
    assert raw.kind == "select"
    assert marker in raw.body
    text = json.dumps(json.loads(raw.body), ensure_ascii=False) if result_format == "json" else raw.body.decode()
    assert "Minskade utsläpp" in text  # JSON may write it with \u escapes (Virtuoso does)


def test_query_raw_ask_and_graph(any_store, tmp_path):
    any_store.load([write(tmp_path, "a.ttl", TURTLE)], graph=EX + "g")
    ask = any_store.query_raw(f"ASK {{ <{EX}goal1> ?p ?o }}")
    assert ask.kind == "ask" and json.loads(ask.body)["boolean"] is True
    graph = any_store.query_raw("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", graph_format="ntriples")
    assert graph.kind == "graph"
    assert len(Graph().parse(data=graph.body, format="nt")) == 4


def test_query_syntax_error_is_a_query_error(any_store):
    with pytest.raises(QueryError):
        any_store.select("SELECT ?x WHERE { ?x ")


@pytest.mark.parametrize("fmt,rdflib_format", [("nquads", "nquads"), ("trig", "trig")])
def test_export_everything_round_trips(any_store, tmp_path, fmt, rdflib_format):
    any_store.load([write(tmp_path, "a.trig", TRIG)])
    buffer = io.BytesIO()
    any_store.export(buffer, format=fmt)
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=buffer.getvalue(), format=rdflib_format)
    assert len(dataset) == 3


def test_export_one_graph_as_turtle(any_store, tmp_path):
    any_store.load([write(tmp_path, "a.trig", TRIG)])
    buffer = io.BytesIO()
    any_store.export(buffer, format="turtle", graph=EX + "g2")
    graph = Graph().parse(data=buffer.getvalue(), format="turtle")
    assert list(graph) == [(URIRef(EX + "d"), URIRef(EX + "p"), Literal("åäö"))]


def test_unknown_extension_is_an_input_error(any_store, tmp_path):
    with pytest.raises(InputError):
        any_store.load([write(tmp_path, "a.txt", TURTLE)])


def test_capabilities_are_declared(any_store):
    assert any_store.atomic_graph_replace is True
    assert any_store.backend in {"embedded", "remote"}


VERSIONS = """@prefix ssg: <https://w3id.org/ssgraph/ontology#> .
@prefix ex: <http://example.org/> .
ex:catalog { ex:v2023 ssg:graph ex:org-2023 ; ssg:isCurrentVersion false .
             ex:v2024 ssg:graph ex:org-2024 ; ssg:isCurrentVersion true . }
ex:org-2023 { ex:goal1 ex:label "Mål 2023" . ex:goal2 ex:label "Borttaget mål" . }
ex:org-2024 { ex:goal1 ex:label "Mål 2024" . }
"""


def test_default_graph_leaves_out_earlier_versions(any_store, tmp_path):
    any_store.load([write(tmp_path, "versions.trig", VERSIONS)])
    rows = any_store.select("SELECT ?goal ?label WHERE { ?goal <http://example.org/label> ?label }")
    assert rows == [{"goal": URIRef(EX + "goal1"), "label": Literal("Mål 2024")}]
    earlier = any_store.select(f"SELECT ?label WHERE {{ GRAPH <{EX}org-2023> {{ ?goal <{EX}label> ?label }} }} ORDER BY ?label")
    assert [str(r["label"]) for r in earlier] == ["Borttaget mål", "Mål 2023"]
    # making 2023 current again flips what the default graph shows
    any_store.update(
        f"DELETE DATA {{ GRAPH <{EX}catalog> {{ <{EX}v2023> <https://w3id.org/ssgraph/ontology#isCurrentVersion> false }} }};"
        f"INSERT DATA {{ GRAPH <{EX}catalog> {{ <{EX}v2023> <https://w3id.org/ssgraph/ontology#isCurrentVersion> true . "
        f"<{EX}v2024> <https://w3id.org/ssgraph/ontology#isCurrentVersion> false }} }}"
    )
    any_store.update(
        f"DELETE DATA {{ GRAPH <{EX}catalog> {{ <{EX}v2024> <https://w3id.org/ssgraph/ontology#isCurrentVersion> true }} }}"
    )
    labels = any_store.select(f"SELECT ?label WHERE {{ ?goal <{EX}label> ?label }} ORDER BY ?label")
    assert [str(r["label"]) for r in labels] == ["Borttaget mål", "Mål 2023"]


def test_query_consulting_the_catalogue_reads_every_version(any_store, tmp_path):
    any_store.load([write(tmp_path, "versions.trig", VERSIONS)])
    rows = any_store.select(
        "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> "
        "SELECT ?label WHERE { ?v ssg:graph ?g ; ssg:isCurrentVersion false . "
        f"?goal <{EX}label> ?label }} ORDER BY ?label"
    )
    assert [str(r["label"]) for r in rows] == ["Borttaget mål", "Mål 2023", "Mål 2024"]


def test_an_empty_store_lists_no_graphs(any_store):
    """A server's own graphs (Virtuoso's schema, service description) are not the store's."""
    assert any_store.graphs() == []
    assert any_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": Literal(0)}]


def test_write_graph_replaces_whole_and_graph_exists(any_store):
    from ssgraph.store.payload import parse_triples

    first = parse_triples([(TURTLE.encode(), "turtle", "a.ttl")], EX)
    second = parse_triples([(b'<http://example.org/x> <http://example.org/p> "ny" .', "ntriples", "b.nt")], EX)
    assert not any_store.graph_exists(EX + "g")
    any_store.write_graph(EX + "g", first, replace=True)
    assert any_store.graph_exists(EX + "g") and counts(any_store) == {EX + "g": 4}
    any_store.write_graph(EX + "g", second, replace=False)
    assert counts(any_store) == {EX + "g": 5}
    any_store.write_graph(EX + "g", second, replace=True)
    assert counts(any_store) == {EX + "g": 1}


@pytest.mark.parametrize("result_format, expected", [
    ("json", b'"boolean"'), ("xml", b"<boolean>true</boolean>"), ("csv", b"true"), ("tsv", b"true")])
def test_ask_answers_a_boolean_in_each_format(any_store, tmp_path, result_format, expected):
    any_store.load([write(tmp_path, "a.ttl", TURTLE)], graph=EX + "g")
    raw = any_store.query_raw(f"ASK {{ <{EX}goal1> ?p ?o }}", result_format=result_format)
    assert raw.kind == "ask" and expected in raw.body
    assert any_store.ask(f"ASK {{ <{EX}goal1> ?p ?o }}") and not any_store.ask(f"ASK {{ <{EX}nothing> ?p ?o }}")


def test_update_resolves_relative_iris_against_the_base(any_store):
    any_store.update("INSERT DATA { GRAPH <http://example.org/g> { <thing> <http://example.org/p> 1 } }",
                     base_iri="http://example.org/base/")
    assert any_store.ask("ASK { <http://example.org/base/thing> <http://example.org/p> 1 }")


def test_dataset_given_by_the_caller(any_store, tmp_path):
    any_store.load([write(tmp_path, "a.trig", TRIG)])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    only_named = any_store.query_raw(count, named_graph_uris=[EX + "g1"])
    assert json.loads(only_named.body)["results"]["bindings"][0]["n"]["value"] == "0"
    one_default = any_store.query_raw(count, default_graph_uris=[EX + "g1"])
    assert json.loads(one_default.body)["results"]["bindings"][0]["n"]["value"] == "2"


def test_service_is_checked_on_every_backend(any_store):
    from ssgraph.store.federation import RefusedQuery

    with pytest.raises(RefusedQuery):
        any_store.select("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    with pytest.raises(RefusedQuery):
        any_store.update("LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <http://example.org/g>")
