"""The SPARQL 1.1 Protocol query endpoint at /sparql, with its Service Description.

Query by GET, POST form-encoded or POST ``application/sparql-query``; dataset from
``default-graph-uri`` / ``named-graph-uri``; results by Accept or ``format``. Updates are
refused here (they live at /update, behind the operator's token).
"""

from __future__ import annotations

import re
from functools import lru_cache

from flask import Blueprint, Response, redirect, request
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from werkzeug.wrappers import Request as WerkzeugRequest

from ssgraph.errors import QueryError, problem
from ssgraph.store import QueryJob, RawResult
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, not_acceptable
from ssgraph.web.rsgi_request import RsgiRequest
from ssgraph.web.service import service

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")


bp = Blueprint("sparql", __name__)

_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)
_FORM = "application/x-www-form-urlencoded"


# Everything below takes the request as a werkzeug Request (Flask's ``request`` by default)
# or as the web front's RsgiRequest (the same attributes, read from the RSGI scope), so the
# front (``web.front``) answers the protocol with the same code, without Flask.
Request = WerkzeugRequest | RsgiRequest


def _charset_ok(req: Request) -> bool:
    charset = req.mimetype_params.get("charset")
    return charset is None or charset.lower().replace("_", "-") in ("utf-8", "utf8")


def body_text(direct_type: str, req: Request | None = None) -> str:
    """The body of a direct POST, refusing non-UTF-8."""
    req = req or request
    if not _charset_ok(req):
        raise HttpProblem(400, "web.not_utf8")
    try:
        return req.get_data().decode("utf-8")
    except UnicodeDecodeError:
        raise HttpProblem(400, "web.not_utf8") from None


def form_values(name: str, req: Request | None = None) -> list[str]:
    req = req or request
    if not _charset_ok(req):
        raise HttpProblem(400, "web.not_utf8")
    try:
        req.get_data().decode("utf-8")
    except UnicodeDecodeError:
        raise HttpProblem(400, "web.not_utf8") from None
    return req.form.getlist(name)


def protocol_dataset(prefix: str = "", req: Request | None = None) -> tuple[list[str], list[str]]:
    """default-graph-uri / named-graph-uri (or using-… for updates) from the query string and form."""
    req = req or request
    default = req.args.getlist(f"{prefix}default-graph-uri" if not prefix else f"{prefix}graph-uri")
    named = req.args.getlist(f"{prefix}named-graph-uri")
    if req.method == "POST" and req.mimetype == _FORM:
        default += req.form.getlist(f"{prefix}default-graph-uri" if not prefix else f"{prefix}graph-uri")
        named += req.form.getlist(f"{prefix}named-graph-uri")
    return default, named


def _read_query(req: Request) -> tuple[list[str], bool]:
    """The query texts of the request and whether it carried an update instead."""
    if req.method in ("GET", "HEAD"):
        return req.args.getlist("query"), bool(req.args.getlist("update"))
    mimetype = req.mimetype
    if mimetype == _FORM:
        return form_values("query", req), bool(req.form.getlist("update"))
    if mimetype == "application/sparql-query":
        return [body_text(mimetype, req)], False
    if mimetype == "application/sparql-update":
        return [], True
    raise HttpProblem(415, "web.bad_content_type", content_type=mimetype or "-",
                      direct="application/sparql-query")


def protocol_query(req: Request) -> tuple[str, list[str], list[str]] | None:
    """The query and its dataset of a protocol request; None when it asks for no query (the
    service description, or the query page for a browser)."""
    queries, carries_update = _read_query(req)
    if carries_update:
        raise HttpProblem(403 if req.method == "POST" else 400, "web.update_here")
    if not queries:
        if req.method == "POST":
            raise HttpProblem(400, "web.one_query", count=0)
        return None
    if len(queries) != 1:
        raise HttpProblem(400, "web.one_query", count=len(queries))
    default_graphs, named_graphs = protocol_dataset(req=req)
    return queries[0], default_graphs, named_graphs


def syntax_problem(error: QueryError) -> QueryError:
    """Restate Oxigraph's 'error at L:C: …' as a located message."""
    first = error.problems[0]
    if first.message_id != "store.query_syntax":
        return error
    match = _POSITION.search(str(first.params.get("detail", "")))
    if not match:
        return error
    return QueryError(problem("web.query_syntax", line=match.group(1), column=match.group(2),
                              detail=match.group(3).strip()))


FORMAT_PARAMETERS = ("format", "output", "results")


def requested_formats(req: Request | None = None) -> tuple[str | None, str | None]:
    """(result format, graph format) from the first ``format``/``output``/``results`` value
    that names one, else from Accept. Clients send several (SPARQLWrapper: ``format=rdf+xml``
    and ``format=application/rdf+xml``), so an unknown value alone is no reason to refuse."""
    req = req or request
    given = [v for name in FORMAT_PARAMETERS for v in req.values.getlist(name) if v.strip()]
    for value in given:
        result_fmt, graph_fmt = negotiation.result_format(None, value), negotiation.graph_format(None, value)
        if result_fmt or graph_fmt:
            return result_fmt, graph_fmt
    if given:
        raise HttpProblem(406, "web.not_acceptable", requested=", ".join(given)[:200])
    accept = req.headers.get("Accept")
    return negotiation.result_format(accept), negotiation.graph_format(accept)


QUERY_FORMS = {"SELECT": "results", "ASK": "results", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def query_form(text: str) -> str | None:
    """``"results"`` (SELECT, ASK) or ``"graph"`` (CONSTRUCT, DESCRIBE): the first query-form
    keyword outside strings, IRIs and comments; None when the text has none (a syntax error)."""
    if len(text) <= _FORMS_REMEMBERED_UP_TO:  # clients send the same queries again and again
        return _remembered_query_form(text)
    return _scanned_query_form(text)


_FORMS_REMEMBERED_UP_TO = 2000  # characters: 1,024 of them at most 2 MB


def _scanned_query_form(text: str) -> str | None:
    from ssgraph.store.sparql_text import scan

    for match in scan(text):
        if match.lastgroup == "word" and match.group().upper() in QUERY_FORMS:
            return QUERY_FORMS[match.group().upper()]
    return None


_remembered_query_form = lru_cache(maxsize=1024)(_scanned_query_form)


def query_job(req: Request, text: str, default_graphs: list[str], named_graphs: list[str],
              settings: dict) -> QueryJob:
    """The job for a query with the request's content negotiation; 406 when the request
    accepts no format of the query's kind (a SELECT asked for as Turtle)."""
    result_fmt, graph_fmt = requested_formats(req)
    form = query_form(text)
    if (form == "results" and result_fmt is None) or (form == "graph" and graph_fmt is None):
        raise not_acceptable(req)
    return QueryJob(
        text,
        result_format=result_fmt or "json",
        graph_format=graph_fmt or "turtle",
        default_graph_uris=tuple(default_graphs),
        named_graph_uris=tuple(named_graphs),
        max_rows=int(settings["max_result_rows"]),
    )


def result_media_type(job: QueryJob, raw: RawResult) -> str:
    if raw.kind == "graph":
        return negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[job.graph_format]
    return raw.media_type


def answer(job_text: str, default_graphs: list[str], named_graphs: list[str]) -> Response:
    """Run a query with the request's content negotiation and build the response."""
    job = query_job(request, job_text, default_graphs, named_graphs, service().settings)
    try:
        raw = service().run(job, client=request.remote_addr or "")
    except QueryError as error:
        raise syntax_problem(error) from None
    response = Response(raw.body, content_type=result_media_type(job, raw))
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/sparql", methods=["GET", "POST"])
def sparql_endpoint() -> Response:
    parsed = protocol_query(request)
    if parsed is None:
        if negotiation.wants_html(request.headers.get("Accept")):
            return redirect("/", code=303)
        return service_description()
    return answer(*parsed)


def service_description() -> Response:
    base = request.url_root
    endpoint = URIRef(base + "sparql")
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    node = URIRef(base + "sparql#service")
    graph.add((node, RDF.type, SD.Service))
    graph.add((node, SD.endpoint, endpoint))
    graph.add((node, SD.supportedLanguage, SD.SPARQL11Query))
    if service().settings.get("update_token"):
        graph.add((node, SD.supportedLanguage, SD.SPARQL11Update))
    graph.add((node, SD.feature, SD.UnionDefaultGraph))
    graph.add((node, SD.feature, SD.BasicFederatedQuery))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"):
        graph.add((node, SD.resultFormat, FORMATS[fmt]))
    dataset = BNode()
    graph.add((node, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default_graph = BNode()
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((node, URIRef("http://purl.org/dc/terms/description"),
               Literal("ssgraph: hållbarhetsstyrning (SS 854000) som länkade data", lang="sv")))
    graph.add((node, URIRef("http://purl.org/dc/terms/description"),
               Literal("ssgraph: sustainability governance (SS 854000) as linked data", lang="en")))
    fmt = negotiation.graph_format(request.headers.get("Accept"), request.args.get("format"))
    if fmt is None:
        raise not_acceptable()
    response = Response(serialize_graph(graph, fmt), content_type=negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt])
    response.headers["Vary"] = "Accept"
    return response


def serialize_graph(graph: Graph, fmt: str) -> bytes:
    """An rdflib graph in a negotiated format; quad formats get it as the default graph."""
    if fmt in ("trig", "nquads"):
        dataset = Dataset()
        for triple in graph:
            dataset.add(triple)
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        return dataset.serialize(format=fmt, encoding="utf-8")
    rdflib_format = {"turtle": "turtle", "ntriples": "nt", "json-ld": "json-ld", "rdfxml": "xml"}[fmt]
    return graph.serialize(format=rdflib_format, encoding="utf-8")
