"""The real goal structures in data/realdata/: converted faithfully from the public collection,
imported with exit 0, and carrying exactly the values of the collection (none invented).

The collection sits next to the repository (../shared/realdata, or $SSGRAPH_REALDATA_DIR);
without it the comparison tests are skipped. The shipped files are always imported.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDFS, SKOS

from ssgraph.cli import cli
from ssgraph.importing.model import direction_in_words
from ssgraph.importing.realdata import load_realdata, realdata_paths
from ssgraph.namespaces import SSG, SSGID, SSGREF
from ssgraph.paths import REALDATA_DIR
from ssgraph.store import open_store

REPO_ROOT = Path(__file__).resolve().parents[2]
COLLECTION = Path(os.environ.get("SSGRAPH_REALDATA_DIR") or REPO_ROOT.parent / "shared" / "realdata")
needs_collection = pytest.mark.skipif(
    not (COLLECTION / "orgs" / "index.yaml").is_file(),
    reason="the real goal structures (../shared/realdata) are not next to the repository",
)


def _collection_versions() -> list[tuple[str, dict]]:
    index = yaml.safe_load((COLLECTION / "orgs" / "index.yaml").read_text(encoding="utf-8"))
    found = []
    for organisation in index["organisations"]:
        for version in organisation["versions"]:
            path = COLLECTION / "orgs" / version["file"]
            found.append((version["file"], yaml.safe_load(path.read_text(encoding="utf-8"))))
    return found


def _converter():
    spec = importlib.util.spec_from_file_location("convert_realdata", REPO_ROOT / "scripts" / "convert_realdata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("realdata"))
    load_realdata(store)
    yield store
    store.close()


def test_every_shipped_file_is_marked_as_quoted_not_illustrative():
    paths = realdata_paths()
    assert len(paths) == 22
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "Quoted from public documents of" in text, path
        assert "Illustrative example data" not in text and "Illustrativa exempeldata" not in text, path
        sheets = yaml.safe_load(text)
        assert all(source.get("url", "").startswith("http") for source in sheets["sources"]), path
    readme = (REALDATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "Quoted from public documents" in readme and "not illustrative" in readme


def test_every_goal_set_imports_with_exit_0(tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "--lang", "en", "import",
                                       *map(str, realdata_paths())])
    assert result.exit_code == 0, result.output
    assert result.output.count(" → https://w3id.org/ssgraph/graph/org/") == 22
    assert "without quotes" not in result.output  # the converter quotes codes such as '0180'


@needs_collection
def test_the_shipped_files_are_what_the_converter_makes(tmp_path):
    converter = _converter()
    written = converter.convert(COLLECTION / "orgs", tmp_path)
    assert [p.relative_to(tmp_path) for p in written] == [p.relative_to(REALDATA_DIR) for p in realdata_paths()]
    gold = converter.copy_gold(COLLECTION / "gold", tmp_path)
    assert len(gold) == 3
    for path in [*written, *gold, tmp_path / "index.yaml", tmp_path / "README.md"]:
        shipped = REALDATA_DIR / path.relative_to(tmp_path)
        assert path.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), (
            f"{shipped} differs: run python scripts/convert_realdata.py PATH/TO/realdata/orgs")


# --- field by field ---------------------------------------------------------------------------

def _version_graph(store, code: str, label: str):
    rows = store.select(f"""SELECT ?graph WHERE {{ GRAPH <https://w3id.org/ssgraph/graph/catalog> {{
        ?v <{SSG.versionOf}> <{SSGID[f'org/{code}']}> ; <{RDFS.label}> ?label ; <{SSG.graph}> ?graph .
        FILTER (STR(?label) = {Literal(label).n3()}) }} }}""")
    assert len(rows) == 1, (code, label)
    return store.graph(str(rows[0]["graph"]))


def _code(organisation: dict) -> str:
    code = str(organisation["code"])
    return "00" + code if organisation["type"] == "region" and len(code) == 2 else code


def _values(graph, subject, prop) -> set:
    return {o.toPython() if isinstance(o, Literal) else o for o in graph.objects(subject, prop)}


def _texts(*values) -> set:
    return {str(v) for v in values if v not in (None, "")}


def _period(text):
    if text is None:
        return set(), set()
    start, dash, end = re.fullmatch(r"(\d{4})?([-–])?(\d{4})?", str(text)).groups()
    end = end if dash else start
    return ({int(start)} if start else set()), ({int(end)} if end else set())


def _years(graph, subject, prop) -> set:
    return {int(str(o)) for o in graph.objects(subject, prop)}


def _quoted_url(graph, subject) -> set:
    return {str(page) for source in graph.objects(subject, PROV.wasQuotedFrom)
            for page in graph.objects(source, FOAF.page)}


@needs_collection
@pytest.mark.parametrize("name", [name for name, _ in _collection_versions()] if COLLECTION.is_dir() else [])
def test_imported_values_are_the_collection_s_values(real_store, name):
    document = dict(_collection_versions())[name]
    organisation, version = document["organisation"], document["version"]
    code = _code(organisation)
    graph = _version_graph(real_store, code, version["label"])
    mint = lambda *parts: URIRef(f"{SSGID}org/{code}/" + "/".join(parts))  # noqa: E731
    _check_version(real_store, graph, code, version, mint)
    if document.get("vision"):
        _check_vision(graph, document["vision"], mint)
    else:
        assert (mint("vision"), None, None) not in graph
    goals = [g for g in graph.subjects(None, None) if (g, DCTERMS.identifier, None) in graph
             and str(g).startswith(str(mint("goal")))]
    assert {str(graph.value(g, DCTERMS.identifier)) for g in goals} == {g["id"] for g in document["goals"]}
    for goal in document["goals"]:
        _check_goal(graph, goal, mint, has_vision=bool(document.get("vision")))


def _check_version(store, graph, code, version, mint):
    year = store.select(f"""SELECT ?year WHERE {{ GRAPH <https://w3id.org/ssgraph/graph/catalog> {{
        ?v <{SSG.versionOf}> <{SSGID[f'org/{code}']}> ; <{RDFS.label}> {Literal(version['label'], lang='sv').n3()} .
        OPTIONAL {{ ?v <{DCTERMS.date}> ?year }} }} }}""")
    assert {int(str(r["year"])) for r in year if "year" in r} == ({version["year"]} if version["year"] else set())
    for source in version.get("sources") or []:
        node = mint("source", source["source_id"])
        assert _values(graph, node, FOAF.page) == {URIRef(source["url"])}
        assert _values(graph, node, DCTERMS.title) == _texts(source.get("title"))
        publisher = graph.value(node, DCTERMS.publisher)
        assert _values(graph, publisher, FOAF.name) == _texts(source.get("publisher"))
        assert _values(graph, node, SSG.secondarySource) == {source["secondary_source"]}
        assert _years(graph, node, DCTERMS.date) == ({source["year"]} if source.get("year") else set())


def _check_vision(graph, vision, mint):
    node = mint("vision")
    assert _values(graph, node, DCTERMS.title) == _texts(vision.get("name"))
    assert _values(graph, node, RDFS.label) == _texts(vision.get("text"))
    assert _quoted_url(graph, node) == _texts(vision.get("source_url"))


GOAL_LEVELS = {"goal area": SSG.GoalArea, "overarching goal": SSG.OverarchingGoal,
               "committee goal": SSG.CommitteeGoal, "sub-goal": SSG.SubGoal}


def _check_goal(graph, goal, mint, has_vision):
    node = mint("goal", goal["id"])
    where = goal["id"]
    assert GOAL_LEVELS[goal["level"]] in set(graph.objects(node, None)), where
    assert _values(graph, node, RDFS.label) == _texts(goal.get("text")), where
    assert _values(graph, node, SSG.levelTerm) == _texts(goal.get("source_term")), where
    assert _values(graph, node, SSG.textComplete) == {goal["text_complete"]}, where
    assert _values(graph, node, DCTERMS.description) == _texts(goal.get("description")), where
    start, end = _period(goal.get("period"))
    assert (_years(graph, node, SSG.periodStart), _years(graph, node, SSG.periodEnd)) == (start, end), where
    bodies = {str(graph.value(b, RDFS.label)) for b in graph.objects(node, SSG.responsibleBody)}
    assert bodies == _texts(goal.get("responsible_body")), where
    parents = set(graph.objects(node, SSG.hasParent))
    if goal["parent"]:
        assert parents == {mint("goal", goal["parent"])}, where
    else:  # a top goal or goal area leads to the vision; nothing else gets a parent it does not have
        top = goal["level"] in ("goal area", "overarching goal") and has_vision
        assert parents == ({mint("vision")} if top else set()), where
    assert _values(graph, node, SSG.addressesSDG) == {SSGREF[f"sdg/{n}"] for n in goal.get("sdg") or []}, where
    assert _values(graph, node, SSG.addressesEnvironmentalObjective) == {
        SSGREF[f"miljomal/{n}"] for n in goal.get("miljomal") or []}, where
    assert _values(graph, node, SSG.sdgLinkStatement) == _texts((goal.get("sdg_link") or {}).get("statement"))
    assert _values(graph, node, SSG.environmentalObjectiveLinkStatement) == _texts(
        (goal.get("miljomal_link") or {}).get("statement")), where
    notes = _values(graph, node, SKOS.note)
    assert all(part in " ".join(map(str, notes)) for part in _texts(goal.get("notes"))), where
    assert _quoted_url(graph, node) == _texts(goal.get("source_url")), where
    indicators = sorted(graph.subjects(SSG.measures, node), key=str)
    assert len(indicators) == len(goal.get("indicators") or []), where
    for number, indicator in enumerate(goal.get("indicators") or [], start=1):
        _check_indicator(graph, mint("indicator", f"{goal['id']}.i{number}"), indicator, f"{where}.i{number}")
    assessments = list(graph.subjects(SSG.assessedGoal, node))
    assert len(assessments) == len(goal.get("assessments") or []), where
    for assessment in goal.get("assessments") or []:
        item = mint("assessment", goal["id"], str(assessment["year"]))
        assert _values(graph, item, RDFS.comment) == _texts(assessment.get("text")), where
        assert _values(graph, item, SSG.fulfilmentStatus) == set(), "no status the document does not give"


def _check_indicator(graph, node, indicator, where):
    target = (indicator.get("target") or [{}])[0]
    baseline = indicator.get("baseline") or {}
    expected = {
        RDFS.label: _texts(indicator["name"]),
        SSG.verbatim: {indicator["name_verbatim"]},
        SSG.unit: _texts(indicator.get("unit")),
        SSG.indicatorGroup: _texts(indicator.get("group")),
        SSG.targetStatement: _texts(target.get("text")),
        SSG.targetOperator: _texts(target.get("operator")),
        SSG.targetUnit: _texts(target.get("unit")),
        SSG.baselineStatement: _texts(baseline.get("text")),
    }
    for prop, values in expected.items():
        assert {str(v) if not isinstance(v, bool) else v for v in _values(graph, node, prop)} == values, (where, prop)
    assert _years(graph, node, SSG.targetYear) == ({target["year"]} if "year" in target else set()), where
    assert _years(graph, node, SSG.baselineYear) == ({baseline["year"]} if "year" in baseline else set()), where
    assert {float(v) for v in _values(graph, node, SSG.targetValue)} == (
        {float(target["value"])} if "value" in target else set()), where
    assert _values(graph, node, SSG.baselineValue) == set(), where  # no baseline value is given anywhere
    assert _values(graph, node, SSG.koladaKPI) == set(), where  # no Kolada id was published
    # the direction is only what a verbal target states, never a default
    stated = direction_in_words(target.get("text"))
    assert _values(graph, node, SSG.direction) == ({URIRef(stated.iri)} if stated else set()), where
    observed = sorted(
        (graph.value(o, SSG.refPeriod), graph.value(o, SSG.value), graph.value(o, SSG.valueStatement),
         graph.value(o, SSG.refAreaName), graph.value(o, SSG.approximate))
        for o in graph.subjects(SSG.indicator, node))
    wanted = [(a.get("year"), a.get("value"), a.get("text"), None, a.get("approx"))
              for a in indicator.get("actual") or []]
    wanted += [(c.get("year"), c.get("value"), None, c["what"], None) for c in indicator.get("comparison") or []]
    as_plain = [(int(str(y)) if y is not None else None, float(v) if v is not None else None,
                 str(t) if t is not None else None, str(a) if a is not None else None,
                 x.toPython() if x is not None else None) for y, v, t, a, x in observed]
    wanted = [(y, float(v) if v is not None else None, t, a, x) for y, v, t, a, x in wanted]
    assert sorted(as_plain, key=repr) == sorted(wanted, key=repr), where


def test_pages_of_real_goals_say_whose_document_they_are_quoted_from(real_store):
    """Through the store as the linked-data page reads it: every goal of every real version is
    quoted from a source with a URL and a publisher."""
    rows = real_store.select(f"""SELECT ?goal ?url ?publisher WHERE {{ GRAPH ?g {{
        ?goal a <{SSG.Goal}> .
        OPTIONAL {{ ?goal <{PROV.wasQuotedFrom}> ?source . ?source <{FOAF.page}> ?url .
                   OPTIONAL {{ ?source <{DCTERMS.publisher}>/<{FOAF.name}> ?publisher }} }} }} }}""")
    assert len({str(r["goal"]) for r in rows}) == 127
    assert all("url" in r and "publisher" in r for r in rows), [str(r["goal"]) for r in rows if "url" not in r]
