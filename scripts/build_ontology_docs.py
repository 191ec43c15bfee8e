"""Write human-readable HTML documentation of the ssgraph ontology.

    python scripts/build_ontology_docs.py [--ontology ontology/ssgraph.ttl] [--output ontology/ssgraph.html]

The page is the one the web service shows at /ontology (ssgraph.publication.ontology_docs
read through the rendering layer's template), written standalone: stylesheet inlined, no
navigation, Swedish first with English beside it. Each term's section has the term's local
name as its fragment id. Output is deterministic (sorted, no timestamps) so diffs stay readable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph

from ssgraph.publication.ontology_docs import document_of
from ssgraph.rendering import Page, render

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ONTOLOGY = REPO_ROOT / "ontology" / "ssgraph.ttl"
DEFAULT_OUTPUT = REPO_ROOT / "ontology" / "ssgraph.html"


def page(ontology: Path, lang: str = "sv") -> str:
    graph = Graph()
    graph.parse(ontology, format="turtle")
    return render("site/ontology.html", Page(lang=lang, path="/ontology", standalone=True), doc=document_of(graph))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ontology", type=Path, default=DEFAULT_ONTOLOGY)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    args.output.write_text(page(args.ontology), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
