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

from ssgraph.namespaces import SSG
from ssgraph.store.graph_rules import GraphRule

RULE = GraphRule("process_evidence.ru", digest_row="https://w3id.org/ssgraph/id/summary/process-element-definitions",
                 digest_property=str(SSG.definitionsDigest))

DEFINITIONS_QUERY = """
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?element ?kind ?term WHERE {
  { GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceClass ?term } BIND("class" AS ?kind) }
  UNION { GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceProperty ?term } BIND("property" AS ?kind) }
  UNION { GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceClass ?class }
          GRAPH ?o { ?term rdfs:subClassOf+ ?class } BIND(CONCAT("subclass of ", STR(?class)) AS ?kind) }
}"""


def definitions_digest(store) -> str:
    """A digest of the definitions in the store that say what shows each element."""
    found = sorted({(str(r["element"]), str(r["kind"]), str(r["term"])) for r in store.select(DEFINITIONS_QUERY)})
    return hashlib.sha256(json.dumps(found).encode("utf-8")).hexdigest()


def is_current(store) -> bool:
    """Whether the counts in the store were made with the definitions in the store."""
    return RULE.is_current(store, definitions_digest(store))


def update_text(store, graphs: Iterable[str]) -> str:
    """The update that counts the evidence again for ``graphs`` (every organisation graph when
    the definitions changed since the last count); empty when there is nothing to count."""
    return RULE.update_text(store, graphs, definitions_digest(store))
