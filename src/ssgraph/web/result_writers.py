"""SPARQL SELECT results in JSON, XML, CSV and TSV, written from a bounded list of solutions.

The query workers stop reading solutions at the row limit, so they cannot hand the whole
iterator to Oxigraph's own serialiser; these writers take the rows they kept. Terms are
pyoxigraph terms (``NamedNode``, ``BlankNode``, ``Literal``; anything else by its N-Triples
form).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

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


def _json(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    bindings = [
        {name: _json_term(term) for name, term in zip(variables, row, strict=True) if term is not None}
        for row in rows
    ]
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term: Any) -> str:
    kind = _kind(term)
    if kind == "uri":
        return f"<uri>{escape(term.value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if kind == "literal":
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _xml(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
    parts.append("</head><results>")
    for row in rows:
        parts.append("<result>")
        for name, term in zip(variables, row, strict=True):
            if term is not None:
                parts.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts).encode("utf-8")


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    kind = _kind(term)
    text = "_:" + term.value if kind == "bnode" else (term.value if kind in ("uri", "literal") else str(term))
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    lines = [",".join(variables)]
    lines += [",".join(_csv_value(term) for term in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _tsv(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    lines = ["\t".join("?" + v for v in variables)]
    for row in rows:
        lines.append("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}


def write_solutions(fmt: str, variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    return WRITERS[fmt](variables, rows)
