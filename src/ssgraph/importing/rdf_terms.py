"""The RDF terms the importer mints: version slugs, graph and instance IRIs, typed literals."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ssgraph.namespaces import SSGGRAPH, SSGID
from ssgraph.reference import standard_iri

DEFAULT_BASE = str(SSGID)


def version_slug(label: str) -> str:
    """"Mål och budget 2024" → "mal-och-budget-2024"; "RUS 2018–2030" → "rus-2018-2030"."""
    separated = re.sub(r"[^\w]+", " ", label)  # a dash or slash separates words, even when not ASCII
    folded = unicodedata.normalize("NFKD", separated).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "version"


def org_graph_iri(code: str, label: str) -> URIRef:
    return SSGGRAPH[f"org/{quote(code, safe='')}/{version_slug(label)}"]


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
        return URIRef(f"{self.base}org/{quote(self.code, safe='')}")

    def __call__(self, *parts: object) -> URIRef:
        path = "/".join(quote(str(p), safe="") for p in parts)
        return URIRef(f"{self.org()}/{path}")


SSG_GENDER = {code: standard_iri(f"gender-{code}") for code in ("T", "K", "M")}
