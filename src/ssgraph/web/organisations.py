"""/org/: the organisations whose goal structures are in the store, by name, with the way to
each one's analyses, validation report and linked-data page."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, jsonify, request

from ssgraph import services
from ssgraph.web import negotiation
from ssgraph.web.errors import not_acceptable
from ssgraph.web.pages import html_response
from ssgraph.web.store_view import ReadView

bp = Blueprint("organisations", __name__)


@bp.route("/org/", methods=["GET"])
@bp.route("/org", methods=["GET"])
def organisations_page() -> Response:
    found = services.organisations(ReadView())
    format_param = (request.args.get("format") or "").lower()
    chosen = {"html": "text/html", "json": "application/json"}.get(format_param) or negotiation.acceptable(
        request.headers.get("Accept"), ["text/html", "application/json"])
    if chosen is None:
        raise not_acceptable()
    if chosen == "application/json":
        return jsonify({"organisations": [o.to_dict() for o in found]})
    return html_response("site/organisations.html", organisations=found, period=str(dt.date.today().year - 1))
