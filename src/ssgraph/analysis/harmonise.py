"""Harmonise two goal structures: which goals of organisation A correspond to which of B.

Every pair of goals is scored from combined evidence:

- **text**: TF-IDF cosine of the Swedish goal texts over stems and character 4-grams
  (``text_similarity``), so inflections and compounds match;
- **links**: overlap of the SDG targets (same SDG counts half), environmental objectives
  and public-health areas the goals address;
- **indicators**: the goals are measured with the same Kolada KPI;
- **hierarchy**: the goals sit at the same depth below their vision.

Evidence that neither goal can give (no links on one side, no KPI) is left out of the
weighted mean rather than counted as disagreement. The score types a candidate as
``skos:exactMatch``, ``skos:closeMatch`` or ``skos:relatedMatch``; a one-to-one assignment
is the maximum-weight matching (networkx) over candidates above ``assign_threshold``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

import networkx as nx

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis.text_similarity import TextIndex

RELATIONS = ("exactMatch", "closeMatch", "relatedMatch")


@dataclass(frozen=True)
class Settings:
    """Weights of the evidence and the thresholds that type a candidate."""

    text_weight: float = 0.55
    links_weight: float = 0.3
    kpi_weight: float = 0.15
    hierarchy_weight: float = 0.1
    exact_threshold: float = 0.7
    close_threshold: float = 0.45
    related_threshold: float = 0.25
    assign_threshold: float = 0.25
    assign_top_k: int = 5  # candidates per goal considered by the one-to-one assignment
    max_matching_edges: int = 3000  # larger components are assigned greedily (see _assign)
    min_text: float = 0.08  # below this, a pair is a candidate only on shared KPI or target


@dataclass
class Candidate:
    a: str
    b: str
    a_label: str
    b_label: str
    score: float
    relation: str
    evidence: dict[str, object]
    assigned: bool = False

    def explanation(self) -> str:
        """One sentence listing the evidence (English; the report adds Swedish headings)."""
        e = self.evidence
        parts = [f"text {e['text']:.2f}"]
        if e.get("shared_words"):
            parts[-1] += f" ({', '.join(e['shared_words'])})"
        for key, name in (("sdg", "SDG"), ("objectives", "env. objectives"),
                          ("public_health", "public health"), ("kpis", "Kolada KPI")):
            if e.get(key):
                parts.append(f"{name} {', '.join(e[key])}")
        if e.get("hierarchy") is not None:
            parts.append(f"depth {e['depth_a']}/{e['depth_b']}")
        return "; ".join(parts)


@dataclass
class MergedGoal:
    id: str
    label: str
    parent: str | None
    sources: list[str]
    source_labels: list[str]
    relation: str | None
    links: list[str]


@dataclass
class HarmonisationResult:
    org_a: str
    org_b: str
    goals_a: int
    goals_b: int
    candidates: list[Candidate]
    unmatched_a: list[dict]
    unmatched_b: list[dict]
    coverage: dict[str, dict[str, list[str]]]
    merged: list[MergedGoal]
    settings: Settings = field(default_factory=Settings)

    @property
    def matches(self) -> list[Candidate]:
        return [c for c in self.candidates if c.assigned]

    def to_dict(self) -> dict:
        return {
            "org_a": self.org_a,
            "org_b": self.org_b,
            "goals_a": self.goals_a,
            "goals_b": self.goals_b,
            "matches": [asdict(c) | {"explanation": c.explanation()} for c in self.matches],
            "candidates": [asdict(c) for c in self.candidates],
            "unmatched_a": self.unmatched_a,
            "unmatched_b": self.unmatched_b,
            "coverage": self.coverage,
            "merged": [asdict(m) for m in self.merged],
            "settings": asdict(self.settings),
        }

    def csv_rows(self) -> list[dict]:
        return [
            {
                "subject_id": c.a, "subject_label": c.a_label,
                "predicate_id": f"skos:{c.relation}",
                "object_id": c.b, "object_label": c.b_label,
                "confidence": round(c.score, 3), "one_to_one": c.assigned,
                "text_similarity": round(float(c.evidence["text"]), 3),
                "evidence": c.explanation(),
            }
            for c in self.candidates
        ]


def _goal_profile(graph: nx.DiGraph, goal: str) -> dict:
    sdg_targets = set(gg.links(graph, goal, "sdg"))
    return {
        "label": graph.nodes[goal].get("label", goal),
        "text": " ".join(filter(None, [graph.nodes[goal].get("label"),
                                       graph.nodes[goal].get("description")])),
        "sdg": sdg_targets,
        "sdg_goals": {gg.sdg_goal_number(graph, t) for t in sdg_targets} - {None},
        "objectives": set(gg.links(graph, goal, "objective")),
        "public_health": set(gg.links(graph, goal, "public-health")),
        "kpis": gg.goal_kpis(graph, goal),
        "depth": graph.nodes[goal].get("depth"),
    }


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def score_pair(pa: dict, pb: dict, text: float, settings: Settings) -> tuple[float, dict]:
    """The combined score of two goal profiles and the evidence behind it."""
    evidence: dict[str, object] = {"text": round(text, 4)}
    total = settings.text_weight * text
    weight = settings.text_weight

    link_scores = []
    if pa["sdg"] and pb["sdg"]:
        target_overlap = _jaccard(pa["sdg"], pb["sdg"])
        goal_overlap = _jaccard(pa["sdg_goals"], pb["sdg_goals"])
        link_scores.append(max(target_overlap, 0.5 * goal_overlap))
    for key in ("objectives", "public_health"):
        if pa[key] and pb[key]:
            link_scores.append(_jaccard(pa[key], pb[key]))
    if link_scores:
        links = sum(link_scores) / len(link_scores)
        total += settings.links_weight * links
        weight += settings.links_weight
        evidence["links"] = round(links, 4)
    for key in ("sdg", "objectives", "public_health", "kpis"):
        evidence[key] = sorted(_short(x) for x in pa[key] & pb[key])
    if pa["kpis"] and pb["kpis"]:
        total += settings.kpi_weight * (1.0 if pa["kpis"] & pb["kpis"] else 0.0)
        weight += settings.kpi_weight
    if pa["depth"] is not None and pb["depth"] is not None:
        hierarchy = max(0.0, 1.0 - abs(pa["depth"] - pb["depth"]) / 2)
        total += settings.hierarchy_weight * hierarchy
        weight += settings.hierarchy_weight
        evidence["hierarchy"] = hierarchy
    evidence["depth_a"], evidence["depth_b"] = pa["depth"], pb["depth"]
    return total / weight, evidence


def relation_for(score: float, settings: Settings) -> str | None:
    if score >= settings.exact_threshold:
        return "exactMatch"
    if score >= settings.close_threshold:
        return "closeMatch"
    if score >= settings.related_threshold:
        return "relatedMatch"
    return None


def harmonise(
    graph: nx.DiGraph, org_a: str, org_b: str, settings: Settings | None = None,
    one_to_one: bool = True,
) -> HarmonisationResult:
    """Align the goals of ``org_a`` with those of ``org_b`` in a goal graph holding both."""
    settings = settings or Settings()
    goals_a = gg.nodes_of_kind(graph, "goal", org_a)
    goals_b = gg.nodes_of_kind(graph, "goal", org_b)
    profiles = {g: _goal_profile(graph, g) for g in goals_a + goals_b}
    index = TextIndex({g: profiles[g]["text"] for g in goals_a + goals_b})
    set_b = set(goals_b)

    candidates: list[Candidate] = []
    for a in goals_a:
        pa = profiles[a]
        texts = index.neighbours(a, set_b)
        shared_anchor = {b for b in goals_b
                         if (pa["kpis"] & profiles[b]["kpis"]) or (pa["sdg"] & profiles[b]["sdg"])}
        for b in set(k for k, v in texts.items() if v >= settings.min_text) | shared_anchor:
            score, evidence = score_pair(pa, profiles[b], texts.get(b, 0.0), settings)
            relation = relation_for(score, settings)
            if relation is None:
                continue
            evidence["shared_words"] = index.shared_words(a, b)
            candidates.append(Candidate(a, b, pa["label"], profiles[b]["label"], score, relation, evidence))
    candidates.sort(key=lambda c: (-c.score, c.a, c.b))

    if one_to_one:
        _assign(candidates, settings)
    else:
        for c in candidates:
            c.assigned = c.score >= settings.assign_threshold

    matched_a = {c.a for c in candidates if c.assigned}
    matched_b = {c.b for c in candidates if c.assigned}
    unmatched_a = [_goal_summary(graph, g) for g in goals_a if g not in matched_a]
    unmatched_b = [_goal_summary(graph, g) for g in goals_b if g not in matched_b]
    return HarmonisationResult(
        org_a, org_b, len(goals_a), len(goals_b), candidates, unmatched_a, unmatched_b,
        coverage_gaps(graph, org_a, org_b), merged_structure(graph, goals_a, goals_b, candidates),
        settings,
    )


def _assign(candidates: list[Candidate], settings: Settings) -> None:
    """Maximum-weight matching over each goal's best few candidates.

    Pruning to the ``assign_top_k`` best partners of either goal keeps the blossom
    algorithm fast on national-size structures; a pair outside both goals' top few is
    practically never part of the best assignment.
    """
    eligible = [c for c in candidates if c.score >= settings.assign_threshold]  # sorted by score
    rank_a: dict[str, int] = defaultdict(int)
    rank_b: dict[str, int] = defaultdict(int)
    matching_graph = nx.Graph()
    for c in eligible:
        rank_a[c.a] += 1
        rank_b[c.b] += 1
        if rank_a[c.a] <= settings.assign_top_k or rank_b[c.b] <= settings.assign_top_k:
            matching_graph.add_edge(("a", c.a), ("b", c.b), weight=c.score)
    pairs = set()
    for component in nx.connected_components(matching_graph):
        part = matching_graph.subgraph(component)
        if part.number_of_edges() <= settings.max_matching_edges:
            matched = nx.max_weight_matching(part)
        else:  # greedy by score: a 1/2-approximation, near-optimal in practice, linear time
            matched, used = [], set()
            for u, v, _ in sorted(part.edges(data="weight"), key=lambda e: (-e[2], e[0], e[1])):
                if u not in used and v not in used:
                    used.update((u, v))
                    matched.append((u, v))
        for u, v in matched:
            (side_u, goal_u), (_, goal_v) = u, v
            pairs.add((goal_u, goal_v) if side_u == "a" else (goal_v, goal_u))
    for c in candidates:
        c.assigned = (c.a, c.b) in pairs


def _goal_summary(graph: nx.DiGraph, goal: str) -> dict:
    data = graph.nodes[goal]
    return {"iri": goal, "label": data.get("label", goal), "identifier": data.get("identifier"),
            "depth": data.get("depth"), "links": [_short(x) for x in gg.links(graph, goal)]}


def _covered(graph: nx.DiGraph, org: str) -> dict[str, set[str]]:
    sdgs, targets, objectives, health = set(), set(), set(), set()
    for goal in gg.nodes_of_kind(graph, "goal", org):
        for concept in gg.links(graph, goal):
            kind = graph.nodes[concept].get("kind")
            if kind == "sdg":
                number = gg.sdg_goal_number(graph, concept)
                if number:
                    sdgs.add(str(number))
                notation = graph.nodes[concept].get("notation", "")
                if notation.count(".") == 1:
                    targets.add(notation)
            elif kind == "objective":
                objectives.add(graph.nodes[concept].get("notation", _short(concept)))
            elif kind == "public-health":
                health.add(graph.nodes[concept].get("notation", _short(concept)))
    return {"sdg": sdgs, "sdg_targets": targets, "objectives": objectives, "public_health": health}


def _sort_key(code: str) -> tuple:
    numbers = [int(p) if p.isdigit() else 99 for p in code.split(".")][:3]
    return tuple(numbers + [0] * (3 - len(numbers))) + (code,)


def coverage_gaps(graph: nx.DiGraph, org_a: str, org_b: str) -> dict[str, dict[str, list[str]]]:
    """Per kind (sdg, sdg_targets, objectives, public_health): covered only by A, only by B, by neither."""
    a, b = _covered(graph, org_a), _covered(graph, org_b)
    universe = {"sdg": {str(n) for n in range(1, 18)}, "objectives": {str(n) for n in range(1, 17)},
                "public_health": {str(n) for n in range(1, 9)}}
    gaps = {}
    for kind in a:
        entry = {"only_a": sorted(a[kind] - b[kind], key=_sort_key),
                 "only_b": sorted(b[kind] - a[kind], key=_sort_key),
                 "both": sorted(a[kind] & b[kind], key=_sort_key)}
        if kind in universe:
            entry["neither"] = sorted(universe[kind] - a[kind] - b[kind], key=_sort_key)
        gaps[kind] = entry
    return gaps


def merged_structure(
    graph: nx.DiGraph, goals_a: list[str], goals_b: list[str], candidates: list[Candidate]
) -> list[MergedGoal]:
    """A proposed joint goal structure: matched pairs become one goal, the rest are kept.

    A merged goal's parent is the merged goal holding A's parent (B's when A's goal has
    none); goals directly under a vision stay top goals.
    """
    matches = [c for c in candidates if c.assigned]
    merged_of: dict[str, str] = {}
    merged: dict[str, MergedGoal] = {}
    counter = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return f"M{counter}"

    ordered = sorted(goals_a + goals_b, key=lambda g: (graph.nodes[g].get("depth") or 99, g))
    match_of = {c.a: c for c in matches} | {c.b: c for c in matches}
    for goal in ordered:
        if goal in merged_of:
            continue
        mid = new_id()
        match = match_of.get(goal)
        sources = [match.a, match.b] if match else [goal]
        for s in sources:
            merged_of[s] = mid
        links = sorted({_short(x) for s in sources for x in gg.links(graph, s)}, key=_sort_key)
        merged[mid] = MergedGoal(
            id=mid, label=graph.nodes[sources[0]].get("label", sources[0]), parent=None,
            sources=sources, source_labels=[graph.nodes[s].get("label", s) for s in sources],
            relation=match.relation if match else None, links=links,
        )
    for mid, item in merged.items():
        for source in item.sources:
            parent = gg.parent_goal(graph, source)
            if parent is not None and graph.nodes[parent].get("kind") == "goal" and parent in merged_of:
                if merged_of[parent] != mid:
                    item.parent = merged_of[parent]
                    break
    return list(merged.values())
