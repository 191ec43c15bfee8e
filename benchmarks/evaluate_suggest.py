"""Precision and recall of ``ssgraph suggest`` against the links already in the example data.

For every goal and indicator with links, the links are hidden (the suggester only reads
the text), suggestions are made, and compared with the hidden links — only within the
schemes (SDG, environmental objectives, public health) the resource has links in. Figures
at the target level (11.6 must be 11.6) and at the coarse level (the SDG 1–17, the
objective, the area). The lexicon (src/ssgraph/analysis/lexicon_sv.yaml) was written from
the official titles, not from the example data. Last line: the target-level figures.

Usage: python benchmarks/evaluate_suggest.py [--store DIR] [--minimum 0.3]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from evaluate_harmonise import example_store

from ssgraph.analysis import goal_graph, suggest
from ssgraph.store import open_store


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a store with the example data loaded")
    parser.add_argument("--minimum", type=float, default=0.3, help="lowest score counted")
    args = parser.parse_args(argv)
    store = open_store(args.store) if args.store else example_store(Path(tempfile.mkdtemp()) / "store")
    graph = goal_graph.build_goal_graph(store)
    store.close()
    orgs = sorted({d["org"] for _, d in graph.nodes(data=True) if d.get("kind") == "organisation"})
    figures = suggest.evaluate(graph, orgs, args.minimum)
    coarse = figures["goal"]
    print(f"organisations: {', '.join(orgs)}; minimum score {args.minimum}")
    print(f"coarse (SDG 1-17 / objective / area): precision={coarse['precision']:.3f} "
          f"recall={coarse['recall']:.3f} f1={coarse['f1']:.3f}")
    right, documents = suggest.evaluate_document_kinds(graph, orgs)
    print(f"document kinds: {right} of {documents} registered kinds recovered from title and type")
    target = figures["target"]
    print(f"target level: {target['true_positives']} correct of {target['predicted']} suggested, "
          f"{target['actual']} links hidden")
    print(f"precision={target['precision']:.3f} recall={target['recall']:.3f} f1={target['f1']:.3f}")


if __name__ == "__main__":
    main()
