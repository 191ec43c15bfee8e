"""SPARQL SELECT results as JSON, written from a bounded list of solutions.

The query workers stop reading solutions at the row limit, so they cannot hand the whole
iterator to Oxigraph's own serialiser. They write the rows they kept as SPARQL JSON here —
byte for byte what Oxigraph writes (a test compares them) — and every other format (XML,
CSV, TSV) is Oxigraph's serialiser reading that JSON back. Terms are pyoxigraph terms
(``NamedNode``, ``BlankNode``, ``Literal``; anything else by its N-Triples form).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}


def _kind(term: Any) -> str:
    name = type(term).__name__
    return {"NamedNode": "uri", "BlankNode": "bnode", "Literal": "literal"}.get(name, "other")


def _json_term(term: Any) -> dict[str, Any]:
    kind = _kind(term)
    if kind == "literal":
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if kind in ("uri", "bnode"):
        return {"type": kind, "value": term.value}
    return {"type": "literal", "value": str(term)}


def write_solutions(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """SPARQL 1.1 JSON results of ``rows`` (one tuple of terms or None per variable)."""
    bindings = [
        {name: _json_term(term) for name, term in zip(variables, row, strict=True) if term is not None}
        for row in rows
    ]
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
