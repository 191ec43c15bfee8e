from analysis_fixture import iri

from ssgraph.analysis import harmonise as hz
from ssgraph.analysis import rdf_output


def test_matches_are_typed_scored_and_one_to_one(small_graph):
    result = hz.harmonise(small_graph, "9001", "9002")
    pairs = {(c.a, c.b): c for c in result.matches}
    assert set(pairs) == {(iri("9001/goal/1"), iri("9002/goal/A")),
                          (iri("9001/goal/1.1"), iri("9002/goal/A.1"))}
    top = pairs[(iri("9001/goal/1"), iri("9002/goal/A"))]
    assert top.relation == "exactMatch"
    assert top.evidence["kpis"] == ["N85534"] and top.evidence["sdg"] == ["13.2"]
    # 1.2 also resembles A.1 but A.1 is taken: a candidate, not an assignment
    assert any(c.a == iri("9001/goal/1.2") and not c.assigned for c in result.candidates)
    assert len({c.b for c in result.matches}) == len(result.matches)


def test_unmatched_coverage_and_merged_structure(small_graph):
    result = hz.harmonise(small_graph, "9001", "9002")
    assert [g["iri"] for g in result.unmatched_b] == [iri("9002/goal/B")]
    assert result.coverage["sdg"]["only_a"] == ["4"] and result.coverage["sdg"]["only_b"] == ["3"]
    assert result.coverage["sdg"]["both"] == ["13"]
    merged = {tuple(m.sources): m for m in result.merged}
    top = merged[(iri("9001/goal/1"), iri("9002/goal/A"))]
    sub = merged[(iri("9001/goal/1.1"), iri("9002/goal/A.1"))]
    assert sub.parent == top.id and top.parent is None
    assert len(result.merged) == result.goals_a + result.goals_b - len(result.matches)


def test_evidence_missing_on_one_side_does_not_count_against():
    settings = hz.Settings()
    base = {"sdg": set(), "sdg_goals": set(), "objectives": set(), "public_health": set(),
            "kpis": set(), "depth": 1}
    linked = dict(base, sdg={"x/13.2"}, sdg_goals={13})
    score_one_side, _ = hz.score_pair(base, linked, 0.8, settings)
    score_neither, _ = hz.score_pair(base, base, 0.8, settings)
    assert score_one_side == score_neither
    conflicting = dict(base, sdg={"x/4.1"}, sdg_goals={4})
    assert hz.score_pair(conflicting, linked, 0.8, settings)[0] < score_one_side


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


def test_greedy_fallback_for_huge_components_gives_a_one_to_one_assignment(small_graph):
    optimal = hz.harmonise(small_graph, "9001", "9002")
    greedy = hz.harmonise(small_graph, "9001", "9002", settings=hz.Settings(max_matching_edges=0))
    assert {(c.a, c.b) for c in greedy.matches} == {(c.a, c.b) for c in optimal.matches}
    assert len({c.a for c in greedy.matches}) == len({c.b for c in greedy.matches}) == len(greedy.matches)
