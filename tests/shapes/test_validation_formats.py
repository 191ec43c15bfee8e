"""Every report format renders the same findings."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from validation_helpers import (
    GOAL_WITH_SDG_18_2,
    GOAL_WITHOUT_INDICATOR,
    SSGSH,
    O,
    organisation_graph,
)

from ssgraph.namespaces import SH
from ssgraph.validation import ValidationOptions, validate_graph
from ssgraph.rendering.validation_report import render_report
from ssgraph.services import ValidationOutcome


@pytest.fixture(scope="module")
def reports():
    graph = organisation_graph(GOAL_WITH_SDG_18_2, GOAL_WITHOUT_INDICATOR.replace("g9", "g8"))
    options = ValidationOptions(reference_date=dt.date(2025, 6, 1), keep_report=True)
    return [validate_graph(graph, graph_iri="https://w3id.org/ssgraph/graph/org/0480/test", options=options)]


def render(reports, fmt, lang="sv", colour=False):
    return render_report(ValidationOutcome(reports), fmt, lang, colour)


def test_text_counts_first_then_groups(reports):
    text = render(reports, "text", "sv")
    lines = text.splitlines()
    assert lines[0] == "Valideringsrapport: 1 organisation — 1 överträdelse, 1 varning, 0 information"
    assert lines[2] == "0480 Nyköping — 1 överträdelse, 1 varning"
    violation = next(i for i, line in enumerate(lines) if "ÖVERTRÄDELSE" in line)
    warning = next(i for i, line in enumerate(lines) if "VARNING" in line)
    assert violation < warning
    assert "ssgref:sdg/18.2" in text and "Åtgärd:" in text
    assert "\x1b[" not in text
    assert "\x1b[" in render(reports, "text", "sv", colour=True)


def test_json_is_the_finding_model(reports):
    document = json.loads(render(reports, "json", "en"))
    assert document["conforms"] is False
    assert document["counts"] == {"violation": 1, "warning": 1, "info": 0}
    [organisation] = document["organisations"]
    assert organisation["organisation"] == "0480" and organisation["label"] == "Nyköping"
    shapes = {f["shape"] for f in organisation["findings"]}
    assert shapes == {SSGSH + "SDGLink", SSGSH + "LeafGoalHasIndicator"}
    finding = organisation["findings"][0]
    assert set(finding["message"]) == {"sv", "en"} and set(finding["fix"]) == {"sv", "en"}


def test_turtle_is_the_shacl_validation_report(reports):
    graph = Graph().parse(data=render(reports, "turtle"), format="turtle")
    report = graph.value(None, RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == Literal(False)
    results = list(graph.objects(report, SH.result))
    assert len(results) == 2
    by_shape = {graph.value(r, SH.sourceShape): r for r in results}
    sdg = by_shape[URIRef(SSGSH + "SDGLink")]
    assert graph.value(sdg, SH.focusNode) == URIRef(O + "goal/g9")
    assert graph.value(sdg, SH.resultSeverity) == SH.Violation
    assert graph.value(sdg, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent
    assert {m.language for m in graph.objects(sdg, SH.resultMessage)} == {"sv", "en"}
    assert graph.value(report, URIRef("https://w3id.org/ssgraph/ontology#organisation")) == URIRef(
        "https://w3id.org/ssgraph/id/org/0480")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        self.text.append(data)


def test_html_for_people_escapes_and_links(reports):
    page = render(reports, "html", "sv")
    parser = _Collector()
    parser.feed(page)
    text = "".join(parser.text)
    assert "b" not in parser.tags  # the goal label "<b>okänt</b>" is text, not markup
    assert "Mål med <b>okänt</b> delmål & annat" in text
    assert O + "goal/g9" in parser.links and O + "goal/g8" in parser.links
    assert "Sammanfattning per organisation och regel" in text
    assert "Befintligt globalt mål" in text and "Åtgärd:" in text
    assert "Det kopplade globala målet, delmålet eller indikatorn finns inte i Agenda 2030." in text
    english = render(reports, "html", "en")
    assert '<html lang="en">' in english and "Existing SDG concept" in english
