"""What a goal text addresses: SDG goals and targets, environmental quality objectives
(miljömål) and public-health target areas, found from its Swedish words.

The lexicon joins four sources, each a file of the project:

- the official Swedish names of the 17 SDGs (and their common variants), of the 16
  objectives and of the 8 public-health areas, read from ``data/reference`` (a goal named
  "Bekämpa klimatförändringarna" or "God bebyggd miljö" addresses that goal);
- ``miljomal_preciseringar_sv.yaml``: key terms of the objectives' preciseringar;
- ``lexicon_sv.yaml``: Swedish terms → SDG targets, objectives and areas, written from the
  official target texts;
- numbers stated in the text: "(MILJÖMÅL 1)", "miljökvalitetsmål 7", "SDG 13",
  "globala mål 5"; "Mål 3:" counts only when the SDG's name follows, since municipalities
  number their own goals the same way.

A term matches a word with the same lemma or root, or a compound that has it as a part
("klimat" in "klimatförändringarna", "avfall" in "hushållsavfallet") unless the compound
is a term of its own ("företagsklimat" is business, not climate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ssgraph.analysis.language.morphology import lemma, root, tokens
from ssgraph.analysis.language.profile import TextProfile, profile
from ssgraph.analysis.language.thesaurus import load_thesaurus
from ssgraph.paths import REFERENCE_DIR

HERE = Path(__file__).resolve().parent
LEXICON_FILE = HERE / "lexicon_sv.yaml"
PRECISERINGAR_FILE = HERE / "miljomal_preciseringar_sv.yaml"
SCHEMES = {"sdg": "sdg", "miljomal": "miljomal", "folkhalsa": "folkhalsa"}
NAME_WEIGHT = 0.9
STATED_WEIGHT = 0.97
NUMBER_ONLY_WEIGHT = 0.35
PRECISERING_WEIGHT = 0.55

_STATED = [
    (re.compile(r"miljö(?:kvalitets)?mål(?:et)?\s*(?:nr\.?\s*)?(\d{1,2})\b", re.I), "miljomal", 16),
    (re.compile(r"\b(?:sdg|globala?\s+mål(?:et)?|agenda\s*2030[-:s ]*mål(?:et)?|fn:s\s+mål)\s*(?:nr\.?\s*)?(\d{1,2})\b", re.I),
     "sdg", 17),
]
_GOAL_NUMBER = re.compile(r"^\s*mål\s+(\d{1,2})\s*[:.–-]", re.I)


@dataclass(frozen=True)
class Entry:
    terms: tuple[tuple[str, ...], ...]  # each term as lemmas of its content words
    surface: tuple[str, ...]
    links: tuple[str, ...]  # "sdg/11.6", "sdg/13", "miljomal/2", "folkhalsa/5"
    weight: float
    kind: str  # name | precisering | term


@dataclass
class Evidence:
    score: float = 0.0
    words: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)

    def add(self, weight: float, words: list[str], kind: str) -> None:
        self.score = 1 - (1 - self.score) * (1 - weight)
        self.words.extend(w for w in words if w not in self.words)
        self.kinds.add(kind)


def _key(term: str) -> tuple[str, ...]:
    function = load_thesaurus().function
    return tuple(lemma(t) for t in tokens(term) if t not in function and lemma(t) not in function) or (term,)


def _reference_names() -> list[tuple[str, str]]:
    """(scheme/notation, Swedish name) for SDG goals, objectives and public-health areas."""
    from rdflib import Graph
    from rdflib.namespace import SKOS

    found = []
    for scheme in SCHEMES:
        graph = Graph().parse(REFERENCE_DIR / f"{scheme}.ttl")
        for concept, notation in graph.subject_objects(SKOS.notation):
            notation = str(notation)
            if "." in notation or notation == "0":
                continue  # names of goals, objectives and areas only, not of targets
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(concept, prop):
                    if getattr(label, "language", None) == "sv" and not re.match(r"(mål|delmål) \d", str(label), re.I):
                        found.append((f"{scheme}/{notation}", str(label)))
    return found


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON_FILE) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    for key, name in _reference_names():
        entries.append(Entry((_key(name),), (name,), (key,), NAME_WEIGHT, "name"))
    preciseringar = yaml.safe_load(PRECISERINGAR_FILE.read_text(encoding="utf-8"))
    for number, terms in preciseringar["objectives"].items():
        entries.append(Entry(tuple(_key(t) for t in terms), tuple(terms), (f"miljomal/{number}",),
                             PRECISERING_WEIGHT, "precisering"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for raw in data["entries"]:
        entries.append(Entry(tuple(_key(t) for t in raw["terms"]), tuple(raw["terms"]),
                             tuple(raw["links"]), float(raw.get("weight", 0.6)), "term"))
    return tuple(entries)


@lru_cache(maxsize=1)
def _whole_terms() -> frozenset[str]:
    return frozenset(t[0] for e in load_lexicon() for t in e.terms if len(t) == 1)


def _word_matches(term_lemma: str, word) -> bool:
    if word.lemma == term_lemma or word.surface == term_lemma or word.root == root(term_lemma):
        return True
    return bool(word.parts) and word.lemma not in _whole_terms() and term_lemma in word.parts


def _term_hits(term: tuple[str, ...], text: TextProfile) -> list[str] | None:
    hits = []
    for wanted in term:
        word = next((w for w in text.terms if _word_matches(wanted, w)), None)
        if word is None:
            return None
        hits.append(word.surface)
    return hits


def stated_numbers(text: str) -> dict[str, str]:
    """Links the text states by number: "sdg/13" → the words that state it."""
    found = {}
    for pattern, scheme, highest in _STATED:
        for match in pattern.finditer(text or ""):
            number = int(match.group(1))
            if 1 <= number <= highest:
                found[f"{scheme}/{number}"] = match.group(0)
    return found


def match(text: str, lexicon: tuple[Entry, ...] | None = None) -> dict[str, Evidence]:
    """Concept key ("sdg/13", "sdg/11.6", "miljomal/1") → the evidence for it in ``text``."""
    lexicon = lexicon or load_lexicon()
    analysed = profile(text or "")
    # a word can only match a term word it shares a lemma, form, root or compound part with
    forms = {x for t in analysed.terms for x in (t.lemma, t.surface, *t.parts)}
    roots = {t.root for t in analysed.terms}
    found: dict[str, Evidence] = {}
    for entry in lexicon:
        for term in entry.terms:
            if not all(w in forms or root(w) in roots for w in term):
                continue
            hits = _term_hits(term, analysed)
            if hits is None:
                continue
            for link in entry.links:
                found.setdefault(link, Evidence()).add(entry.weight, hits, entry.kind)
            break
    for key, words in stated_numbers(text).items():
        found.setdefault(key, Evidence()).add(STATED_WEIGHT, [words], "stated")
    numbered = _GOAL_NUMBER.match(text or "")
    if numbered and f"sdg/{int(numbered.group(1))}" in found:
        found[f"sdg/{int(numbered.group(1))}"].add(STATED_WEIGHT, [numbered.group(0).strip()], "stated")
    elif numbered and 1 <= int(numbered.group(1)) <= 17:
        found.setdefault(f"sdg/{int(numbered.group(1))}", Evidence()).add(
            NUMBER_ONLY_WEIGHT, [numbered.group(0).strip()], "number")
    return found


def goal_level(key: str) -> str:
    """"sdg/11.6" → "sdg/11"; other keys unchanged."""
    scheme, notation = key.split("/", 1)
    return f"{scheme}/{notation.split('.', 1)[0]}" if scheme == "sdg" else key
