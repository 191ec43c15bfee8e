"""The reference vocabularies in data/reference/ and the lookups in ssgraph.reference."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, SKOS

from ssgraph import reference
from ssgraph.errors import InputError
from ssgraph.namespaces import SSG, SSGGRAPH, SSGID, SSGREF
from ssgraph.paths import REFERENCE_DIR

REPO_ROOT = Path(__file__).resolve().parents[1]
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_reference.py"
SOURCE_DIR = REPO_ROOT.parent / "shared" / "reference"
needs_source = pytest.mark.skipif(
    not SOURCE_DIR.is_dir(), reason="the public source folder ../shared/reference is not present"
)

SCHEMES = {
    "sdg.ttl": SSGREF["sdg"],
    "miljomal.ttl": SSGREF["miljomal"],
    "folkhalsa.ttl": SSGREF["folkhalsa"],
    "grona-nyckeltal.ttl": SSGREF["grona-nyckeltal"],
    "organisations.ttl": SSGREF["organisations"],
    "standard.ttl": SSGREF["ss854000"],
}
# The source names the green key indicators in Swedish only; every other concept has both.
SWEDISH_ONLY_SCHEMES = {"grona-nyckeltal.ttl"}
SSSOM = "https://w3id.org/sssom/"


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {name: Graph().parse(REFERENCE_DIR / name) for name in SCHEMES}


def instances(graph: Graph, cls: URIRef) -> set:
    return set(graph.subjects(RDF.type, cls))


def pref_label(graph: Graph, subject: URIRef, lang: str) -> str | None:
    for label in graph.objects(subject, SKOS.prefLabel):
        if label.language == lang:
            return str(label)
    return None


# --- counts -------------------------------------------------------------------------------

def test_sdg_counts(graphs):
    sdg = graphs["sdg.ttl"]
    assert len(instances(sdg, SSG.SDGGoal)) == 17
    assert len(instances(sdg, SSG.SDGTarget)) == 169
    assert len(instances(sdg, SSG.SDGIndicator)) == 252  # unique listed codes
    assert len(reference.sdg_goal_codes()) == 17
    assert len(reference.sdg_target_codes()) == 169
    assert len(reference.sdg_indicator_codes()) == 252


@needs_source
def test_indicator_count_matches_source():
    text = (SOURCE_DIR / "sdg" / "global_indicators.yml").read_text(encoding="utf-8")
    codes = set(re.findall(r"^(\d+-[0-9a-z]+-\d+)-title:", text, flags=re.MULTILINE))
    assert {c.replace("-", ".") for c in codes} == set(reference.sdg_indicator_codes())


def test_organisation_counts(graphs):
    orgs = graphs["organisations.ttl"]
    assert len(instances(orgs, SSG.Municipality)) == 290
    dissolved = set(orgs.subjects(SSG.dissolvedOn, None))
    assert len(instances(orgs, SSG.Region) - dissolved) == 21
    assert len(instances(orgs, SSG.County)) == 21
    codes = reference.organisation_codes()
    assert sum(1 for e in codes.values() if e.kind == SSG.Municipality) == 290
    assert sum(1 for e in codes.values() if e.kind == SSG.Region) == 21


def test_dissolved_organisations_have_their_own_codes_and_lineage(graphs):
    """Örebro läns landsting and Regionförbundet Örebro län (merged into Region Örebro län on
    1 January 2015) are not padded into 0018: they have codes of their own and the change event."""
    orgs = graphs["organisations.ttl"]
    landsting, forbund, region = SSGID["org/LL18"], SSGID["org/RF18"], SSGID["org/0018"]
    former = reference.organisation_codes(include_former=True)
    assert former["LL18"] == ("Örebro läns landsting", SSG.Region)
    assert former["RF18"] == ("Regionförbundet Örebro län", SSG.RegionalAssociation)
    assert "LL18" not in reference.organisation_codes()  # the organisations that exist
    event = orgs.value(region, ORG.resultedFrom)
    assert set(orgs.objects(event, ORG.originalOrganization)) == {landsting, forbund}
    assert orgs.value(event, DCTERMS.date).toPython().isoformat() == "2015-01-01"
    assert str(orgs.value(event, DCTERMS.source)).startswith("http://docplayer.se/")
    assert {orgs.value(o, SSG.dissolvedOn).toPython().isoformat() for o in (landsting, forbund)} == {"2014-12-31"}
    assert set(orgs.objects(region, DCTERMS.replaces)) == {landsting, forbund}
    assert len(reference.county_codes()) == 21


def test_swedish_framework_counts(graphs):
    assert len(instances(graphs["miljomal.ttl"], SSG.EnvironmentalObjective)) == 16
    assert len(instances(graphs["miljomal.ttl"], SSG.GenerationalGoal)) == 1
    assert reference.environmental_objective_numbers() == frozenset(range(17))
    assert len(instances(graphs["folkhalsa.ttl"], SSG.PublicHealthArea)) == 8
    assert reference.public_health_area_numbers() == frozenset(range(1, 9))
    assert len(instances(graphs["grona-nyckeltal.ttl"], SSG.GreenKeyIndicator)) == 12
    assert reference.green_key_indicator_codes() == {f"GN.{n}" for n in range(1, 13)}


# --- spot checks --------------------------------------------------------------------------

def test_municipality_spot_checks(graphs):
    orgs = graphs["organisations.ttl"]
    expectations = {"0480": ("Nyköping", "04"), "1440": ("Ale", "14"), "1880": ("Örebro", "18")}
    for code, (name, county) in expectations.items():
        org = SSGID[f"org/{code}"]
        assert reference.organisation_codes()[code] == (name, SSG.Municipality)
        assert orgs.value(org, SSG.inCounty) == SSGID[f"county/{county}"]
        assert orgs.value(org, SSG.region) == SSGID[f"org/00{county}"]
        assert orgs.value(org, SSG.organisationCode) == Literal(code)
    nykoping_names = set(orgs.objects(SSGID["org/0480"], SKOS.altLabel))
    assert Literal("Nyköpings kommun", lang="sv") in nykoping_names


def test_region_spot_checks(graphs):
    orgs = graphs["organisations.ttl"]
    assert reference.organisation_codes()["0018"] == ("Region Örebro län", SSG.Region)
    assert orgs.value(SSGID["county/18"], SSG.hasRegion) == SSGID["org/0018"]
    assert reference.county_codes()["04"] == "Södermanlands län"


def test_gotland_has_a_region_linked_to_the_municipality(graphs):
    orgs = graphs["organisations.ttl"]
    assert reference.organisation_codes()["0009"] == ("Region Gotland", SSG.Region)
    linked_to = URIRef("http://www.w3.org/ns/org#linkedTo")
    assert (SSGID["org/0980"], linked_to, SSGID["org/0009"]) in orgs
    assert orgs.value(SSGID["county/09"], SSG.hasRegion) == SSGID["org/0009"]


def test_generated_long_names_are_corrected(graphs):
    orgs = graphs["organisations.ttl"]

    def alt_labels(code):
        return {str(label) for label in orgs.objects(SSGID[f"org/{code}"], SKOS.altLabel)}

    assert alt_labels("1480") == {"Göteborgs Stad"}
    assert alt_labels("0180") == {"Stockholms stad"}
    assert alt_labels("1280") == {"Malmö stad"}
    assert alt_labels("0880") == {"Kalmar kommun"}
    assert alt_labels("2514") == {"Kalix kommun"}
    assert alt_labels("2513") == {"Överkalix kommun"}
    all_alt = {str(o) for o in orgs.objects(None, SKOS.altLabel)}
    assert not {"Kalmars kommun", "Kalixs kommun", "Göteborgs kommun"} & all_alt


def test_sdg_spot_checks(graphs):
    sdg = graphs["sdg.ttl"]
    target = SSGREF["sdg/11.6"]
    assert str(sdg.value(target, SKOS.definition)).startswith(
        "By 2030, reduce the adverse per capita environmental impact of cities")
    assert pref_label(sdg, target, "en") == "Target 11.6"
    assert pref_label(sdg, target, "sv") == "Delmål 11.6"
    assert sdg.value(target, SKOS.notation) == Literal("11.6")
    assert sdg.value(target, SKOS.broader) == SSGREF["sdg/11"]
    assert sdg.value(SSGREF["sdg/11.6.1"], SKOS.broader) == target
    assert sdg.value(SSGREF["sdg/13"], SSG.colour) == Literal("#3F7E44")
    assert pref_label(sdg, SSGREF["sdg/5"], "sv") == "Jämställdhet"
    assert pref_label(sdg, SSGREF["sdg/5"], "en") == "Gender equality"
    assert Literal("God utbildning", lang="sv") in set(sdg.objects(SSGREF["sdg/4"], SKOS.altLabel))
    assert (SSGREF["sdg/1"], SKOS.topConceptOf, SSGREF["sdg"]) in sdg


def test_repeated_indicators_are_related(graphs):
    sdg = graphs["sdg.ttl"]
    repeats = {SSGREF["sdg/1.5.1"], SSGREF["sdg/11.5.1"], SSGREF["sdg/13.1.1"]}
    for indicator in repeats:
        assert set(sdg.objects(indicator, SKOS.related)) == repeats - {indicator}
    assert not set(sdg.objects(SSGREF["sdg/1.1.1"], SKOS.related))


# --- structure of every file ---------------------------------------------------------------

def test_un_exact_match_pattern(graphs):
    sdg = graphs["sdg.ttl"]
    for concept in instances(sdg, SKOS.Concept):
        code = str(sdg.value(concept, SKOS.notation))
        matches = [str(m) for m in sdg.objects(concept, SKOS.exactMatch)]
        parts = code.split(".")
        if len(parts) < 3:
            assert matches == [f"http://metadata.un.org/sdg/{code}"]
        elif parts[1].isdigit():
            goal, target, indicator = (int(p) for p in parts)
            assert matches == [f"http://metadata.un.org/sdg/C{goal:02d}{target:02d}{indicator:02d}"]
        else:
            assert matches == [], f"letter-target indicator {code} must have no UN IRI"
    un_iri = URIRef("http://metadata.un.org/sdg/C010101")
    assert (SSGREF["sdg/1.1.1"], SKOS.exactMatch, un_iri) in sdg


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_scheme_metadata(graphs, name):
    graph, scheme = graphs[name], SCHEMES[name]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    titles = {t.language for t in graph.objects(scheme, DCTERMS.title)}
    assert titles == {"sv", "en"}
    assert graph.value(scheme, DCTERMS.source) is not None
    assert isinstance(graph.value(scheme, DCTERMS.license), URIRef)
    assert graph.value(scheme, DCTERMS.created) is not None
    assert graph.value(scheme, DCTERMS.modified) is not None
    assert graph.value(scheme, PROV.wasGeneratedBy) is not None
    for subject in graph.subjects(SKOS.inScheme, None):
        assert graph.value(subject, SKOS.inScheme) == scheme
    assert all(isinstance(node, (URIRef, Literal)) for node in graph.all_nodes()), "blank node"


def test_licences_follow_the_sources(graphs):
    def licence(name):
        return str(graphs[name].value(SCHEMES[name], DCTERMS.license))

    assert licence("organisations.ttl") == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert licence("sdg.ttl") == "https://spdx.org/licenses/MIT"
    assert licence("standard.ttl") == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_every_concept_has_swedish_and_english_labels(graphs, name):
    graph = graphs[name]
    languages = {"sv"} if name in SWEDISH_ONLY_SCHEMES else {"sv", "en"}
    for concept in instances(graph, SKOS.Concept):
        labels = [label.language for label in graph.objects(concept, SKOS.prefLabel)]
        assert sorted(labels) == sorted(languages), f"{concept}: {labels}"


def test_organisations_have_swedish_labels(graphs):
    orgs = graphs["organisations.ttl"]
    for org in instances(orgs, SSG.Municipality) | instances(orgs, SSG.Region):
        assert pref_label(orgs, org, "sv"), org
        assert orgs.value(org, SKOS.notation) == orgs.value(org, SSG.organisationCode)


def test_environmental_sdg_links_say_where_they_come_from(graphs):
    graph = graphs["miljomal.ttl"]
    direct = set(graph.subject_objects(SKOS.relatedMatch))
    records = {}
    for mapping in instances(graph, OWL.Axiom):
        pair = (graph.value(mapping, OWL.annotatedSource),
                graph.value(mapping, OWL.annotatedTarget))
        assert graph.value(mapping, OWL.annotatedProperty) == SKOS.relatedMatch
        assert graph.value(mapping, URIRef(SSSOM + "mapping_justification")) is not None
        records[pair] = str(graph.value(mapping, URIRef(SSSOM + "author_label")))
    assert set(records) == direct
    published = {target for (source, target), author in records.items()
                 if author.startswith("Naturvårdsverket")}
    assert published == {SSGREF[f"sdg/{n}"] for n in (2, 3, 7, 11, 12, 13, 14, 15)}
    authors = {"Naturvårdsverket (Swedish EPA)", "ssgraph project (proposal)"}
    assert set(records.values()) == authors
    assert (SSGREF["miljomal/1"], SSGREF["sdg/13"]) in direct


STANDARD_SLUGS = {
    SSG.ProcessStep: {"organisational-prerequisites", "plan", "implement-and-apply",
                      "evaluate-and-report", "analyse-and-improve"},
    SSG.PDCAPhase: {"pdca-plan", "pdca-do", "pdca-check", "pdca-act"},
    SSG.SustainabilityDimension: {"economic", "social", "ecological"},
    SSG.SustainabilityAspect: {"ethics", "human-rights", "gender-equality", "culture",
                               "public-health", "work-environment", "children-rights",
                               "accessibility", "biodiversity", "climate"},
    SSG.SupportingTool: {"sustainable-procurement", "environmental-diploma", "iso-14001", "emas",
                         "green-key-indicators", "healthy-cities"},
    SSG.GoalLevel: {"level-goal-area", "level-overarching", "level-committee", "level-operational", "level-sub-goal"},
    SSG.DocumentKind: {"organising", "normative", "activating", "regulating"},
    SSG.DocumentStatus: {"in-force", "draft", "repealed", "superseded"},
    SSG.ActivityStatus: {"planned", "ongoing", "completed", "cancelled"},
    SSG.FulfilmentStatus: {"fulfilled", "partly-fulfilled", "not-fulfilled", "not-assessed"},
    SSG.Direction: {"increase", "decrease", "maintain"},
    SSG.Gender: {"gender-T", "gender-K", "gender-M"},
}


def test_standard_has_the_concepts_of_the_data_model(graphs):
    graph = graphs["standard.ttl"]
    for cls, slugs in STANDARD_SLUGS.items():
        assert instances(graph, cls) == {SSGREF[f"ss854000/{s}"] for s in slugs}, cls
    for concept in instances(graph, SKOS.Concept):
        assert {d.language for d in graph.objects(concept, SKOS.definition)} == {"sv", "en"}


def test_standard_process_cycle_and_statuses(graphs):
    graph = graphs["standard.ttl"]
    step, seen = SSGREF["ss854000/plan"], []
    while step not in seen:
        seen.append(step)
        assert graph.value(step, SSG.correspondsToPDCA) in instances(graph, SSG.PDCAPhase)
        step = graph.value(step, SSG.nextStep)
    assert step == SSGREF["ss854000/plan"] and len(seen) == 4
    assert graph.value(SSGREF["ss854000/organisational-prerequisites"], SSG.nextStep) == SSGREF[
        "ss854000/plan"]
    for status in instances(graph, SSG.FulfilmentStatus):
        assert re.fullmatch(r"#[0-9A-F]{6}", str(graph.value(status, SSG.colour)))
        assert graph.value(status, SKOS.notation) is not None
    genders = instances(graph, SSG.Gender)
    assert {str(graph.value(g, SKOS.notation)) for g in genders} == {"T", "K", "M"}


# --- the lookups -------------------------------------------------------------------------

def test_reference_graphs_name_every_file():
    assert set(reference.REFERENCE_GRAPHS) == {
        SSGGRAPH[f"reference/{n}"] for n in
        ("sdg", "miljomal", "folkhalsa", "grona-nyckeltal", "organisations", "standard")}
    assert {p.name for p in reference.REFERENCE_GRAPHS.values()} == set(SCHEMES)
    assert all(p.is_file() for p in reference.REFERENCE_GRAPHS.values())


def test_iri_lookups():
    assert reference.sdg_iri("11.6") == SSGREF["sdg/11.6"]
    assert reference.sdg_iri(" 1.A ") == SSGREF["sdg/1.a"]
    assert reference.sdg_iri(11) == SSGREF["sdg/11"]
    assert reference.sdg_iri("11.6.1") == SSGREF["sdg/11.6.1"]
    assert reference.environmental_objective_iri("0") == SSGREF["miljomal/0"]
    assert reference.public_health_area_iri(8) == SSGREF["folkhalsa/8"]
    assert reference.green_key_indicator_iri("gn.3") == SSGREF["grona-nyckeltal/GN.3"]
    assert reference.organisation_iri("0480") == SSGID["org/0480"]
    assert reference.county_iri("18") == SSGID["county/18"]
    assert reference.standard_iri("fulfilled") == SSGREF["ss854000/fulfilled"]
    assert reference.preferred_label(SSGREF["sdg/5"], "en") == "Gender equality"
    assert len(reference.concepts_of_class(SSG.FulfilmentStatus)) == 4
    for bad in (lambda: reference.sdg_iri("11.99"), lambda: reference.sdg_iri("18"),
                lambda: reference.environmental_objective_iri("17"),
                lambda: reference.public_health_area_iri("nio"),
                lambda: reference.organisation_iri("9999"),
                lambda: reference.standard_iri("no-such-slug")):
        with pytest.raises(KeyError):
            bad()


# --- the build script ---------------------------------------------------------------------

@needs_source
def test_build_is_deterministic_and_matches_committed_files(tmp_path):
    out = tmp_path / "reference"
    result = subprocess.run([sys.executable, str(BUILD_SCRIPT), str(SOURCE_DIR), "--out", str(out)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    for name in SCHEMES:
        assert (out / name).read_bytes() == (REFERENCE_DIR / name).read_bytes(), (
            f"{name} differs from a fresh build: run python scripts/build_reference.py")


@needs_source
def test_bad_source_row_is_reported_with_file_and_line(tmp_path):
    source = tmp_path / "source"
    for original in SOURCE_DIR.glob("*/*"):  # copy contents only: the originals are read-only
        copy = source / original.relative_to(SOURCE_DIR)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(original.read_bytes())
    path = source / "se" / "municipalities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(lines[4].split(",")[0], "48X", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    sys.path.insert(0, str(BUILD_SCRIPT.parent))
    try:
        from reference_build.organisations import build_organisations
    finally:
        sys.path.remove(str(BUILD_SCRIPT.parent))
    with pytest.raises(InputError) as caught:
        build_organisations(source)
    location = caught.value.problems[0].location
    assert (location.file, location.line, location.column) == (
        "municipalities.csv", 5, "municipality_code")
    assert "48X" in caught.value.render("en")

    result = subprocess.run([sys.executable, str(BUILD_SCRIPT), str(source), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "municipalities.csv, line 5" in result.stderr
    assert not (tmp_path / "out").exists()  # all-or-nothing
