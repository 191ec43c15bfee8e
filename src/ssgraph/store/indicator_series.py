"""The series of values of each indicator, kept with the data as derived summaries
(``ssg:IndicatorSeries`` rows in ``ssggraph:summaries``, see ``store.derived``): organisation
pages and comparisons read one row per indicator instead of every observation.

The rule is ``queries/derived/indicator_series.ru``, run for one graph at a time (``$graph``).
What it keeps depends only on the graph itself, so the graphs a write changed are derived
again; a digest of the rule's text is kept beside the rows, and when it differs (a store made
before these rows existed, or a changed rule) every organisation graph is derived again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from rdflib import Literal

from ssgraph import paths
from ssgraph.namespaces import ORGANISATION_GRAPHS, SUMMARIES_GRAPH
from ssgraph.store.binding import bind, iri

DIGEST_ROW = "https://w3id.org/ssgraph/id/summary/indicator-series-rule"

STORED_DIGEST_QUERY = f"""
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT ?digest WHERE {{ GRAPH <{SUMMARIES_GRAPH}> {{ <{DIGEST_ROW}> ssg:ruleDigest ?digest }} }}"""
ANY_ORGANISATION_GRAPH = f"""
SELECT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ORGANISATION_GRAPHS}")) }} LIMIT 1"""
DIGEST_UPDATE = f"""
DELETE WHERE {{ GRAPH <{SUMMARIES_GRAPH}> {{ <{DIGEST_ROW}> ssg:ruleDigest ?digest }} }} ;
INSERT DATA {{ GRAPH <{SUMMARIES_GRAPH}> {{ <{DIGEST_ROW}> ssg:ruleDigest $digest }} }}"""


@lru_cache(maxsize=1)
def _rule() -> tuple[str, str, str]:
    """The rule's prologue (its PREFIX lines), body and digest: Oxigraph takes a prologue only
    at the start of an update, so the bodies for several graphs share one."""
    text = (paths.QUERIES_DIR / "derived" / "indicator_series.ru").read_text(encoding="utf-8")
    lines = text.splitlines()
    prologue = [line for line in lines if line.startswith("PREFIX ")]
    body = [line for line in lines if not line.startswith(("PREFIX ", "#"))]
    return "\n".join(prologue), "\n".join(body), hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_digest(store) -> str | None:
    """The digest of the rule the rows in the store were made with (None: no rows)."""
    rows = store.select(STORED_DIGEST_QUERY)
    return str(rows[0]["digest"]) if rows else None


def is_current(store) -> bool:
    """Whether the rows in the store were made by this rule (a write keeps them so; a store
    made before them, or written by another client, may not be). A store without
    organisation graphs has nothing to derive."""
    stored = stored_digest(store)
    if stored is None:
        return not store.select(ANY_ORGANISATION_GRAPH)
    return stored == _rule()[2]


def update_text(store, graphs: Iterable[str]) -> str:
    """The update that derives the series again for ``graphs`` (their organisation graphs);
    for every organisation graph instead when the rule changed since the rows were made.
    Empty when there is nothing to derive."""
    prologue, body, digest = _rule()
    targets = {g for g in graphs if g.startswith(ORGANISATION_GRAPHS)}
    changed = digest != stored_digest(store)
    if changed:
        targets |= {g for g in store.graph_names() if g.startswith(ORGANISATION_GRAPHS)}
    if not targets:  # nothing to derive (and no digest written into a store without organisations)
        return ""
    statements = [bind(body, graph=iri(g)) for g in sorted(targets)]
    if changed:
        statements.append(bind(DIGEST_UPDATE, digest=Literal(digest)))
    return prologue + "\n" + " ;\n".join(statements)
