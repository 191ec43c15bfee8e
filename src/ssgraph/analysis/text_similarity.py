"""Similarity of short Swedish texts (goal and indicator wordings).

Texts are lower-cased, split into words, stripped of stop words and stemmed with the
Snowball Swedish stemmer, so that inflections meet ("utsläppen", "utsläpp"). Each stem
also contributes its character 4-grams, so that compounds meet their parts
("växthusgasutsläpp" ~ "utsläpp av växthusgaser"). Features are TF-IDF weighted over
the texts being compared, so the words every goal uses ("öka", "andel") count little.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from functools import lru_cache

import snowballstemmer

NGRAM = 4
NGRAM_WEIGHT = 0.5
DENSE_LIMIT = 40_000_000  # texts × features up to which similarities come from one matrix product  # a word's n-grams together weigh about as much as the word itself

STOP_WORDS = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett han men var jag sig
    från vi så kan man när år säga hon under också efter eller nu sin där vid mot ska skall
    vara alla andra detta dessa deras dess denna blir bli blivit ha hade ut upp in sina
    samt genom hos inom mellan över utan vilka vilket vilken där här mer mest än både
    ny nya vårt vår våra vi oss alla samtliga genom bland kommunen kommunens regionen
    regionens region kommun verksamheten verksamheter verksamheternas ska
    län länet länets landsting landstinget landstingets regionförbundet kommunerna
    """.split()
)
# Words that give a goal its direction or size rather than its topic ("ska öka", "fler",
# "andelen"): nearly every goal has one, so they say nothing about which goals correspond.
DIRECTION_WORDS = frozenset(
    """
    öka ökar ökad ökade ökat minska minskar minskad minskade minskat stärka stärks stärkas
    stärkt förbättra förbättras förbättrad förbättrade utveckla utvecklas höja höjas sänka
    fler flera färre andel andelen antal antalet hög högre låg lägre god goda bra bättre
    mer mindre samtliga
    """.split()
)

_WORD = re.compile(r"[a-zåäöéü0-9]+")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def words(text: str) -> list[str]:
    """The content words of a text, lower-cased, in order (stop words removed)."""
    return [w for w in _WORD.findall(text.lower())
            if w not in STOP_WORDS and w not in DIRECTION_WORDS and len(w) > 1]


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def ngrams(token: str, n: int = NGRAM) -> list[str]:
    padded = f"#{token}#"
    if len(padded) <= n:
        return [padded]
    return [padded[i : i + n] for i in range(len(padded) - n + 1)]


def features(text: str) -> Counter:
    """Bag of features: stems ("w:") and their character n-grams ("g:")."""
    bag: Counter = Counter()
    for token in stems(text):
        bag["w:" + token] += 1.0
        grams = ngrams(token)
        for gram in grams:
            bag["g:" + gram] += NGRAM_WEIGHT / math.sqrt(len(grams))
    return bag


class TextIndex:
    """TF-IDF vectors of a set of texts, with cosine similarity between any two of them."""

    def __init__(self, texts: Mapping[Hashable, str]):
        bags = {key: features(text or "") for key, text in texts.items()}
        document_frequency: Counter = Counter()
        for bag in bags.values():
            document_frequency.update(bag.keys())
        total = max(len(bags), 1)
        self.idf = {f: math.log((1 + total) / (1 + df)) + 1.0 for f, df in document_frequency.items()}
        self.vectors: dict[Hashable, dict[str, float]] = {}
        self.postings: dict[str, list[tuple[Hashable, float]]] = defaultdict(list)
        for key, bag in bags.items():
            vector = {f: (1 + math.log(c)) * self.idf[f] if c >= 1 else c * self.idf[f]
                      for f, c in bag.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            vector = {f: v / norm for f, v in vector.items()}
            self.vectors[key] = vector
            for f, v in vector.items():
                self.postings[f].append((key, v))
        self.texts = dict(texts)
        self._matrix = None
        self._word_cache: dict[Hashable, list[tuple[str, str]]] = {}

    def similarity(self, a: Hashable, b: Hashable) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(f, 0.0) for f, v in va.items())

    def _similarity_matrix(self):
        """All pairwise similarities as one dense product, when that fits in memory."""
        if self._matrix is None and len(self.vectors) * len(self.postings) <= DENSE_LIMIT:
            import numpy as np

            keys = list(self.vectors)
            column = {f: i for i, f in enumerate(self.postings)}
            dense = np.zeros((len(keys), len(column)), dtype=np.float32)
            for row, key in enumerate(keys):
                for f, v in self.vectors[key].items():
                    dense[row, column[f]] = v
            self._matrix = ({k: i for i, k in enumerate(keys)}, keys, dense @ dense.T)
        return self._matrix

    def neighbours(
        self, key: Hashable, candidates: Iterable[Hashable] | None = None, minimum: float = 0.0
    ) -> dict[Hashable, float]:
        """Similarity of ``key`` to every text sharing a feature with it (optionally restricted)."""
        allowed = set(candidates) if candidates is not None else None
        matrix = self._similarity_matrix()
        if matrix is not None:
            position, keys, products = matrix
            row = products[position[key]]
            found = {}
            for i in (row > max(minimum, 1e-9)).nonzero()[0]:
                other = keys[i]
                if other != key and (allowed is None or other in allowed):
                    found[other] = float(row[i])
            return found
        scores: dict[Hashable, float] = defaultdict(float)
        for f, v in self.vectors[key].items():
            for other, w in self.postings[f]:
                if other != key and (allowed is None or other in allowed):
                    scores[other] += v * w
        return {k: s for k, s in scores.items() if s >= minimum}

    def _words(self, key: Hashable) -> list[tuple[str, str]]:
        cached = self._word_cache.get(key)
        if cached is None:
            cached = self._word_cache[key] = [(w, stem(w)) for w in words(self.texts[key])]
        return cached

    def shared_words(self, a: Hashable, b: Hashable) -> list[str]:
        """The words of ``a`` whose stem also occurs in ``b``, or that share a long part with it."""
        stems_b = [s for _, s in self._words(b)]
        shared: list[str] = []
        for word, s in self._words(a):
            if s in stems_b or any(_shares_part(s, other) for other in stems_b):
                if word not in shared:
                    shared.append(word)
        return shared


def _shares_part(a: str, b: str, minimum: int = 5) -> bool:
    """True when one stem contains the other and the shorter one is at least ``minimum`` long."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= minimum and short in long_
