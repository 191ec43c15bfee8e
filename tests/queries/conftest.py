"""The query-library fixture store (built in tests/conftest.py) and the example store."""

from __future__ import annotations

import pytest

from ssgraph.store import open_store


@pytest.fixture(scope="session")
def fixture_store(fixture_store_dir):
    store = open_store(fixture_store_dir, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def example_store(request):
    from ssgraph.errors import SsgraphError

    try:
        directory = request.getfixturevalue("example_store_dir")
    except SsgraphError as error:
        # the importer's and the examples' own tests report this; the answers cannot be checked
        pytest.skip(f"data/examples does not import: {error.render('en').splitlines()[0]}")
    store = open_store(directory, read_only=True)
    yield store
    store.close()
