"""Finding and comparing on the web.

- ``/search?q=…&type=…&org=…&sdg=…`` the full-text search (HTML; JSON with
  ``Accept: application/json`` or ``format=json``), and ``/api/search`` (JSON)

Each route parses its parameters, makes one call to ssgraph.services and renders the result
with ssgraph.rendering (or as JSON).
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from ssgraph import services
from ssgraph.search import KINDS
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, not_acceptable, request_language
from ssgraph.web.negotiation import produces
from ssgraph.web.pages import html_response
from ssgraph.web.service import service
from ssgraph.web.store_view import ReadView

bp = Blueprint("find", __name__)

PAGE_SIZE = 20


def _wants_json() -> bool:
    format_param = (request.args.get("format") or "").lower()
    chosen = {"html": "text/html", "json": "application/json"}.get(format_param) or negotiation.acceptable(
        request.headers.get("Accept"), ["text/html", "application/json"])
    if chosen is None:
        raise not_acceptable()
    return chosen == "application/json"


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    text = (request.args.get(name) or "").strip()
    if not text:
        return default
    if not text.isdigit() or not low <= int(text) <= high:
        raise HttpProblem(400, "web.analysis.bad_number", name=name, low=low, high=high, value=text[:50])
    return int(text)


def _list_arg(name: str) -> list[str]:
    return [v.strip() for value in request.args.getlist(name) for v in value.split(",") if v.strip()]


def index_location():
    state = service()
    return state.directory if state.directory is not None else state.settings["store"]


def _search() -> services.SearchOutcome:
    return services.search(
        ReadView(), index_location(), request.args.get("q") or "", kinds=_list_arg("type"), orgs=_list_arg("org"),
        sdgs=_list_arg("sdg"), lang=request_language(), limit=_int_arg("limit", PAGE_SIZE, 1, 200),
        offset=_int_arg("offset", 0, 0, 100000), all_versions=request.args.get("all") is not None)


@bp.get("/api/search")
@produces("application/json")
def search_json() -> Response:
    return jsonify(_search().to_dict())


@bp.get("/search")
def search_page() -> Response:
    wants_json = _wants_json()
    outcome = _search()
    if wants_json:
        return jsonify(outcome.to_dict())
    return html_response("site/search.html", outcome=outcome, kinds=list(KINDS),
                         organisations=services.organisations(ReadView()), sdg_numbers=services.search_sdgs())
