"""Template → fill → import → expected triples, for every sheet and every input format."""

from __future__ import annotations

import pytest
from importing_samples import NOW, SMALL
from openpyxl import load_workbook
from rdflib import Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS

from ssgraph.importing.importer import prepare_import
from ssgraph.importing.model import SHEETS
from ssgraph.importing.template import write_csv_folder, write_template, write_workbook
from ssgraph.namespaces import SSG, SSGID, SSGREF

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # plain: pytest probes module attributes

ORG_IRI = SSGID["org/0480"]


def iri(path: str) -> URIRef:
    return SSGID[f"org/0480/{path}"]


def std(slug: str) -> URIRef:
    return SSGREF[f"ss854000/{slug}"]


EXPECTED = {
    "organisation": [
        (ORG_IRI, SSG.organisationCode, Literal("0480")),
        (ORG_IRI, SKOS.altLabel, Literal("Nyköpings kommun", lang="sv")),
        (ORG_IRI, SSG.usesSupportingTool, std("sustainable-procurement")),
    ],
    "bodies": [
        (iri("body/SBF"), RDF.type, SSG.Administration),
        (iri("body/SBF"), ORG.subOrganizationOf, iri("body/KS")),
        (iri("body/KS"), ORG.unitOf, ORG_IRI),
        (iri("body/KS"), RDF.type, SSG.ExecutiveBoard),
    ],
    "documents": [
        (iri("document/MB24"), RDF.type, SSG.Budget),
        (iri("document/MB24"), SSG.decisionDate, Literal("2023-11-20", datatype=XSD.date)),
        (iri("document/MB24"), SSG.decisionReference, Literal("KF § 187/2023")),
        (iri("document/MB24"), SSG.documentStatus, std("in-force")),
        (iri("document/MB24"), SSG.documentKind, std("activating")),
        (iri("document/MB24"), SSG.decidedBy, iri("body/KF")),
        (iri("document/MB24"), FOAF.page, URIRef("https://example.org/mb2024.pdf")),
    ],
    "sources": [
        (iri("source/s1"), RDF.type, SSG.SourceDocument),
        (iri("source/s1"), FOAF.page, URIRef("https://example.org/mb2024")),
        (iri("source/s1"), SSG.secondarySource, Literal(False)),
        (iri("source/s1"), DCTERMS.publisher, iri("source/s1/publisher")),
        (iri("source/s1/publisher"), FOAF.name, Literal("Nyköpings kommun")),
        (iri("source/s1"), DCTERMS.date, Literal("2024", datatype=XSD.gYear)),
    ],
    "vision": [
        (iri("vision"), RDF.type, SSG.Vision),
        (iri("vision"), DCTERMS.title, Literal("Vision 2030", lang="sv")),
        (iri("vision"), PROV.wasQuotedFrom, iri("source/s1")),
        (ORG_IRI, SSG.hasVision, iri("vision")),
        (iri("vision"), RDFS.label, Literal("A sustainable Nyköping", lang="en")),
    ],
    "goals": [
        (iri("goal/G1"), RDF.type, SSG.OverarchingGoal),
        (iri("goal/G1"), SSG.hasParent, iri("vision")),
        (iri("goal/G1.1.1"), SSG.hasParent, iri("goal/G1.1")),
        (iri("goal/G1.1.1"), SSG.leadsUpTo, iri("goal/G1")),
        (iri("goal/G1.1.1"), SSG.leadsUpTo, iri("vision")),
        (iri("goal/G1.1.1"), SSG.goalLevel, std("level-operational")),
        (iri("goal/G1"), SSG.addressesSDG, SSGREF["sdg/13.2"]),
        (iri("goal/G1"), SSG.addressesEnvironmentalObjective, SSGREF["miljomal/1"]),
        (iri("goal/G1.1"), SSG.addressesPublicHealthArea, SSGREF["folkhalsa/5"]),
        (iri("goal/G1"), SSG.periodStart, Literal("2024", datatype=XSD.gYear)),
        (iri("goal/G1"), SSG.dimension, std("ecological")),
        (iri("goal/G1.1"), SSG.aspect, std("climate")),
        (iri("goal/G1.1"), SSG.responsibleBody, iri("body/KS")),
        (iri("goal/G1"), SSG.statedIn, iri("document/MB24")),
        (iri("goal/G1"), RDFS.label, Literal("Minskad klimatpåverkan", lang="sv")),
        # a heading-only goal area: no text, its own level term, a body named in free text
        (iri("goal/G0"), RDF.type, SSG.GoalArea),
        (iri("goal/G0"), SSG.goalLevel, std("level-goal-area")),
        (iri("goal/G0"), SSG.levelTerm, Literal("fokusområde")),
        (iri("goal/G0"), SSG.textComplete, Literal(False)),
        (iri("goal/G0"), SSG.hasParent, iri("vision")),
        (iri("goal/G0"), SSG.responsibleBody, iri("body/named/radet-for-social-hallbarhet")),
        (iri("body/named/radet-for-social-hallbarhet"), RDFS.label, Literal("Rådet för social hållbarhet", lang="sv")),
        (iri("body/named/radet-for-social-hallbarhet"), RDF.type, SSG.OrganisationalBody),
        (iri("goal/G1.1"), SSG.responsibleBody, iri("body/KS")),
        (iri("goal/G0"), PROV.wasQuotedFrom, iri("source/s1")),
        (iri("goal/G0"), SKOS.note, Literal("Rubriken saknas i utdraget.")),
    ],
    "indicators": [
        (iri("indicator/I1"), SSG.measures, iri("goal/G1.1.1")),
        (iri("indicator/I1"), SSG.measures, iri("goal/G1.1")),
        (iri("indicator/I1"), SSG.baselineValue, Literal("12.5", datatype=XSD.decimal)),
        (iri("indicator/I1"), SSG.targetYear, Literal("2027", datatype=XSD.gYear)),
        (iri("indicator/I1"), SSG.koladaKPI, SSGID["kolada/kpi/N00401"]),
        (iri("indicator/I1"), SSG.direction, std("increase")),
        (iri("indicator/I1"), SSG.targetOperator, Literal(">=")),
        (iri("indicator/I1"), SSG.verbatim, Literal(True)),
        (iri("indicator/I1"), SSG.indicatorGroup, Literal("Klimat")),
        # a verbal target gives the direction, and its wording is kept
        (iri("indicator/I2"), SSG.direction, std("decrease")),
        (iri("indicator/I2"), SSG.targetStatement, Literal("ska minska", lang="sv")),
    ],
    "observations": [
        (iri("observation/I1/2022/T"), SSG.value, Literal("20.5", datatype=XSD.decimal)),
        (iri("observation/I1/2022/T"), SSG.refPeriod, Literal("2022", datatype=XSD.gYear)),
        (iri("observation/I1/2023/K"), SSG.gender, std("gender-K")),
        (iri("observation/I1/2023/K"), SSG.indicator, iri("indicator/I1")),
        (iri("observation/I1/2022/T/riket"), SSG.refAreaName, Literal("riket")),
        (iri("observation/I2/undated-1/T"), SSG.valueStatement, Literal("positiv utveckling", lang="sv")),
        (iri("observation/I2/undated-1/T"), SSG.approximate, Literal(True)),
    ],
    "action_plans": [
        (iri("action-plan/HP1"), SSG.implementsGoal, iri("goal/G1.1")),
        (iri("action-plan/HP1"), SSG.activityStatus, std("ongoing")),
        (iri("action-plan/HP1"), SSG.endDate, Literal("2026-12-31", datatype=XSD.date)),
    ],
    "activities": [
        (iri("activity/A1"), SSG.budget, Literal("1500000.0", datatype=XSD.decimal)),
        (iri("activity/A1"), SSG.partOfActionPlan, iri("action-plan/HP1")),
        (iri("activity/A1"), SSG.owner, iri("body/SBF")),
    ],
    "stakeholders": [
        (iri("stakeholder/S1"), RDF.type, SSG.Stakeholder),
        (iri("stakeholder/S1"), RDFS.seeAlso, SSGID["org/0004"]),
        (ORG_IRI, SSG.hasStakeholder, iri("stakeholder/S1")),
    ],
    "dialogues": [
        (iri("dialogue/D1"), SSG.participant, iri("stakeholder/S1")),
        (iri("dialogue/D1"), DCTERMS.date, Literal("2024-03-01", datatype=XSD.date)),
    ],
    "assessments": [
        (iri("assessment/G1.1/2023"), SSG.fulfilmentStatus, std("partly-fulfilled")),
        (iri("assessment/G1.1/2023"), SSG.assessedGoal, iri("goal/G1.1")),
        # the organisation's own words, placed on the scale where they can be, kept as written
        (iri("assessment/G1/2023"), SSG.fulfilmentStatus, std("partly-fulfilled")),
        (iri("assessment/G1/2023"), SSG.statusWording, Literal("i hög grad uppfyllt", lang="sv")),
        (iri("assessment/G1/2022"), SSG.statusWording, Literal("god måluppfyllelse", lang="sv")),
    ],
}


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory):
    path = write_workbook(tmp_path_factory.mktemp("wb") / "small.xlsx", "sv", SMALL)
    return prepare_import(path, now=NOW, validate=False).graph


def test_every_sheet_has_expectations():
    assert set(EXPECTED) == {sheet.key for sheet in SHEETS}


@pytest.mark.parametrize("sheet", sorted(EXPECTED))
def test_sheet_round_trips(small_graph, sheet):
    missing = [t for t in EXPECTED[sheet] if t not in small_graph]
    assert not missing, missing


@pytest.mark.parametrize("sheet", sorted(EXPECTED))
def test_rows_of_each_sheet_carry_their_source_row(small_graph, sheet):
    subject = EXPECTED[sheet][0][0]
    location = small_graph.value(subject, PROV.wasDerivedFrom)
    assert location is not None
    assert small_graph.value(location, SSG.sourceFile) == Literal("small.xlsx")
    assert int(small_graph.value(location, SSG.row)) >= 2


def _without_provenance(graph):
    from rdflib import Graph

    locations = set(graph.subjects(RDF.type, SSG.SourceLocation))
    kept = Graph()
    for s, p, o in graph:
        if s in locations or p in (PROV.wasDerivedFrom, SSG.sourceFile):
            continue
        kept.add((s, p, o))
    return kept


def test_csv_folder_and_yaml_give_the_same_graph(tmp_path, small_graph):
    import yaml

    csv_dir = write_csv_folder(tmp_path / "csv", "sv", SMALL)
    yaml_path = tmp_path / "small.yaml"
    yaml_path.write_text(yaml.safe_dump(SMALL, allow_unicode=True), encoding="utf-8")
    from_csv = prepare_import(csv_dir, now=NOW, validate=False).graph
    from_yaml = prepare_import(yaml_path, now=NOW, validate=False).graph
    reference = _without_provenance(small_graph)
    assert isomorphic(_without_provenance(from_csv), reference)
    assert isomorphic(_without_provenance(from_yaml), reference)


def test_english_workbook_imports_like_the_swedish_one(tmp_path, small_graph):
    rows = {key: [dict(r) for r in values] for key, values in SMALL.items()}
    rows["goals"][0]["level"] = "overarching"  # English list words are accepted too
    path = write_workbook(tmp_path / "en.xlsx", "en", rows)
    graph = prepare_import(path, now=NOW, validate=False).graph
    assert isomorphic(_without_provenance(graph), _without_provenance(small_graph))


def test_template_has_instructions_lists_and_all_sheets(tmp_path):
    path = write_template(tmp_path / "t.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[0] == "Instruktioner"
    assert "ssgraph import" in " ".join(str(c.value) for c in book["Instruktioner"]["A"] if c.value)
    for sheet in SHEETS:
        ws = book[sheet.sv]
        assert [c.value for c in ws[1]] == [c.sv for c in sheet.columns]
        assert all(c.comment is not None for c in ws[1])
    goal_validations = book["Mål"].data_validations.dataValidation
    assert any(v.type == "list" and "Listor" in v.formula1 for v in goal_validations)
    assert book["Listor"].sheet_state == "hidden"


def test_empty_template_imports_with_org_and_version_given(tmp_path):
    path = write_template(tmp_path / "t.xlsx")
    prepared = prepare_import(path, org="0480", version="Test", now=NOW, validate=False)
    assert not list(prepared.graph.subjects(RDF.type, SSG.Goal))
    assert prepared.graph_iri.endswith("/org/0480/test")


def test_csv_template_has_one_file_per_sheet(tmp_path):
    folder = write_template(tmp_path / "mall", "csv")
    assert {p.stem for p in folder.glob("*.csv")} == {s.key for s in SHEETS}
    header = (folder / "goals.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",")[:3] == ["Id", "Överordnat mål", "Nivå"]


def test_csv_exported_by_swedish_excel_with_semicolons(tmp_path, small_graph):
    folder = write_csv_folder(tmp_path / "csv", "sv", SMALL)
    import csv

    for path in folder.glob("*.csv"):
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out, delimiter=";").writerows(rows)
    graph = prepare_import(folder, now=NOW, validate=False).graph
    assert isomorphic(_without_provenance(graph), _without_provenance(small_graph))


def test_progress_is_reported_for_reading_and_mapping(tmp_path):
    rows = {key: [dict(r) for r in values] for key, values in SMALL.items()}
    rows["observations"] = [{"indicator": "I1", "period": str(year), "value": str(year % 97), "gender": gender}
                            for year in range(1900, 2100) for gender in ("T", "K", "M")]
    path = write_workbook(tmp_path / "big.xlsx", "sv", rows)
    seen: dict[str, tuple[int, int]] = {}
    prepare_import(path, now=NOW, validate=False, progress=lambda stage, done, total: seen.__setitem__(stage, (done, total)))
    assert set(seen) == {"read", "map"}
    assert all(done == total > 0 for done, total in seen.values())
    assert seen["map"][1] == 4 + 600
