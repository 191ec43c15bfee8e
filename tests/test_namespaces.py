"""namespaces.SSG lists exactly the ontology's terms."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ssgraph.namespaces import SSG

ROOT = Path(__file__).resolve().parents[1]


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_namespaces", ROOT / "scripts" / "generate_namespaces.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ssg_terms_match_the_ontology():
    generator = load_generator()
    assert sorted(SSG.__annotations__) == generator.ontology_terms(), "run scripts/generate_namespaces.py"


def test_unknown_term_fails_loudly():
    with pytest.raises(AttributeError):
        SSG.NoSuchTerm  # noqa: B018
