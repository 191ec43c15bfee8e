"""Namespaces and the shared prefix map (see docs/model.md)."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    TIME,
    VOID,
    XSD,
    DefinedNamespace,
)


class SSG(DefinedNamespace):
    """The ssgraph ontology's terms; a term missing from ontology/ssgraph.ttl fails loudly.

    Generated from the ontology by scripts/generate_namespaces.py.
    """

    _NS = Namespace("https://w3id.org/ssgraph/ontology#")
    _fail = True

    # --- generated terms: begin ---
    ActionPlan: URIRef
    Activity: URIRef
    ActivityStatus: URIRef
    Administration: URIRef
    Assessment: URIRef
    Budget: URIRef
    BudgetAllocation: URIRef
    Committee: URIRef
    CommitteeGoal: URIRef
    Council: URIRef
    County: URIRef
    CurrentStateAnalysis: URIRef
    Dialogue: URIRef
    Direction: URIRef
    DocumentKind: URIRef
    DocumentLocation: URIRef
    DocumentStatus: URIRef
    EnvironmentalManagementSystem: URIRef
    EnvironmentalObjective: URIRef
    EvidenceCount: URIRef
    ExecutiveBoard: URIRef
    FulfilmentStatus: URIRef
    Gender: URIRef
    GenerationalGoal: URIRef
    Goal: URIRef
    GoalArea: URIRef
    GoalCount: URIRef
    GoalLevel: URIRef
    GoalStructureVersion: URIRef
    GreenKeyIndicator: URIRef
    Guideline: URIRef
    Indicator: URIRef
    IndicatorDataSet: URIRef
    IndicatorSeries: URIRef
    KoladaKPI: URIRef
    LinkJustification: URIRef
    MunicipalCompany: URIRef
    Municipality: URIRef
    Observation: URIRef
    OperationalGoal: URIRef
    Organisation: URIRef
    OrganisationalBody: URIRef
    OverarchingGoal: URIRef
    PDCAPhase: URIRef
    Plan: URIRef
    Policy: URIRef
    ProcessElement: URIRef
    ProcessStep: URIRef
    ProcurementCriterion: URIRef
    Programme: URIRef
    PublicHealthArea: URIRef
    Recommendation: URIRef
    Region: URIRef
    RegionalAssociation: URIRef
    Rule: URIRef
    SDGGoal: URIRef
    SDGIndicator: URIRef
    SDGTarget: URIRef
    SourceDocument: URIRef
    SourceLocation: URIRef
    Stakeholder: URIRef
    SteeringDocument: URIRef
    Strategy: URIRef
    SubGoal: URIRef
    SupportingTool: URIRef
    SustainabilityAspect: URIRef
    SustainabilityDimension: URIRef
    ValueBase: URIRef
    Vision: URIRef
    activityStatus: URIRef
    addresses: URIRef
    addressesEnvironmentalObjective: URIRef
    addressesGreenKeyIndicator: URIRef
    addressesPublicHealthArea: URIRef
    addressesSDG: URIRef
    amount: URIRef
    approximate: URIRef
    aspect: URIRef
    assessedGoal: URIRef
    assessmentPeriod: URIRef
    baselineStatement: URIRef
    baselineValue: URIRef
    baselineYear: URIRef
    budget: URIRef
    budgetYear: URIRef
    colour: URIRef
    concerns: URIRef
    confidence: URIRef
    containsGoal: URIRef
    correspondsToPDCA: URIRef
    coversSDG: URIRef
    decidedBy: URIRef
    decisionDate: URIRef
    decisionReference: URIRef
    definitionsDigest: URIRef
    dimension: URIRef
    direction: URIRef
    dissolvedOn: URIRef
    documentKind: URIRef
    documentStatus: URIRef
    endDate: URIRef
    environmentalObjectiveLinkStatement: URIRef
    evidenceClass: URIRef
    evidenceCount: URIRef
    evidenceMinimum: URIRef
    evidenceOf: URIRef
    evidenceProperty: URIRef
    extractionConfidence: URIRef
    fixHint: URIRef
    fulfilmentStatus: URIRef
    gender: URIRef
    goalCount: URIRef
    goalLevel: URIRef
    graph: URIRef
    groupValue: URIRef
    groupedBy: URIRef
    hasBudgetAllocation: URIRef
    hasParent: URIRef
    hasRegion: URIRef
    hasStakeholder: URIRef
    hasValueBase: URIRef
    hasVision: URIRef
    implementsGoal: URIRef
    inCounty: URIRef
    inProcessStep: URIRef
    indicator: URIRef
    indicatorGroup: URIRef
    indicatorStructure: URIRef
    isCurrentVersion: URIRef
    isIllustrative: URIRef
    koladaKPI: URIRef
    leadsUpTo: URIRef
    levelTerm: URIRef
    linkProperty: URIRef
    linkSource: URIRef
    linkTarget: URIRef
    listComplete: URIRef
    measures: URIRef
    method: URIRef
    nextStep: URIRef
    operatingArea: URIRef
    organisation: URIRef
    organisationCode: URIRef
    owner: URIRef
    page: URIRef
    partOfActionPlan: URIRef
    participant: URIRef
    periodEnd: URIRef
    periodStart: URIRef
    placeInDocument: URIRef
    planningPeriod: URIRef
    rank: URIRef
    recommendedAction: URIRef
    refArea: URIRef
    refAreaName: URIRef
    refPeriod: URIRef
    referenceDate: URIRef
    region: URIRef
    responsibleBody: URIRef
    revisionDate: URIRef
    row: URIRef
    ruleDigest: URIRef
    sdgLinkStatement: URIRef
    secondarySource: URIRef
    seriesValues: URIRef
    sheet: URIRef
    sourceFile: URIRef
    sourceTripleCount: URIRef
    stakeholderCategory: URIRef
    startDate: URIRef
    statedIn: URIRef
    statusWording: URIRef
    summaryOf: URIRef
    targetOperator: URIRef
    targetStatement: URIRef
    targetUnit: URIRef
    targetValue: URIRef
    targetYear: URIRef
    textComplete: URIRef
    uncapturedParent: URIRef
    unit: URIRef
    unmeasuredGoalCount: URIRef
    usesSupportingTool: URIRef
    validFrom: URIRef
    validUntil: URIRef
    value: URIRef
    valueStatement: URIRef
    verbatim: URIRef
    versionOf: URIRef
    # --- generated terms: end ---


SSGREF = Namespace("https://w3id.org/ssgraph/ref/")
SSGID = Namespace("https://w3id.org/ssgraph/id/")
SSGGRAPH = Namespace("https://w3id.org/ssgraph/graph/")
QB = Namespace("http://purl.org/linked-data/cube#")
SH = Namespace("http://www.w3.org/ns/shacl#")
UNSDG = Namespace("http://metadata.un.org/sdg/")

ONTOLOGY_GRAPH = SSGGRAPH["ontology"]
CATALOG_GRAPH = SSGGRAPH["catalog"]
KOLADA_GRAPH = SSGGRAPH["kolada"]
# as text: compared with the graph names a store returns
SUMMARIES_GRAPH = str(SSGGRAPH["summaries"])  # the derived counts (ssgraph.store.derived)
ORGANISATION_GRAPHS = str(SSGGRAPH["org/"])  # every organisation's goal-structure versions

PREFIXES: dict[str, str] = {
    "ssg": str(SSG),
    "ssgref": str(SSGREF),
    "ssgid": str(SSGID),
    "ssggraph": str(SSGGRAPH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "foaf": str(FOAF),
    "qb": str(QB),
    "time": str(TIME),
    "dcat": str(DCAT),
    "void": str(VOID),
    "sh": str(SH),
}


def sparql_prefixes() -> str:
    """The prefix map as a SPARQL prologue."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
