"""A goal text as weighted terms: lemma, root, compound parts and thesaurus concepts.

Each content word of a text is one :class:`Term`. Function words are dropped; generic
words ("hållbar", "utveckling", "god", "kommun") and proper names (capitalised inside a
sentence, such as the organisation's own name) keep a low weight; the *head* — the last
content word before the first subordinate phrase ("… tillgänglig tandvård", "… digitala
tjänster utifrån deras behov") — weighs more, so that parallel templates differing in it
("hälso- och sjukvård" / "tandvård") are not taken for the same goal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ssgraph.analysis.language.morphology import compound_parts, known, lemma, root, tokens
from ssgraph.analysis.language.thesaurus import Thesaurus, load_thesaurus

HEAD_WEIGHT = 1.5
PROPER_WEIGHT = 0.1
# words that open a phrase modifying what came before: the head is the last content word
# before the first of them
PHRASE_OPENERS = frozenset(
    "med utifrån genom där som samt för efter via vilket enligt inom bland hos mot".split())
_SENTENCE_START = re.compile(r"(^|[.:;!?–—]\s*)$")
_NUMBER_PREFIX = re.compile(r"^\s*(mål|delmål|goal)\s*\d+[a-z]?\s*[:.]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    surface: str
    lemma: str
    root: str
    parts: tuple[str, ...]  # compound parts as lemmas, head last; () for a simple word
    concepts: frozenset[str]  # thesaurus concepts of the word or of a phrase it is in
    inherited: frozenset[str]  # concepts of its compound head (a narrower term)
    weight: float
    position: int

    @property
    def compound_head(self) -> str | None:
        return self.parts[-1] if self.parts else None

    @cached_property
    def signature(self) -> tuple:
        """What ``matching.agreement`` reads of the term (its key in the agreement cache)."""
        return (self.lemma, self.root, self.parts, self.concepts, self.inherited)


@dataclass(frozen=True)
class TextProfile:
    text: str
    terms: tuple[Term, ...]
    head: int | None  # index into terms

    @property
    def total_weight(self) -> float:
        return sum(t.weight for t in self.terms)

    @property
    def concepts(self) -> frozenset[str]:
        return frozenset(c for t in self.terms for c in t.concepts)

    def lemmas(self) -> list[str]:
        return [t.lemma for t in self.terms]


def _proper_names(text: str) -> set[int]:
    """Positions (in the token list) of capitalised words that do not start a sentence, or
    that the dictionary does not know ("Stenungsunds kommun ska …")."""
    found = set()
    position = 0
    for match in re.finditer(r"[A-Za-zÅÄÖåäöÉéÜü0-9]+(?:-[A-Za-zÅÄÖåäöéü0-9]+)*-?", text or ""):
        word = match.group(0)
        if word[0].isupper() and not word.isupper() and (
                not _SENTENCE_START.search(text[: match.start()]) or not known(word.lower())):
            found.add(position)
        position += 1
    return found


def _phrase_concepts(keys: list[str], thesaurus: Thesaurus) -> dict[int, set[str]]:
    """Concepts of multi-word terms, by the positions (in ``keys``) they cover."""
    found: dict[int, set[str]] = {}
    for size in range(thesaurus.longest_term, 1, -1):
        for start in range(len(keys) - size + 1):
            concepts = thesaurus.terms.get(tuple(keys[start:start + size]))
            if concepts:
                for i in range(start, start + size):
                    found.setdefault(i, set()).update(concepts)
    return found


@lru_cache(maxsize=65536)
def profile(text: str, thesaurus: Thesaurus | None = None) -> TextProfile:
    thesaurus = thesaurus or load_thesaurus()
    text = _NUMBER_PREFIX.sub("", text or "")
    words = tokens(text)
    proper = _proper_names(text)
    content: list[tuple[int, str, str]] = []  # (position, surface, lemma)
    head_limit = None
    for position, surface in enumerate(words):
        if surface in PHRASE_OPENERS and content and head_limit is None:
            head_limit = len(content)
        lemma_ = lemma(surface)
        if len(surface.rstrip("-")) < 2 or thesaurus.is_function(surface, lemma_):
            continue
        content.append((position, surface, lemma_))
    phrase = _phrase_concepts([c[2] for c in content], thesaurus)
    terms = []
    for index, (position, surface, lemma_) in enumerate(content):
        parts = () if position in proper else compound_parts(surface)
        concepts = (set(thesaurus.terms.get((lemma_,), ())) | set(thesaurus.terms.get((surface,), ()))
                    | phrase.get(index, set()))
        inherited: frozenset[str] = frozenset()
        if parts and not concepts:
            inherited = frozenset(thesaurus.terms.get((parts[-1],), ()))
        if position in proper:
            weight = PROPER_WEIGHT
        elif lemma_ in thesaurus.generic or surface in thesaurus.generic:
            weight = thesaurus.generic_weight
        else:
            weight = 1.0
        terms.append(Term(surface, lemma_, root(surface), parts, frozenset(concepts), inherited,
                          weight, position))
    head = _head(terms, head_limit if head_limit is not None else len(terms), thesaurus)
    if head is not None:
        t = terms[head]
        terms[head] = Term(t.surface, t.lemma, t.root, t.parts, t.concepts, t.inherited,
                           t.weight * HEAD_WEIGHT, t.position)
    return TextProfile(text, tuple(terms), head)


def _head(terms: list[Term], limit: int, thesaurus: Thesaurus) -> int | None:
    """The last full-weight content word before ``limit`` (else the last one at all)."""
    for candidates in (range(min(limit, len(terms)) - 1, -1, -1), range(len(terms) - 1, -1, -1)):
        for i in candidates:
            if terms[i].weight >= 1.0:
                return i
    return None
