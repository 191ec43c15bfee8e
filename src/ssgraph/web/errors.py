"""One error shape for every blueprint: ``{"ok": false, "status": N, "error": text, "id": message id}``.

The text is rendered in the request's language (``?lang=`` or Accept-Language, sv by default).
"""

from __future__ import annotations

import json

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request

from ssgraph import catalogue
from ssgraph.errors import (
    ConfigurationError,
    InputError,
    QueryError,
    SsgraphError,
    StoreError,
    problem,
)
from ssgraph.web.rsgi_request import RsgiRequest


def request_language(req: Request | RsgiRequest | None = None) -> str:
    req = req or request
    lang = (req.args.get("lang") or "").lower()
    if lang in catalogue.LANGUAGES:
        return lang
    best = req.accept_languages.best_match(catalogue.LANGUAGES)
    return best or catalogue.DEFAULT_LANGUAGE


class HttpProblem(SsgraphError):
    """An error with an explicit HTTP status."""

    def __init__(self, status: int, message_id: str, **params: object):
        self.status = status
        super().__init__(problem(message_id, **params))


def not_acceptable(req: Request | RsgiRequest | None = None) -> HttpProblem:
    """406: none of the formats the request accepts (Accept, or ``format``) can be served."""
    req = req or request
    requested = req.args.get("format") or req.headers.get("Accept") or "-"
    return HttpProblem(406, "web.not_acceptable", requested=requested[:200])


def status_of(error: SsgraphError) -> int:
    explicit = getattr(error, "status", None)
    if explicit:
        return int(explicit)
    if isinstance(error, (InputError, QueryError)):
        return 400
    if isinstance(error, (StoreError, ConfigurationError)):
        return 503
    return 500


def _browser_wants_html() -> bool:
    from ssgraph.web.negotiation import wants_html

    try:
        return wants_html(request.headers.get("Accept"))
    except RuntimeError:  # outside a request
        return False


def error_body(status: int, text: str, message_id: str) -> bytes:
    body = {"ok": False, "status": status, "error": text, "id": message_id}
    return (json.dumps(body, ensure_ascii=False) + "\n").encode("utf-8")


def error_headers(error: SsgraphError) -> dict[str, str]:
    """Retry-After for 'busy' answers (429, 503), which say when to come back."""
    retry_after = getattr(error, "retry_after", None)
    return {"Retry-After": str(retry_after)} if retry_after else {}


def error_response(status: int, text: str, message_id: str, headers: dict[str, str] | None = None) -> Response:
    """The JSON error shape; a browser asking for HTML gets the same text as a page."""
    if _browser_wants_html():
        from ssgraph.web.pages import render_page

        response = Response(render_page("site/error.html", status=status, text=text), status=status,
                            content_type="text/html; charset=utf-8")
    else:
        response = Response(error_body(status, text, message_id), status=status, mimetype="application/json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def render_error(error: SsgraphError) -> Response:
    status = status_of(error)
    return error_response(status, error.render(request_language()), error.problems[0].message_id,
                          error_headers(error))


def register_error_handlers(app: Flask) -> None:
    from ssgraph.web.request_log import log_failure, request_id

    @app.errorhandler(SsgraphError)
    def _ssgraph_error(error: SsgraphError) -> Response:
        if status_of(error) >= 500:
            log_failure(error)
        return render_error(error)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        if isinstance(error, HTTPException):
            return _http_error(error)
        log_failure(error)
        text = catalogue.text("web.internal_error", request_language(), request_id=request_id())
        return error_response(500, text, "web.internal_error")

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        lang = request_language()
        if error.code == 404:
            message_id, text = "web.not_found", catalogue.text("web.not_found", lang, path=request.path)
        elif error.code == 405:
            message_id = "web.method_not_allowed"
            text = catalogue.text(message_id, lang, method=request.method)
        else:
            message_id, text = "web.http_error", error.description or error.name
        response = error_response(error.code or 500, text, message_id)
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response
