"""Precision, recall and F1 of ``ssgraph harmonise`` on the Örebro example against the
gold-standard alignment (data/examples/orebro-gold-alignment.csv).

The gold standard was written independently of the algorithm. A predicted pair is the
one-to-one assignment of harmonise (LL18 ↔ RF18); it is correct when the gold standard
lists the same two goals, whatever the relation type. The relation types are compared
separately (share of correct pairs whose type agrees). Last line: the figures.

Usage: python benchmarks/evaluate_harmonise.py [--store DIR]   (default: a fresh temporary
store with the reference vocabularies and the example data)
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

from ssgraph.analysis import goal_graph, harmonise
from ssgraph.paths import EXAMPLES_DIR, REFERENCE_DIR
from ssgraph.store import open_store

GOLD = EXAMPLES_DIR / "orebro-gold-alignment.csv"
GOLD_RELATION = {"exact": "exactMatch", "close": "closeMatch", "related": "relatedMatch"}


def read_gold(path: Path = GOLD) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8") as handle:
        return {(row["goal_a"], row["goal_b"]): GOLD_RELATION.get(row["relation"], row["relation"])
                for row in csv.DictReader(handle)}


def example_store(directory: Path):
    from ssgraph.importing.examples import load_examples

    store = open_store(directory)
    store.load(sorted(REFERENCE_DIR.glob("*.ttl")))
    load_examples(store)
    return store


def evaluate(store, org_a: str = "LL18", org_b: str = "RF18") -> dict[str, float]:
    graph = goal_graph.build_goal_graph(store, [org_a, org_b])
    result = harmonise.harmonise(graph, org_a, org_b)
    gold = read_gold()
    predicted = {(c.a, c.b): c.relation for c in result.matches}
    correct = set(predicted) & set(gold)
    precision = len(correct) / len(predicted) if predicted else 0.0
    recall = len(correct) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    same_type = sum(1 for pair in correct if predicted[pair] == gold[pair])
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "predicted": len(predicted), "gold": len(gold), "correct": len(correct),
        "type_agreement": same_type / len(correct) if correct else 0.0,
        "missed": sorted(set(gold) - set(predicted)), "extra": sorted(set(predicted) - set(gold)),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a store with the example data loaded")
    args = parser.parse_args(argv)
    store = open_store(args.store) if args.store else example_store(Path(tempfile.mkdtemp()) / "store")
    figures = evaluate(store)
    store.close()
    short = lambda iri: iri.rsplit("/", 1)[-1]  # noqa: E731
    for a, b in figures["missed"]:
        print(f"missed: {short(a)} ~ {short(b)}")
    for a, b in figures["extra"]:
        print(f"extra:  {short(a)} ~ {short(b)}")
    print(f"pairs: {figures['correct']} correct of {figures['predicted']} predicted, "
          f"{figures['gold']} in the gold standard; relation type agrees for "
          f"{figures['type_agreement']:.0%} of the correct pairs")
    print(f"precision={figures['precision']:.3f} recall={figures['recall']:.3f} f1={figures['f1']:.3f}")


if __name__ == "__main__":
    main()
