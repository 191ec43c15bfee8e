"""How far two goal texts say the same thing: soft term alignment over text profiles.

Each term of one text is aligned with one counterpart in the other (best first); how well two
terms agree is graded (:data:`AGREEMENT`): the same lemma or root fully, thesaurus
synonyms nearly, a word and a compound with it as head ("hälsa" / "munhälsa", a narrower
term) or two compounds with the same head ("tandvård" / "sjukvård") partly, related
thesaurus concepts and shared compound modifiers a little. From the alignment:

- ``containment(a→b)``: the weighted share of a's terms found in b — asymmetric, so a
  heading ("Tandvård") is fully contained in a goal sentence about it;
- ``similarity``: the soft Dice of the two (both directions together);
- ``parallel``: both texts share most of their words but each keeps its head noun without
  counterpart — the templates "… tillgänglig hälso- och sjukvård" / "… tillgänglig tandvård";
- ``ordered``: all of a's words occur in b in order (a restated in b verbatim).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ssgraph.analysis.language.morphology import common_word, lemma, root, tokens
from ssgraph.analysis.language.profile import Term, TextProfile  # noqa: F401 (Term in annotations)
from ssgraph.analysis.language.thesaurus import Thesaurus, load_thesaurus

AGREEMENT = {
    "same": 1.0,
    "synonym": 0.75,
    "narrower": 0.6,  # one is the head of the other's compound
    "same-head": 0.45,  # compounds sharing their head
    "related": 0.4,  # related thesaurus concepts
    "modifier": 0.3,  # a shared compound modifier ("arbetsgivare" / "arbetsvillkor")
}
FULL = 0.75  # a term aligned at least this well counts as present in the other text
PARALLEL_SHARED = 0.5  # share of each text that two parallel templates have in common


@lru_cache(maxsize=1 << 18)
def _default_agreement(a: tuple, b: tuple) -> tuple[float, str | None]:
    """``agreement`` under the shipped thesaurus, by the terms' signatures: the same pairs
    of words recur across the goals of an organisation, so consolidating a few hundred
    goals (tens of thousands of pairs) computes each pair of words once."""
    return agreement(_Signed(*a), _Signed(*b), load_thesaurus())


@dataclass(frozen=True)
class _Signed:
    lemma: str
    root: str
    parts: tuple[str, ...]
    concepts: frozenset[str]
    inherited: frozenset[str]


def agreement(a: Term, b: Term, thesaurus: Thesaurus) -> tuple[float, str | None]:
    if a.lemma == b.lemma or a.root == b.root:
        return AGREEMENT["same"], "same"
    if a.concepts & b.concepts:
        return AGREEMENT["synonym"], "synonym"
    senses_differ = bool(a.concepts and b.concepts) and not any(
        thesaurus.related(x, y) for x in a.concepts for y in b.concepts)
    if senses_differ:  # "företagsklimat" is not a kind of "klimat"
        return 0.0, None
    if (a.parts and a.parts[-1] == b.lemma) or (b.parts and b.parts[-1] == a.lemma):
        return AGREEMENT["narrower"], "narrower"
    if (a.inherited & b.concepts) or (b.inherited & a.concepts):
        return AGREEMENT["narrower"], "narrower"
    if a.parts and b.parts and a.parts[-1] == b.parts[-1] and not common_word(a.parts[-1]):
        return AGREEMENT["same-head"], "same-head"
    if any(thesaurus.related(x, y) for x in a.concepts | a.inherited for y in b.concepts | b.inherited):
        return AGREEMENT["related"], "related"
    if set(a.parts[:-1]) & ({b.lemma} | set(b.parts[:-1])) or set(b.parts[:-1]) & {a.lemma}:
        return AGREEMENT["modifier"], "modifier"
    return 0.0, None


@dataclass(frozen=True)
class Alignment:
    containment_ab: float
    containment_ba: float
    similarity: float
    parallel: bool
    ordered_ab: bool
    ordered_ba: bool
    shared: tuple[str, ...]  # words of a with a counterpart in b (for the evidence)
    kinds: tuple[str, ...]  # how they agree ("same", "synonym", …)

    @property
    def containment(self) -> float:
        return max(self.containment_ab, self.containment_ba)


def _same_word(part: str, term: Term) -> bool:
    return part == term.lemma or part == term.surface or root(part) == term.root


def _compounds_as_phrases(compounds, words, best_c, best_w) -> None:
    """A compound whose every part is a separate word of the other text says the same:
    "växthusgasutsläpp" = "utsläpp av växthusgaser"."""
    for i, term in enumerate(compounds):
        if not term.parts or best_c[i][2] is not None:
            continue
        matched = []
        for part in term.parts:
            j = next((j for j, w in enumerate(words) if best_w[j][2] is None and j not in matched
                      and _same_word(part, w)), None)
            if j is None:
                break
            matched.append(j)
        else:
            best_c[i] = (AGREEMENT["same"], "same", matched[-1])
            for j in matched:
                best_w[j] = (AGREEMENT["same"], "same", i)


def _aligned(terms_a, terms_b, thesaurus) -> tuple[list, list]:
    """Each term's counterpart in the other text, one to one, best agreements first: two
    synonyms in one text do not both count against the same word of the other."""
    scored = []
    shipped = thesaurus is load_thesaurus()
    for i, a in enumerate(terms_a):
        for j, b in enumerate(terms_b):
            score, kind = (_default_agreement(a.signature, b.signature) if shipped
                           else agreement(a, b, thesaurus))
            if score > 0:
                scored.append((score, -(a.weight + b.weight), i, j, kind))
    scored.sort(reverse=True)
    best_a: list = [(0.0, None, None)] * len(terms_a)
    best_b: list = [(0.0, None, None)] * len(terms_b)
    _compounds_as_phrases(terms_a, terms_b, best_a, best_b)
    _compounds_as_phrases(terms_b, terms_a, best_b, best_a)
    for score, _, i, j, kind in scored:
        if best_a[i][2] is None and best_b[j][2] is None:
            best_a[i], best_b[j] = (score, kind, j), (score, kind, i)
    return best_a, best_b


def _ordered(terms_a, terms_b) -> bool:
    """All full-weight words of a occur in b with the same lemma, in the same order."""
    wanted = [t.lemma for t in terms_a if t.weight >= 0.3]
    if not wanted:
        return False
    lemmas = iter(t.lemma for t in terms_b)
    return all(any(w == x for x in lemmas) for w in wanted)


def _share_found(terms, best) -> float:
    total = sum(t.weight for t in terms)
    found = sum(t.weight for t, (score, _, _) in zip(terms, best, strict=True) if score >= FULL)
    return found / total if total else 0.0


def _parallel(a: TextProfile, b: TextProfile, best_ab, best_ba) -> bool:
    """The same sentence around another head noun: each head is left without counterpart
    and most of both texts is shared."""
    if a.head is None or b.head is None:
        return False
    heads_left = best_ab[a.head][0] < FULL and best_ba[b.head][0] < FULL
    return heads_left and min(_share_found(a.terms, best_ab), _share_found(b.terms, best_ba)) >= PARALLEL_SHARED


def align(a: TextProfile, b: TextProfile, thesaurus: Thesaurus | None = None) -> Alignment:
    thesaurus = thesaurus or load_thesaurus()
    if not a.terms or not b.terms:
        return Alignment(0.0, 0.0, 0.0, False, False, False, (), ())
    best_ab, best_ba = _aligned(a.terms, b.terms, thesaurus)
    found_ab = sum(t.weight * s for t, (s, _, _) in zip(a.terms, best_ab, strict=True))
    found_ba = sum(t.weight * s for t, (s, _, _) in zip(b.terms, best_ba, strict=True))
    weight_a, weight_b = a.total_weight, b.total_weight
    parallel = _parallel(a, b, best_ab, best_ba)
    return Alignment(
        containment_ab=found_ab / weight_a if weight_a else 0.0,
        containment_ba=found_ba / weight_b if weight_b else 0.0,
        similarity=(found_ab + found_ba) / (weight_a + weight_b),
        parallel=parallel,
        ordered_ab=_ordered(a.terms, b.terms),
        ordered_ba=_ordered(b.terms, a.terms),
        shared=tuple(t.surface for t, (s, _, _) in zip(a.terms, best_ab, strict=True) if s > 0),
        kinds=tuple(sorted({k for s, k, _ in best_ab if k})),
    )


# words a restatement may drop or add without changing what is said
_GLUE = frozenset("och i att en ett av för till med på som de den det samt".split())


def verbatim_in(short: str, long: str) -> bool:
    """Every word of ``short`` (lemmas; direction and generic words included, only glue
    words left out) occurs in ``long`` in the same order: "stark konkurrenskraft" is
    restated in "… har stark konkurrenskraft, hög och jämlik livskvalitet …", while
    "förbättrad kompetensförsörjning" is not in "… bidrar till en hållbar
    kompetensförsörjning"."""
    wanted = [lemma(t) for t in tokens(short) if t not in _GLUE]
    if not wanted:
        return False
    found = iter(lemma(t) for t in tokens(long))
    return all(any(w == x for x in found) for w in wanted)
