from analysis_fixture import iri

from ssgraph.analysis import harmonise as hz
from ssgraph.analysis import rdf_output


def test_one_to_one_matches_are_typed_scored_and_assigned_once(small_graph):
    result = hz.harmonise(small_graph, "9001", "9002", mode="one-to-one")
    pairs = {(c.a, c.b): c for c in result.matches}
    # 1.1 and 1.2 both say what A.1 says ("växthusgasutsläpp" = "utsläpp av växthusgaser")
    sub = next(a for a, b in pairs if b == iri("9002/goal/A.1"))
    assert sub in (iri("9001/goal/1.1"), iri("9001/goal/1.2"))
    assert set(pairs) == {(iri("9001/goal/1"), iri("9002/goal/A")), (sub, iri("9002/goal/A.1"))}
    top = pairs[(iri("9001/goal/1"), iri("9002/goal/A"))]
    assert top.relation == "exactMatch"
    assert top.evidence["kpis"] == ["N85534"] and "sdg/13" in top.evidence["shared_concepts"]
    # the other one also resembles A.1 but A.1 is taken: a candidate, not an assignment
    assert any(c.b == iri("9002/goal/A.1") and c.a != sub and not c.assigned for c in result.candidates)
    assert len({c.b for c in result.matches}) == len(result.matches)


def test_many_to_one_shows_two_goals_merged_into_one(small_graph):
    result = hz.harmonise(small_graph, "9001", "9002")
    into_a1 = {c.a: c for c in result.matches if c.b == iri("9002/goal/A.1")}
    assert set(into_a1) == {iri("9001/goal/1.1"), iri("9001/goal/1.2")}
    assert {c.cardinality for c in into_a1.values()} == {"n:1"}
    assert "n:1 merge" in into_a1[iri("9001/goal/1.2")].explanation()
    merged = {tuple(m.sources): m for m in result.merged}
    assert (iri("9001/goal/1.1"), iri("9001/goal/1.2"), iri("9002/goal/A.1")) in merged


def test_unmatched_coverage_and_merged_structure(small_graph):
    result = hz.harmonise(small_graph, "9001", "9002", mode="one-to-one")
    assert [g["iri"] for g in result.unmatched_b] == [iri("9002/goal/B")]
    assert result.coverage["sdg"]["only_a"] == ["4"] and result.coverage["sdg"]["only_b"] == ["3"]
    assert result.coverage["sdg"]["both"] == ["13"]
    merged = {tuple(m.sources): m for m in result.merged}
    top = merged[(iri("9001/goal/1"), iri("9002/goal/A"))]
    sub = next(m for m in result.merged if iri("9002/goal/A.1") in m.sources)
    assert len(sub.sources) == 2 and sub.parent == top.id and top.parent is None
    assert len(result.merged) == result.goals_a + result.goals_b - len(result.matches)


def test_mapping_graph_is_queryable_with_provenance(small_graph, small_store):
    result = hz.harmonise(small_graph, "9001", "9002")
    graph_iri, mapping = rdf_output.harmonisation_graph(result)
    small_store.replace_graphs({str(graph_iri): mapping})
    rows = small_store.select(f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?a ?b ?confidence ?activity WHERE {{ GRAPH <{graph_iri}> {{
  ?a skos:exactMatch ?b .
  ?j ssg:linkSource ?a ; ssg:linkTarget ?b ; ssg:confidence ?confidence ; prov:wasGeneratedBy ?activity .
  ?activity prov:wasAssociatedWith ?tool .
}} }}""")
    assert {(str(r["a"]), str(r["b"])) for r in rows} >= {(iri("9001/goal/1"), iri("9002/goal/A"))}
    assert str(graph_iri) == "https://w3id.org/ssgraph/graph/mapping/9001-9002"
    assert result.csv_rows()[0]["predicate_id"].startswith("skos:")


def test_unknown_mode_is_refused(small_graph):
    import pytest

    with pytest.raises(ValueError, match="unknown mode"):
        hz.harmonise(small_graph, "9001", "9002", mode="best")
