"""Suggest links from goals and indicators to SDG targets, environmental objectives and
public-health areas, from their Swedish text, with a lexicon (``lexicon_sv.yaml``).

A lexicon term matches a word with the same Snowball stem, or a compound that contains the
term's stem (five letters or more): "avfall" finds "hushållsavfallet". Scores combine the
weights of the matching entries as a noisy-or, so two independent cues beat one.
Accepting a suggestion writes the link and an ``ssg:LinkJustification`` into the
organisation's current goal-structure graph.

Also classifies steering documents by kind (organising, normative, activating,
regulating — the taxonomy used by e.g. Nyköping) when the register does not say.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx
import yaml
from rdflib import Graph

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis.text_similarity import stem, words
from ssgraph.errors import InputError, problem
from ssgraph.messages import define
from ssgraph.namespaces import SSG, SSGID, SSGREF, sparql_prefixes

UNKNOWN_METHOD = define(
    "analysis.unknown_method",
    sv="Okänd metod {method} (tillåtna: {known}).",
    en="Unknown method {method} (allowed: {known}).",
)
LEXICON_FILE = Path(__file__).resolve().parent / "lexicon_sv.yaml"
SCHEME_KINDS = {"sdg": "sdg", "miljomal": "objective", "folkhalsa": "public-health"}
KIND_PROPERTY = {"sdg": SSG.addressesSDG, "objective": SSG.addressesEnvironmentalObjective,
                 "public-health": SSG.addressesPublicHealthArea}
METHODS = ("manual", "lexical", "model")

UNKNOWN_SUGGESTION = define(
    "analysis.unknown_suggestion",
    sv="Förslaget {id} finns inte för {org} (kör ”ssgraph suggest {org}” för att se förslagen).",
    en="Suggestion {id} does not exist for {org} (run “ssgraph suggest {org}” to list them).",
)


@dataclass(frozen=True)
class LexiconEntry:
    terms: tuple[tuple[str, ...], ...]  # each term as its word stems
    surface: tuple[str, ...]
    links: tuple[str, ...]  # "sdg/11.6", "miljomal/2", "folkhalsa/5"
    weight: float


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_FILE) -> tuple[LexiconEntry, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = []
    for raw in data["entries"]:
        terms = tuple(tuple(stem(w) for w in words(t)) or (t,) for t in raw["terms"])
        entries.append(LexiconEntry(terms, tuple(raw["terms"]), tuple(raw["links"]),
                                    float(raw.get("weight", 0.6))))
    return tuple(entries)


def _token_matches(term_stem: str, word: str) -> bool:
    token = stem(word)
    return token == term_stem or (len(term_stem) >= 5 and term_stem in word)


def match(text: str, lexicon: tuple[LexiconEntry, ...]) -> dict[str, tuple[float, list[str]]]:
    """Concept key ("sdg/11.6") → (score, the words that triggered it) for a text."""
    tokens = words(text)
    found: dict[str, tuple[float, list[str]]] = {}
    for entry in lexicon:
        triggers: list[str] = []
        for term in entry.terms:
            hits = [next((w for w in tokens if _token_matches(s, w)), None) for s in term]
            if all(hits):
                triggers.extend(h for h in hits if h not in triggers)
        if not triggers:
            continue
        for link in entry.links:
            score, words_so_far = found.get(link, (0.0, []))
            found[link] = (1 - (1 - score) * (1 - entry.weight),
                           words_so_far + [t for t in triggers if t not in words_so_far])
    return found


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
    score: float
    triggers: list[str]


def suggestion_id(subject: str, concept: str) -> str:
    return "s" + hashlib.sha1(f"{subject}\n{concept}".encode()).hexdigest()[:8]


def un_iris(store) -> dict[str, str]:
    """ssgref SDG concept → the UN's IRI (``skos:exactMatch``)."""
    rows = store.select(sparql_prefixes() + """
SELECT ?c ?m WHERE { ?c skos:inScheme ssgref:sdg ; skos:exactMatch ?m }""")
    return {str(r["c"]): str(r["m"]) for r in rows}


def suggest(graph: nx.DiGraph, org: str, un: dict[str, str] | None = None,
            minimum: float = 0.3, only_missing: bool = True,
            lexicon: tuple[LexiconEntry, ...] | None = None) -> list[Suggestion]:
    """Suggestions for the goals and indicators of ``org``; with ``only_missing``, only for
    the kinds of link (SDG, objective, public health) a resource lacks."""
    lexicon = lexicon or load_lexicon()
    un = un or {}
    suggestions = []
    for kind in ("goal", "indicator"):
        for node in gg.nodes_of_kind(graph, kind, org):
            data = graph.nodes[node]
            present = {graph.nodes[c].get("kind") for c in gg.links(graph, node)}
            text = " ".join(filter(None, [data.get("label"), data.get("description")]))
            for key, (score, triggers) in match(text, lexicon).items():
                scheme, notation = key.split("/", 1)
                concept_kind = SCHEME_KINDS[scheme]
                if score < minimum or (only_missing and concept_kind in present):
                    continue
                concept = str(SSGREF[key])
                suggestions.append(Suggestion(
                    suggestion_id(node, concept), node, data.get("label", node), kind, concept,
                    concept_kind, notation, un.get(concept), round(score, 3), triggers))
    suggestions.sort(key=lambda s: (s.subject, -s.score, s.concept))
    return suggestions


def as_dicts(suggestions: list[Suggestion]) -> list[dict]:
    return [asdict(s) for s in suggestions]


def accept(store, org: str, suggestions: list[Suggestion], ids: list[str],
           method: str = "lexical", now: dt.datetime | None = None) -> int:
    """Write the chosen suggestions into the organisation's current graph; returns how many."""
    from ssgraph.analysis.rdf_output import add_justification

    chosen = {s.id: s for s in suggestions}
    for wanted in ids:
        if wanted not in chosen:
            raise InputError(problem(UNKNOWN_SUGGESTION, id=wanted, org=org))
    if method not in METHODS:
        raise InputError(problem(UNKNOWN_METHOD, method=method, known=", ".join(METHODS)))
    version = gg.select_versions(store, [org])[0]
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    additions = Graph()
    base = str(SSGID[f"org/{org}/suggestion"])
    for wanted in ids:
        s = chosen[wanted]
        add_justification(
            additions, base, s.subject, KIND_PROPERTY[s.concept_kind], s.concept, method, s.score,
            f"suggested from the words: {', '.join(s.triggers)}; accepted", None, now,
            match_words=s.triggers)
    store.add_triples(version.graph, additions)
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


def evaluate(graph: nx.DiGraph, orgs: list[str], minimum: float = 0.3) -> dict[str, dict]:
    """Hide the existing links, suggest, compare: precision and recall at the target level
    and at the level of the SDG (1–17) / objective / area.

    Only resources with links take part, and for each only the schemes (SDG, objectives,
    public health) it has links in: an absent scheme may be unassessed rather than wrong.
    """
    lexicon = load_lexicon()
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
                predicted = {k for k, (score, _) in match(text, lexicon).items()
                             if score >= minimum and k.split("/", 1)[0] in schemes}
                for level, view in (("target", lambda s: s), ("goal", _coarse)):
                    a, p = {view(x) for x in actual}, {view(x) for x in predicted}
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


def _coarse(key: str) -> str:
    scheme, notation = key.split("/", 1)
    return f"{scheme}/{notation.split('.', 1)[0]}" if scheme == "sdg" else key


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
