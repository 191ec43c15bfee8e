"""Goals as the text analyses see them: one :class:`GoalItem` per goal of one goal set.

Harmonise, consolidate and suggest compare goal sets that may be two organisations, two
versions of one organisation (``ORG@VERSION``) or several documents of one organisation,
so they work on lists of items rather than on the organisation code of a goal graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ssgraph.analysis import goal_graph as gg
from ssgraph.namespaces import SSGREF

HEADING_WORDS = ("area", "område", "heading")


@dataclass
class GoalItem:
    key: str  # the goal's IRI (or another id unique within its set)
    label: str
    description: str = ""
    parent: str | None = None  # key of the parent goal in the same set
    level: str | None = None  # the model's level slug (goal-area, overarching-goal, …)
    depth: int | None = None  # 1 = directly under the vision
    links: set[str] = field(default_factory=set)  # stated links as "sdg/11.6", "miljomal/2", "folkhalsa/5"
    kpis: set[str] = field(default_factory=set)
    indicators: set[str] = field(default_factory=set)
    identifier: str | None = None
    children: list[str] = field(default_factory=list)
    source: str | None = None  # the goal set (version graph or document) it belongs to

    @property
    def heading(self) -> bool:
        """A heading (målområde, fokusområde …) rather than a goal sentence."""
        level = (self.level or "").lower()
        return any(word in level for word in HEADING_WORDS)


def link_key(concept_iri: str) -> str | None:
    """``ssgref:sdg/11.6`` → "sdg/11.6" (None for concepts outside the three schemes)."""
    prefix = str(SSGREF)
    if not concept_iri.startswith(prefix):
        return None
    key = concept_iri[len(prefix):]
    return key if key.split("/", 1)[0] in ("sdg", "miljomal", "folkhalsa") else None


def link_children(items: list[GoalItem]) -> list[GoalItem]:
    """Fill ``children`` from ``parent`` (in the items' order)."""
    by_key = {i.key: i for i in items}
    for item in items:
        item.children = []
    for item in items:
        if item.parent in by_key:
            by_key[item.parent].children.append(item.key)
    return items


# what items are made of: the goals' tree, links, indicators and KPIs, level (for a goal graph read to make them)
READING = gg.Reading(
    edges=frozenset({"hasParent", "measures", "addressesSDG", "addressesEnvironmentalObjective",
                     "addressesPublicHealthArea", "addressesGreenKeyIndicator", "koladaKPI"}),
    attributes=frozenset({"goalLevel"}),
    assessments=False,
)


def items_from_graph(graph: nx.DiGraph, org: str, source: str | None = None) -> list[GoalItem]:
    """The goals of ``org`` in a goal graph (one version of its structure)."""
    items = []
    for goal in gg.nodes_of_kind(graph, "goal", org):
        data = graph.nodes[goal]
        parent = gg.parent_goal(graph, goal)
        if parent is not None and graph.nodes[parent].get("kind") != "goal":
            parent = None
        links = {k for k in (link_key(c) for c in gg.links(graph, goal)) if k}
        items.append(GoalItem(
            key=goal, label=data.get("label", goal), description=data.get("description", ""),
            parent=parent, level=data.get("level"), depth=data.get("depth"), links=links,
            kpis=gg.goal_kpis(graph, goal), indicators=set(gg.goal_indicators(graph, goal)),
            identifier=data.get("identifier"),
            source=source or data.get("graph"),
        ))
    return link_children(items)
