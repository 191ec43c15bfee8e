"""Run the analyses on the synthetic national dataset and time them.

Generates the dataset with benchmarks/generate.py (unless --data names one), loads it with
the reference vocabularies into a fresh embedded store (unless --store names a loaded one),
then times: the goal graph of every organisation, coverage of all organisations with both
heat maps, consolidation of every organisation, harmonisation of two organisations, and
suggestions for one. The last line gives the total.

Usage: python benchmarks/analyse_national.py [--data national.nq.gz] [--store DIR] [--municipalities N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from ssgraph.analysis import consolidate, coverage, goal_graph, harmonise, suggest
from ssgraph.rendering import charts
from ssgraph.paths import REFERENCE_DIR
from ssgraph.store import open_store

HERE = Path(__file__).resolve().parent
TIMINGS: list[tuple[str, float]] = []


@contextmanager
def timed(name: str):
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    TIMINGS.append((name, seconds))
    print(f"{name:55} {seconds:8.1f} s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="an N-Quads file from generate.py")
    parser.add_argument("--store", type=Path, help="an already loaded store directory")
    parser.add_argument("--municipalities", type=int, help="passed to generate.py")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="ssgraph-analyse-"))

    if args.store:
        store = open_store(args.store)
    else:
        data = args.data
        if data is None:
            data = work / "national.nq.gz"
            command = [sys.executable, str(HERE / "generate.py"), "--out", str(data)]
            if args.municipalities:
                command += ["--municipalities", str(args.municipalities)]
            with timed("generate the national dataset"):
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        store = open_store(work / "store")
        with timed("load dataset and reference vocabularies"):
            store.load([data, *sorted(REFERENCE_DIR.glob("*.ttl"))])

    with timed("text machinery: Swedish dictionary, thesaurus and concept lexicon"):
        from ssgraph.analysis.concept_lexicon import load_lexicon

        load_lexicon()

    with timed("goal graph of every organisation (indicator data: presence)"):
        graph = goal_graph.build_goal_graph(store, observations="presence")
    orgs = sorted({d["org"] for _, d in graph.nodes(data=True) if d.get("kind") == "organisation"})
    goals = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == "goal")
    print(f"  {len(orgs)} organisations, {goals} goals, {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges")

    with timed("coverage matrices + SDG and objective heat maps (PNG)"):
        result = coverage.coverage(graph, *coverage.reference_columns(store))
        for scheme in ("sdg", "objective"):
            (work / f"coverage-{scheme}.png").write_bytes(charts.coverage_heatmap(result, scheme, "png"))

    with timed(f"consolidate all {len(orgs)} organisations"):
        found = [consolidate.consolidate(graph, org) for org in orgs]
    print(f"  {sum(len(r.duplicate_clusters) for r in found)} duplicate clusters, "
          f"{sum(r.goals for r in found)} -> {sum(r.goals_after for r in found)} goals")

    pair = (orgs[0], orgs[1])
    with timed(f"harmonise {pair[0]} and {pair[1]}"):
        aligned = harmonise.harmonise(graph, *pair)
    print(f"  {len(aligned.matches)} matches of {aligned.goals_a} x {aligned.goals_b} goals")

    with timed(f"suggest links for {orgs[0]}"):
        proposals = suggest.suggest(graph, orgs[0], suggest.un_iris(store), only_missing=False)
    print(f"  {len(proposals)} suggestions")
    store.close()
    analysed = sum(s for name, s in TIMINGS if not name.startswith(("generate", "load")))
    print(f"analyses on {len(orgs)} organisations ({goals} goals) took {analysed:.1f} s in all")


if __name__ == "__main__":
    main()
