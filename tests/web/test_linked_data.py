"""Dereferenceable IRIs and the publication endpoints: /id, /ref, /ontology, /shapes, /void,
/datasets/dcat, /dumps/."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID

# A plain Namespace: pytest's collection probes module attributes, and rdflib's closed DCAT
# namespace warns on every unknown name it is asked for.
DCAT = Namespace("http://www.w3.org/ns/dcat#")

FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"

G1 = "https://w3id.org/ssgraph/id/org/0480/goal/G1"


def page(client, path: str, **params) -> str:
    response = client.get(path, query_string=params, headers={"Accept": FIREFOX})
    assert response.status_code == 200, response.data
    assert response.mimetype == "text/html"
    return response.data.decode("utf-8")


def test_goal_page_for_a_browser(client):
    html = page(client, "/id/org/0480/goal/G1")
    assert "<h1>Ett jämställt Nyköping</h1>" in html
    assert re.search(r'<a href="/id/org/0480/goal/G2" title="[^"]+">Minskade utsläpp</a>', html)  # incoming, by label
    assert re.search(r'<a href="/id/org/0480/body/ks" title="[^"]+">Kommunstyrelsen</a>', html)  # outgoing link
    assert "https://w3id.org/ssgraph/graph/org/0480/mal-och-budget-2024" in html  # provenance: the graph
    assert '<a href="/ontology#OverarchingGoal"' in html  # terms link to the ontology documentation


def test_property_labels_in_the_page_language_with_the_term_as_tooltip(client):
    swedish = page(client, "/id/org/0480/goal/G1")
    english = page(client, "/id/org/0480/goal/G1", lang="en")
    # a W3C term the ontology reuses: the catalogue's word, the prefixed name as tooltip
    assert 'title="dcterms:identifier">identifierare</a>' in swedish
    assert 'title="dcterms:identifier">identifier</a>' in english
    assert 'title="dcterms:description">beskrivning</a>' in swedish
    # the ontology's own property: its rdfs:label in the page's language
    assert 'title="ssg:responsibleBody">' in swedish


def test_literals_as_people_read_them(client):
    html = page(client, "/id/org/0480/document/mob2024")
    assert "xsd:date</small>" not in html and "2024-01-01 xsd:date" not in html
    assert '<span class="term" title="xsd:date">2024-01-01</span>' in html


def test_unsatisfiable_accept_is_406_and_quads_are_served(client):
    assert client.get("/id/org/0480/goal/G1", headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/id/org/0480/goal/G1", query_string={"format": "png"}).status_code == 406
    quads = client.get("/id/org/0480/goal/G1", headers={"Accept": "application/n-quads"})
    assert quads.status_code == 200 and quads.mimetype == "application/n-quads"
    assert (URIRef(G1), None, None) in Graph().parse(data=quads.data, format="nt")
    trig = client.get("/id/org/0480/goal/G1", headers={"Accept": "application/trig"})
    assert trig.mimetype == "application/trig" and len(Dataset().parse(data=trig.data, format="trig")) > 3


def test_goal_page_in_english_falls_back_to_swedish_labels(client):
    html = page(client, "/id/org/0480/goal/G1", lang="en")
    assert "<h1>An equal Nyköping</h1>" in html
    assert "Kommunstyrelsen" in html  # no English label: the Swedish one
    assert 'lang="en"' in html and "Properties" in html


def test_sdg_links_show_number_and_official_colour(client):
    html = page(client, "/id/org/0480/goal/G1")
    # SDG 5 red-orange #FF3A21, SDG 11 amber #FD9D24 (data/reference/sdg.ttl ssg:colour)
    assert '<span class="sdg" style="background-color: #FF3A21">5.1</span>' in html
    assert '<span class="sdg" style="background-color: #FD9D24">11.6</span>' in html


def test_sdg_goal_page(client):
    html = page(client, "/ref/sdg/5")
    assert '<span class="sdg" style="background-color: #FF3A21">5</span>' in html
    assert "/ref/sdg/5.1" in html


def test_literal_with_script_is_shown_as_text(client):
    html = page(client, "/id/org/0480/goal/G1")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_goal_as_turtle(client):
    response = client.get("/id/org/0480/goal/G1", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    assert (URIRef(G1), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Ett jämställt Nyköping", lang="sv")) in graph
    assert (URIRef("https://w3id.org/ssgraph/id/org/0480/goal/G2"), None, URIRef(G1)) in graph  # incoming


@pytest.mark.parametrize("accept, fmt", [("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                                         ("application/n-triples", "nt"), ("*/*", "turtle")])
def test_goal_in_other_formats(client, accept, fmt):
    response = client.get("/id/org/0480/goal/G1", headers={"Accept": accept})
    assert response.status_code == 200
    graph = Graph().parse(data=response.data, format=fmt)
    assert (URIRef(G1), None, None) in graph


def test_unknown_resource_is_404(client):
    assert client.get("/id/org/0480/goal/NOPE", headers={"Accept": FIREFOX}).status_code == 404
    assert client.get("/id/org/0480/goal/NOPE", headers={"Accept": "text/turtle"}).status_code == 404


def test_ontology_by_negotiation(client):
    assert client.get("/ontology", headers={"Accept": FIREFOX}).mimetype == "text/html"
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    assert (URIRef("https://w3id.org/ssgraph/ontology#Goal"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in graph


def test_shapes(client):
    response = client.get("/shapes")
    graph = Graph().parse(data=response.data, format="turtle")
    assert len(list(graph.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape")))) > 5


def test_void_counts_triples_per_graph(client):
    graph = Graph().parse(data=client.get("/void", headers={"Accept": "text/turtle"}).data, format="turtle")
    subsets = {
        str(graph.value(s, URIRef("http://www.w3.org/ns/sparql-service-description#name"))): int(graph.value(s, VOID.triples))
        for s in graph.objects(None, VOID.subset)
    }
    catalog = "https://w3id.org/ssgraph/graph/catalog"
    assert subsets[catalog] == 18  # three versions, six statements each
    total = int(graph.value(URIRef("http://localhost/void#dataset"), VOID.triples))
    assert total == sum(subsets.values())


def test_dcat_catalogue_for_dataportal(client):
    response = client.get("/datasets/dcat")
    assert response.mimetype == "application/rdf+xml"
    graph = Graph().parse(data=response.data, format="xml")
    assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]
    assert all(str(term).startswith(("http://", "https://", "mailto:")) for t in graph for term in t
               if isinstance(term, URIRef))
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    datasets = set(graph.objects(catalogue, DCAT.dataset))
    assert {str(d).rsplit("/", 1)[1] for d in datasets} >= {"ontology", "reference", "org", "catalog"}
    for dataset in datasets:
        assert graph.value(dataset, DCTERMS.publisher) is not None
        assert graph.value(dataset, DCAT.contactPoint) is not None
        assert graph.value(dataset, DCTERMS.title) is not None
        for distribution in graph.objects(dataset, DCAT.distribution):
            assert graph.value(distribution, DCTERMS.license) is not None
            assert "/dumps/group-" in str(graph.value(distribution, DCAT.downloadURL))


def test_dumps_index_and_files(client):
    files = json.loads(client.get("/dumps/", headers={"Accept": "application/json"}).data)["files"]
    names = {f.rsplit("/", 1)[1] for f in files}
    assert {"all.nq.gz", "all.ttl.gz", "group-org.nq.gz", "graph-catalog.ttl.gz"} <= names
    whole = client.get("/dumps/all.nq.gz")
    assert whole.status_code == 200
    dataset = Dataset()
    dataset.parse(data=gzip.decompress(whole.data), format="nquads")
    graphs = {str(g.identifier) for g in dataset.graphs()}
    assert "https://w3id.org/ssgraph/graph/org/1440/budget-2024" in graphs
    one = client.get("/dumps/graph-catalog.ttl.gz")
    assert len(Graph().parse(data=gzip.decompress(one.data), format="turtle")) == 18
    group = client.get("/dumps/group-org.nq.gz")
    assert gzip.decompress(group.data).count(b"\n") > 50
    assert client.get("/dumps/nothing.nq.gz").status_code == 404


def test_dumps_are_cached_per_store_state(client, app):
    first = client.get("/dumps/graph-catalog.nq.gz")
    cache = Path(app.extensions["ssgraph"].settings["dump_cache_dir"])
    cached = list(cache.rglob("graph-catalog.nq.gz"))
    assert len(cached) == 1
    assert client.get("/dumps/graph-catalog.nq.gz").data == first.data


def test_html_pages_escape_everything(client):
    for path in ("/", "/queries", "/dumps/", "/queries/goals_per_level"):
        html = page(client, path, format="html") if path.startswith("/queries/") else page(client, path)
        scripts = re.findall(r"<script[^>]*>", html)
        assert all(s.startswith(("<script src=", '<script id="examples" type="application/json">')) for s in scripts)


def test_provenance_names_the_version_of_each_graph(client):
    html = page(client, "/id/org/0480/goal/G1", lang="en")
    assert "mal-och-budget-2024 (Mål och budget 2024, current version)" in html


def test_resource_of_an_archived_version_only(client):
    html = page(client, "/id/org/0480/goal/OLD", lang="en")
    assert "Gammalt mål om fattigdom" in html
    assert "mal-och-budget-2020 (Mål och budget 2020, archived version)" in html


def test_browsers_get_errors_as_escaped_pages(client):
    response = client.get("/id/org/0480/goal/<script>x</script>", headers={"Accept": FIREFOX})
    assert response.status_code == 404 and response.mimetype == "text/html"
    html = response.data.decode()
    assert "&lt;script&gt;" in html and "<script>x" not in html
    assert client.get("/id/org/0480/goal/NOPE").mimetype == "application/json"
