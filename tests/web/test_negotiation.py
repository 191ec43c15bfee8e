"""Accept headers as real clients send them, mapped to formats."""

from __future__ import annotations

import pytest

from ssgraph.web.negotiation import (
    choose,
    graph_format,
    page_graph_format,
    parse_accept,
    result_format,
)

# SPARQLWrapper 2.0 (Wrapper.py, _SPARQL_*/_RDF_* lists joined with ",")
SPARQLWRAPPER_JSON = "application/sparql-results+json,application/json,text/javascript,application/javascript"
SPARQLWRAPPER_XML = "application/sparql-results+xml"
SPARQLWRAPPER_CSV = "text/csv"
SPARQLWRAPPER_TSV = "text/tab-separated-values"
SPARQLWRAPPER_TURTLE = "application/turtle,text/turtle"
SPARQLWRAPPER_RDFXML = "application/rdf+xml,application/xml"
SPARQLWRAPPER_JSONLD = "application/ld+json,application/x-json+ld"
SPARQLWRAPPER_N3 = "application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3"
# rdflib 7 SPARQLConnector, returnFormat "xml" (the SPARQLStore default)
RDFLIB_SPARQLSTORE = "application/sparql-results+xml, application/rdf+xml"
# Comunica 3 (fetch-sparql-endpoint)
COMUNICA_SELECT = "application/sparql-results+json;q=1.0,application/sparql-results+xml;q=0.7"
COMUNICA_CONSTRUCT = "application/n-triples,text/turtle;q=0.9"
CURL = "*/*"
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
CHROMIUM = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
            "application/signed-exchange;v=b3;q=0.7")


@pytest.mark.parametrize(
    "accept, expected",
    [
        (SPARQLWRAPPER_JSON, "json"),
        (SPARQLWRAPPER_XML, "xml"),
        (SPARQLWRAPPER_CSV, "csv"),
        (SPARQLWRAPPER_TSV, "tsv"),
        (RDFLIB_SPARQLSTORE, "xml"),
        (COMUNICA_SELECT, "json"),
        (CURL, "json"),
        (None, "json"),
        ("text/csv;q=0.2, text/tab-separated-values", "tsv"),
        ("application/sparql-results+json;q=0, */*", "xml"),
        ("image/png", None),
    ],
)
def test_result_format(accept, expected):
    assert result_format(accept) == expected


@pytest.mark.parametrize(
    "accept, expected",
    [
        (SPARQLWRAPPER_TURTLE, "turtle"),
        (SPARQLWRAPPER_RDFXML, "rdfxml"),
        (SPARQLWRAPPER_JSONLD, "json-ld"),
        (SPARQLWRAPPER_N3, "turtle"),
        (RDFLIB_SPARQLSTORE, "rdfxml"),
        (COMUNICA_CONSTRUCT, "ntriples"),
        (CURL, "turtle"),
        ("application/trig", "trig"),
        ("application/n-quads", "nquads"),
        ("text/turtle;q=0.5, application/ld+json", "json-ld"),
        ("application/*", "ntriples"),
    ],
)
def test_graph_format(accept, expected):
    assert graph_format(accept) == expected


@pytest.mark.parametrize(
    "accept, expected",
    [(FIREFOX, "html"), (CHROMIUM, "html"), (CURL, "turtle"), ("text/turtle", "turtle"),
     (SPARQLWRAPPER_JSONLD, "json-ld"), ("application/rdf+xml", "rdfxml"), (None, "turtle"),
     ("text/html;q=0.1, text/turtle", "turtle")],
)
def test_page_format(accept, expected):
    assert page_graph_format(accept) == expected


def test_format_parameter_wins_over_accept():
    assert result_format(FIREFOX, "csv") == "csv"
    assert graph_format(FIREFOX, "application/ld+json") == "json-ld"
    assert page_graph_format(FIREFOX, "ttl") == "turtle"


def test_q_values_order_and_specificity():
    ranges = parse_accept("text/*;q=0.5, text/turtle, */*;q=0.1")
    assert [r.type for r in ranges] == ["text/turtle", "text/*", "*/*"]
    # text/turtle is excluded explicitly even though text/* would accept it
    assert choose("text/*, text/turtle;q=0", ["text/turtle", "text/csv"]) == "text/csv"
