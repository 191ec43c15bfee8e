"""SPARQL 1.1 Update at /update and the Graph Store Protocol at /graphs, behind a token.

Both exist only when the operator configured ``update_token`` (SSGRAPH_UPDATE_TOKEN or the
config file) and the request carries ``Authorization: Bearer <token>``. LOAD reads only from
allow-listed http(s) URLs; SERVICE inside updates follows the query allow-list.
"""

from __future__ import annotations

import hmac
import re
import uuid
from urllib.parse import quote

from flask import Blueprint, Response, request
from rdflib import Graph

from ssgraph import messages
from ssgraph.errors import QueryError
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem
from ssgraph.web.protection import check_federation
from ssgraph.web.service import service
from ssgraph.web.sparql import body_text, form_values, syntax_problem

messages.define(
    "web.writing_disabled",
    sv="skrivning är avstängd: operatören har inte angett någon nyckel (SSGRAPH_UPDATE_TOKEN)",
    en="writing is disabled: the operator has not configured a token (SSGRAPH_UPDATE_TOKEN)",
)
messages.define(
    "web.bad_token",
    sv="skrivning kräver rätt nyckel i rubriken 'Authorization: Bearer <nyckel>'",
    en="writing needs the right token in the header 'Authorization: Bearer <token>'",
)
messages.define(
    "web.one_update",
    sv="ange exakt en uppdatering (parametern update); fick {count}",
    en="give exactly one update (the update parameter); got {count}",
)
messages.define(
    "web.dataset_conflict",
    sv="using-graph-uri/using-named-graph-uri kan inte kombineras med USING eller WITH i uppdateringen",
    en="using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH in the update",
)
messages.define(
    "web.graph_parameter",
    sv="ange antingen ?graph=<IRI> eller ?default",
    en="give either ?graph=<IRI> or ?default",
)
messages.define(
    "web.graph_missing",
    sv="grafen {graph} finns inte",
    en="the graph {graph} does not exist",
)
messages.define(
    "web.bad_rdf",
    sv="innehållet kunde inte läsas som {format}: {detail}",
    en="the content could not be read as {format}: {detail}",
)
messages.define(
    "web.bad_iri",
    sv="ogiltig IRI: {iri}",
    en="invalid IRI: {iri}",
)

bp = Blueprint("update", __name__)

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
RDFLIB_PARSE_FORMAT = {"turtle": "turtle", "ntriples": "nt", "json-ld": "json-ld", "rdfxml": "xml",
                       "trig": "trig", "nquads": "nquads"}


def require_token() -> None:
    token = service().settings.get("update_token") or ""
    if not token:
        raise HttpProblem(404, "web.writing_disabled")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HttpProblem(403, "web.bad_token")


def checked_iri(iri: str) -> str:
    if not _IRI.match(iri):
        raise HttpProblem(400, "web.bad_iri", iri=iri)
    return iri


# -- SPARQL Update -------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|<[^<>"{}|^`\\\s]*>)"""
    r"""|(?P<open>\{)|(?P<close>\})|(?P<word>[A-Za-z_]+)""",
    re.S,
)


def add_using(text: str, default: list[str], named: list[str]) -> str:
    """Add USING / USING NAMED before each top-level WHERE (SPARQL 1.1 Protocol §2.2.3)."""
    clause = "".join(f" USING <{checked_iri(g)}>" for g in default)
    clause += "".join(f" USING NAMED <{checked_iri(g)}>" for g in named)
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
    settings = service().settings
    check_federation(text, settings["service_allow_list"], settings["load_allow_list"], is_update=True)
    try:
        service().write(lambda store: store.update(text))
    except QueryError as error:
        raise syntax_problem(error) from None
    return Response(status=204)


# -- Graph Store Protocol ------------------------------------------------------------------


def _target() -> str:
    """The graph IRI, or "" for the default graph."""
    has_default = "default" in request.args
    graph = request.args.get("graph")
    if has_default == (graph is not None):
        raise HttpProblem(400, "web.graph_parameter")
    return "" if has_default else checked_iri(graph)


def _exists(store, iri: str) -> bool:
    if iri == "":
        return True
    # true for an existing named graph even when it is empty (GSP: PUT of an empty graph)
    return store.ask(f"ASK {{ GRAPH <{iri}> {{ }} }}")


def _payload() -> Graph:
    graph = Graph()
    parts: list[tuple[bytes, str]] = []
    if request.mimetype == "multipart/form-data":
        for upload in request.files.values():
            fmt = negotiation.GRAPH_MEDIA_TYPE_TO_FORMAT.get(upload.mimetype or "", None)
            if fmt is None:
                from ssgraph.store.base import EXTENSION_TO_FORMAT

                suffix = "." + (upload.filename or "").rsplit(".", 1)[-1].lower()
                fmt = EXTENSION_TO_FORMAT.get(suffix, "turtle")
            parts.append((upload.read(), fmt))
    else:
        fmt = negotiation.GRAPH_MEDIA_TYPE_TO_FORMAT.get(request.mimetype)
        if fmt is None:
            raise HttpProblem(415, "web.bad_content_type", content_type=request.mimetype or "-",
                              direct="text/turtle")
        parts.append((request.get_data(), fmt))
    for data, fmt in parts:
        try:
            graph.parse(data=data, format=RDFLIB_PARSE_FORMAT[fmt], publicID=request.base_url)
        except Exception as error:  # noqa: BLE001 - any parser failure is the client's bad payload
            raise HttpProblem(400, "web.bad_rdf", format=fmt, detail=str(error).splitlines()[0][:300]) from None
    return graph


def _insert(store, iri: str, graph: Graph) -> None:
    if len(graph):
        body = graph.serialize(format="nt")
        store.update(f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} }}" if iri else f"INSERT DATA {{\n{body}\n}}")


def _read(iri: str) -> Response:
    import io

    fmt = negotiation.graph_format(request.headers.get("Accept"), request.args.get("format")) or "turtle"
    if fmt in ("trig", "nquads"):
        fmt = "turtle"

    def export(store):
        if not _exists(store, iri):
            raise HttpProblem(404, "web.graph_missing", graph=iri or "default")
        buffer = io.BytesIO()
        store.export(buffer, format=fmt, graph=iri)
        return buffer.getvalue()

    body = service().write(export)
    response = Response(body, content_type=negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt])
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/graphs", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    require_token()
    if request.method == "POST" and "graph" not in request.args and "default" not in request.args:
        iri = request.url_root + "graphs/" + uuid.uuid4().hex
        payload = _payload()
        service().write(lambda store: (store.update(f"CREATE SILENT GRAPH <{iri}>"), _insert(store, iri, payload)))
        response = Response(status=201)
        response.headers["Location"] = request.base_url + "?graph=" + quote(iri, safe="")
        return response
    iri = _target()
    if request.method in ("GET", "HEAD"):
        return _read(iri)
    if request.method == "DELETE":
        def delete(store) -> None:
            if not _exists(store, iri):
                raise HttpProblem(404, "web.graph_missing", graph=iri or "default")
            store.update(f"DROP GRAPH <{iri}>" if iri else "DROP DEFAULT")
        service().write(delete)
        return Response(status=204)
    payload = _payload()

    def write(store) -> bool:
        existed = _exists(store, iri)
        if request.method == "PUT":
            if iri:
                store.update(f"DROP SILENT GRAPH <{iri}> ; CREATE SILENT GRAPH <{iri}>")
            else:
                store.update("DROP SILENT DEFAULT")
        elif iri:
            store.update(f"CREATE SILENT GRAPH <{iri}>")
        _insert(store, iri, payload)
        return existed

    existed = service().write(write)
    return Response(status=204 if existed else 201)
