"""Rows read out of a steering document keep their page, place and confidence through import."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from ssgraph.importing.importer import prepare_import
from ssgraph.namespaces import SSG, SSGID

from importing_samples import NOW


def test_goal_keeps_document_page_and_place(tmp_path, small_rows, workbook_of):
    rows = small_rows
    document = rows["documents"][0]
    document["file"] = "mal-och-budget-2024.pdf"
    goal = rows["goals"][0]
    goal.update(source_page="12", source_place="stycke 3", confidence="0,85")
    rows["indicators"][0].update(source_page=14, source_place="tabell 1, rad 2, kolumn 1")
    prepared = prepare_import(workbook_of(rows), now=NOW, validate=False)
    graph = prepared.graph
    goal_iri = SSGID[f"org/0480/goal/{goal['id']}"]
    place = graph.value(goal_iri, PROV.wasQuotedFrom)
    assert (place, RDF.type, SSG.DocumentLocation) in graph
    assert graph.value(place, SSG.page) == Literal(12)
    assert graph.value(place, SSG.placeInDocument) == Literal("stycke 3")
    assert graph.value(place, SSG.extractionConfidence) == Literal("0.85", datatype=XSD.decimal)
    doc = graph.value(place, DCTERMS.isPartOf)
    assert doc == SSGID[f"org/0480/document/{document['id']}"]
    assert graph.value(doc, SSG.sourceFile) == Literal("mal-och-budget-2024.pdf")
    # the sheet row stays the derivation that validation findings point at
    assert graph.value(goal_iri, PROV.wasDerivedFrom) is not None
    # an indicator has no document column: it was read from the workbook's one extracted document
    indicator = SSGID[f"org/0480/indicator/{rows['indicators'][0]['id']}"]
    assert graph.value(graph.value(indicator, PROV.wasQuotedFrom), DCTERMS.isPartOf) == doc


def test_a_page_that_is_not_a_whole_number_is_located(small_rows, workbook_of):
    import pytest

    from ssgraph.importing.importer import ImportRejected

    small_rows["goals"][0]["source_page"] = "tolv"
    with pytest.raises(ImportRejected) as rejected:
        prepare_import(workbook_of(small_rows), now=NOW, validate=False)
    assert any(p.message_id == "import.not_an_integer" and p.location.row == 2 for p in rejected.value.problems)
