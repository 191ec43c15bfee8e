"""Consolidate one organisation's goal structure: what to merge, link, measure or retire.

Finds clusters of duplicated or overlapping goals (similar text and no conflicting
targets, across documents), goals that do not lead up to the vision, goals without
indicators, indicators without data, and steering documents past their validity or
superseded; ranks the recommendations and estimates the resulting size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import networkx as nx

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis.text_similarity import TextIndex

RETIRED_STATUSES = {"repealed", "superseded"}
RETIRED_SV = {"expired": "har gått ut", "superseded": "är ersatt", "repealed": "är upphävt"}


@dataclass(frozen=True)
class Settings:
    duplicate_text: float = 0.55  # text similarity that alone makes two goals duplicates
    overlap_text: float = 0.35  # enough when the goals address mostly the same targets
    target_overlap: float = 0.5  # Jaccard overlap of the targets that counts as "the same"


@dataclass
class Recommendation:
    rank: int
    action: str  # merge | retire-document | link-to-vision | add-indicator | collect-data
    subjects: list[str]
    labels: list[str]
    reason: str
    saves_goals: int = 0
    saves_documents: int = 0
    reason_sv: str = ""


@dataclass
class ConsolidationResult:
    org: str
    org_label: str
    reference_date: str
    goals: int
    documents: int
    duplicate_clusters: list[dict]
    not_leading_to_vision: list[dict]
    goals_without_indicators: list[dict]
    indicators_without_data: list[dict]
    expired_documents: list[dict]
    recommendations: list[Recommendation]
    goals_after: int
    documents_after: int

    def to_dict(self) -> dict:
        data = asdict(self)
        data["summary"] = {"goals": [self.goals, self.goals_after],
                           "documents": [self.documents, self.documents_after]}
        return data

    def csv_rows(self) -> list[dict]:
        return [
            {"rank": r.rank, "action": r.action, "subjects": " ".join(r.subjects),
             "labels": " | ".join(r.labels), "reason": r.reason,
             "saves_goals": r.saves_goals, "saves_documents": r.saves_documents}
            for r in self.recommendations
        ]


def _item(graph: nx.DiGraph, node: str, **extra: object) -> dict:
    data = graph.nodes[node]
    return {"iri": node, "label": data.get("label", node), "identifier": data.get("identifier"),
            **extra}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _lineage(graph: nx.DiGraph, goal: str) -> set[str]:
    """The goal's ancestors among goals (a sub-goal refines its parent; it does not duplicate it)."""
    seen: set[str] = set()
    current = gg.parent_goal(graph, goal)
    while current is not None and current not in seen and graph.nodes[current].get("kind") == "goal":
        seen.add(current)
        current = gg.parent_goal(graph, current)
    return seen


def duplicate_clusters(graph: nx.DiGraph, goals: list[str], settings: Settings) -> list[tuple]:
    """Connected groups of goals that say the same thing, with the evidence for each pair.

    Two goals (neither the ancestor of the other) overlap when their texts are near
    identical and their targets do not conflict; when their texts are similar and they
    address mostly the same targets; or when the same indicator measures both and they
    address mostly the same targets.
    """
    index = TextIndex({g: graph.nodes[g].get("label", "") for g in goals})
    targets = {g: set(gg.links(graph, g)) for g in goals}
    lineage = {g: _lineage(graph, g) for g in goals}
    shared_indicator = _pairs_sharing_an_indicator(graph, goals)
    pairs: dict[tuple[str, str], float] = {}
    for goal in goals:
        for other, sim in index.neighbours(goal, minimum=settings.overlap_text).items():
            pairs[tuple(sorted((goal, other)))] = sim
    for pair in shared_indicator:
        pairs.setdefault(pair, index.similarity(*pair))

    similar = nx.Graph()
    for (a, b), sim in pairs.items():
        if a in lineage[b] or b in lineage[a]:
            continue
        reason = _overlap_reason(sim, targets[a], targets[b], (a, b) in shared_indicator, settings)
        if reason:
            similar.add_edge(a, b, similarity=sim, reason=reason,
                             shared=sorted(targets[a] & targets[b]),
                             indicators=shared_indicator.get((a, b), []))
    clusters = []
    for component in nx.connected_components(similar):
        edges = [(a, b, d) for a, b, d in similar.subgraph(component).edges(data=True)]
        clusters.append((sorted(component), edges))
    return sorted(clusters, key=lambda c: (-len(c[0]), c[0]))


def _pairs_sharing_an_indicator(graph: nx.DiGraph, goals: list[str]) -> dict[tuple[str, str], list[str]]:
    shared: dict[tuple[str, str], list[str]] = {}
    goal_set = set(goals)
    for indicator in {i for g in goals for i in gg.goal_indicators(graph, g)}:
        measured = sorted(g for g in gg.predecessors_by(graph, indicator, "measured-by") if g in goal_set)
        for i, a in enumerate(measured):
            for b in measured[i + 1:]:
                shared.setdefault((a, b), []).append(indicator)
    return shared


def _overlap_reason(
    similarity: float, targets_a: set, targets_b: set, share_indicator: bool, settings: Settings
) -> str | None:
    overlap = _jaccard(targets_a, targets_b)
    conflicting = bool(targets_a and targets_b and not targets_a & targets_b)
    if similarity >= settings.duplicate_text and not conflicting:
        return "text"
    if similarity >= settings.overlap_text and overlap >= settings.target_overlap:
        return "text+targets"
    if share_indicator and overlap >= settings.target_overlap:
        return "indicator+targets"
    return None


def _document_expired(data: dict, today: str) -> str | None:
    if data.get("status") in RETIRED_STATUSES:
        return data["status"]
    if data.get("replaced_by"):
        return "superseded"
    until = data.get("valid_until")
    if until and str(until)[:10] < today:
        return "expired"
    return None


def consolidate(
    graph: nx.DiGraph, org: str, settings: Settings | None = None, today: dt.date | None = None
) -> ConsolidationResult:
    settings = settings or Settings()
    reference = (today or dt.date.today()).isoformat()
    goals = gg.nodes_of_kind(graph, "goal", org)
    documents = gg.nodes_of_kind(graph, "document", org)

    expired = []
    for doc in documents:
        why = _document_expired(graph.nodes[doc], reference)
        if why:
            expired.append(_item(graph, doc, reason=why, valid_until=graph.nodes[doc].get("valid_until"),
                                 goals=gg.predecessors_by(graph, doc, "stated-in")))
    retired_documents = {d["iri"] for d in expired}
    clusters = []
    for members, edges in duplicate_clusters(graph, goals, settings):
        keep = _representative(graph, members, retired_documents)
        clusters.append({
            "keep": keep,
            "members": [_item(graph, g, documents=[graph.nodes[d].get("label") for d in
                                                    gg.successors_by(graph, g, "stated-in")])
                        for g in members],
            "pairs": [{"a": a, "b": b, "similarity": round(d["similarity"], 3),
                       "reason": d["reason"], "shared_links": [s.rsplit("/", 1)[-1] for s in d["shared"]],
                       "shared_indicators": [i.rsplit("/", 1)[-1] for i in d["indicators"]]}
                      for a, b, d in edges],
        })

    orphans = [_item(graph, g) for g in goals if graph.nodes[g].get("depth") is None]
    # goals with sub-goals are followed up through them; only leaf goals need their own indicator
    without_indicators = [_item(graph, g) for g in goals
                          if not gg.goal_indicators(graph, g) and not gg.successors_by(graph, g, "has-subgoal")]
    indicators = gg.nodes_of_kind(graph, "indicator", org)
    without_data = [_item(graph, i) for i in indicators if not graph.nodes[i].get("has_data")]

    recommendations = _rank(graph, clusters, orphans, without_indicators, without_data, expired)
    goals_saved = sum(r.saves_goals for r in recommendations)
    documents_saved = sum(r.saves_documents for r in recommendations)
    org_label = next((d.get("label", org) for _, d in graph.nodes(data=True)
                      if d.get("kind") == "organisation" and d.get("org") == org), org)
    return ConsolidationResult(
        org, org_label, reference, len(goals), len(documents), clusters, orphans, without_indicators,
        without_data, expired, recommendations, len(goals) - goals_saved,
        len(documents) - documents_saved,
    )


def _representative(graph: nx.DiGraph, members: list[str], retired_documents: set[str]) -> str:
    """The goal to keep: the one best anchored (current document, leads to the vision, measured, linked)."""
    def weight(goal: str) -> tuple:
        data = graph.nodes[goal]
        current = any(d not in retired_documents for d in gg.successors_by(graph, goal, "stated-in"))
        return (current, data.get("depth") is not None, len(gg.goal_indicators(graph, goal)),
                len(gg.links(graph, goal)), -len(data.get("label", "")), goal)
    return max(members, key=weight)


def _rank(graph, clusters, orphans, without_indicators, without_data, expired) -> list[Recommendation]:
    items: list[tuple[float, Recommendation]] = []
    merged_away: set[str] = set()
    keepers = {cluster["keep"] for cluster in clusters}
    for cluster in clusters:
        members = [m["iri"] for m in cluster["members"]]
        others = [m for m in members if m != cluster["keep"]]
        merged_away.update(others)
        items.append((10 + len(others), Recommendation(
            0, "merge", [cluster["keep"], *others], [graph.nodes[m].get("label", m) for m in [cluster["keep"], *others]],
            f"{len(members)} goals say the same thing; keep one", saves_goals=len(others),
            reason_sv=f"{len(members)} mål säger samma sak; behåll ett")))
    for doc in expired:
        # goals stated only in the retired document go with it
        only_here = [g for g in doc["goals"]
                     if g not in merged_away and g not in keepers and gg.successors_by(graph, g, "stated-in") == [doc["iri"]]]
        merged_away.update(only_here)
        items.append((8 + len(only_here), Recommendation(
            0, "retire-document", [doc["iri"], *only_here], [doc["label"]],
            f"document {doc['reason']}" + (f"; {len(only_here)} goals stated only there" if only_here else ""),
            saves_goals=len(only_here), saves_documents=1,
            reason_sv=f"dokumentet {RETIRED_SV[doc['reason']]}"
            + (f"; {len(only_here)} mål står bara där" if only_here else ""))))
    for goal in orphans:
        if goal["iri"] not in merged_away:
            items.append((5, Recommendation(0, "link-to-vision", [goal["iri"]], [goal["label"]],
                                            "goal does not lead up to the vision",
                                            reason_sv="målet leder inte upp till visionen")))
    for goal in without_indicators:
        if goal["iri"] not in merged_away:
            items.append((3, Recommendation(0, "add-indicator", [goal["iri"]], [goal["label"]],
                                            "goal has no indicator", reason_sv="målet saknar indikator")))
    for indicator in without_data:
        items.append((2, Recommendation(0, "collect-data", [indicator["iri"]], [indicator["label"]],
                                        "indicator has no values", reason_sv="indikatorn saknar värden")))
    items.sort(key=lambda pair: (-pair[0], pair[1].subjects))
    for rank, (_, rec) in enumerate(items, start=1):
        rec.rank = rank
    return [rec for _, rec in items]
