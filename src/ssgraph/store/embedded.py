"""The embedded backend: Oxigraph (pyoxigraph) persisted in a directory.

Layout of a store directory::

    STORE/CURRENT          name of the generation in use, e.g. "gen-000003"
    STORE/gen-000003/      an Oxigraph (RocksDB) database

Bulk loads are made all-or-nothing by generations: the current database is checkpointed
into a new generation (hard links, cheap), the files are bulk-loaded into that copy, and
only when everything parsed and landed does ``CURRENT`` switch to it (an atomic rename).
A load that fails, or a process killed half-way, leaves ``CURRENT`` pointing at the
untouched earlier generation; leftovers are removed the next time the store is opened.
Small writes (graph replacement, updates) run as single Oxigraph transactions in place.
"""

from __future__ import annotations

import gzip
import itertools
import os
import re
import shutil
import tempfile
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, BinaryIO

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from ssgraph.errors import InputError, Location, QueryError, StoreError, problem
from ssgraph.owned_files import write_text_atomically
from ssgraph.store.base import (
    ARCHIVED_GRAPHS_QUERY,
    FORMATS_WITH_GRAPHS,
    GraphInfo,
    ProgressCallback,
    RawResult,
    Store,
    chooses_versions_itself,
    format_for_path,
    reads_no_data,
)
from ssgraph.store.binding import bind, iri, term
from ssgraph.store.derived import SUMMARIES_GRAPH
from ssgraph.store.federation import FederationPolicy
from ssgraph.store.query_jobs import QueryJob, TooManyRows
from ssgraph.store.staging import is_staged, ntriples_chunks
from ssgraph.store.terms import from_oxigraph

NOT_A_STORE = "store.not_a_store"
# a replacement this large is bulk-loaded into a new generation rather than inserted by an update
# (at 44,000 triples, init --examples: 0.4 s CPU against 1.3 s)
BULK_WRITE_TRIPLES = 30_000
# what one bulk load of a replacement takes at most (the bulk loader keeps it in memory)
PIECE_BYTES = 32 << 20

OXIGRAPH_RDF_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
OXIGRAPH_RESULT_FORMAT = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
CURRENT_FILE = "CURRENT"
GENERATION_PREFIX = "gen-"


_POSITION_NOISE = re.compile(
    r"^Parser error (at|between) line \d+ column \d+( and line \d+ column \d+)?: "
    r"|^Parser error at line \d+ between columns \d+ and \d+: |\s*\(line \d+\)$")


def syntax_detail(error: SyntaxError) -> str:
    """The parser's message without the position, which the location already gives."""
    return _POSITION_NOISE.sub("", str(error.msg or error)).strip()


class _CountingReader:
    """A binary reader that reports how many bytes of the file were consumed."""

    def __init__(self, raw: BinaryIO, stream: IO[bytes], total: int, progress: ProgressCallback):
        self._raw, self._stream, self._total, self._progress = raw, stream, total, progress

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size)
        self._progress(self._raw.tell(), self._total)
        return chunk

    def readinto(self, buffer: bytearray) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def generation_key(directory: Path) -> tuple[str, int]:
    """Changes whenever the content of the embedded store in ``directory`` may have changed:
    its current generation, and that generation's folder time (files come and go on writes)."""
    try:
        generation = (directory / CURRENT_FILE).read_text(encoding="utf-8").strip()
        return generation, os.stat(directory / generation).st_mtime_ns
    except OSError:
        return "", 0


RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}


class _RowLimitPassed(Exception):
    pass


class _CountingWriter:
    """Where Oxigraph writes TSV results: counts the lines and stops past the row limit."""

    def __init__(self, limit: int):
        self.most_lines = limit + 1  # the header line, then one line a row
        self.lines = 0
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        self.lines += data.count(b"\n")
        if self.lines > self.most_lines:
            raise _RowLimitPassed()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _limited_solutions(result: ox.QuerySolutions, limit: int, result_format: str) -> bytes:
    writer = _CountingWriter(limit)
    try:
        result.serialize(writer, format=ox.QueryResultsFormat.TSV)
    except BaseException:
        if writer.lines > writer.most_lines:
            raise TooManyRows(limit) from None
        raise
    if writer.lines > writer.most_lines:
        raise TooManyRows(limit)
    tsv = b"".join(writer.parts)
    if result_format == "tsv":
        return tsv
    return ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(
        format=OXIGRAPH_RESULT_FORMAT[result_format])


class ReadOnlyView:
    """A read-only handle on an embedded store that re-opens itself when the content changed.

    ``stamp()`` costs two ``stat`` calls: the CURRENT file (replaced when a load switches
    generations) and the generation's folder (files come and go on writes). Equal stamps
    mean the same content, in any process.
    """

    def __init__(self, directory: Path, federation: FederationPolicy | None = None):
        self.directory = Path(directory)
        self.federation = federation
        self._marker = os.path.join(directory, CURRENT_FILE)
        self._folder = ""
        self._store: EmbeddedStore | None = None
        self._seen: tuple = ()

    def stamp(self) -> tuple:
        try:
            marker = os.stat(self._marker)
            if (marker.st_ino, marker.st_mtime_ns) != self._seen[:2]:  # another generation: its folder
                with open(self._marker, encoding="utf-8") as handle:
                    self._folder = os.path.join(self.directory, handle.read().strip())
            return marker.st_ino, marker.st_mtime_ns, os.stat(self._folder).st_mtime_ns
        except OSError:
            return ()

    def store(self, stamp: tuple) -> EmbeddedStore:
        """The store as of ``stamp`` (re-opened when the stamp moved on)."""
        if self._store is None or stamp != self._seen or not stamp:
            if self._store is not None:
                self._store.close()
            self._store = None
            self._store = EmbeddedStore(self.directory, read_only=True, federation=self.federation)
            self._folder = os.path.join(self.directory, self._store.generation)
            self._seen = ()
            self._seen = self.stamp()
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _open_input(path: Path) -> tuple[BinaryIO, IO[bytes]]:
    raw = open(path, "rb")
    return raw, (gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw)


class EmbeddedStore(Store):
    backend = "embedded"
    atomic_graph_replace = True
    atomic_load = True
    shared_access = False

    def __init__(self, directory: Path, read_only: bool = False, federation: FederationPolicy | None = None):
        self.directory = Path(directory)
        self.read_only = read_only
        if federation is not None:
            self.federation = federation
        self._archived: frozenset[str] | None = None
        self._current_graphs: list | None = None
        self._store = self._open_current()

    # -- generations -------------------------------------------------------------
    def _current_generation(self) -> str | None:
        marker = self.directory / CURRENT_FILE
        if marker.exists():
            return marker.read_text(encoding="utf-8").strip()
        return None

    def _open_current(self) -> ox.Store:
        generation = self._current_generation()
        if generation is None:
            if self.read_only:
                raise StoreError(problem("store.in_use", path=str(self.directory), detail="no store here"))
            if self.directory.is_dir() and any(self.directory.iterdir()):
                # a new store only in a new or empty folder: its clean-up never touches others' files
                raise StoreError(problem(NOT_A_STORE, Location(file=str(self.directory))))
            self.directory.mkdir(parents=True, exist_ok=True)
            generation = f"{GENERATION_PREFIX}000001"
            self._switch_to(generation)
        path = self.directory / generation
        self.generation = generation
        try:
            store = ox.Store.read_only(str(path)) if self.read_only else ox.Store(str(path))
        except OSError as error:
            raise StoreError(problem("store.in_use", path=str(self.directory), detail=str(error))) from error
        if not self.read_only:
            self._remove_stale_generations(keep=generation)
        return store

    def _switch_to(self, generation: str) -> None:
        write_text_atomically(self.directory / CURRENT_FILE, generation + "\n")
        directory_fd = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(directory_fd)
        finally:
            os.close(directory_fd)

    def _remove_stale_generations(self, keep: str) -> None:
        for entry in self.directory.iterdir():
            if (entry.is_dir() and not entry.is_symlink() and entry.name.startswith(GENERATION_PREFIX)
                    and entry.name != keep):
                shutil.rmtree(entry, ignore_errors=True)

    def _next_generation(self) -> str:
        current = self._current_generation() or f"{GENERATION_PREFIX}000000"
        return f"{GENERATION_PREFIX}{int(current[len(GENERATION_PREFIX):]) + 1:06d}"

    # -- writing -----------------------------------------------------------------
    def load(
        self,
        paths: Iterable[Path],
        graph: str | None = None,
        format: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> int:
        files = [Path(p) for p in paths]
        if graph:
            iri(graph)
        plan = [(path, format_for_path(path, format)) for path in files]
        for path, fmt in plan:
            if not path.is_file():
                raise InputError(problem("store.file_missing", Location(file=str(path))))
            if graph and fmt in FORMATS_WITH_GRAPHS - {"json-ld"}:
                raise InputError(problem("store.graph_into_quads", Location(file=str(path)), format=fmt))
        total = sum(path.stat().st_size for path in files)
        before = len(self._store)

        def fill(staged: ox.Store) -> int:
            done = 0
            for path, fmt in plan:
                self._bulk_load_file(staged, path, fmt, graph, done, total, progress)
                done += path.stat().st_size
            staged.flush()
            return len(staged) - before

        loaded = self._in_new_generation(fill)
        self._derive(None)
        return loaded

    def _in_new_generation(self, fill):
        """Write into a checkpoint of the current generation and switch to it when ``fill``
        returned: all or nothing, even when the process is killed half-way."""
        generation = self._next_generation()
        target = self.directory / generation
        if target.exists():
            shutil.rmtree(target)
        self._store.flush()
        self._store.backup(str(target))
        staged = ox.Store(str(target))
        try:
            outcome = fill(staged)
            staged.flush()
        except BaseException as error:
            # the failed frames in the traceback still hold the store: clear them so that it
            # is closed (its files released) before its folder is removed
            traceback.clear_frames(error.__traceback__)
            del staged
            shutil.rmtree(target, ignore_errors=True)
            raise
        del staged
        del self._store
        self._archived = None
        self._current_graphs = None
        self._switch_to(generation)
        self._store = self._open_current()
        return outcome

    def replace_graphs(self, graphs: Mapping[str, Graph]) -> None:
        """Small replacements are one update; a large staging graph (``store.staging``) is
        bulk-loaded from its N-Triples dump into a new generation, which is as atomic."""
        if sum(len(g) for g in graphs.values()) < BULK_WRITE_TRIPLES:
            super().replace_graphs(graphs)
            return
        for graph_iri in graphs:
            iri(graph_iri)

        def fill(staged: ox.Store) -> None:
            staged.update(";\n".join(bind("DROP SILENT GRAPH $g", g=iri(g)) for g in graphs))
            # a folder named like a generation: a leftover is removed when the store is next opened
            with tempfile.TemporaryDirectory(prefix=f"{GENERATION_PREFIX}dump-", dir=self.directory) as folder:
                # the graphs' N-Triples lines as N-Quads, loaded a few at once: a bulk load per
                # graph wrote files of its own each time (37 graphs of init: 3 times the CPU), and
                # one of everything held all of it in memory (the bulk loader keeps what it loads)
                part, pieces = Path(folder) / "graph.nt", []

                def load() -> None:
                    staged.bulk_load(b"".join(pieces), format=ox.RdfFormat.N_QUADS)
                    pieces.clear()

                for graph_iri, content in graphs.items():
                    if not len(content):
                        continue
                    if is_staged(content):
                        lines = ntriples_chunks(content, PIECE_BYTES)
                    else:
                        content.serialize(part, format="nt", encoding="utf-8")
                        lines = [part.read_bytes()]
                    # an N-Triples line ends in " .\n" and holds no other line end (escaped in literals)
                    in_graph = f" {term(iri(graph_iri))} .\n".encode()
                    for chunk in lines:
                        pieces.append(chunk.replace(b" .\n", in_graph))
                        if sum(map(len, pieces)) >= PIECE_BYTES:
                            load()
                if pieces:
                    load()

        self._in_new_generation(fill)
        self._derive(graphs)

    @staticmethod
    def _bulk_load_file(
        staged: ox.Store,
        path: Path,
        fmt: str,
        graph: str | None,
        offset: int,
        total: int,
        progress: ProgressCallback | None,
    ) -> None:
        compressed = path.name.lower().endswith(".gz")
        raw, stream = _open_input(path) if (compressed or progress is not None) else (None, None)
        try:
            options = {
                "format": OXIGRAPH_RDF_FORMAT[fmt],
                "base_iri": path.resolve().as_uri(),
                "to_graph": ox.NamedNode(graph) if graph else None,
            }
            if stream is None:
                # Oxigraph reads the file itself: no Python in the parsing loop
                staged.bulk_load(path=str(path), **options)
            elif progress is not None:
                report = lambda done, _total: progress(offset + done, total)
                staged.bulk_load(_CountingReader(raw, stream, total, report), **options)
            else:
                staged.bulk_load(stream, **options)
        except SyntaxError as error:
            raise InputError(
                problem(
                    "store.syntax_error",
                    Location(file=str(path), line=error.lineno, column=error.offset),
                    format=fmt,
                    detail=syntax_detail(error),
                )
            ) from None
        finally:
            if stream is not None:
                stream.close()
                raw.close()

    def _apply(self, sparql: str, base_iri: str | None = None) -> None:
        self._archived = None
        self._current_graphs = None
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as error:
            raise QueryError(problem("store.query_syntax", detail=str(error))) from None
        except (OSError, ValueError, RuntimeError) as error:
            # RuntimeError: the update itself refused (CREATE of an existing graph, DROP of
            # a missing one); Oxigraph then wrote nothing of the request
            raise QueryError(problem("store.query_failed", detail=str(error))) from None

    # -- reading -----------------------------------------------------------------
    def _archived_graphs(self) -> frozenset[str]:
        """Graphs of non-current versions, cached until the next write."""
        if self._archived is None:
            solutions = self._store.query(ARCHIVED_GRAPHS_QUERY, use_default_graph_as_union=True)
            self._archived = frozenset(s["g"].value for s in solutions if isinstance(s["g"], ox.NamedNode))
        return self._archived

    def _current_default_graphs(self) -> list:
        """The default graph and every named graph but the archived ones, cached until the next write.

        An explicit list costs Oxigraph one index lookup per listed graph for each pattern,
        which is why queries that consult the catalogue get the plain union instead.
        """
        if self._current_graphs is None:
            left_out = self._archived_graphs() | {SUMMARIES_GRAPH}  # derived counts are no data
            self._current_graphs = [ox.DefaultGraph()] + [
                g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in left_out
            ]
        return self._current_graphs

    def _run(
        self,
        sparql: str,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ):
        self.federation.check(sparql)
        options: dict[str, object] = {}
        if default_graph_uris:
            options["default_graph"] = [ox.NamedNode(iri(i)) for i in default_graph_uris]
        elif named_graph_uris:
            options["default_graph"] = []  # the protocol: only named graphs, an empty default graph
        elif not chooses_versions_itself(sparql) and not reads_no_data(sparql) and self._archived_graphs():
            options["default_graph"] = self._current_default_graphs()
        else:
            options["use_default_graph_as_union"] = True
        if named_graph_uris:
            options["named_graphs"] = [ox.NamedNode(iri(i)) for i in named_graph_uris]
        try:
            return self._store.query(sparql, **options)
        except SyntaxError as error:
            raise QueryError(problem("store.query_syntax", detail=str(error))) from None
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(problem("store.query_failed", detail=str(error))) from None

    def query_raw(
        self,
        sparql: str,
        result_format: str = "json",
        graph_format: str = "turtle",
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ) -> RawResult:
        result = self._run(sparql, default_graph_uris, named_graph_uris)
        try:
            if isinstance(result, ox.QuerySolutions):
                fmt = OXIGRAPH_RESULT_FORMAT[result_format]
                return RawResult("select", fmt.media_type, result.serialize(format=fmt))
            if isinstance(result, ox.QueryBoolean):
                fmt = OXIGRAPH_RESULT_FORMAT[result_format]
                return RawResult("ask", fmt.media_type, result.serialize(format=fmt))
            rdf_format = OXIGRAPH_RDF_FORMAT[graph_format]
            return RawResult("graph", rdf_format.media_type, result.serialize(format=rdf_format))
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(problem("store.query_failed", detail=str(error))) from None

    def answer(self, job: QueryJob) -> RawResult:
        """A query job's result, serialised by Oxigraph; over the job's row limit, TooManyRows.

        With a row limit, solutions are written as TSV (one line per row) through a writer
        that counts lines and stops Oxigraph at the limit; the TSV is then what is sent, or
        is read back by Oxigraph into the asked format (lossless: TSV writes terms in full).
        """
        result = self._run(job.sparql, list(job.default_graph_uris) or None, list(job.named_graph_uris) or None)
        limit = job.max_rows or None
        try:
            if isinstance(result, ox.QueryBoolean) or (isinstance(result, ox.QuerySolutions) and limit is None):
                fmt = OXIGRAPH_RESULT_FORMAT[job.result_format]
                kind = "ask" if isinstance(result, ox.QueryBoolean) else "select"
                return RawResult(kind, RESULT_MEDIA_TYPES[job.result_format], result.serialize(format=fmt))
            if isinstance(result, ox.QuerySolutions):
                return RawResult("select", RESULT_MEDIA_TYPES[job.result_format],
                                 _limited_solutions(result, limit, job.result_format))
            triples = list(itertools.islice(result, limit + 1 if limit else None))
            if limit and len(triples) > limit:
                raise TooManyRows(limit)
            rdf_format = OXIGRAPH_RDF_FORMAT[job.graph_format]
            if job.graph_format in ("nquads", "trig"):
                triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
            return RawResult("graph", rdf_format.media_type, ox.serialize(triples, format=rdf_format) or b"")
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(problem("store.query_failed", detail=str(error))) from None

    def select(self, sparql: str) -> list[dict[str, Node]]:
        result = self._run(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(problem("store.query_failed", detail="not a SELECT query"))
        names = [v.value for v in result.variables]
        rows = []
        converted: dict = {}  # terms recur down a result (graphs, predicates, subjects): converted once
        try:
            for solution in result:
                row = {}
                for name in names:
                    value = solution[name]
                    if value is not None:
                        known = converted.get(value)
                        if known is None:
                            known = converted[value] = from_oxigraph(value)
                        row[name] = known
                rows.append(row)
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(problem("store.query_failed", detail=str(error))) from None
        return rows

    def ask(self, sparql: str) -> bool:
        result = self._run(sparql)
        return bool(result)

    def construct(self, sparql: str) -> Graph:
        result = self._run(sparql)
        graph = Graph()
        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            raise QueryError(problem("store.query_failed", detail="not a CONSTRUCT or DESCRIBE query"))
        for triple in result:
            graph.add((from_oxigraph(triple.subject), from_oxigraph(triple.predicate), from_oxigraph(triple.object)))
        return graph

    def graphs(self) -> list[GraphInfo]:
        rows = self.select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
        )
        infos = [GraphInfo(str(row["g"]), int(row["n"])) for row in rows]
        default_count = len(list(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
        if default_count:
            infos.insert(0, GraphInfo("", default_count))
        return infos

    def graph_names(self) -> list[str]:
        names = []
        for graph in self._store.named_graphs():
            if isinstance(graph, ox.NamedNode) and next(iter(self._store.quads_for_pattern(None, None, None, graph)), None):
                names.append(graph.value)  # an empty named graph is left out, as ``graphs`` leaves it out
        return sorted(names)

    def export(self, out: BinaryIO, format: str = "nquads", graph: str | None = None) -> None:
        rdf_format = OXIGRAPH_RDF_FORMAT[format]
        if graph is not None:
            from_graph = ox.NamedNode(iri(graph)) if graph else ox.DefaultGraph()
            self._store.dump(out, format=rdf_format, from_graph=from_graph)
        elif format in ("nquads", "trig"):
            self._store.dump(out, format=rdf_format)
        else:
            # a triple format for the whole dataset: the union of all graphs
            result = self._store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
            )
            out.write(result.serialize(format=rdf_format))

    def count(self, graph: str | None = None) -> int:
        if graph is None:
            return len(self._store)
        return len(list(self._store.quads_for_pattern(None, None, None, ox.NamedNode(iri(graph)))))

    def close(self) -> None:
        if getattr(self, "_store", None) is not None:
            if not self.read_only:
                self._store.flush()
            del self._store
            self._store = None  # type: ignore[assignment]
