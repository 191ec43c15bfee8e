"""The query worker pool: bounded, fair query execution over an embedded store.

Every query runs in a worker process (``query_worker``) that is killed when the query
passes the time limit. The pool keeps two lanes so that demanding queries never starve
quick ones:

- **quick lane**: a new query takes a free worker at once (``workers`` of them; while
  all are busy, waiting clients are served in turn, one client after another);
- **demanding lane**: a query still running after ``heavy_after`` seconds is demanding. It
  keeps running if one of the ``heavy_slots`` is free; if not, it is stopped and waits in
  the demanding queue for a slot (and the pool remembers the query text, so the next time
  it queues at once). A full queue, or a wait longer than the time limit, is answered
  with ``ServiceBusy`` (HTTP 503 with Retry-After); a client with ``heavy_per_client``
  demanding queries already running or waiting gets ``ClientBusy`` (HTTP 429).

So a quick query waits at most ``heavy_after`` for a worker, however many demanding
queries run, and the demanding ones share ``heavy_slots`` processes instead of every
core.

All of the pool's state lives on one asyncio event loop, with no locks: the web front's
loop when it attaches one (``attach``), else a loop thread of the pool's own, started by
the first synchronous ``run``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import math
import os
import socket
import subprocess
import sys
import threading
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path

from ssgraph.errors import QueryError, problem
from ssgraph.store.base import RawResult
from ssgraph.store.embedded import ReadOnlyView
from ssgraph.store.federation import REFUSAL_IDS, FederationPolicy, RefusedQuery
from ssgraph.store.frames import pack
from ssgraph.store.query_jobs import (
    ClientBusy,
    QueryJob,
    QueryRunner,
    QueryTimeout,
    ServiceBusy,
)

KNOWN_HEAVY_REMEMBERED = 256
PROVEN_CHEAP_REMEMBERED = 4096
WORKER_START_SECONDS = 120.0


@dataclass(frozen=True)
class PoolLimits:
    time_limit: float = 30.0
    workers: int = 4  # processes for the quick lane
    heavy_after: float = 0.25  # seconds after which a running query is demanding
    heavy_slots: int = 1  # demanding queries running at once
    heavy_queue: int = 16  # demanding queries waiting for a slot
    heavy_per_client: int = 4  # demanding queries (running or waiting) one client may have
    cheap_seconds: float = 0.002  # a query a worker answered this fast may run in-process next time
    memory_mb: int = 2048  # address-space limit of a worker process; 0: none

    @property
    def retry_after(self) -> int:
        return max(1, math.ceil(self.time_limit))


class _Worker:
    """One worker process and its socket, read on the event loop as replies arrive."""

    def __init__(self, process: subprocess.Popen, sock: socket.socket, loop: asyncio.AbstractEventLoop):
        self.process, self.sock, self.loop = process, sock, loop
        self.buffer = bytearray()
        self.ready = loop.create_future()  # the worker's first (empty) frame: store open
        self.reply: asyncio.Future | None = None
        self.broken = False
        sock.setblocking(False)
        loop.add_reader(sock.fileno(), self._readable)

    def alive(self) -> bool:
        return not self.broken and self.process.poll() is None

    def _readable(self) -> None:
        try:
            data = self.sock.recv(1 << 20)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._break(ConnectionError("the query worker ended"))
            return
        self.buffer += data
        while len(self.buffer) >= 4:
            size = int.from_bytes(self.buffer[:4], "big")
            if len(self.buffer) < 4 + size:
                break
            payload = bytes(self.buffer[4:4 + size])
            del self.buffer[:4 + size]
            waiting = self.ready if not self.ready.done() else self.reply
            self.reply = None
            if waiting is not None and not waiting.done():
                waiting.set_result(payload)

    def _break(self, reason: Exception) -> None:
        if not self.broken:
            self.broken = True
            with contextlib.suppress(ValueError, OSError):
                self.loop.remove_reader(self.sock.fileno())
        for waiting in (self.ready, self.reply):
            if waiting is not None and not waiting.done():
                waiting.set_exception(reason)
        self.reply = None

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        self._break(ConnectionError("the query worker was stopped"))
        self.sock.close()
        threading.Thread(target=self.process.wait, daemon=True).start()  # reap it

    def stop(self, unregister: bool) -> None:
        """Kill the process and wait for it (closing the pool)."""
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        if unregister and not self.broken:
            self.broken = True
            with contextlib.suppress(ValueError, OSError, RuntimeError):
                self.loop.remove_reader(self.sock.fileno())
        self.sock.close()

    def send(self, job: QueryJob) -> asyncio.Future:
        """Send a job; the returned future gets the worker's reply frame."""
        self.reply = self.loop.create_future()
        data = pack(job.encode())
        try:
            sent = self.sock.send(data)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError as error:
            self._break(ConnectionError(str(error)))
            return self.reply
        if sent < len(data):  # a large query text: the rest as the socket drains
            self.loop.create_task(self.loop.sock_sendall(self.sock, data[sent:]))
        return self.reply


def _result(payload: bytes) -> tuple[RawResult, float, tuple]:
    """A worker's reply: the result, the seconds the query took there, the store state it read."""
    header, _, body = payload.partition(b"\n")
    meta = json.loads(header)
    if meta["ok"]:
        return RawResult(meta["kind"], meta["media_type"], body), meta["seconds"], tuple(meta["stamp"])
    error_class = RefusedQuery if meta["id"] in REFUSAL_IDS else QueryError
    raise error_class(problem(meta["id"], **meta["params"]))


async def _settled(future: asyncio.Future, seconds: float) -> bool:
    """Wait up to ``seconds`` for ``future``; whether it is done (it is not cancelled)."""
    if not future.done():
        await asyncio.wait((future,), timeout=max(0.0, seconds))
    return future.done()


_KEYED_BY_TEXT_UP_TO = 2000  # characters: the job itself is the key (the pool remembers 4,352 jobs: tens of MB at most)


def _job_key(job: QueryJob) -> tuple | bytes:
    """What names the job in the pool's memory: its fields, or for a long text a digest of
    them (each length-prefixed, so no two jobs share one)."""
    fields = (job.sparql, job.result_format, job.graph_format, job.max_rows, job.default_graph_uris,
              job.named_graph_uris)
    if len(job.sparql) <= _KEYED_BY_TEXT_UP_TO:
        return fields
    parts = [job.sparql, job.result_format, job.graph_format, str(job.max_rows),
             *job.default_graph_uris, "", *job.named_graph_uris]
    return hashlib.blake2b("".join(f"{len(part)}:{part}" for part in parts).encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


class WorkerPool(QueryRunner):
    enforces_time_limit = True

    def __init__(self, directory: Path, limits: PoolLimits, federation: FederationPolicy | None = None):
        self.directory = Path(directory)
        self.limits = limits
        self.federation = federation or FederationPolicy()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._own_thread: threading.Thread | None = None
        self._bind_lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._workers: set[_Worker] = set()
        self._starting = 0
        self._quick_busy = 0
        self._quick_waiting: OrderedDict[str, deque[asyncio.Future]] = OrderedDict()
        self._heavy_running = 0
        self._heavy_waiting: deque[asyncio.Future] = deque()
        self._heavy_by_client: Counter[str] = Counter()
        self._known_heavy: OrderedDict[tuple | bytes, None] = OrderedDict()
        self._proven_cheap: OrderedDict[tuple | bytes, tuple] = OrderedDict()  # job → store state it was cheap on
        self._view: ReadOnlyView | None = None
        self._starting_workers: set[_Worker] = set()
        self._closed = False

    # -- the event loop ----------------------------------------------------------------
    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Run on ``loop`` (the caller's running loop); start the first workers."""
        with self._bind_lock:
            if self._loop is None:
                self._loop = loop
        if self._loop is loop:
            self.warm()

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._bind_lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def run() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()

                self._own_thread = threading.Thread(target=run, name="ssgraph-query-pool", daemon=True)
                self._own_thread.start()
                ready.wait()
                self._loop = loop
                loop.call_soon_threadsafe(self.warm)
            return self._loop

    def run(self, job: QueryJob, client: str = "") -> RawResult:
        loop = self._ensure_loop()
        if _running_loop() is loop:
            raise RuntimeError("WorkerPool.run was called on the pool's own event loop; await run_async")
        return asyncio.run_coroutine_threadsafe(self.run_async(job, client), loop).result()

    # -- workers -----------------------------------------------------------------------
    @property
    def _capacity(self) -> int:
        return self.limits.workers + self.limits.heavy_slots

    def warm(self) -> None:
        """Start workers up to the quick lane's size (in the background, on the pool's loop)."""
        missing = self.limits.workers - len(self._workers) - self._starting
        for _ in range(max(0, missing)):
            self._starting += 1
            self._loop.create_task(self._start_idle())

    async def _start_idle(self) -> None:
        try:
            worker = await self._launch()
        except QueryError:
            return
        finally:
            self._starting -= 1
        self._give_back(worker)

    async def _launch(self) -> _Worker:
        parent, child = socket.socketpair()
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "ssgraph.store.query_worker", str(child.fileno()),
                 str(self.directory), str(self.limits.memory_mb),
                 json.dumps([self.federation.services, self.federation.load_sources])],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, close_fds=True,
            )
        finally:
            child.close()
        worker = _Worker(process, parent, self._loop)
        self._starting_workers.add(worker)  # close() stops it even before it is ready
        try:  # the worker says it is ready (store open) with an empty frame
            await asyncio.wait_for(asyncio.shield(worker.ready), WORKER_START_SECONDS)
        except (TimeoutError, OSError):
            worker.kill()
            raise QueryError(problem("store.worker_failed", detail="the query worker did not start")) from None
        finally:
            self._starting_workers.discard(worker)
        if self._closed:
            worker.kill()
            raise QueryError(problem("store.worker_failed", detail="the pool is closed"))
        self._workers.add(worker)
        return worker

    async def _take_worker(self) -> _Worker:
        while self._idle:
            worker = self._idle.pop()
            if worker.alive():
                return worker
            self._workers.discard(worker)
        self._starting += 1
        try:
            return await self._launch()
        finally:
            self._starting -= 1

    def _give_back(self, worker: _Worker) -> None:
        if worker.alive() and not self._closed and len(self._workers) <= self._capacity:
            self._idle.append(worker)
        else:
            self._discard(worker)

    def _discard(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        worker.kill()

    # -- the quick lane ----------------------------------------------------------------
    async def _enter_quick(self, client: str) -> None:
        if self._quick_busy < self.limits.workers and not self._quick_waiting:
            self._quick_busy += 1
            return
        turn = self._loop.create_future()
        self._quick_waiting.setdefault(client, deque()).append(turn)
        try:
            await turn  # _leave_quick hands its place over (the count stays)
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._leave_quick()
            else:
                self._drop_waiter(client, turn)
            raise

    def _drop_waiter(self, client: str, turn: asyncio.Future) -> None:
        waiting = self._quick_waiting.get(client)
        if waiting and turn in waiting:
            waiting.remove(turn)
            if not waiting:
                del self._quick_waiting[client]

    def _leave_quick(self) -> None:
        while self._quick_waiting:  # the next client in turn gets the place
            client, waiting = self._quick_waiting.popitem(last=False)
            turn = waiting.popleft()
            if waiting:
                self._quick_waiting[client] = waiting  # to the back of the line
            if not turn.done():
                turn.set_result(None)
                return
        self._quick_busy -= 1

    # -- the demanding lane ------------------------------------------------------------
    def _remember_heavy(self, key: tuple | bytes) -> None:
        self._known_heavy[key] = None
        self._known_heavy.move_to_end(key)
        while len(self._known_heavy) > KNOWN_HEAVY_REMEMBERED:
            self._known_heavy.popitem(last=False)

    async def _enter_heavy(self, client: str) -> None:
        if self._heavy_by_client[client] >= self.limits.heavy_per_client:
            raise ClientBusy(self._heavy_by_client[client], self.limits.retry_after)
        if self._heavy_running < self.limits.heavy_slots and not self._heavy_waiting:
            self._heavy_running += 1
        else:
            if len(self._heavy_waiting) >= self.limits.heavy_queue:
                raise ServiceBusy(self.limits.retry_after)
            turn = self._loop.create_future()
            self._heavy_waiting.append(turn)
            self._heavy_by_client[client] += 1
            try:
                await asyncio.wait_for(asyncio.shield(turn), self.limits.time_limit)
            except (TimeoutError, asyncio.CancelledError) as reason:
                if turn.done() and not turn.cancelled():
                    self._leave_heavy()  # the slot came just now: pass it on
                else:
                    turn.cancel()
                    with contextlib.suppress(ValueError):
                        self._heavy_waiting.remove(turn)
                if isinstance(reason, asyncio.CancelledError):
                    raise
                raise ServiceBusy(self.limits.retry_after) from None
            finally:
                self._release_client(client)
        self._heavy_by_client[client] += 1

    def _release_client(self, client: str) -> None:
        self._heavy_by_client[client] -= 1
        if self._heavy_by_client[client] <= 0:
            del self._heavy_by_client[client]

    def _leave_heavy(self) -> None:
        while self._heavy_waiting:
            turn = self._heavy_waiting.popleft()
            if not turn.done():
                turn.set_result(None)  # the slot passes to the next in the queue
                return
        self._heavy_running -= 1

    # -- running a job -----------------------------------------------------------------
    def _in_process(self, key: tuple | bytes, job: QueryJob) -> RawResult | None:
        """The answer computed here, for a job a worker proved cheap on the store's current state.

        The same query over the same data does the same work, so a job that took a worker
        under ``cheap_seconds`` cannot run long here either, and skips the process hop.
        """
        proven = self._proven_cheap.get(key)
        if proven is None:
            return None
        if self._view is None:
            self._view = ReadOnlyView(self.directory, self.federation)
        stamp = self._view.stamp()
        if stamp != proven:
            del self._proven_cheap[key]
            return None
        return self._view.store(stamp).answer(job)

    def _remember(self, key: tuple | bytes, seconds: float, stamp: tuple) -> None:
        if seconds < self.limits.cheap_seconds and stamp:
            self._proven_cheap[key] = stamp
            self._proven_cheap.move_to_end(key)
            while len(self._proven_cheap) > PROVEN_CHEAP_REMEMBERED:
                self._proven_cheap.popitem(last=False)

    async def run_async(self, job: QueryJob, client: str = "") -> RawResult:
        if self._loop is None:
            self.attach(asyncio.get_running_loop())
        key = _job_key(job)
        local = self._in_process(key, job)
        if local is not None:
            return local
        if key in self._known_heavy:
            return await self._run_heavy(job, client)
        await self._enter_quick(client)
        try:
            worker = await self._take_worker()
        except BaseException:
            self._leave_quick()
            raise
        reply = worker.send(job)
        try:
            done = await _settled(reply, self.limits.heavy_after)
        except asyncio.CancelledError:
            self._discard(worker)
            self._leave_quick()
            raise
        if done:
            self._leave_quick()
            result, seconds, stamp = self._finish(worker, reply)
            self._remember(key, seconds, stamp)
            return result
        # still running: a demanding query
        self._remember_heavy(key)
        promoted = (self._heavy_running < self.limits.heavy_slots and not self._heavy_waiting
                    and self._heavy_by_client[client] < self.limits.heavy_per_client)
        if promoted:
            self._heavy_running += 1
            self._heavy_by_client[client] += 1
        self._leave_quick()
        if not promoted:
            self._discard(worker)  # stopped: it waits for a slot like any demanding query
            self.warm()
            return await self._run_heavy(job, client)
        self.warm()  # the quick lane gets a worker in place of this one
        try:
            return (await self._await_reply(worker, reply, self.limits.time_limit - self.limits.heavy_after))[0]
        finally:
            self._release_client(client)
            self._leave_heavy()

    async def _run_heavy(self, job: QueryJob, client: str) -> RawResult:
        await self._enter_heavy(client)
        try:
            worker = await self._take_worker()
            return (await self._await_reply(worker, worker.send(job), self.limits.time_limit))[0]
        finally:
            self._release_client(client)
            self._leave_heavy()

    async def _await_reply(self, worker: _Worker, reply: asyncio.Future,
                           seconds: float) -> tuple[RawResult, float, tuple]:
        try:
            done = await _settled(reply, seconds)
        except asyncio.CancelledError:
            self._discard(worker)
            raise
        if not done:
            self._discard(worker)  # the query really stops
            raise QueryTimeout(problem("store.query_timeout", seconds=f"{self.limits.time_limit:g}"))
        return self._finish(worker, reply)

    def _finish(self, worker: _Worker, reply: asyncio.Future) -> tuple[RawResult, float, tuple]:
        try:
            payload = reply.result()
        except (ConnectionError, OSError):
            self._discard(worker)
            raise QueryError(problem("store.worker_failed", detail="the query worker ended")) from None
        self._give_back(worker)
        return _result(payload)

    # -- state for tests and monitoring ------------------------------------------------
    def worker_pids(self) -> set[int]:
        return {w.process.pid for w in list(self._workers) if w.alive()}

    def close(self) -> None:
        """Stop the workers (and the pool's own loop thread, if it has one)."""
        self._closed = True
        loop, thread = self._loop, self._own_thread
        if thread is not None and loop is not None and loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
        same_thread = thread is None and loop is not None and _running_loop() is loop
        for worker in set(self._workers) | set(self._idle) | set(self._starting_workers):
            worker.stop(unregister=same_thread or thread is not None)
        self._starting_workers.clear()
        self._workers.clear()
        self._idle.clear()
        if thread is not None and loop is not None and not loop.is_running():
            loop.close()
        if self._view is not None:
            self._view.close()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def default_limits(settings: dict) -> PoolLimits:
    """The pool's limits from the service settings (see ``ssgraph.settings``)."""
    return PoolLimits(
        time_limit=float(settings["query_time_limit"]),
        workers=max(1, int(settings["query_workers"])),
        heavy_after=float(settings.get("heavy_query_after", 0.25)),
        heavy_slots=max(1, int(settings.get("heavy_query_slots") or max(1, (os.cpu_count() or 2) // 2))),
        heavy_queue=max(0, int(settings.get("heavy_query_queue", 16))),
        heavy_per_client=max(1, int(settings.get("heavy_queries_per_client", 4))),
        memory_mb=int(settings["worker_memory_mb"]),
    )
