"""standard.ttl: the concepts of SS 854000 (process, dimensions, aspects, tools, statuses)."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from ssgraph.namespaces import SSG, SSGREF

from .common import LICENCE_CC_BY, SchemeMetadata, add_concept, add_scheme, add_texts, new_graph
from .process_elements import ELEMENTS
from .standard_terms import GROUPS, PROCESS_CYCLE, PROCESS_TO_PDCA

SCHEME = SSGREF["ss854000"]

METADATA = SchemeMetadata(
    iri=SCHEME,
    title_sv="SS 854000 – begrepp för styrning mot hållbar utveckling i kommuner och regioner",
    title_en="SS 854000 – concepts for governance for sustainable development in "
    "municipalities and regions",
    description_en=(
        "Concepts used by the Swedish guideline standard SS 854000:2021 (SIS) and in "
        "municipal steering practice: the steps of the governance process and their PDCA "
        "phases, the dimensions and aspects of sustainable development, supporting tools, "
        "goal levels, kinds and statuses of steering documents, activity and fulfilment "
        "statuses, desired directions of indicators and the gender breakdown used by Kolada."
    ),
    sources=(
        "SS 854000:2021 Hållbar utveckling i kommuner och regioner – Vägledning för styrning "
        "(Swedish Institute for Standards, SIS), as publicly described; the labels and "
        "definitions are the ssgraph project's own text, not the standard's",
        URIRef("https://www.sis.se/"),
    ),
    licence=LICENCE_CC_BY,
    rights_en="Text written by the ssgraph project, licensed CC BY 4.0.",
    notes=(
        "ssg:nextStep links the process steps in a cycle: organisational prerequisites, plan, "
        "implement and apply, evaluate and report, analyse and improve, and back to plan.",
        "Fulfilment-status colours and notations (G, Y, R, NA) are the project's traffic-light "
        "convention; gender notations follow Kolada (T, K, M).",
        "The elements of each process step (ssg:ProcessElement, ssg:inProcessStep) name what in "
        "an organisation's data shows them (ssg:evidenceClass, ssg:evidenceProperty, "
        "ssg:evidenceMinimum); their skos:scopeNote is the project's paraphrase of the standard's "
        "recommendation, not the standard's text.",
    ),
)

SEE_ALSO = {
    "green-key-indicators": SSGREF["grona-nyckeltal"],
    "public-health": SSGREF["folkhalsa"],
}


def concept_iri(slug: str) -> URIRef:
    return SSGREF[f"ss854000/{slug}"]


def build_standard() -> Graph:
    graph = new_graph()
    add_scheme(graph, METADATA)
    for group in GROUPS:
        cls = SSG[group.cls]
        for term in group.terms:
            concept = concept_iri(term.slug)
            add_concept(graph, concept, SCHEME, [cls], notation=term.notation,
                        label_sv=term.sv, label_en=term.en, top=True)
            add_texts(graph, concept, SKOS.definition, term.definition_sv, term.definition_en)
            if term.colour:
                graph.add((concept, SSG.colour, Literal(term.colour)))
            if term.slug in SEE_ALSO:
                graph.add((concept, RDFS.seeAlso, SEE_ALSO[term.slug]))
    for step, following in zip(PROCESS_CYCLE, PROCESS_CYCLE[1:]):
        graph.add((concept_iri(step), SSG.nextStep, concept_iri(following)))
    for step, phase in PROCESS_TO_PDCA.items():
        graph.add((concept_iri(step), SSG.correspondsToPDCA, concept_iri(phase)))
    add_process_elements(graph)
    return graph


def add_process_elements(graph: Graph) -> None:
    """The elements of each process step, what shows them and the standard's recommendation."""
    for element in ELEMENTS:
        concept = concept_iri(f"element-{element.slug}")
        add_concept(graph, concept, SCHEME, [SSG.ProcessElement], notation=element.notation,
                    label_sv=element.sv, label_en=element.en)
        add_texts(graph, concept, SKOS.definition, element.definition_sv, element.definition_en)
        add_texts(graph, concept, SKOS.scopeNote, element.recommendation_sv, element.recommendation_en)
        graph.add((concept, SSG.inProcessStep, concept_iri(element.step)))
        graph.add((concept, SKOS.broader, concept_iri(element.step)))
        for name in element.classes:
            graph.add((concept, SSG.evidenceClass, SSG[name]))
        for name in element.properties:
            graph.add((concept, SSG.evidenceProperty, SSG[name]))
        if element.minimum != 1:
            graph.add((concept, SSG.evidenceMinimum, Literal(element.minimum)))
