"""Harmonise, consolidate and suggest on real goal texts (data/realdata/gold, shipped with
the repository): the goal lists of the gold's harmonisation pairs and the goals whose
documents state their SDG / miljömål links, quoted from the organisations' documents."""

import json
from pathlib import Path

import pytest

from ssgraph.analysis import alignment, overlaps
from ssgraph.analysis import suggest as sg
from ssgraph.analysis.concept_lexicon import goal_level
from ssgraph.analysis.goal_items import GoalItem, link_children

GOLD = Path(__file__).resolve().parents[2] / "data" / "realdata" / "gold"
LEVELS = {"goal area": "goal-area", "overarching goal": "overarching", "sub-goal": "operational"}


@pytest.fixture(scope="module")
def pairs() -> dict[str, dict]:
    data = json.loads((GOLD / "harmonisation.json").read_text(encoding="utf-8"))
    return {pair["pair_id"]: pair for pair in data["pairs"]}


def _items(side: dict) -> list[GoalItem]:
    return link_children([
        GoalItem(key=g["id"], label=g["text"] or "", parent=g.get("parent"), identifier=g["id"],
                 level=LEVELS.get(g["level"], g["level"]), source=side["goal_set"])
        for g in side["goals"] if g["text"]])


def _links(pair: dict) -> set[tuple[str, str]]:
    a, b = _items(pair["source"]), _items(pair["target"])
    _, chosen = alignment.align_sets(a, b, mode="many-to-one")
    return {(p.a, p.b) for p in chosen}


@pytest.mark.parametrize("pair_id", ["P05-stenungsund-2016-vs-2019", "P06-stenungsund-2019-vs-2021",
                                     "P01-orebro-rus-2018-vs-2022"])
def test_goals_without_counterpart_get_no_link(pairs, pair_id):
    # Stenungsund cut ten goals to four: the dropped goals' weak best matches (to a goal
    # already matched exactly) are not links
    pair = pairs[pair_id]
    linked = _links(pair)
    unmatched = {("a", g["id"]) for g in pair["source"]["goals"] if g["status"] == "unmatched"} | {
        ("b", g["id"]) for g in pair["target"]["goals"] if g["status"] == "unmatched"}
    wrongly = [(a, b) for a, b in linked if ("a", a) in unmatched or ("b", b) in unmatched]
    assert unmatched and not wrongly
    high = {(x["source_id"], x["target_id"]) for x in pair["links"] if x["confidence"] == "high"}
    assert high <= linked


def test_a_goal_under_a_heading_links_to_the_goal_its_heading_matches(pairs):
    # Lysekil: "Barn och unga är vår framtid" (heading) and the goal under it both
    # correspond to "Barn och unga har framtidstro"; the heading does not crowd out its goal
    linked = _links(pairs["P14-lysekil-budget2022-vs-four-utvecklingsmal"])
    assert ("A.u1.1", "B.1") in linked and ("A.u4.1", "B.2") in linked
    assert not {a for a, _ in linked} & {"A.u2", "A.u3"}


def test_goals_renamed_after_sdg_titles_are_found(pairs):
    # Stenungsund 2021 → 2022: "… minska sin påverkan på miljön och klimatet" ↔ "Mål 13:
    # Bekämpa klimatförändringarna", and the other three renamed goals
    pair = pairs["P07-stenungsund-2021-vs-2022-sdg"]
    assert {(x["source_id"], x["target_id"]) for x in pair["links"] if x["confidence"] == "high"} <= _links(pair)


def test_repeats_across_versions_are_not_merges_and_headings_are_not_contained(pairs):
    rus = pairs["P01-orebro-rus-2018-vs-2022"]
    found = overlaps.find_overlaps(_items(rus["source"]) + _items(rus["target"]))
    repeats = {frozenset((o.a, o.b)) for o in found if o.kind == "repeat"}
    assert frozenset(("A.m1", "B.m1")) in repeats and frozenset(("A.p1.s2", "B.p1.s2")) in repeats
    assert not overlaps.groups(found)
    # VP 2015's areas ("Tandvård") are named inside the 2020 effektmål, not restated by them;
    # the two digital-services goals of one document are merged (the gold's C01)
    areas = pairs["P02-orebro-areas-2015-vs-effektmal-2020"]
    found = overlaps.find_overlaps(_items(areas["source"]) + _items(areas["target"]))
    groups = [set(members) for _, members, _ in overlaps.groups(found)]
    assert not [g for g in groups if any(m.startswith("H.") for m in g)]
    assert {"C.e6", "C.e7"} in groups
    # parallel templates (hälso- och sjukvård / tandvård, hälsa / munhälsa) never merged
    assert not [g for g in groups if {"C.e2", "C.e4"} <= g or {"C.e1", "C.e3"} <= g]


@pytest.fixture(scope="module")
def stated() -> dict:
    return json.loads((GOLD / "sdg-links.json").read_text(encoding="utf-8"))


def _shown(text: str, children: list[str] = ()) -> set[str]:
    item = GoalItem("goal", text)
    kids = [GoalItem(f"c{n}", t) for n, t in enumerate(children)]
    return {goal_level(k) for k, e in sg.item_concepts(item, kids).items()
            if sg.calibrated(e.score) >= sg.DEFAULT_MINIMUM}


def test_stated_goals_get_their_sdg_or_objective(stated):
    for entry in stated["labelled"]:
        wanted = {f"sdg/{n}" for n in entry.get("sdg") or []} | {f"miljomal/{n}" for n in entry.get("miljomal") or []}
        assert wanted <= _shown(entry["text"]), entry["text"]


def test_climate_compounds_and_run_together_words_in_real_goals():
    # Stenungsund 2021: the climate goal is SDG 13 from "klimatet"; "kommunska" (a typing
    # slip for "kommun ska") is not a compound with "skola" (no SDG 4)
    text = ("Stenungsunds kommunska verka för en hållbar utveckling och därför minska sin påverkan "
            "på miljön och klimatet.")
    shown = _shown(text)
    assert "sdg/13" in shown and "miljomal/1" in shown and "sdg/4" not in shown


def test_a_programme_addresses_every_objective_of_its_goals(stated):
    # Kumla's miljöprogram "Fem fokusområden": five goals, five objectives
    children = [e for e in stated["labelled"] if e["file"] == "1881-kumla.json"]
    shown = _shown("Fem fokusområden", [e["text"] for e in children])
    assert {f"miljomal/{e['miljomal'][0]}" for e in children} <= shown
