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
"""

from __future__ import annotations

from ssgraph.analysis.language.morphology import compound_parts, lemma, root, tokens

MIN_PREFIX = 4  # shorter lemmas are not searched as prefixes ("mål*" would find "målare")


def _clean(term: str) -> str:
    return term.strip("-").replace("-", "")


def _unique(terms) -> list[str]:
    return [t for t in dict.fromkeys(terms) if t]


def word_terms(word: str) -> tuple[list[str], list[str]]:
    """The index terms of one word: the word, its lemma and root; and its compound parts."""
    whole = _unique([_clean(word), _clean(lemma(word)), _clean(root(word))])
    parts = _unique(_clean(part) for part in compound_parts(word))
    return whole, [p for p in parts if p not in whole]


def prepare() -> None:
    """Read what analysing a word needs (the lemma dictionary, word frequencies, stemmer:
    about a second), so that the first search does not wait for it."""
    word_terms("klimatmålen")


def text_terms(text: str) -> str:
    """A text as the space-separated terms the index stores."""
    terms = []
    for word in tokens(text):
        whole, parts = word_terms(word)
        terms += whole + parts
    return " ".join(terms)


def query_groups(query: str, too_common=lambda term: False) -> list[list[str]]:
    """The groups of a query: one per word, its alternatives as FTS5 strings (``"x"``,
    ``"x"*`` or a compound's parts ``("x" AND "y")``).

    ``too_common(term)`` says whether a compound part is found in so many documents that it
    would not narrow the search (such a part is dropped from its group)."""
    groups = []
    for word in tokens(query):
        whole, parts = word_terms(word)
        group = [_quoted(t) for t in whole]
        base = _clean(lemma(word))
        if len(base) >= MIN_PREFIX:
            group.append(_quoted(base) + "*")
        required = [_quoted(t) for t in parts if not too_common(t)]
        if required:
            group.append(required[0] if len(required) == 1 else "(" + " AND ".join(required) + ")")
        groups.append(list(dict.fromkeys(group)))
    return [g for g in groups if g]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(groups: list[list[str]]) -> str:
    """An FTS5 MATCH expression: every group required, any term of a group."""
    return " AND ".join("(" + " OR ".join(group) + ")" for group in groups)
