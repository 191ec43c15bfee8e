"""/api/ (the index of the JSON routes) and /api/openapi.json (their OpenAPI 3.1 description).

The routes are declared once, in ``ROUTES``; the OpenAPI document, the index page and the
test that calls every described route all read that table. Texts (summaries, parameter
descriptions) come from the catalogue in the request's language; examples come from the
store, so every example in the document is a request that answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, Response, jsonify, request

from ssgraph import __version__, catalogue, services
from ssgraph.web import negotiation
from ssgraph.web.errors import not_acceptable, request_language
from ssgraph.web.pages import html_response
from ssgraph.web.store_view import ReadView

bp = Blueprint("api", __name__)


@dataclass(frozen=True)
class Param:
    name: str
    where: str  # "query" | "path"
    example: str  # a key of the examples (org, org_b, period, query, …) or a literal
    required: bool = False
    schema: tuple[tuple[str, object], ...] = (("type", "string"),)


@dataclass(frozen=True)
class Route:
    key: str  # catalogue: api.<key>.summary / .description
    path: str  # OpenAPI path template
    method: str = "get"
    params: tuple[Param, ...] = ()
    media_type: str = "application/json"
    schema: str = "Object"  # a component schema name
    statuses: tuple[int, ...] = (200, 400)
    body: dict = field(default_factory=dict)  # request body example (POST)


ORG = Param("org", "path", "org", required=True)
ROUTES: tuple[Route, ...] = (
    Route("organisations", "/api/organisations", schema="Organisations"),
    Route("harmonise", "/api/harmonise", params=(
        Param("a", "query", "org", required=True), Param("b", "query", "org_b", required=True),
        Param("mode", "query", "many-to-one",
              schema=(("type", "string"), ("enum", ["many-to-one", "one-to-one", "all"]))))),
    Route("consolidate", "/api/consolidate/{org}", params=(ORG,)),
    Route("coverage", "/api/coverage", params=(Param("org", "query", "org"), Param("region", "query", ""))),
    Route("report", "/api/report/{org}", params=(ORG, Param("period", "query", "period"))),
    Route("suggest", "/api/suggest/{org}", params=(ORG, Param("minimum", "query", "0.3", schema=(
        ("type", "number"), ("minimum", 0), ("maximum", 1))))),
    Route("accept", "/api/suggest/{org}/accept", method="post", params=(ORG,), statuses=(200, 400, 403),
          body={"ids": ["1"], "method": "manual"}),
    Route("validation", "/api/validation", params=(
        Param("org", "query", "org", required=True),
        Param("source", "query", "auto", schema=(("type", "string"), ("enum", ["auto", "stored", "run"]))))),
    Route("goal_graph", "/api/goal-graph", params=(Param("org", "query", "org"),)),
    Route("queries", "/queries", schema="Queries"),
    Route("query", "/queries/{name}", params=(Param("name", "path", "query", required=True),),
          media_type="application/sparql-results+json", schema="SparqlResults"),
    Route("sparql", "/sparql", params=(Param("query", "query", "sparql", required=True),),
          media_type="application/sparql-results+json", schema="SparqlResults"),
    Route("dumps", "/dumps/", schema="Dumps"),
)
SCHEMAS = {
    "Object": {"type": "object"},
    "Error": {"type": "object", "required": ["ok", "status", "error", "id"], "properties": {
        "ok": {"const": False}, "status": {"type": "integer"}, "error": {"type": "string"},
        "id": {"type": "string"}}},
    "Organisations": {"type": "object", "required": ["organisations"], "properties": {"organisations": {
        "type": "array", "items": {"type": "object", "required": ["code", "label", "iri", "graph"], "properties": {
            "code": {"type": "string"}, "label": {"type": "string"}, "iri": {"type": "string", "format": "uri"},
            "graph": {"type": "string"}, "version": {"type": "string"}, "illustrative": {"type": "boolean"}}}}}},
    "Queries": {"type": "object", "required": ["queries"], "properties": {"queries": {"type": "array"}}},
    "Dumps": {"type": "object", "required": ["files"], "properties": {"files": {
        "type": "array", "items": {"type": "string", "format": "uri"}}}},
    "SparqlResults": {"type": "object", "properties": {"head": {"type": "object"}, "results": {"type": "object"},
                                                      "boolean": {"type": "boolean"}}},
}


def examples() -> dict[str, str]:
    """Values from this store for the routes' parameters."""
    import datetime as dt

    found = services.organisations(ReadView())
    first = found[0].code if found else "0000"
    second = found[1].code if len(found) > 1 else first
    return {"org": first, "org_b": second, "period": str(dt.date.today().year - 1), "query": "goals_per_level",
            "sparql": "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"}


def _text(key: str, part: str, lang: str) -> str:
    return catalogue.text(f"api.{key}.{part}", lang)


def _operation(route: Route, lang: str, values: dict[str, str]) -> dict:
    t = catalogue.translator(lang)
    responses: dict[str, dict] = {}
    for status in route.statuses:
        if status == 200:
            responses["200"] = {"description": t("api.ok"), "content": {
                route.media_type: {"schema": {"$ref": f"#/components/schemas/{route.schema}"}}}}
        else:
            responses[str(status)] = {"description": t(f"api.status_{status}"), "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    operation = {"operationId": route.key, "summary": _text(route.key, "summary", lang),
                 "description": _text(route.key, "description", lang), "responses": responses,
                 "parameters": [{"name": p.name, "in": p.where, "required": p.required or p.where == "path",
                                 "description": t(f"api.param.{p.name}"), "schema": dict(p.schema),
                                 "example": values.get(p.example, p.example)}
                                for p in route.params if values.get(p.example, p.example) != "" or p.required]}
    if route.body:
        operation["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": {"type": "object", "required": ["ids"], "properties": {
                "ids": {"type": "array", "items": {"type": "string"}},
                "method": {"type": "string", "enum": ["manual", "lexical", "model"]}}},
            "example": route.body}}}
        operation["security"] = [{"operatorToken": []}]
    return operation


def openapi_document(lang: str, server: str) -> dict:
    values = examples()
    paths: dict[str, dict] = {}
    for route in ROUTES:
        paths.setdefault(route.path, {})[route.method] = _operation(route, lang, values)
    return {
        "openapi": "3.1.0",
        "info": {"title": catalogue.text("api.title", lang), "version": __version__,
                 "description": catalogue.text("api.description", lang),
                 "license": {"name": "MIT", "identifier": "MIT"}},
        "servers": [{"url": server.rstrip("/")}],
        "paths": paths,
        "components": {"schemas": SCHEMAS, "securitySchemes": {"operatorToken": {"type": "http", "scheme": "bearer"}}},
    }


@bp.get("/api/openapi.json")
def openapi_json() -> Response:
    if negotiation.acceptable(request.headers.get("Accept"), ["application/json", "application/vnd.oai.openapi+json"]) is None:
        raise not_acceptable()
    response = jsonify(openapi_document(request_language(), request.url_root))
    response.headers["Vary"] = "Accept-Language"
    return response


@bp.get("/api/")
@bp.get("/api")
def api_index() -> Response:
    format_param = (request.args.get("format") or "").lower()
    chosen = {"html": "text/html", "json": "application/json"}.get(format_param) or negotiation.acceptable(
        request.headers.get("Accept"), ["application/json", "text/html"])
    if chosen is None:
        raise not_acceptable()
    lang = request_language()
    document = openapi_document(lang, request.url_root)
    if chosen == "application/json":
        return jsonify({"openapi": request.url_root + "api/openapi.json",
                        "routes": [{"method": m.upper(), "path": p, "summary": op["summary"]}
                                   for p, ops in document["paths"].items() for m, op in ops.items()]})
    return html_response("site/api.html", document=document)
