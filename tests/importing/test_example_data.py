"""The shipped example data: imports cleanly, YAML and workbook agree, planted problems present."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
import yaml
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from ssgraph.importing.examples import EXAMPLE_FILES, example_paths, load_examples
from ssgraph.importing.importer import prepare_import
from ssgraph.namespaces import SSG, sparql_prefixes
from ssgraph.paths import EXAMPLES_DIR

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
ILLUSTRATIVE = "Illustrative example data, not an official statement of the organisation"
PLANTED = yaml.safe_load((EXAMPLES_DIR / "planted-problems.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def prepared():
    return {name: prepare_import(EXAMPLES_DIR / name, now=NOW, validate=False) for name in EXAMPLE_FILES}


def without_provenance(graph: Graph) -> Graph:
    locations = set(graph.subjects(RDF.type, SSG.SourceLocation))
    kept = Graph()
    for s, p, o in graph:
        if s not in locations and p not in (PROV.wasDerivedFrom, SSG.sourceFile):
            kept.add((s, p, o))
    return kept


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_example_is_marked_illustrative(name, prepared):
    text = (EXAMPLES_DIR / name).read_text(encoding="utf-8")
    assert ILLUSTRATIVE in text.split("\n\n", 1)[0]  # in the header comment
    assert ILLUSTRATIVE in prepared[name].entry.note  # and in the organisation sheet
    assert ILLUSTRATIVE in (EXAMPLES_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_workbook_and_yaml_give_isomorphic_graphs(name, prepared):
    workbook = prepare_import(EXAMPLES_DIR / (Path(name).stem + ".xlsx"), now=NOW, validate=False)
    assert isomorphic(without_provenance(workbook.graph), without_provenance(prepared[name].graph))


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_example_is_realistic_in_size(name, prepared):
    graph = prepared[name].graph
    goals = set(graph.subjects(RDF.type, SSG.Goal))
    assert len(goals) >= 24
    levels = {graph.value(g, SSG.goalLevel) for g in goals}
    assert len(levels) == 3
    years_per_indicator = {}
    for obs in graph.subjects(RDF.type, SSG.Observation):
        years_per_indicator.setdefault(graph.value(obs, SSG.indicator), set()).add(graph.value(obs, SSG.refPeriod))
    observed = [len(y) for y in years_per_indicator.values()]
    assert observed and sorted(observed)[len(observed) // 2] >= 5  # median indicator has 5-10 years
    assert max(observed) <= 10
    assert len(set(graph.subjects(RDF.type, None)) & set(graph.subjects(SSG.documentStatus, None))) >= 1


def nykoping_2024_findings(tmp_path) -> dict[str, set[str]]:
    """The shapes' findings (the one home of these rules) on Nyköping 2024, by local id."""
    from ssgraph.importing.importer import import_sources
    from ssgraph.store import open_store
    from ssgraph.validation import rules

    with open_store(tmp_path / "nykoping") as store:
        result = import_sources(store, [EXAMPLES_DIR / "nykoping-2024.yaml"], now=NOW)[0]
        found = rules.findings(store, result.prepared.graph_iri, dt.date(2025, 1, 1))
    return {rule: {iri.rsplit("/", 1)[-1] for iri in nodes} for rule, nodes in found.items()}


def test_nykoping_planted_problems_are_there(prepared, tmp_path):
    planted = PLANTED["nykoping"]
    found = nykoping_2024_findings(tmp_path)
    assert found["goal_without_indicator"] == set(planted["goals_without_indicator"])
    assert found["goal_not_leading_to_vision"] == set(planted["goals_not_leading_to_vision"])
    assert found["indicator_without_observations"] == set(planted["indicators_without_observations"])
    assert found["document_expired_in_force"] == set(planted["expired_documents_in_force"])

    graph = prepared["nykoping-2024.yaml"].graph
    by_id = {str(graph.value(s, DCTERMS.identifier)): s for s in graph.subjects(DCTERMS.identifier, None)}
    for superseded in planted["superseded_documents"]:
        doc = by_id[superseded["document"]]
        assert graph.value(doc, DCTERMS.isReplacedBy) == by_id[superseded["replaced_by"]]
        assert str(graph.value(doc, SSG.documentStatus)).endswith("/superseded")
    for name, cluster in planted["duplicate_goal_clusters"].items():
        goals = [by_id[g] for g in cluster["goals"]]
        documents = {graph.value(g, SSG.statedIn) for g in goals}
        assert len(documents) == len(goals), f"{name}: goals of one cluster come from different documents"
        texts = {str(graph.value(g, DCTERMS.identifier)): g for g in goals}
        assert len({str(graph.value(g, RDF.type)) for g in goals}) >= 1 and len(texts) == len(goals)
        for goal in goals:
            targets = {str(t).rsplit("/", 1)[1] for t in graph.objects(goal, SSG.addressesSDG)}
            assert targets & set(cluster["sdg_targets"]), (name, goal)


def _goal_texts(graph) -> dict[str, str]:
    return {str(graph.value(g, DCTERMS.identifier)): str(graph.value(g, RDFS.label))
            for g in graph.subjects(RDF.type, SSG.Goal)}


def test_nykoping_versions_differ_as_documented(tmp_path):
    from ssgraph.services import diff as diff_structures
    from ssgraph.store import open_store

    with open_store(tmp_path / "store") as store:
        load_examples(store)
        diff = diff_structures(store, "0480@Mål och budget 2023", "0480@Mål och budget 2024")
    assert diff.renumbered == []
    expected = PLANTED["nykoping"]["diff_2023_to_2024"]
    assert [c.identifier for c in diff.added] == expected["added"]
    assert [c.identifier for c in diff.removed] == expected["removed"]
    assert [c.identifier for c in diff.reworded] == expected["reworded"]


def test_ale_has_assessments_for_three_years_and_follow_up(prepared):
    graph = prepared["ale-2024.yaml"].graph
    periods = {str(graph.value(a, SSG.assessmentPeriod)) for a in graph.subjects(RDF.type, SSG.Assessment)}
    assert periods == {"2022", "2023", "2024"}
    assert len(set(graph.subjects(RDF.type, SSG.Activity))) >= 10
    assert len(set(graph.subjects(SSG.budget, None))) >= 10
    assert len(set(graph.subjects(RDF.type, SSG.Dialogue))) >= 3
    assert len(set(graph.subjects(SSG.targetValue, None))) >= 10


def test_orebro_gold_alignment_names_real_goals_with_different_wording(prepared):
    texts = {}
    for name in ("orebro-landsting-2014.yaml", "orebro-regionforbundet-2014.yaml"):
        graph = prepared[name].graph
        for goal in graph.subjects(RDF.type, SSG.Goal):
            texts[str(goal)] = _goal_texts(graph)[str(graph.value(goal, DCTERMS.identifier))]
    with (EXAMPLES_DIR / "orebro-gold-alignment.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert 12 <= len(rows) <= 20
    for row in rows:
        assert row["relation"] in {"exact", "close", "related"}
        assert "/org/LL18/goal/" in row["goal_a"] and "/org/RF18/goal/" in row["goal_b"]
        assert texts[row["goal_a"]] != texts[row["goal_b"]]
    one_sided = set(t for t in texts if "/LL18/" in t) - {r["goal_a"] for r in rows}
    assert len(one_sided) >= 5


def test_dissolved_organisations_point_to_their_successor(prepared):
    graph = prepared["orebro-landsting-2014.yaml"].graph
    assert graph.query(sparql_prefixes() + """ASK {
        <https://w3id.org/ssgraph/id/org/LL18> a ssg:Region ; ssg:dissolvedOn "2014-12-31"^^xsd:date ;
            org:changedBy ?event .
        ?event org:resultingOrganization <https://w3id.org/ssgraph/id/org/0018> }""").askAnswer


def test_all_examples_load_and_every_goal_traces_to_sheet_and_row(tmp_path):
    from ssgraph.store import open_store

    with open_store(tmp_path / "store") as store:
        loaded = load_examples(store)
        assert len(loaded) == len(EXAMPLE_FILES)
        untraced = store.select(sparql_prefixes() + """
            SELECT ?goal WHERE { GRAPH ?g { ?goal a ssg:Goal .
              FILTER NOT EXISTS { ?goal prov:wasDerivedFrom [ ssg:sourceFile ?f ; ssg:sheet ?s ; ssg:row ?r ] } } }""")
        assert untraced == []
        current = store.select(sparql_prefixes() + """
            SELECT (COUNT(DISTINCT ?goal) AS ?n) WHERE { ?goal a ssg:Goal }""")
        assert int(current[0]["n"]) == 48 + 32 + 25 + 25 + 26
    assert [p.name for p in example_paths()] == list(EXAMPLE_FILES)
