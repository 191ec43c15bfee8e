import datetime as dt

from analysis_fixture import iri

from ssgraph.analysis import consolidate as cz
from ssgraph.analysis import rdf_output

TODAY = dt.date(2025, 6, 1)


def test_finds_duplicates_orphans_unmeasured_and_expired(small_graph):
    result = cz.consolidate(small_graph, "9001", today=TODAY)
    assert [{m["iri"] for m in c["members"]} for c in result.duplicate_clusters] == [
        {iri("9001/goal/1.1"), iri("9001/goal/1.2")}]
    # keep the goal in the document still in force
    assert result.duplicate_clusters[0]["keep"] == iri("9001/goal/1.1")
    assert [g["iri"] for g in result.not_leading_to_vision] == [iri("9001/goal/3")]
    assert iri("9001/goal/2") not in {g["iri"] for g in result.goals_without_indicators}
    assert [i["iri"] for i in result.indicators_without_data] == [iri("9001/indicator/behorighet")]
    assert [(d["iri"], d["reason"]) for d in result.expired_documents] == [
        (iri("9001/document/klimat2015"), "expired")]


def test_ranked_actions_and_resulting_size(small_graph):
    result = cz.consolidate(small_graph, "9001", today=TODAY)
    assert [r.action for r in result.recommendations][:2] == ["merge", "retire-document"]
    assert [r.rank for r in result.recommendations] == list(range(1, len(result.recommendations) + 1))
    assert (result.goals, result.documents, result.goals_after, result.documents_after) == (5, 2, 4, 1)


def test_documents_still_valid_on_the_reference_date_are_kept(small_graph):
    result = cz.consolidate(small_graph, "9001", today=dt.date(2019, 1, 1))
    assert result.expired_documents == []


def test_rdf_has_recommendations(small_graph):
    graph_iri, graph = rdf_output.consolidation_graph(cz.consolidate(small_graph, "9001", today=TODAY))
    assert str(graph_iri).endswith("analysis/consolidation/9001")
    text = graph.serialize(format="nt")
    assert "Recommendation" in text and "closeMatch" in text
