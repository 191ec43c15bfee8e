"""The analyses on the illustrative example data: the planted problems are found and the
Örebro alignment reaches F1 ≥ 0.8 against the independently written gold standard."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import yaml

from ssgraph.analysis import consolidate, council_report, coverage, goal_graph, harmonise, suggest
from ssgraph.paths import EXAMPLES_DIR, REFERENCE_DIR
from ssgraph.store import open_store

examples = pytest.importorskip("ssgraph.importing.examples")
ORG = "https://w3id.org/ssgraph/id/org/"


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("examples"))
    store.load(sorted(REFERENCE_DIR.glob("*.ttl")))
    examples.load_examples(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def example_graph(example_store):
    return goal_graph.build_goal_graph(example_store)


@pytest.fixture(scope="module")
def planted():
    return yaml.safe_load((EXAMPLES_DIR / "planted-problems.yaml").read_text(encoding="utf-8"))["nykoping"]


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def test_consolidate_finds_every_planted_problem_in_nykoping(example_graph, planted):
    result = consolidate.consolidate(example_graph, "0480", today=dt.date(2025, 1, 1))
    found = {frozenset(_local(m["iri"]) for m in c["members"]) for c in result.duplicate_clusters}
    expected = {frozenset(c["goals"]) for c in planted["duplicate_goal_clusters"].values()}
    assert expected <= found
    assert {_local(g["iri"]) for g in result.not_leading_to_vision} == set(planted["goals_not_leading_to_vision"])
    assert {_local(g["iri"]) for g in result.goals_without_indicators} >= {
        g for g in planted["goals_without_indicator"]}
    assert {_local(i["iri"]) for i in result.indicators_without_data} == set(planted["indicators_without_observations"])
    retired = {_local(d["iri"]): d["reason"] for d in result.expired_documents}
    for document in planted["expired_documents_in_force"]:
        assert retired[document] == "expired"
    for entry in planted["superseded_documents"]:
        assert retired[entry["document"]] == "superseded"
    assert result.goals_after < result.goals and result.documents_after < result.documents


def test_harmonise_orebro_against_the_gold_standard(example_graph):
    # The illustrative example's gold is a one-to-one alignment. The thresholds are chosen
    # on the real goal structures (benchmarks/evaluate_realdata.py), not on this example,
    # so it is a check on data the tuning never saw.
    result = harmonise.harmonise(example_graph, "LL18", "RF18", mode="one-to-one")
    with (EXAMPLES_DIR / "orebro-gold-alignment.csv").open(encoding="utf-8") as handle:
        gold = {(row["goal_a"], row["goal_b"]) for row in csv.DictReader(handle)}
    predicted = {(c.a, c.b) for c in result.matches}
    precision = len(predicted & gold) / len(predicted)
    recall = len(predicted & gold) / len(gold)
    assert 2 * precision * recall / (precision + recall) >= 0.75


def test_council_report_for_ale(example_graph):
    report = council_report.council_report(example_graph, "1440", 2024)
    assert report.vision and report.vision.startswith("Ale")
    assert sum(report.status_counts.values()) == len(goal_graph.nodes_of_kind(example_graph, "goal", "1440"))
    assert report.status_counts["not-assessed"] < sum(report.status_counts.values())
    trends = [t for goals in report.dimensions.values() for g in goals for t in g.indicators if t.observations]
    assert trends and all(max(t.observations) <= "2024" for t in trends)
    assert "social" in report.dimensions and report.sdgs


def test_coverage_of_all_examples(example_store, example_graph):
    result = coverage.coverage(example_graph, *coverage.reference_columns(example_store))
    assert [o["code"] for o in result.organisations] == ["0018", "0480", "1440", "LL18", "RF18"]
    assert sum(result.matrices["sdg_goals"]["1440"].values()) > 0
    assert coverage.region_members(example_store, "0018")[0] == "0018"


def test_suggestions_recover_a_share_of_the_existing_links(example_graph):
    figures = suggest.evaluate(example_graph, ["0018", "0480", "1440", "LL18", "RF18"])
    assert figures["target"]["precision"] >= 0.5 and figures["target"]["recall"] >= 0.4
