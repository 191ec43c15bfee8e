"""The SHACL rules as people read them: for each shape with a name, what it requires, how
serious a breach is, what the report says and how to fix it, grouped by the file (concern)
that holds it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from ssgraph.namespaces import SH, SSG

SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass
class Rule:
    iri: str
    local: str
    name: dict[str, str]
    description: dict[str, str]
    message: dict[str, str]
    fix: dict[str, str]
    severity: str
    target: str | None  # prefixed class name the node shape targets


def _texts(graph: Graph, subject, predicate) -> dict[str, str]:
    return {v.language or "": str(v) for v in graph.objects(subject, predicate) if isinstance(v, Literal)}


def shape_rules(shapes: Graph) -> list[Rule]:
    """Every named shape, node shapes first within each target, by Swedish name."""
    rules = []
    for shape in set(shapes.subjects(SH.name, None)):
        if not isinstance(shape, URIRef):
            continue
        target = shapes.value(shape, SH.targetClass)
        target_text = None
        if target is not None:
            try:
                target_text = shapes.namespace_manager.normalizeUri(target)
            except ValueError:
                target_text = str(target)
        rules.append(Rule(str(shape), str(shape).rsplit("#", 1)[-1], _texts(shapes, shape, SH.name),
                          _texts(shapes, shape, SH.description), _texts(shapes, shape, SH.message),
                          _texts(shapes, shape, SSG.fixHint),
                          SEVERITY.get(shapes.value(shape, SH.severity), "violation"), target_text))
    node_shapes = {str(s) for s in shapes.subjects(RDF.type, SH.NodeShape)}
    return sorted(rules, key=lambda r: (r.local.split("-")[0], r.iri not in node_shapes, r.name.get("sv", r.local)))
