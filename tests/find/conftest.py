"""An app on the real goal structures (the session's ``real_store_dir``: data/realdata with the
reference vocabularies, built once and only read)."""

from __future__ import annotations

import pytest

from ssgraph.store import open_store


@pytest.fixture(scope="module")
def store(real_store_dir):
    """The real goal structures, opened read-only."""
    handle = open_store(real_store_dir, read_only=True)
    yield handle
    handle.close()


@pytest.fixture(scope="session")
def real_app(real_store_dir):
    from ssgraph.web import create_app

    application = create_app({"store": str(real_store_dir), "query_workers": 2})
    yield application
    application.extensions["ssgraph"].close()


@pytest.fixture(scope="session")
def real_client(real_app):
    return real_app.test_client()
