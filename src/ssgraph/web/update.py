"""SPARQL 1.1 Update at /update and the Graph Store Protocol at /graphs, behind a token.

Both exist only when the operator configured ``update_token`` (SSGRAPH_UPDATE_TOKEN or the
config file) and the request carries ``Authorization: Bearer <token>``. LOAD reads only from
allow-listed http(s) URLs; SERVICE inside updates follows the query allow-list.
"""

from __future__ import annotations

import hmac
import re

from flask import Blueprint, Response, request

from ssgraph.errors import QueryError, problem
from ssgraph.store.binding import bind, iri
from ssgraph.web.errors import HttpProblem
from ssgraph.web.publication import public_base
from ssgraph.web.service import service
from ssgraph.web.sparql import body_text, form_values, syntax_problem

UPDATE_FAILED = "web.update_failed"

bp = Blueprint("update", __name__)


def require_token() -> None:
    token = service().settings.get("update_token") or ""
    if not token:
        raise HttpProblem(404, "web.writing_disabled")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HttpProblem(403, "web.bad_token")


# -- SPARQL Update -------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|<[^<>"{}|^`\\\s]*>)"""
    r"""|(?P<open>\{)|(?P<close>\})|(?P<word>[A-Za-z_]+)""",
    re.S,
)


def add_using(text: str, default: list[str], named: list[str]) -> str:
    """Add USING / USING NAMED before each top-level WHERE (SPARQL 1.1 Protocol §2.2.3)."""
    clause = "".join(bind(" USING $g", g=iri(g)) for g in default)
    clause += "".join(bind(" USING NAMED $g", g=iri(g)) for g in named)
    out, last, depth, previous = [], 0, 0, ""
    for match in _TOKEN.finditer(text):
        if match.group("open"):
            depth += 1
        elif match.group("close"):
            depth -= 1
        elif match.group("word"):
            word = match.group("word").upper()
            if depth == 0 and word in ("USING", "WITH"):
                raise HttpProblem(400, "web.dataset_conflict")
            if depth == 0 and word == "WHERE" and previous != "DELETE":
                out.append(text[last:match.start()] + clause + " ")
                last = match.start()
            previous = word
    out.append(text[last:])
    return "".join(out)


@bp.route("/update", methods=["POST"])
def update_endpoint() -> Response:
    require_token()
    if request.mimetype == "application/x-www-form-urlencoded":
        updates = form_values("update")
        if form_values("query"):
            raise HttpProblem(400, "web.one_update", count=0)
    elif request.mimetype == "application/sparql-update":
        updates = [body_text(request.mimetype)]
    else:
        raise HttpProblem(415, "web.bad_content_type", content_type=request.mimetype or "-",
                          direct="application/sparql-update")
    if len(updates) != 1:
        raise HttpProblem(400, "web.one_update", count=len(updates))
    text = updates[0]
    default = request.args.getlist("using-graph-uri") + request.form.getlist("using-graph-uri")
    named = request.args.getlist("using-named-graph-uri") + request.form.getlist("using-named-graph-uri")
    if default or named:
        text = add_using(text, default, named)
    base = public_base() + "update"
    try:
        service().write(lambda store: store.update(text, base_iri=base))
    except QueryError as error:
        raise _update_problem(error) from None
    return Response(status=204)


def _update_problem(error: QueryError) -> QueryError:
    """A syntax error with its position; an update the store refused says nothing changed."""
    first = error.problems[0]
    if first.message_id == "store.query_failed":
        return QueryError(problem(UPDATE_FAILED, detail=first.params.get("detail", "")))
    return syntax_problem(error)


