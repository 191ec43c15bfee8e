"""SHACL-SPARQL constraints, evaluated once per shape instead of once per focus node.

pyshacl runs an ``sh:sparql`` constraint by re-parsing its query for every focus node,
which costs about 80 ms a node (four minutes for one municipality). Here the shape's
targets are put in front of the constraint's body (``?this`` bound by the target
pattern, which is what pre-binding ``$this`` means in SHACL-SPARQL) and the query runs
once over the whole graph, in an in-memory Oxigraph store (rdflib's evaluator needed
minutes for a region's graph; Oxigraph needs well under a second). The results are
written into the same validation report with ``sh:sourceConstraintComponent
sh:SPARQLConstraintComponent``, so the report is the one pyshacl would have produced.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from ssgraph.namespaces import SH, SSG
from ssgraph.store import staging
from ssgraph.store.binding import bind, iri, term
from ssgraph.store.rdf_files import ScratchGraph
from ssgraph.validation import shapes as shape_sets

_WHERE = re.compile(r"WHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class SparqlConstraint:
    shape: URIRef
    severity: URIRef
    text: str


def _prefix_lines(shapes: Graph, constraint: Node) -> str:
    lines = []
    for prefixes in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(prefixes, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: " + term(iri(namespace)))
    return "\n".join(sorted(set(lines)))


def _class_closure(classes: set[URIRef], hierarchy: Graph) -> list[URIRef]:
    found = set(classes)
    frontier = list(classes)
    while frontier:
        cls = frontier.pop()
        for sub in hierarchy.subjects(RDFS.subClassOf, cls):
            if isinstance(sub, URIRef) and sub not in found:
                found.add(sub)
                frontier.append(sub)
    return sorted(found)


def target_pattern(shapes: Graph, shape: Node, hierarchy: Graph) -> str | None:
    """SPARQL that binds ?this to each focus node of the shape, to go first in the WHERE clause."""
    alternatives = []
    classes = {c for c in shapes.objects(shape, SH.targetClass) if isinstance(c, URIRef)}
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.add(shape)  # implicit class target
    if classes:
        closure = _class_closure(classes, hierarchy)
        alternatives.append(bind("{ SELECT DISTINCT ?this WHERE { VALUES ?ssgTargetClass { $classes } "
                                 "?this a ?ssgTargetClass } }", classes=closure))
    # a property target binds a node once per triple: collect the distinct nodes first
    for predicate in shapes.objects(shape, SH.targetSubjectsOf):
        alternatives.append(bind("{ SELECT DISTINCT ?this WHERE { ?this $p ?ssgTargetObject } }", p=predicate))
    for predicate in shapes.objects(shape, SH.targetObjectsOf):
        alternatives.append(bind("{ SELECT DISTINCT ?this WHERE { ?ssgTargetSubject $p ?this } }", p=predicate))
    for node in shapes.objects(shape, SH.targetNode):
        if isinstance(node, URIRef):
            alternatives.append(bind("BIND ($node AS ?this)", node=node))
    if not alternatives:
        return None
    if len(alternatives) == 1:
        return alternatives[0]
    return " UNION ".join(f"{{ {a} }}" for a in alternatives)


_SELECT = re.compile(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?", re.IGNORECASE)


def query_text(select: str, prefixes: str, target: str) -> str:
    """The constraint's query with the target pattern first and DISTINCT solutions.

    A target pattern can bind the same focus node several times (several objects of
    the target property), hence DISTINCT; constraints must therefore not count rows
    of the target pattern with aggregates.
    """
    body = _SELECT.sub("SELECT DISTINCT ", select.replace("$this", "?this"), count=1)
    match = _WHERE.search(body)
    if match is None:
        raise ValueError("a SHACL-SPARQL constraint without WHERE {")
    return f"{prefixes}\n{body[:match.end()]}\n    {target}\n{body[match.end():]}"


@functools.cache
def sparql_constraints(shape_set: str = "organisation") -> tuple[SparqlConstraint, ...]:
    shapes = shape_sets.shapes_graph(shape_set)
    hierarchy = Graph()
    for triple in shape_sets.context_triples("catalog"):  # the ontology hierarchy only
        hierarchy.add(triple)
    found = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        select = shapes.value(constraint, SH.select)
        target = target_pattern(shapes, shape, hierarchy)
        if select is None or target is None:
            continue
        text = query_text(str(select), _prefix_lines(shapes, constraint), target)
        severity = shapes.value(shape, SH.severity) or SH.Violation
        found.append(SparqlConstraint(shape, severity, text))
    return tuple(found)


def core_shapes_graph(shape_set: str = "organisation") -> Graph:
    """The shape set without its sh:sparql constraints, for pyshacl."""
    return _core_shapes_graph(shape_set)


_TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
_WORDS_ONLY = (SH.name, SH.description, SSG.fixHint)


@functools.cache
def _core_shapes_graph(shape_set: str) -> Graph:
    """The shapes pyshacl runs: no sh:sparql, and property shapes lifted to carry targets.

    pyshacl evaluates a property shape reached through ``sh:property`` once per focus node
    of its node shape (thousands of calls for the observations of one municipality); a
    property shape with the node shape's targets of its own is evaluated once for all of
    them. The results are the same (focus node, path, value, source shape). The shapes' names,
    descriptions and fix hints are left out: pyshacl does not use them, and looks at every
    property of a shape for each graph it validates (the findings take them from the shapes).
    """
    shapes = shape_sets.shapes_graph(shape_set)
    core = Graph()
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    for triple in shapes:
        if triple[1] not in (SH.sparql, SH.property) and triple[1] not in _WORDS_ONLY:
            core.add(triple)
    for node_shape, property_shape in shapes.subject_objects(SH.property):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node_shape, p)]
        if isinstance(property_shape, URIRef) and targets:
            for predicate, obj in targets:
                core.add((property_shape, predicate, obj))
        else:  # keep anything that cannot be lifted as it is
            core.add((node_shape, SH.property, property_shape))
    return core


@dataclass(frozen=True)
class SparqlResult:
    """One result of a SHACL-SPARQL constraint: what pyshacl would have put in its report."""

    focus: Node
    shape: URIRef
    severity: URIRef
    path: Node | None = None
    value: Node | None = None


def results(data: Graph, shape_set: str = "organisation") -> list[SparqlResult]:
    """Run every SPARQL constraint over ``data``."""
    # a staging graph is already in Oxigraph: queried where it is, not copied
    select = functools.partial(staging.select, data) if staging.is_staged(data) else ScratchGraph(data).select
    found = []
    for constraint in sparql_constraints(shape_set):
        _, rows = select(constraint.text)
        for solution in rows:
            focus = solution.get("this")
            if focus is not None:
                found.append(SparqlResult(focus, constraint.shape, constraint.severity,
                                          solution.get("path"), solution.get("value")))
    return found


def add_to_report(report: Graph, found: list[SparqlResult]) -> None:
    """Write results into a validation report with ``sh:sourceConstraintComponent
    sh:SPARQLConstraintComponent``, as pyshacl would have."""
    report_node = report.value(None, RDF.type, SH.ValidationReport)
    if report_node is None:
        report_node = BNode()
        report.add((report_node, RDF.type, SH.ValidationReport))
    for each in found:
        result = BNode()
        report.add((report_node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, each.focus))
        report.add((result, SH.resultSeverity, each.severity))
        report.add((result, SH.sourceShape, each.shape))
        report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        if each.path is not None:
            report.add((result, SH.resultPath, each.path))
        if each.value is not None:
            report.add((result, SH.value, each.value))


def evaluate(data: Graph, report: Graph, shape_set: str = "organisation") -> int:
    """Run every SPARQL constraint over ``data``; add its results to ``report``. Returns the count."""
    found = results(data, shape_set)
    add_to_report(report, found)
    return len(found)
