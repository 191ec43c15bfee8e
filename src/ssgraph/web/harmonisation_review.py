"""The review of a harmonisation on the web, and the version diff.

- ``/analysis/harmonise/review?a=…&b=…`` the review page: every proposed link with its
  evidence; accept, reject, change the relation, add a link by hand (the page's script
  posts to the API below with the operator's token)
- ``POST /api/harmonise/decisions?a=…&b=…`` ``{"reviewer": …, "decisions": [{"subject",
  "object", "verdict": accept|reject|add|clear, "relation"?, "comment"?}]}`` (update token)
- ``/api/harmonise/review?a=…&b=…`` the review as JSON
- ``/analysis/harmonise/decisions.tsv?a=…&b=…`` the decisions as SSSOM TSV
- ``/analysis/harmonise/merged.xlsx?a=…&b=…&code=…&name=…&type=…&version=…`` the reviewed
  merged structure as a filled import workbook for the new organisation
- ``/analysis/diff?a=…&b=…`` and ``/api/diff``: goals added, removed and reworded between
  two versions

``a`` and ``b`` name goal structures as the CLI does: ``ORG`` or ``ORG@VERSION``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Blueprint, Response, jsonify, request

from ssgraph import catalogue, services
from ssgraph.analysis import review
from ssgraph.analysis.merged_workbook import NewOrganisation
from ssgraph.services import harmonisation_review as review_service
from ssgraph.web.errors import HttpProblem, request_language
from ssgraph.web.negotiation import produces
from ssgraph.web.pages import html_response
from ssgraph.web.service import service
from ssgraph.web.store_view import ReadView

bp = Blueprint("harmonisation_review", __name__)

MISSING_PARAMETER = "web.analysis.missing_parameter"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _required(name: str) -> str:
    value = (request.args.get(name) or "").strip()
    if not value:
        raise HttpProblem(400, MISSING_PARAMETER, name=name)
    return value


def _mode() -> str:
    from ssgraph.analysis.harmonise import MODES

    mode = request.args.get("mode") or "many-to-one"
    if mode not in MODES:
        raise HttpProblem(400, "web.analysis.unknown_mode", mode=mode, known=", ".join(MODES))
    return mode


def _t(message_id: str, **params: object) -> str:
    return catalogue.text(message_id, request_language(), **params)


def _choose(heading: str, intro: str, action: str, button: str) -> Response:
    view = ReadView()
    choices = services.structure_choices(view)
    organisations = services.organisations(view)
    first = request.args.get("a") or (organisations[0].code if organisations else None)
    second = request.args.get("b") or (organisations[1].code if len(organisations) > 1 else "")
    return html_response("analysis/choose.html", heading=heading, intro=intro, action=action,
                         organisations=organisations, choices=choices, selected=first, second=second,
                         button=button)


@bp.get("/analysis/harmonise/review")
@produces("text/html")
def review_page() -> Response:
    if not request.args.get("a") or not request.args.get("b"):
        return _choose(_t("review.heading"), _t("review.intro"), "/analysis/harmonise/review", _t("review.open"))
    view = ReadView()
    reviewed = review_service.review_of(view, _required("a"), _required("b"), mode=_mode())
    names = {o.code: o.label for o in services.organisations(view)}
    from ssgraph.importing.model import SHEETS_BY_KEY

    types = SHEETS_BY_KEY["organisation"].column("type").choices
    return html_response(
        "analysis/review.html", rv=reviewed, r=reviewed.outcome.result, names=names, mode=_mode(),
        relations=review.RELATIONS, a=request.args.get("a"), b=request.args.get("b"),
        organisation_types=types, illustrative=reviewed.outcome.illustrative,
        writing=bool(service().settings.get("update_token")),
    )


@bp.get("/api/harmonise/review")
@produces("application/json")
def review_json() -> Response:
    reviewed = review_service.review_of(ReadView(), _required("a"), _required("b"), mode=_mode())
    return jsonify({
        "a": reviewed.key_a, "b": reviewed.key_b, "counts": reviewed.counts(),
        "links": [_row_dict(row) for row in reviewed.rows],
        "merged": [m.__dict__ for m in reviewed.outcome.result.merged],
    })


def _row_dict(row: review_service.ReviewRow) -> dict:
    made = row.decision
    return {
        "subject": row.a, "object": row.b, "subject_label": row.a_label, "object_label": row.b_label,
        "state": row.state, "relation": row.relation,
        "proposal": None if row.proposal is None else {
            "relation": row.proposal.relation, "score": row.proposal.score, "chosen": row.proposal.assigned,
            "evidence": row.proposal.explanation()},
        "decision": None if made is None else {
            "verdict": made.verdict, "relation": made.relation, "reviewer": made.reviewer, "time": made.time,
            "comment": made.comment},
    }


@bp.post("/api/harmonise/decisions")
@produces("application/json")
def record_decisions() -> Response:
    from ssgraph.web.update import require_token

    require_token()
    a, b, mode = _required("a"), _required("b"), _mode()
    body = request.get_json(silent=True)
    body = body if isinstance(body, dict) else {}
    entries = body.get("decisions")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise HttpProblem(400, MISSING_PARAMETER, name="decisions")
    reviewer = str(body.get("reviewer") or "").strip()[:200]
    reviewed = service().write(lambda store: review_service.record(store, a, b, entries, reviewer, mode=mode))
    return jsonify({"ok": True, "counts": reviewed.counts(), "decisions": len(reviewed.outcome.decisions)})


@bp.get("/analysis/harmonise/decisions.tsv")
def decisions_tsv() -> Response:
    outcome = services.harmonise(ReadView(), _required("a"), _required("b"), mode=_mode())
    key_a, key_b = (s.key for s in outcome.structures)
    text = review.to_sssom_tsv(outcome.decisions, key_a, key_b, outcome.result.candidates)
    response = Response(text, mimetype="text/tab-separated-values")
    response.headers["Content-Disposition"] = f'attachment; filename="{_file_name(key_a, key_b)}-decisions.sssom.tsv"'
    return response


def _file_name(key_a: str, key_b: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9._-]+", "_", f"harmonise-{key_a}-{key_b}")[:120]


@bp.get("/analysis/harmonise/merged.xlsx")
def merged_workbook() -> Response:
    view = ReadView()
    outcome = services.harmonise(view, _required("a"), _required("b"), mode=_mode())
    organisation = NewOrganisation(_required("code"), _required("name"), request.args.get("type") or "region",
                                   (request.args.get("version") or "").strip() or _t("review.merged_version"))
    names = {o.code: o.label for o in services.organisations(view)}
    with tempfile.TemporaryDirectory() as folder:
        path = review_service.write_merged_workbook(outcome, Path(folder) / "merged.xlsx", organisation,
                                                    request_language(), names)
        body = path.read_bytes()
    response = Response(body, mimetype=XLSX)
    from ssgraph.versions import slug

    name = f"{slug(organisation.code)}-{slug(organisation.version)}"[:120]
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


# -- the version diff -------------------------------------------------------------------------


@bp.get("/api/diff")
@produces("application/json")
def diff_json() -> Response:
    return jsonify(services.diff(ReadView(), _required("a"), request.args.get("b") or None).to_dict())


@bp.get("/analysis/diff")
@produces("text/html")
def diff_page() -> Response:
    if not request.args.get("a"):
        return _choose(_t("review.diff_heading"), _t("review.diff_intro"), "/analysis/diff", _t("report.show"))
    result = services.diff(ReadView(), _required("a"), request.args.get("b") or None)
    return html_response("analysis/diff.html", d=result)
