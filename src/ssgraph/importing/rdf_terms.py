"""The RDF terms the importer mints: version slugs, graph and instance IRIs, typed literals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ssgraph.namespaces import SSGID
from ssgraph.reference import standard_iri
from ssgraph.versions import graph_iri as org_graph_iri  # noqa: F401 (re-exported)
from ssgraph.versions import slug as version_slug  # noqa: F401 (re-exported)

DEFAULT_BASE = str(SSGID)


def tool_iri(tool_version: str) -> URIRef:
    return SSGID[f"tool/ssgraph/{quote(tool_version, safe='')}"]


def decimal_literal(value: Decimal) -> Literal:
    """A canonical xsd:decimal, so 12.50 from YAML and 12.5 from Excel give the same triple."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def year_literal(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def date_literal(day: dt.date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


@dataclass
class Minter:
    """Instance IRIs under the base for one organisation."""

    base: str
    code: str

    def org(self) -> URIRef:
        return URIRef(f"{self.base}org/{_segment(self.code)}")

    def __call__(self, *parts: object) -> URIRef:
        path = "/".join(_segment(str(p)) for p in parts)
        return URIRef(f"{self.org()}/{path}")


@lru_cache(maxsize=65536)
def _segment(text: str) -> str:
    """One path segment, percent-encoded (the same few recur on every row: sheet keys, "source")."""
    return quote(text, safe="")


SSG_GENDER = {code: standard_iri(f"gender-{code}") for code in ("T", "K", "M")}
