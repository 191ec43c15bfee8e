"""The benchmark's synthetic dataset generator at tiny scale: deterministic, valid, on-model."""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, parse
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
SSG = "https://w3id.org/ssgraph/ontology#"
REF = "https://w3id.org/ssgraph/ref/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CATALOG = "https://w3id.org/ssgraph/graph/catalog"


def _load_generator():
    spec = importlib.util.spec_from_file_location("benchmark_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> tuple[Path, list]:
    path = tmp_path_factory.mktemp("bench") / "three.nq"
    count = generate.generate(path, municipalities=3, seed=7)
    quads = list(parse(path=str(path), format=RdfFormat.N_QUADS))
    assert len(quads) == count
    return path, quads


def test_same_seed_same_bytes_other_seed_other_data(dataset, tmp_path):
    path, _ = dataset
    again, other = tmp_path / "again.nq.gz", tmp_path / "other.nq"
    generate.generate(again, municipalities=3, seed=7)
    generate.generate(other, municipalities=3, seed=8)
    import gzip

    assert gzip.decompress(again.read_bytes()) == path.read_bytes()
    assert other.read_bytes() != path.read_bytes()


def test_scale_option_picks_municipalities_and_proportionally_fewer_regions():
    orgs = generate.organisations_from_reference(generate.ORGANISATIONS_FILE) or generate.fallback_organisations()
    everything = generate.select_organisations(orgs, None)
    assert sum(o.kind == "Municipality" for o in everything) == 290
    assert sum(o.kind == "Region" for o in everything) == 21
    sample = generate.select_organisations(orgs, 58)
    assert sum(o.kind == "Municipality" for o in sample) == 58
    assert sum(o.kind == "Region" for o in sample) == 4  # 21 * 58 / 290 = 4.2
    assert len(generate.sdg_targets()) == 169


def test_only_ontology_terms_and_existing_standard_concepts(dataset):
    _, quads = dataset
    ontology = Graph().parse(ROOT / "ontology" / "ssgraph.ttl")
    defined = {str(s) for s in ontology.subjects()}
    standard = Graph().parse(ROOT / "data" / "reference" / "standard.ttl")
    concepts = {str(s) for s in standard.subjects()}
    used_terms, used_concepts = set(), set()
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, NamedNode) and term.value.startswith(SSG):
                used_terms.add(term.value)
            if isinstance(term, NamedNode) and term.value.startswith(REF + "ss854000/"):
                used_concepts.add(term.value)
    assert used_terms and used_terms <= defined, sorted(used_terms - defined)
    assert used_concepts and used_concepts <= concepts, sorted(used_concepts - concepts)


def test_catalogue_hierarchy_closure_and_observations(dataset):
    _, quads = dataset
    by_predicate: dict[str, list] = defaultdict(list)
    for quad in quads:
        by_predicate[quad.predicate.value].append(quad)

    # one current version per organisation, each pointing at a graph that holds data
    current = [q.subject for q in by_predicate[SSG + "isCurrentVersion"] if q.object == Literal(True)]
    organisations = {q.object for q in by_predicate[SSG + "versionOf"]}
    assert len(current) == len(organisations) == 4  # 3 municipalities and 1 region
    graphs = {q.graph_name for q in quads}
    assert {q.object for q in by_predicate[SSG + "graph"]} <= graphs

    # ssg:leadsUpTo is exactly the closure of ssg:hasParent, per graph
    parent = {(q.graph_name, q.subject): q.object for q in by_predicate[SSG + "hasParent"]}
    leads = defaultdict(set)
    for q in by_predicate[SSG + "leadsUpTo"]:
        leads[(q.graph_name, q.subject)].add(q.object)
    goals = {(q.graph_name, q.subject) for q in quads
             if q.predicate.value == RDF_TYPE and q.object == NamedNode(SSG + "Goal")}
    orphans = 0
    for graph, goal in goals:
        closure, node = set(), goal
        while (graph, node) in parent:
            node = parent[(graph, node)]
            closure.add(node)
        assert leads.get((graph, goal), set()) == closure
        orphans += not any(n.value.endswith("/vision") for n in closure)
    assert 0 < orphans < len(goals) * 0.1

    # every indicator has ten yearly observations
    per_indicator = defaultdict(int)
    for q in by_predicate[SSG + "indicator"]:
        per_indicator[(q.graph_name, q.object)] += 1
    assert per_indicator and set(per_indicator.values()) == {10}
