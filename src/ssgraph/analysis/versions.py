"""The goal-structure versions as the analyses see them (which versions exist and which is
current is ssgraph.versions' answer), and ``rows``: SELECT results as plain strings (the
backend's CSV when it has one), which every analysis query uses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib.namespace import RDFS, SKOS

from ssgraph import versions
from ssgraph.errors import InputError, problem
from ssgraph.namespaces import sparql_prefixes

UNKNOWN_ORGANISATION = "analysis.unknown_organisation"


@dataclass(frozen=True)
class StructureVersion:
    """One organisation's goal-structure graph, as the analyses see it (see ssgraph.versions)."""

    org_iri: str
    code: str
    label: str  # the organisation's name
    graph: str
    current: bool
    version: str = ""  # the version's label ("Mål och budget 2024")
    key: str = ""  # how commands name it: the code, or code@slug for an earlier version


def rows(store, sparql: str) -> list[dict[str, str]]:
    """SELECT rows as plain strings (IRIs and lexical forms; unbound variables left out).

    Reads the backend's own CSV serialisation when it offers one: building rdflib terms
    for hundreds of thousands of values is what makes a national graph slow.
    """
    query = sparql_prefixes() + sparql
    if hasattr(store, "query_raw"):
        body = store.query_raw(query, result_format="csv").body.decode("utf-8")
        reader = csv.reader(io.StringIO(body, newline=""))  # a DictReader takes 3 times as long
        header = next(reader, [])
        return [{k: v for k, v in zip(header, row, strict=True) if v != ""} for row in reader if row]
    return [{k: str(v) for k, v in row.items() if v is not None} for row in store.select(query)]


def _organisation_names(store, org_iris: set[str]) -> dict[str, str]:
    from ssgraph.analysis.details import read_details  # it reads with ``rows``, from here

    found = read_details(store, org_iris, [str(SKOS.prefLabel), str(RDFS.label)])
    return {org: pairs[0][1] for org, pairs in found.items()}


def as_structures(store, found: list[versions.Version]) -> list[StructureVersion]:
    names = _organisation_names(store, {v.org_iri for v in found})
    return [StructureVersion(v.org_iri, v.org_code, names.get(v.org_iri, ""), v.graph, v.current, v.label, v.key)
            for v in found]


def structure_versions(store, current_only: bool = True) -> list[StructureVersion]:
    """The goal-structure graphs in the store (the current ones by default), as
    ssgraph.versions lists them."""
    found = versions.all_versions(store)
    if current_only:
        found = list(versions.current_versions(store, found).values())
    return as_structures(store, found)


def select_versions(
    store, codes: Iterable[str] | None = None, current_only: bool = True
) -> list[StructureVersion]:
    """The versions of the given organisations (all when ``codes`` is None); unknown codes raise."""
    if codes is None:
        return structure_versions(store, current_only)
    found = versions.all_versions(store)
    if current_only:
        found = list(versions.current_versions(store, found).values())
    wanted = list(codes)
    known = sorted({v.org_code for v in found})
    for code in wanted:
        if code not in known:
            raise InputError(problem(UNKNOWN_ORGANISATION, code=code, known=", ".join(known) or "–"))
    return as_structures(store, [v for v in found if v.org_code in wanted])  # names of these only
