"""A query worker: a separate process that opens the store read-only and answers queries.

pyoxigraph cannot interrupt a query running in-process, so the web layer sends every query
to one of these processes and kills the process when the time limit passes (see
``protection.QueryPool``). A worker re-opens the store when its directory changed (a load,
an update), so it always answers from the current state.

This module (with ``result_writers``) is the web layer's one contact with pyoxigraph: the
row limit needs the store's solution iterator (``EmbeddedStore._run``), which the public
``query_raw`` would serialise whole.

Messages in: ``QueryJob``; out: first ``("ready",)`` once the worker has started and opened
the store (so start-up never counts against a query's time limit), then per job
``("ok", kind, media_type, body)`` or ``("error", message_id, params)``.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from ssgraph.web.result_writers import MEDIA_TYPES, write_solutions


@dataclass(frozen=True)
class QueryJob:
    sparql: str
    result_format: str = "json"
    graph_format: str = "turtle"
    default_graph_uris: tuple[str, ...] = field(default_factory=tuple)
    named_graph_uris: tuple[str, ...] = field(default_factory=tuple)
    max_rows: int = 0  # 0: no limit


def store_fingerprint(directory: Path) -> tuple[str, int]:
    """Changes whenever the embedded store's content may have changed."""
    try:
        generation = (directory / "CURRENT").read_text(encoding="utf-8").strip()
        return generation, os.stat(directory / generation).st_mtime_ns
    except OSError:
        return "", 0


def _results_format(name: str):
    import pyoxigraph as ox

    return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[name]


def _answer(store, job: QueryJob):
    import pyoxigraph as ox

    result = store._run(job.sparql, list(job.default_graph_uris), list(job.named_graph_uris))
    limit = job.max_rows or None
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [tuple(s[v] for v in variables) for s in itertools.islice(result, limit + 1 if limit else None)]
        if limit and len(rows) > limit:
            return ("error", "web.too_many_rows", {"limit": limit})
        body = write_solutions(variables, rows)
        if job.result_format != "json":  # pyoxigraph's own serialiser, from the rows kept
            body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(
                format=_results_format(job.result_format))
        return ("ok", "select", MEDIA_TYPES[job.result_format], body)
    if isinstance(result, ox.QueryBoolean):
        return ("ok", "ask", MEDIA_TYPES[job.result_format], result.serialize(format=_results_format(job.result_format)))
    from ssgraph.store.embedded import OXIGRAPH_RDF_FORMAT

    triples = list(itertools.islice(result, limit + 1 if limit else None))
    if limit and len(triples) > limit:
        return ("error", "web.too_many_rows", {"limit": limit})
    rdf_format = OXIGRAPH_RDF_FORMAT[job.graph_format]
    if job.graph_format in ("nquads", "trig"):
        triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    body = ox.serialize(triples, format=rdf_format) or b""
    return ("ok", "graph", rdf_format.media_type, body)


def worker_main(conn: Connection, directory: str, memory_mb: int, allow_lists: str = "[[], []]") -> None:
    """Entry point of a worker process."""
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from ssgraph.errors import SsgraphError
    from ssgraph.store.embedded import EmbeddedStore
    from ssgraph.store.federation import FederationPolicy

    services, load_sources = json.loads(allow_lists)
    federation = FederationPolicy(tuple(services), tuple(load_sources))

    path = Path(directory)
    seen = store_fingerprint(path)
    store = EmbeddedStore(path, read_only=True, federation=federation)
    try:
        conn.send(("ready",))
    except (EOFError, OSError):
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            now = store_fingerprint(path)
            if now != seen:
                store.close()
                store = EmbeddedStore(path, read_only=True, federation=federation)
                seen = now
            reply = _answer(store, job)
        except SsgraphError as error:
            first = error.problems[0]
            reply = ("error", first.message_id, dict(first.params))
        except MemoryError:
            reply = ("error", "web.query_memory", {})
        except Exception as error:  # noqa: BLE001 - any failure becomes a message to the caller
            reply = ("error", "web.query_failed", {"detail": f"{type(error).__name__}: {error}"})
        try:
            conn.send(reply)
        except (EOFError, OSError, BrokenPipeError):
            return


def main(argv: list[str]) -> None:
    fd, directory, memory_mb = int(argv[0]), argv[1], int(argv[2])
    worker_main(Connection(fd), directory, memory_mb, *argv[3:4])


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
