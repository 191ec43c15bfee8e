"""Regenerate the SSG term list in src/ssgraph/namespaces.py from ontology/ssgraph.ttl.

Run after adding a term to the ontology: python scripts/generate_namespaces.py
tests/test_namespaces.py fails while the two disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "ssgraph.ttl"
TARGET = ROOT / "src" / "ssgraph" / "namespaces.py"
NAMESPACE = "https://w3id.org/ssgraph/ontology#"
BEGIN, END = "    # --- generated terms: begin ---\n", "    # --- generated terms: end ---\n"


def ontology_terms() -> list[str]:
    graph = Graph().parse(ONTOLOGY, format="turtle")
    names = {str(s)[len(NAMESPACE):] for s in graph.subjects() if str(s).startswith(NAMESPACE)}
    return sorted(n for n in names if n)


def render(terms: list[str]) -> str:
    return "".join(f"    {name}: URIRef\n" for name in terms)


def main() -> int:
    text = TARGET.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    updated = pattern.sub(lambda _m: BEGIN + render(ontology_terms()) + END, text)
    TARGET.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
