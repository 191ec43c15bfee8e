"""One organisation at a glance, from its goal graph: the goal structure as a tree below the
vision, its steering documents, its indicators with their series against their targets, and
how many goals and indicators address each SDG and environmental objective.

An indicator's trend compares its latest value with the one before, in its desired direction
(``ssg:direction``): "towards" the target, "away" from it, "reached" when the latest value is
on the target's side, "flat", or "no-data".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ssgraph.analysis import goal_graph as gg

# what a profile shows: the tree, measures, SDG and objective links, documents, Kolada values;
# and what goal items are made of (goal_items.READING), so that the page's diff of the version
# it shows reuses its goal graph
READING = gg.Reading(
    edges=frozenset({"hasParent", "measures", "addressesSDG", "addressesEnvironmentalObjective", "statedIn",
                     "koladaKPI", "addressesPublicHealthArea", "addressesGreenKeyIndicator"}),
    attributes=frozenset({"goalLevel", "unit", "direction", "targetYear", "targetValue", "baselineValue",
                          "validFrom", "validUntil", "documentStatus", "documentKind"}),
    assessments=False,
)
# what a comparison shows of each: counts, coverage and the indicators' series (no tree, no documents' details,
# no descriptions)
COMPARISON_READING = gg.Reading(
    edges=frozenset({"measures", "addressesSDG", "addressesEnvironmentalObjective", "koladaKPI"}),
    attributes=frozenset({"unit", "direction", "targetYear", "targetValue", "baselineValue"}),
    assessments=False, descriptions=False,
)


@dataclass
class GoalNode:
    iri: str
    identifier: str
    label: str
    level: str
    sdgs: list[str]  # SDG numbers
    objectives: list[str]  # environmental objective numbers
    indicators: int
    children: list[GoalNode] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**{k: v for k, v in self.__dict__.items() if k != "children"},
                "children": [c.to_dict() for c in self.children]}


@dataclass
class IndicatorSeries:
    iri: str
    label: str
    unit: str
    direction: str  # increase, decrease, maintain or ""
    target: float | None
    target_year: str
    baseline: float | None
    observations: list[tuple[str, float]]  # (year, value), oldest first
    goals: list[str]  # labels of the goals it measures
    trend: str

    def to_dict(self) -> dict:
        return dict(self.__dict__, observations=[list(o) for o in self.observations])


@dataclass
class Document:
    iri: str
    label: str
    kind: str
    status: str
    valid_from: str
    valid_until: str
    goals: int

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass
class Profile:
    code: str
    label: str
    iri: str
    visions: list[str]
    roots: list[GoalNode]
    goals: int
    documents: list[Document]
    indicators: list[IndicatorSeries]
    sdg_goals: dict[str, int]  # SDG number → goals addressing it (directly or by a target)
    sdg_indicators: dict[str, int]
    objective_goals: dict[str, int]
    objective_indicators: dict[str, int]
    sdg_targets: list[str]  # SDG targets (and goals) addressed, notations
    objectives: list[str]

    @property
    def measured_goals(self) -> int:
        return sum(1 for g in self.all_goals() if g.indicators)

    def all_goals(self) -> list[GoalNode]:
        found, stack = [], list(self.roots)
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(node.children)
        return found

    def to_dict(self) -> dict:
        return {
            "code": self.code, "label": self.label, "iri": self.iri, "visions": self.visions,
            "goals": self.goals, "measured_goals": self.measured_goals,
            "goal_tree": [r.to_dict() for r in self.roots],
            "documents": [d.to_dict() for d in self.documents],
            "indicators": [i.to_dict() for i in self.indicators],
            "sdg_goals": self.sdg_goals, "sdg_indicators": self.sdg_indicators,
            "objective_goals": self.objective_goals, "objective_indicators": self.objective_indicators,
            "sdg_targets": self.sdg_targets, "objectives": self.objectives,
        }


def _notation(graph: nx.DiGraph, concept: str) -> str:
    return str(graph.nodes[concept].get("notation") or concept.rsplit("/", 1)[-1])


def _reference_number(graph: nx.DiGraph, concept: str) -> tuple[str, str] | None:
    """("sdg", the SDG's number) or ("objective", the environmental objective's number) of a
    reference concept; None for other concepts."""
    kind = graph.nodes[concept].get("kind")
    if kind == "sdg":
        number = gg.sdg_goal_number(graph, concept)
        return ("sdg", str(number)) if number else None
    if kind == "objective":
        number = _notation(graph, concept).split(".", 1)[0]
        return ("objective", number) if number.isdigit() else None
    return None


def _addressed(graph: nx.DiGraph, nodes: list[str]) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Each node's reference concepts, SDG numbers and environmental objective numbers (read once:
    the tree, the coverage and the targets all ask; each concept's number once)."""
    numbers: dict[str, tuple[str, str] | None] = {}
    found = {}
    for node in nodes:
        linked = gg.links(graph, node)
        sdgs, objectives = set(), set()
        for concept in linked:
            if concept not in numbers:
                numbers[concept] = _reference_number(graph, concept)
            scheme_number = numbers[concept]
            if scheme_number is not None:
                (sdgs if scheme_number[0] == "sdg" else objectives).add(scheme_number[1])
        found[node] = (linked, sorted(sdgs, key=int), sorted(objectives, key=int))
    return found


_DIGITS = re.compile(r"(\d+)")


def _natural(text: str) -> list:
    return [int(p) if p.isdigit() else p for p in _DIGITS.split(text or "")]


def _goal_tree(graph: nx.DiGraph, code: str, addressed: dict) -> list[GoalNode]:
    goals = gg.nodes_of_kind(graph, "goal", code)
    made: dict[str, GoalNode] = {}
    for goal in goals:
        data = graph.nodes[goal]
        _, sdgs, objectives = addressed[goal]
        made[goal] = GoalNode(goal, str(data.get("identifier") or ""), str(data.get("label") or ""),
                              str(data.get("level") or ""), sdgs, objectives, len(gg.goal_indicators(graph, goal)))
    roots = []
    for goal in goals:
        parent = gg.parent_goal(graph, goal)
        if parent in made and parent != goal:
            made[parent].children.append(made[goal])
        else:
            roots.append(made[goal])
    for node in made.values():
        node.children.sort(key=lambda n: (_natural(n.identifier), n.label))
    return sorted(roots, key=lambda n: (_natural(n.identifier), n.label))


def trend(observations: list[tuple[str, float]], direction: str, target: float | None) -> str:
    if not observations:
        return "no-data"
    latest = observations[-1][1]
    if target is not None and direction in ("increase", "decrease"):
        if (direction == "increase" and latest >= target) or (direction == "decrease" and latest <= target):
            return "reached"
    if len(observations) < 2:
        return "no-data" if target is None else "single"
    change = latest - observations[-2][1]
    if change == 0 or direction not in ("increase", "decrease"):
        return "flat" if change == 0 else ("up" if change > 0 else "down")
    return "towards" if (change > 0) == (direction == "increase") else "away"


def _number(value) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _indicators(graph: nx.DiGraph, code: str) -> list[IndicatorSeries]:
    found = []
    for indicator in gg.nodes_of_kind(graph, "indicator", code):
        data = graph.nodes[indicator]
        observations = sorted((str(y), float(v)) for y, v in (data.get("observations") or {}).items())
        direction = str(data.get("direction") or "").rsplit("/", 1)[-1]
        target = _number(data.get("target_value"))
        goals = [str(graph.nodes[g].get("label") or "") for g in gg.predecessors_by(graph, indicator, "measured-by")]
        found.append(IndicatorSeries(indicator, str(data.get("label") or ""), str(data.get("unit") or ""), direction,
                                     target, str(data.get("target_year") or ""), _number(data.get("baseline_value")),
                                     observations, goals, trend(observations, direction, target)))
    return sorted(found, key=lambda i: (not i.observations, i.label.casefold()))


def _documents(graph: nx.DiGraph, code: str) -> list[Document]:
    found = []
    for document in gg.nodes_of_kind(graph, "document", code):
        data = graph.nodes[document]
        goals = len(gg.predecessors_by(graph, document, "stated-in"))
        found.append(Document(document, str(data.get("label") or ""), str(data.get("document_kind") or "")
                              .rsplit("/", 1)[-1], str(data.get("status") or "").rsplit("/", 1)[-1],
                              str(data.get("valid_from") or ""), str(data.get("valid_until") or ""), goals))
    return sorted(found, key=lambda d: d.label.casefold())


def _coverage(graph: nx.DiGraph, code: str, kind: str, addressed: dict) -> tuple[Counter, Counter]:
    sdg, objective = Counter(), Counter()
    for node in gg.nodes_of_kind(graph, kind, code):
        _, sdgs, objectives = addressed[node]
        sdg.update(sdgs)
        objective.update(objectives)
    return sdg, objective


def profile(graph: nx.DiGraph, code: str, label: str, org_iri: str) -> Profile:
    """The profile of organisation ``code`` from a goal graph holding its structure."""
    visions = [str(graph.nodes[v].get("label") or "") for v in gg.nodes_of_kind(graph, "vision", code)]
    addressed = _addressed(graph, gg.nodes_of_kind(graph, "goal", code) + gg.nodes_of_kind(graph, "indicator", code))
    roots = _goal_tree(graph, code, addressed)
    sdg_goals, objective_goals = _coverage(graph, code, "goal", addressed)
    sdg_indicators, objective_indicators = _coverage(graph, code, "indicator", addressed)
    concepts = {c for linked, _, _ in addressed.values() for c in linked}
    targets = sorted({_notation(graph, c) for c in concepts if graph.nodes[c].get("kind") == "sdg"}, key=_natural)
    objectives = sorted({_notation(graph, c) for c in concepts if graph.nodes[c].get("kind") == "objective"},
                        key=_natural)
    return Profile(code, label, org_iri, [v for v in visions if v], roots, len(gg.nodes_of_kind(graph, "goal", code)),
                   _documents(graph, code), _indicators(graph, code), dict(sdg_goals), dict(sdg_indicators),
                   dict(objective_goals), dict(objective_indicators), targets, objectives)
