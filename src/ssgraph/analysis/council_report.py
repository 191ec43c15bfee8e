"""The council's follow-up report for one organisation and period, across the three
dimensions of sustainability: goals with their assessed status, indicator trends against
target, activities and their status, and the SDGs and objectives the goals address.

Goals keep their hierarchy: within each dimension they come in the order of the goal tree
(each goal followed by its sub-goals), and a goal of several dimensions is shown under each
of them, with its sub-goals, and knows the others (``dimensions``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import networkx as nx

from ssgraph.analysis import goal_graph as gg
from ssgraph.errors import InputError, problem

BAD_PERIOD = "analysis.bad_period"

DIMENSIONS = ("economic", "social", "ecological")
STATUS_ORDER = ("fulfilled", "partly-fulfilled", "not-fulfilled", "not-assessed")


@dataclass
class IndicatorTrend:
    iri: str
    label: str
    unit: str | None
    observations: dict[str, float]
    target: float | None
    target_year: str | None
    direction: str | None
    on_track: bool | None  # latest value vs target in the indicator's direction


@dataclass
class GoalStatus:
    iri: str
    identifier: str
    label: str
    depth: int | None
    status: str
    comment: str
    indicators: list[IndicatorTrend]
    activities: list[dict]
    links: list[dict]  # {"kind": "sdg"|"objective"|"public-health"|…, "notation": "13.2", "label": …}
    parent: str | None = None  # the parent goal's IRI
    parent_identifier: str | None = None
    dimensions: list[str] = field(default_factory=list)  # every dimension the goal is reported under


@dataclass
class CouncilReport:
    org: str
    org_label: str
    period: str
    vision: str | None
    dimensions: dict[str, list[GoalStatus]] = field(default_factory=dict)
    status_counts: dict[str, int] = field(default_factory=dict)
    sdgs: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    public_health: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def csv_rows(self) -> list[dict]:
        return [{"dimension": d, "goal": g.identifier, "label": g.label, "status": g.status,
                 "indicators": len(g.indicators), "activities": len(g.activities)}
                for d, goals in self.dimensions.items() for g in goals]


def _on_track(latest: float | None, target: float | None, direction: str | None) -> bool | None:
    if latest is None or target is None:
        return None
    if direction == "decrease":
        return latest <= target
    if direction == "maintain":
        return abs(latest - target) <= abs(target) * 0.05
    return latest >= target


def _trend(graph: nx.DiGraph, indicator: str, period: str) -> IndicatorTrend:
    data = graph.nodes[indicator]
    observations = {y: v for y, v in sorted((data.get("observations") or {}).items()) if y <= period}
    latest = observations[max(observations)] if observations else None
    target = data.get("target_value")
    return IndicatorTrend(indicator, data.get("label", indicator), data.get("unit"), observations,
                          target, data.get("target_year"), data.get("direction"),
                          _on_track(latest, target, data.get("direction")))


def _dimensions_of(graph: nx.DiGraph, goal: str) -> list[str]:
    """A goal's own dimensions, else its nearest ancestor's, else ['other']."""
    current = goal
    while current is not None and graph.nodes[current].get("kind") == "goal":
        own = graph.nodes[current].get("dimension") or []
        found = [dim for dim in DIMENSIONS if dim in own]
        if found:
            return found
        current = gg.parent_goal(graph, current)
    return ["other"]


def _tree_order(graph: nx.DiGraph, goals: list[str]) -> list[str]:
    """The goals in the order of the goal tree: each goal followed by its sub-goals, siblings
    by identifier."""
    chosen = set(goals)

    def key(goal: str) -> tuple:
        return (graph.nodes[goal].get("identifier") or "", goal)

    children: dict[str | None, list[str]] = {}
    for goal in goals:
        parent = gg.parent_goal(graph, goal)
        children.setdefault(parent if parent in chosen else None, []).append(goal)
    ordered: list[str] = []

    def visit(goal: str) -> None:
        ordered.append(goal)
        for child in sorted(children.get(goal, []), key=key):
            visit(child)

    for root in sorted(children.get(None, []), key=key):
        visit(root)
    return ordered + [g for g in goals if g not in set(ordered)]  # cycles, if any, at the end


def council_report(graph: nx.DiGraph, org: str, period: str | int) -> CouncilReport:
    period = str(period).strip()
    if not (len(period) == 4 and period.isascii() and period.isdigit()):
        raise InputError(problem(BAD_PERIOD, value=period[:50]))
    org_node = next((d for _, d in graph.nodes(data=True)
                     if d.get("kind") == "organisation" and d.get("org") == org), {})
    visions = gg.nodes_of_kind(graph, "vision", org)
    report = CouncilReport(org, org_node.get("label", org), period,
                           graph.nodes[visions[0]].get("label") if visions else None)
    counts = dict.fromkeys(STATUS_ORDER, 0)
    sdgs, objectives, health = set(), set(), set()
    goals = _tree_order(graph, gg.nodes_of_kind(graph, "goal", org))
    for goal in goals:
        data = graph.nodes[goal]
        assessment = (data.get("assessments") or {}).get(period, {})
        status = assessment.get("status", "not-assessed")
        counts[status] = counts.get(status, 0) + 1
        activities = []
        for node in gg.successors_by(graph, goal, "implemented-by"):
            members = [node] + gg.successors_by(graph, node, "includes")
            for member in members:
                if graph.nodes[member].get("kind") == "activity" and all(a["iri"] != member for a in activities):
                    activities.append({"iri": member, "label": graph.nodes[member].get("label", member),
                                       "status": graph.nodes[member].get("status", "planned")})
        links = []
        for concept in gg.links(graph, goal):
            kind, notation = graph.nodes[concept].get("kind"), graph.nodes[concept].get("notation", "")
            links.append({"kind": kind, "notation": notation, "label": graph.nodes[concept].get("label", "")})
            if kind == "sdg" and gg.sdg_goal_number(graph, concept):
                sdgs.add(gg.sdg_goal_number(graph, concept))
            elif kind == "objective":
                objectives.add(notation)
            elif kind == "public-health":
                health.add(notation)
        parent = gg.parent_goal(graph, goal)
        dimensions = _dimensions_of(graph, goal)
        item = GoalStatus(goal, data.get("identifier", ""), data.get("label", goal), data.get("depth"),
                          status, assessment.get("comment", ""),
                          [_trend(graph, i, period) for i in gg.goal_indicators(graph, goal)],
                          activities, links, parent,
                          graph.nodes[parent].get("identifier") if parent in graph else None, dimensions)
        for dimension in dimensions:
            report.dimensions.setdefault(dimension, []).append(item)
    ordered = {d: report.dimensions[d] for d in (*DIMENSIONS, "other") if d in report.dimensions}
    report.dimensions = ordered
    report.status_counts = counts
    report.sdgs = [str(n) for n in sorted(sdgs)]
    report.objectives = sorted(objectives, key=lambda x: int(x) if x.isdigit() else 99)
    report.public_health = sorted(health)
    return report
