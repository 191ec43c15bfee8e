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


def _start() -> None:
    given = request.headers.get("X-Request-Id", "")
    g.request_id = given if _CLIENT_ID.fullmatch(given) else uuid.uuid4().hex[:16]
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers["X-Request-Id"] = request_id()
    duration_ms = round(1000 * (time.perf_counter() - getattr(g, "started", time.perf_counter())), 1)
    size = response.calculate_content_length()
    ACCESS.info("%s %s %s %sB %sms", request.method, request.full_path.rstrip("?"), response.status_code,
                size if size is not None else "-", duration_ms,
                extra={"request_id": request_id(), "method": request.method, "path": request.path,
                       "query": request.query_string.decode("latin-1")[:500], "status": response.status_code,
                       "bytes": size, "duration_ms": duration_ms, "remote": request.remote_addr,
                       "user_agent": (request.user_agent.string or "")[:200]})
    return response


def log_failure(error: BaseException) -> None:
    """An unexpected failure, with its traceback and the request it happened in."""
    ERRORS.error("%s %s failed: %s", request.method, request.path, error,
                 exc_info=(type(error), error, error.__traceback__),
                 extra={"request_id": request_id(), "method": request.method, "path": request.path})


def register(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
