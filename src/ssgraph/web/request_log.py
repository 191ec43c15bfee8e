"""A request id for every request, an access log line for every response, and an error log
entry (with traceback) for every failure.

The id is the client's ``X-Request-Id`` when it is a plain token, else a new one; it is
returned in ``X-Request-Id``, written on every log line of the request and put in the body of
a 500, so a user's report can be found in the log.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import threading
import time

from flask import Flask, Response, g, request

ACCESS = logging.getLogger("ssgraph.access")
ERRORS = logging.getLogger("ssgraph.error")
_CLIENT_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def request_id() -> str:
    return getattr(g, "request_id", "-")


# 16 hex digits: 8 random per process (and per fork), then a counter
_ids = {"pid": 0, "prefix": "", "count": itertools.count()}


def new_request_id(given: str | None) -> str:
    """The client's X-Request-Id when it is a plain token, else a new one (unique in the log:
    a random prefix drawn once per process, then a counter)."""
    if given and _CLIENT_ID.fullmatch(given):
        return given
    if _ids["pid"] != os.getpid():
        _ids.update(pid=os.getpid(), prefix=os.urandom(4).hex(), count=itertools.count())
    return f"{_ids['prefix']}{next(_ids['count']) & 0xFFFFFFFF:08x}"


_ACCESS_FORMAT = "%s %s %s %sB %sms"
_templates: dict[tuple[int, int], logging.LogRecord] = {}  # (process, thread) → the first record made there


def _access_record(args: tuple) -> logging.LogRecord:
    """A new access record, as ``Logger.makeRecord`` makes it, without redoing for every
    request what stays the same in a thread (the caller's file, the thread's and the
    process's names): a copy of the thread's first record, with its time and message set."""
    key = (os.getpid(), threading.get_ident())
    template = _templates.get(key)
    if template is None:
        if len(_templates) > 256:  # threads come and go
            _templates.clear()
        template = _templates[key] = ACCESS.makeRecord(ACCESS.name, logging.INFO, __file__, 0, _ACCESS_FORMAT, (),
                                                       None, "log_access")
    record = object.__new__(type(template))
    record.__dict__.update(template.__dict__)
    record.created = now = time.time()
    record.msecs = int((now - int(now)) * 1000) + 0.0
    record.relativeCreated = (now - logging._startTime) * 1000  # as LogRecord.__init__ does
    record.args = args
    return record


def log_access(rid: str, method: str, path: str, query: str, status: int, size: int | None, started: float,
               remote: str | None, user_agent: str | None) -> None:
    """The access line of one response (also written by the web front, ``web.front``).

    The record is made by ``_access_record`` rather than by ``Logger.info``, which looks up
    the calling frame, the thread and the process for every request: the same record, at
    a fraction of the cost of a quick query's answer.
    """
    if not ACCESS.isEnabledFor(logging.INFO):
        return
    duration_ms = round(1000 * (time.perf_counter() - started), 1)
    record = _access_record(
        (method, path + ("?" + query if query else ""), status, size if size is not None else "-", duration_ms))
    record.__dict__.update(request_id=rid, method=method, path=path, query=query[:500], status=status, bytes=size,
                           duration_ms=duration_ms, remote=remote, user_agent=(user_agent or "")[:200])
    ACCESS.handle(record)


def _start() -> None:
    g.request_id = new_request_id(request.headers.get("X-Request-Id", ""))
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers["X-Request-Id"] = request_id()
    log_access(request_id(), request.method, request.path, request.query_string.decode("latin-1"),
               response.status_code, response.calculate_content_length(),
               getattr(g, "started", time.perf_counter()), request.remote_addr, request.user_agent.string)
    return response


def log_failure(error: BaseException) -> None:
    """An unexpected failure, with its traceback and the request it happened in."""
    ERRORS.error("%s %s failed: %s", request.method, request.path, error,
                 exc_info=(type(error), error, error.__traceback__),
                 extra={"request_id": request_id(), "method": request.method, "path": request.path})


def register(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
