"""A read-only view of a data graph that answers pyshacl's lookups from dictionaries.

pyshacl asks the data graph hundreds of thousands of small questions while the shapes run
(the values of one property of one focus node, the instances of one class, is this node
of that type). Asked of Oxigraph (or rdflib's memory store) each costs a pattern match and
the conversion of its terms. The graph does not change while the shapes run, so the view
reads each predicate's triples once, on its first question, into two dictionaries
(subject → objects, object → subjects); every later question about that predicate is a
dictionary lookup. Questions without a predicate go to the graph itself.

A graph handed to a validation worker comes as N-Triples written by Oxigraph; its
dictionaries are filled straight from that text in one pass (``index_ntriples``), which
costs half of what reading the triples back out of Oxigraph does, and the terms that recur
from one organisation to the next (the ontology's and the reference vocabularies' IRIs,
years, dates) are made once per worker. The view is an ``IndexedGraph``: the questions
pyshacl asks most (the objects of a subject, the subjects of an object, for one predicate)
skip rdflib's generic pattern matching.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.store import Store
from rdflib.term import Node

from ssgraph.store.terms import triples_of_ntriples_line

_NO_CONTEXTS: tuple = ()


class _Predicate:
    """The triples of one predicate, by subject, and by object once that is first asked for
    (pyshacl asks by object about a few predicates only: rdf:type, rdfs:subClassOf)."""

    __slots__ = ("by_subject", "_by_object")

    def __init__(self, graph: Graph | None = None, predicate: Node | None = None):
        self.by_subject: dict[Node, set[Node]] = {}
        self._by_object: dict[Node, set[Node]] | None = None
        if graph is not None:
            for subject, obj in graph.subject_objects(predicate):
                self.add(subject, obj)

    def add(self, subject: Node, obj: Node) -> None:
        objects = self.by_subject.get(subject)
        if objects is None:
            objects = self.by_subject[subject] = set()
        objects.add(obj)
        if self._by_object is not None:
            subjects = self._by_object.get(obj)
            if subjects is None:
                subjects = self._by_object[obj] = set()
            subjects.add(subject)

    @property
    def by_object(self) -> dict[Node, set[Node]]:
        if self._by_object is None:
            by_object: dict[Node, set[Node]] = {}
            for subject, objects in self.by_subject.items():
                for obj in objects:
                    subjects = by_object.get(obj)
                    if subjects is None:
                        subjects = by_object[obj] = set()
                    subjects.add(subject)
            self._by_object = by_object
        return self._by_object


class IndexedLookups(Store):
    """rdflib's store interface, read-only, over ``graph`` (see the module's docstring)."""

    context_aware = True  # pyshacl wraps the graph in a Dataset over its store; one graph all the same
    formula_aware = False
    transaction_aware = False
    graph_aware = True

    def __init__(self, graph: Graph, predicates: dict[Node, _Predicate] | None = None):
        """``predicates``: every triple of ``graph`` already in dictionaries (see index_ntriples)."""
        super().__init__()
        self.graph = graph
        self._complete = predicates is not None
        self._predicates: dict[Node, _Predicate] = predicates if predicates is not None else {}
        self._length: int | None = None  # Oxigraph counts a store's triples one by one

    def _index(self, predicate: Node) -> _Predicate:
        found = self._predicates.get(predicate)
        if found is None:
            found = _Predicate() if self._complete else _Predicate(self.graph, predicate)
            self._predicates[predicate] = found
        return found

    def triples(self, triple_pattern, context=None) -> Iterator:
        subject, predicate, obj = triple_pattern
        if predicate is None:
            for triple in self.graph.triples(triple_pattern):
                yield triple, iter(_NO_CONTEXTS)
            return
        index = self._index(predicate)
        if subject is not None:
            objects = index.by_subject.get(subject, ())
            if obj is None:
                for found in tuple(objects):
                    yield (subject, predicate, found), iter(_NO_CONTEXTS)
            elif obj in objects:
                yield (subject, predicate, obj), iter(_NO_CONTEXTS)
        elif obj is not None:
            for found in tuple(index.by_object.get(obj, ())):
                yield (found, predicate, obj), iter(_NO_CONTEXTS)
        else:
            for found, objects in tuple(index.by_subject.items()):
                for each in tuple(objects):
                    yield (found, predicate, each), iter(_NO_CONTEXTS)

    def __len__(self, context=None) -> int:
        if self._length is None:
            self._length = len(self.graph)
        return self._length

    def contexts(self, triple=None):
        return iter(_NO_CONTEXTS)

    def add_graph(self, graph) -> None:
        pass  # one graph only

    def remove_graph(self, graph) -> None:
        pass

    def add(self, triple, context=None, quoted: bool = False) -> None:
        raise TypeError("a read-only view")

    def remove(self, triple, context=None) -> None:
        raise TypeError("a read-only view")

    def bind(self, prefix, namespace, override: bool = True) -> None:
        self.graph.bind(prefix, namespace, override=override)

    def namespace(self, prefix):
        return self.graph.store.namespace(prefix)

    def prefix(self, namespace):
        return self.graph.store.prefix(namespace)

    def namespaces(self):
        yield from self.graph.namespaces()


class IndexedGraph(Graph):
    """A graph over IndexedLookups that answers one predicate's objects (subjects) of one
    subject (object) from the dictionaries directly; everything else as any rdflib graph."""

    def objects(self, subject=None, predicate=None, unique: bool = False):
        if subject is not None and type(predicate) is URIRef:
            return iter(tuple(self.store._index(predicate).by_subject.get(subject, ())))
        return super().objects(subject, predicate, unique)

    def subjects(self, predicate=None, object=None, unique: bool = False):  # noqa: A002 (rdflib's name)
        if object is not None and type(predicate) is URIRef:
            return iter(tuple(self.store._index(predicate).by_object.get(object, ())))
        return super().subjects(predicate, object, unique)


# the dictionaries take about 340 bytes a triple: a larger graph (a workbook of many thousand
# rows) is read directly, so that an import's memory does not grow by a third
MOST_TRIPLES = 300_000


def indexed_view(graph: Graph, predicates: dict[Node, _Predicate] | None = None) -> Graph:
    """``graph`` behind an IndexedLookups view (do not change ``graph`` while the view is used),
    or ``graph`` itself when it has more than MOST_TRIPLES triples. ``predicates`` (from
    index_ntriples, with whatever was added to ``graph`` since) saves reading ``graph``."""
    if len(graph) > MOST_TRIPLES:
        return graph
    return IndexedGraph(store=IndexedLookups(graph, predicates), identifier=graph.identifier)


# terms met in earlier graphs of the same worker, by their N-Triples text
_TERMS: dict[str, Node] = {}
_MOST_TERMS = 200_000
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term(text: str) -> Node | None:
    """An IRI or a literal without escapes, written as Oxigraph writes them; None otherwise."""
    known = _TERMS.get(text)
    if known is not None:
        return known
    if text[0] == "<" and text[-1] == ">":
        found: Node = URIRef(text[1:-1])
    elif text[0] == '"':
        end = text.rfind('"')
        lexical, rest = text[1:end], text[end + 1:]
        if end == 0 or "\\" in lexical:
            return None
        if not rest:
            found = Literal(lexical)
        elif rest[0] == "@":
            found = Literal(lexical, lang=rest[1:])
        elif rest[:3] == "^^<" and rest[-1] == ">":
            datatype = rest[3:-1]
            found = Literal(lexical) if datatype == _XSD_STRING else Literal(lexical, datatype=URIRef(datatype))
        else:
            return None
    else:
        return None
    if len(_TERMS) >= _MOST_TERMS:
        _TERMS.clear()
    _TERMS[text] = found
    return found


def index_ntriples(data: bytes) -> dict[Node, _Predicate] | None:
    """Every triple of N-Triples ``data`` in dictionaries, by predicate; None when the data has
    blank nodes (Oxigraph names them afresh when it reads them) or is too large for the
    dictionaries. A line this reading does not take (escapes in a literal) is read by Oxigraph."""
    if b"_:" in data or data.count(b"\n") > MOST_TRIPLES:
        return None
    predicates: dict[Node, _Predicate] = {}
    for line in data.decode("utf-8").splitlines():
        if not line:
            continue
        subject_text, predicate_text, rest = line.split(" ", 2)
        subject = predicate = obj = None
        if rest[-2:] == " .":
            subject, predicate, obj = _term(subject_text), _term(predicate_text), _term(rest[:-2])
        if subject is None or predicate is None or obj is None:  # (`None in` would call rdflib's __eq__)
            [(subject, predicate, obj)] = triples_of_ntriples_line(line)
        index = predicates.get(predicate)
        if index is None:
            index = predicates[predicate] = _Predicate()
        objects = index.by_subject.get(subject)
        if objects is None:
            index.by_subject[subject] = {obj}
        else:
            objects.add(obj)
    return predicates


def add_to_index(predicates: dict[Node, _Predicate], triples) -> None:
    for subject, predicate, obj in triples:
        index = predicates.get(predicate)
        if index is None:
            index = predicates[predicate] = _Predicate()
        index.add(subject, obj)
