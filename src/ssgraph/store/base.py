"""The store interface every backend implements.

Backends declare capabilities as flags that callers check, rather than callers testing
for a backend class. Query results come back either as Python values with rdflib terms
(``select``, ``ask``, ``construct``) or serialised by the backend itself
(``query_raw``), which the web endpoint streams without re-encoding.
"""

from __future__ import annotations

import io
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from rdflib import Dataset, Graph
from rdflib.term import Node

from ssgraph.store.binding import bind, iri
from ssgraph.store.federation import FederationPolicy

if TYPE_CHECKING:
    from ssgraph.store.payload import Triples

# file extension -> canonical format name used across ssgraph
EXTENSION_TO_FORMAT: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "ntriples",
    ".ntriples": "ntriples",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "rdfxml",
    ".owl": "rdfxml",
    ".xml": "rdfxml",
}
FORMATS_WITH_GRAPHS = {"trig", "nquads", "json-ld"}
RDF_FORMATS = ("turtle", "trig", "ntriples", "nquads", "json-ld", "rdfxml")
RESULT_FORMATS = ("json", "xml", "csv", "tsv")

ProgressCallback = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass(frozen=True)
class GraphInfo:
    iri: str  # "" for the default graph
    triples: int


@dataclass(frozen=True)
class RawResult:
    """A query result serialised by the backend."""

    kind: str  # "select" | "ask" | "graph"
    media_type: str
    body: bytes


def format_for_path(path: Path, explicit: str | None = None) -> str:
    """The RDF format of a file, from ``explicit`` or its extension (``.gz`` is looked through)."""
    if explicit:
        return explicit
    name = path.name.lower()
    name = name.removesuffix(".gz")
    suffix = Path(name).suffix
    try:
        return EXTENSION_TO_FORMAT[suffix]
    except KeyError:
        from ssgraph.errors import InputError, Location, problem

        raise InputError(
            problem("store.unknown_extension", Location(file=str(path)), extension=suffix or "?")
        ) from None


ARCHIVED_GRAPHS_QUERY = """
SELECT DISTINCT ?g WHERE {
  ?version <https://w3id.org/ssgraph/ontology#graph> ?g ;
           <https://w3id.org/ssgraph/ontology#isCurrentVersion> false .
}"""


_REMOVING_WORDS = {"DROP", "CLEAR", "DELETE", "MOVE"}


def may_remove_graphs(update_text: str) -> bool:
    """Whether an update may leave a graph empty (and a version of the catalogue without data)."""
    from ssgraph.store.sparql_text import code_words

    return bool(code_words(update_text) & _REMOVING_WORDS)


@lru_cache(maxsize=1)
def _catalogue_upkeep() -> str:
    from ssgraph import paths

    return (paths.QUERIES_DIR / "catalogue" / "forget_dropped_versions.ru").read_text(encoding="utf-8")


def with_catalogue_upkeep(update_text: str) -> str:
    """``update_text`` followed, in the same request (one transaction), by the catalogue's
    upkeep: versions whose graph is gone leave it, and an organisation whose current version
    went gets its latest remaining one as current (queries/catalogue/forget_dropped_versions.ru)."""
    from ssgraph.store.sparql_text import ends_with_separator

    # a newline ends a trailing comment; a trailing ';' already separates the next operation
    return update_text + ("\n" if ends_with_separator(update_text) else "\n;\n") + _catalogue_upkeep()


_CONSULTS_CATALOGUE = re.compile(r"isCurrentVersion\b")


def chooses_versions_itself(sparql: str) -> bool:
    """Whether a query consults the version catalogue (``ssg:isCurrentVersion``).

    Such a query picks the versions it reads, so it runs over the plain union of all
    graphs, which Oxigraph answers fastest.
    """
    return _CONSULTS_CATALOGUE.search(sparql) is not None


_NO_GRAPH_PATTERN = re.compile(
    r"\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^<>]*>|BASE\s*<[^<>]*>)\s*)*"
    r"(?:ASK|SELECT\b[^{}<>\"']*?)\s*(?:WHERE\s*)?\{\s*\}\s*(?:LIMIT\s+\d+\s*)?",
    re.IGNORECASE,
)


def reads_no_data(sparql: str) -> bool:
    """Whether a query has an empty WHERE clause (``ASK {}``): its dataset does not matter."""
    return _NO_GRAPH_PATTERN.fullmatch(sparql) is not None


class Store(ABC):
    """A quad store holding named graphs.

    The default graph of a query is the union of all graphs except the graphs of earlier
    (non-current) versions of organisations' goal structures, so cross-cutting queries
    never count a goal twice; earlier versions stay reachable with ``GRAPH``. A query
    that consults the version catalogue itself (see ``chooses_versions_itself``) gets the
    plain union.
    """

    backend: str = "abstract"
    #: which outside addresses SERVICE and LOAD may reach; checked on every query and update
    federation: FederationPolicy = FederationPolicy()
    #: replace_graphs() swaps graphs in one transaction
    atomic_graph_replace: bool = False
    #: load() is all-or-nothing, even when the process is killed half-way
    atomic_load: bool = False
    #: the store can be opened by several processes
    shared_access: bool = False

    # -- writing ---------------------------------------------------------------
    @abstractmethod
    def load(
        self,
        paths: Iterable[Path],
        graph: str | None = None,
        format: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> int:
        """Add the quads of files (into ``graph`` when given), all files or none.

        Returns the number of quads read. Malformed input raises ``InputError`` naming
        the file, line and column, and leaves the store as it was.
        """

    def replace_graphs(self, graphs: Mapping[str, Graph]) -> None:
        """Replace the content of each named graph with the given triples, in one update."""
        from ssgraph.store.updates import replace_graphs_update

        self._apply(replace_graphs_update(graphs))
        self._derive(graphs)

    def drop_graphs(self, iris: Iterable[str]) -> None:
        """Remove named graphs (missing ones are ignored), in one update."""
        iris = list(iris)
        statements = [bind("DROP SILENT GRAPH $g", g=iri(g)) for g in iris]
        if statements:
            self._apply(with_catalogue_upkeep(";\n".join(statements)))
            self._derive(iris)

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update (in one transaction), after the federation check.

        Relative IRIs in the text are resolved against ``base_iri`` when given.
        """
        self.federation.check(sparql, is_update=True)
        self._apply(with_catalogue_upkeep(sparql) if may_remove_graphs(sparql) else sparql, base_iri)
        from ssgraph.store.derived import iris_an_update_names, refresh_after_update
        from ssgraph.store.observers import notify

        refresh_after_update(self, sparql)
        notify(self, iris_an_update_names(sparql))

    def add_triples(self, graph: str, content: Graph) -> None:
        """Add rdflib triples to a named graph, in one transaction."""
        from ssgraph.store.updates import add_triples_update

        text = add_triples_update(graph, content)
        if text:
            self._apply(text)
            self._derive([graph])

    def write_graph(self, graph: str | None, triples: Triples, replace: bool) -> None:
        """Graph Store PUT (``replace``) or POST of checked triples into one graph (None: the
        default graph), in one transaction."""
        from ssgraph.store.updates import write_graph_update

        text = write_graph_update(graph, triples.items, replace)
        if text:
            self._apply(with_catalogue_upkeep(text) if replace else text)
            self._derive([graph] if graph else [])

    def graph_exists(self, graph: str) -> bool:
        """Whether a named graph exists, even an empty one (GSP: PUT of an empty graph)."""
        return self.ask(bind("ASK { GRAPH $g { } }", g=iri(graph)))

    def _derive(self, graphs: Iterable[str] | None) -> None:
        """Keep the derived summaries (``store.derived``) up to date after a write: for the
        graphs written, or (None) for whichever changed."""
        from ssgraph.store.derived import refresh
        from ssgraph.store.observers import notify

        graphs = None if graphs is None else list(graphs)
        refresh(self, graphs)
        notify(self, graphs)  # what else a write keeps current (the search index)

    @abstractmethod
    def _apply(self, sparql: str, base_iri: str | None = None) -> None:
        """Run an update text the store itself wrote from bound terms (no federation check)."""

    # -- reading ---------------------------------------------------------------
    @abstractmethod
    def query_raw(
        self,
        sparql: str,
        result_format: str = "json",
        graph_format: str = "turtle",
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ) -> RawResult:
        """Run a query; SELECT/ASK serialised as ``result_format``, graphs as ``graph_format``."""

    @abstractmethod
    def select(self, sparql: str) -> list[dict[str, Node]]:
        """Run a SELECT query; each row maps bound variable names to rdflib terms."""

    @abstractmethod
    def ask(self, sparql: str) -> bool: ...

    @abstractmethod
    def construct(self, sparql: str) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query into an rdflib graph."""

    @abstractmethod
    def graphs(self) -> list[GraphInfo]:
        """Named graphs with their triple counts (and the default graph when not empty)."""

    def graph_names(self) -> list[str]:
        """The named graphs holding triples, sorted, without counting them (``graphs`` counts)."""
        return sorted(str(row["g"]) for row in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))

    @abstractmethod
    def export(self, out: BinaryIO, format: str = "nquads", graph: str | None = None) -> None:
        """Write one graph (or everything, for quad formats) to ``out``."""

    def graph(self, iri: str) -> Graph:
        """The triples of one named graph as an rdflib graph."""
        buffer = io.BytesIO()
        self.export(buffer, format="ntriples", graph=iri)
        result = Graph()
        result.parse(data=buffer.getvalue(), format="nt")
        return result

    def dataset(self) -> Dataset:
        buffer = io.BytesIO()
        self.export(buffer, format="nquads")
        result = Dataset()
        result.parse(data=buffer.getvalue(), format="nquads")
        return result

    def count(self, graph: str | None = None) -> int:
        if graph:
            query = bind("SELECT (COUNT(*) AS ?n) WHERE { GRAPH $g { ?s ?p ?o } }", g=iri(graph))
        else:
            query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        row = self.select(query)
        return int(row[0]["n"]) if row else 0

    def close(self) -> None:  # noqa: B027 - an optional hook: most backends hold nothing to release
        """Release the store."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
