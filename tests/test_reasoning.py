"""HermiT through ssgraph.reasoning: it finds inconsistencies and unsatisfiable classes, reads
Turtle and TriG, reports unreadable input with its location, and finds the shipped data
consistent with the ontology."""

from __future__ import annotations

import pytest

from ssgraph import paths
from ssgraph.errors import InputError
from ssgraph.importing.examples import example_paths
from ssgraph.importing.importer import prepare_import
from ssgraph.reasoning import check_consistency

PREFIXES = """\
@prefix ssg: <https://w3id.org/ssgraph/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_class_under_two_disjoint_classes_is_unsatisfiable(tmp_path):
    extra = write(
        tmp_path,
        "extra.ttl",
        PREFIXES
        + "ex:RegionalMunicipality a owl:Class ; rdfs:subClassOf ssg:Municipality , ssg:Region .\n"
        + "ex:goal a ssg:OverarchingGoal ; ssg:hasParent ex:vision ; ssg:periodStart \"2024\"^^xsd:gYear .\n"
        + "ex:vision a ssg:Vision .\n",
    )
    report = check_consistency([paths.ONTOLOGY_FILE, extra])
    assert report.consistent
    assert report.unsatisfiable_classes == ["https://example.org/RegionalMunicipality"]
    assert not report.ok


def test_data_breaking_the_ontology_is_inconsistent(tmp_path):
    # An indicator used as the parent of a goal must be a goal or the vision, and goals and
    # indicators are disjoint; the data comes as TriG to cover dataset formats too.
    data = write(
        tmp_path,
        "data.trig",
        PREFIXES
        + "ex:graph { ex:indicator a ssg:Indicator . ex:goal ssg:hasParent ex:indicator . }\n",
    )
    report = check_consistency([paths.ONTOLOGY_FILE, data])
    assert not report.consistent


def test_reference_and_example_data_are_consistent_with_the_ontology(tmp_path):
    """The shipped reference vocabularies and the illustrative examples, as the importer maps
    them, must not contradict the ontology's domains, ranges and disjointness axioms."""
    inputs = sorted(paths.REFERENCE_DIR.glob("*.ttl"))
    for example in example_paths():
        if example.exists():
            mapped = tmp_path / f"{example.stem}.nt"
            prepare_import(example, validate=False).graph.serialize(mapped, format="nt", encoding="utf-8")
            inputs.append(mapped)
    if not inputs:
        pytest.skip("no reference vocabularies or examples yet")
    report = check_consistency([paths.ONTOLOGY_FILE, *inputs])
    assert report.consistent and report.unsatisfiable_classes == []


def test_bad_turtle_is_reported_with_file_and_line(tmp_path):
    bad = write(tmp_path, "bad.ttl", PREFIXES + "ex:a a ssg:Goal .\nex:b ssg:hasParent ex:a\nex:c a ssg:Goal .\n")
    with pytest.raises(InputError) as caught:
        check_consistency([bad])
    location = caught.value.problems[0].location
    assert location.file == str(bad)
    assert location.line == 8  # the statement on line 7 lacks its final "."
    assert "bad.ttl" in caught.value.render("en")


def test_unknown_file_type_is_an_input_error(tmp_path):
    odd = write(tmp_path, "goals.xlsx.txt", "not rdf")
    with pytest.raises(InputError) as caught:
        check_consistency([odd])
    assert caught.value.problems[0].message_id == "reasoning.unknown-format"
