"""Load test of the web service: `ssgraph serve` against a bare `oxigraph serve` on the same data.

1. generates the synthetic national dataset (benchmarks/generate.py) unless --data is given;
2. loads it with the reference vocabularies into an ssgraph store, exports that store as
   N-Quads and loads the export into a plain Oxigraph store, so both serve the same quads;
3. starts `ssgraph serve --workers 2` and `oxigraph serve --union-default-graph` on 127.0.0.1;
4. times every library query (queries/*.rq) on both, sequentially (median of --runs);
5. measures trivial-query throughput (ASK {}) with wrk (Debian package `wrk`), or with a
   Python thread load generator when wrk is missing.

Usage: python benchmarks/web_load.py [--municipalities N] [--data FILE] [--runs 5] [--seconds 10]
Prints a Markdown section for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
TRIVIAL = "ASK {}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
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


def prepare(workdir: Path, data: Path | None, municipalities: int | None) -> tuple[Path, Path, int]:
    from ssgraph.setup import load_reference
    from ssgraph.store import open_store

    if data is None:
        data = workdir / "national.nq.gz"
        command = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--out", str(data)]
        if municipalities:
            command += ["--municipalities", str(municipalities)]
        subprocess.run(command, check=True)
    ssgraph_dir = workdir / "ssgraph-store"
    store = open_store(ssgraph_dir)
    try:
        load_reference(store)
        store.load([data])
        export = workdir / "export.nq"
        with open(export, "wb") as out:
            store.export(out, format="nquads")
        quads = store.count()
    finally:
        store.close()
    oxigraph_dir = workdir / "oxigraph-store"
    subprocess.run([shutil.which("oxigraph") or "oxigraph", "load", "--location", str(oxigraph_dir),
                    "--file", str(export)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return ssgraph_dir, oxigraph_dir, quads


def time_query(url: str, query: str, runs: int, cap: float = 120.0) -> tuple[float, int]:
    """Median seconds of ``runs`` sequential POSTs and the last status (0: over ``cap`` seconds)."""
    times, status = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        try:
            response = requests.post(url, data={"query": query},
                                     headers={"Accept": "application/sparql-results+json"}, timeout=cap)
            status = response.status_code
        except requests.Timeout:
            return cap, 0
        times.append(time.perf_counter() - started)
    return statistics.median(times), status


def time_in_process(store, query: str, runs: int) -> float:
    """The same query straight through the ssgraph store, no web layer (JSON serialised)."""
    store.query_raw(query, result_format="json")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        store.query_raw(query, result_format="json")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def wrk(url: str, seconds: int, connections: int) -> float | None:
    executable = shutil.which("wrk")
    if executable is None:
        return None
    target = url + "?query=" + requests.utils.quote(TRIVIAL)
    out = subprocess.run([executable, "-t2", f"-c{connections}", f"-d{seconds}s", "-H",
                          "Accept: application/sparql-results+json", target],
                         capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"  wrk: {errors.group(1)} non-2xx answers from {url}", file=sys.stderr)
    return float(match.group(1)) if match else None


def python_load(url: str, seconds: int, connections: int) -> float:
    done = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        session = requests.Session()
        while time.monotonic() < stop:
            session.get(url, params={"query": TRIVIAL}, headers={"Accept": "application/sparql-results+json"})
            with lock:
                done[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--municipalities", type=int, default=None, help="default: all (see generate.py)")
    parser.add_argument("--data", type=Path, help="an existing generated N-Quads file")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each throughput run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    from ssgraph.queries import load_library

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ssgraph-web-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"preparing stores in {workdir} …", file=sys.stderr)
    started = time.monotonic()
    ssgraph_dir, oxigraph_dir, quads = prepare(workdir, args.data, args.municipalities)
    print(f"  {quads} quads loaded in {time.monotonic() - started:.0f} s", file=sys.stderr)

    ssgraph_port, oxigraph_port = free_port(), free_port()
    env = dict(os.environ, SSGRAPH_DUMP_CACHE_DIR=str(workdir / "dumps"), SSGRAPH_MAX_RESULT_ROWS="10000000")
    env.pop("SSGRAPH_CONFIG", None)
    servers = [
        subprocess.Popen([sys.executable, "-m", "ssgraph", "--store", str(ssgraph_dir), "serve", "--port",
                          str(ssgraph_port), "--workers", str(args.workers), "--no-init"],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([shutil.which("oxigraph") or "oxigraph", "serve", "--location", str(oxigraph_dir),
                          "--bind", f"127.0.0.1:{oxigraph_port}", "--union-default-graph"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    ssgraph_url = f"http://127.0.0.1:{ssgraph_port}/sparql"
    oxigraph_url = f"http://127.0.0.1:{oxigraph_port}/query"
    try:
        wait_for(ssgraph_url, servers[0])
        wait_for(oxigraph_url, servers[1])
        from ssgraph.store import open_store

        direct = open_store(ssgraph_dir, read_only=True)
        rows = []
        for query in load_library():
            text = query.bind()
            time_query(ssgraph_url, text, 1)  # warm both
            time_query(oxigraph_url, text, 1)
            ours, our_status = time_query(ssgraph_url, text, args.runs)
            theirs, their_status = time_query(oxigraph_url, text, args.runs)
            in_process = time_in_process(direct, text, args.runs)
            rows.append((query.name, ours, in_process, theirs, our_status, their_status))
            print(f"  {query.name}: ssgraph {ours * 1000:.1f} ms, store {in_process * 1000:.1f} ms, "
                  f"oxigraph {theirs * 1000:.1f} ms", file=sys.stderr)
        direct.close()
        tool = "wrk" if shutil.which("wrk") else "python threads"
        measure = wrk if shutil.which("wrk") else python_load
        ours_rps = measure(ssgraph_url, args.seconds, args.connections)
        theirs_rps = measure(oxigraph_url, args.seconds, args.connections)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()

    total_ours = sum(r[1] for r in rows)
    total_store = sum(r[2] for r in rows)
    total_theirs = sum(r[3] for r in rows)
    print("\n## Web service under load (benchmarks/web_load.py)\n")
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{quads:,} quads ({'--municipalities ' + str(args.municipalities) if args.municipalities else 'all organisations'}); "
          f"`ssgraph serve --workers {args.workers}` (gunicorn gthread) vs `oxigraph serve --union-default-graph`; "
          f"median of {args.runs} sequential POSTs per query, JSON results.\n")
    print("| query | ssgraph serve ms | ssgraph store in-process ms | oxigraph serve ms | serve / store | serve / oxigraph |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, ours, in_process, theirs, our_status, their_status in rows:
        note = "" if our_status == their_status == 200 else f" (HTTP {our_status}/{their_status})"
        print(f"| {name}{note} | {ours * 1000:.1f} | {in_process * 1000:.1f} | {theirs * 1000:.1f} | "
              f"{ours / in_process:.2f} | {ours / theirs:.2f} |")
    print(f"| **all queries** | **{total_ours * 1000:.0f}** | **{total_store * 1000:.0f}** | "
          f"**{total_theirs * 1000:.0f}** | **{total_ours / total_store:.2f}** | **{total_ours / total_theirs:.2f}** |")
    print(f"\nTrivial query (`{TRIVIAL}`), {args.connections} connections, {args.seconds} s, {tool}: "
          f"ssgraph {ours_rps:,.0f} requests/s, oxigraph {theirs_rps:,.0f} requests/s.")


if __name__ == "__main__":
    main()
