"""Words as index terms, and a query as groups of alternatives.

A text's terms are, for each word, the word itself, its lemma, its root (derivations
joined: "hållbarhet" → "hållbar") and the lemmas of its compound parts ("klimatmålen" →
"klimatmål", "klimat", "mål"), so a search for a part finds the compound and an inflected
form finds the dictionary form. A query word becomes the group of its own terms, plus its
lemma as a prefix ("klimat" finds "klimatpåverkan" even where the splitter does not split),
plus, for a compound, all its parts together ("klimatmål": "klimat" AND "mål", never "mål"
alone: a text about goals in general is not about climate goals); the groups of a query are
all required. A compound part that most documents contain ("mål" in a goal catalogue) is
not required: it would not narrow the search.

A word that names a kind of thing ("mål", "indikator", "kommun": ``kind_words``) is also
met by the type of a resource: its group gets the type tokens as alternatives, so "klimat
mål" finds goals about the climate whose text lacks "mål". So does a compound's part when
the whole word names no type ("klimatmål": "klimat" AND ("mål" or a goal); such a part is
kept, as a type, even where it is too common as a word).
"""

from __future__ import annotations

from functools import lru_cache

from ssgraph.analysis.language.morphology import compound_parts, lemma, root, tokens
from ssgraph.search.kind_words import token_of, types_named_by

MIN_PREFIX = 4  # shorter lemmas are not searched as prefixes ("mål*" would find "målare")


def _clean(term: str) -> str:
    return term.strip("-").replace("-", "")


def _unique(terms) -> list[str]:
    return [t for t in dict.fromkeys(terms) if t]


@lru_cache(maxsize=131072)
def word_terms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The index terms of one word: the word, its lemma and root; and its compound parts
    (kept once worked out: the texts of an organisation repeat the same words many times)."""
    whole = _unique([_clean(word), _clean(lemma(word)), _clean(root(word))])
    parts = _unique(_clean(part) for part in compound_parts(word))
    return tuple(whole), tuple(p for p in parts if p not in whole)


def prepare() -> None:
    """Read what analysing a word needs (the lemma dictionary, word frequencies, stemmer:
    about a second), so that the first search does not wait for it."""
    word_terms("klimatmålen")


def text_terms(text: str) -> str:
    """A text as the space-separated terms the index stores."""
    terms = []
    for word in tokens(text):
        whole, parts = word_terms(word)
        terms += whole
        terms += parts
    return " ".join(terms)


def query_groups(query: str, too_common=lambda term: False, types_of=None) -> list[list[str]]:
    """The groups of a query: one per word, its alternatives as FTS5 strings (``"x"``,
    ``"x"*``, a compound's parts ``("x" AND "y")``, a type token ``"_kgoal"``).

    ``too_common(term)`` says whether a compound part is found in so many documents that it
    would not narrow the search (such a part is dropped from its group); ``types_of(word)``
    the type keys a word names (see :mod:`ssgraph.search.kind_words`)."""
    types_of = types_of or types_named_by
    groups = []
    for word in tokens(query):
        whole, _ = word_terms(word)
        group = [_quoted(t) for t in whole]
        base = _clean(lemma(word))
        if len(base) >= MIN_PREFIX:
            group.append(_quoted(base) + "*")
        named = types_of(word)
        # all the parts, those that are the word's lemma too: "barnens" is split as "barn" +
        # "en", and "en" alone would find nearly everything
        parts = _unique(_clean(part) for part in compound_parts(word))
        required = [_part(t, () if named else types_of(t), too_common) for t in parts]
        required = [r for r in required if r] if len(parts) > 1 else []
        if required:
            group.append(required[0] if len(required) == 1 else "(" + " AND ".join(required) + ")")
        group += [_quoted(token_of(key)) for key in named]
        groups.append(list(dict.fromkeys(group)))
    return [g for g in groups if g]


def _part(term: str, types: tuple[str, ...], too_common) -> str:
    """A compound part as a required alternative: the word, or a type it names."""
    options = ([] if too_common(term) else [_quoted(term)]) + [_quoted(token_of(key)) for key in types]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")" if options else ""


def kind_readings(query: str, types_of=None) -> list[tuple[str, tuple[str, ...]]]:
    """The words (or compound parts) of a query read as types too, with the type keys each
    names, as :func:`query_groups` reads them."""
    types_of = types_of or types_named_by
    found = []
    for word in tokens(query):
        named = types_of(word)
        if named:
            found.append((word, named))
            continue
        parts = _unique(_clean(part) for part in compound_parts(word))
        found += [(part, types_of(part)) for part in parts if len(parts) > 1 and types_of(part)]
    return list(dict.fromkeys(found))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(groups: list[list[str]]) -> str:
    """An FTS5 MATCH expression: every group required, any term of a group."""
    return " AND ".join("(" + " OR ".join(group) + ")" for group in groups)
