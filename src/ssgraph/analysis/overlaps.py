"""Goals of one organisation that say the same thing, contain one another or overlap.

The same text machinery as harmonise (``language.matching``) decides the kind of each pair:

- **duplicate**: the two texts say the same (similarity ≥ ``exact`` of the harmonisation
  settings), or they are reworded (score ≥ ``close``, or measured by the same indicator)
  and state mostly the same SDG targets / objectives; never parallel templates;
- **contains**: the shorter goal is restated in the longer one, word for word in order
  (lemmas, its direction words included: ``matching.verbatim_in``), allowing insertions — "Länets invånare och företag har tillgång till …"
  contains "Länets invånare har tillgång till …"; a sentence restating three goals
  contains each of them (a many-to-one overlap);
- **overlap**: the combined score reaches ``close`` — the goals share part of their aim; to
  align, not to merge;
- **repeat**: a duplicate whose goals come from two versions of the structure (two goal
  sets, ``GoalItem.source``) — the same goal kept from one version to the next, which
  harmonisation aligns; not a merge. (One version's goals all share their source, so
  this only arises when several versions are examined together.)

A heading (a named area: ``GoalItem.heading``) is never *contained* in a goal: a goal
sentence that names the area is about it, not a restatement of it (that is an overlap).

Parallel templates ("… tillgänglig hälso- och sjukvård" / "… tillgänglig tandvård") are
never duplicates and never contain one another, and a goal never duplicates its own
ancestor (a sub-goal refines its parent). Duplicates are grouped only when every pair in
the group is a duplicate (complete linkage), so a chain of look-alikes cannot merge two
goals that differ; a container and the goals it restates form one group.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ssgraph.analysis.alignment import Pair, Settings, load_settings, score_pair
from ssgraph.analysis.alignment import _Side as Side
from ssgraph.analysis.goal_items import GoalItem
from ssgraph.analysis.language.matching import verbatim_in
from ssgraph.analysis.text_similarity import TextIndex

SAME_TARGETS = 0.5  # Jaccard overlap of stated SDG/objective/area links that counts as "the same"
CONTAINS_MINIMUM = 0.9  # share of the shorter goal found in the longer
CANDIDATES_PER_GOAL = 30  # blocking: only a goal's most similar texts are compared in full
LARGE = 400  # from this many goals on, candidates come from the TF-IDF index


@dataclass
class Overlap:
    a: str
    b: str
    kind: str  # duplicate | contains (a contains b) | overlap | repeat (a duplicate across versions)
    pair: Pair

    def evidence(self) -> dict[str, object]:
        return {"kind": self.kind, "score": round(self.pair.score, 3), **self.pair.evidence()}


def _lineage(items: dict[str, GoalItem], key: str) -> set[str]:
    seen, current = set(), items[key].parent
    while current is not None and current in items and current not in seen:
        seen.add(current)
        current = items[current].parent
    return seen


def _candidate_pairs(items: list[GoalItem]) -> list[tuple[str, str]]:
    keys = [i.key for i in items]
    if len(items) < LARGE:
        return [(a, b) for n, a in enumerate(keys) for b in keys[n + 1:]]
    index = TextIndex({i.key: i.label for i in items})
    pairs = set()
    for key in keys:
        near = sorted(index.neighbours(key, minimum=0.1).items(), key=lambda kv: -kv[1])[:CANDIDATES_PER_GOAL]
        pairs.update(tuple(sorted((key, other))) for other, _ in near)
    return sorted(pairs)


def _same_targets(a: GoalItem, b: GoalItem) -> bool:
    if not a.links or not b.links:
        return False
    return len(a.links & b.links) / len(a.links | b.links) >= SAME_TARGETS


def classify(pair: Pair, settings: Settings, a: GoalItem, b: GoalItem) -> tuple[str, bool] | None:
    """(kind, whether a contains b) of a scored pair, or None when unrelated."""
    al = pair.alignment
    if al.parallel:
        return None
    if al.similarity >= settings.exact:
        return "duplicate", False
    measured_alike = bool(a.indicators & b.indicators or a.kpis & b.kpis)
    if _same_targets(a, b) and (measured_alike or pair.score >= settings.close):
        return "duplicate", False  # reworded, with the same stated targets (and indicator)
    if not b.heading and al.containment_ba >= CONTAINS_MINIMUM and verbatim_in(b.label, a.label):
        return "contains", True  # b restated in a
    if not a.heading and al.containment_ab >= CONTAINS_MINIMUM and verbatim_in(a.label, b.label):
        return "contains", False  # a restated in b
    if pair.score >= settings.close:
        return "overlap", False
    return None


def find_overlaps(items: list[GoalItem], settings: Settings | None = None) -> list[Overlap]:
    """Every pair of goals (not ancestor and descendant) that duplicate, contain or overlap."""
    settings = settings or load_settings()
    by_key = {i.key: i for i in items}
    side = Side(items)
    lineage = {i.key: _lineage(by_key, i.key) for i in items}
    found = []
    for a, b in _candidate_pairs(items):
        if a in lineage[b] or b in lineage[a]:
            continue
        pair = score_pair(by_key[a], by_key[b], side, side, settings)
        kind = classify(pair, settings, by_key[a], by_key[b])
        if kind is None:
            continue
        name, a_contains_b = kind
        if name == "duplicate" and by_key[a].source != by_key[b].source:
            name = "repeat"
        if name == "contains" and not a_contains_b:
            pair = score_pair(by_key[b], by_key[a], side, side, settings)
            a, b = b, a
        found.append(Overlap(a, b, name, pair))
    return found


def groups(overlaps: list[Overlap]) -> list[tuple[str, list[str], list[Overlap]]]:
    """(kind, members, the pairs) of each group to merge: cliques of duplicates, and each
    container with the goals it restates. Overlaps and repeats are not grouped."""
    duplicates = nx.Graph()
    for o in overlaps:
        if o.kind == "duplicate":
            duplicates.add_edge(o.a, o.b, overlap=o)
    found = []
    used: set[frozenset] = set()
    for clique in sorted(nx.find_cliques(duplicates), key=lambda c: (-len(c), sorted(c))):
        members = sorted(clique)
        edges = [duplicates.edges[a, b]["overlap"] for n, a in enumerate(members) for b in members[n + 1:]]
        if any(frozenset((e.a, e.b)) in used for e in edges):
            continue
        used.update(frozenset((e.a, e.b)) for e in edges)
        found.append(("duplicate", members, edges))
    containers: dict[str, list[Overlap]] = {}
    for o in overlaps:
        if o.kind == "contains":
            containers.setdefault(o.a, []).append(o)
    for container, contained in sorted(containers.items()):
        found.append(("contains", [container, *sorted(o.b for o in contained)], contained))
    return found
