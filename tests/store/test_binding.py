"""Values into SPARQL: the one binding helper writes each value as one term, whatever it holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ssgraph.errors import InputError
from ssgraph.store import open_store
from ssgraph.store.binding import bind, iri, literal, term


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = open_store(tmp_path_factory.mktemp("binding") / "store")
    yield opened
    opened.close()


@pytest.mark.parametrize("bad", [
    "X> } UNION { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } #", "http://ex/a b", "relative/path",
    "http://ex/\\u003E", "http://ex/a\nb", 'http://ex/"', "http://ex/{x}", "", "http://ex/\x00",
])
def test_iri_refuses_what_cannot_stand_between_angle_brackets(bad):
    with pytest.raises(InputError):
        iri(bad)
    with pytest.raises(InputError):
        term(URIRef(bad))


def test_iri_keeps_unicode_and_fragments():
    assert term(iri("https://w3id.org/ssgraph/id/org/0480/mål#x")) == "<https://w3id.org/ssgraph/id/org/0480/mål#x>"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_string_comes_back_exactly(store, text):
    rows = store.select(bind("SELECT ?x WHERE { BIND($value AS ?x) }", value=text))
    assert rows == [{"x": Literal(text)}]


@pytest.mark.parametrize("value, expected", [
    (42, Literal(42)), (True, Literal(True)), (Decimal("1.50"), Literal(Decimal("1.50"))),
    (2.5, Literal(2.5, datatype=XSD.double)), (dt.date(2024, 5, 1), Literal("2024-05-01", datatype=XSD.date)),
    (literal("Nyköping", lang="sv"), Literal("Nyköping", lang="sv")),
    (literal("2024", datatype=str(XSD.gYear)), Literal("2024", datatype=XSD.gYear)),
])
def test_typed_values_come_back_as_typed_literals(store, value, expected):
    rows = store.select(bind("SELECT ?x WHERE { BIND($value AS ?x) }", value=value))
    assert rows[0]["x"].eq(expected) or rows[0]["x"] == expected


def test_a_list_fills_a_values_block(store):
    rows = store.select(bind("SELECT ?x WHERE { VALUES ?x { $xs } } ORDER BY ?x",
                             xs=[iri("http://ex/a"), iri("http://ex/b")]))
    assert [str(r["x"]) for r in rows] == ["http://ex/a", "http://ex/b"]


def test_placeholders_in_strings_iris_and_comments_are_left_alone():
    text = 'SELECT * WHERE { ?s ?p "$v" . ?s <http://ex/$v> ?o } # $v\nLIMIT $v'
    assert bind(text, v=3) == 'SELECT * WHERE { ?s ?p "$v" . ?s <http://ex/$v> ?o } # $v\nLIMIT 3'


def test_missing_and_unused_values_are_programming_errors():
    with pytest.raises(ValueError):
        bind("SELECT * WHERE { ?s ?p $o }")
    with pytest.raises(ValueError):
        bind("SELECT * WHERE { ?s ?p ?o }", o=1)


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_numbers_that_are_not_finite_are_refused(bad):
    with pytest.raises(InputError):
        term(bad)


def test_bad_language_tag_is_refused():
    with pytest.raises(InputError):
        literal("x", lang="not a tag")
