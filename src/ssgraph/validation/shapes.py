"""The shapes graphs and the context graph every validation runs against.

Shape files live in ``shapes/`` (see shapes/README.md). They form three sets:
``organisation`` (an organisation's goal structure: every file except the two below),
``catalog`` (the version catalogue) and ``reference`` (the reference vocabularies and
Kolada KPIs). ``prefixes.ttl`` belongs to every set.

The context graph is what the data graph needs besides itself for the shapes to work:
the ontology's class and property hierarchy (so ``sh:targetClass ssg:Goal`` reaches
``ssg:CommitteeGoal`` instances) and the ``rdf:type`` of every reference concept and
organisation (so ``sh:class ssg:SDGTarget`` can tell an existing target from ``sdg/18.2``).
Only those triples are mixed in, not the whole vocabularies, which keeps each
organisation's validation small.
"""

from __future__ import annotations

import functools
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ssgraph.namespaces import SSG
from ssgraph.paths import ONTOLOGY_FILE, REFERENCE_DIR, SHAPES_DIR
from ssgraph.store.rdf_files import triples_of_file

SHAPES_NAMESPACE = "https://w3id.org/ssgraph/shapes#"
PREFIXES_FILE = "prefixes.ttl"
SET_FILES: dict[str, tuple[str, ...]] = {
    "catalog": ("catalog.ttl",),
    "reference": ("reference_vocabularies.ttl",),
}
SHAPE_SETS = ("organisation", "catalog", "reference")


def shape_files(shape_set: str = "organisation", directory: Path = SHAPES_DIR) -> list[Path]:
    """The Turtle files of one shape set, prefixes first."""
    if shape_set not in SHAPE_SETS:
        raise ValueError(f"unknown shape set {shape_set!r}")
    if shape_set in SET_FILES:
        names = SET_FILES[shape_set]
    else:
        reserved = {name for names in SET_FILES.values() for name in names} | {PREFIXES_FILE}
        names = tuple(sorted(p.name for p in directory.glob("*.ttl") if p.name not in reserved))
    return [directory / PREFIXES_FILE] + [directory / name for name in names]


@functools.cache
def shapes_graph(shape_set: str = "organisation") -> Graph:
    graph = Graph()
    for path in shape_files(shape_set):
        graph.parse(path, format="turtle")
    return graph


def reference_files() -> list[Path]:
    try:
        from ssgraph.reference import REFERENCE_GRAPHS

        return [path for path in REFERENCE_GRAPHS.values() if path.exists()]
    except ImportError:  # pragma: no cover - the reference module is part of the package
        return sorted(REFERENCE_DIR.glob("*.ttl"))


_HIERARCHY = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.inverseOf)


@functools.cache
def _ontology_hierarchy() -> tuple[tuple[URIRef, URIRef, URIRef], ...]:
    if not ONTOLOGY_FILE.exists():
        return ()
    return tuple(
        (s, p, o)
        for s, p, o in triples_of_file(ONTOLOGY_FILE)
        if p in _HIERARCHY and isinstance(s, URIRef) and isinstance(o, URIRef)
    )


@functools.cache
def _reference_types() -> tuple[tuple[URIRef, URIRef, URIRef], ...]:
    triples = []
    for path in reference_files():
        triples.extend(
            (s, RDF.type, o)
            for s, p, o in triples_of_file(path)
            if p == RDF.type and isinstance(s, URIRef) and str(o).startswith(str(SSG))  # the classes shapes check
        )
    return tuple(dict.fromkeys(triples))


@functools.cache
def reference_labels() -> dict[str, dict[str, str]]:
    """IRI -> {language: preferred label} for every reference concept and organisation."""
    labels: dict[str, dict[str, str]] = {}
    for path in reference_files():
        for s, p, label in triples_of_file(path):
            if p == SKOS.prefLabel and isinstance(label, Literal):
                labels.setdefault(str(s), {})[label.language or ""] = str(label)
    return labels


def context_triples(shape_set: str = "organisation") -> tuple[tuple[URIRef, URIRef, URIRef], ...]:
    if shape_set == "organisation":
        return _ontology_hierarchy() + _reference_types()
    return _ontology_hierarchy()


REFERENCE_DATE_NODE = URIRef("https://w3id.org/ssgraph/id/validation/run")
REFERENCE_DATE = SSG.referenceDate


def warm_up() -> None:
    """Parse everything once, e.g. before forking worker processes."""
    for shape_set in SHAPE_SETS:
        shapes_graph(shape_set)
    _ontology_hierarchy()
    _reference_types()
    reference_labels()
