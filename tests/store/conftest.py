"""Stores shared by the tests of derived summaries: each test gets its own copy."""

from __future__ import annotations

import shutil

import pytest

from ssgraph import paths
from ssgraph.importing.importer import import_sources
from ssgraph.setup import load_reference
from ssgraph.store import open_store

STENUNGSUND = sorted((paths.REALDATA_DIR / "1415-stenungsund").glob("*.yaml"))  # four versions, some with values


@pytest.fixture(scope="session")
def stenungsund_store_dir(tmp_path_factory):
    """The reference vocabularies and Stenungsund's four real versions (data/realdata)."""
    directory = tmp_path_factory.mktemp("stenungsund") / "store"
    with open_store(directory) as store:
        load_reference(store)
        import_sources(store, STENUNGSUND)
    return directory


@pytest.fixture
def stenungsund_store(stenungsund_store_dir, tmp_path):
    """A copy of :func:`stenungsund_store_dir` of the test's own, open."""
    copy = tmp_path / "store"
    shutil.copytree(stenungsund_store_dir, copy)
    handle = open_store(copy)
    yield handle
    handle.close()
