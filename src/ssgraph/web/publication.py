"""Publication pages: /publication (what is published and how), /ontology and /shapes.

Each answers a browser with a page in the site's chrome and a client with RDF (Accept or
``format``), and 406 when the request accepts neither. The DCAT catalogue and VoID are in
``web/datasets.py``, the dumps in ``web/dumps.py``.
"""

from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, Response, request
from rdflib import Graph

from ssgraph import paths
from ssgraph.publication.ontology_docs import ontology_document
from ssgraph.web import negotiation
from ssgraph.web.errors import not_acceptable
from ssgraph.web.pages import html_response
from ssgraph.web.service import service
from ssgraph.web.sparql import serialize_graph

bp = Blueprint("publication", __name__)

RDF_ALTERNATES = (("Turtle", "turtle"), ("RDF/XML", "rdfxml"), ("JSON-LD", "json-ld"), ("N-Triples", "ntriples"))


def public_base() -> str:
    configured = service().settings.get("public_base_url") or ""
    return configured.rstrip("/") + "/" if configured else request.url_root


def alternates(path: str) -> list[dict[str, str]]:
    """The page's RDF forms, for <link rel="alternate"> and the format links."""
    return [{"name": name, "media_type": negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt].split(";")[0],
             "href": f"{path}?format={fmt}"} for name, fmt in RDF_ALTERNATES]


def chosen_format(prefer: str = "text/turtle") -> str:
    """``"html"`` or an RDF format for this request; 406 when it accepts neither."""
    choice = negotiation.page_or_graph(request.headers.get("Accept"), request.args.get("format"), prefer)
    if choice is None:
        raise not_acceptable()
    return choice


def rdf_response(graph: Graph, fmt: str) -> Response:
    response = Response(serialize_graph(graph, fmt), content_type=negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt])
    response.headers["Vary"] = "Accept"
    return response


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    graph = Graph()
    graph.parse(paths.ONTOLOGY_FILE, format="turtle")
    return graph


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    graph = Graph()
    for path in sorted(paths.SHAPES_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@bp.route("/ontology", methods=["GET"])
def ontology() -> Response:
    fmt = chosen_format()
    if fmt == "html":
        return html_response("site/ontology.html", alternates=alternates(request.path), doc=ontology_document())
    if fmt == "turtle":
        return Response(paths.ONTOLOGY_FILE.read_bytes(), content_type="text/turtle; charset=utf-8",
                        headers={"Vary": "Accept"})
    return rdf_response(_ontology(), fmt)


@bp.route("/shapes", methods=["GET"])
def shapes() -> Response:
    fmt = chosen_format()
    if fmt == "html":
        from ssgraph.publication.shape_docs import shape_rules

        return html_response("site/shapes.html", alternates=alternates(request.path), rules=shape_rules(_shapes()))
    return rdf_response(_shapes(), fmt)


@bp.route("/publication", methods=["GET"])
def publication_page() -> Response:
    if negotiation.acceptable(request.headers.get("Accept"), ["text/html"]) is None and not request.args.get("format"):
        raise not_acceptable()
    settings = service().settings
    return html_response("publication/index.html", base=public_base(), licence=settings["licence"],
                         publisher=settings["publisher_name"], contact=settings["contact_email"])
