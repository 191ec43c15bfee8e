"""Which goals of one goal set correspond to which goals of another, and how.

Every pair of goals is scored from three kinds of evidence:

- **text** (``language.matching``): the soft alignment of the two texts over lemmas,
  compound parts and thesaurus concepts; the symmetric similarity, or the containment of
  the shorter text in the longer (a heading "Tandvård" inside "Länets invånare får …
  tillgänglig tandvård"), whichever is higher; a heading also stands for the goals under
  it (its text is read together with theirs);
- **bridge**: the SDG goals, environmental objectives and public-health areas both goals
  address — stated, or inferred from their words by ``concept_lexicon`` (so
  "…minska sin påverkan på miljön och klimatet" meets "Mål 13: Bekämpa
  klimatförändringarna");
- **parallel templates**: two texts that share their sentence but differ in the topic word
  ("… tillgänglig hälso- och sjukvård" / "… tillgänglig tandvård") lose part of their score.

The relation is ``exactMatch`` when the texts say the same (similarity ≥ ``exact``),
``closeMatch`` when the combined score reaches ``close``, ``relatedMatch`` from
``related``. Which candidates become links depends on the mode:

- ``one-to-one``: the maximum-weight matching (networkx);
- ``many-to-one`` (default): each goal's best counterpart in either direction (unless
  that counterpart has a much better partner outside the goal's own branch:
  ``dominance``), plus every further exact
  counterpart and every goal restated inside another — so two goals merged into one, or
  one goal split in two, show as such (``cardinality`` "n:1", "1:n");
- ``all``: every candidate.

In every mode a heading's link is dropped when a goal under it has the same counterpart
(the more specific pair stands for it). The thresholds and weights are data
(``harmonise_settings.yaml``), chosen on the development data by the benchmark.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx
import yaml

from ssgraph.analysis.concept_lexicon import goal_level
from ssgraph.analysis.goal_items import GoalItem
from ssgraph.analysis.language.matching import Alignment, align
from ssgraph.analysis.language.morphology import tokens
from ssgraph.analysis.language.profile import TextProfile, profile

SETTINGS_FILE = Path(__file__).resolve().parent / "harmonise_settings.yaml"
MODES = ("many-to-one", "one-to-one", "all")
CONCEPT_MINIMUM = 0.3  # inferred concepts below this score do not bridge
CHILD_SHARE = 0.7  # how much a heading's text read with its goals counts
HEADING_WORDS = 3  # a goal of at most this many content words reads as a heading
SENTENCE_VERBS = frozenset("ska skall har är blir får ges finns ökar minskar erbjuds kan".split())
SUBSTANTIAL_WEIGHT = 1.5  # a text of this much content (one head noun) can be contained
MAX_MATCHING_EDGES = 3000
MERGE_CONTAINMENT = 0.9  # a further link in many-to-one mode: the shorter goal restated in the longer


@dataclass(frozen=True)
class Settings:
    exact: float = 0.85
    close: float = 0.5
    related: float = 0.3
    bridge: float = 0.35
    containment: float = 0.8
    parallel: float = 0.6
    dominance: float = 0.5

    def replace(self, **changes: float) -> Settings:
        return Settings(**{**self.__dict__, **changes})


@lru_cache(maxsize=4)
def load_settings(path: Path = SETTINGS_FILE) -> Settings:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Settings(**data["thresholds"], **data["weights"])


@dataclass
class Pair:
    a: str
    b: str
    score: float
    relation: str | None
    text: float
    bridge: float
    alignment: Alignment
    shared_concepts: list[str] = field(default_factory=list)
    via_children: bool = False
    cardinality: str = "1:1"

    def evidence(self) -> dict[str, object]:
        al = self.alignment
        return {
            "text": round(self.text, 4), "similarity": round(al.similarity, 4),
            "containment_a_in_b": round(al.containment_ab, 4),
            "containment_b_in_a": round(al.containment_ba, 4),
            "shared_words": list(al.shared), "agreement": list(al.kinds),
            "bridge": round(self.bridge, 4), "shared_concepts": self.shared_concepts,
            "parallel_template": al.parallel, "via_children": self.via_children,
            "cardinality": self.cardinality,
        }


def _text_of(item: GoalItem) -> str:
    return item.label or ""


def item_concepts(item: GoalItem, children: list[GoalItem] = ()) -> dict[str, float]:
    """Goal-level concepts (``sdg/13``, ``miljomal/1``, ``folkhalsa/5``) the goal addresses:
    stated (1.0) or inferred by ``suggest`` from its words and its sub-goals' words."""
    from ssgraph.analysis.suggest import item_concepts as inferred

    found: dict[str, float] = {goal_level(k): 1.0 for k in item.links}
    for key, evidence in inferred(item, children).items():
        if evidence.score >= CONCEPT_MINIMUM:
            level = goal_level(key)
            found[level] = max(found.get(level, 0.0), evidence.score)
    return found


def _bridge(ca: dict[str, float], cb: dict[str, float]) -> tuple[float, list[str]]:
    shared = sorted(set(ca) & set(cb))
    if not shared:
        return 0.0, []
    overlap = sum(min(ca[k], cb[k]) for k in shared)
    return overlap / min(sum(ca.values()), sum(cb.values())), shared


def _heading_like(item: GoalItem, text: TextProfile) -> bool:
    """A heading, or a goal named in a few words rather than a sentence (no finite verb of
    intent such as "ska", "har", "är")."""
    if item.heading:
        return True
    words = set(tokens(item.label or ""))
    return not words & SENTENCE_VERBS and len([t for t in text.terms if t.weight >= 1.0]) <= HEADING_WORDS


class _Side:
    """One goal set, with the text profiles and concepts of its goals computed once."""

    def __init__(self, items: list[GoalItem]):
        self.items = {i.key: i for i in items}
        self.profiles: dict[str, TextProfile] = {i.key: profile(_text_of(i)) for i in items}
        self.extended: dict[str, TextProfile] = {}
        for item in items:
            if item.children and _heading_like(item, self.profiles[item.key]):
                texts = [_text_of(item)] + [_text_of(self.items[c]) for c in item.children]
                self.extended[item.key] = profile(" . ".join(texts))
        self.concepts = {i.key: item_concepts(i, [self.items[c] for c in i.children]) for i in items}


def score_pair(a: GoalItem, b: GoalItem, side_a: _Side, side_b: _Side, settings: Settings) -> Pair:
    al = align(side_a.profiles[a.key], side_b.profiles[b.key])
    text = max(al.similarity, settings.containment * _contained(al, side_a.profiles[a.key],
                                                                side_b.profiles[b.key]))
    via_children = False
    for key, other, extended, mine in ((a.key, b.key, side_a.extended, True), (b.key, a.key, side_b.extended, False)):
        if key in extended:
            wide = align(extended[key], (side_b if mine else side_a).profiles[other])
            contained = wide.containment_ba if mine else wide.containment_ab
            if CHILD_SHARE * contained > text:
                text, via_children = CHILD_SHARE * contained, True
    bridge, shared = _bridge(side_a.concepts[a.key], side_b.concepts[b.key])
    return _finish(Pair(a.key, b.key, 0.0, None, text, bridge, al, shared, via_children), settings)


def _contained(al: Alignment, pa: TextProfile, pb: TextProfile) -> float:
    """Containment of the shorter text in the longer, discounted when the shorter text has
    next to no words of its own ("Hållbar utveckling" is inside almost anything)."""
    shorter, contained = (pa, al.containment_ab) if pa.total_weight <= pb.total_weight else (pb, al.containment_ba)
    return contained * min(1.0, shorter.total_weight / SUBSTANTIAL_WEIGHT)


def _finish(pair: Pair, settings: Settings) -> Pair:
    """Score and relation of a pair under ``settings``."""
    score = pair.text + settings.bridge * pair.bridge * (1 - pair.text)
    if pair.alignment.parallel:
        score *= settings.parallel
    return Pair(pair.a, pair.b, score, relation_for(score, pair.alignment, settings), pair.text,
                pair.bridge, pair.alignment, pair.shared_concepts, pair.via_children)


def rescore(pairs: list[Pair], settings: Settings) -> list[Pair]:
    """The pairs scored again under other settings (those still candidates, best first)."""
    found = [p for p in (_finish(p, settings) for p in pairs) if p.relation is not None]
    found.sort(key=lambda p: (-p.score, p.a, p.b))
    return found


def relation_for(score: float, al: Alignment, settings: Settings) -> str | None:
    if al.similarity >= settings.exact and not al.parallel:
        return "exactMatch"
    if score >= settings.close:
        return "closeMatch"
    if score >= settings.related:
        return "relatedMatch"
    return None


def candidates(items_a: list[GoalItem], items_b: list[GoalItem], settings: Settings) -> list[Pair]:
    side_a, side_b = _Side(items_a), _Side(items_b)
    found = []
    for a in items_a:
        for b in items_b:
            pair = score_pair(a, b, side_a, side_b, settings)
            if pair.relation is not None:
                found.append(pair)
    found.sort(key=lambda p: (-p.score, p.a, p.b))
    return found


def select(pairs: list[Pair], items_a: list[GoalItem], items_b: list[GoalItem], settings: Settings,
           mode: str = "many-to-one") -> list[Pair]:
    """The candidates that become links in ``mode`` (see the module docstring)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    if mode == "all":
        chosen = list(pairs)
    elif mode == "one-to-one":
        chosen = _matching(pairs)
    else:
        best_a: dict[str, Pair] = {}
        best_b: dict[str, Pair] = {}
        for p in pairs:  # sorted by score
            best_a.setdefault(p.a, p)
            best_b.setdefault(p.b, p)
        family_a, family_b = _family(items_a), _family(items_b)
        headings_a = {i.key for i in items_a if i.heading or i.children}
        headings_b = {i.key for i in items_b if i.heading or i.children}
        chosen = [p for p in pairs
                  if _kept(p, best_a, best_b, settings, family_a, family_b, headings_a, headings_b) or _merge(p)]
    chosen = _prefer_specific(chosen, items_a, items_b)
    _mark_cardinality(chosen)
    return chosen


def _kept(p: Pair, best_a: dict[str, Pair], best_b: dict[str, Pair], settings: Settings,
          family_a: dict[str, set[str]], family_b: dict[str, set[str]],
          headings_a: set[str], headings_b: set[str]) -> bool:
    """Each goal's best counterpart — unless that counterpart has a much better partner of
    its own (``dominance``: the share of that partner's score this pair must reach). A
    partner in the goal's own branch (its heading, or a goal under it) does not compete
    when the counterpart is a goal sentence (neither a heading nor a goal with goals under
    it): a heading matched to a goal sentence stands for the goals under it, which may all
    correspond to that sentence. (Two headings matched to each other do not: their goals
    are matched among themselves.)"""
    if best_a[p.a] is p and best_b[p.b] is p:
        return True
    if best_a[p.a] is p:
        rival = best_b[p.b]
        same_branch = rival.a in family_a[p.a] and p.b not in headings_b
        return same_branch or p.score >= settings.dominance * rival.score
    if best_b[p.b] is p:
        rival = best_a[p.a]
        same_branch = rival.b in family_b[p.b] and p.a not in headings_a
        return same_branch or p.score >= settings.dominance * rival.score
    return False


def _family(items: list[GoalItem]) -> dict[str, set[str]]:
    """Each goal's ancestors and descendants (its branch of the structure)."""
    by_key = {i.key: i for i in items}
    family: dict[str, set[str]] = {key: set() for key in by_key}
    for key in by_key:
        for below in _descendants(key, by_key):
            family[key].add(below)
            family.setdefault(below, set()).add(key)
    return family


def _merge(pair: Pair) -> bool:
    """A link beyond each goal's best: the same goal, or one restated inside the other."""
    al = pair.alignment
    return pair.relation == "exactMatch" or (
        pair.relation == "closeMatch" and (al.ordered_ab or al.ordered_ba) and al.containment >= MERGE_CONTAINMENT)


def _matching(pairs: list[Pair]) -> list[Pair]:
    """Maximum-weight matching per connected component; components with more than
    ``MAX_MATCHING_EDGES`` edges are matched greedily by score (a 1/2-approximation, near
    optimal in practice, in linear time), so national-size structures stay fast."""
    graph = nx.Graph()
    for p in pairs:
        graph.add_edge(("a", p.a), ("b", p.b), weight=p.score)
    matched = set()
    for component in nx.connected_components(graph):
        part = graph.subgraph(component)
        if part.number_of_edges() <= MAX_MATCHING_EDGES:
            edges = nx.max_weight_matching(part)
        else:
            edges, used = [], set()
            for u, v, _ in sorted(part.edges(data="weight"), key=lambda e: (-e[2], e[0], e[1])):
                if u not in used and v not in used:
                    used.update((u, v))
                    edges.append((u, v))
        for u, v in edges:
            (side_u, key_u), (_, key_v) = u, v
            matched.add((key_u, key_v) if side_u == "a" else (key_v, key_u))
    return [p for p in pairs if (p.a, p.b) in matched]


def _descendants(key: str, items: dict[str, GoalItem]) -> set[str]:
    found, stack = set(), list(items[key].children) if key in items else []
    while stack:
        child = stack.pop()
        if child not in found:
            found.add(child)
            stack.extend(items[child].children if child in items else [])
    return found


def _prefer_specific(chosen: list[Pair], items_a: list[GoalItem], items_b: list[GoalItem]) -> list[Pair]:
    """Drop a goal's link when one of its sub-goals has the same counterpart at least as
    strongly."""
    by_a = {i.key: i for i in items_a}
    by_b = {i.key: i for i in items_b}
    linked = {(p.a, p.b): p.score for p in chosen}
    kept = []
    for p in chosen:
        below = [(d, p.b) for d in _descendants(p.a, by_a)] + [(p.a, d) for d in _descendants(p.b, by_b)]
        if any(linked.get(key, -1.0) >= p.score for key in below):
            continue
        kept.append(p)
    return kept


def _mark_cardinality(chosen: list[Pair]) -> None:
    per_a: dict[str, int] = defaultdict(int)
    per_b: dict[str, int] = defaultdict(int)
    for p in chosen:
        per_a[p.a] += 1
        per_b[p.b] += 1
    for p in chosen:
        many_a, many_b = per_b[p.b] > 1, per_a[p.a] > 1
        p.cardinality = f"{'n' if many_a else '1'}:{'n' if many_b else '1'}"


def align_sets(items_a: list[GoalItem], items_b: list[GoalItem], settings: Settings | None = None,
               mode: str = "many-to-one") -> tuple[list[Pair], list[Pair]]:
    """(all candidates, the chosen links) between two goal sets."""
    settings = settings or load_settings()
    found = candidates(items_a, items_b, settings)
    return found, select(found, items_a, items_b, settings, mode)
