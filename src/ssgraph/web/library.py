"""The query library over HTTP: /queries (list) and /queries/<name> (run with parameters)."""

from __future__ import annotations

import json
from functools import lru_cache

from flask import Blueprint, Response, jsonify, request

from ssgraph.queries import QueryLibrary, load_library
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, request_language
from ssgraph.web.linked_data import local_href, short_name
from ssgraph.web.pages import render_page
from ssgraph.web.query_worker import QueryJob
from ssgraph.web.service import service
from ssgraph.web.sparql import answer

bp = Blueprint("library", __name__)


@lru_cache(maxsize=1)
def library() -> QueryLibrary:
    return load_library()


def _describe(query, lang: str) -> dict:
    return {
        "name": query.name,
        "title": query.title_in(lang),
        "question": query.question_in(lang),
        "params": [{"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                   for p in query.params],
        "url": request.url_root + "queries/" + query.name,
        "sparql": query.text,
    }


@bp.route("/queries", methods=["GET"])
def list_queries() -> Response:
    lang = request_language()
    described = [_describe(q, lang) for q in library()]
    if negotiation.wants_html(request.headers.get("Accept"), request.args.get("format")):
        return Response(render_page("site/library.html", queries=described), content_type="text/html; charset=utf-8")
    return jsonify({"queries": described})


@bp.route("/queries/<name>", methods=["GET", "POST"])
def run_query(name: str) -> Response:
    if name not in library().names():
        raise HttpProblem(404, "queries.unknown_query", name=name, known=", ".join(library().names()))
    query = library().get(name)
    values = {p.name: request.values[p.name] for p in query.params
              if p.name in request.values and request.values[p.name] != ""}
    text = query.bind(values)
    if not negotiation.wants_html(request.headers.get("Accept"), request.args.get("format")):
        return answer(text, [], [])
    raw = service().run(QueryJob(text, result_format="json", max_rows=int(service().settings["max_result_rows"])))
    document = json.loads(raw.body)
    variables = document["head"]["vars"]
    rows = []
    for binding in document["results"]["bindings"]:
        row = []
        for variable in variables:
            cell = binding.get(variable)
            if cell is None:
                row.append({"label": ""})
            elif cell["type"] == "uri":
                row.append({"label": short_name(cell["value"]), "href": local_href(cell["value"])})
            else:
                row.append({"label": cell["value"]})
        rows.append(row)
    lang = request_language()
    html = render_page("site/results.html", query=_describe(query, lang), variables=variables, rows=rows, text=text)
    return Response(html, content_type="text/html; charset=utf-8")
