"""Writing the version catalogue (graph ``ssggraph:catalog``): an import's entry, and which
version is current.

Each import is one version of an organisation's goal structure in its own named graph
``ssggraph:org/{code}/{version-slug}``. The catalogue lists every version with its graph
and a current flag, exactly one ``ssg:isCurrentVersion true`` per organisation. The store
only offers whole-graph replacement, so the catalogue graph is rebuilt from its current
content and swapped in the same transaction as the organisation's graph. Reading which
versions exist and which is current is ssgraph.versions' job; the diff between two
versions is in ssgraph.analysis.version_diff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from ssgraph import versions
from ssgraph.importing.rdf_terms import DEFAULT_BASE, org_graph_iri, version_slug
from ssgraph.namespaces import CATALOG_GRAPH, PREFIXES, SSG


@dataclass
class VersionEntry:
    """What an import adds to the catalogue."""

    org_iri: URIRef
    org_code: str
    label: str
    graph: URIRef
    generated: dt.datetime
    note: str | None = None
    year: int | None = None  # the year the version refers to, when the file says
    illustrative: bool | None = None  # invented example data (None: the file does not say)
    list_complete: bool | None = None  # False: the goal list is known to be incomplete

    @property
    def slug(self) -> str:
        return version_slug(self.label)

    @property
    def iri(self) -> URIRef:
        return URIRef(f"{self.org_iri}/version/{quote(self.slug, safe='')}")


def version_entry(org_code: str, label: str, generated: dt.datetime, base: str = DEFAULT_BASE,
                  note: str | None = None, year: int | None = None,
                  illustrative: bool | None = None) -> VersionEntry:
    if not base.endswith(("/", "#")):
        base += "/"
    org_iri = URIRef(f"{base}org/{quote(org_code, safe='')}")
    return VersionEntry(org_iri, org_code, label, org_graph_iri(org_code, label), generated, note, year,
                        illustrative)


def updated_catalog(catalog: Graph, entry: VersionEntry, make_current: bool) -> Graph:
    """A copy of the catalogue with ``entry`` added or replaced and the current flags settled.

    The new version becomes current when asked, or when the organisation has no current
    version yet, so that there is always exactly one.
    """
    result = Graph()
    for prefix, iri in PREFIXES.items():
        result.bind(prefix, iri)
    for triple in catalog:
        if triple[0] != entry.iri:
            result.add(triple)
    others = [v for v in versions.versions_in_catalogue(result)
              if v.org_code == entry.org_code and v.iri != str(entry.iri)]
    latest = max((versions.imported_at(v) for v in others), default=None)
    at = entry.generated if entry.generated.tzinfo else entry.generated.replace(tzinfo=dt.UTC)
    if latest is not None and at <= latest:
        # import order is the catalogue's order: never at or before an earlier import, even
        # in the same second (or when the clock went back)
        entry.generated = latest + dt.timedelta(microseconds=1)
    current = make_current or not any(v.current for v in others)
    if current:
        for version in others:
            result.set((URIRef(version.iri), SSG.isCurrentVersion, Literal(False)))
    v = entry.iri
    result.add((v, RDF.type, SSG.GoalStructureVersion))
    result.add((v, RDF.type, PROV.Entity))
    result.add((v, SSG.versionOf, entry.org_iri))
    result.add((entry.org_iri, SSG.organisationCode, Literal(entry.org_code)))
    result.add((v, RDFS.label, Literal(entry.label, lang="sv")))
    result.add((v, DCTERMS.identifier, Literal(entry.slug)))
    result.add((v, SSG.graph, entry.graph))
    result.add((v, SSG.isCurrentVersion, Literal(current)))
    result.add((v, PROV.generatedAtTime, Literal(entry.generated.isoformat(), datatype=XSD.dateTime)))
    if entry.note:
        result.add((v, RDFS.comment, Literal(entry.note, lang="sv")))
    if entry.year is not None:
        result.add((v, DCTERMS.date, Literal(f"{entry.year:04d}", datatype=XSD.gYear)))
    if entry.list_complete is not None:
        result.add((v, SSG.listComplete, Literal(entry.list_complete)))
    if entry.illustrative is not None:
        result.add((v, SSG.isIllustrative, Literal(entry.illustrative)))
    return result


def with_current(catalog: Graph, org_code: str, label: str) -> Graph:
    """The catalogue with ``label`` made the organisation's current version."""
    listed = versions.versions_in_catalogue(catalog)
    chosen = versions.find_version(None, org_code, label, listed)
    result = Graph()
    for triple in catalog:
        result.add(triple)
    for version in versions.versions_of(None, org_code, listed):
        result.set((URIRef(version.iri), SSG.isCurrentVersion, Literal(version.iri == chosen.iri)))
    return result


def read_catalog(store) -> Graph:
    return store.graph(str(CATALOG_GRAPH))


def list_versions(store, org_code: str) -> list[versions.Version]:
    return versions.versions_of(store, org_code)


def set_current_version(store, org_code: str, label: str) -> versions.Version:
    catalog = with_current(read_catalog(store), org_code, label)
    store.replace_graphs({str(CATALOG_GRAPH): catalog})
    return versions.find_version(None, org_code, label, versions.versions_in_catalogue(catalog))
