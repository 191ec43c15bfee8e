"""A query worker: a process that opens the embedded store read-only and answers query jobs.

pyoxigraph cannot interrupt a query running in-process, so queries with a time limit run
in these processes, and the pool (``worker_pool``) kills a process whose query passes the
limit: the query really stops. A worker re-opens the store when its content changed (a
load, an update), so it always answers from the current state.

It talks over a socket in frames (``frames``): a ``QueryJob`` in, and out a JSON header line
(``{"ok": true, "kind": …, "media_type": …}`` or ``{"ok": false, "id": message id,
"params": {…}}``) followed by the serialised result. No pickling: the result bytes are
written once, by Oxigraph, and sent as they are.

    python -m ssgraph.store.query_worker FD STORE_DIRECTORY MEMORY_LIMIT_MB '[[services], [load sources]]'
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import socket
import sys
import time
from pathlib import Path

from ssgraph.store.frames import read_frame, write_frame


def _reply_ok(kind: str, media_type: str, body: bytes, seconds: float, stamp: tuple) -> bytes:
    header = json.dumps({"ok": True, "kind": kind, "media_type": media_type, "seconds": seconds,
                         "stamp": stamp}).encode("utf-8")
    return header + b"\n" + body


def _reply_error(message_id: str, params: dict) -> bytes:
    return json.dumps({"ok": False, "id": message_id, "params": params}, ensure_ascii=False,
                      default=str).encode("utf-8") + b"\n"


def answer(view, data: bytes) -> bytes:
    """The reply to one job: the result with the seconds it took and the store state it read."""
    from ssgraph.errors import SsgraphError
    from ssgraph.store.query_jobs import QueryJob

    try:
        stamp = view.stamp()
        started = time.perf_counter()
        raw = view.store(stamp).answer(QueryJob.decode(data))
        return _reply_ok(raw.kind, raw.media_type, raw.body, time.perf_counter() - started, stamp)
    except SsgraphError as error:
        first = error.problems[0]
        return _reply_error(first.message_id, dict(first.params))
    except MemoryError:
        return _reply_error("store.query_memory", {})
    except Exception as error:  # noqa: BLE001 - any failure becomes a message to the caller
        return _reply_error("store.worker_failed", {"detail": f"{type(error).__name__}: {error}"})


def serve(sock: socket.socket, directory: Path, federation) -> None:
    from ssgraph.store.embedded import ReadOnlyView

    view = ReadOnlyView(directory, federation)
    with contextlib.suppress(Exception):  # each job reports what went wrong
        view.store(view.stamp())  # open the store before saying so
    try:
        write_frame(sock, b"")  # ready
    except OSError:
        return
    while True:
        try:
            data = read_frame(sock)
        except OSError:
            return
        if data is None:
            return
        try:
            write_frame(sock, answer(view, data))
        except OSError:
            return


def main(argv: list[str]) -> None:
    from ssgraph.store.federation import FederationPolicy

    fd, directory, memory_mb = int(argv[0]), argv[1], int(argv[2])
    services, load_sources = json.loads(argv[3]) if len(argv) > 3 else ([], [])
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sock = socket.socket(fileno=fd)
    sock.setblocking(True)
    os.set_inheritable(fd, False)
    serve(sock, Path(directory), FederationPolicy(tuple(services), tuple(load_sources)))


if __name__ == "__main__":
    main(sys.argv[1:])
