"""The query library over HTTP: /queries (list) and /queries/<name> (run with parameters)."""

from __future__ import annotations

import json
from functools import lru_cache
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, request

from ssgraph.queries import QueryLibrary, load_library
from ssgraph.store import QueryJob
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, not_acceptable, request_language
from ssgraph.web.iris import local_href, short_name
from ssgraph.web.pages import html_response
from ssgraph.web.service import service
from ssgraph.web.sparql import answer

bp = Blueprint("library", __name__)


@lru_cache(maxsize=1)
def library() -> QueryLibrary:
    return load_library()


def _short_default(param) -> str:
    base = param.short_form_base()
    return param.default[len(base):] if base and param.default.startswith(base) else param.default


def _describe(query, lang: str) -> dict:
    return {
        "name": query.name,
        "title": query.title_in(lang),
        "question": query.question_in(lang),
        "params": [{"name": p.name, "type": p.type, "default": p.default, "short_default": _short_default(p),
                    "description": p.description_in(lang)}
                   for p in query.params],
        "url": request.url_root + "queries/" + query.name,
        "sparql": query.text,
    }


def _wanted(json_type: str) -> str:
    """``text/html`` or ``json_type`` for this request; 406 when it accepts neither."""
    format_param = (request.args.get("format") or "").lower()
    if format_param == "html":
        return "text/html"
    if format_param:
        return json_type
    chosen = negotiation.acceptable(request.headers.get("Accept"), [json_type, "text/html"])
    if chosen is None:
        raise not_acceptable()
    return chosen


@bp.route("/queries", methods=["GET"])
def list_queries() -> Response:
    lang = request_language()
    described = [_describe(q, lang) for q in library()]
    if _wanted("application/json") == "text/html":
        return html_response("site/library.html", queries=described)
    return jsonify({"queries": described})


def _table(document: dict) -> tuple[list[str], list[list[dict]]]:
    """SPARQL JSON results as cells: IRIs by their label in the page's language, linked locally."""
    from ssgraph.web.linked_data import Labeller, label_languages

    variables = document["head"]["vars"]
    bindings = document["results"]["bindings"]
    iris = {cell["value"] for row in bindings for cell in row.values() if cell["type"] == "uri"}
    labeller = Labeller(iris, label_languages()) if len(iris) <= 2000 else None
    rows = []
    for binding_row in bindings:
        row = []
        for variable in variables:
            cell = binding_row.get(variable)
            if cell is None:
                row.append({"label": ""})
            elif cell["type"] == "uri":
                label = labeller.label(cell["value"]) if labeller else short_name(cell["value"])
                row.append({"label": label, "href": local_href(cell["value"]), "title": short_name(cell["value"])})
            else:
                row.append({"label": cell["value"]})
        rows.append(row)
    return variables, rows


@bp.route("/queries/<name>", methods=["GET", "POST"])
def run_query(name: str) -> Response:
    if name not in library().names():
        raise HttpProblem(404, "queries.unknown_query", name=name, known=", ".join(library().names()))
    query = library().get(name)
    values = {p.name: request.values[p.name] for p in query.params
              if p.name in request.values and request.values[p.name] != ""}
    text = query.bind(values)
    format_param = (request.values.get("format") or "").lower()
    wants_page = format_param == "html" or (not format_param and negotiation.acceptable(
        request.headers.get("Accept"), [*negotiation.RESULT_OFFERS, "text/html"]) == "text/html")
    if not wants_page:
        return answer(text, [], [])
    raw = service().run(QueryJob(text, result_format="json", max_rows=int(service().settings["max_result_rows"])))
    variables, rows = _table(json.loads(raw.body))
    lang = request_language()
    chosen = {p.name: values.get(p.name, _short_default(p)) for p in query.params}
    downloads = [(label, f"/queries/{name}?{urlencode({**values, 'format': fmt})}")
                 for label, fmt in (("CSV", "csv"), ("JSON", "json"), ("TSV", "tsv"))]
    return html_response("site/results.html", query=_describe(query, lang), variables=variables, rows=rows,
                         text=text, chosen=chosen, downloads=downloads)
