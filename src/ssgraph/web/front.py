"""The web front: the Flask application behind granian's Rust HTTP server (RSGI interface).

What the front is for:

- **slow clients hold nothing**: granian reads the request line and headers in Rust (they
  must arrive within ``request_header_timeout``), and the front reads each body on the
  event loop (within ``request_body_timeout`` and ``max_request_bytes``) before any
  handler runs, so a client that sends slowly holds no thread and no query worker;
- **queries hold no thread**: ``/sparql`` queries are answered on the event loop: read
  from the RSGI scope (``web.rsgi_request``, no WSGI environ, werkzeug request or Flask
  context), parsed by the same code as the Flask route (``web.sparql``) and awaited from
  the store's worker pool, whose lanes keep quick queries flowing while demanding ones
  queue, and which answers a query proven quick in this process without a process hop
  (see ``ssgraph.store.worker_pool``);
- **per-client limit**: a client address with ``requests_per_client`` requests in progress
  gets 429 for the next one.

Everything else (pages, linked data, updates, a browser asking /sparql for HTML) runs in
the Flask application on a thread pool of ``threads`` threads.

Served by ``ssgraph serve`` (``cli/serve_command.py``); the target is ``create_front``.
"""

from __future__ import annotations

import asyncio
import io
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ssgraph.errors import QueryError, SsgraphError
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, error_body, error_headers, request_language, status_of
from ssgraph.web.request_log import log_access, new_request_id
from ssgraph.web.rsgi_request import RsgiRequest
from ssgraph.web.sparql import protocol_query, query_job, result_media_type, syntax_problem

_NO_BODY = ("GET", "HEAD", "OPTIONS", "DELETE")


class _TooLarge(Exception):
    pass


def _client_address(scope) -> str:
    return scope.client.rsplit(":", 1)[0] if scope.client else ""


def _wsgi_text(text: str) -> str:
    """granian hands the path (percent-decoded) and the query string as text read as UTF-8;
    WSGI wants their bytes as Latin-1 text (PEP 3333), which werkzeug reads back as UTF-8."""
    return text.encode("utf-8", "surrogateescape").decode("latin-1")


def _environ(scope, body: bytes) -> dict[str, Any]:
    """A WSGI environ for the request (PEP 3333), with the whole body already read."""
    host, _, port = (scope.server or "").rpartition(":")
    client_host, _, client_port = (scope.client or "").rpartition(":")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope.method,
        "SCRIPT_NAME": "",
        "PATH_INFO": _wsgi_text(scope.path),
        "QUERY_STRING": _wsgi_text(scope.query_string),
        "SERVER_NAME": host.strip("[]") or "localhost",
        "SERVER_PORT": port or "80",
        "SERVER_PROTOCOL": f"HTTP/{scope.http_version}",
        "REMOTE_ADDR": client_host.strip("[]"),
        "REMOTE_PORT": client_port,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.scheme,
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in scope.headers.items():
        if name == "content-type":
            environ["CONTENT_TYPE"] = value
        elif name == "content-length":
            environ["CONTENT_LENGTH"] = value
        else:
            key = "HTTP_" + name.upper().replace("-", "_")
            environ[key] = f"{environ[key]},{value}" if key in environ else value
    if body and "CONTENT_LENGTH" not in environ:
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ


def _call_wsgi(app, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes, Iterator[bytes] | None]:
    """Run the WSGI app in a worker thread: status, headers, the first chunk, and the rest
    (None when the body was one chunk)."""
    started: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info=None):
        started["status"], started["headers"] = int(status.split(" ", 1)[0]), headers
        return lambda data: None

    result: Iterable[bytes] = app(environ, start_response)
    if isinstance(result, (list, tuple)) and len(result) <= 1:
        first = result[0] if result else b""
        _close(result)
        return started["status"], started["headers"], first, None
    iterator = iter(result)
    first = next(iterator, b"")
    return started["status"], started["headers"], first, _Rest(iterator, result)


class _Rest:
    """The rest of a streamed WSGI body, closed (PEP 3333) when read out or abandoned."""

    def __init__(self, iterator: Iterator[bytes], result: Iterable[bytes]):
        self.iterator, self.result = iterator, result

    def next_chunk(self) -> bytes | None:
        return next(self.iterator, None)

    def close(self) -> None:
        _close(self.result)


def _close(result: Iterable[bytes]) -> None:
    close = getattr(result, "close", None)
    if close is not None:
        close()


class Front:
    """The RSGI application: reads bodies, answers /sparql queries, hands the rest to Flask."""

    def __init__(self, flask_app):
        self.app = flask_app
        self.service = flask_app.extensions["ssgraph"]
        settings = self.service.settings
        self.max_body = int(settings["max_request_bytes"])
        self.body_timeout = float(settings["request_body_timeout"])
        self.per_client = int(settings["requests_per_client"])
        self.cors_origin = settings["cors_origin"]
        self.threads = ThreadPoolExecutor(max(1, int(settings.get("web_threads") or 8)),
                                          thread_name_prefix="ssgraph-web")
        self.in_progress: Counter[str] = Counter()

    # -- RSGI hooks ------------------------------------------------------------------------
    def __rsgi_init__(self, loop: asyncio.AbstractEventLoop) -> None:
        attach = getattr(self.service.runner, "attach", None)
        if attach is not None:
            attach(loop)

    def __rsgi_del__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.threads.shutdown(wait=False, cancel_futures=True)
        self.service.close()

    async def __rsgi__(self, scope, proto) -> None:
        if scope.proto != "http":
            proto.close(1003)  # no websockets here
            return
        client = _client_address(scope)
        if self.in_progress[client] >= self.per_client:
            self._problem(proto, scope, HttpProblem(429, "web.client_busy", limit=self.per_client),
                          {"Retry-After": "1"})
            return
        self.in_progress[client] += 1
        try:
            await self._handle(scope, proto, client)
        finally:
            self.in_progress[client] -= 1
            if self.in_progress[client] <= 0:
                del self.in_progress[client]

    __call__ = __rsgi__

    # -- one request -----------------------------------------------------------------------
    async def _handle(self, scope, proto, client: str) -> None:
        try:
            body = b"" if scope.method in _NO_BODY else await self._read_body(scope, proto)
        except _TooLarge:
            self._problem(proto, scope, HttpProblem(413, "web.request_too_large", limit=self.max_body))
            return
        except TimeoutError:
            self._problem(proto, scope, HttpProblem(408, "web.body_timeout", seconds=f"{self.body_timeout:g}"))
            return
        if scope.path == "/sparql" and scope.method in ("GET", "POST") and \
                await self._query(RsgiRequest(scope, body), proto, client):
            return
        await self._flask(_environ(scope, body), proto)

    async def _read_body(self, scope, proto) -> bytes:
        declared = scope.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            raise _TooLarge()

        async def read() -> bytes:
            chunks, size = [], 0
            async for chunk in proto:
                size += len(chunk)
                if size > self.max_body:
                    raise _TooLarge()
                chunks.append(chunk)
            return b"".join(chunks)

        return await asyncio.wait_for(read(), self.body_timeout)

    async def _query(self, req: RsgiRequest, proto, client: str) -> bool:
        """Answer a protocol query on the loop; False leaves the request to Flask.

        The request is read from the scope (``RsgiRequest``), not through a WSGI environ and
        werkzeug: for a quick query those cost more than the answer.
        """
        if negotiation.wants_html(req.headers.get("Accept")):
            return False
        started = time.perf_counter()
        rid = new_request_id(req.headers.get("X-Request-Id"))
        try:
            parsed = protocol_query(req)
            if parsed is None:
                return False  # the service description
            job = query_job(req, *parsed, self.service.settings)
            try:
                raw = await self.service.run_async(job, client)
            except QueryError as error:
                raise syntax_problem(error) from None
        except SsgraphError as error:
            status = self._problem(proto, req, error, {**error_headers(error), "X-Request-Id": rid})
            log_access(rid, req.method, req.path, req.query_string, status, None, started, client,
                       req.user_agent_string)
            return True
        proto.response_bytes(200, [("content-type", result_media_type(job, raw)), ("vary", "Accept"),
                                   ("access-control-allow-origin", self.cors_origin), ("x-request-id", rid)],
                             raw.body)
        log_access(rid, req.method, req.path, req.query_string, 200, len(raw.body), started, client,
                   req.user_agent_string)
        return True

    def _problem(self, proto, request_or_scope, error: SsgraphError, extra: dict[str, str] | None = None) -> int:
        req = request_or_scope if isinstance(request_or_scope, RsgiRequest) else RsgiRequest(request_or_scope)
        status = status_of(error)
        text = error.render(request_language(req))
        headers = [("content-type", "application/json"), ("access-control-allow-origin", self.cors_origin)]
        headers += [(name.lower(), value) for name, value in (extra or {}).items()]
        proto.response_bytes(status, headers, error_body(status, text, error.problems[0].message_id))
        return status

    async def _flask(self, environ: dict[str, Any], proto) -> None:
        loop = asyncio.get_running_loop()
        status, headers, first, rest = await loop.run_in_executor(self.threads, _call_wsgi, self.app, environ)
        if rest is None:
            proto.response_bytes(status, headers, first)
            return
        try:
            transport = proto.response_stream(status, headers)
            if first:
                await transport.send_bytes(first)
            while (chunk := await loop.run_in_executor(self.threads, rest.next_chunk)) is not None:
                if chunk:
                    await transport.send_bytes(chunk)
        finally:
            await loop.run_in_executor(self.threads, rest.close)


def create_front() -> Front:
    """The RSGI target of ``ssgraph serve`` (settings from SSGRAPH_* and the config file)."""
    from ssgraph.web import create_app

    return Front(create_app())
