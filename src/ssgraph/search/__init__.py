"""Full-text search over the store: goals, indicators, organisations, steering documents,
SDG targets and environmental objectives, by words in Swedish or English.

- ``analyser``: the words of a text as index terms (word, lemma, root, compound parts) and a
  query as groups of alternatives, with the Swedish morphology of ``analysis.language``;
- ``documents``: what is searchable in a graph, read from the store with bound terms;
- ``index``: the index itself, SQLite FTS5 beside the store (``search-index.sqlite`` in an
  embedded store's directory), ranked with BM25;
- ``maintenance``: keeping it current: every write through a store calls
  :func:`maintenance.after_write` (declared as a write observer in pyproject.toml), which
  re-indexes the graphs written; a store written by an older ssgraph is indexed when
  ``ssgraph serve`` starts, or at the first search.
"""

from ssgraph.search.index import Hit, SearchIndex
from ssgraph.search.maintenance import (
    KINDS,
    after_write,
    index_for,
    is_built,
    location_of,
    rebuild,
    search,
)

__all__ = ["KINDS", "Hit", "SearchIndex", "after_write", "index_for", "is_built", "location_of", "rebuild", "search"]
