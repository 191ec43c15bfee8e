"""A staging graph: an rdflib Graph whose triples live in a private Oxigraph store.

A big import builds its graph here instead of in rdflib's memory store: Oxigraph keeps a
triple in a fraction of the memory (rdflib: about 1.5 KB a triple with its indexes) and
answers the pattern lookups SHACL validation makes at least as fast. Large staging
graphs live on disk in a temporary folder (RocksDB keeps only its caches in memory), so
memory hardly grows with the number of rows. Features see an ordinary
``rdflib.Graph``; SHACL-SPARQL constraints query the staged triples where they are
(``select``), and the embedded store bulk-loads them from an N-Triples dump in pieces
(``ntriples_chunks``) instead of an update text.

Added triples are written as N-Triples lines (spooled to a temporary file beyond a batch)
and go into Oxigraph in one bulk load before the graph is next read: no Python object
is kept per triple, and the store is written at once (one Oxigraph version: the
SHACL-SPARQL constraints ran many times slower over a store written batch by batch).

Only the default graph of the private store is used.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.store import Store as RdflibStore
from rdflib.term import Node

from ssgraph.store.terms import from_oxigraph, to_oxigraph

_DEFAULT = ox.DefaultGraph()
# literal objects are converted again and again while validating (rdflib parses their values)
_CACHE_LIMIT = 200_000
_BATCH = 50_000  # lines kept in memory before they are spooled to a file


class OxigraphTriples(RdflibStore):
    """rdflib's store interface over the default graph of an Oxigraph store."""

    context_aware = True  # pyshacl wraps the data graph in a Dataset; every triple is in the one graph
    formula_aware = False
    transaction_aware = False
    graph_aware = True

    def add_graph(self, graph) -> None:
        pass  # one graph only

    def remove_graph(self, graph) -> None:
        pass

    def __init__(self, inner: ox.Store, directory: Path | None = None):
        super().__init__()
        self.inner = inner
        self.directory = directory
        self._namespaces: dict[str, URIRef] = {}
        self._prefixes: dict[URIRef, str] = {}
        self._terms: dict[object, Node] = {}
        self._lines: dict[URIRef, str] = {}  # IRIs recur (subjects, predicates): written once
        self._pending: list[str] = []
        self._spool = None  # a temporary file of written lines, beyond a batch
        # triples with blank nodes go in as terms: a parser would give their nodes new names
        self._with_blank_nodes: list[ox.Quad] = []

    # -- terms -----------------------------------------------------------------
    def _rdflib(self, term) -> Node:
        known = self._terms.get(term)
        if known is None:
            known = from_oxigraph(term)
            if len(self._terms) >= _CACHE_LIMIT:
                self._terms.clear()
            self._terms[term] = known
        return known

    @staticmethod
    def _pattern(term: Node | None):
        if term is None:
            return None
        try:
            return to_oxigraph(term)
        except (TypeError, ValueError):
            return False  # no such term can be stored (e.g. a variable, a literal subject)

    # -- writing: added triples wait as N-Triples lines, and go in at once ----------
    def _line(self, term: Node) -> str:
        if type(term) is URIRef:
            known = self._lines.get(term)
            if known is None:
                if len(self._lines) >= _CACHE_LIMIT:
                    self._lines.clear()
                known = self._lines[term] = str(to_oxigraph(term))
            return known
        return str(to_oxigraph(term))

    def add(self, triple, context=None, quoted: bool = False) -> None:
        s, p, o = triple
        if type(s) is BNode or type(o) is BNode:
            self._with_blank_nodes.append(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), _DEFAULT))
            return
        self._pending.append(f"{self._line(s)} {self._line(p)} {self._line(o)} .\n")
        if len(self._pending) >= _BATCH:
            if self._spool is None:
                self._spool = tempfile.TemporaryFile(dir=self.directory)
            self._spool.write("".join(self._pending).encode("utf-8"))
            self._pending = []

    def addN(self, quads) -> None:  # noqa: N802 (rdflib's name)
        for s, p, o, _ in quads:
            self.add((s, p, o))

    def settle(self) -> None:
        """Before reading: the written lines loaded into Oxigraph, in one bulk load."""
        if self._with_blank_nodes:
            quads, self._with_blank_nodes = self._with_blank_nodes, []
            self.inner.bulk_extend(quads)
        if not self._pending and self._spool is None:
            return
        data = "".join(self._pending).encode("utf-8")
        self._pending = []
        if self._spool is not None:
            spool, self._spool = self._spool, None
            with spool:
                spool.write(data)
                spool.seek(0)
                self.inner.bulk_load(spool, format=ox.RdfFormat.N_TRIPLES)
        else:
            self.inner.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)

    def remove(self, triple, context=None) -> None:
        self.settle()
        pattern = [self._pattern(t) for t in triple]
        if False in pattern:
            return
        for quad in list(self.inner.quads_for_pattern(*pattern, _DEFAULT)):
            self.inner.remove(quad)

    def triples(self, triple_pattern, context=None) -> Iterator:
        self.settle()
        pattern = [self._pattern(t) for t in triple_pattern]
        if False in pattern:
            return
        convert = self._rdflib
        for quad in self.inner.quads_for_pattern(*pattern, _DEFAULT):
            yield (convert(quad.subject), convert(quad.predicate), convert(quad.object)), iter(())

    def __len__(self, context=None) -> int:
        self.settle()
        return len(self.inner)

    def contexts(self, triple=None):
        return iter(())

    def bind(self, prefix: str, namespace: URIRef, override: bool = True) -> None:
        if not override and (prefix in self._namespaces or namespace in self._prefixes):
            return
        old = self._namespaces.pop(prefix, None)
        if old is not None:
            self._prefixes.pop(old, None)
        old_prefix = self._prefixes.pop(namespace, None)
        if old_prefix is not None:
            self._namespaces.pop(old_prefix, None)
        self._namespaces[prefix] = namespace
        self._prefixes[namespace] = prefix

    def namespace(self, prefix: str) -> URIRef | None:
        return self._namespaces.get(prefix)

    def prefix(self, namespace: URIRef) -> str | None:
        return self._prefixes.get(namespace)

    def namespaces(self):
        yield from self._namespaces.items()

    def close(self, commit_pending_transaction: bool = False) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        self._pending = []
        self._with_blank_nodes = []
        if self.directory is not None:
            self.inner = None
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


def staging_graph(on_disk: bool = False, under: Path | None = None) -> Graph:
    """An empty staging graph; ``on_disk`` keeps its triples in a temporary folder
    (``under`` it when given) that ``discard`` removes."""
    directory = Path(tempfile.mkdtemp(prefix="ssgraph-staging-", dir=under)) if on_disk else None
    inner = ox.Store(str(directory)) if directory else ox.Store()
    graph = Graph(store=OxigraphTriples(inner, directory))
    if directory is not None:  # removed at the latest when the graph is garbage
        weakref.finalize(graph, shutil.rmtree, directory, True)
    return graph


def staged_from_ntriples(data: bytes) -> Graph:
    """A staging graph in memory holding the triples of N-Triples ``data``, written at once."""
    inner = ox.Store()
    inner.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return Graph(store=OxigraphTriples(inner))


def staged_from_file(path: Path, format: str = "turtle") -> Graph:
    """A staging graph in memory holding the triples (of every graph) of an RDF file."""
    from ssgraph.store.embedded import OXIGRAPH_RDF_FORMAT

    inner = ox.Store()
    inner.bulk_load(path=str(path), format=OXIGRAPH_RDF_FORMAT[format], to_graph=_DEFAULT)
    return Graph(store=OxigraphTriples(inner))


def is_staged(graph: Graph) -> bool:
    return isinstance(graph.store, OxigraphTriples) and graph.store.inner is not None


def discard(graph: Graph) -> None:
    """Remove the folder of a staging graph on disk (the graph is unusable afterwards); one
    in memory stays usable and goes with the garbage."""
    if is_staged(graph) and graph.store.directory is not None:
        graph.store.close()


def add_all(graph: Graph, triples: Iterable[tuple[Node, Node, Node]]) -> None:
    """Add many triples at once (one Oxigraph transaction for a staging graph)."""
    if is_staged(graph):
        graph.store.addN((s, p, o, None) for s, p, o in triples)
    else:
        for triple in triples:
            graph.add(triple)


def select(graph: Graph, sparql: str) -> tuple[list[str], list[dict[str, Node]]]:
    """The variables and rows (bound variables only) of a SELECT query over a staging graph."""
    graph.store.settle()
    solutions = graph.store.inner.query(sparql)
    names = [variable.value for variable in solutions.variables]
    convert = graph.store._rdflib
    rows = []
    for solution in solutions:
        rows.append({name: convert(solution[name]) for name in names if solution[name] is not None})
    return names, rows


def ntriples_chunks(graph: Graph, size: int = 32 << 20) -> Iterator[bytes]:
    """A staging graph's triples as N-Triples in pieces of about ``size`` bytes, whole lines
    each, so that each can be bulk-loaded on its own with bounded memory. Lines with blank
    nodes all come in the last piece (a parser names a document's blank nodes afresh: one
    node must not be split over two documents)."""
    graph.store.settle()
    blank: list[bytes] = []
    with tempfile.TemporaryFile(dir=graph.store.directory) as dump:
        graph.store.inner.dump(dump, format=ox.RdfFormat.N_TRIPLES, from_graph=_DEFAULT)
        dump.seek(0)
        rest = b""
        while block := dump.read(size):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            block, rest = block[:cut], block[cut:]
            if b"_:" in block:
                lines = block.splitlines(keepends=True)
                blank += [line for line in lines if b"_:" in line]
                block = b"".join(line for line in lines if b"_:" not in line)
            if block:
                yield block
        if rest or blank:
            yield b"".join(blank) + rest
    # a literal holding "_:" only moves its line to the last piece


def ntriples_lines(graph: Graph) -> list[str]:
    """The graph's triples as sorted N-Triples lines (a staging graph: Oxigraph's own dump)."""
    if is_staged(graph):
        graph.store.settle()
        text = graph.store.inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=_DEFAULT).decode("utf-8")
        return sorted(text.splitlines())
    return sorted(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} ." for s, p, o in graph)


def ntriples_digest(graph: Graph, leave_out: str | None = None) -> bytes:
    """A digest of the graph's triples as N-Triples lines (lines containing ``leave_out`` left
    out) that does not depend on their order: the sum of the lines' hashes. The same triples
    give the same digest without being sorted in memory (a staging graph is read from
    Oxigraph's dump in a temporary file)."""
    total = 0

    def count(line: bytes) -> None:
        nonlocal total
        if line and (leave_out is None or leave_out.encode() not in line):
            total += int.from_bytes(hashlib.blake2b(line, digest_size=20).digest(), "big")

    if is_staged(graph):
        graph.store.settle()
        with tempfile.TemporaryFile(dir=graph.store.directory) as dump:
            graph.store.inner.dump(dump, format=ox.RdfFormat.N_TRIPLES, from_graph=_DEFAULT)
            dump.seek(0)
            for line in dump:
                count(line.rstrip(b"\n"))
    else:
        for s, p, o in graph:
            count(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} .".encode())
    return (total % (1 << 256)).to_bytes(32, "big")
