"""Benchmark: SHACL validation of the synthetic national dataset, one process per organisation.

Validates the current goal-structure version of every organisation, as `ssgraph validate`
does, either from an N-Quads file made by benchmarks/generate.py (one named graph per
organisation and version, the version catalogue in ssggraph:catalog; read once into an
in-memory Oxigraph store and handed out graph by graph) or from a store where that file is
loaded (`--store DIR`: each current graph written out by the store). Prints timings (wall
and CPU, the median of `--repeat` runs) and a last SUMMARY line; `--findings FILE` writes
every finding as a sorted JSON line, to compare two versions of the code.

Usage:
    python benchmarks/generate.py --out /tmp/national.nq
    python benchmarks/validate_national.py /tmp/national.nq [--jobs N] [--limit N] [--repeat N]
    python benchmarks/validate_national.py --store var/nstore [--jobs N] [--findings out.jsonl]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ssgraph.store import open_store  # noqa: E402
from ssgraph.validation.run import OrganisationReport, ValidationOptions, validate_jobs  # noqa: E402
from ssgraph.validation.shapes import warm_up  # noqa: E402
from ssgraph.validation.sources import jobs_from_file, jobs_from_store  # noqa: E402
from ssgraph.validation.sparql_constraints import sparql_constraints  # noqa: E402


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one_run(args: argparse.Namespace, options: ValidationOptions) -> tuple[dict, list[OrganisationReport]]:
    started, cpu_started = time.perf_counter(), cpu_seconds()
    warm_up()
    sparql_constraints()
    store = open_store(args.store, read_only=True) if args.store else None
    try:
        if store is not None:
            jobs = jobs_from_store(store)
        else:
            jobs = jobs_from_file(args.data, current_only=not args.all_versions)
        read = time.perf_counter()
        if args.limit:
            jobs = itertools.islice(jobs, args.limit)
        reports = []
        for report in validate_jobs(jobs, options, processes=args.jobs):
            reports.append(report)
            if len(reports) % 50 == 0:
                print(f"  {len(reports)} validated, {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        if store is not None:
            store.close()
    figures = {"wall_s": time.perf_counter() - started, "cpu_s": cpu_seconds() - cpu_started,
               "read_s": read - started}
    return figures, reports


def write_findings(path: Path, reports: list[OrganisationReport]) -> None:
    lines = sorted(json.dumps({**finding.to_dict(), "graph": report.graph}, sort_keys=True, ensure_ascii=False)
                   for report in reports for finding in report.findings)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="?", help="N-Quads file from benchmarks/generate.py (.nq or .nq.gz)")
    parser.add_argument("--store", type=Path, help="a store where the national file is loaded (opened read-only)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="worker processes (default: CPU count)")
    parser.add_argument("--limit", type=int, default=None, help="validate only the first N organisations")
    parser.add_argument("--all-versions", action="store_true", help="file: also validate earlier versions")
    parser.add_argument("--reference-date", default="2025-06-01", help="today for the date rules")
    parser.add_argument("--repeat", type=int, default=1, help="runs; figures are medians")
    parser.add_argument("--findings", type=Path, help="write every finding as a sorted JSON line")
    args = parser.parse_args()
    if (args.data is None) == (args.store is None):
        parser.error("give the N-Quads file or --store, not both")

    options = ValidationOptions(reference_date=dt.date.fromisoformat(args.reference_date))
    runs = []
    for number in range(args.repeat):
        figures, reports = one_run(args, options)
        runs.append(figures)
        print(f"run {number + 1}: {figures['wall_s']:.1f} s wall, {figures['cpu_s']:.1f} s CPU "
              f"(reading {figures['read_s']:.1f} s), {len(reports)} organisation graphs", flush=True)
    wall = statistics.median(r["wall_s"] for r in runs)
    cpu = statistics.median(r["cpu_s"] for r in runs)
    read = statistics.median(r["read_s"] for r in runs)

    seconds = [r.seconds for r in reports]
    triples = sum(r.triples for r in reports)
    counts = {s: sum(r.counts()[s] for r in reports) for s in ("violation", "warning", "info")}
    slowest = max(reports, key=lambda r: r.seconds)
    print(f"source: {args.store or args.data}; {len(reports)} organisations, {triples} triples, "
          f"{args.jobs} processes, load average {os.getloadavg()[0]:.1f}")
    print(f"median of {args.repeat}: {wall:.1f} s wall, {cpu:.1f} s CPU (self and workers), "
          f"{read:.1f} s before the first graph")
    print(f"per organisation (last run): median {statistics.median(seconds):.2f} s, mean "
          f"{statistics.mean(seconds):.2f} s, max {slowest.seconds:.2f} s ({slowest.organisation}, "
          f"{slowest.triples} triples)")
    print(f"findings: {counts['violation']} violations, {counts['warning']} warnings, {counts['info']} info; "
          f"{sum(1 for r in reports if r.conforms)} of {len(reports)} organisations without violations")
    by_rule = Counter((f.severity, f.shape_local_name) for r in reports for f in r.findings)
    print("most frequent findings: " + ", ".join(f"{name} ({severity}) {n}"
                                                 for (severity, name), n in by_rule.most_common(6)))
    if args.findings:
        write_findings(args.findings, reports)
    print(f"SUMMARY organisations={len(reports)} triples={triples} jobs={args.jobs} runs={args.repeat} "
          f"wall_s={wall:.1f} cpu_s={cpu:.1f} read_s={read:.1f} "
          f"violations={counts['violation']} warnings={counts['warning']} info={counts['info']}")


if __name__ == "__main__":
    main()
