"""Suggest links from goals and indicators to SDG goals and targets, environmental
objectives and public-health areas, from their Swedish text (``concept_lexicon``: the
official names, the objectives' preciseringar, the target lexicon and stated numbers).

Each suggestion names the concept at the level the evidence supports — an SDG goal
("sdg/13") when the text names the goal, a target ("sdg/13.2") when a target's words
match — with the words that triggered it, the UN IRI, and a score *calibrated on the
development data*: ``suggest_calibration.yaml`` maps raw evidence strength to the share of
such suggestions that were right (written by ``benchmarks/evaluate_realdata.py``).
A goal with sub-goals (a programme, a heading) also addresses what its sub-goals address,
in proportion to how many of them do (``from_subgoals``). Accepting a suggestion writes the
link and an ``ssg:LinkJustification`` into the organisation's current goal-structure graph.

Also classifies steering documents by kind (organising, normative, activating,
regulating — the taxonomy used by e.g. Nyköping) when the register does not say.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx
import yaml
from rdflib import Graph

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis.concept_lexicon import Evidence, goal_level, match
from ssgraph.analysis.goal_items import GoalItem, items_from_graph
from ssgraph.errors import InputError, problem
from ssgraph.namespaces import SSG, SSGID, SSGREF, sparql_prefixes

UNKNOWN_METHOD = "analysis.unknown_method"
CALIBRATION_FILE = Path(__file__).resolve().parent / "suggest_calibration.yaml"
SCHEME_KINDS = {"sdg": "sdg", "miljomal": "objective", "folkhalsa": "public-health"}
KIND_PROPERTY = {"sdg": SSG.addressesSDG, "objective": SSG.addressesEnvironmentalObjective,
                 "public-health": SSG.addressesPublicHealthArea}
METHODS = ("manual", "lexical", "model")
SUBGOAL_DISCOUNT = 0.5  # a programme's concept from one of many sub-goals counts half
DEFAULT_MINIMUM = 0.5  # lowest calibrated score shown (chosen on the development data)

UNKNOWN_SUGGESTION = "analysis.unknown_suggestion"


@dataclass
class Suggestion:
    id: str
    subject: str
    subject_label: str
    subject_kind: str  # goal | indicator
    concept: str  # ssgref IRI
    concept_kind: str  # sdg | objective | public-health
    notation: str
    un_iri: str | None  # skos:exactMatch of an SDG concept (http://metadata.un.org/sdg/…)
    score: float  # calibrated: the share of such suggestions that were right on the development data
    triggers: list[str]
    raw_score: float = 0.0
    evidence: list[str] = field(default_factory=list)  # stated | name | precisering | term | from_subgoals


def suggestion_id(subject: str, concept: str) -> str:
    return "s" + hashlib.sha1(f"{subject}\n{concept}".encode()).hexdigest()[:8]


def un_iris(store) -> dict[str, str]:
    """ssgref SDG concept → the UN's IRI (``skos:exactMatch``)."""
    rows = store.select(sparql_prefixes() + """
SELECT ?c ?m WHERE { ?c skos:inScheme ssgref:sdg ; skos:exactMatch ?m }""")
    return {str(r["c"]): str(r["m"]) for r in rows}


@lru_cache(maxsize=2)
def load_calibration(path: Path = CALIBRATION_FILE) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(lower bounds of the raw-score bins, calibrated score of each bin)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    bins = sorted(data["bins"], key=lambda b: b["from"])
    return tuple(b["from"] for b in bins), tuple(b["calibrated"] for b in bins)


def calibrated(raw: float) -> float:
    lower, values = load_calibration()
    index = bisect.bisect_right(lower, raw) - 1
    return values[index] if index >= 0 else 0.0


def text_concepts(text: str) -> dict[str, Evidence]:
    """Concept key → evidence, at the level the words support (goal or target)."""
    return match(text)


def item_concepts(item: GoalItem, children: list[GoalItem] = ()) -> dict[str, Evidence]:
    """The concepts of a goal from its own text and, for a programme or heading, from its
    sub-goals: a concept found in k of n sub-goals adds its best score × (½ + ½·k/n)."""
    found = text_concepts(" ".join(filter(None, [item.label, item.description])))
    if not children:
        return found
    support: dict[str, list[Evidence]] = defaultdict(list)
    for child in children:
        for key, evidence in text_concepts(" ".join(filter(None, [child.label, child.description]))).items():
            support[goal_level(key)].append(evidence)
    for key, evidences in support.items():
        share = len(evidences) / len(children)
        best = max(evidences, key=lambda e: e.score)
        weight = best.score * (SUBGOAL_DISCOUNT + (1 - SUBGOAL_DISCOUNT) * share)
        words = [w for e in evidences for w in e.words]
        found.setdefault(key, Evidence()).add(weight, words, "from_subgoals")
    return found


def suggest_items(items: list[GoalItem], minimum: float = DEFAULT_MINIMUM, only_missing: bool = True,
                  kind: str = "goal", un: dict[str, str] | None = None) -> list[Suggestion]:
    """Suggestions for goal items (``minimum``: lowest calibrated score)."""
    un = un or {}
    by_key = {i.key: i for i in items}
    suggestions = []
    for item in items:
        present = {SCHEME_KINDS[k.split("/", 1)[0]] for k in item.links}
        children = [by_key[c] for c in item.children if c in by_key]
        for key, evidence in item_concepts(item, children).items():
            scheme, notation = key.split("/", 1)
            concept_kind = SCHEME_KINDS[scheme]
            score = calibrated(evidence.score)
            if score < minimum or (only_missing and concept_kind in present):
                continue
            concept = str(SSGREF[key])
            suggestions.append(Suggestion(
                suggestion_id(item.key, concept), item.key, item.label, kind, concept, concept_kind,
                notation, un.get(concept), round(score, 3), evidence.words,
                round(evidence.score, 3), sorted(evidence.kinds)))
    suggestions.sort(key=lambda s: (s.subject, -s.score, s.concept))
    return suggestions


def suggest(graph: nx.DiGraph, org: str, un: dict[str, str] | None = None,
            minimum: float = DEFAULT_MINIMUM, only_missing: bool = True) -> list[Suggestion]:
    """Suggestions for the goals and indicators of ``org``; with ``only_missing``, only for
    the kinds of link (SDG, objective, public health) a resource lacks."""
    found = suggest_items(items_from_graph(graph, org), minimum, only_missing, "goal", un)
    indicators = []
    for node in gg.nodes_of_kind(graph, "indicator", org):
        data = graph.nodes[node]
        links = {k for k in (_key(graph, c) for c in gg.links(graph, node)) if k}
        indicators.append(GoalItem(node, data.get("label", node), data.get("description", ""), links=links))
    found += suggest_items(indicators, minimum, only_missing, "indicator", un)
    found.sort(key=lambda s: (s.subject, -s.score, s.concept))
    return found


def as_dicts(suggestions: list[Suggestion]) -> list[dict]:
    return [asdict(s) for s in suggestions]


def accept(store, org: str, suggestions: list[Suggestion], ids: list[str],
           method: str = "lexical", now: dt.datetime | None = None, graph: str | None = None) -> int:
    """Write the chosen suggestions into ``graph`` (the organisation's current graph by
    default); returns how many."""
    from ssgraph.analysis.rdf_output import add_justification

    chosen = {s.id: s for s in suggestions}
    for wanted in ids:
        if wanted not in chosen:
            raise InputError(problem(UNKNOWN_SUGGESTION, id=wanted, org=org))
    if method not in METHODS:
        raise InputError(problem(UNKNOWN_METHOD, method=method, known=", ".join(METHODS)))
    target = graph or gg.select_versions(store, [org])[0].graph
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    additions = Graph()
    base = str(SSGID[f"org/{org}/suggestion"])
    for wanted in ids:
        s = chosen[wanted]
        add_justification(
            additions, base, s.subject, KIND_PROPERTY[s.concept_kind], s.concept, method, s.score,
            f"suggested from the words: {', '.join(s.triggers)}; accepted", None, now,
            match_words=s.triggers)
    store.add_triples(target, additions)
    return len(ids)


# -- document kinds --------------------------------------------------------------------------

KIND_WORDS = {
    "organising": ("reglemente", "delegationsordning", "arbetsordning", "bolagsordning",
                   "ägardirektiv", "organisation", "attestreglement"),
    "regulating": ("riktlinje", "regel", "rutin", "föreskrift", "taxa", "tillämpningsanvisning",
                   "anvisning", "instruktion", "lokala ordningsföreskrifter"),
    "activating": ("handlingsplan", "åtgärdsplan", "plan", "verksamhetsplan", "budget",
                   "aktivitetsplan"),
    "normative": ("policy", "program", "strategi", "vision", "värdegrund", "mål"),
}
CLASS_KIND = {"Policy": "normative", "Programme": "normative", "Strategy": "normative",
              "Plan": "activating", "Budget": "activating", "Guideline": "regulating",
              "Rule": "regulating"}


def classify_document(title: str, type_name: str | None = None) -> tuple[str | None, str]:
    """(kind, reason): from words in the title first, else from the document's class."""
    lowered = title.lower()
    for kind, cues in KIND_WORDS.items():
        for cue in cues:
            if cue in lowered:
                return kind, f"title contains “{cue}”"
    if type_name in CLASS_KIND:
        return CLASS_KIND[type_name], f"document type {type_name}"
    return None, "no cue"


def classify_documents(graph: nx.DiGraph, org: str) -> list[dict]:
    """Documents without ``ssg:documentKind``, with a proposed kind and the reason."""
    result = []
    for doc in gg.nodes_of_kind(graph, "document", org):
        data = graph.nodes[doc]
        if data.get("document_kind"):
            continue
        kind, reason = classify_document(data.get("label", ""), data.get("type"))
        result.append({"iri": doc, "title": data.get("label"), "type": data.get("type"),
                       "kind": kind, "kind_iri": str(SSGREF[f"ss854000/{kind}"]) if kind else None,
                       "reason": reason})
    return result


def evaluate(graph: nx.DiGraph, orgs: list[str], minimum: float = 0.5) -> dict[str, dict]:
    """Hide the existing links, suggest, compare: precision and recall at the target level
    and at the level of the SDG (1–17) / objective / area.

    Only resources with links take part, and for each only the schemes (SDG, objectives,
    public health) it has links in: an absent scheme may be unassessed rather than wrong.
    """
    tallies = {"target": [0, 0, 0], "goal": [0, 0, 0]}  # true positives, predicted, actual
    for org in orgs:
        for kind in ("goal", "indicator"):
            for node in gg.nodes_of_kind(graph, kind, org):
                actual = {_key(graph, c) for c in gg.links(graph, node)} - {None}
                if not actual:
                    continue
                data = graph.nodes[node]
                text = " ".join(filter(None, [data.get("label"), data.get("description")]))
                schemes = {k.split("/", 1)[0] for k in actual}  # judge only the schemes linked
                predicted = {k for k, e in text_concepts(text).items()
                             if calibrated(e.score) >= minimum and k.split("/", 1)[0] in schemes}
                for level, view in (("target", lambda s: s), ("goal", goal_level)):
                    a, p = {view(x) for x in actual}, {view(x) for x in predicted}
                    if level == "target":
                        p = {x for x in p if "." in x or not x.startswith("sdg/")}
                    tallies[level][0] += len(a & p)
                    tallies[level][1] += len(p)
                    tallies[level][2] += len(a)
    figures = {}
    for level, (tp, predicted, actual) in tallies.items():
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        figures[level] = {"precision": precision, "recall": recall, "f1": f1,
                          "true_positives": tp, "predicted": predicted, "actual": actual}
    return figures


def _key(graph: nx.DiGraph, concept: str) -> str | None:
    tail = concept[len(str(SSGREF)):] if concept.startswith(str(SSGREF)) else None
    return tail if tail and tail.split("/", 1)[0] in SCHEME_KINDS else None


def evaluate_document_kinds(graph: nx.DiGraph, orgs: list[str]) -> tuple[int, int]:
    """(correct, total): the classifier against the kinds the registers do state."""
    correct = total = 0
    for org in orgs:
        for doc in gg.nodes_of_kind(graph, "document", org):
            data = graph.nodes[doc]
            if data.get("document_kind"):
                total += 1
                correct += classify_document(data.get("label", ""), data.get("type"))[0] == data["document_kind"]
    return correct, total
