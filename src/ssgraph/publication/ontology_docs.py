"""The ontology's documentation as data: every own term with its labels and definitions in
Swedish and English, its place in the hierarchy, domains and ranges, and the alignments
with W3C vocabularies. ``/ontology`` renders it in the site's chrome (and
``scripts/build_ontology_docs.py`` as a standalone file); each term's local name is its
anchor, so ``https://w3id.org/ssgraph/ontology#Goal`` lands on its section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from ssgraph import paths

QB = Namespace("http://purl.org/linked-data/cube#")
VANN = Namespace("http://purl.org/vocab/vann/")
SECTIONS = (
    ("classes", OWL.Class),
    ("object-properties", OWL.ObjectProperty),
    ("datatype-properties", OWL.DatatypeProperty),
    ("annotation-properties", OWL.AnnotationProperty),
    ("individuals", OWL.NamedIndividual),
)
CHARACTERISTICS = {
    OWL.FunctionalProperty: "functional", OWL.TransitiveProperty: "transitive",
    OWL.SymmetricProperty: "symmetric", OWL.InverseFunctionalProperty: "inverse-functional",
    QB.DimensionProperty: "qb:DimensionProperty", QB.MeasureProperty: "qb:MeasureProperty",
    QB.AttributeProperty: "qb:AttributeProperty",
}


@dataclass(frozen=True)
class Ref:
    """A term, a literal or a class expression, as the page shows it."""

    kind: str  # "own" | "external" | "literal" | "union" | "intersection" | "restriction" | "anonymous"
    text: str = ""  # prefixed name, literal text or quantifier word
    iri: str = ""
    anchor: str = ""  # local name of an own term
    label: dict[str, str] = field(default_factory=dict)
    parts: tuple[Ref, ...] = ()  # members of a union/intersection; (property, filler) of a restriction


@dataclass
class Term:
    iri: str
    local: str
    prefixed: str
    label: dict[str, str]
    definition: dict[str, str]
    rows: list[tuple[str, list[Ref]]] = field(default_factory=list)  # (row key, values)


@dataclass
class OntologyDoc:
    iri: str
    namespace: str
    prefix: str
    title: dict[str, str]
    description: dict[str, str]
    creator: dict[str, str]
    version: str
    version_iris: list[Ref]
    licences: list[Ref]
    sections: list[tuple[str, list[Term]]]
    alignments: list[tuple[Ref, str, Ref]]


class _Reader:
    def __init__(self, graph: Graph):
        self.g = graph
        self.ontology = next(graph.subjects(RDF.type, OWL.Ontology))
        self.ns = str(graph.value(self.ontology, VANN.preferredNamespaceUri))
        self.prefix = str(graph.value(self.ontology, VANN.preferredNamespacePrefix))
        graph.bind(self.prefix, self.ns)

    def own(self, term: object) -> bool:
        return isinstance(term, URIRef) and str(term).startswith(self.ns)

    def texts(self, subject, predicate) -> dict[str, str]:
        return {v.language: str(v) for v in self.g.objects(subject, predicate)
                if isinstance(v, Literal) and v.language}

    def ref(self, term: object) -> Ref:
        if isinstance(term, BNode):
            return self.expression(term)
        if isinstance(term, Literal):
            return Ref("literal", str(term))
        if self.own(term):
            local = str(term)[len(self.ns):]
            return Ref("own", f"{self.prefix}:{local}", str(term), local, self.texts(term, RDFS.label))
        try:
            shown = self.g.namespace_manager.normalizeUri(term)
        except ValueError:
            shown = str(term)
        return Ref("external", str(term) if shown.startswith("<") else shown, str(term))

    def refs(self, values) -> list[Ref]:
        return sorted((self.ref(v) for v in values), key=lambda r: r.text)

    def expression(self, node: BNode) -> Ref:
        for operator, kind in ((OWL.unionOf, "union"), (OWL.intersectionOf, "intersection")):
            members = self.g.value(node, operator)
            if members is not None:
                return Ref(kind, parts=tuple(self.refs(Collection(self.g, members))))
        prop = self.g.value(node, OWL.onProperty)
        if prop is not None:
            for quantifier, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"),
                                     (OWL.hasValue, "value")):
                filler = self.g.value(node, quantifier)
                if filler is not None:
                    return Ref("restriction", word, parts=(self.ref(prop), self.ref(filler)))
        return Ref("anonymous")

    def terms_of(self, rdf_type) -> list[URIRef]:
        return sorted((t for t in set(self.g.subjects(RDF.type, rdf_type)) if self.own(t)),
                      key=lambda t: str(t).lower())

    def disjoint_with(self, cls) -> list:
        found = set(self.g.objects(cls, OWL.disjointWith)) | set(self.g.subjects(OWL.disjointWith, cls))
        for group in self.g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(Collection(self.g, self.g.value(group, OWL.members)))
            if cls in members:
                found.update(m for m in members if m != cls)
        return list(found)

    def used_in(self, predicate, cls) -> list:
        found = []
        for prop, value in self.g.subject_objects(predicate):
            members = list(Collection(self.g, self.g.value(value, OWL.unionOf))) \
                if isinstance(value, BNode) and self.g.value(value, OWL.unionOf) is not None else []
            if value == cls or cls in members:
                found.append(prop)
        return found

    def rows(self, term, kind: str) -> list[tuple[str, list[Ref]]]:
        g = self.g
        if kind == "classes":
            rows = [("superclass", self.refs(g.objects(term, RDFS.subClassOf))),
                    ("subclass", self.refs(g.subjects(RDFS.subClassOf, term))),
                    ("disjoint", self.refs(self.disjoint_with(term))),
                    ("domain_of", self.refs(self.used_in(RDFS.domain, term))),
                    ("range_of", self.refs(self.used_in(RDFS.range, term)))]
        elif kind.endswith("properties"):
            traits = sorted(name for rdf_type, name in CHARACTERISTICS.items() if (term, RDF.type, rdf_type) in g)
            inverse = list(g.objects(term, OWL.inverseOf)) + list(g.subjects(OWL.inverseOf, term))
            rows = [("characteristics", [Ref("literal", t) for t in traits]),
                    ("superproperty", self.refs(g.objects(term, RDFS.subPropertyOf))),
                    ("subproperty", self.refs(g.subjects(RDFS.subPropertyOf, term))),
                    ("inverse", self.refs(inverse)),
                    ("domain", self.refs(g.objects(term, RDFS.domain))),
                    ("range", self.refs(g.objects(term, RDFS.range)))]
        else:
            rows = [("type", self.refs(t for t in g.objects(term, RDF.type) if t != OWL.NamedIndividual))]
            components = []
            for spec in g.objects(term, QB.component):
                for role in (QB.dimension, QB.measure, QB.attribute):
                    for prop in g.objects(spec, role):
                        order = g.value(spec, QB.order)
                        components.append((int(order) if order is not None else 99, self.ref(role), self.ref(prop)))
            rows.append(("components", [Ref("restriction", "", parts=(role, prop))
                                        for _, role, prop in sorted(components, key=lambda c: c[0])]))
        rows.append(("see_also", self.refs(g.objects(term, RDFS.seeAlso))))
        return [(key, values) for key, values in rows if values]

    def alignments(self) -> list[tuple[Ref, str, Ref]]:
        skip = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual, OWL.FunctionalProperty, OWL.TransitiveProperty, OWL.Ontology}
        found = []
        for predicate, name in ((RDFS.subClassOf, "rdfs:subClassOf"), (RDFS.subPropertyOf, "rdfs:subPropertyOf"),
                                (RDF.type, "rdf:type"), (RDFS.seeAlso, "rdfs:seeAlso")):
            for subject, value in self.g.subject_objects(predicate):
                if not self.own(subject) or not isinstance(value, URIRef) or self.own(value):
                    continue
                if predicate == RDF.type and value in skip:
                    continue
                found.append((self.ref(subject), name, self.ref(value)))
        return sorted(found, key=lambda row: (row[0].text, row[1], row[2].text))

    def document(self) -> OntologyDoc:
        g, onto = self.g, self.ontology
        sections = []
        for key, rdf_type in SECTIONS:
            terms = []
            for term in self.terms_of(rdf_type):
                local = str(term)[len(self.ns):]
                terms.append(Term(str(term), local, f"{self.prefix}:{local}", self.texts(term, RDFS.label),
                                  self.texts(term, SKOS.definition), self.rows(term, key)))
            if terms:
                sections.append((key, terms))
        return OntologyDoc(str(onto), self.ns, self.prefix, self.texts(onto, DCTERMS.title),
                           self.texts(onto, DCTERMS.description), self.texts(onto, DCTERMS.creator),
                           str(g.value(onto, OWL.versionInfo) or ""), self.refs(g.objects(onto, OWL.versionIRI)),
                           self.refs(g.objects(onto, DCTERMS.license)), sections, self.alignments())


def document_of(graph: Graph) -> OntologyDoc:
    return _Reader(graph).document()


@lru_cache(maxsize=2)
def ontology_document(path: Path = paths.ONTOLOGY_FILE) -> OntologyDoc:
    """The shipped ontology's documentation (read once per process)."""
    graph = Graph()
    graph.parse(path, format="turtle")
    return document_of(graph)
