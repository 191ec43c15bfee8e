"""The search index: SQLite FTS5 in one file beside the store.

Tables: ``doc`` (one row per searchable resource per graph: kind, organisation, names,
SDGs), ``doc_terms`` (FTS5 over the analysed terms of the names and of the other texts,
and the resource's type tokens (:func:`type_tokens`: its kind and classes, which a word
naming a kind matches); rowid = doc.id, ranked by BM25 with names weighing more and the
types not at all), ``graph_state`` (each indexed
graph, the triple count it was indexed at and whether it is an archived version) and
``doc_vocab`` (how many documents hold a term: a compound part found in most documents
does not narrow a search).

Writers replace a graph's rows in one transaction; readers see either the old or the new
rows (WAL), so the web reads while the CLI writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ssgraph.search.analyser import fts_query, query_groups, text_terms
from ssgraph.search.documents import ORG_NAMESPACE, Document
from ssgraph.search.kind_words import kind_token, type_tokens

SCHEMA_VERSION = "2"  # 2: the type tokens
NAME_WEIGHT = 4.0  # BM25 weight of the names against the other texts
COMMON_SHARE = 0.15  # a compound part in more than this share of documents is too common
COUNTED_HITS = 1000  # hits counted exactly up to this many; more are "more than 1,000"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS graph_state (graph TEXT PRIMARY KEY, triples INTEGER, archived INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS doc (
  id INTEGER PRIMARY KEY, graph TEXT NOT NULL, iri TEXT NOT NULL, kind TEXT NOT NULL, org TEXT,
  name_sv TEXT, name_en TEXT, detail TEXT, sdgs TEXT);
CREATE INDEX IF NOT EXISTS doc_graph ON doc(graph);
CREATE INDEX IF NOT EXISTS doc_iri ON doc(iri);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_terms USING fts5(names, texts, types, tokenize = 'unicode61 remove_diacritics 0 tokenchars _');
CREATE VIRTUAL TABLE IF NOT EXISTS doc_vocab USING fts5vocab(doc_terms, 'row');
"""


@dataclass(frozen=True)
class Hit:
    iri: str
    kind: str
    org: str
    name: str
    detail: str
    sdgs: list[str]
    graph: str
    score: float

    def to_dict(self) -> dict:
        return self.__dict__.copy()


class SearchIndex:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._drop_older_layout()
        self.db.executescript(SCHEMA)

    def _drop_older_layout(self) -> None:
        """An index written by an older ssgraph (no type tokens) is dropped: the next search
        or write builds it whole (``built()`` is then false)."""
        columns = [row[1] for row in self.db.execute("PRAGMA table_info(doc_terms)")]
        if columns and "types" not in columns:
            self.db.executescript("DROP TABLE IF EXISTS doc_vocab; DROP TABLE IF EXISTS doc_terms; "
                                  "DROP TABLE IF EXISTS doc; DROP TABLE IF EXISTS graph_state; DELETE FROM meta;")

    def close(self) -> None:
        self.db.close()

    # -- state ---------------------------------------------------------------------------
    def built(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return row is not None and row[0] == SCHEMA_VERSION

    def mark_built(self, built: bool = True) -> None:
        if built:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        else:
            self.db.execute("DELETE FROM meta WHERE key = 'schema'")

    def indexed_graphs(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT graph, triples FROM graph_state"))

    # -- writing -------------------------------------------------------------------------
    def replace(self, documents: dict[str, list[Document]], triples: dict[str, int],
                archived: set[str] | None = None) -> None:
        """Replace the rows of each graph in ``documents`` (an empty list: the graph is gone
        or holds nothing searchable), in one transaction."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for graph, docs in documents.items():
                ids = [row[0] for row in db.execute("SELECT id FROM doc WHERE graph = ?", (graph,))]
                db.executemany("DELETE FROM doc_terms WHERE rowid = ?", [(i,) for i in ids])
                db.execute("DELETE FROM doc WHERE graph = ?", (graph,))
                if graph in triples:
                    db.execute("INSERT OR REPLACE INTO graph_state (graph, triples) VALUES (?, ?)",
                               (graph, triples[graph]))
                else:
                    db.execute("DELETE FROM graph_state WHERE graph = ?", (graph,))
                self._insert(_with_inherited_sdgs(docs))
            if archived is not None:
                db.execute("UPDATE graph_state SET archived = 0")
                db.executemany("UPDATE graph_state SET archived = 1 WHERE graph = ?", [(g,) for g in archived])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('documents', (SELECT COUNT(*) FROM doc))")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _insert(self, docs: Iterable[Document]) -> None:
        for doc in docs:
            if not doc.names:
                continue  # a resource named elsewhere (an organisation in its goal structure's graph)
            detail = next((t for t in doc.descriptions if t not in doc.names.values()), "")
            cursor = self.db.execute(
                "INSERT INTO doc (graph, iri, kind, org, name_sv, name_en, detail, sdgs) VALUES (?,?,?,?,?,?,?,?)",
                (doc.graph, doc.iri, doc.kind, doc.org, doc.name("sv"), doc.name("en"), detail[:300],
                 " ".join(sorted(doc.sdgs, key=int))))
            names = " ".join(dict.fromkeys(doc.names.values()))
            others = " ".join(t for t in doc.texts if t not in doc.names.values())
            self.db.execute("INSERT INTO doc_terms (rowid, names, texts, types) VALUES (?, ?, ?, ?)",
                            (cursor.lastrowid, text_terms(names), text_terms(others), type_tokens(doc)))

    # -- reading -------------------------------------------------------------------------
    def _too_common(self):
        total = self._documents()

        def too_common(term: str) -> bool:
            row = self.db.execute("SELECT doc FROM doc_vocab WHERE term = ?", (term,)).fetchone()
            return bool(row) and row[0] > COMMON_SHARE * total
        return too_common

    def _documents(self) -> int:
        """How many documents the index holds: kept in ``meta`` by every write (counting them
        costs some 10 ms a search); an index written before that gets it at its first search."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()
        if row is None:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('documents', (SELECT COUNT(*) FROM doc))")
            row = self.db.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()
        return int(row[0]) or 1

    def search(self, query: str, *, kinds: Iterable[str] = (), orgs: Iterable[str] = (),
               sdgs: Iterable[str] = (), archived: bool = False, lang: str = "sv",
               limit: int = 50, offset: int = 0) -> tuple[list[Hit], int, bool]:
        """The best ``limit`` hits from ``offset``, how many there are in all, and whether
        that count is exact: hits are counted up to ``COUNTED_HITS`` (or the page asked for,
        if further) and beyond that the count says "at least" (as Elasticsearch's
        ``track_total_hits``): counting 20,000 hits exactly costs more than finding the best."""
        groups = query_groups(query, self._too_common())
        if not groups:
            return [], 0, True
        kinds = list(kinds)
        if kinds:  # the type filter in the full-text match too: the best rows are then all of those types
            groups.append(['"' + kind_token(kind) + '"' for kind in kinds])
        match = fts_query(groups)
        where, params = [], []
        for column, values in (("d.kind", kinds), ("d.org", list(orgs))):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params += values
        for number in sdgs:
            where.append("(' ' || d.sdgs || ' ') LIKE ?")
            params.append(f"% {number} %")
        if not archived:
            where.append("COALESCE(s.archived, 0) = 0")
        joined = "JOIN doc d ON d.id = doc_terms.rowid LEFT JOIN graph_state s ON s.graph = d.graph"
        conditions = "".join(f" AND {w}" for w in where)
        bound = max(COUNTED_HITS, offset + limit)
        total = self.db.execute(f"SELECT COUNT(*) FROM (SELECT DISTINCT d.iri FROM doc_terms {joined} "
                                f"WHERE doc_terms MATCH ?{conditions} LIMIT ?)", [match, *params, bound + 1]).fetchone()[0]
        exact = total <= bound
        if not total:
            return [], 0, True
        ranked = self._ranked_by_text if not (orgs or sdgs) else self._ranked_with_filters
        rows = ranked(match, joined, conditions, params, offset + limit, lang)
        chosen = rows[offset:offset + limit]
        return [Hit(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", (r[5] or "").split(), r[6], -float(r[7]))
                for r in chosen], min(total, bound) if not exact else total, exact

    # one hit per resource (the same IRI may be indexed from several graphs): the best rows
    # are read in order and repeats skipped, reading further while they fall short
    def _ranked_by_text(self, match, joined, conditions, params, wanted, lang) -> list[tuple]:
        """The best ``wanted`` resources when the full-text match decides which (the text, and
        the type filter, which is in the match too): the best rows by BM25 from the full-text
        table alone, then their documents (joining every match to its document before ranking
        costs as much again)."""
        name = "d.name_en" if lang == "en" else "d.name_sv"
        best_rows = ("SELECT rowid, bm25(doc_terms, ?, 1.0, 0.0) AS rank FROM doc_terms WHERE doc_terms MATCH ? "
                     "ORDER BY rank, rowid LIMIT ?")
        fetch = 2 * wanted
        while True:
            ranks = dict(self.db.execute(best_rows, [NAME_WEIGHT, match, fetch]).fetchall())
            if not ranks:
                return []
            found = self.db.execute(
                f"SELECT d.id, d.iri, d.kind, d.org, {name}, d.detail, d.sdgs, d.graph FROM doc d "
                f"LEFT JOIN graph_state s ON s.graph = d.graph WHERE d.id IN ({','.join('?' * len(ranks))}){conditions}",
                [*ranks, *params]).fetchall()
            best: dict[str, tuple] = {}
            for row in sorted(found, key=lambda r: (ranks[r[0]], r[0])):
                best.setdefault(row[1], (*row[1:], ranks[row[0]]))
            if len(best) >= wanted or len(ranks) < fetch:
                return list(best.values())
            fetch *= 2

    def _ranked_with_filters(self, match, joined, conditions, params, wanted, lang) -> list[tuple]:
        """The best ``wanted`` resources among those the filters (organisation, SDG) let through."""
        name = "d.name_en" if lang == "en" else "d.name_sv"
        select = (f"SELECT d.iri, d.kind, d.org, {name}, d.detail, d.sdgs, d.graph, bm25(doc_terms, ?, 1.0, 0.0) AS rank "
                  f"FROM doc_terms {joined} WHERE doc_terms MATCH ?{conditions} ORDER BY rank, d.id LIMIT ?")
        fetch = 2 * wanted
        while True:
            rows = self.db.execute(select, [NAME_WEIGHT, match, *params, fetch]).fetchall()
            best: dict[str, tuple] = {}
            for row in rows:
                best.setdefault(row[0], row)
            if len(best) >= wanted or len(rows) < fetch:
                return list(best.values())
            fetch *= 2

    def names(self, kind: str, keys: Iterable[str], lang: str = "sv") -> dict[str, str]:
        """Names of indexed resources of one kind: organisations by code, others by IRI."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        name = "name_en" if lang == "en" else "name_sv"
        iris = [ORG_NAMESPACE + key for key in keys] if kind == "organisation" else keys
        rows = self.db.execute(
            f"SELECT iri, {name} FROM doc WHERE kind = ? AND iri IN ({','.join('?' * len(iris))})", [kind, *iris])
        found = dict(rows.fetchall())
        if kind == "organisation":
            return {key: found[ORG_NAMESPACE + key] for key in keys if ORG_NAMESPACE + key in found}
        return found

    def stats(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT kind, COUNT(*) FROM doc GROUP BY kind").fetchall())


def _with_inherited_sdgs(docs: list[Document]) -> list[Document]:
    """An indicator is about the SDGs of the goals it measures."""
    goals = {d.iri: d.sdgs for d in docs if d.kind == "goal"}
    for doc in docs:
        for goal in doc.measures:
            doc.sdgs |= goals.get(goal, set())
    return docs
