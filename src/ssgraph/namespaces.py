"""Namespaces and the shared prefix map (see docs/model.md)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, VOID, XSD

SSG = Namespace("https://w3id.org/ssgraph/ontology#")
SSGREF = Namespace("https://w3id.org/ssgraph/ref/")
SSGID = Namespace("https://w3id.org/ssgraph/id/")
SSGGRAPH = Namespace("https://w3id.org/ssgraph/graph/")
QB = Namespace("http://purl.org/linked-data/cube#")
SH = Namespace("http://www.w3.org/ns/shacl#")
UNSDG = Namespace("http://metadata.un.org/sdg/")

ONTOLOGY_GRAPH = SSGGRAPH["ontology"]
CATALOG_GRAPH = SSGGRAPH["catalog"]
KOLADA_GRAPH = SSGGRAPH["kolada"]

PREFIXES: dict[str, str] = {
    "ssg": str(SSG),
    "ssgref": str(SSGREF),
    "ssgid": str(SSGID),
    "ssggraph": str(SSGGRAPH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "foaf": str(FOAF),
    "qb": str(QB),
    "time": str(TIME),
    "dcat": str(DCAT),
    "void": str(VOID),
    "sh": str(SH),
}


def sparql_prefixes() -> str:
    """The prefix map as a SPARQL prologue."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
