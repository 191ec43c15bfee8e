"""Stores the tests (and tests/queries/regenerate_expected.py) build: the query-library fixture
and the example data as `ssgraph serve` starts with."""

from __future__ import annotations

from pathlib import Path

from ssgraph.importing.realdata import load_realdata
from ssgraph.setup import initialise, load_reference
from ssgraph.store import open_store

QUERY_FIXTURE = Path(__file__).parent / "queries" / "fixture.trig"


def build_fixture_store(directory: Path) -> Path:
    """The reference vocabularies and tests/queries/fixture.trig in an embedded store."""
    store = open_store(directory)
    try:
        load_reference(store)
        store.load([QUERY_FIXTURE])
    finally:
        store.close()
    return directory


def build_example_store(directory: Path) -> Path:
    """The ontology, reference vocabularies and data/examples, as `ssgraph serve` starts with."""
    store = open_store(directory)
    try:
        initialise(store, with_examples=True)
    finally:
        store.close()
    return directory


def build_real_store(directory: Path) -> Path:
    """The reference vocabularies and the real goal structures of data/realdata (as `ssgraph
    init --examples` loads them, without the illustrative examples)."""
    store = open_store(directory)
    try:
        load_reference(store)
        load_realdata(store)
    finally:
        store.close()
    return directory
