"""Keeping the search index current, and searching it.

Every write through a store ends in :func:`after_write` (a write observer, see
``ssgraph.store.observers``): the graphs written are read again and their rows replaced;
after a write whose graphs are unknown (a bulk load, an update over variable graphs) every
graph whose triple count differs from the count it was indexed at, every new graph and every
graph that is gone. Which graphs are archived versions is read from the version catalogue at
each refresh. An index that is missing or was left half-done (a failed refresh) is built whole
at the next search. A remote store's index (in the user's cache) exists from its first search
on; writes by other clients of a remote store are not seen (``ssgraph search --rebuild``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from ssgraph.namespaces import ONTOLOGY_GRAPH
from ssgraph.search.documents import KINDS, read_documents
from ssgraph.search.index import Hit, SearchIndex
from ssgraph.store.base import ARCHIVED_GRAPHS_QUERY
from ssgraph.store.binding import bind, iri
from ssgraph.store.derived import SUMMARIES_GRAPH

__all__ = ["KINDS", "INDEX_FILE", "after_write", "index_for", "is_built", "rebuild", "refresh", "search"]

INDEX_FILE = "search-index.sqlite"
NOT_INDEXED = {SUMMARIES_GRAPH}  # derived counts hold nothing to find
ONTOLOGY = str(ONTOLOGY_GRAPH)
log = logging.getLogger(__name__)

ALL_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
SOME_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { $graphs } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def index_path(location: str | Path) -> Path:
    """Where the index of the store at ``location`` lives: in an embedded store's directory,
    for a remote store in the user's cache, one file per endpoint."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        return Path(platformdirs.user_cache_dir("ssgraph")) / "search" / f"{digest}.sqlite"
    return Path(text).expanduser() / INDEX_FILE


def location_of(store) -> str | Path | None:
    directory = getattr(store, "directory", None)
    if directory is not None:
        return directory
    endpoints = getattr(store, "endpoints", None)
    return getattr(endpoints, "query", None)


def index_for(location: str | Path) -> SearchIndex:
    return SearchIndex(index_path(location))


def _counts(store, graphs: list[str] | None) -> dict[str, int]:
    if graphs is None:
        rows = store.select(ALL_COUNTS)
    else:
        rows = []
        for start in range(0, len(graphs), 200):
            rows += store.select(bind(SOME_COUNTS, graphs=[iri(g) for g in graphs[start:start + 200]]))
    return {str(r["g"]): int(r["n"]) for r in rows if str(r["g"]) not in NOT_INDEXED}


def _archived(store) -> set[str]:
    return {str(r["g"]) for r in store.select(ARCHIVED_GRAPHS_QUERY)}


def refresh(store, index: SearchIndex, graphs: Iterable[str] | None) -> list[str]:
    """Re-index ``graphs`` (None: whichever changed); returns the graphs re-indexed."""
    if graphs is None or not index.built():
        counts = _counts(store, None)
        indexed = index.indexed_graphs()
        if index.built():
            targets = [g for g in counts if indexed.get(g) != counts[g]] + [g for g in indexed if g not in counts]
        else:
            targets = sorted(set(counts) | set(indexed))
    else:
        targets = sorted({g for g in graphs if g and g not in NOT_INDEXED})
        counts = _counts(store, targets) if targets else {}
        if ONTOLOGY in targets and index.indexed_graphs().get(ONTOLOGY) != counts.get(ONTOLOGY):
            index.mark_built(False)  # another class hierarchy: what is a goal or a document may have changed
            return refresh(store, index, None)
    documents = read_documents(store, [g for g in targets if g in counts])
    for graph in targets:
        documents.setdefault(graph, [])  # gone, or nothing searchable in it
    index.replace(documents, counts, _archived(store))
    index.mark_built()
    return targets


def is_built(store) -> bool:
    """Whether the index of ``store`` exists and is of this version's kind (a store made by an
    earlier version has none, or one of another schema: the first search builds it again)."""
    location = location_of(store)
    if location is None or not index_path(location).exists():
        return False
    index = index_for(location)
    try:
        return index.built()
    finally:
        index.close()


def rebuild(store, location: str | Path | None = None) -> dict[str, int]:
    """Index every graph again from scratch; returns documents per kind."""
    path = index_path(location or location_of(store))
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    index = SearchIndex(path)
    try:
        refresh(store, index, None)
        return index.stats()
    finally:
        index.close()


def after_write(store, graphs: list[str] | None) -> None:
    """The write observer: re-index what a write through ``store`` changed."""
    location = location_of(store)
    if location is None:
        return
    path = index_path(location)
    if str(location).startswith(("http://", "https://")) and not path.exists():
        return  # a remote store nobody searched yet: its index is made at the first search
    index = SearchIndex(path)
    try:
        refresh(store, index, graphs)
    except Exception:
        index.mark_built(False)  # the next search indexes everything again
        raise
    finally:
        index.close()


def search(store, location: str | Path, query: str, **options) -> tuple[list[Hit], int, bool]:
    """Hits for ``query``, their count and whether it is exact (see :meth:`SearchIndex.search`
    for ``options``); an index not yet
    built (a store from before the index) is built first, from ``store``."""
    index = index_for(location)
    try:
        if not index.built():
            refresh(store, index, None)
        return index.search(query, **options)
    finally:
        index.close()
