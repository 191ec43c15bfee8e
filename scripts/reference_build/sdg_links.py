"""Links from Sweden's environmental objectives to SDG goals, each with its provenance.

Every link is written twice: as a plain ``skos:relatedMatch`` triple, so queries stay easy,
and as an SSSOM mapping record in SSSOM's RDF form (an ``owl:Axiom`` with
``owl:annotatedSource``/``owl:annotatedProperty``/``owl:annotatedTarget``) that says who
made the link and how, so users can tell a published link from a suggested one.
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ssgraph.namespaces import SSGREF

from .common import LICENCE_CC_BY, PAV, SEMAPV, SSSOM, VOCABULARY_CREATED

MAPPING_SET = SSGREF["miljomal/mappings/sdg"]

EPA_AUTHOR = "Naturvårdsverket (Swedish EPA)"
EPA_SOURCE = (
    "Swedish EPA naming SDGs 2, 3, 7, 11, 12, 13, 14 and 15 as the environmental focus of "
    "Agenda 2030 for Sweden, as cited by the European Environment Agency's country profile "
    "for Sweden (2020)"
)
EPA_FOCUS_GOALS = (2, 3, 7, 11, 12, 13, 14, 15)
PROJECT_AUTHOR = "ssgraph project (proposal)"

# The ssgraph project's proposal: for each environmental quality objective, the SDG goals
# whose environmental content it most directly concerns (judged from the objectives' and
# goals' titles). Goal level only; no target-level links are proposed.
PROPOSED_LINKS: dict[int, tuple[int, ...]] = {
    1: (13,),           # Reduced climate impact -> climate action
    2: (3, 11),         # Clean air -> health; cities (air quality)
    3: (14, 15),        # Natural acidification only -> life below water; life on land
    4: (3, 12),         # A non-toxic environment -> health; chemicals in production
    5: (3,),            # A protective ozone layer -> health
    6: (3,),            # A safe radiation environment -> health
    7: (6, 14),         # Zero eutrophication -> water; marine nutrient pollution
    8: (6, 15),         # Flourishing lakes and streams -> water; inland freshwater ecosystems
    9: (6,),            # Good-quality groundwater -> clean water
    10: (14,),          # A balanced marine environment -> life below water
    11: (6, 15),        # Thriving wetlands -> water-related ecosystems; life on land
    12: (15,),          # Sustainable forests -> life on land
    13: (2, 15),        # A varied agricultural landscape -> sustainable agriculture; land
    14: (15,),          # A magnificent mountain landscape -> mountain ecosystems
    15: (11,),          # A good built environment -> sustainable cities
    16: (14, 15),       # A rich diversity of plant and animal life -> biodiversity
}


def _mapping(graph: Graph, objective: int, goal: int, *, author: str, comment_en: str,
             source: str | None) -> None:
    subject = SSGREF[f"miljomal/{objective}"]
    target = SSGREF[f"sdg/{goal}"]
    mapping = SSGREF[f"miljomal/mappings/sdg/{objective}-{goal}"]
    graph.add((subject, SKOS.relatedMatch, target))
    graph.add((mapping, RDF.type, OWL.Axiom))
    graph.add((mapping, OWL.annotatedSource, subject))
    graph.add((mapping, OWL.annotatedProperty, SKOS.relatedMatch))
    graph.add((mapping, OWL.annotatedTarget, target))
    graph.add((mapping, SSSOM.mapping_justification, SEMAPV.ManualMappingCuration))
    graph.add((mapping, SSSOM.author_label, Literal(author)))
    graph.add((mapping, SSSOM.creator_label, Literal("ssgraph project")))
    graph.add((mapping, PAV.authoredOn, Literal(VOCABULARY_CREATED, datatype=XSD.date)))
    graph.add((mapping, RDFS.comment, Literal(comment_en, lang="en")))
    if source:
        graph.add((mapping, DCTERMS.source, Literal(source)))
    graph.add((MAPPING_SET, SSSOM.mappings, mapping))


def add_environmental_sdg_links(graph: Graph) -> None:
    graph.add((MAPPING_SET, RDF.type, SSSOM.MappingSet))
    graph.add((MAPPING_SET, DCTERMS.title, Literal(
        "Sweden's environmental objectives to SDG goals", lang="en")))
    graph.add((MAPPING_SET, DCTERMS.title,
               Literal("Sveriges miljömål till globala mål", lang="sv")))
    graph.add((MAPPING_SET, DCTERMS.description, Literal(
        "Goal-level links. Records authored by Naturvårdsverket restate a published statement; "
        "records authored by 'ssgraph project (proposal)' are the project's suggestions.",
        lang="en")))
    graph.add((MAPPING_SET, DCTERMS.license, LICENCE_CC_BY))

    # The EPA's statement concerns the objectives system as a whole; the generational goal
    # stands for that system here (placement by the ssgraph project).
    for goal in EPA_FOCUS_GOALS:
        _mapping(graph, 0, goal, author=EPA_AUTHOR, source=EPA_SOURCE, comment_en=(
            f"Published statement: SDG {goal} is among the goals the Swedish EPA names as the "
            "environmental focus of Agenda 2030 for the environmental objectives system. "
            "Recorded on the generational goal, which stands for the whole system "
            "(placement by the ssgraph project)."))
    for objective, goals in sorted(PROPOSED_LINKS.items()):
        for goal in goals:
            _mapping(graph, objective, goal, author=PROJECT_AUTHOR, source=None, comment_en=(
                f"Proposal of the ssgraph project: environmental objective {objective} concerns "
                f"the environmental content of SDG {goal}. Judged from the titles; not a "
                "published statement."))
