"""sdg.ttl: the UN Sustainable Development Goals, targets and indicators as one SKOS scheme.

Indicators that the UN lists under several targets (1.5.1 = 11.5.1 = 13.1.1) keep one
concept per listed code, because the code is what municipalities write and what the UN
gives its own IRI to; the repeats are joined with skos:related and a skos:note.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ssgraph.errors import InputError, Location, Problem
from ssgraph.namespaces import SSG, SSGREF, UNSDG

from .common import (
    BAD_VALUE,
    LICENCE_MIT,
    SchemeMetadata,
    add_concept,
    add_scheme,
    expect_count,
    new_graph,
    read_csv,
    require_file,
)

SCHEME = SSGREF["sdg"]

# The official UN SDG colours (UN Department of Global Communications, SDG communication
# guidelines).
GOAL_COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2",
    7: "#FCC30B", 8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E",
    13: "#3F7E44", 14: "#0A97D9", 15: "#56C02B", 16: "#00689D", 17: "#19486A",
}

GOAL_KEY = re.compile(r"^(\d{1,2})-(short|title)$")
TARGET_KEY = re.compile(r"^(\d{1,2})-([0-9]{1,2}|[a-z])-title$")
INDICATOR_KEY = re.compile(r"^(\d{1,2})-([0-9]{1,2}|[a-z])-(\d{1,2})-title$")

METADATA = SchemeMetadata(
    iri=SCHEME,
    title_sv="Globala målen för hållbar utveckling (Agenda 2030): mål, delmål och indikatorer",
    title_en="Sustainable Development Goals (Agenda 2030): goals, targets and indicators",
    description_en=(
        "The 17 goals and 169 targets adopted by the UN General Assembly (A/RES/70/1) and the "
        "global indicator framework (A/RES/71/313 and its annual refinements), with the "
        "official English titles, the Swedish short names of the goals and the official UN "
        "SDG colours. Each goal, target and indicator is linked with skos:exactMatch to its "
        "UN linked-data IRI under http://metadata.un.org/sdg/ (none for the indicators of "
        "letter targets, whose UN IRI pattern is not confirmed)."
    ),
    sources=(
        URIRef("https://undocs.org/A/RES/70/1"),
        URIRef("https://undocs.org/A/RES/71/313"),
        URIRef("https://github.com/open-sdg/sdg-translations"),
        "UN goals, targets and indicators (English) as carried by the Open SDG project's "
        "translation files global_goals.yml, global_targets.yml, global_indicators.yml "
        "(MIT licence, Copyright (c) 2019 Open SDG)",
        "Swedish short names of the goals as used by Svenska FN-förbundet (Globala målen)",
        "Goal colours: UN SDG communication guidelines (public fact)",
    ),
    licence=LICENCE_MIT,
    rights_en=(
        "Texts of goals, targets and indicators: official UN texts as carried by Open SDG "
        "(MIT licence, Copyright (c) 2019 Open SDG). Swedish goal names and goal colours are "
        "public facts. Structure, labels such as 'Target 11.6' and notes by the ssgraph project."
    ),
    notes=(
        "Indicators repeated under several targets keep one concept per listed code; the "
        "repeats (identical official text) are linked with skos:related.",
    ),
)


def _text(value: object) -> str:
    return " ".join(str(value).split())


def _load_yaml(path: Path) -> dict[str, str]:
    require_file(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InputError(Problem(BAD_VALUE, Location(file=path.name),
                                 {"value": type(data).__name__, "column": "(file)",
                                  "expected": "a mapping of keys to titles"}))
    return {str(k): _text(v) for k, v in data.items()}


def _bad_key(path: Path, key: str, expected: str) -> InputError:
    return InputError(Problem(BAD_VALUE, Location(file=path.name),
                              {"value": key, "column": "key", "expected": expected}))


def un_indicator_iri(goal: int, target: str, indicator: int) -> URIRef | None:
    """The UN IRI of an indicator (C + two digits each), or None for letter targets."""
    if not target.isdigit():
        return None
    return UNSDG[f"C{goal:02d}{int(target):02d}{indicator:02d}"]


def build_sdg(source: Path) -> Graph:
    sdg_dir = source / "sdg"
    goals_path = sdg_dir / "global_goals.yml"
    targets_path = sdg_dir / "global_targets.yml"
    indicators_path = sdg_dir / "global_indicators.yml"
    swedish_path = sdg_dir / "goals-sv.csv"

    goals: dict[int, dict[str, str]] = defaultdict(dict)
    for key, value in _load_yaml(goals_path).items():
        match = GOAL_KEY.match(key)
        if not match:
            raise _bad_key(goals_path, key, "N-short or N-title")
        goals[int(match[1])][match[2]] = value
    expect_count(len(goals), 17, "goals", goals_path)

    swedish = {}
    for row in read_csv(swedish_path, ("goal", "short_sv", "alt_sv")):
        if not row["goal"].isdigit() or int(row["goal"]) not in goals:
            raise row.fail("goal", "a goal number 1-17")
        variants = [v.strip() for v in re.split(r"[;|]", row["alt_sv"]) if v.strip()]
        swedish[int(row["goal"])] = (row["short_sv"], variants)
    expect_count(len(swedish), 17, "Swedish goal names", swedish_path)

    graph = new_graph()
    add_scheme(graph, METADATA)

    for number, texts in sorted(goals.items()):
        if "short" not in texts or "title" not in texts:
            raise _bad_key(goals_path, f"{number}-short/{number}-title",
                           "both a short name and a title for each goal")
        goal = SSGREF[f"sdg/{number}"]
        short_sv, variants = swedish[number]
        add_concept(graph, goal, SCHEME, [SSG.SDGGoal], notation=str(number),
                    label_sv=short_sv, label_en=texts["short"], top=True)
        for variant in [*variants, f"Mål {number}"]:
            graph.add((goal, SKOS.altLabel, Literal(variant, lang="sv")))
        graph.add((goal, SKOS.altLabel, Literal(f"Goal {number}", lang="en")))
        graph.add((goal, SKOS.definition, Literal(texts["title"], lang="en")))
        graph.add((goal, SSG.colour, Literal(GOAL_COLOURS[number])))
        graph.add((goal, SKOS.exactMatch, UNSDG[str(number)]))

    targets = _load_yaml(targets_path)
    for key, title in targets.items():
        match = TARGET_KEY.match(key)
        if not match or int(match[1]) not in goals:
            raise _bad_key(targets_path, key, "G-T-title with G a goal number 1-17")
        code = f"{int(match[1])}.{match[2]}"
        target = SSGREF[f"sdg/{code}"]
        add_concept(graph, target, SCHEME, [SSG.SDGTarget], notation=code,
                    label_sv=f"Delmål {code}", label_en=f"Target {code}")
        graph.add((target, SKOS.definition, Literal(title, lang="en")))
        graph.add((target, SKOS.broader, SSGREF[f"sdg/{int(match[1])}"]))
        graph.add((SSGREF[f"sdg/{int(match[1])}"], SKOS.narrower, target))
        graph.add((target, SKOS.exactMatch, UNSDG[code]))
    expect_count(len(targets), 169, "targets", targets_path)

    by_text: dict[str, list[URIRef]] = defaultdict(list)
    target_codes = {f"{int(TARGET_KEY.match(k)[1])}.{TARGET_KEY.match(k)[2]}" for k in targets}
    for key, title in _load_yaml(indicators_path).items():
        match = INDICATOR_KEY.match(key)
        target_code = f"{int(match[1])}.{match[2]}" if match else None
        if not match or target_code not in target_codes:
            raise _bad_key(indicators_path, key, "G-T-I-title of a listed target")
        code = f"{target_code}.{int(match[3])}"
        indicator = SSGREF[f"sdg/{code}"]
        add_concept(graph, indicator, SCHEME, [SSG.SDGIndicator], notation=code,
                    label_sv=f"Indikator {code}", label_en=f"Indicator {code}")
        graph.add((indicator, SKOS.definition, Literal(title, lang="en")))
        graph.add((indicator, SKOS.broader, SSGREF[f"sdg/{target_code}"]))
        graph.add((SSGREF[f"sdg/{target_code}"], SKOS.narrower, indicator))
        un_iri = un_indicator_iri(int(match[1]), match[2], int(match[3]))
        if un_iri is not None:
            graph.add((indicator, SKOS.exactMatch, un_iri))
        by_text[title].append(indicator)

    for repeats in by_text.values():
        if len(repeats) < 2:
            continue
        codes = sorted(str(graph.value(r, SKOS.notation)) for r in repeats)
        for indicator in repeats:
            others = [r for r in repeats if r != indicator]
            for other in others:
                graph.add((indicator, SKOS.related, other))
            own = str(graph.value(indicator, SKOS.notation))
            listed = ", ".join(c for c in codes if c != own)
            graph.add((indicator, SKOS.note, Literal(
                f"Same official text as indicator {listed} (an indicator the UN lists under "
                "several targets).", lang="en")))
            graph.add((indicator, SKOS.note, Literal(
                f"Samma officiella text som indikator {listed} (en indikator som FN anger "
                "under flera delmål).", lang="sv")))
    return graph
