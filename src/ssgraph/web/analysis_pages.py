"""The analyses and the validation report on the web: each an HTML page and JSON under /api/.

- ``/analysis/`` every analysis for every organisation (by name), with forms
- ``/analysis/harmonise?a=…&b=…``, ``/analysis/consolidate?org=…`` (or ``/consolidate/<org>``),
  ``/analysis/coverage?org=…&org=…`` (or ``?region=0018``), ``/analysis/report?org=…&period=…``,
  ``/analysis/suggest?org=…``, ``/analysis/validation?org=…``: without parameters each shows
  its form; organisations by code, IRI or name
- ``/api/harmonise``, ``/api/consolidate/<org>``, ``/api/coverage``, ``/api/report/<org>``,
  ``/api/suggest/<org>``, ``/api/validation?org=…``, ``/api/organisations``, ``/api/goal-graph``;
  ``POST /api/suggest/<org>/accept`` with ``{"ids": [...], "method": …}`` (operator's token)

Each route parses its parameters, makes one call to ssgraph.services and renders the result
with ssgraph.rendering (or as JSON). Nothing here writes except accepting suggestions.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, jsonify, request

from ssgraph import catalogue, services
from ssgraph.rendering import analysis_reports, charts, validation_report
from ssgraph.web.errors import HttpProblem, request_language
from ssgraph.web.negotiation import produces
from ssgraph.web.pages import current_page, html_response
from ssgraph.web.service import service
from ssgraph.web.store_view import ReadView

bp = Blueprint("analysis_pages", __name__)

MISSING_PARAMETER = "web.analysis.missing_parameter"
BAD_NUMBER = "web.analysis.bad_number"


def _html(text: str) -> Response:
    response = Response(text, content_type="text/html; charset=utf-8")
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


def _required(name: str) -> str:
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


def _orgs_param() -> list[str]:
    """``org=A&org=B`` or ``org=A,B``."""
    return [code.strip() for value in request.args.getlist("org") for code in value.split(",") if code.strip()]


def _names(view) -> dict[str, str]:
    return {o.code: o.label for o in services.organisations(view)}


def _choose(heading: str, intro: str, action: str, selected: str | None = None, period: str | None = None,
            second: str | None = None, button: str | None = None) -> Response:
    """A form page: the analysis asked for without its parameters."""
    view = ReadView()
    organisations = services.organisations(view)
    if second is not None and len(organisations) > 1 and not selected:
        selected, second = organisations[0].code, organisations[1].code
    return html_response("analysis/choose.html", heading=heading, intro=intro, action=action,
                         organisations=organisations, choices=services.structure_choices(view), selected=selected,
                         period=period, second=second, button=button)


def _t(message_id: str, **params: object) -> str:
    return catalogue.text(message_id, request_language(), **params)


@bp.get("/analysis/")
@bp.get("/analysis")
@produces("text/html")
def index_page() -> Response:
    import datetime as dt

    period = request.args.get("period") or str(dt.date.today().year - 1)
    view = ReadView()
    return html_response("analysis/index.html", organisations=services.organisations(view),
                         choices=services.structure_choices(view), period=period)


@bp.get("/api/organisations")
@produces("application/json")
def organisations_json() -> Response:
    return jsonify({"organisations": [o.to_dict() for o in services.organisations(ReadView())]})


# -- harmonisation ---------------------------------------------------------------------------


def _harmonise():
    from ssgraph.analysis.harmonise import MODES

    mode = request.args.get("mode") or ("all" if request.args.get("all") is not None else "many-to-one")
    if mode not in MODES:
        raise HttpProblem(400, "web.analysis.unknown_mode", mode=mode, known=", ".join(MODES))
    return services.harmonise(ReadView(), _required("a"), _required("b"), mode=mode)


@bp.get("/api/harmonise")
@produces("application/json")
def harmonise_json() -> Response:
    return jsonify(_harmonise().result.to_dict())


@bp.get("/analysis/harmonise")
@produces("text/html")
def harmonise_page() -> Response:
    if not request.args.get("a") or not request.args.get("b"):
        return _choose(_t("report.harmonise_two_goal_structures"), _t("report.harmonise_intro"),
                       "/analysis/harmonise", request.args.get("a"), second=request.args.get("b") or "",
                       button=_t("report.harmonise"))
    return _html(analysis_reports.harmonise_page(_harmonise(), current_page(), _names(ReadView())))


# -- consolidation ---------------------------------------------------------------------------


@bp.get("/api/consolidate/<org>")
@produces("application/json")
def consolidate_json(org: str) -> Response:
    return jsonify(services.consolidate(ReadView(), org).result.to_dict())


@bp.get("/analysis/consolidate")
@bp.get("/analysis/consolidate/<org>")
@produces("text/html")
def consolidate_page(org: str | None = None) -> Response:
    org = org or request.args.get("org")
    if not org:
        return _choose(_t("report.consolidating_goal_structure"), _t("report.consolidate_intro"),
                       "/analysis/consolidate")
    return _html(analysis_reports.consolidate_page(services.consolidate(ReadView(), org), current_page()))


# -- coverage --------------------------------------------------------------------------------


def _coverage():
    return services.coverage(ReadView(), _orgs_param() or None, request.args.get("region"), request_language())


@bp.get("/api/coverage")
@produces("application/json")
def coverage_json() -> Response:
    return jsonify(_coverage().result.to_dict())


@bp.get("/analysis/coverage")
@produces("text/html")
def coverage_page() -> Response:
    outcome = _coverage()
    return _html(analysis_reports.coverage_page(outcome, current_page(), services.organisations(ReadView()),
                                                _orgs_param()))


@bp.get("/analysis/coverage/heatmap.<fmt>")
def coverage_heatmap(fmt: str) -> Response:
    if fmt not in ("png", "svg"):
        raise HttpProblem(404, "web.not_found", path=request.path)
    scheme = "objective" if request.args.get("scheme") == "objective" else "sdg"
    body = charts.coverage_heatmap(_coverage().result, scheme, fmt, request_language())
    return Response(body, mimetype="image/png" if fmt == "png" else "image/svg+xml")


# -- council report --------------------------------------------------------------------------


@bp.get("/api/report/<org>")
@produces("application/json")
def report_json(org: str) -> Response:
    return jsonify(services.council_report(ReadView(), org, request.args.get("period")).report.to_dict())


@bp.get("/analysis/report")
@bp.get("/analysis/report/<org>")
@produces("text/html")
def report_page(org: str | None = None) -> Response:
    org = org or request.args.get("org")
    if not org:
        import datetime as dt

        return _choose(_t("report.sustainability_follow_up"), _t("report.report_intro"), "/analysis/report",
                       period=request.args.get("period") or str(dt.date.today().year - 1))
    outcome = services.council_report(ReadView(), org, request.args.get("period"), request_language())
    return _html(analysis_reports.council_report_page(outcome, current_page()))


# -- suggestions -----------------------------------------------------------------------------


def _suggestions(org: str):
    minimum = _number_arg("minimum", 0.3, 0.0, 1.0)
    return services.suggest(ReadView(), org, minimum=minimum, include_linked=request.args.get("all") is not None,
                            lang=request_language())


@bp.get("/api/suggest/<org>")
@produces("application/json")
def suggest_json(org: str) -> Response:
    from ssgraph.analysis.suggest import as_dicts

    outcome = _suggestions(org)
    found = as_dicts(outcome.suggestions)
    for row in found:
        row["concept_label"] = outcome.concept_labels.get(row["concept"], "")
    return jsonify({"organisation": outcome.org.code, "suggestions": found, "documents": outcome.documents})


@bp.get("/analysis/suggest")
@bp.get("/analysis/suggest/<org>")
@produces("text/html")
def suggest_page(org: str | None = None) -> Response:
    org = org or request.args.get("org")
    if not org:
        return _choose(_t("report.suggested_links"), _t("report.suggest_intro"), "/analysis/suggest")
    return _html(analysis_reports.suggest_page(_suggestions(org), current_page()))


@bp.post("/api/suggest/<org>/accept")
@produces("application/json")
def suggest_accept(org: str) -> Response:
    from ssgraph.web.update import require_token

    require_token()
    body = request.get_json(silent=True)
    body = body if isinstance(body, dict) else {}
    ids = body.get("ids") or []
    ids = [str(i) for i in ids] if isinstance(ids, list) else [str(ids)]
    if not ids:
        raise HttpProblem(400, MISSING_PARAMETER, name="ids")
    method = str(body.get("method") or "manual")
    count = service().write(lambda store: services.accept_suggestions(store, org, ids, method))
    return jsonify({"ok": True, "accepted": count, "method": method})


# -- validation ------------------------------------------------------------------------------


def _validation(org: str):
    source = request.args.get("source") or "auto"
    if source not in ("auto", "stored", "run"):
        raise HttpProblem(400, "web.analysis.bad_source", value=source)
    with service().reading() as store:
        return services.validation_report(store, org, source=source,
                                          min_severity=request.args.get("min_severity") or "info")


@bp.get("/api/validation")
@produces("application/json")
def validation_json() -> Response:
    from ssgraph.rendering.validation_report import report_data

    return jsonify(report_data(_validation(_required("org")).reports))


@bp.get("/analysis/validation")
@produces("text/html")
def validation_page() -> Response:
    org = request.args.get("org")
    if not org:
        return html_response("validation/choose.html", organisations=services.organisations(ReadView()))
    outcome = _validation(org)
    return _html(validation_report.html(outcome, current_page()))


@bp.get("/api/goal-graph")
@produces("application/json")
def goal_graph_json() -> Response:
    from ssgraph.analysis.goal_graph import to_node_link

    return jsonify(to_node_link(services.goal_graph(ReadView(), _orgs_param() or None)))


def register(app: Flask) -> None:
    """Mount the analysis pages and API on an app made by ``create_app`` (once), with the
    harmonisation review and the version diff."""
    from ssgraph.web import harmonisation_review

    for blueprint in (bp, harmonisation_review.bp):
        if blueprint.name not in app.blueprints:
            app.register_blueprint(blueprint)


