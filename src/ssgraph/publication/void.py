"""The VoID description of the dataset: its size, endpoint, dumps and one subset per graph."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

from ssgraph import catalogue
from ssgraph.publication.inventory import group_of, slug_of

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@dataclass
class Subset:
    iri: str
    graph: str
    group: str
    triples: int
    dump: str


@dataclass
class VoidDescription:
    iri: str
    endpoint: str
    uri_space: str
    licence: str
    triples: int
    dump: str
    subsets: list[Subset] = field(default_factory=list)


def describe_void(counts: list[tuple[str, int]], base: str, settings: dict) -> VoidDescription:
    description = VoidDescription(base + "void#dataset", base + "sparql", settings["instance_base"], settings["licence"],
                                  sum(n for _, n in counts), base + "dumps/all.nq.gz")
    for iri, count in counts:
        slug = slug_of(iri)
        description.subsets.append(Subset(base + "void#graph-" + slug, iri, group_of(iri), count,
                                          base + f"dumps/graph-{slug}.nq.gz"))
    return description


def void_graph(d: VoidDescription) -> Graph:
    graph = Graph()
    graph.bind("void", VOID)
    graph.bind("sd", SD)
    graph.bind("dcterms", DCTERMS)
    dataset = URIRef(d.iri)
    graph.add((dataset, RDF.type, VOID.Dataset))
    for lang in catalogue.LANGUAGES:
        graph.add((dataset, DCTERMS.title, Literal(catalogue.text("publication.catalogue_title", lang), lang=lang)))
    graph.add((dataset, DCTERMS.license, URIRef(d.licence)))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(d.endpoint)))
    graph.add((dataset, VOID.uriSpace, Literal(d.uri_space)))
    graph.add((dataset, VOID.triples, Literal(d.triples, datatype=XSD.integer)))
    graph.add((dataset, VOID.dataDump, URIRef(d.dump)))
    for subset in d.subsets:
        node = URIRef(subset.iri)
        graph.add((dataset, VOID.subset, node))
        graph.add((node, RDF.type, VOID.Dataset))
        graph.add((node, SD.name, URIRef(subset.graph)))
        graph.add((node, VOID.triples, Literal(subset.triples, datatype=XSD.integer)))
        graph.add((node, VOID.dataDump, URIRef(subset.dump)))
    return graph
