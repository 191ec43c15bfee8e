"""Fixtures for the import tests: a small, complete structure touching every sheet."""

from __future__ import annotations

import copy

import pytest
from importing_samples import SMALL

from ssgraph.importing.template import write_workbook
from ssgraph.store import open_store


@pytest.fixture
def small_rows():
    return copy.deepcopy(SMALL)


@pytest.fixture
def workbook_of(tmp_path):
    """Write rows through the template writer; returns the workbook path."""

    def write(rows, name="filled.xlsx"):
        return write_workbook(tmp_path / name, "sv", rows)

    return write


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "store")
    yield store
    store.close()
