"""Small graphs for the validation tests: the base organisation plus one change."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from shape_cases import BASE_FILE

O = "https://w3id.org/ssgraph/id/org/0480/"
SSG = "https://w3id.org/ssgraph/ontology#"
SSGSH = "https://w3id.org/ssgraph/shapes#"

PREFIXES = f"""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ssg: <{SSG}> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix o: <{O}> .
"""

GOAL_WITH_SDG_18_2 = PREFIXES + """
o:goal\\/g9 a ssg:OperationalGoal ; rdfs:label "Mål med <b>okänt</b> delmål & annat"@sv ;
    ssg:organisation <https://w3id.org/ssgraph/id/org/0480> ; ssg:hasParent o:goal\\/g2 ;
    ssg:responsibleBody o:body\\/ks ; ssg:dimension <https://w3id.org/ssgraph/ref/ss854000/social> ;
    ssg:periodStart "2025"^^xsd:gYear ; ssg:periodEnd "2026"^^xsd:gYear ;
    ssg:addressesSDG <https://w3id.org/ssgraph/ref/sdg/18.2> ;
    prov:wasDerivedFrom o:source\\/goals-12 .
o:source\\/goals-12 a ssg:SourceLocation ; ssg:sourceFile "nykoping.xlsx" ; ssg:sheet "Mål" ; ssg:row 12 .
o:indicator\\/i1 ssg:measures o:goal\\/g9 .
"""

GOAL_WITHOUT_INDICATOR = PREFIXES + """
o:goal\\/g9 a ssg:OperationalGoal ; rdfs:label "Mål utan indikator"@sv ;
    ssg:organisation <https://w3id.org/ssgraph/id/org/0480> ; ssg:hasParent o:goal\\/g2 ;
    ssg:responsibleBody o:body\\/ks ; ssg:dimension <https://w3id.org/ssgraph/ref/ss854000/social> ;
    ssg:periodStart "2025"^^xsd:gYear ; ssg:periodEnd "2026"^^xsd:gYear ;
    prov:wasDerivedFrom o:source\\/goals-13 .
o:source\\/goals-13 a ssg:SourceLocation ; ssg:sourceFile "nykoping.xlsx" ; ssg:sheet "Mål" ; ssg:row 13 .
"""


def organisation_graph(*additions: str) -> Graph:
    graph = Graph().parse(BASE_FILE, format="turtle")
    for text in additions:
        graph.parse(data=text, format="turtle")
    return graph


def write_organisation(path: Path, *additions: str) -> Path:
    organisation_graph(*additions).serialize(path, format="turtle")
    return path
