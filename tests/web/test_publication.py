"""Publication that browsers and harvesters can follow: /void and /datasets/dcat as pages and
as RDF, every catalogue, dataset and distribution IRI dereferences, 406 when nothing asked for
can be served, and the catalogue conforms to the EU's DCAT-AP 2.1.1 shapes, ranges included."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

DCAT = Namespace("http://www.w3.org/ns/dcat#")
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
SHAPES_DIR = Path(__file__).parents[1] / "data" / "dcat-ap-2.1.1"
OFFICIAL = {  # SHA-256 of the files as published by SEMIC (tests/data/dcat-ap-2.1.1/README.md)
    "dcat-ap_2.1.1_shacl_shapes.ttl": "918c64cb2d19cf8c21e7a1fa6e3b301d99be763e97232317f6765a581bf4608e",
    "dcat-ap_2.1.1_shacl_range.ttl": "10ee980f0390ae0af184510bd95d804d9080dfff30d8740149c284821da240e6",
}


@pytest.fixture(scope="module")
def dcat_ap_shapes() -> Graph:
    shapes = Graph()
    for name, digest in OFFICIAL.items():
        path = SHAPES_DIR / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name} differs from SEMIC's file"
        shapes.parse(path, format="turtle")
    return shapes


@pytest.fixture(scope="module")
def catalogue(client) -> Graph:
    response = client.get("/datasets/dcat")
    assert response.status_code == 200 and response.mimetype == "application/rdf+xml"
    return Graph().parse(data=response.data, format="xml")


def conformance(graph: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    return conforms, text


def test_the_catalogue_passes_the_dcat_ap_shapes_and_range_shapes(catalogue, dcat_ap_shapes):
    conforms, report = conformance(catalogue, dcat_ap_shapes)
    assert conforms, report


def test_the_shapes_catch_what_the_catalogue_used_to_lack(catalogue, dcat_ap_shapes):
    """The range shapes are live: without the classes of its values the catalogue fails."""
    stripped = Graph()
    typed_values = {URIRef("http://purl.org/dc/terms/" + c) for c in ("LicenseDocument", "MediaType",
                                                                       "MediaTypeOrExtent", "LinguisticSystem")}
    for triple in catalogue:
        if not (triple[1] == RDF.type and triple[2] in typed_values):
            stripped.add(triple)
    conforms, report = conformance(stripped, dcat_ap_shapes)
    assert not conforms and "dct:license" in report.replace("dcterms:", "dct:") or "license" in report


def local(iri: str) -> str:
    parts = urlsplit(iri)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_every_dcat_iri_answers_as_a_page_and_as_rdf(client, catalogue, dcat_ap_shapes):
    iris = {str(s) for s in catalogue.subjects() if str(s).startswith("http://localhost/")}
    iris |= {str(o) for o in catalogue.objects() if isinstance(o, URIRef) and str(o).startswith("http://localhost/")}
    assert {"http://localhost/datasets/dcat#catalog", "http://localhost/datasets/org",
            "http://localhost/datasets/catalog/nq", "http://localhost/datasets/dcat#publisher"} <= iris
    for iri in sorted(iris):
        path = local(iri.split("#", 1)[0])
        html = client.get(path, headers={"Accept": FIREFOX}, follow_redirects=True)  # /sparql → the editor
        if "/dumps/" in path:  # a file to download
            assert html.status_code == 200 and html.mimetype == "application/gzip", iri
            continue
        assert html.status_code == 200 and html.mimetype == "text/html", iri
        if path == "/":  # the catalogue's homepage, a foaf:Document
            continue
        rdf = client.get(path, headers={"Accept": "text/turtle"})
        assert rdf.status_code == 200 and rdf.mimetype == "text/turtle", iri
        if path.startswith("/datasets/") and path != "/datasets/dcat":
            described = Graph().parse(data=rdf.data, format="turtle")
            assert (URIRef(iri), None, None) in described, iri
            conforms, report = conformance(described, dcat_ap_shapes)
            assert conforms, f"{iri}\n{report}"


def test_browsers_get_pages_and_curl_gets_rdf(client):
    for path in ("/void", "/datasets/dcat", "/datasets/org", "/ontology", "/shapes"):
        page = client.get(path, headers={"Accept": "text/html"})
        assert page.status_code == 200 and page.mimetype == "text/html", path
        text = page.get_data(as_text=True)
        assert 'href="/analysis/validation?lang=sv"' in text and "English</a>" in text, path  # the site's chrome
        assert client.get(path, headers={"Accept": "*/*"}).mimetype != "text/html", path
    void = Graph().parse(data=client.get("/void", headers={"Accept": "*/*"}).data, format="turtle")
    assert (None, RDF.type, URIRef("http://rdfs.org/ns/void#Dataset")) in void


def test_unsatisfiable_accept_is_406_everywhere(client):
    for path in ("/void", "/datasets/dcat", "/datasets/org", "/ontology", "/shapes", "/publication", "/queries",
                 "/dumps/", "/org/", "/api/", "/api/openapi.json", "/id/org/0480/goal/G1", "/sparql"):
        response = client.get(path, headers={"Accept": "image/png"})
        assert response.status_code == 406, path
        assert response.get_json()["id"] == "web.not_acceptable", path
    select = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                        headers={"Accept": "text/turtle"})
    assert select.status_code == 406
    construct = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"},
                           headers={"Accept": "application/sparql-results+json"})
    assert construct.status_code == 406
    assert client.get("/void", query_string={"format": "png"}).status_code == 406


def test_publication_page_links_every_publication(client):
    html = client.get("/publication", headers={"Accept": FIREFOX}).get_data(as_text=True)
    for href in ("/datasets/dcat", "/void", "/dumps/", "/ontology", "/shapes", "/api/"):
        assert f'href="{href}' in html, href


def test_unknown_dataset_is_404(client):
    assert client.get("/datasets/nothing", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/datasets/org/zip", headers={"Accept": FIREFOX}).status_code == 404
