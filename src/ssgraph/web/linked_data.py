"""Dereferenceable IRIs: /id/… (instance base) and /ref/… (reference concepts).

A resource answers as an HTML page for browsers (labels in the configured language order,
types, outgoing and incoming links, SDG numbers in their official colours, provenance) and
as Turtle, JSON-LD, RDF/XML or N-Triples for machines, chosen by Accept or ``?format=``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from flask import Blueprint, Response, request
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ssgraph import catalogue
from ssgraph.rendering.literals import show_literal
from ssgraph.store import QueryJob, binding
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, not_acceptable, request_language
from ssgraph.web.iris import ONTOLOGY_BASE, REF_BASE, local_href, short_name  # noqa: F401
from ssgraph.web.pages import render_page
from ssgraph.web.service import service
from ssgraph.web.sparql import serialize_graph

bp = Blueprint("linked_data", __name__)

LABEL_PROPERTIES = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
    "http://xmlns.com/foaf/0.1/name",
)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
PROV_QUOTED = "http://www.w3.org/ns/prov#wasQuotedFrom"
INCOMING_LIMIT = 500


@dataclass
class Link:
    label: str
    href: str | None = None
    note: str | None = None  # the value's language, when it is not the page's
    sdg: dict[str, str] | None = None
    title: str | None = None  # tooltip: the prefixed term, or a literal's datatype
    lang: str | None = None


@dataclass
class ResourceView:
    iri: str
    label: str
    types: list[Link] = field(default_factory=list)
    outgoing: list[dict[str, Link]] = field(default_factory=list)
    incoming: list[dict[str, Link]] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    quoted_from: list[dict[str, str]] = field(default_factory=list)  # public documents, with publisher and URL
    sdg: dict[str, str] | None = None


def _also_in(pattern: str, graphs: list[str] | None) -> str:
    """The pattern over the default graph (current versions), and also inside the graphs bound
    to ``$scope``: a resource of an archived version is described from its own graph."""
    if not graphs:
        return pattern
    return f"{{ {pattern} }} UNION {{ GRAPH ?scope {{ {pattern} }} VALUES ?scope {{ $scope }} }}"


def _scoped(graphs: list[str] | None) -> dict[str, object]:
    return {"scope": {binding.iri(g) for g in graphs}} if graphs else {}


class Labeller:
    """Labels, SDG numbers and colours of a set of IRIs, fetched in two queries."""

    def __init__(self, iris: set[str], languages: tuple[str, ...], graphs: list[str] | None = None):
        self.languages = languages
        self.labels: dict[str, dict[str, str]] = {}
        self.sdg: dict[str, dict[str, str]] = {}
        if not iris:
            return
        values = sorted(binding.iri(i) for i in iris)
        rows = service().select(binding.bind(
            "SELECT ?x ?p ?label WHERE { VALUES ?x { $iris } VALUES ?p { $properties } "
            + _also_in("?x ?p ?label", graphs) + " }",
            iris=values, properties=[URIRef(p) for p in LABEL_PROPERTIES], **_scoped(graphs)))
        ranked: dict[str, tuple[int, str]] = {}
        for row in rows:
            iri, label = str(row["x"]), row["label"]
            lang = label.language if isinstance(label, Literal) else None
            rank = (LABEL_PROPERTIES.index(str(row["p"])) +
                    10 * (languages.index(lang) if lang in languages else (len(languages) if lang is None else len(languages) + 1)))
            if iri not in ranked or rank < ranked[iri][0]:
                ranked[iri] = (rank, str(label))
        self.best = {iri: label for iri, (_, label) in ranked.items()}
        for row in service().select(binding.bind(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> "
            "SELECT ?x ?notation ?colour WHERE { VALUES ?x { $iris } ?x skos:notation ?notation ; "
            "skos:broader* ?goal . ?goal a ssg:SDGGoal ; ssg:colour ?colour . }", iris=values)
        ):
            self.sdg[str(row["x"])] = {"notation": str(row["notation"]), "colour": str(row["colour"])}

    def label(self, iri: str) -> str:
        """The data's label in the page's language order, else the catalogue's word for a
        reused W3C term, else the prefixed name."""
        found = getattr(self, "best", {}).get(iri)
        if found:
            return found
        name = short_name(iri)
        term = "term." + name.replace(":", ".", 1)
        return catalogue.text(term, self.languages[0]) if ":" in name and catalogue.has(term) else name

    def link(self, node: Node) -> Link:
        lang = self.languages[0]
        if isinstance(node, URIRef):
            iri = str(node)
            name = short_name(iri)
            return Link(self.label(iri), local_href(iri), sdg=self.sdg.get(iri), title=name if name != iri else iri)
        if isinstance(node, Literal):
            shown = show_literal(node, lang, short_name)
            note = None
            if shown.lang and shown.lang[:2] != lang:
                language = f"ui.language.{shown.lang[:2]}"
                note = catalogue.text("ui.in_language", lang, language=catalogue.Ref(language)) \
                    if catalogue.has(language) else shown.lang
            return Link(shown.text, note=note, title=shown.datatype, lang=shown.lang)
        return Link(f"_:{node}")


def label_languages() -> tuple[str, ...]:
    """The page's language first, then the configured fallback order."""
    lang = request_language()
    return (lang, *[code for code in service().settings["label_languages"] if code != lang])


def build_view(iri: str) -> ResourceView | None:
    subject = binding.iri(iri)
    # the statements of the default graph (current versions); a resource only found in an
    # archived version is shown from there
    outgoing = service().select(binding.bind("SELECT ?p ?o WHERE { $s ?p ?o }", s=subject))
    archived = not outgoing
    if archived:
        outgoing = service().select(binding.bind("SELECT ?p ?o WHERE { GRAPH ?g { $s ?p ?o } }", s=subject))
    graph_rows = service().select(binding.bind(
        "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?g ?label ?current WHERE { GRAPH ?g { $s ?p ?o } "
        "OPTIONAL { ?version ssg:graph ?g ; ssg:isCurrentVersion ?current OPTIONAL { ?version rdfs:label ?label } } } "
        "ORDER BY ?g", s=subject))
    incoming = service().select(binding.bind(
        "SELECT DISTINCT ?s ?p WHERE { ?s ?p $o FILTER(isIRI(?s)) } LIMIT $limit", o=subject, limit=INCOMING_LIMIT))
    if not outgoing and not incoming:
        return None
    seen: set[tuple[str, str]] = set()
    pairs = []
    for row in outgoing:
        key = (str(row["p"]), row["o"].n3())
        if key not in seen:
            seen.add(key)
            pairs.append((row["p"], row["o"]))
    iris = {iri} | {str(p) for p, _ in pairs} | {str(o) for _, o in pairs if isinstance(o, URIRef)}
    iris |= {str(r["s"]) for r in incoming} | {str(r["p"]) for r in incoming}
    scope = [str(row["g"]) for row in graph_rows] if archived else None
    labeller = Labeller(iris, label_languages(), scope)
    view = ResourceView(iri=iri, label=labeller.label(iri), sdg=labeller.sdg.get(iri))
    view.graphs = [describe_graph(row) for row in graph_rows]
    page_lang = label_languages()[0]

    def order(pair) -> tuple:
        predicate, value = pair
        language = value.language if isinstance(value, Literal) else None
        return (labeller.label(str(predicate)).casefold(), str(predicate),
                0 if language in (None, page_lang) else 1, str(value))

    for predicate, value in sorted(pairs, key=order):
        if str(predicate) == RDF_TYPE:
            view.types.append(labeller.link(value))
            continue
        view.outgoing.append({"property": labeller.link(predicate), "value": labeller.link(value)})
    view.incoming = [{"subject": labeller.link(r["s"]), "property": labeller.link(r["p"])} for r in incoming]
    sources = [str(o) for p, o in pairs if str(p) == PROV_DERIVED and isinstance(o, URIRef)]
    if sources:
        for row in service().select(binding.bind(
            "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> "
            "SELECT DISTINCT ?file ?sheet ?row WHERE { VALUES ?x { $sources } "
            + _also_in("?x ssg:sourceFile ?file OPTIONAL { ?x ssg:sheet ?sheet } OPTIONAL { ?x ssg:row ?row }",
                       scope) + " }",
            sources={binding.iri(s) for s in sources}, **_scoped(scope))
        ):
            view.sources.append({k: str(v) for k, v in row.items()})
    quoted = [str(o) for p, o in pairs if str(p) == PROV_QUOTED and isinstance(o, URIRef)]
    if quoted:  # the place in a steering document that ssgraph extract read the resource from
        for row in service().select(binding.bind(
            "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
            "SELECT DISTINCT ?file ?title ?page ?place WHERE { VALUES ?x { $quoted } "
            + _also_in("?x a ssg:DocumentLocation OPTIONAL { ?x ssg:page ?page } "
                       "OPTIONAL { ?x ssg:placeInDocument ?place } "
                       "OPTIONAL { ?x dcterms:isPartOf ?doc OPTIONAL { ?doc ssg:sourceFile ?file } "
                       "OPTIONAL { ?doc dcterms:title ?title } }", scope) + " }",
            quoted={binding.iri(q) for q in quoted}, **_scoped(scope))
        ):
            view.sources.append({k: str(v) for k, v in row.items()})
        view.quoted_from = quoted_sources(quoted, scope)
    return view


def quoted_sources(iris: list[str], graphs: list[str] | None = None) -> list[dict[str, str]]:
    """The public documents (ssg:SourceDocument) a resource is quoted from: title, publisher, URL."""
    rows = service().select(binding.bind(
        "PREFIX ssg: <https://w3id.org/ssgraph/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
        "SELECT DISTINCT ?x ?title ?publisher ?url ?secondary WHERE { VALUES ?x { $iris } "
        + _also_in("?x a ssg:SourceDocument OPTIONAL { ?x dcterms:title ?title } "
                   "OPTIONAL { ?x dcterms:publisher/foaf:name ?publisher } OPTIONAL { ?x foaf:page ?url } "
                   "OPTIONAL { ?x ssg:secondarySource ?secondary }", graphs) + " } ORDER BY ?x",
        iris={binding.iri(i) for i in iris}, **_scoped(graphs)))
    return [{k: str(v) for k, v in row.items() if k != "x"} for row in rows]


def describe_graph(row: dict) -> str:
    """A named graph for the provenance list: its IRI, version label and whether it is current."""
    text = str(row["g"])
    details = [str(row["label"])] if "label" in row else []
    if "current" in row:
        current = str(row["current"]).lower() == "true"
        details.append(catalogue.text("ui.current" if current else "ui.archived", request_language()))
    return f"{text} ({', '.join(details)})" if details else text


def _format_links(path: str) -> list[dict[str, str]]:
    return [
        {"name": name, "media_type": negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt].split(";")[0],
         "href": f"{path}?format={fmt}"}
        for name, fmt in (("Turtle", "turtle"), ("JSON-LD", "json-ld"), ("RDF/XML", "rdfxml"),
                          ("N-Triples", "ntriples"))
    ]


def describe(iri: str, fmt: str) -> Response:
    """The resource's description (its statements and up to INCOMING_LIMIT links to it) in
    ``fmt``; the quad formats carry it as their default graph."""
    triple_format = "ntriples" if fmt in ("trig", "nquads") else fmt
    raw = service().run(QueryJob(binding.bind(
        "CONSTRUCT { $s ?p ?o . ?x ?q $s } WHERE { { $s ?p ?o } UNION "
        "{ SELECT ?x ?q WHERE { ?x ?q $s } LIMIT $limit } }", s=binding.iri(iri), limit=INCOMING_LIMIT),
        graph_format=triple_format,
    ))
    if not raw.body.strip() and triple_format in ("ntriples", "turtle"):
        raise HttpProblem(404, "web.no_resource", iri=iri)
    body = raw.body
    if triple_format != fmt:  # N-Triples lines are N-Quads of the default graph; TriG is Turtle's superset
        body = body if fmt == "nquads" else serialize_graph(Graph().parse(data=body.decode("utf-8"), format="nt"), fmt)
    response = Response(body, content_type=negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt])
    response.headers["Vary"] = "Accept"
    return response


def _organisation_page(path: str) -> str | None:
    """The page of the organisation an instance belongs to (``/id/org/CODE/…``), when it has
    a goal structure here."""
    from ssgraph import services
    from ssgraph.web.store_view import ReadView

    parts = path.split("/")
    if len(parts) < 4 or parts[1:3] != ["id", "org"]:
        return None
    known = {o.code for o in services.organisations(ReadView())}
    return f"/org/{parts[3]}" if parts[3] in known else None


def dereference(iri: str) -> Response:
    choice = negotiation.page_graph_format(request.headers.get("Accept"), request.args.get("format"))
    if choice is None:
        raise not_acceptable()
    if choice != "html":
        return describe(iri, choice)
    view = build_view(iri)
    if view is None:
        raise HttpProblem(404, "web.no_resource", iri=iri)
    html = render_page("site/resource.html", resource=view, formats=_format_links(request.path),
                       label_languages=label_languages(), organisation_page=_organisation_page(request.path))
    response = Response(html, content_type="text/html; charset=utf-8")
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/id/<path:rest>", methods=["GET"])
def instance_resource(rest: str) -> Response:
    return dereference(service().settings["instance_base"] + quote(rest, safe="/:@!$&'()*+,;=%-._~"))


@bp.route("/ref/<path:rest>", methods=["GET"])
def reference_resource(rest: str) -> Response:
    return dereference(REF_BASE + quote(rest, safe="/:@!$&'()*+,;=%-._~"))
