"""Validation against the store: --org, --graph, and findings as data with --store-results."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from validation_helpers import GOAL_WITH_SDG_18_2, GOAL_WITHOUT_INDICATOR, organisation_graph

from ssgraph.cli import cli
from ssgraph.store import open_store

GRAPH = "https://w3id.org/ssgraph/graph/org/0480/test"


@pytest.fixture
def store_dir(tmp_path):
    location = tmp_path / "store"
    with open_store(location) as store:
        store.replace_graphs({GRAPH: organisation_graph(GOAL_WITH_SDG_18_2, GOAL_WITHOUT_INDICATOR.replace("g9", "g8"))})
    return location


def validate(store_dir, *args):
    return CliRunner().invoke(cli, ["--store", str(store_dir), "validate", "--reference-date", "2025-06-01", *args])


def test_validate_an_organisation_and_a_graph_from_the_store(store_dir):
    by_org = validate(store_dir, "--org", "0480", "--format", "json")
    by_graph = validate(store_dir, "--graph", GRAPH, "--format", "json")
    for result in (by_org, by_graph):
        assert result.exit_code == 1, result.output
        [organisation] = json.loads(result.output)["organisations"]
        assert organisation["graph"] == GRAPH and organisation["counts"]["violation"] == 1
    assert validate(store_dir, "--org", "1440").exit_code == 2
    assert validate(store_dir, "--graph", "https://example.org/none").exit_code == 2


def test_store_results_then_count_findings_with_sparql(store_dir):
    result = validate(store_dir, "--store-results", "--format", "json")
    assert result.exit_code == 1
    with open_store(store_dir) as store:
        assert "https://w3id.org/ssgraph/graph/validation/0480" in {g.iri for g in store.graphs()}
        rows = store.select("""
            PREFIX sh: <http://www.w3.org/ns/shacl#>
            PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
            SELECT ?organisation ?shape ?severity (COUNT(?result) AS ?n) WHERE {
                GRAPH ?g { ?report a sh:ValidationReport ; ssg:organisation ?organisation ; sh:result ?result .
                           ?result sh:sourceShape ?shape ; sh:resultSeverity ?severity . }
            } GROUP BY ?organisation ?shape ?severity ORDER BY ?shape""")
        counted = {(str(r["shape"]).rsplit("#", 1)[1], str(r["severity"]).rsplit("#", 1)[1], int(r["n"])) for r in rows}
        assert counted == {("LeafGoalHasIndicator", "Warning", 1), ("SDGLink", "Violation", 1)}
        assert {str(r["organisation"]) for r in rows} == {"https://w3id.org/ssgraph/id/org/0480"}
        english = store.select("""
            PREFIX sh: <http://www.w3.org/ns/shacl#>
            SELECT ?message WHERE { ?r sh:sourceShape <https://w3id.org/ssgraph/shapes#SDGLink> ; sh:resultMessage ?message .
                                    FILTER (LANG(?message) = "en") }""")
        assert [str(r["message"]) for r in english] == ["The linked SDG goal, target or indicator does not exist in the 2030 Agenda."]
    # a second run replaces the organisation's results instead of adding to them
    validate(store_dir, "--store-results")
    with open_store(store_dir) as store:
        assert store.select("PREFIX sh: <http://www.w3.org/ns/shacl#> SELECT (COUNT(*) AS ?n) WHERE { ?r a sh:ValidationResult }")[0]["n"].toPython() == 2


def test_without_arguments_every_organisation_is_validated_in_worker_processes(tmp_path):
    from rdflib import Graph
    from shape_cases import BASE_FILE

    location = tmp_path / "store"
    text = BASE_FILE.read_text(encoding="utf-8")
    with open_store(location) as store:
        store.replace_graphs({
            "https://w3id.org/ssgraph/graph/org/0480/a": Graph().parse(data=text, format="turtle"),
            "https://w3id.org/ssgraph/graph/org/1440/a": Graph().parse(data=text.replace("0480", "1440"), format="turtle"),
        })
    result = validate(location, "--jobs", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert [(o["organisation"], o["counts"]["violation"]) for o in document["organisations"]] == [("0480", 0), ("1440", 0)]
    assert document["organisations"][1]["label"] == "Ale"
