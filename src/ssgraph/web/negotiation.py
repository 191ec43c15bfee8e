"""Content negotiation: Accept header (with q-values) or a ``format`` parameter → a format.

Three tables, named by direction: SELECT/ASK results, RDF graphs (CONSTRUCT, DESCRIBE,
dereferenced resources) and pages. The SPARQL endpoint and the linked-data pages share them.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """Media ranges from an Accept header, best first (q, then specificity, then order)."""
    ranges: list[MediaRange] = []
    for order, part in enumerate((header or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        if "/" not in media:
            media = media + "/*" if media != "*" else "*/*"
        q = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(media, q, order))
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


def result_format(accept: str | None, format_param: str | None = None) -> str | None:
    """SELECT/ASK result format from ``format`` (name or media type) or Accept."""
    if format_param:
        key = format_param.strip().lower()
        return RESULT_FORMAT_NAMES.get(key) or RESULT_MEDIA_TYPE_TO_FORMAT.get(key.split(";")[0])
    media_type = choose(accept, RESULT_OFFERS)
    return RESULT_MEDIA_TYPE_TO_FORMAT.get(media_type) if media_type else None


def graph_format(accept: str | None, format_param: str | None = None, prefer: str = "text/turtle") -> str | None:
    """RDF graph format from ``format`` (name or media type) or Accept (``prefer`` for */*)."""
    if format_param:
        key = format_param.strip().lower()
        return GRAPH_FORMAT_NAMES.get(key) or GRAPH_MEDIA_TYPE_TO_FORMAT.get(key.split(";")[0])
    media_type = choose(accept, [prefer] + [o for o in GRAPH_OFFERS if o != prefer])
    return GRAPH_MEDIA_TYPE_TO_FORMAT.get(media_type) if media_type else None


def wants_html(accept: str | None, format_param: str | None = None) -> bool:
    """True when a browser-like client prefers HTML over every RDF format."""
    if format_param:
        return format_param.strip().lower() in ("html", "text/html")
    if not accept:
        return False
    # RDF first: a bare */* (curl) gets Turtle; browsers name text/html explicitly
    chosen = choose(accept, [*GRAPH_OFFERS, "text/html"])
    return chosen in HTML_MEDIA_TYPES


def page_graph_format(accept: str | None, format_param: str | None = None) -> str:
    """For dereferenced resources: ``"html"`` or an RDF format (Turtle when nothing matches)."""
    if wants_html(accept, format_param):
        return "html"
    return graph_format(accept, format_param) or "turtle"
