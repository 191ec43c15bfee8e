"""The service at national scale: `ssgraph serve` side by side with a bare `oxigraph serve`
and pyoxigraph in memory, on the same quads, in one run.

1. generates the synthetic national dataset (benchmarks/generate.py) unless --data is given;
2. loads it with the reference vocabularies into an ssgraph store (`Store.load`, which also
   derives the goal-count summaries) and times that, and the time to the first library
   query answer after the load returns; exports the store as N-Quads and bulk-loads the
   export with the Oxigraph CLI (timed), so all engines serve the same quads;
3. starts `ssgraph serve` and `oxigraph serve --union-default-graph` on 127.0.0.1;
4. times every library query (queries/*.rq, default parameters) through both servers and
   in pyoxigraph in memory (median of --runs, JSON results);
5. trivial-query throughput (`ASK {}`) with wrk, 16 connections and 1 connection;
6. fairness: the p95 latency of `ASK {}` while 20 demanding queries run, on both servers;
7. slow clients: the same with 40 connections sending one header line a second and 12
   bodies a byte a second, besides the 20 demanding queries;
8. prints a Markdown section for benchmarks/README.md ending with one SUMMARY line.

Usage: python benchmarks/web_load.py [--municipalities N] [--data FILE] [--runs 5] [--seconds 10]
Needs wrk (Debian package `wrk`) for the throughput figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
TRIVIAL = "ASK {}"
# every triple joined with every triple of its subject, twice: hundreds of millions of rows,
# counted as they stream (CPU, not memory), so it runs until the time limit stops it
DEMANDING = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?a ?d ?e . ?a ?f ?g }} # {number}"
QUERY_CAP = 120.0


def tool(name: str) -> str:
    """A command installed next to the running interpreter (the test extra brings oxigraph), else PATH's."""
    beside = Path(sysconfig.get_path("scripts")) / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited with {process.returncode}")
        try:
            requests.get(url, params={"query": TRIVIAL}, timeout=30)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def prepare(workdir: Path, data: Path | None, municipalities: int | None, loaded: Path | None = None) -> dict:
    """The stores of both servers; ``loaded``: a copy of that ssgraph store (never the folder
    itself: another process may hold it) instead of a load of ``data`` (no load figures then)."""
    from ssgraph.queries import load_library
    from ssgraph.setup import load_reference
    from ssgraph.store import open_store

    if loaded is not None:
        return _prepare_from_copy(workdir, loaded)

    if data is None:
        data = workdir / "national.nq"
        command = [sys.executable, str(HERE / "generate.py"), "--out", str(data)]
        if municipalities:
            command += ["--municipalities", str(municipalities)]
        subprocess.run(command, check=True)
    figures: dict = {"ssgraph_dir": workdir / "ssgraph-store", "oxigraph_dir": workdir / "oxigraph-store",
                     "export": workdir / "export.nq"}
    store = open_store(figures["ssgraph_dir"])
    try:
        load_reference(store)
        os.sync()
        started = time.perf_counter()
        store.load([data])  # the bulk load, then the derived summaries of every graph
        figures["load_seconds"] = time.perf_counter() - started
        first = load_library().get("goals_per_sdg_per_organisation").bind()
        started = time.perf_counter()
        store.select(first)
        figures["first_query_seconds"] = time.perf_counter() - started
        _export(store, figures)
    finally:
        store.close()
    return _load_bare_oxigraph(figures)


def _prepare_from_copy(workdir: Path, loaded: Path) -> dict:
    from ssgraph.store import open_store

    figures: dict = {"ssgraph_dir": workdir / "ssgraph-store", "oxigraph_dir": workdir / "oxigraph-store",
                     "export": workdir / "export.nq", "load_seconds": None, "first_query_seconds": None,
                     "copied_from": str(loaded)}
    for folder in (figures["ssgraph_dir"], figures["oxigraph_dir"]):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(loaded, figures["ssgraph_dir"], symlinks=True)
    store = open_store(figures["ssgraph_dir"])
    try:
        _export(store, figures)
    finally:
        store.close()
    return _load_bare_oxigraph(figures)


def _export(store, figures: dict) -> None:
    with open(figures["export"], "wb") as out:
        store.export(out, format="nquads")
    figures["quads"] = store.count()


def _load_bare_oxigraph(figures: dict) -> dict:
    """The same quads into a bare Oxigraph store (its own loader, timed) beside ssgraph's."""
    os.sync()
    started = time.perf_counter()
    subprocess.run([tool("oxigraph"), "load", "--location", str(figures["oxigraph_dir"]),
                    "--file", str(figures["export"])], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures["oxigraph_load_seconds"] = time.perf_counter() - started
    return figures


def _seconds(value: float | None, scale: float = 1.0, digits: int = 1) -> str:
    return "-" if value is None else f"{value * scale:.{digits}f}"


def time_query(url: str, query: str, runs: int) -> tuple[float, int]:
    """Median seconds of ``runs`` sequential POSTs and the last status (0: over the cap)."""
    times, status = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        try:
            response = requests.post(url, data={"query": query},
                                     headers={"Accept": "application/sparql-results+json"}, timeout=QUERY_CAP)
            status = response.status_code
        except requests.Timeout:
            return QUERY_CAP, 0
        times.append(time.perf_counter() - started)
    return statistics.median(times), status


def in_memory(export: Path, queries: dict[str, str], runs: int) -> dict[str, float]:
    """Median seconds of each query in pyoxigraph in memory (benchmarks/workers.py, its own process)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(queries, handle)
    out = subprocess.run([sys.executable, str(HERE / "workers.py"), "memory", handle.name, str(runs), str(export)],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(handle.name)
    medians = {}
    for line in out.splitlines():
        record = json.loads(line)
        if "query" in record:
            medians[record["query"]] = statistics.median(record["times"])
    return medians


def wrk(url: str, seconds: int, connections: int) -> tuple[float | None, float | None]:
    """Requests per second and the p99 latency in ms, or (None, None) without wrk."""
    executable = shutil.which("wrk")
    if executable is None:
        return None, None
    target = url + "?query=" + requests.utils.quote(TRIVIAL)
    out = subprocess.run([executable, f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency",
                          "-H", "Accept: application/sparql-results+json", target],
                         capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"  wrk: {errors.group(1)} non-2xx answers from {url}", file=sys.stderr)
    p99_ms = None
    if p99:
        p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return (float(rate.group(1)) if rate else None), p99_ms


def trivial_throughput(urls: dict[str, str], runs: int, seconds: int) -> dict:
    """``{label}_c16`` and ``{label}_c1``: the median requests/s and p99 ms of ``runs`` wrk runs
    per server and connection count, the servers taking turns (so a busy moment of the shared
    machine falls on both), each run's figures and the load average before it in ``trivial_runs``."""
    runs_of: dict[str, list] = {f"{label}_c{c}": [] for label in urls for c in (16, 1)}
    for _ in range(max(1, runs)):
        for connections in (16, 1):
            for label, url in urls.items():
                load = os.getloadavg()[0]
                rate, p99 = wrk(url, seconds, connections)
                runs_of[f"{label}_c{connections}"].append({"rate": rate, "p99_ms": p99, "load": load})
                print(f"  {label}: trivial {rate} /s, p99 {p99} ms ({connections} connections, load {load:.1f})",
                      file=sys.stderr)
    results: dict = {"trivial_runs": runs_of}
    for key, measured in runs_of.items():
        rates = [m["rate"] for m in measured if m["rate"] is not None]
        p99s = [m["p99_ms"] for m in measured if m["p99_ms"] is not None]
        results[key] = (statistics.median(rates) if rates else None, statistics.median(p99s) if p99s else None)
    return results


class SlowClients:
    """Connections sending one header line a second, and bodies one byte a second."""

    def __init__(self, url: str, headers: int, bodies: int):
        host, port = url.split("//")[1].split("/")[0].split(":")
        path = "/" + url.split("//")[1].split("/", 1)[1]
        self.address, self.path = (host, int(port)), path
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._drip, args=(
            f"GET {path}?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\n".encode(), b"X-Slow: y\r\n"), daemon=True)
            for _ in range(headers)]
        self.threads += [threading.Thread(target=self._drip, args=(
            f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: 1000\r\n\r\nquery=ASK".encode(), b"+"), daemon=True) for _ in range(bodies)]
        for thread in self.threads:
            thread.start()

    def _drip(self, first: bytes, drop: bytes) -> None:
        try:
            with socket.create_connection(self.address, timeout=5) as sock:
                sock.sendall(first)
                while not self.stop.is_set():
                    sock.sendall(drop)
                    self.stop.wait(1.0)
        except OSError:
            pass

    def close(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=10)


def fairness(url: str, demanding: int, seconds: float, slow: tuple[int, int] = (0, 0)) -> dict:
    """p95/max latency of ASK {} while ``demanding`` heavy queries (and slow clients) run."""
    outcomes: list[int] = []

    def heavy(number: int) -> None:
        try:
            response = requests.post(url, data={"query": DEMANDING.format(number=number)}, timeout=seconds + 60)
            outcomes.append(response.status_code)
        except requests.RequestException:
            outcomes.append(0)

    clients = SlowClients(url, *slow) if any(slow) else None
    if clients:
        time.sleep(1.5)
    threads = [threading.Thread(target=heavy, args=(n,), daemon=True) for n in range(demanding)]
    for thread in threads:
        thread.start()
    latencies, failures = [], 0
    session = requests.Session()
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        started = time.perf_counter()
        try:
            ok = session.get(url, params={"query": TRIVIAL}, timeout=30).status_code == 200
        except requests.RequestException:
            ok = False
        latencies.append(time.perf_counter() - started)
        failures += not ok
        time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=seconds + 70)
    if clients:
        clients.close()
    latencies.sort()
    return {"p95": statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0],
            "max": latencies[-1], "answered": len(latencies) - failures, "asked": len(latencies),
            "demanding": {str(status): outcomes.count(status) for status in sorted(set(outcomes))}}


def start_servers(args, figures: dict, workdir: Path) -> tuple[list[subprocess.Popen], str, str]:
    ssgraph_port, oxigraph_port = free_port(), free_port()
    # one benchmark client sends all 20 demanding queries: the per-client limit is lifted so
    # that they meet the lanes (quick and demanding) rather than a 429
    env = dict(os.environ, SSGRAPH_DUMP_CACHE_DIR=str(workdir / "dumps"),
               SSGRAPH_MAX_RESULT_ROWS=str(args.max_rows), SSGRAPH_LOG_LEVEL="warning",
               SSGRAPH_HEAVY_QUERIES_PER_CLIENT="100")
    env.pop("SSGRAPH_CONFIG", None)
    servers = [
        subprocess.Popen([sys.executable, "-m", "ssgraph", "--store", str(figures["ssgraph_dir"]), "serve", "--port",
                          str(ssgraph_port), "--workers", str(args.workers), "--no-init"],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([tool("oxigraph"), "serve", "--location", str(figures["oxigraph_dir"]),
                          "--bind", f"127.0.0.1:{oxigraph_port}", "--union-default-graph"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    return servers, f"http://127.0.0.1:{ssgraph_port}/sparql", f"http://127.0.0.1:{oxigraph_port}/query"


def measure(args, figures: dict, workdir: Path) -> dict:
    from ssgraph.queries import load_library

    queries = {query.name: query.bind() for query in load_library()}
    servers, ssgraph_url, oxigraph_url = start_servers(args, figures, workdir)
    results: dict = {"queries": {}}
    try:
        wait_for(ssgraph_url, servers[0])
        wait_for(oxigraph_url, servers[1])
        for name, text in queries.items():
            time_query(ssgraph_url, text, 1)  # warm both
            time_query(oxigraph_url, text, 1)
            ours, our_status = time_query(ssgraph_url, text, args.runs)
            theirs, their_status = time_query(oxigraph_url, text, args.runs)
            results["queries"][name] = {"ssgraph": ours, "oxigraph": theirs, "status": (our_status, their_status)}
            print(f"  {name}: ssgraph {ours * 1000:.1f} ms, oxigraph {theirs * 1000:.1f} ms", file=sys.stderr)
        results.update(trivial_throughput({"ssgraph": ssgraph_url, "oxigraph": oxigraph_url}, args.runs,
                                          args.seconds))
        for label, url in (("ssgraph", ssgraph_url), ("oxigraph", oxigraph_url)):
            results[f"{label}_fair"] = fairness(url, 20, args.fair_seconds)
            print(f"  {label}: fairness {results[f'{label}_fair']}", file=sys.stderr)
            results[f"{label}_slow"] = fairness(url, 20, args.fair_seconds, slow=(40, 12))
            print(f"  {label}: slow clients {results[f'{label}_slow']}", file=sys.stderr)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    if not args.skip_memory:
        print("  pyoxigraph in memory …", file=sys.stderr)
        memory = in_memory(figures["export"], queries, args.runs)
        for name, seconds in memory.items():
            results["queries"][name]["memory"] = seconds
    return results


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "-"


def _trivial_runs(results: dict) -> str:
    runs = results.get("trivial_runs")
    if not runs:
        return ""

    def listed(key: str) -> str:
        return ", ".join(f"{m['rate'] or 0:,.0f}" for m in runs[key])
    loads = [m["load"] for measured in runs.values() for m in measured]
    return (f" Each run: ssgraph {listed('ssgraph_c16')} (16), {listed('ssgraph_c1')} (1); oxigraph "
            f"{listed('oxigraph_c16')} (16), {listed('oxigraph_c1')} (1); load average {min(loads):.1f}–{max(loads):.1f}.")


def report(args, figures: dict, results: dict) -> str:
    lines = ["\n## The service on the national set (benchmarks/web_load.py)\n",
             f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"{figures['quads']:,} quads; `ssgraph serve --workers {args.workers}` (granian and the web front) vs "
             f"`oxigraph serve --union-default-graph` vs pyoxigraph in memory; median of {args.runs} sequential "
             f"POSTs per query, JSON results; load average at the start {os.getloadavg()[0]:.1f}.\n",
             (f"Load: ssgraph {_seconds(figures['load_seconds'])} s (bulk load and the derived summaries), Oxigraph CLI "
              f"{figures['oxigraph_load_seconds']:.1f} s (ratio {ratio(figures['load_seconds'], figures['oxigraph_load_seconds'])}); "
              f"first library query after the load returned: {_seconds(figures['first_query_seconds'], 1000, 0)} ms.\n"
              if figures.get("load_seconds") is not None else
              f"The ssgraph store is a copy of one loaded earlier ({figures.get('copied_from')}): no load in this run; "
              f"Oxigraph CLI loaded its export in {figures['oxigraph_load_seconds']:.1f} s.\n"),
             "| query | ssgraph serve ms | oxigraph serve ms | pyoxigraph memory ms | serve / oxigraph | serve / memory |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, row in results["queries"].items():
        note = "" if row["status"] == (200, 200) else f" (HTTP {row['status'][0]}/{row['status'][1]})"
        memory = row.get("memory")
        memory_ms = f"{memory * 1000:.1f}" if memory is not None else "-"
        lines.append(f"| {name}{note} | {row['ssgraph'] * 1000:.1f} | {row['oxigraph'] * 1000:.1f} | {memory_ms} | "
                     f"{ratio(row['ssgraph'], row['oxigraph'])} | {ratio(row['ssgraph'], memory)} |")
    worst = max(results["queries"].items(), key=lambda item: item[1]["ssgraph"])
    (ours16, p99_16), (ours1, _) = results["ssgraph_c16"], results["ssgraph_c1"]
    (theirs16, their_p99), (theirs1, _) = results["oxigraph_c16"], results["oxigraph_c1"]
    fair, slow = results["ssgraph_fair"], results["ssgraph_slow"]
    their_fair, their_slow = results["oxigraph_fair"], results["oxigraph_slow"]
    lines += [
        "",
        f"Trivial query (`{TRIVIAL}`, wrk, {args.seconds} s, median of {args.runs} runs, the servers taking turns): "
        f"16 connections ssgraph {ours16 or 0:,.0f} requests/s (p99 {p99_16 or 0:.1f} ms), oxigraph "
        f"{theirs16 or 0:,.0f} (p99 {their_p99 or 0:.1f} ms), ratio {ratio(ours16, theirs16)}; 1 connection ssgraph "
        f"{ours1 or 0:,.0f}, oxigraph {theirs1 or 0:,.0f} (ratio {ratio(ours1, theirs1)}).{_trivial_runs(results)}",
        "",
        f"Fairness, `{TRIVIAL}` while 20 demanding queries run ({args.fair_seconds:.0f} s): ssgraph p95 "
        f"{fair['p95'] * 1000:.0f} ms (max {fair['max'] * 1000:.0f} ms, {fair['answered']}/{fair['asked']} answered; "
        f"demanding ones: {fair['demanding']}), oxigraph p95 {their_fair['p95'] * 1000:.0f} ms "
        f"({their_fair['answered']}/{their_fair['asked']}). With 40 slow-header and 12 slow-body clients as well: "
        f"ssgraph p95 {slow['p95'] * 1000:.0f} ms (max {slow['max'] * 1000:.0f} ms, {slow['answered']}/{slow['asked']}), "
        f"oxigraph p95 {their_slow['p95'] * 1000:.0f} ms ({their_slow['answered']}/{their_slow['asked']}).",
        "",
        "```",
        f"SUMMARY quads={figures['quads']} load={_seconds(figures['load_seconds'])}s oxigraph_load="
        f"{figures['oxigraph_load_seconds']:.1f}s first_query_after_load={_seconds(figures['first_query_seconds'], 1, 3)}s "
        f"max_query={worst[1]['ssgraph']:.3f}s({worst[0]}) queries_under_1s="
        f"{sum(r['ssgraph'] < 1 for r in results['queries'].values())}/{len(results['queries'])} "
        f"trivial_c16={ours16 or 0:.0f}/s(p99 {p99_16 or 0:.1f}ms, x{ratio(ours16, theirs16)} oxigraph) "
        f"trivial_c1={ours1 or 0:.0f}/s fair_p95={fair['p95']:.3f}s slow_clients_p95={slow['p95']:.3f}s",
        "```",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--municipalities", type=int, default=None, help="default: all (see generate.py)")
    parser.add_argument("--data", type=Path, help="an existing generated N-Quads file")
    parser.add_argument("--loaded-store", type=Path,
                        help="an ssgraph store with the national set loaded: copied and used instead of a load")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each throughput run")
    parser.add_argument("--fair-seconds", type=float, default=20.0, help="duration of each fairness run")
    parser.add_argument("--workers", type=int, default=1, help="ssgraph serve --workers")
    parser.add_argument("--max-rows", type=int, default=10_000_000, help="SSGRAPH_MAX_RESULT_ROWS of the server")
    parser.add_argument("--skip-memory", action="store_true", help="no pyoxigraph in-memory column")
    parser.add_argument("--json", type=Path, help="write all measurements here")
    parser.add_argument("--reuse", action="store_true",
                        help="use the stores a previous run left in --workdir (its --json has the load figures)")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ssgraph-web-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"preparing stores in {workdir} …", file=sys.stderr)
    if args.reuse and args.json and args.json.exists():
        figures = json.loads(args.json.read_text(encoding="utf-8"))["figures"]
        figures.update(ssgraph_dir=workdir / "ssgraph-store", oxigraph_dir=workdir / "oxigraph-store",
                       export=workdir / "export.nq")
    else:
        figures = prepare(workdir, args.data, args.municipalities, args.loaded_store)
    print(f"  {figures['quads']} quads; load {_seconds(figures['load_seconds'])} s", file=sys.stderr)
    if args.json and not args.reuse:  # the load figures, for a later --reuse
        args.json.write_text(json.dumps({"figures": {k: v for k, v in figures.items() if not isinstance(v, Path)}},
                                        indent=2), encoding="utf-8")
    results = measure(args, figures, workdir)
    if args.json:
        args.json.write_text(json.dumps({"figures": {k: v for k, v in figures.items() if not isinstance(v, Path)},
                                         "results": results}, indent=2, default=str), encoding="utf-8")
    print(report(args, figures, results))


if __name__ == "__main__":
    main()
