"""Benchmark: load the synthetic national dataset and time cross-cutting queries.

Compares (a) the ssgraph embedded store (the persistent default backend), (b) Oxigraph's
own command-line bulk loader on the same file, (c) pyoxigraph in memory (what serving from
an in-memory copy would give) and (d) rdflib in memory. Each runs in its own child
process, so peak memory is per engine and a runaway rdflib query can be killed: a query
rdflib does not finish within the time cap counts as the cap (default 120 s).

    python benchmarks/run.py --municipalities 5            # about a minute
    python benchmarks/run.py                               # the full national set

Prints a table and ends with one SUMMARY line.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES_DIR = HERE / "queries"
WORKERS = [sys.executable, str(HERE / "workers.py")]
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

ID = "https://w3id.org/ssgraph/id/"
PLAIN = "@plain"  # suffix of the untuned forms in queries/plain/, shown for information


def is_reference_only(name: str) -> bool:
    return name.endswith(PLAIN)


@dataclass
class Child:
    """A worker process whose peak memory is read from wait4 when it ends."""

    args: list[str]
    stdin: bool = False
    process: subprocess.Popen = field(init=False)
    peak_mb: float = 0.0
    _buffer: bytes = b""

    def __post_init__(self) -> None:
        self.process = subprocess.Popen(
            self.args, stdout=subprocess.PIPE, stdin=subprocess.PIPE if self.stdin else None
        )

    def read(self, timeout: float | None = None) -> dict | None:
        """The next JSON line, or None on timeout or when the child ended."""
        deadline = None if timeout is None else time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def send(self, record: dict) -> None:
        self.process.stdin.write((json.dumps(record) + "\n").encode())
        self.process.stdin.flush()

    def finish(self, kill: bool = False) -> float:
        if kill:
            self.process.send_signal(signal.SIGKILL)
        elif self.process.stdin:
            self.process.stdin.close()
        _, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self.peak_mb = usage.ru_maxrss / 1024
        if not kill and self.process.returncode != 0:
            raise SystemExit(f"worker failed ({self.process.returncode}): {' '.join(self.args)}")
        return self.peak_mb


def load_queries(params: dict[str, str]) -> dict[str, str]:
    """The .rq files with their $parameters replaced by IRIs."""
    queries = {}
    files = [(p.stem, p) for p in sorted(QUERIES_DIR.glob("*.rq"))]
    files += [(p.stem + PLAIN, p) for p in sorted((QUERIES_DIR / "plain").glob("*.rq"))]
    for key, path in files:
        text = path.read_text(encoding="utf-8")
        for name in sorted(params, key=len, reverse=True):
            text = text.replace(f"${name}", f"<{params[name]}>")
        queries[key] = text
    return queries


def rdflib_best(results: dict, name: str) -> tuple[float | None, bool]:
    """rdflib's fastest median over the tuned form and the plain forms of the same question."""
    candidates = [(median(e.get("rdflib")), e.get("rdflib", {}).get("timed_out", False))
                  for n, e in results["queries"].items()
                  if n == name or (n.endswith(PLAIN) and n.startswith(name))]
    candidates = [c for c in candidates if c[0] is not None]
    return min(candidates) if candidates else (None, False)


def query_parameters(municipalities: int | None) -> dict[str, str]:
    orgs = generate.select_organisations(
        generate.organisations_from_reference(generate.ORGANISATIONS_FILE) or generate.fallback_organisations(),
        municipalities,
    )
    first, second = orgs[0].code, orgs[1].code
    return {"org": f"{ID}org/{first}", "orgA": f"{ID}org/{first}", "orgB": f"{ID}org/{second}",
            "goal": f"{ID}org/{first}/goal/g20"}


def count_quads(path: Path) -> int:
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b""))


def run_oxigraph_cli(data: Path, location: Path) -> tuple[float, float]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    started = time.perf_counter()
    child = Child([binary, "load", "--location", str(location), "--file", str(data)])
    child.process.stdout.close()
    child.finish()
    return time.perf_counter() - started, child.peak_mb


def run_ssgraph(data: Path, workdir: Path, queries_file: Path, runs: int, results: dict) -> None:
    location = workdir / "ssgraph-store"
    child = Child(WORKERS + ["ssgraph-load", str(data), str(location)])
    record = child.read()
    child.finish()
    results["load"]["ssgraph"] = {"seconds": record["seconds"], "peak_mb": child.peak_mb,
                                  "backend": record["backend"]}
    child = Child(WORKERS + ["ssgraph-queries", str(location), str(queries_file), str(runs)])
    results["ready"] = child.read()
    while (record := child.read()) is not None:
        results["queries"].setdefault(record["query"], {})[record["engine"]] = record
        print(f"  {record['engine']} {record['query']}: {median(record):.3f} s", file=sys.stderr)
    child.finish()
    results["peak_mb"]["ssgraph queries"] = child.peak_mb


def run_memory(data: Path, queries_file: Path, runs: int, results: dict) -> None:
    child = Child(WORKERS + ["memory", str(queries_file), str(runs), str(data)])
    results["load"]["pyoxigraph in memory"] = {"seconds": child.read()["load_seconds"]}
    while (record := child.read()) is not None:
        results["queries"].setdefault(record["query"], {})["memory"] = record
    child.finish()
    results["load"]["pyoxigraph in memory"]["peak_mb"] = child.peak_mb


def run_rdflib(data: Path, queries: dict[str, str], runs: int, cap: float, results: dict, save) -> None:
    """rdflib in a worker; a query over the cap kills the worker (and a new one loads again)."""
    child: Child | None = None
    peak = 0.0
    for name, text in queries.items():
        times: list[float] = []
        cpu: list[float] = []
        rows = None
        while len(times) < runs and sum(times) < 60:
            if child is None:
                child = Child(WORKERS + ["rdflib", str(data), str(cap)], stdin=True)
                loaded = child.read()
                if loaded is None:  # the worker died while loading (out of memory?)
                    child.finish(kill=True)
                    raise RuntimeError(f"rdflib could not load {data}")
                results["load"].setdefault("rdflib", {"seconds": loaded["load_seconds"]})
            child.send({"text": text})
            # the worker interrupts itself at the cap; killing it is the backstop
            record = child.read(timeout=cap + 60)
            if record is None:
                peak = max(peak, child.finish(kill=True))
                child = None
                record = {"seconds": cap, "cpu": cap, "rows": None}
            times.append(record["seconds"])
            cpu.append(record["cpu"])
            rows = record["rows"]
            if rows is None:
                break
        results["queries"].setdefault(name, {})["rdflib"] = {"times": times, "cpu": cpu, "rows": rows,
                                                              "timed_out": rows is None}
        print(f"  rdflib {name}: {statistics.median(times):.3f} s", file=sys.stderr)
        save()
    if child is not None:
        peak = max(peak, child.finish())
    results["load"].setdefault("rdflib", {})["peak_mb"] = peak


def median(record: dict | None, key: str = "times") -> float | None:
    return statistics.median(record[key]) if record and record.get(key) else None


def fmt(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.3f}"


def report(results: dict, quads: int) -> str:
    lines = [f"dataset: {quads:,} quads ({results['dataset']})", "", "LOAD"]
    for engine, record in results["load"].items():
        seconds = record.get("seconds")
        rate = f"{quads / seconds:,.0f} quads/s" if seconds else "-"
        lines.append(f"  {engine:<22} {fmt(seconds):>9} s  {rate:>18}  peak {record.get('peak_mb', 0):,.0f} MB"
                     + (f"  [{record['backend']}]" if "backend" in record else ""))
    ready = results.get("ready") or {}
    lines += ["", f"REOPEN ssgraph store: opened in {fmt(ready.get('open_seconds'))} s, "
              f"first answer after {fmt(ready.get('ready_seconds'))} s", "",
              "QUERIES (median wall seconds, and the ssgraph median CPU seconds; union = the same "
              "store queried with Oxigraph's union default graph; "
              "rdflib: its best over the tuned and plain forms, '+' = stopped at the cap; "
              "ratio = rdflib / ssgraph wall, ratio-u = rdflib / union wall; target: ssgraph/union)",
              f"  {'query':<46} {'ssgraph':>8} {'cpu':>7} {'union':>8} {'memory':>8} {'rdflib':>8} {'ratio':>7} {'ratio-u':>7} {'rows':>6}  target"]
    for name, engines in results["queries"].items():
        ours, memory, union = median(engines.get("ssgraph")), median(engines.get("memory")), median(engines.get("union"))
        theirs, capped = (median(engines.get("rdflib")), engines.get("rdflib", {}).get("timed_out")) \
            if is_reference_only(name) else rdflib_best(results, name)
        ours_cpu = median(engines.get("ssgraph"), "cpu")
        ratio = theirs / ours if ours and theirs else None
        ratio_union = theirs / union if union and theirs else None
        rdflib_text = fmt(theirs) + ("+" if capped else "")
        ok = ours is not None and ours < 1 and (theirs is None or theirs <= 1 or (ratio or 0) >= 20)
        ok_union = union is not None and union < 1 and (theirs is None or theirs <= 1 or (ratio_union or 0) >= 20)
        target = "info" if is_reference_only(name) else \
            f"{'ok' if ok else 'MISSED'}/{'ok' if ok_union else 'MISSED'}"
        rows = (engines.get("ssgraph") or engines.get("union") or {}).get("rows")
        lines.append(f"  {name:<46} {fmt(ours):>8} {fmt(ours_cpu):>7} {fmt(union):>8} {fmt(memory):>8} {rdflib_text:>8} "
                     f"{'-' if ratio is None else f'{ratio:.0f}x':>7} "
                     f"{'-' if ratio_union is None else f'{ratio_union:.0f}x':>7} {rows if rows is not None else '-':>6}  {target}")
        their_rows = engines.get("rdflib", {}).get("rows")
        if their_rows is not None and rows is not None and their_rows != rows:
            lines.append(f"    WARNING: rdflib returned {their_rows} rows, ssgraph {rows}")
    lines += ["", "PEAK MEMORY (MB): " + ", ".join(
        f"{k} {v:,.0f}" for k, v in results["peak_mb"].items())]
    return "\n".join(lines)


def summary(results: dict, quads: int) -> str:
    load = results["load"]
    targeted = {n: e for n, e in results["queries"].items() if not is_reference_only(n)}
    ours = [median(e.get("ssgraph")) or 0 for e in targeted.values()]
    best = {n: rdflib_best(results, n)[0] for n in targeted}
    ratios = [best[n] / median(e["ssgraph"]) for n, e in targeted.items()
              if best[n] is not None and best[n] > 1 and median(e.get("ssgraph"))]
    parts = [f"quads={quads}"]
    for key, engine in (("load_ssgraph", "ssgraph"), ("oxigraph_cli", "oxigraph CLI"),
                        ("load_memory", "pyoxigraph in memory"), ("load_rdflib", "rdflib")):
        if engine in load and load[engine].get("seconds"):
            parts.append(f"{key}={load[engine]['seconds']:.1f}s")
    if results.get("ready"):
        parts.append(f"reopen_ready={results['ready']['ready_seconds']:.2f}s")
    parts.append(f"max_query_median={max(ours):.3f}s")
    union = [median(e.get("union")) for e in targeted.values() if e.get("union")]
    if union:
        parts.append(f"max_query_median_union={max(union):.3f}s")
    parts.append(f"max_query_cpu={max(median(e.get('ssgraph'), 'cpu') or 0 for e in targeted.values()):.3f}s")
    if ratios:
        parts.append(f"min_ratio_vs_rdflib={min(ratios):.0f}x")
    ratios_union = [best[n] / median(e["union"]) for n, e in targeted.items()
                    if best[n] is not None and best[n] > 1 and median(e.get("union"))]
    if ratios_union:
        parts.append(f"min_ratio_union_vs_rdflib={min(ratios_union):.0f}x")
    ssgraph_peak = max(load.get("ssgraph", {}).get("peak_mb", 0), results["peak_mb"].get("ssgraph queries", 0))
    parts.append(f"peak_rss_ssgraph={ssgraph_peak:.0f}MB")
    if "rdflib" in load:
        parts.append(f"peak_rss_rdflib={load['rdflib'].get('peak_mb', 0):.0f}MB")
    return "SUMMARY " + " ".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--municipalities", type=int, default=None, help="default: all 290 and 21 regions")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, help="an existing generated N-Quads file (else one is generated)")
    parser.add_argument("--workdir", type=Path, help="where stores go (default: a temporary directory)")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--rdflib-cap", type=float, default=120.0, help="seconds an rdflib query may take")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="skip the pyoxigraph in-memory comparison")
    parser.add_argument("--json", type=Path, help="also write all measurements here (after each phase)")
    parser.add_argument("--from-json", type=Path, help="only print the report of an earlier run's --json")
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads(args.from_json.read_text(encoding="utf-8"))
        print(report(saved, saved["quads"]))
        print(summary(saved, saved["quads"]))
        return

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ssgraph-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        data = args.data
        if data is None:
            data = workdir / "dataset.nq"
            started = time.perf_counter()
            quads = generate.generate(data, args.municipalities, args.seed)
            print(f"generated {quads:,} quads in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        else:
            quads = count_quads(data)
        queries = load_queries(query_parameters(args.municipalities))
        queries_file = workdir / "queries.json"
        queries_file.write_text(json.dumps(queries), encoding="utf-8")
        results: dict = {"dataset": f"municipalities={args.municipalities or 'all'} seed={args.seed}",
                         "quads": quads, "load": {}, "queries": {}, "peak_mb": {}}

        def save() -> None:
            if args.json:
                args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")

        # both loaders start with the data file written out to disk, not still being flushed
        os.sync()
        print("loading into the ssgraph store and querying it ...", file=sys.stderr)
        run_ssgraph(data, workdir, queries_file, args.runs, results)
        save()
        os.sync()
        print("loading with the oxigraph CLI ...", file=sys.stderr)
        seconds, peak = run_oxigraph_cli(data, workdir / "oxigraph-cli-store")
        results["load"]["oxigraph CLI"] = {"seconds": seconds, "peak_mb": peak}
        shutil.rmtree(workdir / "oxigraph-cli-store", ignore_errors=True)
        save()
        if not args.skip_memory:
            print("pyoxigraph in memory ...", file=sys.stderr)
            run_memory(data, queries_file, args.runs, results)
            save()
        if not args.skip_rdflib:
            print("rdflib in memory ...", file=sys.stderr)
            run_rdflib(data, queries, args.rdflib_runs, args.rdflib_cap, results, save)
            results["peak_mb"]["rdflib"] = results["load"]["rdflib"]["peak_mb"]
            save()
        print(report(results, quads))
        print(summary(results, quads))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
