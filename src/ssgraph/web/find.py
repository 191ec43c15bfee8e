"""Finding and comparing on the web.

- ``/search?q=…&type=…&org=…&sdg=…`` the full-text search (HTML; JSON with
  ``Accept: application/json`` or ``format=json``), and ``/api/search`` (JSON)
- ``/org/<code>`` an organisation's page (``?diff=VERSION``: that version's changes; JSON too)
- ``/org/compare?org=A&org=B…`` organisations side by side (HTML, ``format=json``, ``format=csv``)
- ``/analysis/cycle?org=…`` the SS 854000 cycle status of one organisation, ``/analysis/cycle``
  of all (HTML, ``format=csv``), and ``/api/cycle[?org=…]`` (JSON)

Each route parses its parameters, makes one call to ssgraph.services and renders the result
with ssgraph.rendering (or as JSON).
"""

from __future__ import annotations

import threading

from flask import Blueprint, Response, jsonify, request

from ssgraph import services
from ssgraph.search import KINDS
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, not_acceptable, request_language
from ssgraph.web.negotiation import produces
from ssgraph.web.pages import current_page, html_response
from ssgraph.web.service import service
from ssgraph.web.store_view import ReadView

bp = Blueprint("find", __name__)


@bp.record_once
def _prepare_search(_state) -> None:
    """Read the dictionaries a search query needs in the background while the service starts
    (about a second), so that the first search need not wait for them."""
    threading.Thread(target=services.prepare_search, name="ssgraph-search-dictionaries", daemon=True).start()

PAGE_SIZE = 20


def _chosen_format(offered: tuple[str, ...] = ("html", "json")) -> str:
    """html, json or csv: from ``format=`` or the Accept header."""
    media = {"html": "text/html", "json": "application/json", "csv": "text/csv"}
    format_param = (request.args.get("format") or "").lower()
    if format_param in offered:
        return format_param
    chosen = negotiation.acceptable(request.headers.get("Accept"), [media[f] for f in offered])
    if chosen is None or (format_param and format_param not in offered):
        raise not_acceptable()
    return next(f for f in offered if media[f] == chosen)


def _wants_json() -> bool:
    return _chosen_format() == "json"


def _csv(rows: list[dict], name: str) -> Response:
    from ssgraph.rendering.tables import csv_text

    response = Response(csv_text(rows, request_language()), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _orgs_param() -> list[str]:
    return _list_arg("org")


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
    from ssgraph.rendering.find_pages import read_as_type_notes

    return html_response("site/search.html", outcome=outcome, kinds=list(KINDS),
                         type_notes=read_as_type_notes(outcome, request_language()),
                         organisations=services.organisations(ReadView()), sdg_numbers=services.search_sdgs())


# -- organisation pages --------------------------------------------------------------------


def _not_found_organisation(code: str, known=None):
    from ssgraph.errors import InputError

    try:
        return services.resolve_organisation(ReadView(), code, known)
    except InputError:
        raise HttpProblem(404, "web.not_found", path=request.path) from None


@bp.get("/org/compare")
def compare_page() -> Response:
    from ssgraph.rendering.find_pages import compare_page as render_compare

    chosen = _chosen_format(("html", "json", "csv"))
    orgs = _orgs_param()
    if chosen == "html" and len(orgs) < 2:
        return html_response("site/compare_choose.html", chosen=orgs, most=services.MAX_COMPARED,
                             organisations=services.organisations(ReadView()))
    comparison = services.compare(ReadView(), orgs, lang=request_language())
    if chosen == "json":
        return jsonify(comparison.to_dict())
    if chosen == "csv":
        return _csv(comparison.csv_rows(), "compare-" + "-".join(o.code for o in comparison.organisations))
    return _page(render_compare(comparison, current_page(), services.organisations(ReadView())))


@bp.get("/org/<code>")
def organisation_page(code: str) -> Response:
    from ssgraph.rendering.find_pages import organisation_page as render_organisation

    chosen = _chosen_format()
    view = ReadView()
    known = services.organisations(view)
    _not_found_organisation(code, known)
    data = services.organisation_page(view, code, lang=request_language(), diff_of=request.args.get("diff") or None,
                                      version=request.args.get("version") or None, known=known)
    if chosen == "json":
        return jsonify(data.to_dict())
    return _page(render_organisation(data, current_page(), known))


# -- the SS 854000 cycle -------------------------------------------------------------------


def _cycle():
    org = (request.args.get("org") or "").strip() or None
    known = services.organisations(ReadView())
    if org:
        _not_found_organisation(org, known)
    return services.cycle_status(ReadView(), org, lang=request_language(), known=known)


@bp.get("/api/cycle")
@produces("application/json")
def cycle_json() -> Response:
    return jsonify(_cycle().to_dict())


@bp.get("/analysis/cycle")
def cycle_page() -> Response:
    from ssgraph.rendering import find_pages

    chosen = _chosen_format(("html", "json", "csv"))
    outcome = _cycle()
    if chosen == "json":
        return jsonify(outcome.to_dict())
    if chosen == "csv":
        return _csv(outcome.csv_rows(), "cycle" + ("-" + request.args["org"] if request.args.get("org") else ""))
    if request.args.get("org"):
        return _page(find_pages.cycle_page(outcome, current_page()))
    return _page(find_pages.cycle_all_page(outcome, current_page()))


def _page(text: str) -> Response:
    response = Response(text, content_type="text/html; charset=utf-8")
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


def _t(message_id: str, **params: object) -> str:
    from ssgraph import catalogue

    return catalogue.text(message_id, request_language(), **params)
