"""Fixtures for the analysis tests: a store holding the small two-organisation fixture
(``fixtures/small.trig``) and the reference vocabularies."""

from __future__ import annotations

import pytest
from analysis_fixture import load_small


@pytest.fixture(scope="session")
def small_store(tmp_path_factory):
    store = load_small(tmp_path_factory.mktemp("small-store"))
    yield store
    store.close()


@pytest.fixture(scope="session")
def small_graph(small_store):
    from ssgraph.analysis.goal_graph import build_goal_graph

    return build_goal_graph(small_store)
