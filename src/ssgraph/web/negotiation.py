"""Content negotiation: Accept header (with q-values) or a ``format`` parameter → a format.

Three tables, named by direction: SELECT/ASK results, RDF graphs (CONSTRUCT, DESCRIBE,
dereferenced resources) and pages. The SPARQL endpoint and the linked-data pages share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

RESULT_MEDIA_TYPE_TO_FORMAT: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_MEDIA_TYPE_TO_FORMAT: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
# the `format` parameter: short names and full media types
RESULT_FORMAT_NAMES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv"}
GRAPH_FORMAT_NAMES = {
    "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples",
    "n-triples": "ntriples", "json-ld": "json-ld", "jsonld": "json-ld", "json": "json-ld",
    "rdfxml": "rdfxml", "rdf": "rdfxml", "xml": "rdfxml", "rdf/xml": "rdfxml",
    "trig": "trig", "nquads": "nquads", "nq": "nquads", "n-quads": "nquads",
}
GRAPH_FORMAT_TO_MEDIA_TYPE = {
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "trig": "application/trig",
    "nquads": "application/n-quads",
}
GRAPH_FORMAT_TO_EXTENSION = {
    "turtle": "ttl", "ntriples": "nt", "json-ld": "jsonld", "rdfxml": "rdf", "trig": "trig", "nquads": "nq",
}
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class MediaRange:
    type: str  # "text/turtle", "text/*", "*/*"
    q: float
    order: int

    @property
    def specificity(self) -> int:
        if self.type == "*/*":
            return 0
        return 1 if self.type.endswith("/*") else 2

    def matches(self, media_type: str) -> bool:
        if self.type == "*/*":
            return True
        if self.type.endswith("/*"):
            return media_type.split("/")[0] == self.type[:-2]
        return media_type == self.type


def parse_accept(header: str | None) -> list[MediaRange]:
    """Media ranges from an Accept header, best first (q, then specificity, then order).

    Werkzeug parses the header (quoting, parameters, q-values); the ranges keep their own
    precedence rule, which Werkzeug's ``best_match`` lacks: the most specific range that
    matches a type decides its quality, so ``text/*, text/turtle;q=0`` excludes Turtle.
    """
    ranges: list[MediaRange] = []
    for order, (value, quality) in enumerate(parse_accept_header(header or "", MIMEAccept)):
        media = value.split(";", 1)[0].strip().lower()
        if not media:
            continue
        if "/" not in media:
            media = media + "/*" if media != "*" else "*/*"
        ranges.append(MediaRange(media, max(0.0, min(1.0, float(quality))), order))
    return sorted(ranges, key=lambda r: (-r.q, -r.specificity, r.order))


def choose(header: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers most; ``None`` when it accepts none.

    ``offered`` is in the server's order of preference, used for wildcards and ties.
    An empty or missing header accepts the first offer.
    """
    ranges = parse_accept(header)
    if not ranges:
        return offered[0] if offered else None
    best: tuple[float, int, int, int] | None = None
    chosen = None
    for index, media_type in enumerate(offered):
        # the most specific range matching this type decides its quality
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            continue
        decisive = max(matching, key=lambda r: (r.specificity, -r.order))
        if decisive.q <= 0:
            continue
        score = (decisive.q, decisive.specificity, -decisive.order, -index)
        if best is None or score > best:
            best, chosen = score, media_type
    return chosen


RESULT_OFFERS = [
    "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
    "text/tab-separated-values", "application/json", "application/xml", "text/xml",
]
GRAPH_OFFERS = [
    "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
    "application/trig", "application/n-quads", "application/x-turtle", "application/json",
    "application/xml", "text/xml", "text/plain",
]


@lru_cache(maxsize=512)  # clients send the same few headers again and again
def result_format(accept: str | None, format_param: str | None = None) -> str | None:
    """SELECT/ASK result format from ``format`` (name or media type) or Accept."""
    if format_param:
        key = format_param.strip().lower()
        return RESULT_FORMAT_NAMES.get(key) or RESULT_MEDIA_TYPE_TO_FORMAT.get(key.split(";")[0])
    media_type = choose(accept, RESULT_OFFERS)
    return RESULT_MEDIA_TYPE_TO_FORMAT.get(media_type) if media_type else None


@lru_cache(maxsize=512)  # clients send the same few headers again and again
def graph_format(accept: str | None, format_param: str | None = None, prefer: str = "text/turtle") -> str | None:
    """RDF graph format from ``format`` (name or media type) or Accept (``prefer`` for */*)."""
    if format_param:
        key = format_param.strip().lower()
        return GRAPH_FORMAT_NAMES.get(key) or GRAPH_MEDIA_TYPE_TO_FORMAT.get(key.split(";")[0])
    media_type = choose(accept, [prefer] + [o for o in GRAPH_OFFERS if o != prefer])
    return GRAPH_MEDIA_TYPE_TO_FORMAT.get(media_type) if media_type else None


@lru_cache(maxsize=512)  # clients send the same few headers again and again
def wants_html(accept: str | None, format_param: str | None = None) -> bool:
    """True when a browser-like client prefers HTML over every RDF format."""
    if format_param:
        return format_param.strip().lower() in ("html", "text/html")
    if not accept:
        return False
    # RDF first: a bare */* (curl) gets Turtle; browsers name text/html explicitly
    chosen = choose(accept, [*GRAPH_OFFERS, "text/html"])
    return chosen in HTML_MEDIA_TYPES


def page_graph_format(accept: str | None, format_param: str | None = None) -> str | None:
    """For dereferenced resources: ``"html"``, an RDF format, or None when nothing offered
    is acceptable (no Accept at all: Turtle)."""
    return page_or_graph(accept, format_param)

def page_or_graph(accept: str | None, format_param: str | None = None, prefer: str = "text/turtle") -> str | None:
    """``"html"``, an RDF format, or None when the client accepts neither (a 406).

    RDF is offered first, so ``*/*`` (curl, harvesters) gets ``prefer``; browsers name
    text/html explicitly and get the page.
    """
    if format_param:
        key = format_param.strip().lower()
        if key in ("html", "text/html"):
            return "html"
        return GRAPH_FORMAT_NAMES.get(key) or GRAPH_MEDIA_TYPE_TO_FORMAT.get(key.split(";")[0])
    offers = [prefer] + [o for o in GRAPH_OFFERS if o != prefer] + list(HTML_MEDIA_TYPES)
    chosen = choose(accept, offers)
    if chosen is None:
        return None
    return "html" if chosen in HTML_MEDIA_TYPES else GRAPH_MEDIA_TYPE_TO_FORMAT[chosen]


def acceptable(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the client takes, or None (no Accept: the first offer)."""
    return choose(accept, offered)


def produces(*media_types: str):
    """Declare what a view answers with; a request that accepts none of it gets 406 before
    the view runs (see ``check_produces``)."""
    def decorate(view):
        view.produces = media_types
        return view
    return decorate


def unacceptable_for(view, accept: str | None, format_param: str | None) -> bool:
    """True when ``view`` declared its media types and the request accepts none of them."""
    offered = getattr(view, "produces", None)
    if not offered or format_param:
        return False
    return choose(accept, list(offered)) is None
