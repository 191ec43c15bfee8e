"""Derived summaries made one organisation graph at a time, by a rule in ``queries/derived``
whose ``$graph`` is each graph a write changed (the graph a constant in every pattern, so
Oxigraph answers with lookups), with a digest kept beside the rows: when the digest the rows
were made with differs from the one that holds now (a store made before the rows existed, a
changed rule, changed definitions), every organisation graph is derived again.

What the digest covers is the rule's own business (:mod:`store.process_evidence`: the
standard's definitions in the store; :mod:`store.indicator_series`: the rule's text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from rdflib import Literal

from ssgraph import paths
from ssgraph.namespaces import ORGANISATION_GRAPHS, SUMMARIES_GRAPH
from ssgraph.store.binding import bind, iri

ANY_ORGANISATION_GRAPH = f"""
SELECT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ORGANISATION_GRAPHS}")) }} LIMIT 1"""


@dataclass(frozen=True)
class GraphRule:
    file_name: str  # in queries/derived
    digest_row: str  # the IRI of the row that holds the digest
    digest_property: str  # the ontology property of the digest

    @cached_property
    def text(self) -> str:
        return (paths.QUERIES_DIR / "derived" / self.file_name).read_text(encoding="utf-8")

    @cached_property
    def _parts(self) -> tuple[str, str]:
        """The rule's prologue (its PREFIX lines) and body: Oxigraph takes a prologue only at the
        start of an update, so the bodies for several graphs share one."""
        lines = self.text.splitlines()
        prologue = [line for line in lines if line.startswith("PREFIX ")]
        return "\n".join(prologue), "\n".join(line for line in lines if not line.startswith(("PREFIX ", "#")))

    def stored_digest(self, store) -> str | None:
        """The digest the rows in the store were made with (None: no rows)."""
        rows = store.select(f"SELECT ?digest WHERE {{ GRAPH <{SUMMARIES_GRAPH}> "
                            f"{{ <{self.digest_row}> <{self.digest_property}> ?digest }} }}")
        return str(rows[0]["digest"]) if rows else None

    def is_current(self, store, digest: str) -> bool:
        """Whether the rows in the store were made with ``digest`` (a write keeps them so; a store
        made before them, or written by another client, may not be). A store without
        organisation graphs has nothing to derive."""
        stored = self.stored_digest(store)
        if stored is None:
            return not store.select(ANY_ORGANISATION_GRAPH)
        return stored == digest

    def update_text(self, store, graphs: Iterable[str], digest: str) -> str:
        """The update that derives the rows again for ``graphs`` (their organisation graphs); for
        every organisation graph instead when ``digest`` differs from the stored one. Empty when
        there is nothing to derive (and no digest written into a store without organisations)."""
        targets = {g for g in graphs if g.startswith(ORGANISATION_GRAPHS)}
        changed = digest != self.stored_digest(store)
        if changed:
            targets |= {g for g in store.graph_names() if g.startswith(ORGANISATION_GRAPHS)}
        if not targets:
            return ""
        prologue, body = self._parts
        statements = [bind(body, graph=iri(g)) for g in sorted(targets)]
        if changed:
            statements.append(bind(f"DELETE WHERE {{ GRAPH <{SUMMARIES_GRAPH}> "
                                   f"{{ <{self.digest_row}> <{self.digest_property}> ?digest }} }} ;\n"
                                   f"INSERT DATA {{ GRAPH <{SUMMARIES_GRAPH}> "
                                   f"{{ <{self.digest_row}> <{self.digest_property}> $digest }} }}",
                                   digest=Literal(digest)))
        return prologue + "\n" + " ;\n".join(statements)
