"""What remote SPARQL servers do differently, in one place, so that callers never see it.

The store's contract: the default graph of a query is the union of the data graphs less
the graphs of earlier versions; ``GRAPH ?g`` sees the data graphs; an ASK answers a
boolean. Servers get there differently:

- Oxigraph server (``--union-default-graph``), Fuseki (``tdb2:unionDefaultGraph``),
  GraphDB: the default graph is the union already; earlier versions are left out by
  naming the dataset with ``default-graph-uri``/``named-graph-uri``.
- Virtuoso 7: the default graph is the union of *every* graph, its own system graphs
  (``virtrdf#``, ``ldp#``, the service description) included, and it has no separate
  default graph to write into. Every query therefore names its dataset with
  ``default-graph-uri``/``named-graph-uri`` (the data graphs, less earlier versions for the
  default graph). Its ``input:default-graph-exclude`` pragma would be shorter, but with it
  Virtuoso 7.2 finds nothing in ``GRAPH <iri> { … }``. The list of graphs is kept for a few
  seconds (``remote.CATALOGUE_SECONDS``): a graph that another process has just made joins
  the default graph and ``GRAPH ?g`` that much later (``GRAPH <its iri>`` sees it at once).
  Its ASK answers come as a one-row SELECT (``__ASK_RETVAL``), which is rewritten into a
  standard boolean result. An update request's operations are applied one by one (no
  transaction around the request; one operation is one transaction): ssgraph's own writes
  therefore use only operations that cannot fail half-way (``DROP SILENT``, ``CREATE
  SILENT``, ``INSERT DATA``), and a drop, with the version catalogue's upkeep, is one
  DELETE/INSERT operation (``queries/catalogue/drop_graphs_in_one_operation.ru``).
"""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

VIRTUOSO = "virtuoso"
GENERIC = "generic"
VIRTUOSO_SYSTEM_PREFIXES = ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#")
SERVICE_DESCRIPTION = "http://www.w3.org/ns/sparql-service-description#Service"
ASK_VARIABLE = "__ASK_RETVAL"
NO_GRAPH = "urn:ssgraph:no-graph"  # an empty dataset must still be named, or Virtuoso reads everything
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def server_kind(server_header: str) -> str:
    return VIRTUOSO if server_header.lower().startswith("virtuoso") else GENERIC


def virtuoso_system_graphs(graphs_with_service_description: list[str], all_graphs: list[str]) -> list[str]:
    """Virtuoso's own graphs: its schema graphs and the graph of its service description."""
    own = [g for g in all_graphs if g.startswith(VIRTUOSO_SYSTEM_PREFIXES)]
    return sorted(set(own) | {g for g in graphs_with_service_description if g.endswith("/sparql")})


def _ask_value(media_type: str, body: bytes) -> bool | None:
    """The answer of Virtuoso's one-row ASK result, or None when the body is something else."""
    text = body.decode("utf-8", "replace")
    if ASK_VARIABLE not in text[:600]:
        return None
    if media_type.endswith("json"):
        bindings = json.loads(text)["results"]["bindings"]
        return bool(bindings) and bindings[0].get(ASK_VARIABLE, {}).get("value", "0") not in ("0", "false")
    if media_type.endswith("xml"):
        literals = ElementTree.fromstring(body).iter(f"{{{RESULTS_NS}}}literal")
        return next((lit.text not in ("0", "false") for lit in literals), False)
    rows = list(csv.reader(io.StringIO(text), delimiter="\t" if "tab-separated" in media_type else ","))
    return len(rows) > 1 and rows[1][0].strip('"') not in ("0", "false")


def standard_ask(media_type: str, body: bytes, result_format: str) -> bytes | None:
    """A Virtuoso ASK answer rewritten as the standard boolean result in ``result_format``."""
    value = _ask_value(media_type, body)
    if value is None:
        return None
    word = "true" if value else "false"
    if result_format == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if result_format == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
                f"<boolean>{word}</boolean></sparql>\n").encode()
    return f"_askResult\r\n{word}\r\n".encode() if result_format == "csv" else f"?_askResult\n{word}\n".encode()


def _csv_value(cell: dict | None) -> str:
    if cell is None:
        return ""
    value = cell["value"] if cell["type"] != "bnode" else "_:" + cell["value"]
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\r\n') else value


def _tsv_value(cell: dict | None) -> str:
    from rdflib import Literal, URIRef

    from ssgraph.store.binding import term

    if cell is None:
        return ""
    if cell["type"] == "uri":
        return term(URIRef(cell["value"]))
    if cell["type"] == "bnode":
        return "_:" + cell["value"]
    datatype = cell.get("datatype")
    return term(Literal(cell["value"], lang=cell.get("xml:lang"), datatype=URIRef(datatype) if datatype else None))


def csv_or_tsv_from_json(body: bytes, result_format: str) -> bytes:
    """SPARQL JSON results written as the W3C CSV or TSV results format (Virtuoso's own
    CSV ends lines with LF, and its TSV drops the '?' of the variables and the literals'
    language tags and datatypes)."""
    document = json.loads(body)
    names = document["head"]["vars"]
    rows = document["results"]["bindings"]
    if result_format == "csv":
        lines = [",".join(names)] + [",".join(_csv_value(row.get(n)) for n in names) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    lines = ["\t".join("?" + n for n in names)] + ["\t".join(_tsv_value(row.get(n)) for n in names) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")
