from analysis_fixture import iri, load_small

from ssgraph.analysis import suggest as sg
from ssgraph.analysis.goal_graph import build_goal_graph


def test_lexicon_matches_inflections_and_compounds():
    lexicon = sg.load_lexicon()
    found = sg.match("Minska mängden hushållsavfallet", lexicon)
    assert "sdg/12.5" in found and "hushållsavfallet" in found["sdg/12.5"][1]
    assert "sdg/4.1" in sg.match("Fler elever ska vara behöriga till gymnasiet", lexicon)
    assert sg.match("Ett trevligt möte", lexicon) == {}


def test_suggestions_for_unlinked_goals_carry_un_iris(small_store, small_graph):
    found = sg.suggest(small_graph, "9001", sg.un_iris(small_store))
    waste = [s for s in found if s.subject == iri("9001/goal/3") and s.notation == "11.6"]
    assert waste and waste[0].un_iri == "http://metadata.un.org/sdg/11.6"
    assert waste[0].triggers == ["avfall"]
    # goal 1 has SDG and objective links already: nothing proposed for those kinds
    assert not [s for s in found if s.subject == iri("9001/goal/1") and s.concept_kind in ("sdg", "objective")]


def test_accepting_writes_link_with_justification(tmp_path):
    store = load_small(tmp_path / "store")
    found = sg.suggest(build_goal_graph(store, ["9001"]), "9001", sg.un_iris(store))
    chosen = next(s for s in found if s.subject == iri("9001/goal/3") and s.notation == "11.6")
    assert sg.accept(store, "9001", found, [chosen.id], "manual") == 1
    assert store.ask(f"""PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
ASK {{ GRAPH <https://w3id.org/ssgraph/graph/org/9001/2024> {{
  <{chosen.subject}> ssg:addressesSDG <{chosen.concept}> .
  ?j a ssg:LinkJustification ; ssg:linkSource <{chosen.subject}> ; ssg:method "manual" }} }}""")
    store.close()


def test_evaluation_and_document_kinds(small_graph):
    figures = sg.evaluate(small_graph, ["9001", "9002"])
    assert 0 < figures["target"]["recall"] <= 1 and 0 < figures["target"]["precision"] <= 1
    kinds = {d["title"]: d["kind"] for d in sg.classify_documents(small_graph, "9001")}
    assert kinds == {"Mål och budget 2024": "activating", "Klimatprogram 2015": "normative"}
    assert sg.classify_document("Delegationsordning för kommunstyrelsen")[0] == "organising"
    assert sg.classify_document("Riktlinjer för representation")[0] == "regulating"
