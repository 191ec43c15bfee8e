"""A shape rewritten for speed keeps its meaning: its query answers as the plain form did.

``ssgsh:ObservationUnique`` finds pairs of observations sharing an indicator and a period
by joining two lists (Oxigraph answers that several times faster than looking each
observation's partners up). The plain form it replaced is kept here as the reference; both
run, with the shape's targets, over random graphs of observations with missing, repeated
and conflicting indicators, periods, genders and areas.
"""

from __future__ import annotations

import random

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from ssgraph.namespaces import SSG
from ssgraph.store.staging import add_all, select, staging_graph
from ssgraph.validation.sparql_constraints import query_text, sparql_constraints

PLAIN_OBSERVATION_UNIQUE = """
    SELECT DISTINCT $this ?path ?value WHERE {
        $this ssg:indicator ?indicator ; ssg:refPeriod ?period .
        ?value ssg:indicator ?indicator ; ssg:refPeriod ?period .
        FILTER (?value != $this)
        OPTIONAL { $this ssg:gender ?gender }
        OPTIONAL { ?value ssg:gender ?otherGender }
        FILTER (COALESCE(?gender, <https://w3id.org/ssgraph/ref/ss854000/gender-T>)
                = COALESCE(?otherGender, <https://w3id.org/ssgraph/ref/ss854000/gender-T>))
        OPTIONAL { $this ssg:refArea ?area }
        OPTIONAL { ?value ssg:refArea ?otherArea }
        OPTIONAL { $this ssg:refAreaName ?areaName }
        OPTIONAL { ?value ssg:refAreaName ?otherAreaName }
        FILTER (COALESCE(?area, ?areaName, ssg:refPeriod) = COALESCE(?otherArea, ?otherAreaName, ssg:refPeriod))
        BIND (ssg:refPeriod AS ?path)
    }"""

EX = "https://example.org/"
CHOICES = {
    SSG.indicator: ([URIRef(EX + "i1"), URIRef(EX + "i2")], 0.9),
    SSG.refPeriod: ([Literal("2020"), Literal("2021")], 0.9),
    SSG.gender: ([URIRef("https://w3id.org/ssgraph/ref/ss854000/gender-T"), URIRef(EX + "m"), URIRef(EX + "f")], 0.5),
    SSG.refArea: ([URIRef(EX + "a1"), URIRef(EX + "a2")], 0.3),
    SSG.refAreaName: ([Literal("riket"), Literal("länet")], 0.3),
}


def random_observations(seed: int):
    pick = random.Random(seed)
    triples = []
    for number in range(pick.randint(2, 12)):
        observation = URIRef(f"{EX}observation/{number}")
        if pick.random() < 0.9:
            triples.append((observation, RDF.type, SSG.Observation))
        for predicate, (values, share) in CHOICES.items():
            for _ in range(pick.choice([0, 1, 1, 1, 2]) if pick.random() < share else 0):
                triples.append((observation, predicate, pick.choice(values)))
    return triples


def test_observation_unique_answers_as_its_plain_form():
    [shape] = [c for c in sparql_constraints() if c.shape.endswith("#ObservationUnique")]
    prefixes, target = shape.text.split("SELECT", 1)[0], "{ SELECT DISTINCT ?this WHERE { ?this a ssg:Observation } }"
    plain = query_text(PLAIN_OBSERVATION_UNIQUE, prefixes, target)
    with_findings = 0
    for seed in range(300):
        graph = staging_graph()
        add_all(graph, random_observations(seed))
        expected = sorted(tuple(sorted(row.items())) for row in select(graph, plain)[1])
        assert sorted(tuple(sorted(row.items())) for row in select(graph, shape.text)[1]) == expected, seed
        with_findings += bool(expected)
    assert with_findings > 50  # the random graphs do hold duplicates
