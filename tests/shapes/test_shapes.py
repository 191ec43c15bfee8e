"""Every shape has a conforming and a non-conforming fixture; the findings are exact.

Cases are Turtle files in cases/<concern>/ carrying their expected findings (see
shape_cases.py). cases/base.ttl is the conforming fixture of every organisation shape;
cases/catalog/conforming.ttl and cases/reference_vocabularies/conforming.ttl are those
of the catalogue and reference shapes.
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from shape_cases import BASE_FILE, CASES_DIR, REFERENCE_DATE, Case, all_cases

from ssgraph.namespaces import SH
from ssgraph.validation import ValidationOptions, validate_graph
from ssgraph.validation.shapes import SHAPE_SETS, context_triples, shapes_graph

CASES = all_cases()


def findings_of(case: Case):
    graph = Graph()
    if case.base:
        graph.parse(BASE_FILE, format="turtle")
    graph.parse(case.path, format="turtle")
    report = validate_graph(graph, options=ValidationOptions(shape_set=case.shape_set, reference_date=REFERENCE_DATE))
    return report.findings


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_findings_are_exactly_the_expected_ones(case: Case):
    got = Counter((f.focus, f.path, f.severity, f.shape) for f in findings_of(case))
    expected = Counter(case.expected)
    assert got == expected, f"unexpected: {got - expected}; missing: {expected - got}"


def test_base_organisation_conforms_with_no_finding_at_all():
    assert findings_of(Case(BASE_FILE, base=False)) == []


def constrained_shapes(shape_set: str) -> set[str]:
    """Shapes that can produce a result: they have a constraint of their own."""
    shapes = shapes_graph(shape_set)
    found = set()
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)):
        own = {p for p in shapes.predicates(shape) if str(p).startswith(str(SH))}
        own -= {SH.name, SH.description, SH.message, SH.severity, SH.property, SH.path, SH.targetClass,
                SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
        if own:
            found.add(str(shape))
    return found


def _focus_nodes(shapes: Graph, shape, data: Graph) -> set:
    owners = list(shapes.subjects(SH.property, shape)) or [shape]
    nodes = set()
    for owner in owners:
        for cls in shapes.objects(owner, SH.targetClass):
            subclasses = set(data.transitive_subjects(RDFS.subClassOf, cls))
            for sub in subclasses | {cls}:
                nodes.update(data.subjects(RDF.type, sub))
        for predicate in shapes.objects(owner, SH.targetSubjectsOf):
            nodes.update(data.subjects(predicate, None))
        for predicate in shapes.objects(owner, SH.targetObjectsOf):
            nodes.update(data.objects(None, predicate))
    return nodes


CONFORMING_FIXTURE = {
    "organisation": BASE_FILE,
    "catalog": CASES_DIR / "catalog" / "conforming.ttl",
    "reference": CASES_DIR / "reference_vocabularies" / "conforming.ttl",
}


@pytest.mark.parametrize("shape_set", SHAPE_SETS)
def test_every_shape_has_a_conforming_and_a_non_conforming_fixture(shape_set: str):
    shapes = shapes_graph(shape_set)
    conforming = Graph().parse(CONFORMING_FIXTURE[shape_set], format="turtle")
    for triple in context_triples(shape_set):
        conforming.add(triple)
    violated = {shape for case in CASES if case.shape_set == shape_set for _f, _p, _s, shape in case.expected}
    for shape in sorted(constrained_shapes(shape_set)):
        assert shape in violated, f"{shape} has no non-conforming case"
        assert _focus_nodes(shapes, URIRef(shape), conforming), f"{shape} has no focus node in its conforming fixture"


def test_conforming_fixtures_conform():
    for shape_set, path in CONFORMING_FIXTURE.items():
        if shape_set == "organisation":
            continue  # test_base_organisation_conforms_with_no_finding_at_all
        report = validate_graph(Graph().parse(path, format="turtle"),
                                options=ValidationOptions(shape_set=shape_set, reference_date=REFERENCE_DATE))
        assert report.findings == [], path
