"""Which versions of each organisation's goal structure exist, and which one is current.

The one home of that knowledge. Every import is one version in its own named graph
``ssggraph:org/{code}/{version-slug}``, listed in the version catalogue (``ssggraph:catalog``)
with ``ssg:isCurrentVersion``. The rule, the same as the store's default graph follows: a
version is current unless the catalogue says ``ssg:isCurrentVersion false``. So an
organisation graph loaded by hand, outside the catalogue, counts as current; when an
organisation has several current graphs, :func:`current_version` prefers the catalogue's
and then the last graph in name order.

Versions are listed in import order (``prov:generatedAtTime``, then label); an import
writes a time strictly after every earlier version of its organisation, so two imports in
the same second keep their order. A version whose graph is dropped (by any write: SPARQL
``DROP``/``CLEAR``, Graph Store ``DELETE``, ``Store.drop_graphs``) leaves the catalogue in the
same transaction, and when it was the current one the latest remaining version becomes
current (``queries/catalogue/forget_dropped_versions.ru``, which the store appends to such
writes: the store cannot import this module).

Commands name a version as ``ORG@VERSION`` (``1415@"2016–2017"``): the version by its
label, its slug, a year, or a unique part of the label; ``ORG`` alone is the current version.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS

from ssgraph.errors import InputError, problem
from ssgraph.namespaces import CATALOG_GRAPH, ORGANISATION_GRAPHS, SSG, SSGGRAPH, SSGID
from ssgraph.store.derived import SUMMARIES_GRAPH

UNKNOWN_VERSION = "versions.unknown_version"
AMBIGUOUS_VERSION = "versions.ambiguous_version"
NO_STRUCTURE = "versions.no_structure"

ORG_GRAPHS = ORGANISATION_GRAPHS
_PREFIXES = (f"PREFIX ssg: <{SSG}> PREFIX rdfs: <{RDFS}> PREFIX dcterms: <{DCTERMS}> PREFIX prov: <{PROV}> ")


@dataclass(frozen=True)
class Version:
    """One version of one organisation's goal structure."""

    org_code: str
    org_iri: str
    label: str  # "Mål och budget 2024"; empty for a graph outside the catalogue
    slug: str  # "mal-och-budget-2024"
    graph: str  # the named graph that holds it
    current: bool
    iri: str | None = None  # the catalogue entry (None outside the catalogue)
    generated: str | None = None  # when it was imported
    year: int | None = None  # the year it refers to, when the file said
    note: str | None = None
    illustrative: bool = False  # invented example data, not an official statement

    @property
    def key(self) -> str:
        """How commands name it: the code for the current version, ``code@slug`` otherwise."""
        return self.org_code if self.current else f"{self.org_code}@{self.slug}"

    @property
    def name(self) -> str:
        return self.label or self.slug


def slug(label: str) -> str:
    """"Mål och budget 2024" → "mal-och-budget-2024"; "RUS 2018–2030" → "rus-2018-2030"."""
    separated = re.sub(r"[^\w]+", " ", label)  # a dash or slash separates words, even when not ASCII
    folded = unicodedata.normalize("NFKD", separated).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "version"


def graph_iri(code: str, label: str) -> URIRef:
    from urllib.parse import quote

    return SSGGRAPH[f"org/{quote(code, safe='')}/{slug(label)}"]


def code_of_graph(iri: str) -> str | None:
    """``ssggraph:org/0480/mal-och-budget-2024`` → "0480"."""
    return iri[len(ORG_GRAPHS):].split("/", 1)[0] if iri.startswith(ORG_GRAPHS) else None


_ENTRY_PATTERN = """
  ?entry a ssg:GoalStructureVersion ; ssg:versionOf ?org ; ssg:graph ?graph .
  OPTIONAL { ?org ssg:organisationCode ?code }
  OPTIONAL { ?entry ssg:isCurrentVersion ?current }
  OPTIONAL { ?entry rdfs:label ?label }
  OPTIONAL { ?entry dcterms:identifier ?slug }
  OPTIONAL { ?entry prov:generatedAtTime ?generated }
  OPTIONAL { ?entry dcterms:date ?year }
  OPTIONAL { ?entry rdfs:comment ?note }
  OPTIONAL { ?entry ssg:isIllustrative ?illustrative }
"""
_SELECT = ("SELECT ?entry ?org ?graph ?code ?current ?label ?slug ?generated ?year ?note ?illustrative WHERE { "
           "%s }")


def _version_of_row(row) -> Version:
    def value(name: str):
        term = row.get(name) if hasattr(row, "get") else getattr(row, name, None)
        return None if term is None else term

    graph, org, label = str(value("graph")), str(value("org")), value("label")
    code, current, year = value("code"), value("current"), value("year")
    flag = value("illustrative")
    return Version(
        org_code=str(code) if code is not None else code_of_graph(graph) or org.rsplit("/", 1)[-1],
        org_iri=org, label=str(label) if label is not None else "",
        slug=str(value("slug") or slug(str(label) if label is not None else graph.rsplit("/", 1)[-1])),
        graph=graph, current=current is None or str(current).lower() in ("true", "1"),
        iri=str(value("entry")), generated=str(value("generated")) if value("generated") is not None else None,
        year=int(str(year)[:4]) if year is not None else None,
        note=str(value("note")) if value("note") is not None else None,
        illustrative=flag is not None and str(flag).lower() in ("true", "1"),
    )


def imported_at(version: Version) -> dt.datetime:
    """When a version was imported, for ordering (the earliest instant when not known): as an
    instant, not as text, since a store may write a time's fraction of a second its own way."""
    try:
        moment = dt.datetime.fromisoformat(version.generated or "")
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _entries(found: list[Version]) -> list[Version]:
    unique = {v.iri: v for v in found}  # an entry with two labels or notes is still one version
    return sorted(unique.values(), key=lambda v: (v.org_code, imported_at(v), v.label))


def versions_in_catalogue(catalog: Graph) -> list[Version]:
    """The versions a catalogue graph lists (in memory, e.g. while an import rebuilds it)."""
    # in Oxigraph: rdflib's own SPARQL took 0.3 s a catalogue, most of an import of a small file
    from ssgraph.store.rdf_files import ScratchGraph

    _, rows = ScratchGraph(catalog).select(_PREFIXES + _SELECT % _ENTRY_PATTERN)
    return _entries([_version_of_row(row) for row in rows])


def all_versions(store) -> list[Version]:
    """Every version in the store: the catalogue's, and organisation graphs loaded outside it
    (when the store can list its graphs). Needs only ``select`` (and ``graphs`` for the latter).
    Read once per state of the store when it says its state (a page asks several times)."""
    from ssgraph.analysis.state_cache import per_state

    return list(per_state(store, "all_versions", lambda: _read_versions(store)))


def _read_versions(store) -> list[Version]:
    listed = _entries([_version_of_row(row) for row in store.select(
        _PREFIXES + _SELECT % f"GRAPH <{CATALOG_GRAPH}> {{ {_ENTRY_PATTERN} }}")])
    known = {v.graph for v in listed}
    loose = []
    if hasattr(store, "graph_names"):
        names = store.graph_names()
    else:  # a read-only web view cannot list them
        names = sorted(g.iri for g in store.graphs()) if hasattr(store, "graphs") else []
    for name in names:
        code = code_of_graph(name)
        if code and name not in known:
            loose.append(Version(code, str(SSGID[f"org/{code}"]), "", name.rsplit("/", 1)[-1], name, True))
    return listed + loose


def not_archived(variable: str) -> str:
    """A SPARQL FILTER keeping a named graph ``?variable`` only when it is in the default graph:
    not the graph of an earlier (non-current) version, nor the derived summaries.

    For reads of a few resources with ``GRAPH ?variable { … }``: Oxigraph answers those from
    its indexes, where the default graph (a list of every current graph) costs a lookup per
    graph for each pattern. The query consults the catalogue, so the store runs it over the
    plain union of graphs (see ``Store``).
    """
    return (f"FILTER NOT EXISTS {{ GRAPH <{CATALOG_GRAPH}> {{ ?archived_{variable} ssg:graph ?{variable} ; "
            f"ssg:isCurrentVersion false }} }} FILTER(?{variable} != <{SUMMARIES_GRAPH}>)")


def versions_of(store, code: str, versions: list[Version] | None = None) -> list[Version]:
    return [v for v in (versions if versions is not None else all_versions(store)) if v.org_code == code]


def current_versions(store, versions: list[Version] | None = None) -> dict[str, Version]:
    """Organisation code → its current version."""
    chosen: dict[str, Version] = {}
    for version in (versions if versions is not None else all_versions(store)):
        if not version.current:
            continue
        held = chosen.get(version.org_code)
        # the catalogue's current version wins over graphs loaded by hand; among those, the last by name
        if held is None or (held.iri is None and (version.iri is not None or version.graph > held.graph)):
            chosen[version.org_code] = version
    return chosen


def current_version(store, code: str, versions: list[Version] | None = None) -> Version:
    found = current_versions(store, versions).get(code)
    if found is None:
        raise InputError(problem(NO_STRUCTURE, org=code))
    return found


def _tokens(text: str) -> list[str]:
    return slug(text).split("-")


def _contains(tokens: list[str], part: list[str]) -> bool:
    return any(tokens[i:i + len(part)] == part for i in range(len(tokens) - len(part) + 1))


def find_version(store, code: str, wanted: str, versions: list[Version] | None = None) -> Version:
    """A version of ``code`` by label or slug (any case), by year, or by a unique part of its
    label ("2016–2017" finds "… (ca 2016/2017)")."""
    candidates = versions_of(store, code, versions)
    if not candidates:
        raise InputError(problem(NO_STRUCTURE, org=code))
    text = wanted.strip()
    exact = [v for v in candidates
             if text.casefold() in (v.label.casefold(), v.slug) or slug(text) == v.slug or text == v.graph]
    if len(exact) == 1:
        return exact[0]
    part = _tokens(text)
    partial = [v for v in candidates if _contains(_tokens(v.name), part)
               or (v.year is not None and text == str(v.year))]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise InputError(problem(AMBIGUOUS_VERSION, org=code, version=wanted,
                                 matches="; ".join(v.name for v in partial)))
    raise InputError(problem(UNKNOWN_VERSION, org=code, version=wanted,
                             known="; ".join(v.name for v in candidates) or "–"))


def split_org_version(text: str) -> tuple[str, str | None]:
    """``"1415@2016–2017"`` → ("1415", "2016–2017"); ``"1415"`` → ("1415", None)."""
    org, at, version = text.partition("@")
    return org.strip(), (version.strip() or None) if at else None


def resolve(store, code: str, version: str | None, versions: list[Version] | None = None) -> Version:
    """The named version of ``code``, or its current version when none is named."""
    versions = versions if versions is not None else all_versions(store)
    return find_version(store, code, version, versions) if version else current_version(store, code, versions)
