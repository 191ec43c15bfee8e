"""What is searchable in a graph: goals, visions, activities, indicators, organisations,
steering documents and action plans, and the reference concepts a user looks for (SDG goals,
targets and indicators, environmental objectives, public-health target areas, green key
indicators, SS 854000's supporting tools and process steps) — with their names, texts,
organisation, classes and the SDGs they are about.

A resource is searchable in the graph that types it (a subclass of one of :data:`KINDS`'
classes, by the ontology's ``rdfs:subClassOf``); its words are the literals of that graph
under :data:`TEXT_PROPERTIES`. Graphs are read in batches, each as one query with the
graphs bound as terms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from ssgraph.namespaces import SSG
from ssgraph.store.binding import bind, iri

SDG_NAMESPACE = "https://w3id.org/ssgraph/ref/sdg/"
ORG_NAMESPACE = "https://w3id.org/ssgraph/id/org/"

# kind → the classes whose subclasses it takes in (the ontology's names); a resource of two
# kinds is of the first listed
KINDS = {
    "goal": (SSG.Goal,),
    "indicator": (SSG.Indicator,),
    "organisation": (SSG.Organisation,),
    "document": (SSG.SteeringDocument, SSG.ActionPlan),
    "sdg": (SSG.SDGTarget,),
    "sdg-goal": (SSG.SDGGoal,),
    "objective": (SSG.EnvironmentalObjective,),
    "vision": (SSG.Vision,),
    "activity": (SSG.Activity,),
    "sdg-indicator": (SSG.SDGIndicator,),
    "public-health": (SSG.PublicHealthArea,),
    "green-key": (SSG.GreenKeyIndicator,),
    "tool": (SSG.SupportingTool,),
    "process": (SSG.ProcessStep, SSG.ProcessElement),
}
NAME_PROPERTIES = ("rdfs:label", "skos:prefLabel", "dcterms:title", "foaf:name")
TEXT_PROPERTIES = NAME_PROPERTIES + ("skos:altLabel", "skos:definition", "dcterms:description",
                                     "ssg:targetStatement", "ssg:levelTerm", "skos:notation",
                                     "dcterms:identifier")
LINK_PROPERTIES = ("ssg:organisation", "ssg:addressesSDG", "skos:broader", "ssg:organisationCode",
                   "ssg:measures")
BATCH = 40  # graphs per query

PREFIXES = """
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""
# the classes of each kind, read first: with the class path inside the graphs' query Oxigraph
# walked it for every typed resource (50,000 rows: 6 s against 1.6 s with the classes bound)
KIND_CLASSES_QUERY = PREFIXES + """SELECT DISTINCT ?type ?kind WHERE {
  VALUES (?root ?kind) { $kinds }
  ?type rdfs:subClassOf* ?root .
}"""
DOCUMENTS_QUERY = PREFIXES + f"""SELECT ?g ?s ?kind ?type ?p ?o WHERE {{
  VALUES ?g {{ $graphs }}
  GRAPH ?g {{
    VALUES (?type ?kind) {{ $types }}
    ?s a ?type ; ?p ?o .
    VALUES ?p {{ {" ".join(TEXT_PROPERTIES + LINK_PROPERTIES)} }}
  }}
}}"""


@dataclass
class Document:
    graph: str
    iri: str
    kind: str
    org: str = ""  # the organisation's code
    names: dict[str, str] = field(default_factory=dict)  # language → name ("" no language)
    texts: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)  # definitions, descriptions, targets
    sdgs: set[str] = field(default_factory=set)  # SDG goal numbers, "13"
    measures: set[str] = field(default_factory=set)  # goals an indicator measures
    classes: set[str] = field(default_factory=set)  # the classes typing it (local names: "Municipality")
    values: set[tuple[str, str, str]] = field(default_factory=set, repr=False)  # (p, o, lang) read

    def name(self, lang: str = "sv") -> str:
        other = "en" if lang == "sv" else "sv"
        for key in (lang, "", other):
            if self.names.get(key):
                return self.names[key]
        return next(iter(self.names.values()), "") or self.iri.rsplit("/", 1)[-1]


def org_code(value: str) -> str:
    """The organisation code in an organisation's IRI (``…/id/org/1415`` → ``1415``)."""
    if value.startswith(ORG_NAMESPACE):
        return value[len(ORG_NAMESPACE):].split("/", 1)[0]
    return ""


def sdg_number(value: str) -> str:
    """The SDG goal of an SDG concept's IRI (``…/ref/sdg/13.2`` → ``13``)."""
    if value.startswith(SDG_NAMESPACE):
        head = value[len(SDG_NAMESPACE):].split(".", 1)[0]
        return head if head.isdigit() else ""
    return ""


_KIND_ORDER = list(KINDS)


def local_name(value: str) -> str:
    return value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _add(doc: Document, predicate: str, value, lang: str) -> None:
    local = local_name(predicate)
    if local in ("label", "prefLabel", "title", "name"):
        if lang not in doc.names or local == "prefLabel":
            doc.names[lang] = str(value)
        doc.texts.append(str(value))
    elif local == "organisation":
        doc.org = doc.org or org_code(str(value))
    elif local == "organisationCode":
        doc.org = str(value)
    elif local in ("addressesSDG", "broader"):
        number = sdg_number(str(value))
        if number:
            doc.sdgs.add(number)
    elif local == "measures":
        doc.measures.add(str(value))
    elif local in ("definition", "description", "targetStatement"):
        doc.descriptions.append(str(value))
        doc.texts.append(str(value))
    else:
        doc.texts.append(str(value))


def read_documents(store, graphs: Iterable[str]) -> dict[str, list[Document]]:
    """graph → its searchable documents (a graph without any maps to [])."""
    graphs = sorted(set(graphs))
    found: dict[str, dict[str, Document]] = {g: {} for g in graphs}
    kinds = " ".join(f"({iri(cls).n3()} {_literal(kind)})" for kind, classes in KINDS.items() for cls in classes)
    types = " ".join(f"({row['type'].n3()} {row['kind'].n3()})"
                     for row in store.select(KIND_CLASSES_QUERY.replace("$kinds", kinds))
                     if isinstance(row["type"], URIRef))
    for start in range(0, len(graphs) if types else 0, BATCH):
        batch = graphs[start:start + BATCH]
        query = bind(DOCUMENTS_QUERY.replace("$types", types), graphs=[iri(g) for g in batch])
        for row in store.select(query):
            graph, subject, kind = str(row["g"]), str(row["s"]), str(row["kind"])
            docs = found[graph]
            doc = docs.get(subject)
            if doc is None:
                doc = docs[subject] = Document(graph, subject, kind)
            elif _KIND_ORDER.index(kind) < _KIND_ORDER.index(doc.kind):
                doc.kind = kind  # an SDG goal typed as a target too: the more specific first
            doc.classes.add(local_name(str(row["type"])))
            value, predicate = row["o"], str(row["p"])
            lang = getattr(value, "language", None) or ""
            if (predicate, str(value), lang) not in doc.values:  # a row per class typing it
                doc.values.add((predicate, str(value), lang))
                _add(doc, predicate, value, lang)
    for docs in found.values():
        for doc in docs.values():
            if doc.kind == "organisation" and not doc.org:
                doc.org = org_code(doc.iri)
            if doc.kind in ("sdg", "sdg-goal", "sdg-indicator"):
                doc.sdgs.add(sdg_number(doc.iri))
                doc.sdgs.discard("")
    # in IRI order: equally ranked hits come in the order the index holds them, which must not
    # hang on the order a query plan happens to return rows in
    return {g: [docs[s] for s in sorted(docs)] for g, docs in found.items()}


def _literal(text: str) -> str:
    return bind("$x", x=text)
