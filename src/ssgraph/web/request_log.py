"""A request id for every request, an access log line for every response, and an error log
entry (with traceback) for every failure.

The id is the client's ``X-Request-Id`` when it is a plain token, else a new one; it is
returned in ``X-Request-Id``, written on every log line of the request and put in the body of
a 500, so a user's report can be found in the log.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, request

ACCESS = logging.getLogger("ssgraph.access")
ERRORS = logging.getLogger("ssgraph.error")
_CLIENT_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def request_id() -> str:
    return getattr(g, "request_id", "-")


def new_request_id(given: str | None) -> str:
    """The client's X-Request-Id when it is a plain token, else a new one."""
    return given if given and _CLIENT_ID.fullmatch(given) else uuid.uuid4().hex[:16]


def log_access(rid: str, method: str, path: str, query: str, status: int, size: int | None, started: float,
               remote: str | None, user_agent: str | None) -> None:
    """The access line of one response (also written by the web front, ``web.front``)."""
    if not ACCESS.isEnabledFor(logging.INFO):
        return
    duration_ms = round(1000 * (time.perf_counter() - started), 1)
    ACCESS.info("%s %s %s %sB %sms", method, path + ("?" + query if query else ""), status,
                size if size is not None else "-", duration_ms,
                extra={"request_id": rid, "method": method, "path": path, "query": query[:500], "status": status,
                       "bytes": size, "duration_ms": duration_ms, "remote": remote,
                       "user_agent": (user_agent or "")[:200]})


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
