"""The browser UI at /: YASGUI (served from the package, no CDN) with the query library as tabs."""

from __future__ import annotations

from flask import Blueprint, Response, send_from_directory

from ssgraph import paths
from ssgraph.web.errors import request_language
from ssgraph.web.iris import served_bases
from ssgraph.web.library import library
from ssgraph.web.negotiation import produces
from ssgraph.web.pages import render_page

bp = Blueprint("ui", __name__)


@bp.route("/", methods=["GET"])
@produces("text/html")
def index() -> Response:
    from flask import request

    lang = request_language()
    examples = [
        {"name": q.name, "title": q.title_in(lang), "question": q.question_in(lang), "text": q.text}
        for q in library()
    ]
    endpoint = request.url_root + "sparql"
    html = render_page("site/index.html", endpoint=endpoint,
                       examples={"endpoint": endpoint, "queries": examples, "lang": lang, "bases": served_bases()})
    return Response(html, content_type="text/html; charset=utf-8")


@bp.route("/static/<path:filename>", methods=["GET"])
def static_files(filename: str) -> Response:
    response = send_from_directory(paths.STATIC_DIR, filename, max_age=3600)
    return response
