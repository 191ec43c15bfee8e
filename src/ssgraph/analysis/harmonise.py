"""Harmonise two goal structures: which goals of one correspond to which of the other.

The two structures may be two organisations (``LL18 RF18``) or two versions of one
(``1415@2019 1415@2021``). The pairs are scored and chosen by ``alignment`` (text
alignment over lemmas, compound parts and the governance thesaurus; SDG / objective /
public-health concepts bridged on both sides; headings read together with the goals under
them; parallel templates kept apart). This module turns the chosen pairs into the result
the CLI and the web show: the links with their evidence, the goals without counterpart,
the SDG/objective coverage of each side and a proposed merged structure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import networkx as nx

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis.alignment import MODES, Settings, align_sets, load_settings
from ssgraph.analysis.goal_items import GoalItem, items_from_graph

RELATIONS = ("exactMatch", "closeMatch", "relatedMatch")


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
    cardinality: str = "1:1"

    def explanation(self) -> str:
        """One sentence listing the evidence (English; the report adds Swedish headings)."""
        e = self.evidence
        parts = [f"text {e['text']:.2f}"]
        if e.get("shared_words"):
            parts[-1] += f" ({', '.join(e['shared_words'])})"
        if e.get("containment_a_in_b", 0) >= 0.75 or e.get("containment_b_in_a", 0) >= 0.75:
            parts.append(f"containment {max(e['containment_a_in_b'], e['containment_b_in_a']):.2f}")
        if e.get("shared_concepts"):
            parts.append(f"both address {', '.join(e['shared_concepts'])}")
        if e.get("via_children"):
            parts.append("heading read with the goals under it")
        if e.get("parallel_template"):
            parts.append("parallel template (another head noun)")
        if e.get("kpis"):
            parts.append(f"Kolada KPI {', '.join(e['kpis'])}")
        if self.cardinality != "1:1":
            parts.append(f"{self.cardinality} merge")
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
    mode: str = "many-to-one"

    @property
    def matches(self) -> list[Candidate]:
        return [c for c in self.candidates if c.assigned]

    def to_dict(self) -> dict:
        return {
            "org_a": self.org_a,
            "org_b": self.org_b,
            "mode": self.mode,
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
                "confidence": round(c.score, 3), "chosen": c.assigned,
                "mapping_cardinality": c.cardinality if c.assigned else "",
                "text_similarity": round(float(c.evidence["text"]), 3),
                "evidence": c.explanation(),
            }
            for c in self.candidates
        ]


def _short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def harmonise_items(
    items_a: list[GoalItem], items_b: list[GoalItem], settings: Settings | None = None,
    mode: str = "many-to-one",
) -> list[Candidate]:
    """The candidates between two goal sets, those chosen in ``mode`` marked ``assigned``."""
    settings = settings or load_settings()
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r} (allowed: {', '.join(MODES)})")
    found, chosen = align_sets(items_a, items_b, settings, mode)
    picked = {(p.a, p.b): p for p in chosen}
    label_a = {i.key: i.label for i in items_a}
    label_b = {i.key: i.label for i in items_b}
    kpis_a = {i.key: i.kpis for i in items_a}
    kpis_b = {i.key: i.kpis for i in items_b}
    result = []
    for pair in found:
        chosen_pair = picked.get((pair.a, pair.b))
        evidence = pair.evidence() | {"kpis": sorted(_short(k) for k in kpis_a[pair.a] & kpis_b[pair.b])}
        result.append(Candidate(
            pair.a, pair.b, label_a[pair.a], label_b[pair.b], round(pair.score, 4), pair.relation,
            evidence, assigned=chosen_pair is not None,
            cardinality=chosen_pair.cardinality if chosen_pair else "1:1",
        ))
    return result


def harmonise(
    graph: nx.DiGraph, org_a: str, org_b: str, settings: Settings | None = None,
    mode: str = "many-to-one", graph_b: nx.DiGraph | None = None,
    label_a: str | None = None, label_b: str | None = None,
) -> HarmonisationResult:
    """Align the goals of ``org_a`` with those of ``org_b``.

    Both may be in ``graph``; two versions of one organisation come in two graphs
    (``graph`` and ``graph_b``), since they may share goal IRIs.
    """
    settings = settings or load_settings()
    graph_b = graph_b if graph_b is not None else graph
    items_a = items_from_graph(graph, org_a)
    items_b = items_from_graph(graph_b, org_b)
    candidates = harmonise_items(items_a, items_b, settings, mode)
    matched_a = {c.a for c in candidates if c.assigned}
    matched_b = {c.b for c in candidates if c.assigned}
    unmatched_a = [_goal_summary(graph, i.key) for i in items_a if i.key not in matched_a]
    unmatched_b = [_goal_summary(graph_b, i.key) for i in items_b if i.key not in matched_b]
    return HarmonisationResult(
        label_a or org_a, label_b or org_b, len(items_a), len(items_b), candidates, unmatched_a,
        unmatched_b, coverage_gaps(graph, org_a, org_b, graph_b),
        merged_structure(items_a, items_b, candidates),
        settings, mode,
    )


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


def coverage_gaps(graph: nx.DiGraph, org_a: str, org_b: str,
                  graph_b: nx.DiGraph | None = None) -> dict[str, dict[str, list[str]]]:
    """Per kind (sdg, sdg_targets, objectives, public_health): covered only by A, only by B, by neither."""
    a, b = _covered(graph, org_a), _covered(graph if graph_b is None else graph_b, org_b)
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


MERGING_RELATIONS = ("exactMatch", "closeMatch")


def merged_structure(items_a: list[GoalItem], items_b: list[GoalItem],
                     candidates: list[Candidate]) -> list[MergedGoal]:
    """A proposed joint goal structure: goals joined by chosen exact or close links become
    one goal (several, when goals were merged or split), the rest are kept as they are.

    A merged goal's parent is the merged goal holding a source's parent (A's first);
    related links do not merge goals. Labels are A's (the first source's) wording.
    """
    merging = nx.Graph()
    items = {("a", i.key): i for i in items_a} | {("b", i.key): i for i in items_b}
    merging.add_nodes_from(items)
    relation: dict[frozenset, str] = {}
    for c in candidates:
        if c.assigned and c.relation in MERGING_RELATIONS:
            merging.add_edge(("a", c.a), ("b", c.b))
            relation[frozenset((("a", c.a), ("b", c.b)))] = c.relation
    order = {node: n for n, node in enumerate(items)}
    components = sorted(nx.connected_components(merging),
                        key=lambda comp: (min(items[n].depth or 99 for n in comp), min(order[n] for n in comp)))
    merged_of: dict[tuple[str, str], str] = {}
    nodes_of: dict[str, list[tuple[str, str]]] = {}
    merged: list[MergedGoal] = []
    for number, component in enumerate(components, start=1):
        sources = sorted(component, key=lambda n: order[n])
        mid = f"M{number}"
        for node in sources:
            merged_of[node] = mid
        nodes_of[mid] = sources
        relations = {relation[frozenset(e)] for e in merging.subgraph(component).edges}
        links = sorted({link.split("/", 1)[1] if link.startswith("sdg/") else link
                        for n in sources for link in items[n].links}, key=_sort_key)
        merged.append(MergedGoal(
            id=mid, label=items[sources[0]].label, parent=None, sources=[n[1] for n in sources],
            source_labels=[items[n].label for n in sources],
            relation=("closeMatch" if "closeMatch" in relations else "exactMatch") if relations else None,
            links=links,
        ))
    for item in merged:
        for side, key in nodes_of[item.id]:
            parent = items[(side, key)].parent
            if parent is not None and (side, parent) in merged_of and merged_of[(side, parent)] != item.id:
                item.parent = merged_of[(side, parent)]
                break
    return merged
