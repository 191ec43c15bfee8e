"""The version catalogue: which named graph holds which organisation's goal structure.

SELECT results are read as plain strings through ``rows`` (the backend's CSV when it has
one), which every analysis query uses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from ssgraph.errors import InputError, problem
from ssgraph.messages import define
from ssgraph.namespaces import SSGGRAPH, SSGID, sparql_prefixes

UNKNOWN_ORGANISATION = define(
    "analysis.unknown_organisation",
    sv="Organisationen {code} har ingen målstruktur i databasen (finns: {known}).",
    en="Organisation {code} has no goal structure in the store (available: {known}).",
)


@dataclass(frozen=True)
class StructureVersion:
    """One organisation's goal structure graph, from the version catalogue."""

    org_iri: str
    code: str
    label: str
    graph: str
    current: bool


def _code_of(org_iri: str, notation: object | None) -> str:
    if notation is not None:
        return str(notation)
    return org_iri.rstrip("/").rsplit("/", 1)[-1]


def rows(store, sparql: str) -> list[dict[str, str]]:
    """SELECT rows as plain strings (IRIs and lexical forms; unbound variables left out).

    Reads the backend's own CSV serialisation when it offers one: building rdflib terms
    for hundreds of thousands of values is what makes a national graph slow.
    """
    query = sparql_prefixes() + sparql
    if hasattr(store, "query_raw"):
        body = store.query_raw(query, result_format="csv").body.decode("utf-8")
        return [{k: v for k, v in row.items() if v != ""}
                for row in csv.DictReader(io.StringIO(body, newline=""))]
    return [{k: str(v) for k, v in row.items() if v is not None} for row in store.select(query)]


def structure_versions(store, current_only: bool = True) -> list[StructureVersion]:
    """The goal-structure graphs in the store, from the version catalogue.

    Organisation graphs (``ssggraph:org/…``) that the catalogue does not list are
    treated as current, so data loaded by hand still shows up.
    """
    found_rows = rows(store, """
SELECT ?org ?graph ?current ?code ?notation ?label WHERE {
  ?v ssg:versionOf ?org ; ssg:graph ?graph .
  OPTIONAL { ?v ssg:isCurrentVersion ?current }
  OPTIONAL { ?org ssg:organisationCode ?code }
  OPTIONAL { ?org skos:notation ?notation }
  OPTIONAL { ?org skos:prefLabel|rdfs:label ?label }
}""")
    versions: dict[str, StructureVersion] = {}
    for row in found_rows:
        graph = row["graph"]
        if graph in versions and versions[graph].label:
            continue
        org = row["org"]
        versions[graph] = StructureVersion(
            org_iri=org,
            code=_code_of(org, row.get("code") or row.get("notation")),
            label=row.get("label", ""),
            graph=graph,
            current=row.get("current", "").lower() in ("true", "1"),
        )
    listed = store.graphs() if hasattr(store, "graphs") else []  # read-only views may not list
    for info in listed:
        if info.iri.startswith(str(SSGGRAPH) + "org/") and info.iri not in versions:
            code = info.iri[len(str(SSGGRAPH) + "org/"):].split("/", 1)[0]
            versions[info.iri] = StructureVersion(str(SSGID[f"org/{code}"]), code, "", info.iri, True)
    found = list(versions.values())
    return [v for v in found if v.current] if current_only else found


def select_versions(
    store, codes: Iterable[str] | None = None, current_only: bool = True
) -> list[StructureVersion]:
    """The versions of the given organisations (all when ``codes`` is None); unknown codes raise."""
    versions = structure_versions(store, current_only)
    if codes is None:
        return versions
    wanted = list(codes)
    known = sorted({v.code for v in versions})
    for code in wanted:
        if code not in known:
            raise InputError(problem(UNKNOWN_ORGANISATION, code=code, known=", ".join(known) or "–"))
    return [v for v in versions if v.code in wanted]
