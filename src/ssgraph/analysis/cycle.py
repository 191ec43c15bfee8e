"""The SS 854000 cycle status: for each organisation and each element of the management
system's five process steps, what its data shows, what is missing and what the standard
recommends.

Nothing here decides what counts: the steps, their order (``ssg:nextStep``), their elements
and what shows each element (``ssg:evidenceClass``, ``ssg:evidenceProperty``,
``ssg:evidenceMinimum``) are the standard's concepts in data/reference/standard.ttl, and the
counting is the library query ``queries/cycle_status.rq``. An element is "shown" when its
evidence reaches the minimum, "partial" when there is some, "missing" when there is none.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from ssgraph.analysis.state_cache import per_state
from ssgraph.analysis.versions import rows
from ssgraph.queries import load_library
from ssgraph.store import process_evidence
from ssgraph.store.binding import bind, iri

log = logging.getLogger(__name__)

EVIDENCE_SHOWN = 5  # evidence items listed per element on an organisation's page
STATUSES = ("shown", "partial", "missing")


@dataclass
class Element:
    iri: str
    step: str
    notation: str
    label: str
    definition: str
    recommendation: str
    minimum: int
    shown_by: list[str]  # labels of the evidence classes and properties

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass
class Step:
    iri: str
    label: str
    definition: str
    pdca: str
    elements: list[Element] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**{k: v for k, v in self.__dict__.items() if k != "elements"},
                "elements": [e.to_dict() for e in self.elements]}


# The standard's concepts and the ontology's labels are read from whichever named graph holds
# them (GRAPH ?…): without GRAPH a query reads the union of the current versions' graphs, which
# costs Oxigraph one lookup per graph for every pattern (seconds on the national set).
MODEL_QUERY = """
SELECT ?step ?stepLabel ?stepDefinition ?pdcaLabel ?next ?element ?notation ?label ?definition ?recommendation
       ?minimum ?shownBy ?shownByLabel WHERE {
  GRAPH ?standard { ?step a ssg:ProcessStep ; skos:prefLabel ?stepLabel . }
  FILTER(lang(?stepLabel) = $lang)
  OPTIONAL { GRAPH ?standard { ?step skos:definition ?stepDefinition } FILTER(lang(?stepDefinition) = $lang) }
  OPTIONAL { GRAPH ?standard { ?step ssg:correspondsToPDCA ?pdca } GRAPH ?phases { ?pdca skos:prefLabel ?pdcaLabel }
             FILTER(lang(?pdcaLabel) = $lang) }
  OPTIONAL { GRAPH ?standard { ?step ssg:nextStep ?next } }
  OPTIONAL {
    GRAPH ?elements { ?element a ssg:ProcessElement ; ssg:inProcessStep ?step ; skos:notation ?notation ;
                                skos:prefLabel ?label . }
    FILTER(lang(?label) = $lang)
    OPTIONAL { GRAPH ?elements { ?element skos:definition ?definition } FILTER(lang(?definition) = $lang) }
    OPTIONAL { GRAPH ?elements { ?element skos:scopeNote ?recommendation } FILTER(lang(?recommendation) = $lang) }
    OPTIONAL { GRAPH ?elements { ?element ssg:evidenceMinimum ?minimum } }
    OPTIONAL { GRAPH ?elements { ?element ssg:evidenceClass|ssg:evidenceProperty ?shownBy }
               OPTIONAL { GRAPH ?ontology { ?shownBy rdfs:label ?shownByLabel } FILTER(lang(?shownByLabel) = $lang) } }
  }
}"""


def _cycle_order(steps: dict[str, Step], following: dict[str, str]) -> list[Step]:
    """The steps from the one no step leads to (the prerequisites) along ssg:nextStep."""
    led_to = set(following.values())
    start = next((s for s in sorted(steps) if s not in led_to), next(iter(sorted(steps)), None))
    ordered, current = [], start
    while current in steps and steps[current] not in ordered:
        ordered.append(steps[current])
        current = following.get(current)
    return ordered + [s for s in steps.values() if s not in ordered]


def model(store, lang: str = "sv") -> list[Step]:
    """The five process steps in the order of the cycle, each with its elements (the standard's
    concepts: read once per state of the store, every organisation page shows them)."""
    return per_state(store, f"cycle_model_{lang}", lambda: _read_model(store, lang))


def _read_model(store, lang: str) -> list[Step]:
    steps: dict[str, Step] = {}
    following: dict[str, str] = {}
    elements: dict[str, Element] = {}
    for row in rows(store, bind(MODEL_QUERY, lang=lang)):
        step = steps.setdefault(row["step"], Step(row["step"], row["stepLabel"], row.get("stepDefinition", ""),
                                                  row.get("pdcaLabel", "")))
        if "next" in row:
            following.setdefault(row["step"], row["next"])
        if "element" not in row:
            continue
        element = elements.get(row["element"])
        if element is None:
            element = elements[row["element"]] = Element(
                row["element"], row["step"], row["notation"], row["label"], row.get("definition", ""),
                row.get("recommendation", ""), int(row.get("minimum") or 1), [])
            step.elements.append(element)
        shown_by = row.get("shownByLabel") or row.get("shownBy", "").rsplit("#", 1)[-1]
        if shown_by and shown_by not in element.shown_by:
            element.shown_by.append(shown_by)
    for step in steps.values():
        step.elements.sort(key=lambda e: [int(p) if p.isdigit() else p for p in e.notation.split(".")])
    return _cycle_order(steps, following)


def evidence_counts(store, organisation: str | None) -> dict[str, dict[str, int]]:
    """Organisation IRI → element IRI → evidence count, for the elements it has evidence of
    (``organisation`` None: every organisation).

    Read from the counts the store keeps at every write (the library query); a store whose
    counts were not made with its definitions (made before them, or written by another
    client) is counted from the data instead, slowly."""
    library = load_library()["cycle_status"]
    text = library.bind({"organisation": organisation or "all"})
    if not per_state(store, "evidence_counts_current", lambda: process_evidence.is_current(store)):
        log.warning("the evidence counts of the process elements are not current: counting the data itself")
        text = (bind(DIRECT_COUNT_QUERY, organisation=iri(organisation)) if organisation
                else DIRECT_COUNT_QUERY.replace("VALUES ?organisation { $organisation }", ""))
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows(store, text):
        if int(row["evidenceCount"]):
            found[row["organisation"]][row["element"]] = int(row["evidenceCount"])
    return found


# What process_evidence.ru counts, counted from the data (for a store without current counts)
DIRECT_COUNT_QUERY = """
SELECT ?organisation ?element (COUNT(DISTINCT ?evidence) AS ?evidenceCount) WHERE {
  { SELECT ?organisation ?g WHERE {
      VALUES ?organisation { $organisation }
      ?version ssg:isCurrentVersion true ; ssg:graph ?g ; ssg:versionOf ?organisation . } }
  ?element a ssg:ProcessElement .
  {
    ?element ssg:evidenceClass ?class . ?type rdfs:subClassOf* ?class . GRAPH ?g { ?evidence a ?type }
  } UNION {
    ?element ssg:evidenceProperty ?property . GRAPH ?g { ?evidence ?property ?value }
  } UNION {
    ?element ssg:evidenceClass ?class .
    GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?evidence ssg:versionOf ?organisation ; a ?class }
  }
}
GROUP BY ?organisation ?element"""

# The resources of one graph that show each element (as process_evidence.ru counts them), with
# the organisation's versions in the catalogue; the graph a constant so that Oxigraph looks up
# the evidence in it rather than joining every graph's.
EVIDENCE_QUERY = """
SELECT DISTINCT ?element ?evidence WHERE {
  {
    GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceClass ?class } GRAPH $graph { ?evidence a ?class }
  } UNION {
    GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceClass ?class }
    GRAPH ?o { ?type rdfs:subClassOf+ ?class } GRAPH $graph { ?evidence a ?type }
  } UNION {
    GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceProperty ?property } GRAPH $graph { ?evidence ?property ?value }
  } UNION {
    GRAPH ?d { ?element a ssg:ProcessElement ; ssg:evidenceClass ?class }
    GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?evidence ssg:versionOf $organisation ; a ?class }
  }
}"""
LABELS_QUERY = """
SELECT ?evidence ?label WHERE {
  VALUES ?evidence { $evidence }
  GRAPH ?any { ?evidence rdfs:label|skos:prefLabel|dcterms:title ?label }
}"""


def evidence_items(store, organisation: str, graph: str, limit: int = EVIDENCE_SHOWN) -> dict[str, list[dict]]:
    """Element IRI → up to ``limit`` resources that show it (iri, label; the first by IRI),
    for one organisation."""
    every: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, bind(EVIDENCE_QUERY, graph=iri(graph), organisation=iri(organisation))):
        every[row["element"]].add(row["evidence"])
    found = {element: sorted(items)[:limit] for element, items in every.items()}
    shown = sorted({e for items in found.values() for e in items})
    labels: dict[str, str] = {}
    if shown:
        for row in rows(store, bind(LABELS_QUERY, evidence=[iri(e) for e in shown])):
            labels.setdefault(row["evidence"], row["label"])
    return {element: [{"iri": e, "label": labels.get(e, "")} for e in items] for element, items in found.items()}


def status(count: int, minimum: int) -> str:
    return "shown" if count >= minimum else "partial" if count > 0 else "missing"


TOOLS_QUERY = """
SELECT ?tool ?label WHERE {
  { GRAPH ?tools { ?tool a ssg:SupportingTool } }
  UNION { GRAPH ?ontology { ?type rdfs:subClassOf+ ssg:SupportingTool } GRAPH ?tools { ?tool a ?type } }
  GRAPH ?tools { ?tool skos:prefLabel ?label } FILTER(lang(?label) = $lang)
}"""


def supporting_tools(store, lang: str = "sv") -> tuple[dict[str, str], dict[str, list[str]]]:
    """The supporting tools the standard names (IRI → label), and organisation IRI → the tools
    its current goal structure says it uses (the library query ``supporting_tools_in_use``);
    both read once per state of the store."""
    names = per_state(store, f"cycle_tools_{lang}",
                      lambda: {row["tool"]: row["label"] for row in rows(store, bind(TOOLS_QUERY, lang=lang))})
    return names, per_state(store, "cycle_tools_in_use", lambda: _tools_in_use(store))


def _tools_in_use(store) -> dict[str, list[str]]:
    used: dict[str, list[str]] = defaultdict(list)
    for row in rows(store, load_library()["supporting_tools_in_use"].text):
        for organisation in row.get("users", "").split():
            used[organisation].append(row["tool"])
    return dict(used)
