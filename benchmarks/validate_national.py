"""Benchmark: SHACL validation of the synthetic national dataset, one process per organisation.

Validates the current goal-structure version of every organisation in an N-Quads file
made by benchmarks/generate.py (one named graph per organisation and version, the version
catalogue in ssggraph:catalog) with the shapes of shapes/*.ttl, as `ssgraph validate`
does, and prints timings and a last summary line.

Usage:
    python benchmarks/generate.py --out /tmp/national.nq.gz
    python benchmarks/validate_national.py /tmp/national.nq.gz [--jobs N] [--limit N] [--all-versions]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
from collections import Counter
import sys
import time
from pathlib import Path

from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ssgraph.namespaces import SSG  # noqa: E402
from ssgraph.validation.run import ValidationOptions, validate_jobs  # noqa: E402
from ssgraph.validation.shapes import warm_up  # noqa: E402
from ssgraph.validation.sources import jobs_from_file  # noqa: E402
from ssgraph.validation.sparql_constraints import sparql_constraints  # noqa: E402


def current_graphs(path: Path) -> set[str]:
    """The graphs the catalogue in the file marks as current versions."""
    [catalog] = jobs_from_file(path, shape_set="catalog")
    graph = Graph().parse(data=catalog.ntriples, format="nt")
    return {str(graph.value(v, SSG.graph)) for v in graph.subjects(SSG.isCurrentVersion, None)
            if graph.value(v, SSG.isCurrentVersion).toPython() is True}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="N-Quads file from benchmarks/generate.py (.nq or .nq.gz)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="worker processes (default: CPU count)")
    parser.add_argument("--limit", type=int, default=None, help="validate only the first N organisations")
    parser.add_argument("--all-versions", action="store_true", help="also validate earlier versions")
    parser.add_argument("--reference-date", default="2025-06-01", help="today for the date rules")
    args = parser.parse_args()

    started = time.perf_counter()
    warm_up()
    sparql_constraints()
    warmed = time.perf_counter()
    jobs = jobs_from_file(args.data)
    if not args.all_versions:
        current = current_graphs(args.data)
        jobs = [job for job in jobs if job.graph in current]
    jobs.sort(key=lambda job: -len(job.ntriples))  # largest first: better packing over the workers
    if args.limit:
        jobs = jobs[: args.limit]
    split = time.perf_counter()
    print(f"shapes and context parsed: {warmed - started:.1f} s")
    print(f"read and split {args.data.name}: {split - warmed:.1f} s, {len(jobs)} organisation graphs")

    options = ValidationOptions(reference_date=dt.date.fromisoformat(args.reference_date))
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_utime
    reports = []
    for report in validate_jobs(jobs, options, processes=args.jobs):
        reports.append(report)
        if len(reports) % 25 == 0:
            print(f"  {len(reports)}/{len(jobs)} validated, {time.perf_counter() - split:.0f} s", flush=True)
    finished = time.perf_counter()
    cpu = (resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_utime
           - cpu_before)

    seconds = [r.seconds for r in reports]
    triples = sum(r.triples for r in reports)
    counts = {s: sum(r.counts()[s] for r in reports) for s in ("violation", "warning", "info")}
    slowest = max(reports, key=lambda r: r.seconds)
    print(f"validation: {finished - split:.1f} s wall with {args.jobs} processes; per organisation "
          f"median {statistics.median(seconds):.2f} s, mean {statistics.mean(seconds):.2f} s, "
          f"max {slowest.seconds:.2f} s ({slowest.organisation}, {slowest.triples} triples)")
    print(f"CPU time of the validation: {cpu:.0f} s (on an otherwise idle machine about "
          f"{cpu / max(1, args.jobs):.0f} s wall with {args.jobs} processes)")
    print(f"findings: {counts['violation']} violations, {counts['warning']} warnings, {counts['info']} info; "
          f"{sum(1 for r in reports if r.conforms)} of {len(reports)} organisations without violations")
    by_rule = Counter((f.severity, f.shape_local_name) for r in reports for f in r.findings)
    print("most frequent findings: " + ", ".join(f"{name} ({severity}) {n}" for (severity, name), n in by_rule.most_common(6)))
    print(f"SUMMARY organisations={len(reports)} triples={triples} jobs={args.jobs} "
          f"total_s={finished - started:.1f} validate_s={finished - split:.1f} cpu_s={cpu:.0f} "
          f"violations={counts['violation']} warnings={counts['warning']} info={counts['info']}")


if __name__ == "__main__":
    main()
