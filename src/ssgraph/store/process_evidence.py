"""The evidence of the SS 854000 process elements in each organisation graph, kept with the
data as derived summaries (``ssg:EvidenceCount`` rows in ``ssggraph:summaries``, see
``store.derived``): the cycle status of every organisation reads them instead of looking
through every goal structure.

The rule is ``queries/derived/process_evidence.ru``, run for one graph at a time (``$graph``).
What counts depends on the standard's definitions (each element's ``ssg:evidenceClass`` with
its subclasses and ``ssg:evidenceProperty``), which live in the reference and ontology graphs,
not in the organisation graphs: a digest of them is kept beside the counts, and when the
definitions in the store no longer match it (a changed standard or ontology, or a store made
before these counts existed) every organisation graph is counted again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache

from rdflib import Literal

from ssgraph import paths
from ssgraph.namespaces import ORGANISATION_GRAPHS, SUMMARIES_GRAPH
from ssgraph.store.binding import bind, iri

DIGEST_ROW = "https://w3id.org/ssgraph/id/summary/process-element-definitions"

DEFINITIONS_QUERY = """
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?element ?kind ?term WHERE {
  { GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceClass ?term } BIND("class" AS ?kind) }
  UNION { GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceProperty ?term } BIND("property" AS ?kind) }
  UNION { GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceClass ?class }
          GRAPH ?o { ?term rdfs:subClassOf+ ?class } BIND(CONCAT("subclass of ", STR(?class)) AS ?kind) }
}"""
STORED_DIGEST_QUERY = f"""
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT ?digest WHERE {{ GRAPH <{SUMMARIES_GRAPH}> {{ <{DIGEST_ROW}> ssg:definitionsDigest ?digest }} }}"""
ANY_ORGANISATION_GRAPH = f"""
SELECT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ORGANISATION_GRAPHS}")) }} LIMIT 1"""
DIGEST_UPDATE = f"""
DELETE WHERE {{ GRAPH <{SUMMARIES_GRAPH}> {{ <{DIGEST_ROW}> ssg:definitionsDigest ?digest }} }} ;
INSERT DATA {{ GRAPH <{SUMMARIES_GRAPH}> {{ <{DIGEST_ROW}> ssg:definitionsDigest $digest }} }}"""


@lru_cache(maxsize=1)
def _rule() -> tuple[str, str]:
    """The rule's prologue (its PREFIX lines) and body: Oxigraph takes a prologue only at the
    start of an update, so the bodies for several graphs share one."""
    lines = (paths.QUERIES_DIR / "derived" / "process_evidence.ru").read_text(encoding="utf-8").splitlines()
    prologue = [line for line in lines if line.startswith("PREFIX ")]
    return "\n".join(prologue), "\n".join(line for line in lines if not line.startswith(("PREFIX ", "#")))


def definitions_digest(store) -> str:
    """A digest of the definitions in the store that say what shows each element."""
    found = sorted({(str(r["element"]), str(r["kind"]), str(r["term"])) for r in store.select(DEFINITIONS_QUERY)})
    return hashlib.sha256(json.dumps(found).encode("utf-8")).hexdigest()


def counted_digest(store) -> str | None:
    """The digest of the definitions the counts in the store were made with (None: no counts)."""
    rows = store.select(STORED_DIGEST_QUERY)
    return str(rows[0]["digest"]) if rows else None


def is_current(store) -> bool:
    """Whether the counts in the store were made with the definitions in the store (a write
    keeps them so; a store made before them, or written by another client, may not be).
    A store without organisation graphs has nothing to count."""
    counted = counted_digest(store)
    if counted is None:
        return not store.select(ANY_ORGANISATION_GRAPH)
    return counted == definitions_digest(store)


def update_text(store, graphs: Iterable[str]) -> str:
    """The update that counts the evidence again for ``graphs`` (their organisation graphs);
    for every organisation graph instead when the definitions changed since the last count.
    Empty when there is nothing to count."""
    digest = definitions_digest(store)
    targets = {g for g in graphs if g.startswith(ORGANISATION_GRAPHS)}
    changed = digest != counted_digest(store)
    if changed:
        targets |= {g for g in store.graph_names() if g.startswith(ORGANISATION_GRAPHS)}
    if not targets:  # nothing to count (and no digest written into a store without organisations)
        return ""
    prologue, body = _rule()
    statements = [bind(body, graph=iri(g)) for g in sorted(targets)]
    if changed:
        statements.append(bind(DIGEST_UPDATE, digest=Literal(digest)))
    return prologue + "\n" + " ;\n".join(statements)
