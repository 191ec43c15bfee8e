"""Swedish word forms: tokens, lemmas, compound parts and roots.

Lemmas come from simplemma's Swedish dictionary (about 960,000 word forms, shipped in the
wheel, no download at run time). Compounds are split against the same dictionary, in the
manner of Koehn & Knight (2003, "Empirical methods for compound splitting"): among the
splits whose every part is a known word form of at least three letters, and whose last
part (the head) is not a derivational suffix, the one with the fewest parts, then the most
frequent parts (wordfreq's Swedish word frequencies, also shipped in its wheel); linking
letters (-s-, -e-, -a-, -o-, -u-) and the combining forms the dictionary knows ("hälso-",
"gymnasie-") are allowed between parts.
So short stems work: "klimatförändringarna" → klimat + förändring, "tandvård" → tand + vård.

A *root* joins derivations that lemmas keep apart ("försörjning", "försörjande",
"försörja" → "försörj"): the Snowball stem of the lemma without a derivational suffix.
"""

from __future__ import annotations

import importlib.metadata
import marshal
import os
import re
import threading
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import platformdirs
import simplemma
import snowballstemmer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import DefaultDictionaryFactory
from simplemma.strategies.dictionaries.dictionary_factory import MappingStrToByteString

LANG = "sv"
MIN_PART = 3
MIN_SPLIT = 6  # shorter words are never split
LINKING = ("s", "e", "a", "o", "u")
# Endings that are derivational suffixes or inflections, never the head of a compound
# ("hälsosam" is not hälso + "sam", "hållbarhet" is not hållbar + "het").
NOT_HEADS = frozenset(
    "sam het lig ligt liga ande ende ning ningen ningar else isk iska iskt ist ism ion ionen ioner "
    "tion itet are aren arna ning skap skapet dom bar bart bara barhet lös löst lösa full fullt ig igt "
    "iga era erar erad erat ade ader anden enhet kap".split()
) | frozenset("ska skall kan bör måste".split())  # auxiliaries: "kommunska" is "kommun ska" run together, not a school
# prefixes of derived words, not first members of compounds ("tillgänglig", "utbildning")
PARTICLES = frozenset(
    "till upp ut in av på för över under med mot om fram bort an be när efter samman genom "
    "ihop åter miss van sam".split())
DERIVATIONAL = ("ningar", "ningen", "ning", "ande", "ende", "else", "andet")

_WORD = re.compile(r"[a-zåäöéüà0-9]+(?:-[a-zåäöéü0-9]+)*-?", re.IGNORECASE)


class _CachedDictionaries:
    """simplemma's dictionary factory, with the decoded Swedish dictionary kept in a cache
    file (the user's cache folder, per simplemma version): decoding the shipped file takes
    about 3 s, reading the decoded form about 1 s. One instance serves both our look-ups
    and simplemma's lemmatiser, so the dictionary is read once per process. A cache that
    cannot be read or written is ignored (rebuilt from the shipped file)."""

    def __init__(self) -> None:
        self._loaded: dict[str, Mapping[str, str]] = {}
        self._reading = threading.Lock()  # a second thread waits for the first's read, not reads again

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang not in self._loaded:
            with self._reading:
                if lang not in self._loaded:
                    self._loaded[lang] = self._read(lang)
        return self._loaded[lang]

    @staticmethod
    def _read(lang: str) -> Mapping[str, str]:
        cache = Path(platformdirs.user_cache_dir("ssgraph")) / f"simplemma-{_SIMPLEMMA}-{lang}.marshal"
        try:
            return MappingStrToByteString(marshal.loads(cache.read_bytes()))
        except (OSError, ValueError, EOFError, TypeError):
            pass
        decoded = DefaultDictionaryFactory().get_dictionary(lang)
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(marshal.dumps(decoded._dict))
            partial.replace(cache)
        except (OSError, AttributeError, ValueError):
            pass
        return decoded


_SIMPLEMMA = importlib.metadata.version("simplemma")
_DICTIONARIES = _CachedDictionaries()
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_DICTIONARIES))


def _dictionary():
    return _DICTIONARIES.get_dictionary(LANG)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("swedish")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; a word ending in a hyphen ("hälso-") keeps it, since
    "hälso- och sjukvård" means "hälsovård och sjukvård"."""
    return [t.lower() for t in _WORD.findall(text or "")]


def known(form: str) -> bool:
    return form in _dictionary()


@lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """The dictionary form of a word (the word itself when the dictionary does not know it)."""
    word = word.rstrip("-").lower()
    if not word:
        return word
    found = _dictionary().get(word)
    if found is not None:
        return found.lower()
    return _LEMMATIZER.lemmatize(word, lang=LANG).lower()


@lru_cache(maxsize=131072)
def root(word: str) -> str:
    """A coarse root that joins derivations of one word (see the module docstring)."""
    base = _stemmer().stemWord(lemma(word))
    for suffix in DERIVATIONAL:
        if base.endswith(suffix) and len(base) - len(suffix) >= 4:
            return base[: -len(suffix)]
    return base


INFLECTIONS = ("", "en", "et", "er", "na", "ar", "or", "erna", "arna", "ens", "ets")
SHORT_PART_ZIPF = 3.5  # a three-letter part must be a common word ("mun", "tro", not "pet")


def _is_suffix(part: str) -> bool:
    return lemma(part) in NOT_HEADS or any(
        part.endswith(ending) and part[: len(part) - len(ending)] in NOT_HEADS for ending in INFLECTIONS)


def _part_ok(part: str, head: bool) -> bool:
    if len(part) < MIN_PART or not known(part):
        return False
    if len(part) == MIN_PART and _zipf(part) < SHORT_PART_ZIPF:
        return False
    if head:
        return not _is_suffix(part)
    return part not in PARTICLES


@lru_cache(maxsize=65536)
def _best_split(word: str) -> tuple[str, ...] | None:
    """The parts of ``word`` as a compound (None when it is not one), fewest parts first,
    then the longest head."""
    best: tuple[str, ...] | None = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        modifier, head = word[:cut], word[cut:]
        if not _part_ok(head, head=True):
            continue
        options = [modifier]
        if modifier[-1] in LINKING and len(modifier) > MIN_PART:
            options.append(modifier[:-1])  # a linking letter: "företags" → "företag"
        for first in options:
            if _part_ok(first, head=False):
                candidate = (first, head)
            elif len(first) >= 2 * MIN_PART:
                inner = _best_split(first)
                if inner is None:
                    continue
                candidate = (*inner, head)
            else:
                continue
            if best is None or _preference(candidate) < _preference(best):
                best = candidate
    return best


def _preference(parts: tuple[str, ...]) -> tuple[int, float]:
    """Fewest parts, then the most frequent parts (mean Zipf frequency, i.e. the geometric
    mean of the frequencies): "kunskaps|målen" over "kunskap|smålen", "grund|skolan" over
    "grunds|kolan"."""
    return (len(parts), -sum(_zipf(p) for p in parts) / len(parts))


@lru_cache(maxsize=131072)
def _zipf(word: str) -> float:
    # imported at its first use: importing wordfreq takes 0.4–1 s, which every command paid
    from wordfreq import zipf_frequency

    return zipf_frequency(word, LANG)


@lru_cache(maxsize=131072)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a compound as lemmas, head last; () for a simple word.

    As in Koehn & Knight, a word stays whole when it is more frequent than its parts
    (geometric mean): "kommun" is not "kom" + "mun". "klimatförändringarna" →
    ("klimat", "förändring").
    """
    word = word.rstrip("-").lower()
    if "-" in word:
        pieces = [p for p in word.split("-") if p]
        return tuple(lemma(p) for p in pieces) if len(pieces) > 1 else ()
    if len(word) < MIN_SPLIT:
        return ()
    parts = _best_split(word)
    if parts is None or sum(_zipf(p) for p in parts) / len(parts) <= _zipf(word):
        return ()
    return tuple(lemma(p) for p in parts)


COMMON_ZIPF = 5.3  # "tid", "del", "sätt": too common to say two compounds share a subject


def common_word(word: str) -> bool:
    """A word so common in Swedish that sharing it says little ("väntetid" / "restid")."""
    return _zipf(word) >= COMMON_ZIPF
