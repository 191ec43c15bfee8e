"""Words that name a kind of thing ("mål", "indikator", "kommun", "goal", "municipality"): a
query word that is one of them is read as a filter by type as well as a text word, so
"klimat mål" finds the goals about the climate whether or not their text says "mål" (a hit
whose text holds the word still ranks by it).

The words live in the sv/en catalogue (``find.toml``): ``[kind_words.<kind>]`` for a kind of
:data:`documents.KINDS`, ``[kind_words.<kind>.<Class>]`` for a narrower class of that kind
(``organisation.Municipality``), each language a comma-separated list of single words.
A query word names a type when its form or lemma is one of a listed word's, or it is one
followed by an inflectional ending (compounds the lemma dictionary lacks: "miljömålen");
never by a derivational one ("målare" is no goal, "kommunal" no municipality).

Each indexed resource carries its type tokens (:func:`type_tokens`): its kind and the
classes typing it. They begin with "_", which the analyser never puts in a term (the index's
tokenizer keeps it as a token character), so no text word or prefix can match them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ssgraph import catalogue
from ssgraph.analysis.language.morphology import lemma

ENTRY_PREFIX = "find.kind_words."
# Swedish inflectional endings of nouns (definite, plural, genitive) and English plural ones
INFLECTIONS = ("s", "n", "t", "en", "et", "na", "ar", "er", "or", "ns", "ts", "ens", "ets", "nas", "arna", "erna",
               "orna", "ars", "ers", "ors", "arnas", "ernas", "ornas", "es")


def kind_token(kind: str) -> str:
    return "_k" + kind.replace("-", "")


def class_token(local_name: str) -> str:
    return "_c" + local_name.lower()


def type_tokens(doc) -> str:
    """The type tokens of an indexed resource (its kind and classes), space-separated."""
    return " ".join([kind_token(doc.kind)] + sorted(class_token(c) for c in doc.classes))


def token_of(type_key: str) -> str:
    """The token of a type key: a kind ("goal") or a kind's class ("organisation.Municipality")."""
    kind, _, local_name = type_key.partition(".")
    return class_token(local_name) if local_name else kind_token(kind)


def _forms(word: str) -> set[str]:
    word = word.strip().lower()
    return {word, lemma(word).lower()} - {""}


@lru_cache(maxsize=1)
def _types_by_form() -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for message_id in catalogue.ids():
        if not message_id.startswith(ENTRY_PREFIX):
            continue
        entry = catalogue.entry(message_id)
        for word in f"{entry.sv},{entry.en}".split(","):
            for form in _forms(word):
                found[form].add(message_id[len(ENTRY_PREFIX):])
    return {form: tuple(sorted(keys)) for form, keys in found.items()}


def types_named_by(word: str) -> tuple[str, ...]:
    """The type keys a query word names ("mål" → goal, objective, sdg, sdg-goal), or ()."""
    table = _types_by_form()
    forms = _forms(word)
    forms |= {form[:-len(ending)] for form in forms for ending in INFLECTIONS if form.endswith(ending)}
    return tuple(sorted({key for form in forms for key in table.get(form, ())}))


def type_keys() -> list[str]:
    """Every type key the catalogue names words for."""
    return sorted({key for keys in _types_by_form().values() for key in keys})
