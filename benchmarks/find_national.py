"""Time search, organisation pages, comparison and the SS 854000 cycle on the synthetic
national dataset (issue 15's speed goals).

Loads the dataset from benchmarks/generate.py and the ontology and reference vocabularies into
a fresh embedded store (unless --store names a loaded one); the search index is built by the
load itself (the store's write observer), and once more from scratch to time it alone. Then,
each warm and repeated (--runs, median reported), as the web serves them (requests to the
Flask app in this process; its queries go to its query worker processes, as under
`ssgraph serve`):

- an organisation's page (goal tree, versions and diff, documents, indicators with
  sparklines, coverage, cycle status) for a sample of organisations, the largest included;
- the comparison of 10 organisations (page and CSV);
- the cycle status of every organisation (table and heat map);
- searches (words, inflected forms, compounds, filters), and the first search of an app
  started in a new process (its start timed apart).

Usage: python benchmarks/find_national.py [--data national.nq.gz | --store DIR] [--runs 5] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ssgraph import services
from ssgraph.setup import load_reference
from ssgraph.store import open_store
from ssgraph.store.derived import refresh

GOALS_MS = {"organisation page": 500, "compare 10 organisations": 1000, "cycle, all organisations": 5000,
            "cycle, one organisation": 1000, "search": 100}
SEARCHES = [("klimat", {}), ("klimatet", {}), ("klimatmål", {}), ("cykelvägar", {}), ("växthusgaser", {}),
            ("barn och unga", {}), ("hållbar utveckling", {"kinds": ["goal"]}), ("trygghet", {"sdgs": ["16"]}),
            ("förskola", {"orgs": ["0180"]}), ("Göteborg", {"kinds": ["organisation"]}),
            # a word naming a kind of thing is read as a type too (search/kind_words.py)
            ("klimat mål", {}), ("indikator avfall", {}), ("kommun Göteborg", {}), ("gröna nyckeltal", {})]


def timed(function, runs: int) -> tuple[float, object]:
    """Median wall time of ``runs`` calls in milliseconds (after one warm-up call), and the result."""
    result = function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


FIRST_SEARCH = """
import sys, threading, time
start = time.perf_counter()
from ssgraph.web import create_app
app = create_app({"store": sys.argv[1], "query_workers": 1})
client = app.test_client()
started = time.perf_counter()
for thread in threading.enumerate():  # what the app prepares for searches while it starts
    if thread.name == "ssgraph-search-dictionaries":
        thread.join()
prepared = time.perf_counter()
assert client.get("/api/search?q=klimatet").status_code == 200
print((started - start) * 1000, (prepared - start) * 1000, (time.perf_counter() - prepared) * 1000)
app.extensions["ssgraph"].close()
"""


def first_search(directory: Path) -> tuple[float, float, float]:
    """In a new process: the app's start (imports included), when it has read what searches
    need, and its first search after that, in ms."""
    done = subprocess.run([sys.executable, "-c", FIRST_SEARCH, str(directory)], capture_output=True, text=True,
                          check=True)
    start_ms, prepared_ms, search_ms = done.stdout.split()[-3:]
    return float(start_ms), float(prepared_ms), float(search_ms)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="an N-Quads file from generate.py")
    parser.add_argument("--store", type=Path, help="an already loaded store directory")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the measurements here")
    parser.add_argument("--load-only", action="store_true", help="only load --data into --store")
    parser.add_argument("--skip-pages", action="store_true", help="only the cycle and search")
    parser.add_argument("--sample", type=int, default=9, help="organisation pages timed (one a region)")
    parser.add_argument("--skip-rebuild", action="store_true", help="do not time building the search index again")
    args = parser.parse_args(argv)
    report: dict[str, object] = {}
    directory = args.store or Path(tempfile.mkdtemp(prefix="ssgraph-find-")) / "store"
    if not (directory / "CURRENT").exists():
        if args.data is None:
            sys.exit("give --data (benchmarks/generate.py --out FILE) to load, or --store with a loaded store")
        store = open_store(directory)
        start = time.perf_counter()
        store.load([args.data])
        load_reference(store)
        report["load_s"] = round(time.perf_counter() - start, 1)
        print(f"load (with the search index kept current by the load) {report['load_s']:8.1f} s", flush=True)
        store.close()
        if args.load_only:
            return
    if not args.skip_rebuild:
        store = open_store(directory)
        start = time.perf_counter()
        counts = services.rebuild_index(store)
        report["index_build_s"] = round(time.perf_counter() - start, 1)
        report["indexed"] = counts
        print(f"search index built from scratch              {report['index_build_s']:8.1f} s  {counts}", flush=True)
        store.close()

    store = open_store(directory)  # a store loaded before the derived evidence counts gets them (once)
    start = time.perf_counter()
    refresh(store, [])
    print(f"derived summaries made current               {time.perf_counter() - start:8.1f} s", flush=True)
    store.close()

    starts = [first_search(directory) for _ in range(max(1, args.runs // 2))]
    report["first search"] = {"median_ms": round(statistics.median(s[2] for s in starts), 1),
                              "start_ms": round(statistics.median(s[0] for s in starts), 1),
                              "prepared_ms": round(statistics.median(s[1] for s in starts), 1)}
    print(f"first search after start (new process)      {report['first search']['median_ms']:8.1f} ms  "
          f"(app started in {report['first search']['start_ms']:.0f} ms, search prepared in the background "
          f"by {report['first search']['prepared_ms']:.0f} ms)", flush=True)

    from urllib.parse import urlencode

    from ssgraph.web import create_app

    app = create_app({"store": str(directory), "query_workers": 2, "query_time_limit": 120})
    client = app.test_client()

    def get(path: str, **params) -> bytes:
        response = client.get(path + ("?" + urlencode(params, doseq=True) if params else ""),
                              headers={"Accept": "text/html"})
        assert response.status_code == 200, (path, params, response.status_code, response.data[:300])
        return response.data

    try:
        known = json.loads(client.get("/api/organisations").data)["organisations"]
        codes = [o["code"] for o in known]
        report["organisations"] = len(codes)
        regions = [c for c in codes if c.startswith("00")]
        sample = [] if args.skip_pages else (codes[:: max(1, len(codes) // args.sample)][:args.sample - 1] + regions[:1])[:args.sample]
        times = {}
        for code in sample:
            times[code] = round(timed(lambda code=code: get(f"/org/{code}"), args.runs)[0], 1)
        if sample:
            report["organisation page"] = {"median_ms": round(statistics.median(times.values()), 1),
                                           "max_ms": max(times.values()), "per_organisation_ms": times}
            print(f"organisation page, median of {len(sample)} organisations  "
                  f"{statistics.median(times.values()):8.1f} ms  (max {max(times.values())} ms)", flush=True)
            ten = codes[:: max(1, len(codes) // 10)][:10]
            ms, _ = timed(lambda: get("/org/compare", org=ten), args.runs)
            csv_ms, _ = timed(lambda: get("/org/compare", org=ten, format="csv"), args.runs)
            report["compare 10 organisations"] = {"median_ms": round(ms, 1), "csv_median_ms": round(csv_ms, 1),
                                                  "organisations": ten}
            print(f"compare 10 organisations: page {ms:8.1f} ms, CSV {csv_ms:8.1f} ms", flush=True)

        ms, _ = timed(lambda: get("/analysis/cycle"), args.runs)
        report["cycle, all organisations"] = {"median_ms": round(ms, 1)}
        print(f"cycle status of all {len(codes)} organisations (page)  {ms:8.1f} ms", flush=True)
        one = regions[0] if regions else codes[0]
        ms, _ = timed(lambda: get("/analysis/cycle", org=one), args.runs)
        report["cycle, one organisation"] = {"median_ms": round(ms, 1), "organisation": one}
        print(f"cycle status of {one} with its evidence (page)  {ms:8.1f} ms", flush=True)

        search_times = {}
        for query, options in SEARCHES:
            params = {"q": query, "type": options.get("kinds", []), "org": options.get("orgs", []),
                      "sdg": options.get("sdgs", [])}
            ms, body = timed(lambda params=params: client.get("/api/search?" + urlencode(params, doseq=True)).data,
                             max(5, args.runs * 4))
            total = json.loads(body)["total"]
            search_times[f"{query} {options or ''}".strip()] = {"median_ms": round(ms, 2), "hits": total}
            print(f"  search {query!r} {options or ''}: {ms:6.2f} ms, {total} hits", flush=True)
        report["search"] = {"median_ms": round(statistics.median(v["median_ms"] for v in search_times.values()), 2),
                            "max_ms": max(v["median_ms"] for v in search_times.values()), "queries": search_times}
        print(f"search (/api/search), median over {len(SEARCHES)} queries  {report['search']['median_ms']:8.2f} ms",
              flush=True)
    finally:
        app.extensions["ssgraph"].close()

    print()
    for name, goal in GOALS_MS.items():
        if name not in report:
            continue
        measured = report[name]["median_ms"]
        print(f"{name:28} {measured:9.1f} ms  goal < {goal} ms: {'met' if measured < goal else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
