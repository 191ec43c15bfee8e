"""A few properties of known resources (reference concepts, organisations), read fast.

The store's default graph is the union of every graph but the earlier versions' graphs; once
there are earlier versions it is a list of some hundred graphs, and Oxigraph looks a bound
subject up in each of them for every pattern (seconds for a page's concepts on the national
set). Named graphs read with ``GRAPH ?g`` come from the indexes: so the values are read from
the named graphs that are in the default graph, and only for resources none of those mention
from the default graph itself (data loaded without a graph name).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import URIRef
from rdflib.namespace import SKOS

from ssgraph.analysis.versions import rows
from ssgraph.store.binding import bind, iri
from ssgraph.versions import not_archived

BATCH = 500  # resources a query


def each_property(properties: Iterable[str], subject: str = "?s", value: str = "?o",
                  prefix: str = "p") -> tuple[str, dict[str, URIRef]]:
    """``{ ?s <p1> ?o BIND(<p1> AS ?p) } UNION …`` with the properties as placeholders to
    bind, and their values: with ``VALUES ?p { … }`` instead, Oxigraph joins every statement of
    the graph with each property (2-8 times slower on an organisation's graph, seconds over the
    dataset). The rows of one property come in the order of their values; the properties in
    an order of the store's own (where a first value wins across properties, say which)."""
    values = {f"{prefix}{n}": URIRef(p) for n, p in enumerate(properties)}
    pattern = " UNION ".join(f"{{ {subject} ${name} {value} BIND(${name} AS ?p) }}" for name in values)
    return pattern, values


def read_details(store, subjects: Iterable[str], properties: Iterable[str],
                 label_language: str | None = None) -> dict[str, list[tuple[str, str]]]:
    """Subject → its (property, value) pairs among ``properties`` (lexical forms), for each
    subject that has any; ``label_language``: only skos:prefLabel values in that language."""
    wanted = sorted(set(subjects))
    each, values = each_property(properties)
    keep = bind("FILTER(?p != $label || langMatches(lang(?o), $language)) ", label=SKOS.prefLabel,
                language=label_language) if label_language else ""
    found: dict[str, list[tuple[str, str]]] = {}
    for pattern in ("GRAPH ?g { " + each + " } " + not_archived("g"), each):
        for start in range(0, len(wanted), BATCH):
            batch = [iri(s) for s in wanted[start:start + BATCH]]
            for row in rows(store, bind("SELECT ?s ?p ?o WHERE { VALUES ?s { $subjects } " + pattern + " " + keep + "}",
                                        subjects=batch, **values)):
                pair = (row["p"], row["o"])
                if pair not in found.setdefault(row["s"], []):
                    found[row["s"]].append(pair)
        wanted = [s for s in wanted if s not in found]
        if not wanted:
            break
    return found
