"""The governance thesaurus (``thesaurus_sv.yaml``): concepts, generic and function words.

Terms are stored as lemma sequences without function words, so "hälso- och sjukvård"
matches "hälso- och sjukvården" and "sjukvård och hälsovård" is two terms, not one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ssgraph.analysis.language.morphology import lemma, tokens

THESAURUS_FILE = Path(__file__).resolve().parent / "thesaurus_sv.yaml"


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    related: frozenset[str]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Thesaurus:
    concepts: dict[str, Concept]
    terms: dict[tuple[str, ...], frozenset[str]]  # lemma sequence → concept ids
    generic: frozenset[str]  # lemmas
    generic_weight: float
    function: frozenset[str]  # lemmas and surface forms
    sources: tuple[dict, ...]
    longest_term: int

    def is_function(self, surface: str, lemma_: str) -> bool:
        return surface in self.function or lemma_ in self.function

    def related(self, a: str, b: str) -> bool:
        return b in self.concepts[a].related or a in self.concepts[b].related


def term_key(term: str, function: frozenset[str]) -> tuple[str, ...]:
    """A term as the lemmas of its content words."""
    return tuple(lemma(t) for t in tokens(term) if t not in function and lemma(t) not in function)


@lru_cache(maxsize=4)
def load_thesaurus(path: Path = THESAURUS_FILE) -> Thesaurus:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    function_words = frozenset(data["function"]["words"])
    function = function_words | frozenset(lemma(w) for w in function_words)
    concepts: dict[str, Concept] = {}
    terms: dict[tuple[str, ...], set[str]] = {}
    for raw in data["concepts"]:
        concepts[raw["id"]] = Concept(raw["id"], raw["sv"], frozenset(raw.get("related", ())),
                                      tuple(raw.get("sources", ())))
        for term in [raw["sv"], *raw["terms"]]:
            key = term_key(term, function)
            if key:
                terms.setdefault(key, set()).add(raw["id"])
            if len(key) == 1:  # the lemmatiser may read a base form as another word's form
                terms.setdefault((term.lower(),), set()).add(raw["id"])
    unknown = {r for c in concepts.values() for r in c.related} - set(concepts)
    if unknown:
        raise ValueError(f"{path.name}: related concepts not defined: {', '.join(sorted(unknown))}")
    generic = frozenset(lemma(w) for w in data["generic"]["words"]) | frozenset(data["generic"]["words"])
    return Thesaurus(
        concepts, {k: frozenset(v) for k, v in terms.items()}, generic - function,
        float(data["generic"]["weight"]), function, tuple(data["sources"]),
        max(len(k) for k in terms),
    )
