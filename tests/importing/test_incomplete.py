"""What real documents lack or say in words imports, with warnings that say what is missing;
only what is contradictory or wrong stops an import."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from ssgraph.importing.importer import ImportRejected, prepare_import

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

INCOMPLETE = {
    "organisation": {"code": "1415", "name": "Stenungsunds kommun", "type": "kommun", "version": "Inriktningsmål"},
    "documents": [{"id": "SP", "title": "Strategisk plan 2022–2024"}],
    "sources": [{"id": "s1", "title": "Inriktningsmål", "publisher": "Stenungsunds kommun",
                 "url": "https://www.stenungsund.se/inriktningsmal"}],
    "vision": [{"kind": "vision", "name": "Kommunvisionen", "source": "s1"}],
    "goals": [
        {"id": "R1", "level": "målområde", "source_term": "avgörande inriktning", "document": "SP"},
        {"id": "R1.1", "parent": "R1", "level": "övergripande", "source_term": "inriktningsmål",
         "text": "Fler ungdomar ska fullfölja sin gymnasieutbildning.", "responsible_body": "kommunfullmäktige",
         "source": "s1"},
        {"id": "E1", "level": "delmål", "text": "förbättrad kompetensförsörjning", "text_complete": "nej",
         "note": "the parent goal is not named in the source"},
    ],
    "indicators": [{"id": "I1", "goal": "R1.1", "name": "fullföljde gymnasiet inom fyra år",
                    "target_text": "ska öka"}],
    "assessments": [{"goal": "R1.1", "period": 2021, "status": "god måluppfyllelse"}],
}


def _write(tmp_path, sheets, name="incomplete.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(sheets, allow_unicode=True), encoding="utf-8")
    return path


def test_what_documents_leave_out_gives_warnings_not_errors(tmp_path):
    prepared = prepare_import(_write(tmp_path, INCOMPLETE), now=NOW, lang="en")
    found = {w.message_id for w in prepared.warnings}
    assert {
        "validation.SteeringDocument-decidedBy", "validation.SteeringDocument-decisionDate",
        "validation.SteeringDocument-validFrom", "validation.Indicator-unit", "validation.Goal-label",
        "validation.Vision-text", "validation.Assessment-fulfilmentStatus", "import.wording_not_on_scale",
        "validation.GoalLeadsToVision",
    } <= found
    # a verbal target is a direction; the body named in free text is the goal's responsible body
    assert "validation.Indicator-direction" not in found
    rows = prepared.graph.query("""SELECT ?name WHERE { ?goal <http://purl.org/dc/terms/identifier> "R1.1" ;
        <https://w3id.org/ssgraph/ontology#responsibleBody>/<http://www.w3.org/2000/01/rdf-schema#label> ?name }""")
    assert [str(r.name) for r in rows] == ["kommunfullmäktige"]
    assert all(w.location.file == "incomplete.yaml" for w in prepared.warnings if w.message_id.startswith("import."))


@pytest.mark.parametrize(("sheet", "index", "column", "value", "message_id"), [
    ("goals", 1, "responsible_body", "KSS", "import.unknown_reference"),  # a mistyped id, not a name
    ("goals", 2, "text_complete", "kanske", "import.not_yes_no"),
    ("indicators", 0, "direction", "ska öka och minska", "import.not_in_list"),  # two directions: neither
    ("goals", 0, "level", "rubrik", "import.not_in_list"),
])
def test_what_is_wrong_still_stops_the_import(tmp_path, sheet, index, column, value, message_id):
    sheets = yaml.safe_load(yaml.safe_dump(INCOMPLETE))
    sheets[sheet][index][column] = value
    with pytest.raises(ImportRejected) as rejected:
        prepare_import(_write(tmp_path, sheets), now=NOW)
    assert [p.message_id for p in rejected.value.problems] == [message_id]


def test_verbal_direction_in_the_direction_column(tmp_path):
    sheets = yaml.safe_load(yaml.safe_dump(INCOMPLETE))
    sheets["indicators"][0].update({"direction": "ska minska kraftigt", "target_text": None})
    graph = prepare_import(_write(tmp_path, sheets), now=NOW).graph
    assert {str(o).rsplit("/", 1)[-1] for o in graph.objects(None, None) if "ss854000/" in str(o)} >= {"decrease"}


def test_a_parent_outside_an_incomplete_list_is_kept_as_an_id(tmp_path):
    sheets = yaml.safe_load(yaml.safe_dump(INCOMPLETE))
    sheets["goals"][2]["parent"] = "A.m9"  # named in the document, but the list is cut off
    with pytest.raises(ImportRejected) as rejected:
        prepare_import(_write(tmp_path, sheets), now=NOW)
    assert [p.message_id for p in rejected.value.problems] == ["import.unknown_reference"]
    sheets["organisation"]["list_complete"] = "nej"
    prepared = prepare_import(_write(tmp_path, sheets), now=NOW)
    assert "import.parent_not_captured" in {w.message_id for w in prepared.warnings}
    rows = prepared.graph.query("""SELECT ?id ?parent WHERE { ?goal <http://purl.org/dc/terms/identifier> ?id ;
        <https://w3id.org/ssgraph/ontology#uncapturedParent> ?parent
        FILTER NOT EXISTS { ?goal <https://w3id.org/ssgraph/ontology#hasParent> ?any } }""")
    assert [(str(r.id), str(r.parent)) for r in rows] == [("E1", "A.m9")]
    assert prepared.entry.list_complete is False
