"""One home per rule: the shapes are the rule, and the library queries that ask the same
question give exactly the shapes' focus nodes, on the fixture and on the data `serve` starts with."""

from __future__ import annotations

import datetime as dt

import pytest

from ssgraph import versions
from ssgraph.queries import load_library
from ssgraph.validation import rules

LIBRARY = load_library()
DAY = dt.date(2025, 1, 1)  # the default of documents_past_validity's ?day
QUERY_OF_RULE = {  # rule → (library query, the column with the focus node)
    "goal_without_indicator": ("goals_without_indicator", "goal"),
    "goal_not_leading_to_vision": ("goals_not_leading_to_vision", "goal"),
    "indicator_without_observations": ("indicators_without_observations", "indicator"),
    "document_expired_in_force": ("documents_past_validity", "document"),
}


def _shape_nodes(store, rule: str) -> set[str]:
    found: set[str] = set()
    for version in versions.current_versions(store).values():
        found |= rules.focus_nodes(store, rule, version.graph, DAY)
    return found


def _query_nodes(store, rule: str) -> set[str]:
    name, column = QUERY_OF_RULE[rule]
    query = LIBRARY.get(name)
    every = {"organisation": "all"} if "organisation" in [p.name for p in query.params] else {}
    return {str(row[column]) for row in store.select(query.bind(every))}


@pytest.mark.parametrize("rule", sorted(rules.RULES))
def test_library_query_and_shape_agree_on_the_fixture(fixture_store, rule):
    shape = _shape_nodes(fixture_store, rule)
    assert shape, "the fixture has a case of every rule"
    assert _query_nodes(fixture_store, rule) == shape


@pytest.mark.parametrize("rule", sorted(rules.RULES))
def test_library_query_and_shape_agree_on_the_example_and_real_data(example_store, rule):
    assert _query_nodes(example_store, rule) == _shape_nodes(example_store, rule)


def test_every_rule_of_the_module_has_its_library_query():
    assert set(QUERY_OF_RULE) == set(rules.RULES)
    assert all(LIBRARY.get(name) for name, _ in QUERY_OF_RULE.values())


def test_consolidation_reads_the_goal_graph_as_the_shapes_do(example_store):
    """Consolidation uses the shapes' findings (services pass them); its own reading of a goal
    graph, for callers without a store, must give the same goals, indicators and documents."""
    from ssgraph.analysis import consolidate as consolidation
    from ssgraph.analysis import goal_graph as gg
    from ssgraph.analysis.versions import as_structures

    fields = {"goal_without_indicator": "goals_without_indicators", "goal_not_leading_to_vision":
              "not_leading_to_vision", "indicator_without_observations": "indicators_without_data"}
    for code, version in sorted(versions.current_versions(example_store).items()):
        graph = gg.build_goal_graph(example_store, observations="presence",
                                    versions=as_structures(example_store, [version]))
        own = consolidation.consolidate(graph, code, today=DAY)
        shapes = rules.findings(example_store, version.graph, DAY)
        for rule, field in fields.items():
            assert {item["iri"] for item in getattr(own, field)} == shapes[rule], (code, rule)
        expired = {d["iri"] for d in own.expired_documents if d["reason"] == "expired"}
        assert expired == shapes["document_expired_in_force"], code
