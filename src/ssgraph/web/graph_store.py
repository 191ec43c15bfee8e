"""The SPARQL 1.1 Graph Store HTTP Protocol, behind the operator's token (as /update).

- indirect identification: ``/graphs?graph=IRI`` or ``/graphs?default``;
- direct identification: ``/graphs/NAME`` is the graph whose IRI is that URL (under
  ``public_base_url`` when the operator set one, else under the request's own address);
- ``POST /graphs`` makes a new graph and answers 201 with its ``Location``.

A body is parsed and checked whole before anything is written (``ssgraph.store.payload``)
and is then written in one transaction: a PUT leaves exactly the old or exactly the new
graph, whatever happens, and a body that cannot be read is a 400 that changes nothing.
"""

from __future__ import annotations

import io
import uuid
from urllib.parse import quote

from flask import Blueprint, Response, request

from ssgraph.namespaces import SSGGRAPH
from ssgraph.store.base import EXTENSION_TO_FORMAT
from ssgraph.store.binding import bind, iri, is_iri
from ssgraph.store.payload import Triples, parse_triples
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem
from ssgraph.web.publication import public_base
from ssgraph.web.service import service
from ssgraph.web.update import require_token

GRAPH_PARAMETER = "web.graph_parameter"
GRAPH_MISSING = "web.graph_missing"
UNKNOWN_PART_TYPE = "web.unknown_part_type"

bp = Blueprint("graph_store", __name__)
METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]


def _parts() -> list[tuple[bytes, str, str]]:
    """The body as (data, format, name) parts: one, or one per multipart/form-data file."""
    if request.mimetype == "multipart/form-data":
        parts = []
        for upload in request.files.values():
            name = upload.filename or "upload"
            fmt = negotiation.GRAPH_MEDIA_TYPE_TO_FORMAT.get(upload.mimetype or "")
            if fmt is None:
                fmt = EXTENSION_TO_FORMAT.get("." + name.rsplit(".", 1)[-1].lower())
            if fmt is None:
                raise HttpProblem(415, UNKNOWN_PART_TYPE, name=name)
            parts.append((upload.read(), fmt, name))
        return parts
    fmt = negotiation.GRAPH_MEDIA_TYPE_TO_FORMAT.get(request.mimetype)
    if fmt is None:
        raise HttpProblem(415, "web.bad_content_type", content_type=request.mimetype or "-",
                          direct="text/turtle")
    return [(request.get_data(), fmt, "request body")]


def _payload(base_iri: str) -> Triples:
    return parse_triples(_parts(), base_iri)


def _exists(store, graph: str) -> bool:
    return graph == "" or store.graph_exists(graph)


def _read(graph: str) -> Response:
    fmt = negotiation.graph_format(request.headers.get("Accept"), request.args.get("format")) or "turtle"
    if fmt in ("trig", "nquads"):
        fmt = "turtle"
    with service().reading() as store:
        if not _exists(store, graph):
            raise HttpProblem(404, GRAPH_MISSING, graph=graph or "default")
        buffer = io.BytesIO()
        store.export(buffer, format=fmt, graph=graph)
    response = Response(buffer.getvalue(), content_type=negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt])
    response.headers["Vary"] = "Accept"
    return response


def _delete(graph: str) -> Response:
    def delete(store) -> None:
        if not _exists(store, graph):
            raise HttpProblem(404, GRAPH_MISSING, graph=graph or "default")
        store.update(bind("DROP GRAPH $g", g=iri(graph)) if graph else "DROP DEFAULT")

    service().write(delete)
    return Response(status=204)


def _write(graph: str, replace: bool) -> Response:
    payload = _payload(graph or public_base() + "graphs")  # parsed whole before any write

    def write(store) -> bool:
        existed = _exists(store, graph)
        store.write_graph(graph or None, payload, replace=replace)
        return existed

    existed = service().write(write)
    return Response(status=204 if existed else 201)


def _serve(graph: str) -> Response:
    """One request on one graph ("" is the default graph)."""
    if request.method in ("GET", "HEAD"):
        return _read(graph)
    if request.method == "DELETE":
        return _delete(graph)
    return _write(graph, replace=request.method == "PUT")


def _new_graph_iri() -> str:
    """A fresh graph IRI: under the public address when configured (then the IRI is also
    its URL), else in ssgraph's graph namespace; never from the request's Host header."""
    name = uuid.uuid4().hex
    configured = service().settings.get("public_base_url") or ""
    if configured:
        return configured.rstrip("/") + "/graphs/" + name
    return str(SSGGRAPH["posted/" + name])


@bp.route("/graphs", methods=METHODS)
def indirect() -> Response:
    require_token()
    has_default, named = "default" in request.args, request.args.get("graph")
    if request.method == "POST" and not has_default and named is None:
        return _create()
    if has_default == (named is not None):
        raise HttpProblem(400, GRAPH_PARAMETER)
    return _serve("" if has_default else str(iri(named)))


def _create() -> Response:
    graph = _new_graph_iri()
    payload = _payload(graph)
    service().write(lambda store: store.write_graph(graph, payload, replace=True))
    response = Response(status=201)
    if graph.startswith(public_base()):
        response.headers["Location"] = graph
    else:
        response.headers["Location"] = request.script_root + "/graphs?graph=" + quote(graph, safe="")
    return response


@bp.route("/graphs/<path:name>", methods=METHODS)
def direct(name: str) -> Response:
    require_token()
    graph = public_base() + "graphs/" + quote(name, safe="/:@!$&'()*+,;=%-._~")
    if not is_iri(graph):
        raise HttpProblem(400, "sparql.bad_iri", value=graph)
    return _serve(graph)
