"""The child processes of the benchmark (run.py starts them; each is measured on its own).

Every worker prints its results as JSON lines on stdout, so the parent can read them, time
out a runaway query by killing the worker, and take the worker's peak memory from
``os.wait4``.

    python benchmarks/workers.py ssgraph-load DATA STORE_DIR
    python benchmarks/workers.py ssgraph-queries STORE_DIR QUERIES_JSON RUNS
    python benchmarks/workers.py memory QUERIES_JSON RUNS DATA
    python benchmarks/workers.py rdflib DATA CAP   (then one query per stdin line)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def emit(record: dict) -> None:
    print(json.dumps(record), flush=True)


def query_kind(text: str) -> str:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("#", "PREFIX")))
    return "construct" if body.lstrip().upper().startswith("CONSTRUCT") else "select"


def open_ssgraph(location: str):
    """The ssgraph embedded store, or plain pyoxigraph while the store layer is missing."""
    try:
        from ssgraph.store import open_store
    except ImportError:
        return None
    return open_store(location)


# -- the ssgraph embedded store ----------------------------------------------------------
def ssgraph_load(data: str, location: str) -> None:
    started = time.perf_counter()
    store = open_ssgraph(location)
    if store is None:
        from pyoxigraph import RdfFormat, Store

        raw = Store(location)
        raw.bulk_load(path=data, format=RdfFormat.N_QUADS if ".nq" in data else None)
        raw.flush()
        backend = "pyoxigraph bulk_load (ssgraph.store missing)"
        del raw
    else:
        store.load([Path(data)])
        store.close()
        backend = f"ssgraph {type(store).__module__}.{type(store).__name__}"
    emit({"seconds": time.perf_counter() - started, "backend": backend})


def run_ssgraph_query(store, text: str) -> int:
    if store is None or not hasattr(store, "select"):
        raise RuntimeError("no store")
    if query_kind(text) == "construct":
        return len(store.construct(text))
    return len(store.select(text))


def run_pyoxigraph_query(store, text: str) -> int:
    result = store.query(text, use_default_graph_as_union=True)
    return sum(1 for _ in result)


def timed_runs(run, store, queries: dict[str, str], runs: int, engine: str = "") -> None:
    """Wall-clock and CPU seconds of each run (CPU time is what a busy machine distorts least).

    The plain forms (information only) run twice, to keep the full run short.
    """
    for name, text in queries.items():
        times, cpu, rows = [], [], 0
        for _ in range(min(runs, 2) if name.endswith("@plain") else runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            rows = run(store, text)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        emit({"query": name, "engine": engine, "times": times, "cpu": cpu, "rows": rows})


READY_QUERY = """PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT (COUNT(?version) AS ?n) WHERE { ?version ssg:isCurrentVersion true }"""


def ssgraph_queries(location: str, queries_file: str, runs: int) -> None:
    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    store = open_ssgraph(location)
    if store is None:
        from pyoxigraph import Store

        store, run = Store(location), run_pyoxigraph_query
    else:
        run = run_ssgraph_query
    opened = time.perf_counter() - started
    run(store, READY_QUERY)
    emit({"open_seconds": opened, "ready_seconds": time.perf_counter() - started})
    # the plain forms only on the union default graph: through the store's explicit
    # default-graph list some take many minutes (README, "what would fix it")
    timed_runs(run, store, {n: q for n, q in queries.items() if not n.endswith("@plain")}, runs, "ssgraph")
    raw = getattr(store, "_store", None)
    if raw is not None:
        # the same database queried with Oxigraph's union default graph: what the store gives
        # without its explicit default-graph list (see README, "what would fix it")
        timed_runs(run_pyoxigraph_query, raw, queries, runs, "union")


# -- pyoxigraph in memory (what serving from an in-memory copy would give) --------------
def memory(queries_file: str, runs: int, data: str) -> None:
    from pyoxigraph import RdfFormat, Store

    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    store = Store()
    store.bulk_load(path=data, format=RdfFormat.N_QUADS)
    emit({"load_seconds": time.perf_counter() - started})
    timed_runs(run_pyoxigraph_query, store, queries, runs)


# -- rdflib in memory ------------------------------------------------------------------
class QueryTimeout(Exception):
    pass


def _interrupt(signum, frame):
    raise QueryTimeout()


def rdflib_worker(data: str, cap: float) -> None:
    """rdflib is pure Python, so an alarm can interrupt a runaway query without a reload."""
    import gzip
    import signal

    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    opener = gzip.open if data.endswith(".gz") else open
    with opener(data, "rb") as handle:
        dataset.parse(handle, format="nquads")
    emit({"load_seconds": time.perf_counter() - started, "quads": len(dataset)})
    signal.signal(signal.SIGALRM, _interrupt)
    for line in sys.stdin:
        text = json.loads(line)["text"]
        started, started_cpu = time.perf_counter(), time.process_time()
        signal.setitimer(signal.ITIMER_REAL, cap)
        try:
            result = dataset.query(text)
            rows = len(result.graph) if result.type == "CONSTRUCT" else sum(1 for _ in result)
        except QueryTimeout:
            emit({"seconds": cap, "cpu": cap, "rows": None})
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        emit({"seconds": time.perf_counter() - started, "cpu": time.process_time() - started_cpu,
              "rows": rows})


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "ssgraph-load":
        ssgraph_load(*args)
    elif command == "ssgraph-queries":
        ssgraph_queries(args[0], args[1], int(args[2]))
    elif command == "memory":
        memory(args[0], int(args[1]), args[2])
    elif command == "rdflib":
        rdflib_worker(args[0], float(args[1]))
    else:
        raise SystemExit(f"unknown worker {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
