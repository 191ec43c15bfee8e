"""Protection of the public endpoint: time limit, row limit (SERVICE and LOAD: the store's
federation check, ``ssgraph.store.federation``, which every query passes).

Time limit: every query against an embedded store runs in a worker process
(``query_worker``); when the limit passes, that process is killed — the query really stops
— and a fresh worker takes its place while the other workers keep answering.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from ssgraph.errors import QueryError, problem
from ssgraph.store.base import RawResult
from ssgraph.store.federation import REFUSAL_IDS, FederationPolicy, RefusedQuery
from ssgraph.web.query_worker import QueryJob


class QueryTimeout(QueryError):
    status = 504


class ServiceBusy(QueryError):
    status = 503


__all__ = ["DirectRunner", "QueryPool", "QueryTimeout", "RefusedQuery", "ServiceBusy"]


# -- the worker pool -----------------------------------------------------------------------


@dataclass
class _Worker:
    process: subprocess.Popen
    conn: Connection

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        try:
            self.conn.close()
        except OSError:
            pass


WORKER_START_SECONDS = 120


class QueryPool:
    """Worker processes answering queries over an embedded store, each killable at the limit."""

    def __init__(self, directory: Path, size: int, memory_mb: int = 0,
                 federation: FederationPolicy | None = None):
        self.directory = Path(directory)
        self.federation = federation or FederationPolicy()
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(self.size)

    def _start(self) -> _Worker:
        # a plain subprocess (not multiprocessing's spawn, which re-imports the caller's
        # __main__) talking over a socket pair with multiprocessing's message framing
        parent, child = socket.socketpair()
        process = subprocess.Popen(
            [sys.executable, "-m", "ssgraph.web.query_worker", str(child.fileno()),
             str(self.directory), str(self.memory_mb),
             json.dumps([self.federation.services, self.federation.load_sources])],
            pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, close_fds=True,
        )
        child.close()
        worker = _Worker(process, Connection(os.dup(parent.fileno())))
        parent.close()
        with self._lock:
            self._all.append(worker)
        # wait for the worker to start and open the store: start-up (seconds on a busy
        # machine) must not count against the time limit of the query it will answer
        try:
            ready = worker.conn.poll(WORKER_START_SECONDS) and worker.conn.recv() == ("ready",)
        except (EOFError, OSError):
            ready = False
        if not ready:
            self._retire(worker)
            raise QueryError(problem("web.query_failed", detail="worker process did not start"))
        return worker

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    if not self._idle and len(self._all) < self.size:
                        self.warm()  # keep a spare ready, so a slow query does not delay the next
                    return worker
                self._all.remove(worker)
        return self._start()

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def warm(self) -> None:
        """Start one worker ahead of the first query (in the background)."""
        def start() -> None:
            try:
                worker = self._start()
            except QueryError:
                return  # the pool was closed meanwhile, or the spare failed: the next query starts its own
            with self._lock:
                self._idle.append(worker)
        threading.Thread(target=start, daemon=True).start()

    def run(self, job: QueryJob, time_limit: float) -> RawResult:
        if not self._slots.acquire(timeout=time_limit):
            raise ServiceBusy(problem("web.busy"))
        try:
            worker = self._take()
            try:
                worker.conn.send(job)
                ready = worker.conn.poll(time_limit)
                reply = worker.conn.recv() if ready else None
            except (EOFError, OSError):
                self._retire(worker)
                raise QueryError(problem("web.query_failed", detail="worker process ended")) from None
            if reply is None:
                self._retire(worker)
                self._replace_in_background()
                raise QueryTimeout(problem("web.query_timeout", seconds=f"{time_limit:g}"))
            with self._lock:
                self._idle.append(worker)
        finally:
            self._slots.release()
        if reply[0] == "ok":
            return RawResult(reply[1], reply[2], reply[3])
        error_class = RefusedQuery if reply[1] in REFUSAL_IDS else QueryError
        raise error_class(problem(reply[1], **reply[2]))

    def _replace_in_background(self) -> None:
        with self._lock:
            if self._idle:
                return
        self.warm()

    def close(self) -> None:
        with self._lock:
            workers, self._all, self._idle = list(self._all), [], []
        for worker in workers:
            worker.kill()


class DirectRunner:
    """Queries against a remote store: the remote service enforces its own limits."""

    def __init__(self, store):
        self.store = store

    def run(self, job: QueryJob, time_limit: float) -> RawResult:
        return self.store.query_raw(
            job.sparql, job.result_format, job.graph_format,
            list(job.default_graph_uris) or None, list(job.named_graph_uris) or None,
        )

    def close(self) -> None:
        self.store.close()
