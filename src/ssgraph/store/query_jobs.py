"""Bounded query execution: a query job, the errors of running one, and the runner interface.

A *runner* answers ``QueryJob``s within a time limit. Over an embedded store that is the
worker pool (``worker_pool.WorkerPool``: worker processes that can be killed at the limit,
with a lane for quick queries); over a remote store the remote service enforces its own
limits (``DirectRunner``). ``open_query_runner`` in ``ssgraph.store`` picks one.
"""

from __future__ import annotations

import asyncio
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ssgraph.errors import QueryError, problem
from ssgraph.store.base import RawResult


@dataclass(frozen=True)
class QueryJob:
    sparql: str
    result_format: str = "json"  # SELECT/ASK: json, xml, csv, tsv
    graph_format: str = "turtle"  # CONSTRUCT/DESCRIBE: an RDF format name
    default_graph_uris: tuple[str, ...] = field(default_factory=tuple)
    named_graph_uris: tuple[str, ...] = field(default_factory=tuple)
    max_rows: int = 0  # 0: no limit

    def encode(self) -> bytes:
        return json.dumps({
            "sparql": self.sparql, "result_format": self.result_format, "graph_format": self.graph_format,
            "default_graph_uris": self.default_graph_uris, "named_graph_uris": self.named_graph_uris,
            "max_rows": self.max_rows,
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def decode(cls, data: bytes) -> QueryJob:
        fields = json.loads(data)
        fields["default_graph_uris"] = tuple(fields["default_graph_uris"])
        fields["named_graph_uris"] = tuple(fields["named_graph_uris"])
        return cls(**fields)


class QueryTimeout(QueryError):
    """The query ran past the time limit and was stopped."""

    status = 504


class ServiceBusy(QueryError):
    """Too many demanding queries are running or waiting: try again later."""

    status = 503

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(problem("store.busy", seconds=retry_after))


class ClientBusy(QueryError):
    """This client already has as many demanding queries as it may have at once."""

    status = 429

    def __init__(self, count: int, retry_after: int):
        self.retry_after = retry_after
        super().__init__(problem("store.client_busy", count=count))


class TooManyRows(QueryError):
    def __init__(self, limit: int):
        super().__init__(problem("store.too_many_rows", limit=limit))


class QueryRunner(ABC):
    """Answers query jobs within the time limit it was made with."""

    #: the runner stops queries at the time limit itself (embedded); else the remote service does
    enforces_time_limit: bool = False

    @abstractmethod
    def run(self, job: QueryJob, client: str = "") -> RawResult:
        """Answer a job from any thread but the runner's own event loop."""

    async def run_async(self, job: QueryJob, client: str = "") -> RawResult:
        """Answer a job from an event loop without blocking it."""
        return await asyncio.to_thread(self.run, job, client)

    def close(self) -> None:  # noqa: B027 - an optional hook
        """Stop whatever the runner started."""


class DirectRunner(QueryRunner):
    """Queries against a remote store: the remote service enforces its own limits."""

    def __init__(self, store):
        self.store = store

    def run(self, job: QueryJob, client: str = "") -> RawResult:
        return self.store.query_raw(
            job.sparql, job.result_format, job.graph_format,
            list(job.default_graph_uris) or None, list(job.named_graph_uris) or None,
        )

    def close(self) -> None:
        self.store.close()
