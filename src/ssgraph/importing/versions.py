"""The version catalogue (graph ``ssggraph:catalog``) and the diff between two versions.

Each import is one version of an organisation's goal structure in its own named graph
``ssggraph:org/{code}/{version-slug}``. The catalogue lists every version with its graph
and a current flag, exactly one ``ssg:isCurrentVersion true`` per organisation. The store
only offers whole-graph replacement, so the catalogue graph is rebuilt from its current
content and swapped in the same transaction as the organisation's graph.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from ssgraph import messages
from ssgraph.errors import InputError, Location, Problem
from ssgraph.importing.mapping import DEFAULT_BASE, org_graph_iri, version_slug
from ssgraph.namespaces import CATALOG_GRAPH, PREFIXES, SSG

UNKNOWN_VERSION = messages.define(
    "import.unknown_version",
    sv="organisation {org} har ingen version ”{version}” (inlästa versioner: {known})",
    en="organisation {org} has no version “{version}” (versions loaded: {known})",
)


@dataclass(frozen=True)
class VersionInfo:
    iri: str
    org_code: str
    label: str
    slug: str
    graph: str
    current: bool
    generated: str | None = None


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
    illustrative: bool = False  # invented example data, not an official statement

    @property
    def slug(self) -> str:
        return version_slug(self.label)

    @property
    def iri(self) -> URIRef:
        return URIRef(f"{self.org_iri}/version/{quote(self.slug, safe='')}")


def version_entry(org_code: str, label: str, generated: dt.datetime, base: str = DEFAULT_BASE,
                  note: str | None = None, year: int | None = None) -> VersionEntry:
    if not base.endswith(("/", "#")):
        base += "/"
    org_iri = URIRef(f"{base}org/{quote(org_code, safe='')}")
    return VersionEntry(org_iri, org_code, label, org_graph_iri(org_code, label), generated, note, year)


def versions_in(catalog: Graph, org_code: str) -> list[VersionInfo]:
    found = []
    for version in catalog.subjects(RDF.type, SSG.GoalStructureVersion):
        org = catalog.value(version, SSG.versionOf)
        if org is None or str(catalog.value(org, SSG.organisationCode)) != org_code:
            continue
        label = catalog.value(version, RDFS.label)
        generated = catalog.value(version, PROV.generatedAtTime)
        found.append(VersionInfo(
            iri=str(version), org_code=org_code, label=str(label), slug=str(catalog.value(version, DCTERMS.identifier)),
            graph=str(catalog.value(version, SSG.graph)),
            current=bool(catalog.value(version, SSG.isCurrentVersion).toPython()),
            generated=str(generated) if generated is not None else None,
        ))
    return sorted(found, key=lambda v: (v.generated or "", v.label))


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
    others = [v for v in versions_in(result, entry.org_code) if v.iri != str(entry.iri)]
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
    if entry.illustrative:
        result.add((v, SSG.isIllustrative, Literal(True)))
    return result


def with_current(catalog: Graph, org_code: str, label: str) -> Graph:
    """The catalogue with ``label`` made the organisation's current version."""
    chosen = find_version(catalog, org_code, label)
    result = Graph()
    for triple in catalog:
        result.add(triple)
    for version in versions_in(catalog, org_code):
        result.set((URIRef(version.iri), SSG.isCurrentVersion, Literal(version.iri == chosen.iri)))
    return result


def find_version(catalog: Graph, org_code: str, wanted: str) -> VersionInfo:
    """A version by its label or slug (case-insensitive)."""
    versions = versions_in(catalog, org_code)
    for version in versions:
        if wanted.casefold() in {version.label.casefold(), version.slug} or version_slug(wanted) == version.slug:
            return version
    # a unique part of a label is enough: "2023" for "Mål och budget 2023"
    partial = [v for v in versions if wanted.casefold() in v.label.casefold()]
    if len(partial) == 1:
        return partial[0]
    raise InputError(Problem(UNKNOWN_VERSION, Location(), {
        "org": org_code, "version": wanted, "known": ", ".join(v.label for v in versions) or "–"}))


def read_catalog(store) -> Graph:
    return store.graph(str(CATALOG_GRAPH))


def list_versions(store, org_code: str) -> list[VersionInfo]:
    return versions_in(read_catalog(store), org_code)


def set_current_version(store, org_code: str, label: str) -> VersionInfo:
    catalog = with_current(read_catalog(store), org_code, label)
    store.replace_graphs({str(CATALOG_GRAPH): catalog})
    return find_version(catalog, org_code, label)


@dataclass
class GoalChange:
    identifier: str
    text_a: str | None
    text_b: str | None


@dataclass
class GoalDiff:
    version_a: VersionInfo
    version_b: VersionInfo
    added: list[GoalChange] = field(default_factory=list)
    removed: list[GoalChange] = field(default_factory=list)
    reworded: list[GoalChange] = field(default_factory=list)


def goal_texts(graph: Graph) -> dict[str, str]:
    """Local id → Swedish goal text of every goal in one version graph."""
    texts: dict[str, str] = {}
    for goal in graph.subjects(RDF.type, SSG.Goal):
        ident = graph.value(goal, DCTERMS.identifier)
        labels = [lab for lab in graph.objects(goal, RDFS.label) if getattr(lab, "language", None) in ("sv", None)]
        if ident is not None:
            texts[str(ident)] = str(labels[0]) if labels else ""
    return texts


def diff_goals(graph_a: Graph, graph_b: Graph, version_a: VersionInfo, version_b: VersionInfo) -> GoalDiff:
    a, b = goal_texts(graph_a), goal_texts(graph_b)
    result = GoalDiff(version_a, version_b)
    result.added = [GoalChange(i, None, b[i]) for i in sorted(b.keys() - a.keys(), key=_natural)]
    result.removed = [GoalChange(i, a[i], None) for i in sorted(a.keys() - b.keys(), key=_natural)]
    result.reworded = [
        GoalChange(i, a[i], b[i]) for i in sorted(a.keys() & b.keys(), key=_natural)
        if " ".join(a[i].split()) != " ".join(b[i].split())
    ]
    return result


def diff_versions(store, org_code: str, version_a: str, version_b: str) -> GoalDiff:
    catalog = read_catalog(store)
    info_a = find_version(catalog, org_code, version_a)
    info_b = find_version(catalog, org_code, version_b)
    return diff_goals(store.graph(info_a.graph), store.graph(info_b.graph), info_a, info_b)


def _natural(identifier: str) -> list:
    import re

    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", identifier)]
