"""Helpers shared by the analysis tests (imported by name; tests/ is not a package)."""

from __future__ import annotations

from pathlib import Path

from ssgraph.paths import REFERENCE_DIR
from ssgraph.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"


def load_small(directory: Path):
    store = open_store(directory)
    store.load([FIXTURE, *sorted(REFERENCE_DIR.glob("*.ttl"))])
    return store


def iri(path: str) -> str:
    return f"https://w3id.org/ssgraph/id/org/{path}"
