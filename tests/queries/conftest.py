"""A store holding the reference vocabularies and the query-library fixture (tests/queries/fixture.trig)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssgraph.setup import load_reference
from ssgraph.store import open_store

FIXTURE = Path(__file__).parent / "fixture.trig"


def build_fixture_store(directory: Path) -> Path:
    store = open_store(directory)
    try:
        load_reference(store)
        store.load([FIXTURE])
    finally:
        store.close()
    return directory


@pytest.fixture(scope="session")
def fixture_store_dir(tmp_path_factory) -> Path:
    return build_fixture_store(tmp_path_factory.mktemp("query-fixture") / "store")


@pytest.fixture(scope="session")
def fixture_store(fixture_store_dir):
    store = open_store(fixture_store_dir, read_only=True)
    yield store
    store.close()
