"""Consolidate one organisation's goal structure: what to merge, link, measure or retire.

Finds clusters of duplicated or overlapping goals (similar text and no conflicting
targets, across documents), goals that do not lead up to the vision, goals without
indicators, indicators without data, and steering documents past their validity or
superseded; ranks the recommendations and estimates the resulting size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

import networkx as nx

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis.alignment import Settings as AlignmentSettings
from ssgraph.analysis.alignment import load_settings
from ssgraph.analysis.goal_items import items_from_graph
from ssgraph.analysis.overlaps import find_overlaps, groups

RETIRED_STATUSES = {"repealed", "superseded"}
RETIRED_SV = {"expired": "har gått ut", "superseded": "är ersatt", "repealed": "är upphävt"}


@dataclass(frozen=True)
class Settings:
    """The text thresholds are harmonise's (``harmonise_settings.yaml``): one machinery."""

    alignment: AlignmentSettings = field(default_factory=load_settings)


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
    overlaps: list[dict]
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


def duplicate_clusters(graph: nx.DiGraph, goals: list[str], settings: Settings) -> list[tuple]:
    """Groups of goals to merge (duplicates; a goal and those it restates), each with its
    kind and evidence, and the overlapping pairs to align (``overlaps``)."""
    items = [i for i in items_from_graph(graph, graph.nodes[goals[0]]["org"]) if i.key in set(goals)] if goals else []
    found = find_overlaps(items, settings.alignment)
    return groups(found), [o for o in found if o.kind == "overlap"]


def _document_expired(data: dict, today: str) -> str | None:
    if data.get("status") in RETIRED_STATUSES:
        return data["status"]
    if data.get("replaced_by"):
        return "superseded"
    until = data.get("valid_until")
    # as ssgsh:SteeringDocumentExpiredInForce: a draft past its date is not "in force"
    if until and str(until)[:10] < today and data.get("status") in (None, "in-force"):
        return "expired"
    return None


def consolidate(
    graph: nx.DiGraph, org: str, settings: Settings | None = None, today: dt.date | None = None,
    rules: dict[str, set[str]] | None = None,
) -> ConsolidationResult:
    """``rules``: the shapes' findings (ssgraph.validation.rules.findings) for this version; the
    services pass them so that the goals without indicator, not leading to the vision, the
    indicators without data and the documents expired in force are the shapes' (one home per
    rule); without them the goal graph is read the same way (tests keep the two in step)."""
    settings = settings or Settings()
    reference = (today or dt.date.today()).isoformat()
    goals = gg.nodes_of_kind(graph, "goal", org)
    documents = gg.nodes_of_kind(graph, "document", org)

    expired = []
    for doc in documents:
        why = _document_expired(graph.nodes[doc], reference)
        if rules is not None and why == "expired" and doc not in rules["document_expired_in_force"]:
            why = None
        elif rules is not None and why is None and doc in rules["document_expired_in_force"]:
            why = "expired"
        if why:
            expired.append(_item(graph, doc, reason=why, valid_until=graph.nodes[doc].get("valid_until"),
                                 goals=gg.predecessors_by(graph, doc, "stated-in")))
    retired_documents = {d["iri"] for d in expired}
    clusters = []
    merge_groups, overlapping = duplicate_clusters(graph, goals, settings)
    for kind, members, edges in merge_groups:
        keep = members[0] if kind == "contains" else _representative(graph, members, retired_documents)
        clusters.append({
            "kind": kind,
            "keep": keep,
            "members": [_item(graph, g, documents=[graph.nodes[d].get("label") for d in
                                                    gg.successors_by(graph, g, "stated-in")])
                        for g in members],
            "pairs": [_pair(o) for o in edges],
        })
    overlaps = [_pair(o) | {"labels": [graph.nodes[o.a].get("label"), graph.nodes[o.b].get("label")]}
                for o in overlapping]

    indicators = gg.nodes_of_kind(graph, "indicator", org)
    if rules is not None:
        orphans = [_item(graph, g) for g in goals if g in rules["goal_not_leading_to_vision"]]
        without_indicators = [_item(graph, g) for g in goals if g in rules["goal_without_indicator"]]
        without_data = [_item(graph, i) for i in indicators if i in rules["indicator_without_observations"]]
    else:
        orphans = [_item(graph, g) for g in goals if graph.nodes[g].get("depth") is None]
        # goals with sub-goals are followed up through them; only leaf goals need their own indicator
        without_indicators = [_item(graph, g) for g in goals
                              if not gg.goal_indicators(graph, g) and not gg.successors_by(graph, g, "has-subgoal")]
        without_data = [_item(graph, i) for i in indicators if not graph.nodes[i].get("has_data")]

    recommendations = _rank(graph, clusters, orphans, without_indicators, without_data, expired)
    goals_saved = sum(r.saves_goals for r in recommendations)
    documents_saved = sum(r.saves_documents for r in recommendations)
    org_label = next((d.get("label", org) for _, d in graph.nodes(data=True)
                      if d.get("kind") == "organisation" and d.get("org") == org), org)
    return ConsolidationResult(
        org, org_label, reference, len(goals), len(documents), clusters, overlaps, orphans, without_indicators,
        without_data, expired, recommendations, len(goals) - goals_saved,
        len(documents) - documents_saved,
    )


def _pair(o) -> dict:
    e = o.evidence()
    return {"a": o.a, "b": o.b, "kind": o.kind, "similarity": round(o.pair.alignment.similarity, 3),
            "score": e["score"], "reason": o.kind, "shared_words": e["shared_words"],
            "shared_links": e["shared_concepts"], "parallel_template": e["parallel_template"]}


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
        if cluster["kind"] == "contains":
            reason = f"the first goal restates the other {len(others)}; keep it"
            reason_sv = f"det första målet upprepar de {len(others)} andra; behåll det"
        else:
            reason = f"{len(members)} goals say the same thing; keep one"
            reason_sv = f"{len(members)} mål säger samma sak; behåll ett"
        items.append((10 + len(others), Recommendation(
            0, "merge", [cluster["keep"], *others], [graph.nodes[m].get("label", m) for m in [cluster["keep"], *others]],
            reason, saves_goals=len(others), reason_sv=reason_sv)))
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
