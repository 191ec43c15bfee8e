"""The analyses on the web: each as an HTML page and as JSON under ``/api/…``.

- ``/analysis/harmonise?a=LL18&b=RF18`` and ``/api/harmonise?a=…&b=…``
- ``/analysis/consolidate/<org>`` and ``/api/consolidate/<org>``
- ``/analysis/coverage?region=0018`` (or ``?org=0480,1440``) and ``/api/coverage?…``;
  ``/analysis/coverage/heatmap.png?scheme=sdg|objective&…`` the heat map
- ``/analysis/report/<org>?period=2024`` and ``/api/report/<org>?period=2024``
- ``/analysis/suggest/<org>`` and ``/api/suggest/<org>``; ``POST /api/suggest/<org>/accept``
  with ``{"ids": [...], "method": "manual|lexical|model"}`` writes links (needs the
  operator's update token, like ``/update``)
- ``/api/goal-graph?org=…`` node-link JSON of the goal graph
- ``/analysis/`` an index page linking every analysis for every organisation

Reads go through the service's protected query runner; nothing here writes except accept.
Call :func:`register` from ``create_app``.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, jsonify, request

from ssgraph.analysis import (
    charts,
    consolidate,
    council_report,
    coverage,
    goal_graph,
    harmonise,
    outputs,
    suggest,
)
from ssgraph.messages import define
from ssgraph.web.errors import HttpProblem, request_language
from ssgraph.web.service import service

bp = Blueprint("analysis_pages", __name__)

UNKNOWN_MODE = define("web.analysis.unknown_mode", sv="okänt läge {mode} (tillåtna: {known})",
                      en="unknown mode {mode} (allowed: {known})")
MISSING_PARAMETER = define("web.analysis.missing_parameter",
                           sv="parametern {name} saknas", en="the parameter {name} is missing")
BAD_NUMBER = define("web.analysis.bad_number",
                    sv="parametern {name} ska vara ett tal mellan {low} och {high}, inte {value!r}",
                    en="the parameter {name} must be a number between {low} and {high}, not {value!r}")


class _ReadView:
    """What the analyses need of a store (select, query_raw), served by the web's query runner."""

    def select(self, sparql: str):
        return service().select(sparql)

    def query_raw(self, sparql: str, result_format: str = "json", **_: object):
        from ssgraph.web.query_worker import QueryJob

        return service().run(QueryJob(sparql, result_format=result_format))


def _arg(name: str) -> str:
    value = (request.args.get(name) or "").strip()
    if not value:
        raise HttpProblem(400, MISSING_PARAMETER, name=name)
    return value


def _number_arg(name: str, default: float, low: float, high: float) -> float:
    text = request.args.get(name)
    if text is None or text.strip() == "":
        return default
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # also refuses nan
        raise HttpProblem(400, BAD_NUMBER, name=name, low=low, high=high, value=text[:50])
    return value


def _html(text: str) -> Response:
    return Response(text, mimetype="text/html")


@bp.get("/analysis/")
@bp.get("/analysis")
def index_page() -> Response:
    import datetime as dt

    from ssgraph.analysis import html_report

    versions = sorted(goal_graph.structure_versions(_ReadView()), key=lambda v: v.code)
    period = request.args.get("period") or str(dt.date.today().year - 1)
    prefix = "" if request.path.endswith("/") else "analysis/"
    page = html_report.render("index.html", request_language(), versions=versions, period=period)
    if prefix:  # links are relative to /analysis/
        page = page.replace('href="', 'href="analysis/').replace('action="', 'action="analysis/')
    return _html(page)


def _harmonise():
    a, b = _arg("a"), _arg("b")
    graph = goal_graph.build_goal_graph(_ReadView(), [a, b], observations="none")
    mode = request.args.get("mode") or ("all" if request.args.get("all") is not None else "many-to-one")
    if mode not in harmonise.MODES:
        raise HttpProblem(400, UNKNOWN_MODE, mode=mode, known=", ".join(harmonise.MODES))
    return harmonise.harmonise(graph, a, b, mode=mode)


@bp.get("/api/harmonise")
def harmonise_json() -> Response:
    return jsonify(_harmonise().to_dict())


@bp.get("/analysis/harmonise")
def harmonise_page() -> Response:
    return _html(outputs.harmonise_html(_harmonise(), request_language()))


def _consolidate(org: str):
    return consolidate.consolidate(
        goal_graph.build_goal_graph(_ReadView(), [org], observations="presence"), org)


@bp.get("/api/consolidate/<org>")
def consolidate_json(org: str) -> Response:
    return jsonify(_consolidate(org).to_dict())


@bp.get("/analysis/consolidate/<org>")
def consolidate_page(org: str) -> Response:
    return _html(outputs.consolidate_html(_consolidate(org), request_language()))


def _coverage():
    view = _ReadView()
    codes = None
    if request.args.get("org"):
        codes = [c.strip() for c in request.args["org"].split(",") if c.strip()]
    elif request.args.get("region"):
        codes = coverage.codes_in_region(view, request.args["region"].strip())
    graph = goal_graph.build_goal_graph(view, codes, observations="none")
    sdg_columns, objective_columns = coverage.reference_columns(view)
    return coverage.coverage(graph, sdg_columns, objective_columns, codes)


@bp.get("/api/coverage")
def coverage_json() -> Response:
    return jsonify(_coverage().to_dict())


@bp.get("/analysis/coverage")
def coverage_page() -> Response:
    return _html(outputs.coverage_html(_coverage(), request_language()))


@bp.get("/analysis/coverage/heatmap.<fmt>")
def coverage_heatmap(fmt: str) -> Response:
    if fmt not in ("png", "svg"):
        raise HttpProblem(404, "web.not_found", path=request.path)
    scheme = "objective" if request.args.get("scheme") == "objective" else "sdg"
    body = charts.coverage_heatmap(_coverage(), scheme, fmt, request_language())
    return Response(body, mimetype="image/png" if fmt == "png" else "image/svg+xml")


def _report(org: str):
    view = _ReadView()
    report = council_report.council_report(goal_graph.build_goal_graph(view, [org]), org,
                                           _arg("period"))
    return view, report


@bp.get("/api/report/<org>")
def report_json(org: str) -> Response:
    return jsonify(_report(org)[1].to_dict())


@bp.get("/analysis/report/<org>")
def report_page(org: str) -> Response:
    view, report = _report(org)
    sdg_columns, objective_columns = coverage.reference_columns(view)
    return _html(outputs.council_report_html(report, sdg_columns, objective_columns, request_language(),
                                             coverage.public_health_names(view)))


def _suggestions(org: str):
    view = _ReadView()
    graph = goal_graph.build_goal_graph(view, [org], observations="none")
    minimum = _number_arg("minimum", 0.3, 0.0, 1.0)
    found = suggest.suggest(graph, org, suggest.un_iris(view), minimum,
                            only_missing=request.args.get("all") is None)
    return graph, found


@bp.get("/api/suggest/<org>")
def suggest_json(org: str) -> Response:
    graph, found = _suggestions(org)
    return jsonify({"organisation": org, "suggestions": suggest.as_dicts(found),
                    "documents": suggest.classify_documents(graph, org)})


@bp.get("/analysis/suggest/<org>")
def suggest_page(org: str) -> Response:
    graph, found = _suggestions(org)
    return _html(outputs.suggest_html(org, found, suggest.classify_documents(graph, org),
                                      request_language()))


@bp.post("/api/suggest/<org>/accept")
def suggest_accept(org: str) -> Response:
    from ssgraph.web.update import require_token

    require_token()
    body = request.get_json(silent=True) or {}
    ids = [str(i) for i in body.get("ids") or []]
    if not ids:
        raise HttpProblem(400, MISSING_PARAMETER, name="ids")
    method = str(body.get("method") or "manual")
    _, found = _suggestions(org)
    count = service().write(lambda store: suggest.accept(store, org, found, ids, method))
    return jsonify({"ok": True, "accepted": count, "method": method})


@bp.get("/api/goal-graph")
def goal_graph_json() -> Response:
    codes = [c.strip() for c in request.args.get("org", "").split(",") if c.strip()] or None
    return jsonify(goal_graph.to_node_link(goal_graph.build_goal_graph(_ReadView(), codes)))


def register(app: Flask) -> None:
    """Mount the analysis pages and API on an app made by ``create_app`` (once)."""
    if bp.name not in app.blueprints:
        app.register_blueprint(bp)
