"""The ontology: it parses, HermiT finds it consistent, every term is documented in sv and en,
and it defines every ssg: term that docs/model.md (the data-model contract) names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ssgraph import namespaces, paths
from ssgraph.reasoning import check_consistency

REPO_ROOT = Path(__file__).resolve().parents[1]
MODEL_DOC = REPO_ROOT / "docs" / "model.md"
DOCS_SCRIPT = REPO_ROOT / "scripts" / "build_ontology_docs.py"
DOCS_HTML = paths.ONTOLOGY_DIR / "ssgraph.html"
ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/ssgraph/ontology")
SSG = namespaces.SSG
QB = namespaces.QB
XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema#"

TERM_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(paths.ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def own_terms(ontology) -> list[rdflib.URIRef]:
    found = {
        s
        for t in TERM_TYPES
        for s in ontology.subjects(RDF.type, t)
        if isinstance(s, rdflib.URIRef) and str(s).startswith(str(SSG))
    }
    return sorted(found)


@pytest.fixture(scope="module")
def hermit_report():
    """One HermiT run per test session: it takes a JVM start and a few seconds."""
    return check_consistency([paths.ONTOLOGY_FILE])


def test_one_ontology_with_version(ontology):
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY_IRI]
    version_iri = ontology.value(ONTOLOGY_IRI, OWL.versionIRI)
    version = ontology.value(ONTOLOGY_IRI, OWL.versionInfo)
    assert version is not None and re.fullmatch(r"\d+\.\d+\.\d+", str(version))
    assert version_iri == rdflib.URIRef(f"{ONTOLOGY_IRI}/{version}")


def test_namespace_module_matches_ontology(ontology):
    vann = rdflib.Namespace("http://purl.org/vocab/vann/")
    assert str(ontology.value(ONTOLOGY_IRI, vann.preferredNamespaceUri)) == str(SSG)
    assert str(ontology.value(ONTOLOGY_IRI, vann.preferredNamespacePrefix)) == "ssg"
    assert str(SSG) == str(ONTOLOGY_IRI) + "#"
    assert namespaces.PREFIXES["ssg"] == str(SSG)


def test_hermit_finds_the_ontology_consistent(hermit_report):
    assert hermit_report.consistent
    assert hermit_report.unsatisfiable_classes == []


def test_every_term_has_labels_and_definitions_in_swedish_and_english(ontology, own_terms):
    assert len(own_terms) > 100
    problems = []
    for term in own_terms:
        for predicate in (RDFS.label, SKOS.definition):
            texts = {v.language: str(v) for v in ontology.objects(term, predicate) if isinstance(v, rdflib.Literal)}
            for lang in ("sv", "en"):
                if not texts.get(lang, "").strip():
                    problems.append(f"{term} lacks {predicate.n3(ontology.namespace_manager)}@{lang}")
        for lang in ("sv", "en"):
            label = ontology.value(term, RDFS.label)
            definitions = [str(d) for d in ontology.objects(term, SKOS.definition) if d.language == lang]
            if any(len(d.split()) < 4 or d.strip().lower() == str(label).lower() for d in definitions):
                problems.append(f"{term}: the {lang} definition does not explain the term")
    assert problems == []


def test_every_term_named_in_the_model_contract_is_defined(ontology, own_terms):
    text = MODEL_DOC.read_text(encoding="utf-8")
    named = {
        local
        for span in re.findall(r"`([^`]*)`", text)
        for local in re.findall(r"\bssg:([A-Za-z][A-Za-z0-9]*)", span)
    }
    assert len(named) > 100, "docs/model.md should name the ontology's terms in backticks"
    defined = {str(t)[len(str(SSG)):] for t in own_terms}
    assert sorted(named - defined) == []


def test_every_ssg_term_the_reference_data_uses_is_defined(own_terms):
    reference_files = sorted(paths.REFERENCE_DIR.glob("*.ttl"))
    if not reference_files:
        pytest.skip("no reference vocabularies generated yet")
    defined = set(own_terms)
    undefined = set()
    for path in reference_files:
        graph = rdflib.Graph().parse(path, format="turtle")
        for triple in graph:
            for term in triple:
                if isinstance(term, rdflib.URIRef) and str(term).startswith(str(SSG)) and term not in defined:
                    undefined.add(f"{path.name}: {term}")
    assert sorted(undefined) == []


def test_goal_hierarchy_properties(ontology):
    assert (SSG.leadsUpTo, RDF.type, OWL.TransitiveProperty) in ontology
    assert (SSG.hasParent, RDFS.subPropertyOf, SSG.leadsUpTo) in ontology
    assert (SSG.statedIn, OWL.inverseOf, SSG.containsGoal) in ontology


def test_data_cube_structure_uses_the_declared_components(ontology):
    roles = {QB.dimension: QB.DimensionProperty, QB.measure: QB.MeasureProperty, QB.attribute: QB.AttributeProperty}
    seen = {}
    for spec in ontology.objects(SSG.indicatorStructure, QB.component):
        for role, component_class in roles.items():
            for prop in ontology.objects(spec, role):
                assert (prop, RDF.type, component_class) in ontology, f"{prop} is not a {component_class}"
                seen[prop] = role
    assert seen == {
        SSG.indicator: QB.dimension,
        SSG.refPeriod: QB.dimension,
        SSG.gender: QB.dimension,
        SSG.refArea: QB.dimension,
        SSG.value: QB.measure,
        SSG.unit: QB.attribute,
    }


def test_external_terms_are_declared_for_dl_tools(ontology):
    """Every non-ssg IRI used as a class or property in an axiom carries an OWL declaration."""
    declared = {s for t in TERM_TYPES + (RDFS.Datatype,) for s in ontology.subjects(RDF.type, t)}
    builtin = (str(OWL), str(RDF), str(RDFS), XSD_NAMESPACE)  # OWL 2 datatype-map types need none
    used = set()
    for predicate in (RDFS.subClassOf, RDFS.domain, RDFS.range, OWL.someValuesFrom, OWL.allValuesFrom):
        used.update(o for o in ontology.objects(None, predicate) if isinstance(o, rdflib.URIRef))
    used.update(o for o in ontology.objects(None, RDFS.subPropertyOf))
    used.update(o for o in ontology.objects(None, OWL.onProperty))
    used.update(p for _, p, _ in ontology if not str(p).startswith(builtin))
    undeclared = sorted(str(u) for u in used if not str(u).startswith(builtin) and u not in declared)
    assert undeclared == []


def test_committed_html_documentation_covers_every_term(ontology, own_terms):
    page = DOCS_HTML.read_text(encoding="utf-8")
    missing = []
    for term in own_terms:
        local = str(term)[len(str(SSG)):]
        if f'id="{local}"' not in page:
            missing.append(f"anchor #{local}")
        for label in ontology.objects(term, RDFS.label):
            if str(label) not in page:
                missing.append(f"label {label!r}@{label.language}")
    assert missing == [], "regenerate with: python scripts/build_ontology_docs.py"


def test_documentation_script_regenerates_the_page(tmp_path):
    output = tmp_path / "ssgraph.html"
    subprocess.run(
        [sys.executable, str(DOCS_SCRIPT), "--output", str(output)], check=True, capture_output=True
    )
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'id="Goal"' in page and "skos:Concept" in page
