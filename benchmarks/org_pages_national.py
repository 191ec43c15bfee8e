"""Time the organisation pages and the comparison on the synthetic national dataset (issue 15's
goals: an organisation's page < 500 ms, municipality and region; 10 organisations compared
< 1 s, page and CSV).

Requests go to the Flask app of ``ssgraph serve`` in this process (its queries to its query
worker processes, with serve's settings) over a loaded store (benchmarks/find_national.py
--load-only, or a copy of one). Reported, each in milliseconds:

- the first requests after start: the organisation list, then a page;
- each sampled organisation's page the first time it is asked for (the server warm, the page
  not: nothing is kept per page) and the median of ``--runs`` more, for municipalities and
  regions (the largest of each included, and one with earlier versions, whose page shows a
  diff); beside it the median time of the page's cycle status alone (the same service call);
- 10 organisations compared, page and CSV: first time and median of ``--runs``; and 10 other
  organisations the first time;
- after a write (one small graph added, which changes the store's state, so everything kept
  per state is read again): the organisation list, a page and the comparison; the graph is
  dropped again at the end.

Usage: python benchmarks/org_pages_national.py --store COPY_OF_A_LOADED_STORE [--runs 5] [--json FILE]
The store is written to (the small graph, then its drop): give a copy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from rdflib import Graph, Literal, URIRef

GOALS_MS = {"organisation page, municipality": 500, "organisation page, region": 500,
            "compare 10 organisations": 1000, "compare 10 organisations, CSV": 1000}
SCRATCH_GRAPH = "urn:x-ssgraph-benchmark:scratch"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a loaded store (it is written to: a copy)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sample", type=int, default=8, help="municipalities timed (regions: a third of it)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-write", action="store_true",
                        help="leave out the requests after a write (e.g. to compare two versions of ssgraph on one store)")
    args = parser.parse_args(argv)
    report: dict[str, object] = {}

    from ssgraph.store import open_store
    from ssgraph.store.derived import refresh
    from ssgraph.web import create_app

    started = time.perf_counter()
    store = open_store(args.store)
    try:
        refresh(store, [])  # as `ssgraph serve` starts: the derived counts a store made before them lacks
    finally:
        store.close()
    report["derive_at_start_ms"] = ms_since(started)
    started = time.perf_counter()
    app = create_app({"store": str(args.store)})  # serve's settings: query workers, time limit
    client = app.test_client()
    report["app_start_ms"] = ms_since(started)

    def get(path: str, **params) -> float:
        start = time.perf_counter()
        response = client.get(path + ("?" + urlencode(params, doseq=True) if params else ""),
                              headers={"Accept": "text/csv" if params.get("format") == "csv" else "text/html"})
        took = ms_since(start)
        assert response.status_code == 200, (path, params, response.status_code, response.data[:300])
        return took

    def repeated(path: str, **params) -> dict[str, float]:
        first = get(path, **params)
        again = [get(path, **params) for _ in range(args.runs)]
        return {"first_ms": first, "median_ms": round(statistics.median(again), 1)}

    def cycle_part(code: str) -> float:
        """Median time of the page's SS 854000 cycle status alone (the same service call)."""
        from ssgraph import services
        from ssgraph.web.store_view import ReadView

        with app.test_request_context():
            known = services.organisations(ReadView())
            times = []
            for _ in range(max(1, args.runs)):
                start = time.perf_counter()
                services.cycle_status(ReadView(), code, known=known, with_evidence=False)
                times.append(ms_since(start))
        return round(statistics.median(times), 1)

    try:
        report["first organisation list after start"] = get("/org/")
        known = json.loads(client.get("/org/?format=json").data)["organisations"]
        codes = sorted(o["code"] for o in known)
        regions = [c for c in codes if c.startswith("00")]
        municipalities = [c for c in codes if not c.startswith("00")]
        largest = _largest(app, municipalities), _largest(app, regions)
        with_versions = _with_earlier_versions(app, municipalities)  # its page shows the changes: a diff
        report["first organisation page after start"] = {largest[0]: get(f"/org/{largest[0]}")}
        print(f"app start {report['app_start_ms']} ms; first list {report['first organisation list after start']} ms,"
              f" first page {report['first organisation page after start']} ms", flush=True)

        for name, group, count, big in (("municipality", municipalities, args.sample, largest[0]),
                                        ("region", regions, max(2, args.sample // 3), largest[1])):
            chosen = ([big, "0010"] if name == "region" else [big, *with_versions[:1]]) + group[1::max(1, len(group) // count)]
            chosen = list(dict.fromkeys(c for c in chosen if c in group))[:count]
            pages = {code: {**repeated(f"/org/{code}"), "cycle_part_ms": cycle_part(code)} for code in chosen}
            report[f"organisation page, {name}"] = {
                "median_ms": round(statistics.median(p["median_ms"] for p in pages.values()), 1),
                "first_view_median_ms": round(statistics.median(p["first_ms"] for p in pages.values()), 1),
                "max_ms": max(p["median_ms"] for p in pages.values()), "pages": pages}
            print(f"organisation page, {name}: median {report[f'organisation page, {name}']['median_ms']} ms,"
                  f" first views {report[f'organisation page, {name}']['first_view_median_ms']} ms  {pages}",
                  flush=True)

        ten = codes[:: max(1, len(codes) // 10)][:10]
        other = [c for c in codes[5:: max(1, len(codes) // 10)] if c not in ten][:10]
        report["compare 10 organisations"] = {**repeated("/org/compare", org=ten), "organisations": ten}
        report["compare 10 organisations"]["first_view_other_10_ms"] = get("/org/compare", org=other)
        report["compare 10 organisations, CSV"] = repeated("/org/compare", org=ten, format="csv")
        print(f"compare 10: page {report['compare 10 organisations']}, CSV {report['compare 10 organisations, CSV']}",
              flush=True)

        if not args.skip_write:
            _after_a_write(app, get, report, largest[0], ten)
    finally:
        app.extensions["ssgraph"].close()

    print()
    for name, goal in GOALS_MS.items():
        measured = report[name]["median_ms"]
        print(f"{name:34} {measured:9.1f} ms  goal < {goal} ms: {'met' if measured < goal else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


def _after_a_write(app, get, report: dict, page: str, ten: list[str]) -> None:
    scratch = Graph()
    scratch.add((URIRef("urn:x-ssgraph-benchmark:a"), URIRef("urn:x-ssgraph-benchmark:b"), Literal("x")))
    service = app.extensions["ssgraph"]
    start = time.perf_counter()
    service.write(lambda store: store.add_triples(SCRATCH_GRAPH, scratch))
    report["after a write"] = {"write_ms": ms_since(start), "organisation list": get("/org/"),
                               "organisation page": get(f"/org/{page}"),
                               "compare 10 organisations": get("/org/compare", org=ten)}
    print(f"after a write: {report['after a write']}", flush=True)
    service.write(lambda store: store.drop_graphs([SCRATCH_GRAPH]))


def ms_since(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def _largest(app, codes: list[str]) -> str:
    """The organisation with the most goals (from the store's derived summaries)."""
    from ssgraph.store.derived import SUMMARIES_GRAPH

    query = f"""PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT ?g (MAX(?n) AS ?goals) WHERE {{ GRAPH <{SUMMARIES_GRAPH}> {{
  ?row ssg:summaryOf ?g ; ssg:goalCount ?n FILTER NOT EXISTS {{ ?row ssg:groupedBy ?by }} }} }} GROUP BY ?g"""
    counts = {str(r["g"]).split("/org/", 1)[-1].split("/", 1)[0]: int(r["goals"])
              for r in app.extensions["ssgraph"].select(query)}
    return max(codes, key=lambda c: (counts.get(c, 0), c))


def _with_earlier_versions(app, codes: list[str]) -> list[str]:
    """Organisations with more than one version in the catalogue."""
    query = """PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT ?g WHERE { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?v ssg:graph ?g } }"""
    graphs = [str(r["g"]) for r in app.extensions["ssgraph"].select(query)]
    counts: dict[str, int] = {}
    for graph in graphs:
        code = graph.split("/org/", 1)[-1].split("/", 1)[0]
        counts[code] = counts.get(code, 0) + 1
    return [c for c in codes if counts.get(c, 0) > 1]


if __name__ == "__main__":
    main()
