"""Every figure of issue 11 in one run, each beside bare Oxigraph (and rdflib where it does the
same job), ending with one SUMMARY line.

Sections (each can be skipped):

- **init**: `ssgraph init --examples` into a new store, twice (the second run finds the
  import validations in the cache); beside it the time pyoxigraph in memory and rdflib
  need to load the resulting store's N-Quads.
- **import**: workbooks of 5,000, 50,000 and 200,000 rows (benchmarks/import_workbook.py)
  imported into a new store each (`ssgraph import`, a child process: wall time and peak
  memory from wait4), then the first library query on the store the import left, and a
  second; beside each, the resulting graph (exported as N-Triples) bulk-loaded by the
  Oxigraph CLI, by pyoxigraph in memory and parsed by rdflib (up to --rdflib-max-rows).
- **validation**: benchmarks/validate_national.py over the national file (its SUMMARY
  line); beside it pyoxigraph in memory loading the same file.
- **web**: benchmarks/web_load.py (library queries through `ssgraph serve`, bare
  `oxigraph serve` and pyoxigraph in memory; trivial-query throughput; fairness; the first
  query after a load). ``--loaded-store`` copies a store loaded earlier instead of loading
  the national file again (about 8 minutes; the load figures are then not measured).

    python benchmarks/generate.py --out var/national.nq
    python benchmarks/national_all.py --data var/national.nq --workdir var/bench [--skip web]
        [--loaded-store var/nstore] [--sizes 5000,50000]

One run of each (the web section takes medians of --runs): the machine is shared, so the
figures move with its load, which the report states.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import import_workbook  # noqa: E402  (sibling scripts, not a package)
import web_load  # noqa: E402

SSGRAPH = [sys.executable, "-m", "ssgraph"]
SIZES = (5_000, 50_000, 200_000)

# a child that loads a file with one engine and reports on stdout
_LOAD = r"""
import sys, time
engine, path, fmt = sys.argv[1:4]
started = time.perf_counter()
if engine == "memory":
    import pyoxigraph as ox
    store = ox.Store()
    store.bulk_load(path=path, format={"nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS}[fmt])
    count = len(store)
else:
    from rdflib import Dataset
    data = Dataset()
    data.parse(path, format={"nt": "nt", "nq": "nquads"}[fmt])
    count = len(data)
print(time.perf_counter() - started, count)
"""


def measured(command: list[str], env: dict | None = None) -> dict:
    """Like run_child, with the child's peak resident memory (ru_maxrss of wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": time.perf_counter() - started, "peak_mb": usage.ru_maxrss / 1024, "code": process.returncode,
            "cpu": usage.ru_utime + usage.ru_stime, "out": output.decode("utf-8", "replace")[-3000:]}


def load_elsewhere(path: Path, fmt: str, workdir: Path, rdflib: bool = True) -> dict:
    """The same triples loaded by the Oxigraph CLI (on disk), pyoxigraph in memory and rdflib."""
    figures = {}
    target = workdir / "oxigraph-cli-store"
    shutil.rmtree(target, ignore_errors=True)
    os.sync()
    cli = measured([web_load.tool("oxigraph"), "load", "--location", str(target), "--file", str(path)])
    figures["oxigraph_cli"] = cli["seconds"]
    shutil.rmtree(target, ignore_errors=True)
    for engine in ("memory", "rdflib") if rdflib else ("memory",):
        child = measured([sys.executable, "-c", _LOAD, engine, str(path), fmt])
        if child["code"] == 0:
            seconds, count = child["out"].split()[-2:]
            figures[engine] = float(seconds)
            figures[f"{engine}_peak_mb"] = child["peak_mb"]
            figures["triples"] = int(count)
    return figures


def export(store_dir: Path, out: Path, graph: str | None = None) -> None:
    command = [*SSGRAPH, "--store", str(store_dir), "export", "--output", str(out), "--format",
               "ntriples" if graph else "nquads"]
    if graph:
        command += ["--graph", graph]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def section_init(workdir: Path) -> dict:
    env = dict(os.environ, SSGRAPH_VALIDATION_CACHE=str(workdir / "validation-cache"))
    shutil.rmtree(workdir / "validation-cache", ignore_errors=True)
    results = {}
    for run in ("first", "cached"):
        store = workdir / f"init-{run}"
        shutil.rmtree(store, ignore_errors=True)
        child = measured([*SSGRAPH, "--store", str(store), "init", "--examples"], env)
        results[run] = {k: child[k] for k in ("seconds", "cpu", "peak_mb", "code")}
        print(f"  init --examples ({run}): {child['seconds']:.1f} s, CPU {child['cpu']:.1f} s", file=sys.stderr)
    dump = workdir / "init.nq"
    export(workdir / "init-cached", dump)
    results["elsewhere"] = load_elsewhere(dump, "nq", workdir)
    return results


def first_queries(store_dir: Path) -> tuple[float, float]:
    """Seconds of the first library query on a store just written, and of the same query again."""
    from ssgraph.queries import load_library
    from ssgraph.store import open_store

    query = load_library().get("goals_per_sdg_per_organisation").bind()
    store = open_store(store_dir)
    try:
        times = []
        for _ in range(2):
            started = time.perf_counter()
            store.select(query)
            times.append(time.perf_counter() - started)
    finally:
        store.close()
    return times[0], times[1]


def section_import(workdir: Path, sizes: tuple[int, ...], rdflib_max_rows: int) -> dict:
    results = {}
    for rows in sizes:
        book = workdir / f"import-{rows}.xlsx"
        if not book.exists():
            import_workbook.write(book, import_workbook.rows_for(rows))
        store = workdir / f"import-{rows}-store"
        shutil.rmtree(store, ignore_errors=True)
        subprocess.run([*SSGRAPH, "--store", str(store), "init"], check=True, stdout=subprocess.DEVNULL)
        os.sync()
        child = measured([*SSGRAPH, "--store", str(store), "import", str(book)])
        graph = re.search(r"→ (\S+):", child["out"])
        entry = {k: child[k] for k in ("seconds", "cpu", "peak_mb", "code")}
        if child["code"] == 0 and graph:
            entry["first_query"], entry["second_query"] = first_queries(store)
            dump = workdir / f"import-{rows}.nt"
            export(store, dump, graph.group(1))
            entry["elsewhere"] = load_elsewhere(dump, "nt", workdir, rows <= rdflib_max_rows)
            dump.unlink()
        else:
            entry["output"] = child["out"][-1000:]
        shutil.rmtree(store, ignore_errors=True)
        results[rows] = entry
        print(f"  import {rows} rows: {entry['seconds']:.1f} s (CPU {entry['cpu']:.1f} s), peak {entry['peak_mb']:.0f} MB",
              file=sys.stderr)
    return results


def section_validation(data: Path, workdir: Path, jobs: int) -> dict:
    child = measured([sys.executable, str(HERE / "validate_national.py"), str(data), "--jobs", str(jobs)])
    summary = next((line for line in child["out"].splitlines() if line.startswith("SUMMARY")), "")
    figures = dict(re.findall(r"(\w+)=([\d.]+)", summary))
    result = {"seconds": child["seconds"], "peak_mb": child["peak_mb"], "summary": summary,
              "figures": figures, "code": child["code"]}
    memory = measured([sys.executable, "-c", _LOAD, "memory", str(data), "nq"])
    if memory["code"] == 0:
        result["memory_load"] = float(memory["out"].split()[-2])
    print(f"  national validation: {child['seconds']:.1f} s ({summary})", file=sys.stderr)
    return result


def section_web(args, workdir: Path) -> dict:
    web_args = argparse.Namespace(runs=args.runs, seconds=args.seconds, fair_seconds=args.fair_seconds, workers=1,
                                  max_rows=10_000_000, skip_memory=False)
    figures = web_load.prepare(workdir / "web", args.data, None, args.loaded_store)
    results = web_load.measure(web_args, figures, workdir / "web")
    text = web_load.report(web_args, figures, results)
    return {"figures": {k: v for k, v in figures.items() if not isinstance(v, Path)}, "results": results,
            "report": text}


def ratio(a, b) -> str:
    return f"{a / b:.1f}x" if a and b else "-"


def report(results: dict, load: float) -> str:
    lines = [f"Load average at the start: {load:.1f} on {os.cpu_count()} cores (shared machine); one run each."]
    summary = []
    if "init" in results:
        init = results["init"]
        other = init["elsewhere"]
        lines.append(
            f"\ninit --examples: {init['first']['seconds']:.1f} s (CPU {init['first']['cpu']:.1f} s) into a new store "
            f"with an empty validation cache, {init['cached']['seconds']:.1f} s (CPU {init['cached']['cpu']:.1f} s) with "
            f"the cache; loading the resulting {other.get('triples', 0):,} quads: pyoxigraph in memory "
            f"{other.get('memory', 0):.2f} s ({ratio(init['cached']['seconds'], other.get('memory'))}), "
            f"rdflib {other.get('rdflib', 0):.2f} s ({ratio(init['cached']['seconds'], other.get('rdflib'))}), "
            f"Oxigraph CLI {other['oxigraph_cli']:.2f} s.")
        summary.append(f"init={init['first']['seconds']:.1f}s/{init['cached']['seconds']:.1f}s(cached)")
    if "import" in results:
        lines += ["", "| rows | import s | CPU s | peak MB | triples | first query ms (then) | Oxigraph CLI s | "
                  "pyoxigraph memory s | rdflib s | import / CLI | import / memory | import / rdflib |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for rows, entry in results["import"].items():
            other = entry.get("elsewhere", {})
            rdflib = f"{other['rdflib']:.1f}" if "rdflib" in other else "-"
            first = (f"{entry['first_query'] * 1000:.0f} ({entry['second_query'] * 1000:.0f})"
                     if "first_query" in entry else "-")
            lines.append(
                f"| {int(rows):,} | {entry['seconds']:.1f} | {entry['cpu']:.1f} | {entry['peak_mb']:.0f} | "
                f"{other.get('triples', 0):,} | {first} | {other.get('oxigraph_cli', 0):.1f} | "
                f"{other.get('memory', 0):.1f} | {rdflib} | {ratio(entry['seconds'], other.get('oxigraph_cli'))} | "
                f"{ratio(entry['seconds'], other.get('memory'))} | {ratio(entry['seconds'], other.get('rdflib'))} |")
            summary.append(f"import_{int(rows) // 1000}k={entry['seconds']:.1f}s/{entry['cpu']:.0f}cpu/"
                           f"{entry['peak_mb']:.0f}MB")
        sized = sorted((int(rows), entry["peak_mb"]) for rows, entry in results["import"].items())
        if len(sized) > 1:
            (few, low), (many, high) = sized[0], sized[-1]
            lines.append(f"\nPeak memory from {few:,} to {many:,} rows ({many / few:.0f} times the rows): "
                         f"{low:.0f} to {high:.0f} MB ({high / low:.1f} times).")
    if "validation" in results:
        validation = results["validation"]
        lines.append(f"\nNational validation: {validation['seconds']:.1f} s wall, peak {validation['peak_mb']:.0f} MB; "
                     f"pyoxigraph in memory reads the file in {validation.get('memory_load', 0):.1f} s "
                     f"({ratio(validation['seconds'], validation.get('memory_load'))}).\n`{validation['summary']}`")
        summary.append(f"validation={validation['seconds']:.1f}s")
    if "web" in results:
        web = results["web"]["report"].splitlines()
        summary.append(re.sub(r"^SUMMARY ", "", next(line for line in web if line.startswith("SUMMARY"))))
        # web_load's own summary block is left out: the run ends with one SUMMARY line
        lines.append("\n".join(line for line in web if not line.startswith("SUMMARY")).replace("```\n```", "").rstrip("`\n"))
    lines += ["", "```", "SUMMARY " + " ".join(summary), "```"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the national N-Quads file (benchmarks/generate.py)")
    parser.add_argument("--loaded-store", type=Path,
                        help="web: an ssgraph store with --data loaded, copied instead of loading again")
    parser.add_argument("--rdflib-max-rows", type=int, default=50_000,
                        help="import: rdflib parses the imported graph only up to this many rows")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--skip", action="append", default=[], choices=("init", "import", "validation", "web"))
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="workbook rows, comma-separated")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="validation processes")
    parser.add_argument("--runs", type=int, default=3, help="web: runs per query (median)")
    parser.add_argument("--seconds", type=int, default=10, help="web: duration of each throughput run")
    parser.add_argument("--fair-seconds", type=float, default=20.0, help="web: duration of each fairness run")
    parser.add_argument("--json", type=Path, help="all measurements, written after each section")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    results: dict = {}
    sections = [("init", lambda: section_init(args.workdir)),
                ("import", lambda: section_import(args.workdir, tuple(int(n) for n in args.sizes.split(",")),
                                                  args.rdflib_max_rows)),
                ("validation", lambda: section_validation(args.data, args.workdir, args.jobs)),
                ("web", lambda: section_web(args, args.workdir))]
    for name, run in sections:
        if name in args.skip or (name in ("validation", "web") and args.data is None):
            continue
        print(f"{name} …", file=sys.stderr)
        results[name] = run()
        if args.json:
            args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(report(results, load))


if __name__ == "__main__":
    main()
