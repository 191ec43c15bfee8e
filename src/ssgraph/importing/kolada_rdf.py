"""Kolada records → RDF in the Kolada graph, merged into the store, and linked to goals.

KPIs become ``ssg:KoladaKPI`` resources and values become RDF Data Cube observations
(``ssg:Observation``) in one data set, all in the named graph ``ssggraph:kolada``
(docs/model.md). A fetch replaces only the observations of the KPI × organisation × year
set it asked for; everything else already in the Kolada graph is kept. The merged graph
is written with one atomic ``replace_graphs`` call, so a failed fetch or mapping leaves
the store as it was.

A Kolada value of ``null`` becomes no observation at all: the Data Cube integrity
constraint IC-14 asks every observation to carry its measure, and a missing value
asserts nothing the graph could use. The number of skipped nulls is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from ssgraph.errors import InputError, problem
from ssgraph.importing.kolada import KoladaClient, KoladaValue, KpiMetadata
from ssgraph.namespaces import KOLADA_GRAPH, QB, SSG, SSGID, SSGREF, sparql_prefixes
from ssgraph.store.binding import bind, iri

KOLADA_SITE = URIRef("https://www.kolada.se/")
ATTRIBUTION = Literal("Källa: Kolada", lang="sv")
DATASET = SSGID["kolada/dataset"]

UNKNOWN_KPIS = "kolada.unknown_kpis"
NOTHING_LINKED = "kolada.nothing_linked"


def kpi_iri(kpi_id: str) -> URIRef:
    return SSGID[f"kolada/kpi/{kpi_id}"]


def org_iri(code: str) -> URIRef:
    return SSGID[f"org/{code}"]


def gender_concept(gender: str) -> URIRef:
    return SSGREF[f"ss854000/gender-{gender}"]


def observation_iri(value: KoladaValue) -> URIRef:
    return SSGID[
        f"kolada/observation/{value.kpi}/{value.municipality}/{value.period}/{value.gender}"
    ]


def year_literal(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


@dataclass(frozen=True)
class MappingSummary:
    kpis: int
    observations: int
    nulls_skipped: int


def add_dataset(graph: Graph, modified: datetime | None = None) -> None:
    graph.add((DATASET, RDF.type, SSG.IndicatorDataSet))
    graph.add((DATASET, RDF.type, QB.DataSet))
    graph.add((DATASET, QB.structure, SSG.indicatorStructure))
    for text, lang in (
        ("Kolada: nyckeltal för kommuner och regioner", "sv"),
        ("Kolada: key figures of municipalities and regions", "en"),
    ):
        graph.add((DATASET, RDFS.label, Literal(text, lang=lang)))
    graph.add((DATASET, DCTERMS.source, KOLADA_SITE))
    graph.add((DATASET, DCTERMS.bibliographicCitation, ATTRIBUTION))
    when = modified or datetime.now(UTC).replace(microsecond=0)
    graph.add((DATASET, DCTERMS.modified, Literal(when.isoformat(), datatype=XSD.dateTime)))


def add_kpi(graph: Graph, kpi: KpiMetadata) -> None:
    subject = kpi_iri(kpi.id)
    graph.add((subject, RDF.type, SSG.KoladaKPI))
    graph.add((subject, SKOS.notation, Literal(kpi.id)))
    graph.add((subject, DCTERMS.title, Literal(kpi.title, lang="sv")))
    graph.add((subject, RDFS.label, Literal(kpi.title, lang="sv")))
    if kpi.description:
        graph.add((subject, DCTERMS.description, Literal(kpi.description, lang="sv")))
    if kpi.unit:
        graph.add((subject, SSG.unit, Literal(kpi.unit)))
    if kpi.operating_area:
        graph.add((subject, SSG.operatingArea, Literal(kpi.operating_area)))
    graph.add((subject, DCTERMS.source, KOLADA_SITE))
    graph.add((subject, DCTERMS.bibliographicCitation, ATTRIBUTION))


def add_observation(graph: Graph, value: KoladaValue) -> bool:
    """Add one value as an observation; ``False`` (nothing added) for a null value."""
    if value.value is None:
        return False
    subject = observation_iri(value)
    graph.add((subject, RDF.type, SSG.Observation))
    graph.add((subject, QB.dataSet, DATASET))
    graph.add((subject, SSG.indicator, kpi_iri(value.kpi)))
    graph.add((subject, SSG.refArea, org_iri(value.municipality)))
    graph.add((subject, SSG.refPeriod, year_literal(value.period)))
    graph.add((subject, SSG.gender, gender_concept(value.gender)))
    graph.add((subject, SSG.value, Literal(value.value, datatype=XSD.decimal)))
    return True


def build_graph(
    kpis: Iterable[KpiMetadata], values: Iterable[KoladaValue], modified: datetime | None = None
) -> tuple[Graph, MappingSummary]:
    graph = Graph()
    add_dataset(graph, modified)
    kpi_count = observations = nulls = 0
    for kpi in kpis:
        add_kpi(graph, kpi)
        kpi_count += 1
    for value in values:
        if add_observation(graph, value):
            observations += 1
        else:
            nulls += 1
    return graph, MappingSummary(kpi_count, observations, nulls)


def merge(
    existing: Graph,
    fetched: Graph,
    kpi_ids: Sequence[str],
    org_codes: Sequence[str],
    years: Sequence[int],
) -> Graph:
    """``existing`` without the fetched KPIs' metadata and the fetched slice of values,
    plus ``fetched``. The data set description is always the fetched one."""
    kpis = {kpi_iri(k) for k in kpi_ids}
    areas = {org_iri(c) for c in org_codes}
    periods = {year_literal(y) for y in years}
    stale = set(kpis) | {DATASET}
    for observation in existing.subjects(SSG.indicator, None):
        if (
            existing.value(observation, SSG.indicator) in kpis
            and existing.value(observation, SSG.refArea) in areas
            and existing.value(observation, SSG.refPeriod) in periods
        ):
            stale.add(observation)
    merged = Graph()
    for triple in existing:
        if triple[0] not in stale:
            merged.add(triple)
    for triple in fetched:
        merged.add(triple)
    return merged


# -- the store side ------------------------------------------------------------------

_CODE_IN_IRI = re.compile(r"/org/(\d{4})$")

# Organisations with an imported goal structure: from the version catalogue, or the
# organisation named on goals.
LINKED_ORGANISATIONS = """
SELECT DISTINCT ?org ?code WHERE {
  { ?version ssg:versionOf ?org . }
  UNION
  { ?goal ssg:organisation ?org .
    ?goal a ?type .
    VALUES ?type { ssg:Goal ssg:OverarchingGoal ssg:CommitteeGoal ssg:OperationalGoal } }
  OPTIONAL { ?org ssg:organisationCode ?code }
}
"""

# KPIs named by imported indicators (``ssg:koladaKPI`` → ``ssgid:kolada/kpi/{id}``).
LINKED_KPIS = """
SELECT DISTINCT ?kpi WHERE { ?indicator ssg:koladaKPI ?kpi . }
"""

#: From goals to the Kolada values of their own organisation. ``?goal`` may be bound
#: with VALUES; goals of earlier versions are excluded when a catalogue says which
#: version is current.
GOAL_KOLADA_VALUES = """
SELECT ?goal ?indicator ?kpi ?org ?period ?gender ?value WHERE {
  GRAPH ?g {
    ?indicator ssg:measures ?goal ;
               ssg:koladaKPI ?kpi .
    ?goal ssg:organisation ?org .
  }
  FILTER NOT EXISTS {
    ?version ssg:graph ?g ; ssg:isCurrentVersion false .
  }
  GRAPH ssggraph:kolada {
    ?observation ssg:indicator ?kpi ;
                 ssg:refArea ?org ;
                 ssg:refPeriod ?period ;
                 ssg:gender ?gender ;
                 ssg:value ?value .
  }
}
ORDER BY ?goal ?kpi ?period ?gender
"""


def linked_organisations(store) -> list[str]:
    codes: set[str] = set()
    for row in store.select(sparql_prefixes() + LINKED_ORGANISATIONS):
        code = row.get("code")
        if code is not None:
            codes.add(str(code))
            continue
        match = _CODE_IN_IRI.search(str(row["org"]))
        if match:
            codes.add(match.group(1))
    return sorted(codes)


def linked_kpis(store) -> list[str]:
    ids: set[str] = set()
    for row in store.select(sparql_prefixes() + LINKED_KPIS):
        ids.add(str(row["kpi"]).rsplit("/", 1)[-1])
    return sorted(i for i in ids if re.match(r"^[A-Z]\d{5}$", i))


def goal_kolada_values(store, goal: str | None = None) -> list[dict]:
    query = GOAL_KOLADA_VALUES
    if goal:
        query = query.replace("GRAPH ?g {", bind("VALUES ?goal { $goal }\n  GRAPH ?g {", goal=iri(goal)), 1)
    return store.select(sparql_prefixes() + query)


@dataclass(frozen=True)
class KoladaImportResult:
    kpis: list[str]
    organisations: list[str]
    years: list[int]
    observations: int
    nulls_skipped: int
    graph_triples: int
    requests_sent: int
    cache_hits: int


def import_kolada(
    store,
    client: KoladaClient,
    kpi_ids: Sequence[str] | None,
    org_codes: Sequence[str] | None,
    years: Sequence[int],
) -> KoladaImportResult:
    """Fetch, map and merge into the Kolada graph; ``None`` for KPIs or organisations means
    "all linked" (those named by imported indicators / goals). All or nothing."""
    if kpi_ids is None:
        kpi_ids = linked_kpis(store)
        if not kpi_ids:
            raise InputError(problem(NOTHING_LINKED, option="--kpi", what="Kolada-KPI links"))
    if org_codes is None:
        org_codes = linked_organisations(store)
        if not org_codes:
            raise InputError(problem(NOTHING_LINKED, option="--org", what="organisations"))
    metadata = client.kpis(kpi_ids)
    missing = sorted(set(kpi_ids) - {k.id for k in metadata})
    if missing:
        raise InputError(problem(UNKNOWN_KPIS, ids=", ".join(missing)))
    values = client.data(kpi_ids, org_codes, years)
    fetched, summary = build_graph(metadata, values)
    existing = store.graph(str(KOLADA_GRAPH))
    merged = merge(existing, fetched, kpi_ids, org_codes, years)
    store.replace_graphs({str(KOLADA_GRAPH): merged})
    return KoladaImportResult(
        kpis=list(kpi_ids),
        organisations=list(org_codes),
        years=list(years),
        observations=summary.observations,
        nulls_skipped=summary.nulls_skipped,
        graph_triples=len(merged),
        requests_sent=client.requests_sent,
        cache_hits=client.cache_hits,
    )
