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


def build_example_store(directory: Path) -> Path:
    """The ontology, reference vocabularies and data/examples, as `ssgraph serve` starts with."""
    from ssgraph import setup

    store = open_store(directory)
    try:
        setup.initialise(store, with_examples=True)
    finally:
        store.close()
    return directory


@pytest.fixture(scope="session")
def example_store(tmp_path_factory):
    from ssgraph.errors import SsgraphError

    try:
        directory = build_example_store(tmp_path_factory.mktemp("query-examples") / "store")
    except SsgraphError as error:
        # the importer's and the examples' own tests report this; the answers cannot be checked
        pytest.skip(f"data/examples does not import: {error.render('en').splitlines()[0]}")
    store = open_store(directory, read_only=True)
    yield store
    store.close()
