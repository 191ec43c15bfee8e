"""The service's view of the store: reads through the store's query runner, writes one at a time.

Web processes never keep the embedded store open for writing (several web processes share
it): reads go to the read-only query workers of ``store.open_query_runner``; a write opens
the store read-write under an exclusive file lock, runs, and closes it, after which the
workers see the new state.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from flask import current_app
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ssgraph.store import (
    QueryJob,
    QueryRunner,
    RawResult,
    Store,
    default_location,
    generation_key,
    is_remote,
    open_query_runner,
    open_store,
)
from ssgraph.store.federation import FederationPolicy

WRITE_LOCK_FILE = ".web-write.lock"


def _term(binding: dict[str, str]) -> Node:
    kind = binding["type"]
    if kind == "uri":
        return URIRef(binding["value"])
    if kind == "bnode":
        return BNode(binding["value"])
    return Literal(binding["value"], lang=binding.get("xml:lang"),
                   datatype=URIRef(binding["datatype"]) if "datatype" in binding else None)


class Service:
    def __init__(self, settings: dict[str, Any]):
        self.settings = settings
        self.federation = FederationPolicy.from_settings(settings)
        location = settings.get("store")
        self.remote = is_remote(location)
        self.directory: Path | None = None
        if self.remote:
            self.runner: QueryRunner = open_query_runner(location, settings)
        else:
            self.directory = Path(location).expanduser() if location else default_location()
            if not (self.directory / "CURRENT").exists():
                self._open().close()  # create an empty store
            self.runner = open_query_runner(self.directory, settings)

    def _open(self, read_only: bool = False) -> Store:
        location = self.settings["store"] if self.remote else self.directory
        return open_store(location, read_only=read_only and not self.remote, federation=self.federation)

    # -- reading ---------------------------------------------------------------
    @property
    def time_limit(self) -> float:
        return float(self.settings["query_time_limit"])

    def run(self, job: QueryJob, client: str = "") -> RawResult:
        """Answer a job (from a request thread); ``client`` is whom the per-client limits count."""
        return self.runner.run(job, client)

    async def run_async(self, job: QueryJob, client: str = "") -> RawResult:
        """Answer a job from the web front's event loop."""
        return await self.runner.run_async(job, client)

    def select(self, sparql: str) -> list[dict[str, Node]]:
        raw = self.run(QueryJob(sparql, result_format="json"))
        document = json.loads(raw.body)
        return [{name: _term(value) for name, value in row.items()}
                for row in document["results"]["bindings"]]

    def ask(self, sparql: str) -> bool:
        return bool(json.loads(self.run(QueryJob(sparql, result_format="json")).body)["boolean"])

    def construct(self, sparql: str) -> Graph:
        raw = self.run(QueryJob(sparql, graph_format="ntriples"))
        graph = Graph()
        graph.parse(data=raw.body.decode("utf-8"), format="nt")
        return graph

    def state_key(self) -> str:
        """Changes whenever the data may have changed (for caches such as dumps)."""
        return generation_key(self.directory) if self.directory is not None else "remote"

    @contextlib.contextmanager
    def reading(self) -> Iterator[Store]:
        """A read-only handle for bulk reads without a time limit (dumps)."""
        store = self._open(read_only=True)
        try:
            yield store
        finally:
            store.close()

    # -- writing ---------------------------------------------------------------
    @contextlib.contextmanager
    def writable(self) -> Iterator[Store]:
        """The store opened for writing, one writer at a time across web processes."""
        if self.remote:
            store = self._open()
            try:
                yield store
            finally:
                store.close()
            return
        assert self.directory is not None
        with open(self.directory / WRITE_LOCK_FILE, "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            store = self._open()
            try:
                yield store
            finally:
                store.close()
                fcntl.flock(lock, fcntl.LOCK_UN)

    def write(self, action: Callable[[Store], Any]) -> Any:
        with self.writable() as store:
            return action(store)

    def close(self) -> None:
        self.runner.close()


def service() -> Service:
    return current_app.extensions["ssgraph"]
