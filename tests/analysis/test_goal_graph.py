import json

import networkx as nx
import pytest
from analysis_fixture import iri

from ssgraph.analysis import goal_graph as gg
from ssgraph.errors import InputError


def test_structure_runs_downwards_from_organisation_to_indicators(small_graph):
    assert small_graph.edges[iri("9001"), iri("9001/vision")]["relation"] == "has-vision"
    assert small_graph.edges[iri("9001/vision"), iri("9001/goal/1")]["relation"] == "has-goal"
    assert small_graph.edges[iri("9001/goal/1"), iri("9001/goal/1.1")]["relation"] == "has-subgoal"
    assert gg.goal_indicators(small_graph, iri("9001/goal/1")) == [iri("9001/indicator/co2")]
    assert nx.has_path(small_graph, iri("9001"), iri("9001/activity/a1"))


def test_links_documents_and_bodies_are_edges(small_graph):
    goal = iri("9001/goal/1")
    assert gg.links(small_graph, goal, "sdg") == ["https://w3id.org/ssgraph/ref/sdg/13.2"]
    assert gg.links(small_graph, goal, "objective") == ["https://w3id.org/ssgraph/ref/miljomal/1"]
    assert gg.successors_by(small_graph, goal, "stated-in") == [iri("9001/document/budget")]
    assert gg.successors_by(small_graph, goal, "responsible") == [iri("9001/body/ks")]
    assert small_graph.nodes["https://w3id.org/ssgraph/ref/sdg/13.2"]["match"] == "http://metadata.un.org/sdg/13.2"


def test_only_current_versions_by_default(small_store, small_graph):
    assert iri("9001/goal/old") not in small_graph
    everything = gg.build_goal_graph(small_store, ["9001"], current_only=False)
    assert iri("9001/goal/old") in everything


def test_depth_assessments_and_observations(small_graph):
    assert small_graph.nodes[iri("9001/goal/1")]["depth"] == 1
    assert small_graph.nodes[iri("9001/goal/1.1")]["depth"] == 2
    assert small_graph.nodes[iri("9001/goal/3")]["depth"] is None  # no parent: orphan
    assert small_graph.nodes[iri("9001/goal/1")]["assessments"]["2024"]["status"] == "partly-fulfilled"
    assert small_graph.nodes[iri("9001/indicator/co2")]["observations"] == {"2022": 4.1, "2023": 3.8}


def test_unknown_organisation_is_a_clear_error(small_store):
    with pytest.raises(InputError) as error:
        gg.build_goal_graph(small_store, ["0000"])
    assert "0000" in error.value.render("en") and "9001" in error.value.render("en")


def test_graphml_and_node_link_export(small_graph, tmp_path):
    path = gg.to_graphml(small_graph, tmp_path / "g.graphml")
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == small_graph.number_of_nodes()
    assert json.loads(back.nodes[iri("9001/indicator/co2")]["observations"]) == {"2022": 4.1, "2023": 3.8}
    data = json.loads(json.dumps(gg.to_node_link(small_graph)))
    assert len(data["edges"]) == small_graph.number_of_edges()


class _SelectOnly:
    """A store seen through select() alone (as a remote or read-only view may be)."""

    def __init__(self, store):
        self.store = store

    def select(self, sparql):
        return self.store.select(sparql)


def test_same_graph_through_select_alone(small_store, small_graph):
    other = gg.build_goal_graph(_SelectOnly(small_store))
    assert set(other.nodes) == set(small_graph.nodes)
    assert set(other.edges) == set(small_graph.edges)
    assert other.nodes[iri("9001/indicator/co2")]["observations"] == {"2022": 4.1, "2023": 3.8}
